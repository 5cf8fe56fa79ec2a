import { Bool, type DataType, Float64, Int32, Int64, Table, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import type { Check, Facts, Value } from '../parse/types';
import { HARMONISED_METRICS, wideColumnName } from './harmonised';
import { REQUIRED_TABLES } from '../shared/manifest';
import type { ReportRecord } from './read-report';
import type { DivisionRow, Gazetteer } from '../jurisdictions';
import { chainCode, parentCode, sharedGazetteer } from './jurisdiction';

/** The tables written, in manifest order: exactly the ones a manifest must list. */
export const TABLE_NAMES = REQUIRED_TABLES;
export type TableName = (typeof TABLE_NAMES)[number];
export type DatasetTables = Record<TableName, Table>;

interface Column<Row> {
  name: string;
  type: DataType;
  get: (row: Row) => unknown;
}

const utf8 = new Utf8();
const int32 = new Int32();
const int64 = new Int64();
const float64 = new Float64();
const bool = new Bool();

// `satisfies` makes the compiler flag a Facts field that has no column here.
const FACT_TYPES = {
  issuer: utf8,
  jurisdiction: utf8,
  level: utf8,
  scope: utf8,
  year: int32,
  published: utf8,
  template: utf8,
  template_basis: utf8,
  encoding: utf8,
  synthetic: bool,
} satisfies Record<keyof Facts, DataType>;

/** The parser's level, or the resolver's when the parser found none (a name's suffix, 我区…). */
const levelOf = (r: ReportRecord): string | null => r.parsed.facts.level ?? r.jurisdiction?.level ?? null;

const factColumns: Column<ReportRecord>[] = (Object.keys(FACT_TYPES) as (keyof Facts)[]).map((key) => ({
  name: key,
  type: FACT_TYPES[key],
  get: key === 'level' ? levelOf : (r) => r.parsed.facts[key],
}));

/** Where the report's government sits in the hierarchy (src/jurisdictions); null when unresolved or ambiguous. */
const DIVISION_COLUMNS: Column<ReportRecord>[] = [
  { name: 'division_code', type: utf8, get: (r) => r.jurisdiction?.code ?? null },
  { name: 'division_name', type: utf8, get: (r) => (r.jurisdiction?.code ? r.jurisdiction.name : null) },
  { name: 'division_level', type: utf8, get: (r) => (r.jurisdiction?.code ? r.jurisdiction.divisionLevel : null) },
  { name: 'province_code', type: utf8, get: (r) => chainCode(r.jurisdiction, 'province') },
  { name: 'city_code', type: utf8, get: (r) => chainCode(r.jurisdiction, 'city') },
  { name: 'county_code', type: utf8, get: (r) => chainCode(r.jurisdiction, 'county') },
  { name: 'parent_code', type: utf8, get: (r) => parentCode(r.jurisdiction) },
  { name: 'department', type: utf8, get: (r) => r.jurisdiction?.department ?? null },
  { name: 'jurisdiction_flags', type: utf8, get: (r) => (r.jurisdiction ? [...r.jurisdiction.flags].sort().join(',') : null) },
];

const failedChecks = (r: ReportRecord): number => r.parsed.checks.filter((c) => c.status === 'fail').length;

const REPORT_COLUMNS: Column<ReportRecord>[] = [
  { name: 'report_id', type: utf8, get: (r) => r.id },
  { name: 'file', type: utf8, get: (r) => r.file },
  { name: 'status', type: utf8, get: (r) => r.parsed.status },
  { name: 'error', type: utf8, get: (r) => r.parsed.error ?? null },
  ...factColumns,
  ...DIVISION_COLUMNS,
  { name: 'jurisdiction_confidence', type: float64, get: (r) => r.jurisdiction?.confidence ?? null },
  {
    name: 'jurisdiction_candidates',
    type: utf8,
    get: (r) => (r.jurisdiction?.candidates?.length ? r.jurisdiction.candidates.map((c) => c.code).join(',') : null),
  },
  { name: 'n_values', type: int32, get: (r) => r.parsed.values.length },
  { name: 'n_failed_checks', type: int32, get: (r) => failedChecks(r) },
  { name: 'warnings', type: utf8, get: (r) => r.parsed.warnings.join('\n') },
  { name: 'sha256', type: utf8, get: (r) => r.sha256 },
  { name: 'bytes', type: int64, get: (r) => (r.bytes === null ? null : BigInt(r.bytes)) },
];

/** Kept apart from `reports`: the dashboard loads it only when a report is opened. */
const TEXT_COLUMNS: Column<ReportRecord>[] = [
  { name: 'report_id', type: utf8, get: (r) => r.id },
  { name: 'text', type: utf8, get: (r) => r.parsed.text },
];

type ValueRow = Value & { report_id: string };
const VALUE_COLUMNS: Column<ValueRow>[] = [
  { name: 'report_id', type: utf8, get: (v) => v.report_id },
  { name: 'metric', type: utf8, get: (v) => v.metric },
  { name: 'value', type: float64, get: (v) => v.value },
  { name: 'approx', type: bool, get: (v) => v.approx },
  { name: 'derived', type: bool, get: (v) => v.derived },
  { name: 'start', type: int32, get: (v) => v.start },
  { name: 'end', type: int32, get: (v) => v.end },
  { name: 'source', type: utf8, get: (v) => v.source },
];

type CheckRow = Check & { report_id: string };
const CHECK_COLUMNS: Column<CheckRow>[] = [
  { name: 'report_id', type: utf8, get: (c) => c.report_id },
  { name: 'id', type: utf8, get: (c) => c.id },
  { name: 'status', type: utf8, get: (c) => c.status },
  { name: 'expected', type: float64, get: (c) => c.expected },
  { name: 'actual', type: float64, get: (c) => c.actual },
  { name: 'metrics', type: utf8, get: (c) => c.metrics.join(',') },
];

interface WideRow {
  record: ReportRecord;
  metrics: Map<string, number>;
}
const WIDE_COLUMNS: Column<WideRow>[] = [
  { name: 'report_id', type: utf8, get: (w) => w.record.id },
  // Repeated from `reports` so the dashboard's views query this one table.
  { name: 'issuer', type: utf8, get: (w) => w.record.parsed.facts.issuer },
  { name: 'jurisdiction', type: utf8, get: (w) => w.record.parsed.facts.jurisdiction },
  ...DIVISION_COLUMNS.map((c) => ({ ...c, get: (w: WideRow) => c.get(w.record) })),
  { name: 'published', type: utf8, get: (w) => w.record.parsed.facts.published },
  { name: 'n_failed_checks', type: int32, get: (w) => failedChecks(w.record) },
  { name: 'year', type: int32, get: (w) => w.record.parsed.facts.year },
  { name: 'level', type: utf8, get: (w) => levelOf(w.record) },
  { name: 'scope', type: utf8, get: (w) => w.record.parsed.facts.scope },
  { name: 'template', type: utf8, get: (w) => w.record.parsed.facts.template },
  { name: 'status', type: utf8, get: (w) => w.record.parsed.status },
  ...HARMONISED_METRICS.map((metric) => ({
    name: wideColumnName(metric),
    type: float64,
    get: (w: WideRow) => w.metrics.get(metric) ?? null,
  })),
];

const JURISDICTION_COLUMNS: Column<DivisionRow>[] = [
  { name: 'code', type: utf8, get: (d) => d.code },
  { name: 'name', type: utf8, get: (d) => d.name },
  { name: 'level', type: utf8, get: (d) => d.level },
  { name: 'parent', type: utf8, get: (d) => d.parent },
  { name: 'kind', type: utf8, get: (d) => d.kind },
  { name: 'first', type: int32, get: (d) => d.first },
  { name: 'last', type: int32, get: (d) => d.last },
  { name: 'province_code', type: utf8, get: (d) => `${d.code.slice(0, 2)}0000` },
];

/** Column names of every table, in file order. */
export const TABLE_COLUMNS: Record<TableName, string[]> = {
  reports: REPORT_COLUMNS.map((c) => c.name),
  texts: TEXT_COLUMNS.map((c) => c.name),
  values: VALUE_COLUMNS.map((c) => c.name),
  checks: CHECK_COLUMNS.map((c) => c.name),
  facts_wide: WIDE_COLUMNS.map((c) => c.name),
  jurisdictions: JURISDICTION_COLUMNS.map((c) => c.name),
};

/** Every string column is plain Utf8: DuckDB-WASM silently drops dictionary-encoded input. */
function buildTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): Table {
  const vectors: Record<string, Vector> = {};
  for (const column of columns) vectors[column.name] = vectorFromArray(rows.map(column.get), column.type);
  return new Table(vectors);
}

