// Downloads an analyst can cite: the view's rows as tidy observations (one row per body, year and
// metric, with its label, unit, scope, the reports behind it and the dataset version), and a zip
// adding the codebook (the data dictionary, from the metric catalogue) and a citation line.
import { zipSync, strToU8 } from 'fflate';
import { CATALOGUE, RATES, SECTIONS, type Text } from '../../shared/metric-catalogue';
import { MIN_SIMILARITY } from '../../shared/similarity';
import { wideColumnName } from '../../shared/wide-metrics';
import { metricLabel } from '../i18n/metric-labels';
import { toCsv } from './csv';
import type { Cell } from './rows';
import { correctedRows, observationCorrected, type AppliedCorrection } from '../user/corrections-in-rows';

type Locale = keyof Text;
type Row = Record<string, Cell>;

export const TIDY_COLUMNS = ['body_key', 'body_name', 'year', 'metric', 'metric_label', 'unit', 'value', 'scope', 'reports', 'report_id', 'dataset_version'] as const;
export type TidyColumn = (typeof TIDY_COLUMNS)[number];
export type TidyRow = Record<TidyColumn, Cell>;

/** Metric ids by the column name they take in a view's rows (`r.new.total` → `r_new_total`). */
const METRIC_BY_COLUMN: ReadonlyMap<string, string> = new Map([...CATALOGUE.keys()].map((id) => [wideColumnName(id), id]));

/** Where each tidy field is found in a view's rows, first present column wins. */
const SOURCES = {
  body_key: ['body_key', 'division_code', 'province_code'],
  body_name: ['body', 'body_name', 'division_name', 'province_name', 'issuer'],
  year: ['year'],
  scope: ['scope'],
  reports: ['reports_with_total', 'reports'],
  report_id: ['report_id'],
} as const;

/** A rate is downloaded as the ratio the query computes (0.25), not the percentage the charts print. */
const RATE_UNIT: Text = { zh: '比率', en: 'ratio' };

export function metricUnit(id: string, locale: Locale): string {
  const entry = CATALOGUE.get(id);
  if (entry) return entry.unit[locale];
  return RATES.some((r) => r.id === id) ? RATE_UNIT[locale] : '';
}

/**
 * The metric each value column of `columns` holds: columns named after a catalogue metric, and
 * `value` for the view's own metric (`valueMetric`). Empty when the rows hold no metric values.
 */
export function valueColumns(columns: readonly string[], valueMetric: string | null): [column: string, metric: string][] {
  const out: [string, string][] = [];
  for (const c of columns) {
    const metric = c === 'value' ? valueMetric : METRIC_BY_COLUMN.get(c);
    if (metric) out.push([c, metric]);
  }
  return out;
}

/**
 * A view's rows as tidy observations, or null when they hold no metric values (coverage lists,
 * for instance): those are downloaded as they are. An absent value is no row, never a 0.
 */
export interface TidyOptions {
  valueMetric: string | null;
  datasetVersion: string | null;
  locale: Locale;
  /** The view's own columns kept after the tidy ones, row by row (a benchmark's rank and percentile). */
  extra?: readonly string[];
  /** Tidy columns that do not apply to these rows (a pooled sum's report_id): left out of the CSV. */
  notApplicable?: readonly TidyColumn[];
  /**
   * Rows over both layers with the user's in: its version and its own reports. A row of one of
   * them carries the layer's version, a row of another report the dataset's, a row with no one
   * report (a sum) both (`dataset+layer`).
   */
  layerRows?: { version: string; reports: ReadonlySet<string> } | null;
}

/** The version a tidy row rests on (see TidyOptions.layerRows). */
function rowVersion(reportId: Cell, opts: TidyOptions): string | null {
  const layer = opts.layerRows;
  if (!layer) return opts.datasetVersion;
  if (typeof reportId === 'string') return layer.reports.has(reportId) ? layer.version : opts.datasetVersion;
  return `${opts.datasetVersion ?? 'unknown'}+${layer.version}`;
}

