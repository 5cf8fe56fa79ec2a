// Which entries of an input folder are reports: the same rule for `gongkai ingest` (walk.ts) and
// a folder dropped into the page (src/app/user).

/** Truth files, corpus manifests and hidden entries sit beside reports but are not reports. */
export function isSkippedDirectory(name: string): boolean {
  return name === 'truth' || name.startsWith('.');
}

export function isSkippedFile(name: string): boolean {
  return name === 'manifest.csv' || name.toLowerCase().endsWith('.json') || name.startsWith('.');
}

/** The same id reached twice (say two folders both called `2019`) gets `#2`, `#3`… */
export function withUniqueIds<T extends { id: string }>(files: readonly T[]): T[] {
  const counts = new Map<string, number>();
  return files.map((file) => {
    const n = (counts.get(file.id) ?? 0) + 1;
    counts.set(file.id, n);
    return n === 1 ? file : { ...file, id: `${file.id}#${n}` };
  });
}
