/** The metrics that continue across the 2019 and 2021 template changes: one column each in `facts_wide`. */
export const HARMONISED_METRICS = [
  'r.new.total',
  'r.carried_in.total',
  'r.handled.total',
  'r.carried_out.total',
  'r.granted.total',
  'r.partial.total',
  'r.denied.total.total',
  'r.unable.total.total',
  'r.rejected.total.total',
  'r.other.total.total',
  'rv.total',
  'rv.corrected',
  'lit.total',
  'lit.direct.total',
  'lit.direct.corrected',
  'lit.after_rv.total',
  'lit.after_rv.corrected',
  'p.total',
  'p.website',
] as const;

export const wideColumnName = (metric: string): string => metric.replaceAll('.', '_');
