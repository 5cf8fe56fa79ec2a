// One import: the files picked or dropped become reports as ingest would make them from the same
// folder (the same ids and paths, the same skipped entries), parsed by the pool.
import { failedReport, MAX_FILE_BYTES, tooLargeError } from '../../ingest/failed-report';
import { isSkippedDirectory, isSkippedFile, withUniqueIds } from '../../ingest/input-names';
import { STORE_BATCH, type LayerRow, type ReportRecord } from '../../../workers/import-protocol';
import { layerRow } from './layer-store';
import { CANCELLED_REASON, markStart, QUEUED_PER_WORKER, type ImportPool } from './import-pool';

export interface PickedFile {
  /** `folder/sub/name.txt` for a file of a picked or dropped folder; the name for a file picked alone. */
  path: string;
  /** Picked alone (never skipped, as ingest never skips a file named on its command line). */
  alone: boolean;
  file: Blob;
}

export interface ImportEntry {
  id: string;
  path: string;
  file: Blob;
}

/** The entries ingest would read: truth folders, manifests and hidden entries of a folder left out; ids unique; in id order. */
export function importEntries(picked: readonly PickedFile[]): ImportEntry[] {
  const kept = picked.filter((p) => {
    if (p.alone) return true;
    const parts = p.path.split('/');
    return !parts.slice(1, -1).some(isSkippedDirectory) && !isSkippedFile(parts[parts.length - 1]);
  });
  return withUniqueIds(kept.map((p) => ({ id: p.path, path: p.path, file: p.file }))).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const hex = (digest: ArrayBuffer): string => Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');

/** Bytes handed to the workers (read by them) and not yet stored: a run keeps them under its budget (one file may pass it alone). */
export const IN_FLIGHT_BUDGET_BYTES = 256 * 1024 * 1024;

export interface RunOptions {
  budgetBytes?: number;
  /** The most bytes that were in flight at once (for tests and the benchmark). */
  onPeak?: (bytes: number) => void;
}

/** Waits its turn for `n` bytes: granted while the total stays under the budget, or when nothing else is in flight. */
class ByteBudget {
  private used = 0;
  peak = 0;
  private readonly waiting: { n: number; go(): void }[] = [];
  constructor(private readonly budget: number) {}
  async take(n: number): Promise<void> {
    if (this.waiting.length > 0 || !this.fits(n)) return new Promise<void>((go) => this.waiting.push({ n, go }));
    this.reserve(n);
  }
  give(n: number): void {
    this.used -= n;
    while (this.waiting.length > 0 && this.fits(this.waiting[0].n)) {
      const next = this.waiting.shift()!;
      this.reserve(next.n);
      next.go();
    }
  }
  private reserve(n: number): void {
    this.used += n;
    this.peak = Math.max(this.peak, this.used);
  }
  private fits(n: number): boolean {
    return this.used === 0 || this.used + n <= this.budget;
  }
}

/**
 * A file's outcome: its row of the import list, and the report when the page must store it (a file
 * no worker answered for: too large, or its worker stopped); the workers store the others.
 */
export interface ImportOutcome {
  row: LayerRow;
  record: ReportRecord | null;
}

const pageStored = (record: ReportRecord): ImportOutcome => ({ row: layerRow(record), record });

/** The file's digest, read by the page (ingest takes it before parsing): for a file whose worker stopped. */
async function digestOf(file: Blob): Promise<string | null> {
  try {
    return hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
  } catch {
    return null;
  }
}

/** Reads, parses, resolves and stores one entry, in a worker. Never throws: a problem is a failed report with its reason, as in ingest. */
async function importOne(entry: ImportEntry, pool: ImportPool, budget: ByteBudget): Promise<ImportOutcome> {
  const base = { id: entry.id, file: entry.path };
  const size = entry.file.size;
  if (size > MAX_FILE_BYTES) return pageStored({ ...base, parsed: failedReport(tooLargeError(size)), sha256: null, bytes: size, jurisdiction: null });
  await budget.take(size);
  try {
    const answer = await pool.parse(entry.file, baseName(entry.path), { id: entry.id, path: entry.path });
    if (answer.kind === 'stored') return { row: answer.row, record: null };
    if (answer.kind === 'failed' && answer.reason === CANCELLED_REASON) return { row: { id: entry.id, status: 'failed', reason: CANCELLED_REASON, sha256: null }, record: null };
    const parsed = answer.kind === 'failed' ? failedReport(answer.reason) : answer.file.parsed;
    return pageStored({ ...base, parsed, sha256: await digestOf(entry.file), bytes: size, jurisdiction: null });
  } finally {
    budget.give(size);
  }
}

export const isCancelled = (outcome: ImportOutcome): boolean => outcome.row.status === 'failed' && outcome.row.reason === CANCELLED_REASON;

/** Parses and stores every entry, a few ahead of the pool's workers within the byte budget; `onOutcome` hears each as it is done (in any order). */
export async function runImport(entries: readonly ImportEntry[], pool: ImportPool, onOutcome: (outcome: ImportOutcome) => void, options: RunOptions = {}): Promise<void> {
  markStart('run started');
  const budget = new ByteBudget(options.budgetBytes ?? IN_FLIGHT_BUDGET_BYTES);
  let next = 0;
  const lane = async () => {
    while (next < entries.length) onOutcome(await importOne(entries[next++], pool, budget));
  };
  // A file's lane waits until its report is stored: enough lanes for every worker's queue and two
  // batches of parsed reports (one being stored, the next filling), and the next files read meanwhile.
  // With fewer, a worker's batch never filled and it stored every few files (~360 transactions for
  // 1,000 files, bench/import-profile.ts).
  await Promise.all(Array.from({ length: pool.workers * (QUEUED_PER_WORKER + 2 * STORE_BATCH) + 2 }, lane));
  options.onPeak?.(budget.peak);
}
