// The report's values as a CSV, every value with its marks (as printed, approximate, derived,
// split from digits printed together, inferred from the narrative) and its correction, if any.
import { labelOfMetric } from '../../shared/metric-catalogue';
import { toCsv } from '../data/csv';
import type { Cell } from '../data/rows';

type Row = Record<string, Cell>;

export const REPORT_VALUE_COLUMNS = [
  'report_id', 'metric', 'metric_label', 'value', 'approx', 'derived', 'split', 'inferred', 'source', 'start', 'end',
  'pdf_page', 'printed_value', 'corrected', 'correction_note', 'correction_author',
] as const;

export function reportValuesCsv(reportId: string, rows: readonly Row[], locale: 'zh' | 'en'): string {
  return toCsv(REPORT_VALUE_COLUMNS, rows.map((r) => ({
    ...r,
    report_id: reportId,
    metric_label: labelOfMetric(String(r.metric), locale),
    split: r.split === true,
    inferred: r.inferred === true,
  })));
}
