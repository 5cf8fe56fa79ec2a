// What the Data view's table heads say: a metric's column its label from the metric catalogue
// (src/shared/metric-catalogue.ts, through metricLabel), the view's `value` its metric's label,
// and the columns that describe a row (report, body, year…) their own labels here. The column
// name stays the file's (CSV, Parquet) and is shown under the label.
import { RATIO_COLUMNS, valueColumns } from '../data/tidy';
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
  all_reports: { zh: '该年全部报告数（采用与否）', en: 'All reports that year (used or not)' },
  reports_with_total: { zh: '列明该指标的报告数', en: 'Reports stating it' },
  county_code: { zh: '县级区划代码', en: 'County code' },
  parent_code: { zh: '上级区划代码', en: 'Parent division code' },
  department: { zh: '部门', en: 'Department' },
  jurisdiction_flags: { zh: '区划标记', en: 'Jurisdiction flags' },
  // compare, outcomes, review
  area_summary: { zh: '区域汇总报告', en: 'Area summary' },
  bodies: { zh: '机构数', en: 'Bodies' },
  unitemised: { zh: '未分项', en: 'Not itemised' },
  denied_unitemised: { zh: '不予公开中未分项', en: 'Denied, not itemised' },
  applicant_unitemised: { zh: '申请人未分项', en: 'Applicants not itemised' },
  lit_corrected: { zh: '诉讼纠错', en: 'Suits corrected' },
  lit_pending: { zh: '诉讼未审结', en: 'Suits pending' },
  rv_rate_numerator: { zh: '复议纠错率分子', en: 'Review correction rate: numerator' },
  rv_rate_denominator: { zh: '复议纠错率分母', en: 'Review correction rate: denominator' },
  rv_reports_unrated: { zh: '未计入复议纠错率的报告数', en: 'Reports outside the review rate' },
  lit_rate_numerator: { zh: '诉讼纠错率分子', en: 'Suit correction rate: numerator' },
  lit_rate_denominator: { zh: '诉讼纠错率分母', en: 'Suit correction rate: denominator' },
  lit_reports_unrated: { zh: '未计入诉讼纠错率的报告数', en: 'Reports outside the suit rate' },
  rv_reports: { zh: '载明复议总数的报告数', en: 'Reports stating reviews' },
  rv_bodies: { zh: '载明复议总数的机关数', en: 'Bodies stating reviews' },
  lit_reports: { zh: '载明诉讼总数的报告数', en: 'Reports stating suits' },
  lit_bodies: { zh: '载明诉讼总数的机关数', en: 'Bodies stating suits' },
  // benchmark
  rank: { zh: '排名', en: 'Rank' },
  numerator: { zh: '分子', en: 'Numerator' },
  denominator: { zh: '分母', en: 'Denominator' },
  peer_group: { zh: '同级组', en: 'Peer group' },
  peers: { zh: '同级数', en: 'Peers' },
  peer_rank: { zh: '同级排名', en: 'Rank among peers' },
  p25: { zh: '同级第 25 百分位', en: 'Peers’ 25th percentile' },
  p50: { zh: '同级中位数', en: 'Peers’ median' },
  p75: { zh: '同级第 75 百分位', en: 'Peers’ 75th percentile' },
  fence_low: { zh: '离群下限', en: 'Outlier fence, low' },
  fence_high: { zh: '离群上限', en: 'Outlier fence, high' },
  outlier: { zh: '离群', en: 'Outlier' },
  peer_pooled: { zh: '同级合并比率', en: 'Peers’ pooled rate' },
  prev_value: { zh: '上年值', en: 'Previous year' },
  prev_scope: { zh: '上年范围', en: 'Previous year’s scope' },
  yoy_change: { zh: '较上年变化', en: 'Change on the year' },
  failed_checks: { zh: '未通过的核对', en: 'Failed checks' },
  copy_score: { zh: '雷同度', en: 'Copy score' },
  // reconciliation
  area_value: { zh: '区域汇总值', en: 'Area summary value' },
  area_report_id: { zh: '区域汇总报告编号', en: 'Area summary report id' },
  area_reports: { zh: '区域汇总报告数', en: 'Area summaries' },
  children_value: { zh: '下级合计', en: 'Children’s sum' },
  children_in_sum: { zh: '计入合计的下级数', en: 'Children in the sum' },
  children_area_value: { zh: '下级区域汇总合计', en: 'Children’s area summaries' },
  children_area_units: { zh: '以区域汇总计入的下级数', en: 'Children by area summary' },
  parent_self_value: { zh: '本级政府自身值', en: 'Parent government’s own' },
  parent_self_report_id: { zh: '本级政府报告编号', en: 'Parent government’s report id' },
  departments_value: { zh: '部门合计', en: 'Departments’ sum' },
  departments_in_sum: { zh: '计入合计的部门数', en: 'Departments in the sum' },
  departments_reported: { zh: '已发布部门数', en: 'Departments reported' },
  gap: { zh: '差额', en: 'Gap' },
  children_listed: { zh: '区划表列出的下级数', en: 'Children listed' },
  children_reported: { zh: '已发布下级数', en: 'Children reported' },
  children_missing: { zh: '未发布下级数', en: 'Children missing' },
  children_ambiguous: { zh: '发布机关有歧义的下级数', en: 'Children under an ambiguous issuer' },
  children_unlisted: { zh: '未列出而发布的下级数', en: 'Children reported, not listed' },
  // coverage, map
  unit: { zh: '单位类别', en: 'Unit kind' },
  listed: { zh: '区划表列出', en: 'Listed' },
  ambiguous_reports: { zh: '发布机关有歧义的报告数', en: 'Reports under an ambiguous issuer' },
  ambiguous_issuers: { zh: '有歧义的发布机关', en: 'Ambiguous issuers' },
  deadline: { zh: '截止日期', en: 'Deadline' },
  due: { zh: '已到期', en: 'Due' },
  late: { zh: '逾期', en: 'Late' },
  missing: { zh: '未发布', en: 'Missing' },
  not_due: { zh: '未到期', en: 'Not yet due' },
  units: { zh: '单位数', en: 'Units' },
  // benchmark's percentile and yoy_pct, reconciliation's gap_share: with the codebook's description
  ...Object.fromEntries(RATIO_COLUMNS.map((c) => [c.id, c.label])),
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
