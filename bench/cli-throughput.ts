// Times `gongkai parse --json` over a folder of copies of the corpus, start-up included, and
// prints reports/s. Run: npm run bench:cli -- [corpus-dir] [file-count]
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { collectInputFiles } from '../src/ingest/walk';

const CANDIDATE_CORPORA = ['data/corpus', '../shared/corpus'];

async function sourceFiles(dir: string | undefined): Promise<string[]> {
  for (const candidate of dir ? [dir] : CANDIDATE_CORPORA.filter((d) => existsSync(d))) {
    const files = await collectInputFiles([candidate]);
    if (files.length > 0) return files.map((f) => f.path);
  }
  throw new Error(`no corpus files found in ${dir ?? CANDIDATE_CORPORA.join(' or ')}`);
}

function timeParse(dir: string): Promise<{ seconds: number; lines: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/gongkai.mjs', 'parse', '--json', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let lines = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    for (const byte of chunk) if (byte === 0x0a) lines += 1;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve({ seconds: (performance.now() - started) / 1000, lines }) : reject(new Error(`gongkai exited with ${code}`)),
    );
  });
}

const [dirArg, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 2000);
const sources = await sourceFiles(dirArg);
const work = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
try {
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length];
    copyFileSync(source, join(work, `${String(i).padStart(5, '0')}-${basename(source)}`));
  }
  const { seconds, lines } = await timeParse(work);
  if (lines !== count) throw new Error(`expected ${count} JSON lines, got ${lines}`);
  console.log(`${count} files (copies of ${sources.length}) in ${seconds.toFixed(2)} s: ${(count / seconds).toFixed(0)} reports/s`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
