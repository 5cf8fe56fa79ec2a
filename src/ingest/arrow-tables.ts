import { Bool, type Data, type DataType, Float64, Int32, Int64, Table, Utf8, type Vector } from 'apache-arrow';
import { columnVector } from './columns';
import type { ArrowFile } from './encode-parts';
import { concatTables } from './concat-tables';
import { type ChunkRef, type ChunkStore, type ItemStore, memoryChunkStore, memoryItemStore, memorySetStore, type SetStore } from './chunk-store';
import type { Check, Facts, Value } from '../parse/types';
import { HARMONISED_METRICS, wideColumnName } from './harmonised';
import { NO_PROVINCE, REQUIRED_TABLES } from '../shared/manifest';
import type { ReportRecord } from './read-report';
import type { DivisionRow, Gazetteer } from '../jurisdictions';
import { chainCode, parentCode } from '../jurisdictions/report-division';
import { levelOf, ROLLUP_COUNTS, RollupAccumulator, type RollupRow, rollupStated, rollupSum } from './rollups';
import { BodyAccumulator, type BodyRow } from './bodies';
import { bodyKey } from '../shared/body-key';
import { SimilarityIndex, type SimilarPair, type SimilarReport, type SimilarStats } from './similar/similar-pairs';
import { type CorrectedValue, type CorrectionRow, standingValues as standingOf } from '../parse/corrections';
import { harmonisedValues } from '../shared/wide-metrics';
import { reportNames, reportShingles } from './similar/report-names';


/** What the builder reads of the gazetteer: its division rows (the jurisdictions table, bodies' names). */
export type GazetteerRows = Pick<Gazetteer, 'rows'>;

export { harmonisedValues, concatTables };

/** The tables written, in manifest order: exactly the ones a manifest must list. */
export const TABLE_NAMES = REQUIRED_TABLES;
export type TableName = (typeof TABLE_NAMES)[number];

/** The tables with one row (or several) per report, split by the report's province and year. */
export const REPORT_TABLES = ['reports', 'texts', 'values', 'checks', 'facts_wide'] as const satisfies readonly TableName[];

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

/** The checks that stand: re-run on the corrected values where corrections touched the report. */
const standingChecks = (r: ReportRecord): readonly Check[] => r.corrected?.checks ?? r.parsed.checks;
const failedChecks = (r: ReportRecord): number => standingChecks(r).filter((c) => c.status === 'fail').length;
/** The rows of the values table: the parsed values as they are (not copied: a province holds millions), or the corrected ones with what was printed. */
const valueRows = (r: ReportRecord): readonly (CorrectedValue | Value)[] => r.corrected?.values ?? r.parsed.values;
const isCorrected = (v: CorrectedValue | Value): v is CorrectedValue => 'printed_value' in v;
/** Values the harmonised columns read: the corrected ones, a rejected value left out. */
const standingValues = (r: ReportRecord): Value[] => (r.corrected ? standingOf(r.corrected.values) : r.parsed.values);

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
  { name: 'n_values', type: int32, get: (r) => valueRows(r).length },
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

/** A value or check with its report's id (a pair, not a spread copy: provinces hold millions); a parsed value is its own printed value. */
type ValueRow = readonly [string, CorrectedValue | Value];
const VALUE_COLUMNS: Column<ValueRow>[] = [
  { name: 'report_id', type: utf8, get: ([id]) => id },
  { name: 'metric', type: utf8, get: ([, v]) => v.metric },
  { name: 'value', type: float64, get: ([, v]) => v.value },
  { name: 'approx', type: bool, get: ([, v]) => v.approx },
  { name: 'derived', type: bool, get: ([, v]) => v.derived },
  { name: 'start', type: int32, get: ([, v]) => v.start },
  { name: 'end', type: int32, get: ([, v]) => v.end },
  { name: 'source', type: utf8, get: ([, v]) => v.source },
  // a PDF report's values: the page (1-based) and box (PDF units, origin bottom left) they are printed in
  { name: 'pdf_page', type: int32, get: ([, v]) => v.pdf?.page ?? null },
  { name: 'pdf_x', type: float64, get: ([, v]) => v.pdf?.x ?? null },
  { name: 'pdf_y', type: float64, get: ([, v]) => v.pdf?.y ?? null },
  { name: 'pdf_w', type: float64, get: ([, v]) => v.pdf?.w ?? null },
  { name: 'pdf_h', type: float64, get: ([, v]) => v.pdf?.h ?? null },
  // a table cell printed run together with its neighbours, taken from the one split the arithmetic allows
  { name: 'split', type: bool, get: ([, v]) => v.split === true },
  // a figure the sentence implies but does not print (共受理2件,均已答复: 2 handled), narrative.ts
  { name: 'inferred', type: bool, get: ([, v]) => v.inferred === true },
  // corrections (src/shared/corrections.ts): what the parser read (null for an added value) and who changed it
  { name: 'printed_value', type: float64, get: ([, v]) => (isCorrected(v) ? v.printed_value : v.value) },
  { name: 'corrected', type: bool, get: ([, v]) => isCorrected(v) && v.corrected },
  { name: 'correction_note', type: utf8, get: ([, v]) => (isCorrected(v) ? v.correction_note : null) },
  { name: 'correction_author', type: utf8, get: ([, v]) => (isCorrected(v) ? v.correction_author : null) },
];

