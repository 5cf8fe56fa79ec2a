// The report's values as a CSV, every value with its marks (as printed, approximate, derived,
// split from digits printed together, inferred from the narrative) and its correction, if any.
import { labelOfMetric } from '../../shared/metric-catalogue';
import { toCsv } from '../data/csv';
import { metricUnit } from '../data/tidy';
import type { Cell } from '../data/rows';

type Row = Record<string, Cell>;

export const REPORT_VALUE_COLUMNS = [
  'report_id', 'report_sha256', 'metric', 'metric_label', 'unit', 'value', 'approx', 'derived', 'split', 'inferred', 'source', 'start', 'end',
  'pdf_page', 'printed_value', 'corrected', 'correction_note', 'correction_author',
] as const;

/** The report's file (its SHA-256 names its bytes, whatever layer or dataset holds it) and its values, each with its unit. */
export function reportValuesCsv(reportId: string, sha256: string | null, rows: readonly Row[], locale: 'zh' | 'en'): string {
  return toCsv(REPORT_VALUE_COLUMNS, rows.map((r) => ({
    ...r,
    report_id: reportId,
    report_sha256: sha256,
    metric_label: labelOfMetric(String(r.metric), locale),
    unit: metricUnit(String(r.metric), locale),
    split: r.split === true,
    inferred: r.inferred === true,
  })));
}

/** The CSV's file name: what it holds and of which report (its path, folders joined by '-', without the extension). */
export const reportValuesFileName = (reportId: string): string => `gongkai_report_${reportId.replace(/\.[A-Za-z0-9]+$/, '').replaceAll('/', '-')}_values`;
