// Time left of an import's parse, from what has been measured: the bytes done since the first file
// was done (before it, the workers were starting, not parsing: 3 s of start over one small text file
// once read as 520 s left of a 12 s job), and nothing until every kind of file still left has a file
// done and a few files are done. The rate is one, over the bytes of every kind done: a PDF's bytes
// parse at another rate than a text file's, so the estimate waits until the mix it is measured over
// holds each kind still to come (files of several kinds parse side by side, so no kind's own rate is
// measured apart).
// A file's size is read after the files are sent (read first, 0.45–1 s per 1,000 picked files went
// before the first was sent: Chromium asks the browser for each), so the bytes left are known only
// once every size is read; nothing is said before that (the file count is known at once).

/** Kinds of file whose bytes parse at different rates. */
export type FileKind = 'pdf' | 'word' | 'text';

export const fileKind = (path: string): FileKind => (/\.pdf$/i.test(path) ? 'pdf' : /\.(docx?|wps)$/i.test(path) ? 'word' : 'text');

export interface KindCount {
  files: number;
  /** Files whose size is read (and counted in `bytes`). */
  sized: number;
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

const zero = (): KindCount => ({ files: 0, sized: 0, bytes: 0, filesDone: 0, bytesDone: 0 });

/** The files by kind, their sizes not read yet (countSize). */
export function newMeasure(paths: readonly string[]): ParseMeasure {
  const kinds: Record<FileKind, KindCount> = { pdf: zero(), word: zero(), text: zero() };
  for (const path of paths) kinds[fileKind(path)].files++;
  return { kinds, first: null };
}

/** Counts a file's size, once read (in place). */
export function countSize(measure: ParseMeasure, path: string, size: number): void {
  const kind = measure.kinds[fileKind(path)];
  kind.sized++;
  kind.bytes += size;
}

/** Files' sizes read at a time by countSizes: about 50 ms of the page's thread at 0.5 ms a file. */
export const SIZE_SLICE = 100;

/**
 * Reads the files' sizes into the measure a slice at a time, the page's thread let go before each
 * slice (the files are sent and their answers counted meanwhile), until every size is read or
 * `stopped()` says so.
 */
export async function countSizes(measure: ParseMeasure, files: readonly { path: string; file: Blob }[], stopped: () => boolean): Promise<void> {
  for (let at = 0; at < files.length; at += SIZE_SLICE) {
    await new Promise((go) => setTimeout(go, 0));
    if (stopped()) return;
    for (const { path, file } of files.slice(at, at + SIZE_SLICE)) countSize(measure, path, file.size);
  }
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
 * too little: a file's size not read yet, fewer than MIN_FILES_DONE files or MIN_MEASURED_MS
 * measured, or a kind with files left none of which is done yet.
 */
export function secondsLeft(measure: ParseMeasure, elapsedMs: number): number | null {
  const kinds = Object.values(measure.kinds);
  if (kinds.some((k) => k.sized < k.files)) return null;
  const filesDone = kinds.reduce((n, k) => n + k.filesDone, 0);
  if (!measure.first || filesDone < MIN_FILES_DONE) return null;
  if (kinds.some((k) => k.filesDone < k.files && k.filesDone === 0)) return null;
  const measured = elapsedMs - measure.first.ms;
  const bytes = kinds.reduce((n, k) => n + k.bytesDone, 0) - measure.first.bytes;
  if (measured < MIN_MEASURED_MS || bytes <= 0) return null;
  const left = kinds.reduce((n, k) => n + (k.bytes - k.bytesDone), 0);
  return Math.ceil((measured / bytes) * left / 1000);
}