type CheckRow = readonly [string, Check, 'printed' | 'corrected'];
const CHECK_COLUMNS: Column<CheckRow>[] = [
  { name: 'report_id', type: utf8, get: ([id]) => id },
  { name: 'id', type: utf8, get: ([, c]) => c.id },
  { name: 'status', type: utf8, get: ([, c]) => c.status },
  { name: 'expected', type: float64, get: ([, c]) => c.expected },
  { name: 'actual', type: float64, get: ([, c]) => c.actual },
  { name: 'metrics', type: utf8, get: ([, c]) => c.metrics.join(',') },
  // 'printed': on the values as printed; 'corrected': re-run after corrections (only for reports they touched)
  { name: 'basis', type: utf8, get: ([, , basis]) => basis },
];

/** Every row of corrections.csv with what became of it (src/shared/corrections.ts). */
const CORRECTION_COLUMNS: Column<CorrectionRow>[] = [
  { name: 'report_sha256', type: utf8, get: (c) => c.report_sha256 },
  { name: 'metric', type: utf8, get: (c) => c.metric },
  { name: 'value', type: utf8, get: (c) => c.value },
  { name: 'note', type: utf8, get: (c) => c.note },
  { name: 'author', type: utf8, get: (c) => c.author },
  { name: 'at', type: utf8, get: (c) => c.at },
  { name: 'line', type: int32, get: (c) => c.line },
  { name: 'status', type: utf8, get: (c) => c.status },
  { name: 'reason', type: utf8, get: (c) => c.reason },
];

interface WideRow {
  record: ReportRecord;
  metrics: Map<string, number>;
  /** Reports of the same body in the same year in the whole dataset (known once every report is in). */
  bodyYearReports?: number;
}

/** The report's body (src/shared/body-key.ts), from the columns facts_wide holds. */
const bodyKeyOf = (r: ReportRecord): string | null =>
  bodyKey({ division_code: r.jurisdiction?.code ?? null, department: r.jurisdiction?.department ?? null, issuer: r.parsed.facts.issuer });

/** What the copied-report search knows of a report; its names are every form of its issuer it may print. */
export function similarReport(r: ReportRecord): SimilarReport {
  return { id: r.id, body: bodyKeyOf(r), year: r.parsed.facts.year, province: provinceKey(r), names: reportNames(r.parsed, r.jurisdiction) };
}

/** Years a body's units are numbered by (body × 256 + year − 1899, or + 0 for no year: a small integer); the others, rare, by text. */
const FIRST_YEAR = 1900;
const YEAR_SLOTS = 256;
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
  // Precomputed so the views pick one report per body and year by looking only at the rare pairs.
  { name: 'body_key', type: utf8, get: (w) => bodyKeyOf(w.record) },
  { name: 'body_year_reports', type: int32, get: (w) => w.bodyYearReports ?? null },
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

const ROLLUP_COLUMNS: Column<RollupRow>[] = [
  { name: 'division_code', type: utf8, get: (r) => r.division_code },
  { name: 'division_level', type: utf8, get: (r) => r.division_level },
  { name: 'year', type: int32, get: (r) => r.year },
  { name: 'level', type: utf8, get: (r) => r.level },
  { name: 'scope', type: utf8, get: (r) => r.scope },
  ...ROLLUP_COUNTS.map((count) => ({ name: count, type: int32, get: (r: RollupRow) => r.counts[count] })),
  ...HARMONISED_METRICS.flatMap((metric) => [
    { name: wideColumnName(metric), type: float64, get: (r: RollupRow) => rollupSum(r, metric) },
    { name: `${wideColumnName(metric)}__reports`, type: int32, get: (r: RollupRow) => rollupStated(r, metric) },
  ]),
];

