// Time left of an import's parse, from what has been measured: the bytes done since the first file
// was done (before it, the workers were starting, not parsing: 3 s of start over one small text file
// once read as 520 s left of a 12 s job), and nothing until every kind of file still left has a file
// done and a few files are done. The rate is one, over the bytes of every kind done: a PDF's bytes
// parse at another rate than a text file's, so the estimate waits until the mix it is measured over
// holds each kind still to come (files of several kinds parse side by side, so no kind's own rate is
// measured apart).

/** Kinds of file whose bytes parse at different rates. */
export type FileKind = 'pdf' | 'word' | 'text';

export const fileKind = (path: string): FileKind => (/\.pdf$/i.test(path) ? 'pdf' : /\.(docx?|wps)$/i.test(path) ? 'word' : 'text');

export interface KindCount {
  files: number;
  bytes: number;
  filesDone: number;
  bytesDone: number;
}

export interface ParseMeasure {
  kinds: Record<FileKind, KindCount>;
  /** When the first file was done (ms since the start) and its bytes; null before. */
  first: { ms: number; bytes: number } | null;
}

/** Files done before an estimate is shown. */
export const MIN_FILES_DONE = 3;
/** Time measured after the first file (ms) before an estimate is shown. */
export const MIN_MEASURED_MS = 1000;

const zero = (): KindCount => ({ files: 0, bytes: 0, filesDone: 0, bytesDone: 0 });

export function newMeasure(files: readonly { path: string; size: number }[]): ParseMeasure {
  const kinds: Record<FileKind, KindCount> = { pdf: zero(), word: zero(), text: zero() };
  for (const file of files) {
    const kind = kinds[fileKind(file.path)];
    kind.files++;
    kind.bytes += file.size;
  }
  return { kinds, first: null };
}

/** Counts a file done at `elapsedMs` (in place). */
export function countDone(measure: ParseMeasure, file: { path: string; size: number }, elapsedMs: number): void {
  const kind = measure.kinds[fileKind(file.path)];
  kind.filesDone++;
  kind.bytesDone += file.size;
  measure.first ??= { ms: elapsedMs, bytes: file.size };
}

/**
 * Seconds left at the rate of the bytes done since the first file was done; null while that says
 * too little: fewer than MIN_FILES_DONE files or MIN_MEASURED_MS measured, or a kind with files
 * left none of which is done yet.
 */
export function secondsLeft(measure: ParseMeasure, elapsedMs: number): number | null {
  const kinds = Object.values(measure.kinds);
  const filesDone = kinds.reduce((n, k) => n + k.filesDone, 0);
  if (!measure.first || filesDone < MIN_FILES_DONE) return null;
  if (kinds.some((k) => k.filesDone < k.files && k.filesDone === 0)) return null;
  const measured = elapsedMs - measure.first.ms;
  const bytes = kinds.reduce((n, k) => n + k.bytesDone, 0) - measure.first.bytes;
  if (measured < MIN_MEASURED_MS || bytes <= 0) return null;
  const left = kinds.reduce((n, k) => n + (k.bytes - k.bytesDone), 0);
  return Math.ceil((measured / bytes) * left / 1000);
}
