/** A failure the user can act on (disk full, another ingest running): printed as its message alone, exit code 1. */
export class RunError extends Error {
  override name = 'RunError';
}

const FS_ADVICE: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EMFILE: 'too many open files',
};

/** A file-system error while writing the dataset, said plainly: what happened, that nothing was lost, what to do. */
export function datasetWriteError(error: unknown, target: string): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (!code || !(code in FS_ADVICE)) return error as Error;
  return new RunError(
    `cannot write the dataset to ${target}: ${FS_ADVICE[code]} (${code}). The previous dataset, if any, is unchanged; ` +
      `${code === 'ENOSPC' || code === 'EDQUOT' ? 'free some space' : 'fix the folder'} and run the ingest again.`,
  );
}