/** Reports whose arithmetic does not add up: the overview lists them without loading any province. */
const FAILING_COLUMNS: Column<ReportRecord>[] = [
  { name: 'report_id', type: utf8, get: (r) => r.id },
  { name: 'issuer', type: utf8, get: (r) => r.parsed.facts.issuer },
  { name: 'year', type: int32, get: (r) => r.parsed.facts.year },
  { name: 'template', type: utf8, get: (r) => r.parsed.facts.template },
  { name: 'n_failed_checks', type: int32, get: (r) => failedChecks(r) },
  { name: 'province_code', type: utf8, get: (r) => chainCode(r.jurisdiction, 'province') },
];

const BODY_COLUMNS: Column<BodyRow>[] = [
  { name: 'key', type: utf8, get: (b) => b.key },
  { name: 'name', type: utf8, get: (b) => b.name },
  { name: 'level', type: utf8, get: (b) => b.level },
  { name: 'division_code', type: utf8, get: (b) => b.division_code },
  { name: 'department', type: utf8, get: (b) => b.department },
  { name: 'province_code', type: utf8, get: (b) => b.province_code },
  { name: 'reports', type: int32, get: (b) => b.reports },
  { name: 'first_year', type: int32, get: (b) => b.first_year },
  { name: 'last_year', type: int32, get: (b) => b.last_year },
  { name: 'printed_names', type: utf8, get: (b) => b.printed_names },
];

/** A pair as one partition stores it: `primary` in report_a's province, not in report_b's (another province). */
interface FiledPair {
  pair: SimilarPair;
  primary: boolean;
}

/**
 * Pairs of reports whose narratives are near copies (src/ingest/similar), stored in the partition
 * of each report's province, so a province's partition holds every pair of its reports: a pair of
 * one province once, a pair of two provinces twice, `is_primary` true on the row in report_a's
 * province (read every partition `WHERE is_primary` to count each pair once).
 */
const SIMILAR_COLUMNS: Column<FiledPair>[] = [
  { name: 'report_a', type: utf8, get: ({ pair }) => pair.a.id },
  { name: 'report_b', type: utf8, get: ({ pair }) => pair.b.id },
  { name: 'similarity', type: float64, get: ({ pair }) => pair.similarity },
  { name: 'containment', type: float64, get: ({ pair }) => pair.containment },
  { name: 'kind', type: utf8, get: ({ pair }) => pair.kind },
  { name: 'year_a', type: int32, get: ({ pair }) => pair.a.year },
  { name: 'year_b', type: int32, get: ({ pair }) => pair.b.year },
  { name: 'body_a', type: utf8, get: ({ pair }) => pair.a.body },
  { name: 'body_b', type: utf8, get: ({ pair }) => pair.b.body },
  { name: 'province_a', type: utf8, get: ({ pair }) => pair.a.province },
  { name: 'province_b', type: utf8, get: ({ pair }) => pair.b.province },
  { name: 'is_primary', type: bool, get: (f) => f.primary },
  /** JSON [[start, end], …]: the shared passages, offsets into each report's text. */
  { name: 'spans_a', type: utf8, get: ({ pair }) => JSON.stringify(pair.spansA) },
  { name: 'spans_b', type: utf8, get: ({ pair }) => JSON.stringify(pair.spansB) },
];

/** Column names of every table, in file order. */
export const TABLE_COLUMNS: Record<TableName, string[]> = {
  reports: REPORT_COLUMNS.map((c) => c.name),
  texts: TEXT_COLUMNS.map((c) => c.name),
  values: VALUE_COLUMNS.map((c) => c.name),
  checks: CHECK_COLUMNS.map((c) => c.name),
  facts_wide: WIDE_COLUMNS.map((c) => c.name),
  jurisdictions: JURISDICTION_COLUMNS.map((c) => c.name),
  rollups: ROLLUP_COLUMNS.map((c) => c.name),
  failing: FAILING_COLUMNS.map((c) => c.name),
  bodies: BODY_COLUMNS.map((c) => c.name),
  similar_pairs: SIMILAR_COLUMNS.map((c) => c.name),
  corrections: CORRECTION_COLUMNS.map((c) => c.name),
};

