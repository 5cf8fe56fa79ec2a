// Time left of an import's parse, from the bytes done: the slow files (PDF, Word) are the large
// ones, and they sort last in a folder of mixed kinds, so a count of files says too little too late.
import type { ImportProgress } from './UserLayer';

/** Seconds left at the rate of the bytes done so far; null before any byte is done. */
export function secondsLeft(progress: Pick<ImportProgress, 'elapsedMs' | 'bytesDone' | 'bytesTotal'>): number | null {
  if (progress.bytesDone <= 0) return null;
  return Math.ceil((progress.elapsedMs / progress.bytesDone) * Math.max(0, progress.bytesTotal - progress.bytesDone) / 1000);
}
