// `gongkai serve` and `gongkai open` as a user runs them: the CLI spawned on a free loopback port,
// the dashboard and its dataset fetched over HTTP, the process stopped at the end. The app is a
// stand-in dist/ (GONGKAI_DIST) newer than the sources, so no test builds the real app.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../scripts/server-middleware';
import { makeIngestFixture, makeTempDir, type IngestFixture } from '../helpers/ingest-fixture';
import { BIN, REPO_ROOT } from '../helpers/paths';
import { freePort } from '../helpers/preview-server';

const STAND_IN = '<!doctype html><title>stand-in app</title>';

let fixture: IngestFixture;
let tmp: string;
let env: NodeJS.ProcessEnv;
const running = new Set<ChildProcess>();

beforeAll(() => {
  fixture = makeIngestFixture();
  tmp = makeTempDir('gongkai-serve-');
  mkdirSync(join(tmp, 'dist'));
  writeFileSync(join(tmp, 'dist', 'index.html'), STAND_IN);
  env = { ...process.env, GONGKAI_DIST: join(tmp, 'dist'), XDG_CACHE_HOME: join(tmp, 'cache') };
});

afterAll(async () => {
  for (const child of running) await stop(child);
  fixture.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

interface Served {
  child: ChildProcess;
  url: string;
  stdout: string;
  stderr: string;
}

/** Spawns `gongkai <args> --port <free>` and resolves once it says it is serving. */
async function start(...args: string[]): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, ...args, '--port', String(port), '--host', '127.0.0.1'], { cwd: REPO_ROOT, env });
  running.add(child);
  const served: Served = { child, url: `http://127.0.0.1:${port}/`, stdout: '', stderr: '' };
  child.stderr.on('data', (chunk: Buffer) => (served.stderr += chunk.toString()));
  await new Promise<void>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      served.stdout += chunk.toString();
      if (served.stdout.includes('(Ctrl+C to stop)')) done();
    });
    child.on('exit', (code) => fail(new Error(`gongkai ${args[0]} exited with ${code}:\n${served.stderr}`)));
  });
  return served;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
  running.delete(child);
}

const fetchJson = async (url: string) => (await fetch(url)).json() as Promise<{ dataset_version: string; generated_from: number }>;

/** The dataset folder the CLI named on stdout. */
const datasetOf = (served: Served): string => /^Dataset: (.+)$/m.exec(served.stdout)![1];

function gongkai(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env, encoding: 'utf8' });
  return { code: run.status, stderr: run.stderr };
}

describe('gongkai open and serve', () => {
  let firstDataset: string;
  let firstVersion: string;

  it('open ingests the files into the cache and serves the app and that dataset', async () => {
    const served = await start('open', fixture.dir);
    try {
      expect(served.stderr).toMatch(/ingesting into /);
      firstDataset = datasetOf(served);
      expect(realpathSync(firstDataset).startsWith(realpathSync(join(tmp, 'cache', 'gongkai')))).toBe(true);
      const onDisk = JSON.parse(readFileSync(join(firstDataset, 'manifest.json'), 'utf8')) as { dataset_version: string };
      firstVersion = onDisk.dataset_version;

      const page = await fetch(served.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toBe(STAND_IN);
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');

      const manifest = await fetchJson(`${served.url}data/manifest.json`);
      expect(manifest.dataset_version).toBe(firstVersion);
      expect(manifest.generated_from).toBe(fixture.ids.length);

      // The source reports, from the folder given, as inert text; nothing outside it.
      const gbk = await fetch(`${served.url}sources/reports/nested/gbk-report.txt`);
      expect(gbk.status).toBe(200);
      expect(Buffer.from(await gbk.arrayBuffer()).equals(readFileSync(join(fixture.dir, 'nested', 'gbk-report.txt')))).toBe(true);
      expect(gbk.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");

      for (const path of ['data/nothing.json', 'data/arrow/reports/99.arrows', 'sources/reports/missing.txt', 'sources/reports/..%2F..%2Fdist%2Findex.html', 'sources/other/x.txt']) {
        const missing = await fetch(`${served.url}${path}`);
        expect(missing.status, path).toBe(404);
        expect(await missing.text()).toBe('404 Not Found\n');
      }
    } finally {
      await stop(served.child);
    }
  });

  it('a second open of the same files serves the cached dataset without ingesting again', async () => {
    const manifestPath = join(firstDataset, 'manifest.json');
    const before = statSync(manifestPath).mtimeMs;
    const served = await start('open', fixture.dir);
    try {
      expect(served.stderr).toMatch(/ingested before/);
      expect(served.stderr).not.toMatch(/ingesting into/);
      expect(datasetOf(served)).toBe(firstDataset);
      expect(statSync(manifestPath).mtimeMs).toBe(before);
      expect((await fetchJson(`${served.url}data/manifest.json`)).dataset_version).toBe(firstVersion);
    } finally {
      await stop(served.child);
    }
  });

  it('serve DIR serves the dataset asked for, not another one', async () => {
    const other = await start('open', join(fixture.dir, 'nested'));
    const otherDataset = datasetOf(other);
    await stop(other.child);
    expect(otherDataset).not.toBe(firstDataset);
    const otherVersion = JSON.parse(readFileSync(join(otherDataset, 'manifest.json'), 'utf8')).dataset_version as string;
    expect(otherVersion).not.toBe(firstVersion);

    for (const [dir, version, files] of [[firstDataset, firstVersion, fixture.ids.length], [otherDataset, otherVersion, 1]] as const) {
      const served = await start('serve', dir);
      try {
        const manifest = await fetchJson(`${served.url}data/manifest.json`);
        expect(manifest.dataset_version).toBe(version);
        expect(manifest.generated_from).toBe(files);
        expect((await fetch(`${served.url}data/missing.arrows`)).status).toBe(404);
        // serve knows no source folder: every source link is a 404, never the app shell.
        expect((await fetch(`${served.url}sources/reports/empty.txt`)).status).toBe(404);
      } finally {
        await stop(served.child);
      }
    }
  });

  it('refuses a folder that is not a dataset, and bad arguments, with exit code 2', () => {
    const notDataset = join(tmp, 'not-a-dataset');
    mkdirSync(notDataset);
    const plain = gongkai('serve', notDataset, '--port', '1');
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain(`${notDataset} is not a dataset: it has no manifest.json`);

    writeFileSync(join(notDataset, 'manifest.json'), '{"schema_version":1}');
    const old = gongkai('serve', notDataset, '--port', '1');
    expect(old.code).toBe(2);
    expect(old.stderr).toContain('schema_version: expected');

    expect(gongkai('serve', firstDataset, '--port', 'http').code).toBe(2);
    expect(gongkai('serve', firstDataset, '--port', '70000').code).toBe(2);
    expect(gongkai('serve', firstDataset, firstDataset).code).toBe(2);
    expect(gongkai('open').code).toBe(2);
    expect(gongkai('open', join(tmp, 'no-such-reports')).code).toBe(2);
  });
});