/** Every string column is plain Utf8: DuckDB-WASM silently drops dictionary-encoded input. */
function buildTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): Table {
  const vectors: Record<string, Vector> = {};
  for (const column of columns) vectors[column.name] = columnVector(column.type, rows.map(column.get));
  return new Table(vectors);
}

const byId = (a: ReportRecord, b: ReportRecord): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const byDivision = (a: DivisionRow, b: DivisionRow): number =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : a.first - b.first || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * A part of one table: the rows of one province (two digits or `none`; absent for rows shared by
 * every province) and one year (absent where the table is not split by year).
 */
export interface TablePart {
  table: TableName;
  province?: string;
  year?: number | null;
  /** Read on access where the rows were spilled to disk (see ChunkStore): take it once per use. */
  readonly rows: Table;
  /** The rows chunk by chunk as the builder stored them (each read once): the page's layer takes a part without holding it whole. */
  pieces?(): Generator<Table>;
  /** rows.numRows and bufferBytes(rows), known without reading the rows back. */
  numRows?: number;
  bytes?: number;
  /** The rows' Parquet bytes, when encoded ahead in worker threads (parquet-pool.ts); else encoded on writing. */
  parquet?: Promise<Uint8Array>;
  /** Encoded ahead with `parquet`: this part's own Arrow file, when its group is stored one file per year (dataset-files.ts). */
  arrow?: Promise<ArrowFile>;
  /** Encoded ahead on a group's first part: the group's one Arrow file, when it is stored whole. */
  groupArrow?: Promise<ArrowFile>;
}

/** The bytes of a table's (or some columns') buffers: what an IPC stream holds, give or take the framing. */
export function bufferBytes(table: Table | readonly Data[]): number {
  let bytes = 0;
  const add = (data: Data): void => {
    bytes += (data.values?.byteLength ?? 0) + (data.valueOffsets?.byteLength ?? 0) + (data.nullBitmap?.byteLength ?? 0);
    for (const child of data.children ?? []) add(child);
  };
  for (const data of 'batches' in table ? table.batches.map((b) => b.data) : table) add(data);
  return bytes;
}

/** A stored chunk of a per-report table; a facts_wide chunk keeps its rows' units and its bytes without body_year_reports. */
interface Chunk {
  ref: ChunkRef;
  bytes: number;
  /** Indices into DatasetBuilder's unit counts (4 bytes a row, not the unit's text). */
  units?: Int32Array;
}

/** The province a report's rows are stored under. */
export const provinceKey = (record: ReportRecord): string => chainCode(record.jurisdiction, 'province')?.slice(0, 2) ?? NO_PROVINCE;

/** Numbers ascending, null last; the `none` province last. */
const compareKey = <T extends string | number | null>(a: T, b: T): number =>
  a === b ? 0 : a === null || a === NO_PROVINCE ? 1 : b === null || b === NO_PROVINCE ? -1 : a < b ? -1 : 1;

function groupBy<K extends string | number | null, T>(items: readonly T[], key: (item: T) => K): [K, T[]][] {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups].sort((a, b) => compareKey(a[0], b[0]));
}

/** The rows of each per-report table for some reports (all of one province and year). */
function reportTableRows(table: (typeof REPORT_TABLES)[number], records: readonly ReportRecord[], metrics: readonly Map<string, number>[]): Table {
  switch (table) {
    case 'reports':
      return buildTable(REPORT_COLUMNS, records);
    case 'texts':
      return buildTable(TEXT_COLUMNS, records);
    case 'values':
      return buildTable(VALUE_COLUMNS, records.flatMap((r) => valueRows(r).map((v) => [r.id, v] as const)));
    case 'checks':
      return buildTable(
        CHECK_COLUMNS,
        records.flatMap((r) => [
          ...r.parsed.checks.map((c) => [r.id, c, 'printed'] as const),
          ...(r.corrected?.checks ?? []).map((c) => [r.id, c, 'corrected'] as const),
        ]),
      );
    case 'facts_wide':
      // body_year_reports is filled in by DatasetBuilder.finish, when every report has been counted.
      return buildTable(WIDE_COLUMNS, records.map((record, i) => ({ record, metrics: metrics[i] })));
  }
}

