// Corrections of parsed values (issue 14 item 5): read from `corrections.csv`, validated, and
// applied to one report's values. Isomorphic (no node:* imports): ingest applies them and the
// page can apply the same ones. The printed value is never lost: a corrected or rejected value
// keeps it in `printed_value`, and checks are re-run on the corrected values beside the printed ones.
import { parseCsv } from '../shared/csv';
import { deriveSubtotals } from './checks/derive';
import { runChecks } from './checks/identities';
import type { Check, Value } from './types';
import { isMetricId } from '../shared/metrics';

export const CORRECTION_COLUMNS = ['report_sha256', 'metric', 'value', 'note', 'author', 'at'] as const;

/** A valid correction. `value` null: reject the printed value. */
export interface Correction {
  /** 1-based line of the CSV row (its first line when a quoted field spans several). */
  line: number;
  report_sha256: string;
  metric: string;
  value: number | null;
  note: string;
  author: string;
  at: string;
}

export type CorrectionStatus = 'applied' | 'unused' | 'invalid';

/** A row of the CSV as the dataset's `corrections` table records it. */
export interface CorrectionRow {
  line: number;
  report_sha256: string;
  metric: string;
  /** The value as written in the file (a bad number stays as written). */
  value: string;
  note: string;
  author: string;
  at: string;
  status: CorrectionStatus;
  /** Why a row is invalid or unused; null when applied. */
  reason: string | null;
}

export interface CorrectionsFile {
  valid: Correction[];
  /** Every row, the valid ones with status `unused` until a report takes them. */
  rows: CorrectionRow[];
}

const SHA256 = /^[0-9a-f]{64}$/;
/** A plain decimal as a report prints it (thousands separators allowed); no exponents, no hex, no signs but minus. */
const NUMBER = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** The physical line each CSV row starts on (quoted fields may span lines). */
function rowStartLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let quoted = false;
  let atRowStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (atRowStart) {
      starts.push(line);
      atRowStart = false;
    }
    if (c === '"') quoted = !quoted;
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      if (!quoted) atRowStart = true;
    }
  }
  return starts;
}

/**
 * Reads `corrections.csv` (UTF-8, BOM tolerated, RFC 4180 quoting, header
 * `report_sha256,metric,value,note,author,at`). A wrong header throws; a bad row (unknown metric,
 * bad sha256 or number, wrong field count, a second row for the same report and metric) is kept
 * as an invalid row with its reason and never applied; duplicates are all invalid, since which one
 * was meant cannot be told.
 */
export function readCorrectionsCsv(text: string): CorrectionsFile {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = rowStartLines(body);
  const parsed = parseCsv(body).map((fields, i) => ({ fields, line: lines[i] ?? i + 1 }));
  const header = parsed.shift();
  if (!header || header.fields.map((f) => f.trim()).join(',') !== CORRECTION_COLUMNS.join(',')) {
    throw new Error(`corrections: expected the header ${CORRECTION_COLUMNS.join(',')}, got ${header ? header.fields.join(',') : 'an empty file'}`);
  }
  const rows: CorrectionRow[] = [];
  for (const { fields, line } of parsed) {
    if (fields.length === 1 && fields[0].trim() === '') continue;
    const [sha = '', metric = '', value = '', note = '', author = '', at = ''] = fields.map((f) => f.trim());
    const row: CorrectionRow = { line, report_sha256: sha.toLowerCase(), metric, value, note, author, at, status: 'unused', reason: null };
    row.reason = rowProblem(fields.length, row);
    if (row.reason) row.status = 'invalid';
    rows.push(row);
  }
  const keyOf = (r: CorrectionRow) => `${r.report_sha256}\u0000${r.metric}`;
  const counts = new Map<string, number>();
  for (const r of rows) if (r.status !== 'invalid') counts.set(keyOf(r), (counts.get(keyOf(r)) ?? 0) + 1);
  for (const r of rows) {
    if (r.status !== 'invalid' && counts.get(keyOf(r))! > 1) {
      r.status = 'invalid';
      r.reason = `duplicate: ${counts.get(keyOf(r))} rows correct ${r.metric} of this report`;
    }
  }
  return { valid: rows.filter((r) => r.status !== 'invalid').map(correctionOf), rows };
}

/** The correction a valid row stands for. */
export const correctionOf = (r: CorrectionRow): Correction => ({
  line: r.line,
  report_sha256: r.report_sha256,
  metric: r.metric,
  value: r.value === '' ? null : Number(r.value.replaceAll(',', '')),
  note: r.note,
  author: r.author,
  at: r.at,
});

function rowProblem(fieldCount: number, row: CorrectionRow): string | null {
  if (fieldCount !== CORRECTION_COLUMNS.length) return `expected ${CORRECTION_COLUMNS.length} fields, got ${fieldCount}`;
  if (!SHA256.test(row.report_sha256)) return 'report_sha256: not a sha256 hex string';
  if (!isMetricId(row.metric)) return `unknown metric id: ${row.metric}`;
  if (row.value !== '' && !NUMBER.test(row.value)) return `value: not a number: ${row.value}`;
  return null;
}

/** A row of the `values` table after corrections: `value` null when rejected, `printed_value` null when added. */
export interface CorrectedValue extends Omit<Value, 'value' | 'start' | 'end' | 'source'> {
  value: number | null;
  printed_value: number | null;
  /** Null for an added value: a correction carries no span. */
  start: number | null;
  end: number | null;
  source: Value['source'] | null;
  corrected: boolean;
  correction_note: string | null;
  correction_author: string | null;
}