const byId = (a: ReportRecord, b: ReportRecord): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const HARMONISED = new Set<string>(HARMONISED_METRICS);

/** A printed figure wins over one the parser derived; a derived one still beats nothing. */
function harmonisedValues(values: readonly Value[]): Map<string, number> {
  const picked = new Map<string, Value>();
  for (const value of values) {
    if (!HARMONISED.has(value.metric)) continue;
    const current = picked.get(value.metric);
    if (!current || (current.derived && !value.derived)) picked.set(value.metric, value);
  }
  return new Map([...picked].map(([metric, value]) => [metric, value.value]));
}

/**
 * Every division down to county level, and the towns the reports resolve to (all 50,000 towns
 * would dwarf a small dataset), sorted by code, then validity.
 */
function jurisdictionRows(records: readonly ReportRecord[], gazetteer: Gazetteer): DivisionRow[] {
  const towns = new Set(records.flatMap((r) => r.jurisdiction?.chain.filter((l) => l.level === 'town').map((l) => l.code) ?? []));
  return gazetteer.rows
    .filter((d) => d.level !== 'town' || towns.has(d.code))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.first - b.first || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
}

export function buildDatasetTables(records: readonly ReportRecord[], gazetteer: Gazetteer = sharedGazetteer()): DatasetTables {
  const sorted = [...records].sort(byId);
  return {
    reports: buildTable(REPORT_COLUMNS, sorted),
    texts: buildTable(TEXT_COLUMNS, sorted),
    values: buildTable(
      VALUE_COLUMNS,
      sorted.flatMap((r) => r.parsed.values.map((v) => ({ ...v, report_id: r.id }))),
    ),
    checks: buildTable(
      CHECK_COLUMNS,
      sorted.flatMap((r) => r.parsed.checks.map((c) => ({ ...c, report_id: r.id }))),
    ),
    facts_wide: buildTable(
      WIDE_COLUMNS,
      sorted.map((record) => ({ record, metrics: harmonisedValues(record.parsed.values) })),
    ),
    jurisdictions: buildTable(JURISDICTION_COLUMNS, jurisdictionRows(sorted, gazetteer)),
  };
}