export interface DatasetParts {
  /** Parts in file order, one group (a table's rows of one province, or a shared part) at a time. */
  groups(): Generator<TablePart[]>;
  rollups: RollupRow[];
  /** What the copied-report search compared and found. */
  similar: SimilarStats & { seconds: number };
}

/** Reports turned into Arrow columns this many at a time: what a large ingest holds as JS objects. */
const CHUNK_REPORTS = 1000;

/**
 * Collects reports, which must arrive sorted by id, into Arrow chunks per table × province × year
 * as they come, so a province of reports is never held as JS objects (150,000 reports' values
 * would pass Node's default heap); `finish()` gives the dataset's parts: per-report tables by
 * province × year (by report id within a part), the gazetteer down to county level shared and its
 * towns by province, the rollups shared (nation, province, city rows) and by province (county
 * rows), the failing reports shared.
 */
export class DatasetBuilder {
  private readonly chunks = new Map<string, Chunk[]>();
  private readonly keys = new Map<string, { province: string; year: number | null }>();
  private readonly failing: Table[] = [];
  private readonly rollups = new RollupAccumulator();
  private readonly bodies = new BodyAccumulator();
  private readonly similar: SimilarityIndex;
  /**
   * Each body and year (a unit) has an index into unitReports, the number of reports it has; a
   * report with no body is a unit of its own. Units are found by number, not by a text a unit:
   * a nation has millions of them.
   */
  private readonly bodyIndex = new Map<string, number>();
  private readonly unitIndex = new Map<number, number>();
  private readonly oddUnitIndex = new Map<string, number>();
  private readonly unitReports: number[] = [];
  /** The unit of each report waiting in `pending`. */
  private readonly pendingUnits = new Map<ReportRecord, number>();
  private pending: ReportRecord[] = [];
  private finished = false;
  private lastId: string | null = null;

  /** `stores`: where the per-report chunks and the copied-report search's data wait (diskStores bound an ingest's memory). */
  constructor(
    /**
     * The gazetteer's division rows (a Gazetteer, or the page's build worker's rows alone: no name
     * index), or how to load them: needed only by finish() (ingest's parse workers resolve with their own).
     */
    private readonly gazetteer: GazetteerRows | (() => GazetteerRows),
    stores: { chunks: ChunkStore; sets: SetStore; reports: ItemStore<SimilarReport>; keyBlocks?: SetStore; texts?: ItemStore<string> } = {
      chunks: memoryChunkStore(),
      sets: memorySetStore(),
      reports: memoryItemStore(),
    },
  ) {
    this.store = stores.chunks;
    this.similar = new SimilarityIndex(stores.sets, stores.reports, stores.keyBlocks, stores.texts);
  }

  private readonly store: ChunkStore;

  add(record: ReportRecord): void {
    if (this.lastId !== null && !(record.id > this.lastId)) throw new Error(`reports out of order: ${record.id} after ${this.lastId}`);
    this.lastId = record.id;
    this.bodies.add(record);
    // The shingle set as the parse worker made it, else made here (the same function either way).
    this.similar.add(similarReport(record), record.shingles ?? reportShingles(record.parsed, record.jurisdiction));
    this.pendingUnits.set(record, this.countUnit(record));
    this.pending.push(record);
    if (this.pending.length >= CHUNK_REPORTS) this.flush();
  }

  /** Counts the report in its body and year; answers the unit's index. */
  private countUnit(record: ReportRecord): number {
    const body = bodyKeyOf(record);
    if (body === null) return this.unitReports.push(1) - 1;
    let bodyNo = this.bodyIndex.get(body);
    if (bodyNo === undefined) this.bodyIndex.set(body, (bodyNo = this.bodyIndex.size));
    const year = record.parsed.facts.year;
    const slot = year === null ? 0 : year - FIRST_YEAR + 1;
    const numbered = year === null || (Number.isInteger(slot) && slot >= 1 && slot < YEAR_SLOTS);
    const key = numbered ? bodyNo * YEAR_SLOTS + slot : `${bodyNo}\u0000${year}`;
    const index = typeof key === 'number' ? this.unitIndex.get(key) : this.oddUnitIndex.get(key);
    if (index !== undefined) {
      this.unitReports[index]++;
      return index;
    }
    const added = this.unitReports.push(1) - 1;
    if (typeof key === 'number') this.unitIndex.set(key, added);
    else this.oddUnitIndex.set(key, added);
    return added;
  }

