// The import worker's work per file (workers/import.worker.ts: SHA-256, parseDocument, the
// resolver) in Node, on the same generated reports `bench/import.ts` imports in the page (its
// first N, 1,000 unless given): what one core does with the page's overheads (Blob reads,
// IndexedDB, messages, the browser's other processes) taken away. Two passes in one process: the
// first as a fresh import worker runs it (gazetteer loaded, code not yet warm), the second warm.
// Prints figures only: `npx tsx bench/import-node.ts [N]`.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { withReason } from '../src/ingest/failed-report';
import { loadGazetteer } from '../src/jurisdictions/load-node';
import { resolveParsedReport } from '../src/jurisdictions/report-division';
import { parseDocument } from '../src/parse/input';
import { generatedReports } from './import';

const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 1000);
  const paths = generatedReports().slice(0, n);
  const files = paths.map((path) => ({ name: path.slice(path.lastIndexOf('/') + 1), bytes: new Uint8Array(readFileSync(path)) }));
  const kb = files.reduce((sum, f) => sum + f.bytes.byteLength, 0) / files.length / 1024;
  const loading = process.cpuUsage();
  const gazetteer = loadGazetteer();
  const gazetteerS = cpuSeconds(loading);
  console.log(`${files.length} generated reports, ${kb.toFixed(1)} KB on average; gazetteer loaded in ${gazetteerS.toFixed(2)} CPU-s`);
  for (const pass of ['first (a fresh worker)', 'second (warm)']) {
    const began = process.cpuUsage();
    for (const file of files) {
      createHash('sha256').update(file.bytes).digest('hex');
      resolveParsedReport(withReason(await parseDocument(file.bytes, { fileName: file.name })), gazetteer);
    }
    const s = cpuSeconds(began) + (pass.startsWith('first') ? gazetteerS : 0);
    console.log(`  ${pass} pass${pass.startsWith('first') ? ', gazetteer included' : ''}: ${s.toFixed(2)} CPU-s = ${(files.length / s).toFixed(0)} reports per CPU-second (${((s * 1000) / files.length).toFixed(2)} ms a file)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
