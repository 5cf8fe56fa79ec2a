// Planted copies: a share of reports re-issue another report's work narrative word for word
// (last year's report of the same body, or a neighbour's of the same year), as evaluators find in
// real archives. Decided per report from the seed alone; a report only ever copies an original.
import { unitHash } from './prng';
import { reportId, type ReportPlan } from './report';

export type CopyKind = 'same_body' | 'same_year';

/** The report whose narrative this one repeats (it may lie outside the generated years). */
export interface PlannedCopy {
  of: string;
  kind: CopyKind;
}

/** Default share of reports that copy another's narrative. */
export const COPY_RATE = 0.04;
/** Of the copies, the share taken from the same body's previous year (the rest: a neighbour's). */
const SAME_BODY_SHARE = 0.6;

const copies = (seed: number, rate: number, id: string): boolean => unitHash(seed, 'copy', id) < rate;

/** `neighbour`: the body beside this one in the same year (a sibling division, the department before it), if any. */
export function planCopy(seed: number, rate: number, plan: ReportPlan, neighbour: ReportPlan | undefined): PlannedCopy | null {
  const id = reportId(plan);
  if (!copies(seed, rate, id)) return null;
  const sameBody = !neighbour || unitHash(seed, 'copy-kind', id) < SAME_BODY_SHARE;
  const source = sameBody ? reportId({ ...plan, year: plan.year - 1 }) : reportId(neighbour);
  if (copies(seed, rate, source)) return null;
  return { of: source, kind: sameBody ? 'same_body' : 'same_year' };
}