  private flush(): void {
    for (const [province, inProvince] of groupBy(this.pending, provinceKey)) {
      for (const [year, records] of groupBy(inProvince, (r) => r.parsed.facts.year)) {
        const key = JSON.stringify([province, year]);
        this.keys.set(key, { province, year });
        const metrics = records.map((r) => harmonisedValues(standingValues(r)));
        records.forEach((r, i) => this.rollups.add(r, metrics[i]));
        for (const table of REPORT_TABLES) {
          const chunkKey = `${table} ${key}`;
          this.keep(chunkKey, table, reportTableRows(table, records, metrics), records);
        }
      }
    }
    const failing = this.pending.filter((r) => failedChecks(r) > 0);
    if (failing.length > 0) this.failing.push(buildTable(FAILING_COLUMNS, failing));
    this.pending = [];
    this.pendingUnits.clear();
  }

  private keep(chunkKey: string, table: TableName, rows: Table, records: readonly ReportRecord[]): void {
    const chunk: Chunk =
      table === 'facts_wide'
        ? { ref: this.store.put(rows), bytes: bufferBytes(rows) - bufferBytes(rows.getChild('body_year_reports')!.data), units: Int32Array.from(records, (r) => this.pendingUnits.get(r)!) }
        : { ref: this.store.put(rows), bytes: bufferBytes(rows) };
    const chunks = this.chunks.get(chunkKey);
    if (chunks) chunks.push(chunk);
    else this.chunks.set(chunkKey, [chunk]);
  }

  /** The body_year_reports column of a facts_wide chunk (every report counted). */
  private bodyYearReports(chunk: Chunk): Vector {
    return columnVector(int32, Array.from(chunk.units ?? [], (u) => this.unitReports[u]));
  }

  /** A chunk's rows read back; a facts_wide chunk with its body_year_reports column filled in. */
  private load(chunk: Chunk): Table {
    const table = this.store.get(chunk.ref);
    if (!chunk.units) return table;
    const counts = this.bodyYearReports(chunk);
    return new Table(Object.fromEntries(table.schema.fields.map((f) => [f.name, f.name === 'body_year_reports' ? counts : table.getChild(f.name)!])));
  }

  /** A part of a per-report table, its rows read from the store each time they are asked. */
  private part(table: TableName, province: string, year: number | null, chunks: readonly Chunk[]): TablePart {
    const load = (c: Chunk): Table => this.load(c);
    const bytes = (c: Chunk): number => c.bytes + (c.units ? bufferBytes(this.bodyYearReports(c).data) : 0);
    return {
      table,
      province,
      year,
      get rows() {
        return concatTables(chunks.map(load));
      },
      *pieces() {
        for (const chunk of chunks) yield load(chunk);
      },
      numRows: chunks.reduce((n, c) => n + c.ref.rows, 0),
      get bytes() {
        return chunks.reduce((n, c) => n + bytes(c), 0);
      },
    };
  }

