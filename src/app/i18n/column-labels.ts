// What the Data view's table heads say: a metric's column its label from the metric catalogue
// (src/shared/metric-catalogue.ts, through metricLabel), the view's `value` its metric's label,
// and the columns that describe a row (report, body, year…) their own labels here. The column
// name stays the file's (CSV, Parquet) and is shown under the label.
import { valueColumns } from '../data/tidy';
import type { Locale } from './locale';
import { metricLabel } from './metric-labels';

const DESCRIBING: Record<string, { zh: string; en: string }> = {
  report_id: { zh: '报告编号', en: 'Report id' },
  issuer: { zh: '发布机关', en: 'Issuer' },
  jurisdiction: { zh: '所属区划', en: 'Jurisdiction' },
  published: { zh: '发布日期', en: 'Published' },
  n_failed_checks: { zh: '未通过的核对', en: 'Failed checks' },
  year: { zh: '年度', en: 'Year' },
  level: { zh: '层级', en: 'Level' },
  scope: { zh: '范围', en: 'Scope' },
  template: { zh: '报告格式', en: 'Template' },
  status: { zh: '解析状态', en: 'Parse status' },
  body_key: { zh: '机构代码', en: 'Body key' },
  body: { zh: '机构', en: 'Body' },
  body_name: { zh: '机构', en: 'Body' },
  body_year_reports: { zh: '该机构该年报告数', en: "Body's reports that year" },
  province_code: { zh: '省级区划代码', en: 'Province code' },
  province_name: { zh: '省份', en: 'Province' },
  city_code: { zh: '地市区划代码', en: 'City code' },
  division_code: { zh: '区划代码', en: 'Division code' },
  division_name: { zh: '区划', en: 'Division' },
  division_level: { zh: '区划层级', en: 'Division level' },
  reports: { zh: '报告数', en: 'Reports' },
  reports_with_total: { zh: '列明该指标的报告数', en: 'Reports stating it' },
};

export interface ColumnHead {
  /** The column's name in the rows and the downloads. */
  column: string;
  /** What a reader sees; the column name where there is no label. */
  label: string;
  /** The metric id (r.granted.total) of a metric's column, else the column name: shown under the label. */
  id: string;
}

/** The heads of a table's columns; `valueMetric` is the metric of a `value` column. */
export function columnHeads(columns: readonly string[], valueMetric: string | null, locale: Locale): ColumnHead[] {
  const metrics = new Map(valueColumns(columns, valueMetric));
  return columns.map((column) => {
    const metric = metrics.get(column);
    if (metric) return { column, label: metricLabel(metric, locale), id: metric };
    return { column, label: DESCRIBING[column]?.[locale] ?? column, id: column };
  });
}
