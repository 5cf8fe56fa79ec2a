// Ingest's side of corrections.csv: read the file, hand each report the corrections of its
// sha256, and say at the end which rows were applied, unused or invalid.
import { readFile } from 'node:fs/promises';
import { applyCorrections, type Correction, correctionOf, type CorrectionRow, correctionsByReport, readCorrectionsCsv } from '../parse/corrections';
import type { ReportRecord } from './read-report';
import { UsageError } from './usage-error';

/** Reads a corrections file; a file that cannot be read or has the wrong header is a usage error. */
export async function loadCorrections(path: string): Promise<CorrectionLedger> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
  } catch (error) {
    throw new UsageError(`cannot read the corrections file ${path}: ${(error as Error).message}`);
  }
  try {
    return new CorrectionLedger(readCorrectionsCsv(text).rows);
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
}

/** The corrections of one run: applies them report by report and keeps what became of each row. */
export class CorrectionLedger {
  private readonly byReport: Map<string, Correction[]>;
  private readonly outcome = new Map<Correction, { applied: boolean; reason: string | null }>();
  private readonly rowOf = new Map<CorrectionRow, Correction>();

  constructor(private readonly rows: readonly CorrectionRow[]) {
    const valid: Correction[] = [];
    for (const row of rows) {
      if (row.status === 'invalid') continue;
      const correction = correctionOf(row);
      valid.push(correction);
      this.rowOf.set(row, correction);
    }
    this.byReport = correctionsByReport(valid);
  }

  /** The report with its corrections applied (unchanged when its sha256 has none). */
  apply(record: ReportRecord): ReportRecord {
    const corrections = record.sha256 === null ? undefined : this.byReport.get(record.sha256);
    if (!corrections) return record;
    const corrected = applyCorrections(record.parsed.values, corrections);
    const unused = new Map(corrected.unused.map((u) => [u.correction, u.reason]));
    for (const c of corrections) {
      // The same file twice in the input: applied if it was applied to either copy.
      if (this.outcome.get(c)?.applied) continue;
      this.outcome.set(c, unused.has(c) ? { applied: false, reason: unused.get(c)! } : { applied: true, reason: null });
    }
    return { ...record, corrected };
  }

  /** Every row of the file with its final status, in file order. */
  finalRows(): CorrectionRow[] {
    return this.rows.map((row) => {
      const c = this.rowOf.get(row);
      if (!c) return row;
      const outcome = this.outcome.get(c);
      if (!outcome) return { ...row, status: 'unused', reason: 'no report in the input has this sha256' };
      return { ...row, status: outcome.applied ? 'applied' : 'unused', reason: outcome.reason };
    });
  }
}

const MAX_LISTED = 20;

/** Lines for the end-of-ingest summary. */
export function summariseCorrections(rows: readonly CorrectionRow[]): string[] {
  const count = (status: CorrectionRow['status']) => rows.filter((r) => r.status === status).length;
  const lines = [`corrections: applied ${count('applied')} · unused ${count('unused')} · invalid ${count('invalid')}`];
  const notApplied = rows.filter((r) => r.status !== 'applied');
  for (const r of notApplied.slice(0, MAX_LISTED)) lines.push(`  line ${r.line} ${r.status}: ${r.metric || '(no metric)'} of ${r.report_sha256.slice(0, 12) || '(no sha256)'}: ${r.reason}`);
  if (notApplied.length > MAX_LISTED) lines.push(`  … and ${notApplied.length - MAX_LISTED} more (the dataset's corrections table lists them all)`);
  return lines;
}