export function tidyRows(columns: readonly string[], rows: readonly Row[], opts: TidyOptions): TidyRow[] | null {
  const values = valueColumns(columns, opts.valueMetric);
  if (values.length === 0) return null;
  const from = Object.fromEntries(Object.entries(SOURCES).map(([field, names]) => [field, names.find((n) => columns.includes(n)) ?? null])) as Record<keyof typeof SOURCES, string | null>;
  const get = (row: Row, field: keyof typeof SOURCES): Cell => (from[field] === null ? null : (row[from[field]] ?? null));
  // Per-metric report counts (`lit_total__reports`) say what each value rests on better than the row's.
  const reportsOf = new Map(values.map(([column]) => [column, columns.includes(`${column}__reports`) ? `${column}__reports` : null]));
  const out: TidyRow[] = [];
  for (const row of rows) {
    for (const [column, metric] of values) {
      const value = row[column] ?? null;
      if (value === null) continue;
      const reports = reportsOf.get(column);
      out.push({
        body_key: get(row, 'body_key'),
        body_name: get(row, 'body_name'),
        year: get(row, 'year'),
        metric,
        metric_label: metricLabel(metric, opts.locale),
        unit: metricUnit(metric, opts.locale),
        value,
        scope: get(row, 'scope'),
        reports: reports ? (row[reports] ?? null) : get(row, 'reports'),
        report_id: get(row, 'report_id'),
        dataset_version: rowVersion(get(row, 'report_id'), opts),
        ...Object.fromEntries((opts.extra ?? []).map((c) => [c, row[c] ?? null])),
      });
    }
  }
  return out;
}

export const CODEBOOK_COLUMNS = ['id', 'label_zh', 'label_en', 'unit_zh', 'unit_en', 'section', 'place_narrative', 'place_table2019', 'place_table2021', 'meaning_zh', 'meaning_en'] as const;

/** Views' columns holding a 0–1 ratio (0.25 = 25 %): the codebook describes them, and their labels head the Data view's columns. */
export const RATIO_COLUMNS: readonly { id: string; label: Text; meaning: Text }[] = [
  {
    id: 'percentile',
    label: { zh: '百分位（0–1）', en: 'Percentile (0–1)' },
    meaning: { zh: '对标：同组其他单位中数值低于本单位者所占比例（0–1，0.25 即 25%）；同组没有其他单位时为空。', en: 'Benchmark: the share of the other peers with a lower value (0–1; 0.25 = 25 %); empty when the unit has no other peers.' },
  },
  {
    id: 'yoy_pct',
    label: { zh: '较上年变化（比例）', en: 'Change on the year (ratio)' },
    meaning: { zh: '对标：较上年变化 ÷ 上年值（0.25 即增加 25%，−0.1 即减少 10%）；上年无值或为 0、或上年报告的范围（本级/汇总）不同时为空。', en: "Benchmark: change on the year ÷ last year's value (0.25 = up 25 %, −0.1 = down 10 %); empty when last year has no value or 0, or its report is of another scope (own/area)." },
  },
  {
    id: 'copy_score',
    label: { zh: '雷同度（0–1）', en: 'Copy score (0–1)' },
    meaning: {
      zh: `对标：所用报告与任一其他报告叙述文字的最高相似度（0–1，0.25 即 25%）；只保存相似度达到 ${MIN_SIMILARITY} 的配对，0 表示低于 ${MIN_SIMILARITY}，并非没有相同文字。`,
      en: `Benchmark: the highest similarity of the report used to any other report's narrative (0–1; 0.25 = 25 %); only pairs reaching ${MIN_SIMILARITY} are kept, so 0 means below ${MIN_SIMILARITY}, not no shared text.`,
    },
  },
  {
    id: 'gap_share',
    label: { zh: '差额占比（0–1）', en: 'Gap share (0–1)' },
    meaning: { zh: '汇总核对：差额 ÷ 区域汇总值，差额 = 区域汇总值 − 下级合计（0.25 即差额占汇总值 25%；下级合计大于汇总值时为负）；汇总值为 0 或无值时为空。', en: "Reconciliation: gap ÷ the area summary's value, gap = area value − children's sum (0.25 = 25 % of it; negative when the children add to more); empty when the area value is 0 or absent." },
  },
];
const RATIO_UNIT: Text = { zh: '比例（0–1）', en: 'ratio (0–1)' };

/** The data dictionary: every metric and rate of the catalogue, with its place in each form, and the views' ratio columns. */
export function codebookRows(): Record<(typeof CODEBOOK_COLUMNS)[number], Cell>[] {
  const metrics = [...CATALOGUE.values()].map((e) => ({
    id: e.id,
    label_zh: e.label.zh,
    label_en: e.label.en,
    unit_zh: e.unit.zh,
    unit_en: e.unit.en,
    section: SECTIONS[e.section].zh,
    place_narrative: e.place.narrative?.zh ?? null,
    place_table2019: e.place.table2019?.zh ?? null,
    place_table2021: e.place.table2021?.zh ?? null,
    meaning_zh: e.meaning?.zh ?? null,
    meaning_en: e.meaning?.en ?? null,
  }));
  const rates = RATES.map((r) => ({
    id: r.id,
    label_zh: r.label.zh,
    label_en: r.label.en,
    unit_zh: RATE_UNIT.zh,
    unit_en: RATE_UNIT.en,
    section: null,
    place_narrative: null,
    place_table2019: null,
    place_table2021: null,
    meaning_zh: `(${r.numerator.join(' + ')}) / (${[r.denominator.plus.join(' + '), ...r.denominator.minus].join(' − ')})；${r.excluded.zh}`,
    meaning_en: `(${r.numerator.join(' + ')}) / (${[r.denominator.plus.join(' + '), ...r.denominator.minus].join(' − ')}); ${r.excluded.en}`,
  }));
  const ratios = RATIO_COLUMNS.map((c) => ({
    id: c.id,
    label_zh: c.label.zh,
    label_en: c.label.en,
    unit_zh: RATIO_UNIT.zh,
    unit_en: RATIO_UNIT.en,
    section: null,
    place_narrative: null,
    place_table2019: null,
    place_table2021: null,
    meaning_zh: c.meaning.zh,
    meaning_en: c.meaning.en,
  }));
  return [...metrics, ...rates, ...ratios];
}

