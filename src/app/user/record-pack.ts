// A report as IndexedDB keeps it: its values in columns (typed arrays for the numbers), not as one
// object per value. The structured clone writes every object's keys again, and the worker's clone
// and the browser's IndexedDB pay for each byte (a generated report of 220 values: 39 KB as
// objects, 22 KB packed with its names, 9.8 KB compact, 5 KB of it text). Compact: the metric ids
// are indices into the spec's list of ids (named by a fingerprint, kept once in IndexedDB: a stored
// report reads the same after a version adds ids), an id not in it kept with the report; each
// column of numbers in the narrowest typed array that holds it exactly; the checks left out when
// they are the values' own (runChecks, the parser's last step), computed again when read.
// Unpacked, a report is exactly the one packed (tests/unit/app/record-pack.test.ts); a report kept
// by an earlier version, packed with its names or as objects, is read as it is. The packing itself
// is src/parse/report-pack.ts (ingest's parse workers send their reports packed too).
import type { ReportRecord } from '../../../workers/import-protocol';
import { runChecks } from '../../parse/checks/identities';
import { packParsed, type PackedChecks, type PackedReport, type PackedValues, unpackParsed } from '../../parse/report-pack';
import type { Check } from '../../parse/types';
import { METRIC_IDS } from '../../shared/metrics';

/** A list of metric ids kept in IndexedDB once, named by its fingerprint. */
export interface MetricList {
  id: string;
  names: readonly string[];
}

/** FNV-1a over the ids, twice (two seeds): 64 bits, the same for the same list in every version. */
function fingerprint(names: readonly string[]): string {
  const text = names.join('\n');
  const hash = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  return `metrics-${hash(0x811c9dc5)}${hash(0x2f1b3c4d)}`;
}

/** The spec's metric ids as this version lists them. */
export const CURRENT_METRICS: MetricList = { id: fingerprint(METRIC_IDS), names: METRIC_IDS };
const CURRENT_INDEX = new Map(METRIC_IDS.map((id, i) => [id, i]));

/** The numbers in the narrowest array that holds each exactly (the array's kind says which). */
type Narrow<T> = Omit<T, 'metric' | 'value' | 'start' | 'end'> & { metric: Uint16Array | Uint32Array; value: Int32Array | Float64Array; start: Uint32Array | Float64Array; end: Uint32Array | Float64Array };
export type CompactValues = Narrow<PackedValues>;

const fits = (numbers: Float64Array, min: number, max: number): boolean => numbers.every((n) => Number.isInteger(n) && n >= min && n <= max && !Object.is(n, -0));
const narrowInt = (numbers: Float64Array): Int32Array | Float64Array => (fits(numbers, -(2 ** 31), 2 ** 31 - 1) ? Int32Array.from(numbers) : numbers);
const narrowUint = (numbers: Float64Array): Uint32Array | Float64Array => (fits(numbers, 0, 2 ** 32 - 1) ? Uint32Array.from(numbers) : numbers);
const wide = (numbers: Int32Array | Uint32Array | Float64Array): Float64Array => (numbers instanceof Float64Array ? numbers : Float64Array.from(numbers));

function narrow(values: PackedValues, to: Uint32Array): CompactValues {
  const metric = values.metric.map((i) => to[i]);
  return { ...values, metric: to.every((i) => i < 2 ** 16) ? Uint16Array.from(metric) : metric, value: narrowInt(values.value), start: narrowUint(values.start), end: narrowUint(values.end) };
}

const widen = (values: CompactValues): PackedValues => ({ ...values, metric: Uint32Array.from(values.metric), value: wide(values.value), start: wide(values.start), end: wide(values.end) });

/** Values and checks with their metrics as indices into `metrics`' names, then `extra`'s. */
export interface CompactReport {
  metrics: string;
  extra: string[];
  values: CompactValues;
  /** Null: the checks are runChecks(values). */
  checks: PackedChecks | null;
}

type StoredParsed = Omit<ReportRecord['parsed'], 'values' | 'checks'>;

/** The stored form: `parsed` without its values and checks, those in `compact` (`packed` by an earlier version). */
export type StoredRecord = Omit<ReportRecord, 'parsed'> & { parsed: StoredParsed } & ({ compact: CompactReport } | { packed: PackedReport });

const sameCheck = (a: Check, b: Check): boolean =>
  a.id === b.id && Object.is(a.expected, b.expected) && Object.is(a.actual, b.actual) && a.status === b.status && a.metrics.length === b.metrics.length && a.metrics.every((m, i) => m === b.metrics[i]);
const sameChecks = (a: readonly Check[], b: readonly Check[]): boolean => a.length === b.length && a.every((c, i) => sameCheck(c, b[i]));

export function packRecord(record: ReportRecord): StoredRecord {
  const { packed, ...parsed } = packParsed(record.parsed);
  const extra: string[] = [];
  const to = Uint32Array.from(packed.names, (name) => CURRENT_INDEX.get(name) ?? METRIC_IDS.length + extra.push(name) - 1);
  const values = narrow(packed.values, to);
  const checks = sameChecks(record.parsed.checks, runChecks(record.parsed.values)) ? null : { ...packed.checks, metrics: packed.checks.metrics.map((i) => to[i]) };
  return { ...record, parsed, compact: { metrics: CURRENT_METRICS.id, extra, values, checks } };
}

/**
 * The report as it was packed; a report kept as objects (no `packed`) as it is. `lists`: the metric
 * lists kept in IndexedDB, by fingerprint (the current one need not be among them).
 */
export function unpackRecord(stored: StoredRecord | ReportRecord, lists: ReadonlyMap<string, readonly string[]> = new Map()): ReportRecord {
  if ('packed' in stored) {
    const { packed, parsed, ...rest } = stored;
    return { ...rest, parsed: { ...parsed, ...unpackParsed(packed) } };
  }
  if (!('compact' in stored)) return stored;
  const { compact, parsed, ...rest } = stored;
  const list = compact.metrics === CURRENT_METRICS.id ? CURRENT_METRICS.names : lists.get(compact.metrics);
  if (!list) throw new Error(`an imported report names a list of metrics that is not kept (${compact.metrics})`);
  const names = [...list, ...compact.extra];
  const { values } = unpackParsed({ names, values: widen(compact.values), checks: NO_CHECKS });
  const checks = compact.checks ? unpackParsed({ names, values: NO_VALUES, checks: compact.checks }).checks : runChecks(values);
  return { ...rest, parsed: { ...parsed, values, checks } };
}

const NO_VALUES: PackedValues = { metric: new Uint32Array(0), value: new Float64Array(0), flags: new Uint8Array(0), start: new Float64Array(0), end: new Float64Array(0), source: [], sourceOf: new Uint8Array(0), pdf: [] };
const NO_CHECKS: PackedChecks = { id: [], status: [], expected: new Float64Array(0), actual: new Float64Array(0), nulls: new Uint8Array(0), metrics: new Uint32Array(0), metricCounts: new Uint32Array(0) };
