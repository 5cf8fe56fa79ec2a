import { buildDatasetParts } from './arrow-tables';
import type { Manifest } from '../shared/manifest';
import { type Io, writeOut } from './output';
import { createProgress } from './progress';
import { readReportsInOrder, type ReportRecord } from './read-report';
import { summariseIngest } from './summary';
import { collectInputFiles } from './walk';
import { assertReplaceable, writeDataset } from './write-dataset';

export async function runIngest(inputs: readonly string[], outDir: string, io: Io): Promise<Manifest> {
  const files = await collectInputFiles(inputs);
  // Checked again on writing; this spares a long parse that could never be written.
  await assertReplaceable(outDir);
  const progress = createProgress(files.length, io.stderr);
  const records: ReportRecord[] = [];
  for await (const record of readReportsInOrder(files)) {
    records.push(record);
    progress.tick();
  }
  progress.done();
  const manifest = await writeDataset(outDir, buildDatasetParts(records), files.length);
  await writeOut(io.stdout, summariseIngest(records, manifest, outDir));
  return manifest;
}