/** How to cite a download: the dataset version and the day it was taken. */
export function citationLine(datasetVersion: string | null, date: string, layerVersion: string | null = null): string {
  const layer = layerVersion ? ` With the user's imported reports, layer version ${layerVersion}.` : '';
  return `Gongkai (公开): China government information-disclosure annual reports dataset, version ${datasetVersion ?? 'unknown'}, retrieved ${date}.${layer}`;
}

/** Options of a download; `applied`: the page's corrections, flagged in a `corrected` column when the rows rest on one. */
export interface DownloadOptions extends TidyOptions {
  applied?: readonly AppliedCorrection[];
}

/** Tidy observations as CSV (the view's extra columns after the tidy ones), with a `corrected` column when some rest on a person's correction. */
function tidyCsv(tidy: readonly Row[], extra: readonly string[], applied: readonly AppliedCorrection[] = [], notApplicable: readonly TidyColumn[] = []): string {
  const columns = [...TIDY_COLUMNS.filter((c) => !notApplicable.includes(c)), ...extra];
  const flags = applied.length === 0 ? [] : tidy.map((o) => observationCorrected(o as TidyRow, applied));
  if (!flags.some(Boolean)) return toCsv(columns, tidy);
  return toCsv([...columns, 'corrected'], tidy.map((o, i) => ({ ...o, corrected: flags[i] })));
}

/** The rows as they are, with a `corrected` column when some rest on a person's correction. */
function rowsCsv(columns: readonly string[], rows: readonly Row[], applied: readonly AppliedCorrection[] = []): string {
  const corrected = applied.length === 0 ? { count: 0, flags: [] } : correctedRows(columns, rows, applied);
  if (corrected.count === 0) return toCsv(columns, rows);
  return toCsv([...columns, 'corrected'], rows.map((r, i) => ({ ...r, corrected: corrected.flags[i] })));
}

/**
 * Tidy columns left out of a download: those the caller says do not apply, and `reports` where no
 * column of the rows counts a row's reports (the review's rows count them per total, in
 * rv_reports and lit_reports): an empty column would read as reports missing.
 */
function inapplicable(columns: readonly string[], opts: DownloadOptions): TidyColumn[] {
  const given = opts.notApplicable ?? [];
  return SOURCES.reports.some((c) => columns.includes(c)) || given.includes('reports') ? [...given] : [...given, 'reports'];
}

/** The CSV of a download: tidy where the rows allow, else the rows as they are. */
export function downloadCsv(columns: readonly string[], rows: readonly Row[], opts: DownloadOptions): string {
  const tidy = tidyRows(columns, rows, opts);
  return tidy ? tidyCsv(tidy, opts.extra ?? [], opts.applied, inapplicable(columns, opts)) : rowsCsv(columns, rows, opts.applied);
}

/** Fixed file times keep a zip's bytes a function of its contents. */
const ZIP_TIME = new Date(Date.UTC(2000, 0, 1));

/**
 * A zip of the data: tidy observations (`<name>.csv`) where the rows allow, the rows as the view
 * has them (`<name>_rows.csv`: shares' remainders and counts the tidy form leaves out), the
 * codebook and the citation.
 */
export function downloadZip(name: string, columns: readonly string[], rows: readonly Row[], opts: DownloadOptions & { date: string }): Uint8Array {
  const citation = citationLine(opts.datasetVersion, opts.date, opts.layerRows?.version ?? null);
  const tidy = tidyRows(columns, rows, opts);
  return zipSync(
    {
      ...(tidy ? { [`${name}.csv`]: strToU8(tidyCsv(tidy, opts.extra ?? [], opts.applied, inapplicable(columns, opts))) } : {}),
      [`${name}${tidy ? '_rows' : ''}.csv`]: strToU8(toCsv(columns, rows)),
      'codebook.csv': strToU8(toCsv(CODEBOOK_COLUMNS, codebookRows())),
      'CITATION.txt': strToU8(`${citation}\r\n`),
    },
    { mtime: ZIP_TIME },
  );
}
