// A parsed report's values and checks in columns (typed arrays for the numbers, metric ids named
// once) instead of one object per value: what crosses a structured clone (IndexedDB, a worker's
// message) in fewer bytes and far fewer objects, the numbers' buffers transferable. Unpacked, a
// report is exactly the one packed (tests/unit/app/record-pack.test.ts). Used by the page's stored
// imports (src/app/user/record-pack.ts) and by ingest's parse workers (src/ingest/parse-pool.ts).
import type { Check, ParsedReport, PdfBox, Value } from './types';

const APPROX = 1;
const DERIVED = 2;
const SPLIT = 4;
const INFERRED = 8;

/** The metric ids a report names (values and checks), each once: the columns hold their indices. */
class Names {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  of(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.list.push(name) - 1;
      this.index.set(name, i);
    }
    return i;
  }
}

export interface PackedValues {
  /** Index into the report's names of each value's metric. */
  metric: Uint32Array;
  value: Float64Array;
  flags: Uint8Array;
  start: Float64Array;
  end: Float64Array;
  source: string[];
  /** Index into `source` of each value. */
  sourceOf: Uint8Array;
  /** The PDF boxes by value index (none for a text report). */
  pdf: [number, PdfBox][];
}

export interface PackedChecks {
  id: string[];
  status: Check['status'][];
  /** NaN where `nulls` says null (a check's number may be NaN itself). */
  expected: Float64Array;
  actual: Float64Array;
  /** Bit 1: expected is null; bit 2: actual is null. */
  nulls: Uint8Array;
  /** Every check's metrics, one after another (indices into the report's names), `metricCounts` of them each. */
  metrics: Uint32Array;
  metricCounts: Uint32Array;
}

function packValues(values: readonly Value[], names: Names): PackedValues {
  const n = values.length;
  const out: PackedValues = { metric: new Uint32Array(n), value: new Float64Array(n), flags: new Uint8Array(n), start: new Float64Array(n), end: new Float64Array(n), source: [], sourceOf: new Uint8Array(n), pdf: [] };
  const sources = new Map<string, number>();
  values.forEach((v, i) => {
    out.metric[i] = names.of(v.metric);
    out.value[i] = v.value;
    out.flags[i] = (v.approx ? APPROX : 0) | (v.derived ? DERIVED : 0) | (v.split === true ? SPLIT : 0) | (v.inferred === true ? INFERRED : 0);
    out.start[i] = v.start;
    out.end[i] = v.end;
    let s = sources.get(v.source);
    if (s === undefined) {
      s = sources.size;
      sources.set(v.source, s);
      out.source.push(v.source);
    }
    out.sourceOf[i] = s;
    if (v.pdf) out.pdf.push([i, v.pdf]);
  });
  if (sources.size > 255) throw new Error('a report with more than 255 kinds of value source');
  return out;
}

function unpackValues(p: PackedValues, names: readonly string[]): Value[] {
  const pdf = new Map(p.pdf);
  return Array.from(p.metric, (metric, i) => {
    const v: Value = {
      metric: names[metric],
      value: p.value[i],
      approx: (p.flags[i] & APPROX) !== 0,
      derived: (p.flags[i] & DERIVED) !== 0,
      start: p.start[i],
      end: p.end[i],
      source: p.source[p.sourceOf[i]] as Value['source'],
    };
    if (p.flags[i] & SPLIT) v.split = true;
    if (p.flags[i] & INFERRED) v.inferred = true;
    const box = pdf.get(i);
    if (box) v.pdf = box;
    return v;
  });
}

function packChecks(checks: readonly Check[], names: Names): PackedChecks {
  const n = checks.length;
  const metrics = checks.flatMap((c) => c.metrics.map((m) => names.of(m)));
  const out: PackedChecks = { id: new Array<string>(n), status: new Array<Check['status']>(n), expected: new Float64Array(n), actual: new Float64Array(n), nulls: new Uint8Array(n), metrics: Uint32Array.from(metrics), metricCounts: new Uint32Array(n) };
  checks.forEach((c, i) => {
    out.id[i] = c.id;
    out.status[i] = c.status;
    out.expected[i] = c.expected ?? NaN;
    out.actual[i] = c.actual ?? NaN;
    out.nulls[i] = (c.expected === null ? 1 : 0) | (c.actual === null ? 2 : 0);
    out.metricCounts[i] = c.metrics.length;
  });
  return out;
}

function unpackChecks(p: PackedChecks, names: readonly string[]): Check[] {
  let at = 0;
  return p.id.map((id, i) => {
    const metrics = Array.from(p.metrics.subarray(at, (at += p.metricCounts[i])), (m) => names[m]);
    return { id, status: p.status[i], expected: p.nulls[i] & 1 ? null : p.expected[i], actual: p.nulls[i] & 2 ? null : p.actual[i], metrics };
  });
}

/** A parsed report without its values and checks, and those in columns. */
export type PackedParsed = Omit<ParsedReport, 'values' | 'checks'> & { packed: PackedReport };

export interface PackedReport {
  names: string[];
  values: PackedValues;
  checks: PackedChecks;
}

export function packParsed(report: ParsedReport): PackedParsed {
  const { values, checks, ...rest } = report;
  const names = new Names();
  return { ...rest, packed: { values: packValues(values, names), checks: packChecks(checks, names), names: names.list } };
}

export function unpackParsed(packed: PackedReport): Pick<ParsedReport, 'values' | 'checks'> {
  return { values: unpackValues(packed.values, packed.names), checks: unpackChecks(packed.checks, packed.names) };
}

/** The buffers of a packed report's numbers, to transfer (the packed report is unusable after). */
export const packedBuffers = (p: PackedReport): ArrayBuffer[] =>
  [p.values.metric, p.values.value, p.values.flags, p.values.start, p.values.end, p.values.sourceOf, p.checks.expected, p.checks.actual, p.checks.nulls, p.checks.metrics, p.checks.metricCounts].map((a) => a.buffer as ArrayBuffer);
