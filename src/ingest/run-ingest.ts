import { buildDatasetTables } from './arrow-tables';
import type { Io } from './output';
import { writeOut } from './output';
import { createProgress } from './progress';
import { readReportsInOrder, type ReportRecord } from './read-report';
import { summariseIngest } from './summary';
import { collectInputFiles } from './walk';
import { writeDataset } from './write-dataset';
import type { Manifest } from './manifest';

export async function runIngest(inputs: readonly string[], outDir: string, io: Io): Promise<Manifest> {
  const files = await collectInputFiles(inputs);
  const progress = createProgress(files.length, io.stderr);
  const records: ReportRecord[] = [];
  for await (const record of readReportsInOrder(files)) {
    records.push(record);
    progress.tick();
  }
  progress.done();
  const manifest = await writeDataset(outDir, buildDatasetTables(records), files.length);
  await writeOut(io.stdout, summariseIngest(records, manifest, outDir));
  return manifest;
}
