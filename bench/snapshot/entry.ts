// The CLI's `parse --json` in one thread, for the V8 startup snapshot experiment (bench/snapshot-cli.ts):
// with GONGKAI_SNAPSHOT_WARM=dir the snapshot is built after parsing that folder (and so with the
// gazetteer loaded and every parser function compiled once), else plain.
import { startupSnapshot } from 'node:v8';
import { createHash } from 'node:crypto';
import { readFileSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { parseReport } from '../../src/parse';
import { withReason } from '../../src/ingest/failed-report';
import type { ReportRecord } from '../../src/ingest/read-report';
import { reportJsonLine } from '../../src/ingest/report-text';
import { resolveReport, sharedGazetteer } from '../../src/ingest/jurisdiction';
import { collectInputFiles, type InputFile } from '../../src/ingest/walk';

/** readReport for the text and HTML files of the experiment's folder (no PDF or Word reader in the snapshot). */
function readReport(f: InputFile): ReportRecord {
  const bytes = readFileSync(f.path);
  const parsed = withReason(parseReport(bytes, { fileName: basename(f.path) }));
  return { id: f.id, file: f.path, parsed, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.byteLength, jurisdiction: resolveReport(parsed) };
}

async function run(dirs: string[], out: boolean): Promise<void> {
  const files = await collectInputFiles(dirs);
  let buffer = '';
  for (const f of files) {
    buffer += reportJsonLine(readReport(f));
    if (buffer.length > 1 << 16) {
      if (out) writeSync(1, buffer);
      buffer = '';
    }
  }
  if (out && buffer) writeSync(1, buffer);
}

const main = (args: string[]) => {
  const cpu = process.cpuUsage();
  void run(args.filter((a) => !a.startsWith('-')), true).then(() => {
    const u = process.cpuUsage(cpu);
    if (process.env.GONGKAI_SNAPSHOT_CPU) process.stderr.write(`main ${(u.user + u.system) / 1e6}\n`);
  });
};

if (startupSnapshot?.isBuildingSnapshot()) {
  sharedGazetteer();
  const warm = process.env.GONGKAI_SNAPSHOT_WARM;
  // the warm-up is async: the snapshot is taken when the entry's event loop is empty
  if (warm) void run([warm], false);
  // a deserialized process's argv has no script: [node, ...arguments]
  startupSnapshot.setDeserializeMainFunction(() => main(process.argv.slice(1)));
} else main(process.argv.slice(2));