export interface CorrectedReport {
  values: CorrectedValue[];
  /** The checks re-run on the corrected values. */
  checks: Check[];
  /** The corrections that changed nothing the report holds, with why (a reject of a value not printed). */
  unused: { correction: Correction; reason: string }[];
}

/** The values table's row of a value nothing corrected. */
export const uncorrectedValue = (v: Value): CorrectedValue => ({
  ...v,
  printed_value: v.value,
  corrected: false,
  correction_note: null,
  correction_author: null,
});

const sameMetric = (a: readonly Value[], metric: string) => a.filter((v) => v.metric === metric);

/**
 * Applies one report's corrections to its parsed values. A correction replaces the value of every
 * row of its metric (the printed value kept), rejects them (value null, the row kept), or adds the
 * metric when the report does not print it. Subtotals the parser derived are derived again from
 * the corrected figures (a derived one the corrections leave unchanged stays uncorrected), and the
 * identities are checked on the result.
 */
export function applyCorrections(values: readonly Value[], corrections: readonly Correction[]): CorrectedReport {
  const byMetric = new Map(corrections.map((c) => [c.metric, c]));
  const unused: CorrectedReport['unused'] = [];
  const rows: CorrectedValue[] = [];
  // Subtotals are derived again below; a figure an extractor derived itself (a narrative sum of
  // several printed figures) rests on none of the table's parts and stands unless corrected itself.
  const subtotals = new Set(deriveSubtotals(values.filter((v) => !v.derived)).map((v) => v.metric));
  const printed = values.filter((v) => !v.derived || byMetric.has(v.metric) || !subtotals.has(v.metric));
  for (const v of printed) {
    const c = byMetric.get(v.metric);
    rows.push(c ? { ...uncorrectedValue(v), value: c.value, derived: false, corrected: true, correction_note: c.note, correction_author: c.author } : uncorrectedValue(v));
  }
  for (const c of corrections) {
    if (values.some((v) => v.metric === c.metric)) continue;
    if (c.value === null) {
      unused.push({ correction: c, reason: 'nothing to reject: the report prints no value for this metric' });
      continue;
    }
    rows.push({
      metric: c.metric,
      value: c.value,
      printed_value: null,
      approx: false,
      derived: false,
      start: null,
      end: null,
      source: null,
      corrected: true,
      correction_note: c.note,
      correction_author: c.author,
    });
  }
  // What the identities see: the figures that stand after the corrections, subtotals derived again.
  const standing: Value[] = rows.filter((r) => r.value !== null).map((r) => ({ ...r, value: r.value!, start: r.start ?? 0, end: r.end ?? 0, source: r.source ?? 'table' }));
  const rederived = deriveSubtotals(standing);
  for (const old of values.filter((v) => v.derived && !byMetric.has(v.metric) && subtotals.has(v.metric))) {
    const now = sameMetric(rederived, old.metric)[0];
    const value = now ? now.value : null;
    rows.push(value === old.value ? uncorrectedValue(old) : { ...uncorrectedValue(old), value, corrected: true });
  }
  for (const fresh of rederived) {
    if (values.some((v) => v.metric === fresh.metric)) continue;
    rows.push({ ...uncorrectedValue(fresh), printed_value: null, corrected: true });
  }
  return { values: rows, checks: runChecks([...standing, ...rederived]), unused };
}

/** Corrections grouped by report sha256. */
export function correctionsByReport(corrections: readonly Correction[]): Map<string, Correction[]> {
  const out = new Map<string, Correction[]>();
  for (const c of corrections) out.set(c.report_sha256, [...(out.get(c.report_sha256) ?? []), c]);
  return out;
}

/** What `corrections.csv` holds of a correction (its line is where it lands in the file). */
export type CorrectionFields = Omit<Correction, 'line'>;

function csvField(text: string): string {
  // A leading = + - @ would run as a formula in a spreadsheet; a tab keeps it text, and the reader trims it off.
  const safe = /^[=+\-@]/.test(text) ? `\t${text}` : text;
  return /[",\r\n\t]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A value as the reader takes it back: a plain decimal, never an exponent. */
function csvNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`corrections: not a finite number: ${value}`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  const fixed = value.toFixed(20).replace(/\.?0+$/, '');
  if (!NUMBER.test(fixed)) throw new Error(`corrections: cannot write ${value} as a plain decimal`);
  return fixed;
}

/**
 * Writes `corrections.csv` as `readCorrectionsCsv` (and so `gongkai ingest --corrections`) reads
 * it: UTF-8 without a BOM, the header, CRLF line ends, RFC 4180 quoting, an empty value for a
 * rejection. Rows in the order given; fields are trimmed, as the reader trims them.
 */
export function writeCorrectionsCsv(corrections: readonly CorrectionFields[]): string {
  const lines = [CORRECTION_COLUMNS.join(',')];
  for (const c of corrections) {
    const value = c.value === null ? '' : csvNumber(c.value);
    lines.push([c.report_sha256.trim().toLowerCase(), c.metric.trim(), value, c.note.trim(), c.author.trim(), c.at.trim()].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The figures that stand after corrections, as the harmonised columns and the identities read them (a rejected value left out). */
export const standingValues = (values: readonly CorrectedValue[]): Value[] =>
  values.filter((v) => v.value !== null).map((v) => ({ ...v, value: v.value!, start: v.start ?? 0, end: v.end ?? 0, source: v.source ?? 'table' }));