  /**
   * `corrections`: every row of the corrections file with its final status (none: an empty table).
   * `jurisdictions: false`: that table empty (its schema only), the gazetteer not written (the page's layer reads the dataset's). */
  finish(corrections: readonly CorrectionRow[] = [], options: { jurisdictions?: boolean } = {}): DatasetParts {
    if (this.finished) throw new Error('DatasetBuilder.finish called twice');
    this.finished = true;
    this.flush();
    // No report at all: one empty part per table, so every table still has its schema.
    if (this.keys.size === 0) {
      const key = JSON.stringify([NO_PROVINCE, null]);
      this.keys.set(key, { province: NO_PROVINCE, year: null });
      for (const table of REPORT_TABLES) this.keep(`${table} ${key}`, table, reportTableRows(table, [], []), []);
    }
    const keys = [...this.keys.entries()].sort(([, a], [, b]) => compareKey(a.province, b.province) || compareKey(a.year, b.year));
    const similarStarted = performance.now();
    const similar = this.similar.pairs((ids) => this.textsOf(ids));
    const filed = similar.pairs.flatMap((pair): FiledPair[] => (pair.a.province === pair.b.province ? [{ pair, primary: true }] : [{ pair, primary: true }, { pair, primary: false }]));
    const filedIn = new Map(groupBy(filed, (f) => (f.primary ? f.pair.a.province : f.pair.b.province)));
    const similarStats = { ...similar.stats, seconds: (performance.now() - similarStarted) / 1000 };
    const provinces = [...new Set(keys.map(([, k]) => k.province))];
    // Every province of reports has its partition, empty without a pair: a query naming the province creates the table.
    const similarParts = provinces.map((province) => ({ table: 'similar_pairs' as const, province, rows: buildTable(SIMILAR_COLUMNS, filedIn.get(province) ?? []) }));
    const { chunks } = this;
    const gazetteer = typeof this.gazetteer === 'function' ? this.gazetteer() : this.gazetteer;
    const part = (table: TableName, province: string, year: number | null, key: string): TablePart => this.part(table, province, year, chunks.get(`${table} ${key}`)!);
    const rollups = this.rollups.rows();
    const failing = concatTables([buildTable(FAILING_COLUMNS, []), ...this.failing]);
    const bodies = buildTable(BODY_COLUMNS, this.bodies.rows(gazetteer));
    const correctionsTable = buildTable(CORRECTION_COLUMNS, corrections);

    function* groups(): Generator<TablePart[]> {
      for (const table of REPORT_TABLES) {
        for (const province of provinces) {
          yield keys
            .filter(([, k]) => k.province === province)
            .map(([key, { year }]) => part(table, province, year, key));
        }
      }
      if (options.jurisdictions === false) yield [{ table: 'jurisdictions', rows: buildTable(JURISDICTION_COLUMNS, []) }];
      else {
        const divisions = gazetteer.rows.filter((d) => d.level !== 'town').sort(byDivision);
        const towns = groupBy(gazetteer.rows.filter((d) => d.level === 'town').sort(byDivision), (d) => d.code.slice(0, 2));
        yield [{ table: 'jurisdictions', rows: buildTable(JURISDICTION_COLUMNS, divisions) }];
        for (const [province, rows] of towns) yield [{ table: 'jurisdictions', province, rows: buildTable(JURISDICTION_COLUMNS, rows) }];
      }
      const [shared, counties] = [rollups.filter((r) => r.division_level !== 'county'), rollups.filter((r) => r.division_level === 'county')];
      yield [{ table: 'rollups', rows: buildTable(ROLLUP_COLUMNS, shared) }];
      for (const [province, rows] of groupBy(counties, (r) => r.province!)) yield [{ table: 'rollups', province, rows: buildTable(ROLLUP_COLUMNS, rows) }];
      yield [{ table: 'failing', rows: failing }];
      yield [{ table: 'bodies', rows: bodies }];
      for (const part of similarParts) yield [part];
      yield [{ table: 'corrections', rows: correctionsTable }];
    }
    return { groups, rollups, similar: similarStats };
  }

  /** The texts of some reports, read back from the texts chunks, one chunk at a time. */
  private *textsOf(ids: ReadonlySet<string>): Generator<readonly [string, string]> {
    if (ids.size === 0) return;
    for (const [chunkKey, chunks] of this.chunks) {
      if (!chunkKey.startsWith('texts ')) continue;
      for (const chunk of chunks) {
        const table = this.load(chunk);
        const idColumn = table.getChild('report_id')!;
        const textColumn = table.getChild('text')!;
        for (let i = 0; i < table.numRows; i++) {
          const id = idColumn.get(i) as string;
          if (ids.has(id)) yield [id, textColumn.get(i) as string];
        }
      }
    }
  }
}

/** The dataset parts of some reports, in any order (see DatasetBuilder). */
export function buildDatasetParts(records: readonly ReportRecord[], gazetteer: GazetteerRows): DatasetParts {
  const builder = new DatasetBuilder(gazetteer);
  for (const record of [...records].sort(byId)) builder.add(record);
  return builder.finish();
}

/** Each table whole (its parts concatenated in file order): for checks and small datasets. */
export function wholeTables(parts: DatasetParts): Record<TableName, Table> {
  const byTable = new Map<TableName, Table[]>();
  for (const group of parts.groups()) for (const part of group) byTable.set(part.table, [...(byTable.get(part.table) ?? []), part.rows]);
  return Object.fromEntries(TABLE_NAMES.map((name) => [name, concatTables(byTable.get(name)!)])) as Record<TableName, Table>;
}
