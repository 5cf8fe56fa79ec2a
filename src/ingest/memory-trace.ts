// GONGKAI_TRACE_MEMORY=1 prints the process's memory at each phase of an ingest to stderr
// (bench/ingest.ts reads the lines back): where the peak is reached, and by what.
const enabled = (): boolean => process.env.GONGKAI_TRACE_MEMORY === '1';
const mb = (bytes: number): string => `${Math.round(bytes / 1e6)}`;

/** One line `memory: <phase> rss=… heap=… external=… arrayBuffers=… (MB)`, when enabled. */
export function traceMemory(phase: string): void {
  if (!enabled()) return;
  const m = process.memoryUsage();
  process.stderr.write(`memory: ${phase} rss=${mb(m.rss)} heap=${mb(m.heapUsed)} external=${mb(m.external)} arrayBuffers=${mb(m.arrayBuffers)}\n`);
}

/** The groups as they are, a trace line after each table's last group. */
export function* traceGroups<T extends { table: string }>(groups: Iterable<T[]>): Generator<T[]> {
  let table: string | null = null;
  for (const group of groups) {
    if (table !== null && group[0]?.table !== table) traceMemory(`written ${table}`);
    table = group[0]?.table ?? table;
    yield group;
  }
  if (table !== null) traceMemory(`written ${table}`);
}
