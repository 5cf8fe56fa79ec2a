// `gongkai serve` and `gongkai open` as a user runs them: the CLI spawned on a free loopback port,
// the dashboard and its dataset fetched over HTTP, the process stopped at the end. The app is a
// stand-in dist/ (GONGKAI_DIST) newer than the sources, so no test builds the real app.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../scripts/server-middleware';
import { makeIngestFixture, makeTempDir, type IngestFixture } from '../helpers/ingest-fixture';
import { BIN, REPO_ROOT } from '../helpers/paths';
import { startGongkai, type Served } from '../helpers/gongkai-server';

const STAND_IN = '<!doctype html><title>stand-in app</title>';

let fixture: IngestFixture;
let tmp: string;
let env: NodeJS.ProcessEnv;
const running = new Set<Served>();

beforeAll(() => {
  fixture = makeIngestFixture();
  tmp = makeTempDir('gongkai-serve-');
  mkdirSync(join(tmp, 'dist'));
  writeFileSync(join(tmp, 'dist', 'index.html'), STAND_IN);
  env = { ...process.env, GONGKAI_DIST: join(tmp, 'dist'), XDG_CACHE_HOME: join(tmp, 'cache') };
});

afterAll(async () => {
  for (const served of running) await stop(served);
  fixture.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

async function start(...args: string[]): Promise<Served> {
  const served = await startGongkai(args, env);
  running.add(served);
  return served;
}

async function stop(served: Served): Promise<void> {
  await served.stop();
  running.delete(served);
}

const fetchJson = async (url: string) => (await fetch(url)).json() as Promise<{ dataset_version: string; generated_from: number }>;

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
      firstDataset = served.dataset();
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
      await stop(served);
    }
  });

  it('a second open of the same files serves the cached dataset without ingesting again', async () => {
    const manifestPath = join(firstDataset, 'manifest.json');
    const before = statSync(manifestPath).mtimeMs;
    const served = await start('open', fixture.dir);
    try {
      expect(served.stderr).toMatch(/ingested before/);
      expect(served.stderr).not.toMatch(/ingesting into/);
      expect(served.dataset()).toBe(firstDataset);
      expect(statSync(manifestPath).mtimeMs).toBe(before);
      expect((await fetchJson(`${served.url}data/manifest.json`)).dataset_version).toBe(firstVersion);
    } finally {
      await stop(served);
    }
  });

  it('serve DIR serves the dataset asked for, not another one', async () => {
    const other = await start('open', join(fixture.dir, 'nested'));
    const otherDataset = other.dataset();
    await stop(other);
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
        await stop(served);
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
