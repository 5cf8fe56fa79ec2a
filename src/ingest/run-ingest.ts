import { DatasetBuilder } from './arrow-tables';
import { acquireWriterLock, recoverDebris } from './dataset-swap';
import type { Manifest } from '../shared/manifest';
import { type Io, writeOut } from './output';
import { createProgress } from './progress';
import { withParsePool } from './parse-pool';
import { readReportsInOrder } from './read-report';
import { emptyTally, summariseIngest, tallyReport } from './summary';
import { collectInputFiles, type InputFile } from './walk';
import { assertReplaceable, writeDataset } from './write-dataset';

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function runIngest(inputs: readonly string[], outDir: string, io: Io): Promise<Manifest> {
  // In id order, the order of the dataset's rows: each report goes into its Arrow chunk as it comes.
  const files = (await collectInputFiles(inputs)).sort(byId);
  // Checked again on writing; this spares a long parse that could never be written.
  await assertReplaceable(outDir);
  const release = await acquireWriterLock(outDir);
  try {
    for (const line of await recoverDebris(outDir)) await writeOut(io.stderr, `gongkai: ${line}\n`);
    return await ingestLocked(files, outDir, io);
  } finally {
    await release();
  }
}

async function ingestLocked(files: InputFile[], outDir: string, io: Io): Promise<Manifest> {
  const progress = createProgress(files.length, io.stderr);
  const builder = new DatasetBuilder();
  const tally = emptyTally();
  await withParsePool(files.length, async (pool) => {
    for await (const record of readReportsInOrder(files, pool.parse, pool.threads * 2 + 2)) {
      builder.add(record);
      tallyReport(tally, record);
      progress.tick();
    }
  });
  progress.done();
  const manifest = await writeDataset(outDir, builder.finish(), files.length);
  await writeOut(io.stdout, summariseIngest(tally, manifest, outDir));
  return manifest;
}
