// Fault tests of the dataset swap: `kill -9` at each step, two ingests at once, a full disk.
// Each run is a real `gongkai ingest` child process; GONGKAI_FAULT (src/ingest/faults.ts) makes it
// die or fail at a named step.
import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/ingest-fixture';
import { BIN, requireSeeds } from '../helpers/paths';

interface Run {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

function ingest(input: string, out: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, 'ingest', input, '--out', out], { env: { ...process.env, GONGKAI_PARSE_THREADS: '1', ...env } }, (error, stdout, stderr) => {
      const failure = error as (Error & { code?: number; signal?: string }) | null;
      done({ code: failure ? (typeof failure.code === 'number' ? failure.code : null) : 0, signal: failure?.signal ?? null, stdout, stderr });
    });
  });
}

const versionOf = (out: string): string => (JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { dataset_version: string }).dataset_version;

let root: string;
let small: string;
let large: string;
let smallVersion: string;
let largeVersion: string;

beforeAll(async () => {
  root = makeTempDir('gongkai-faults-');
  small = join(root, 'small');
  large = join(root, 'large');
  mkdirSync(small);
  mkdirSync(large);
  const seeds = readdirSync(requireSeeds()).filter((n) => n.endsWith('.txt')).sort();
  copyFileSync(join(requireSeeds(), seeds[0]), join(small, seeds[0]));
  for (const name of seeds.slice(0, 3)) copyFileSync(join(requireSeeds(), name), join(large, name));
  const [a, b] = await Promise.all([ingest(small, join(root, 'ref-small', 'build')), ingest(large, join(root, 'ref-large', 'build'))]);
  expect([a.code, b.code]).toEqual([0, 0]);
  smallVersion = versionOf(join(root, 'ref-small', 'build'));
  largeVersion = versionOf(join(root, 'ref-large', 'build'));
  expect(smallVersion).not.toBe(largeVersion);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** After a clean run only the link and one version folder remain: no staging, links, lock or old versions. */
function expectNoDebris(parent: string): void {
  expect(readdirSync(parent).sort()).toEqual(['.build.versions', 'build']);
  expect(readdirSync(join(parent, '.build.versions'))).toHaveLength(1);
}

describe('kill -9 during the swap', () => {
  it.each([
    ['write', 'small'],
    ['staged', 'small'],
    ['versioned', 'small'],
    ['linked', 'small'],
    ['swapped', 'large'],
  ] as const)('killed at %s: the dataset is still whole (%s), and the next run cleans up', async (step, expected) => {
    const parent = join(root, `kill-${step}`);
    const out = join(parent, 'build');
    expect((await ingest(small, out)).code).toBe(0);
    const killed = await ingest(large, out, { GONGKAI_FAULT: `kill:${step}` });
    expect(killed.signal).toBe('SIGKILL');
    expect(versionOf(out)).toBe(expected === 'small' ? smallVersion : largeVersion);
    const next = await ingest(small, out);
    expect(next.code).toBe(0);
    expect(versionOf(out)).toBe(smallVersion);
    expectNoDebris(parent);
  }, 60_000);

  it('a dataset of the previous layout (a plain folder) killed mid-move is recovered by the next run', async () => {
    const parent = join(root, 'legacy');
    const out = join(parent, 'build');
    mkdirSync(parent);
    cpSync(join(root, 'ref-small', 'build'), out, { recursive: true, dereference: true });
    const killed = await ingest(large, out, { GONGKAI_FAULT: 'kill:moved-aside' });
    expect(killed.signal).toBe('SIGKILL');
    const next = await ingest(small, out);
    expect(next.code).toBe(0);
    expect(next.stderr).toContain('gongkai: recovered');
    expect(versionOf(out)).toBe(smallVersion);
    expectNoDebris(parent);
  }, 60_000);
});

describe('concurrent ingests and a full disk', () => {
  it('a second ingest into the same folder while one runs stops with a clear message', async () => {
    const parent = join(root, 'locked');
    const out = join(parent, 'build');
    mkdirSync(parent);
    // A live process holds the lock: this test runner.
    writeFileSync(join(parent, '.build.lock'), JSON.stringify({ pid: process.pid, started: '2026-12-05T00:00:00.000Z' }));
    const blocked = await ingest(small, out);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toBe(
      `gongkai: another ingest (process ${process.pid}, started 2026-12-05T00:00:00.000Z) is writing ${out}: wait for it to finish, or delete ${join(parent, '.build.lock')} if no ingest is running.\n`,
    );
    expect(existsSync(out)).toBe(false);
    // A lock whose process is gone is stale: removed, and the ingest goes ahead.
    writeFileSync(join(parent, '.build.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, started: 'long ago' }));
    expect((await ingest(small, out)).code).toBe(0);
    expectNoDebris(parent);
    // A lock with nothing in it (no run writes one so any more: the lock appears with its holder in
    // it) is stale too, not a crash reading it.
    writeFileSync(join(parent, '.build.lock'), '');
    expect((await ingest(small, out)).code).toBe(0);
    expectNoDebris(parent);
  }, 60_000);

  it('two ingests started together: each finishes or is refused, and one whole dataset remains', async () => {
    const parent = join(root, 'race');
    const out = join(parent, 'build');
    const runs = await Promise.all([ingest(small, out), ingest(large, out)]);
    for (const run of runs) {
      if (run.code !== 0) expect(run.stderr).toMatch(/^gongkai: another ingest \(process \d+, started .*\) is writing /);
    }
    expect(runs.some((run) => run.code === 0)).toBe(true);
    expect([smallVersion, largeVersion]).toContain(versionOf(out));
    expectNoDebris(parent);
  }, 60_000);

  it('a full disk ends with a plain message, no stack trace, and the previous dataset intact', async () => {
    const parent = join(root, 'full');
    const out = join(parent, 'build');
    expect((await ingest(small, out)).code).toBe(0);
    const full = await ingest(large, out, { GONGKAI_FAULT: 'enospc:write' });
    expect(full.code).toBe(1);
    expect(full.stderr).toBe(
      `gongkai: cannot write the dataset to ${out}: the disk is full (ENOSPC). The previous dataset, if any, is unchanged; free some space and run the ingest again.\n`,
    );
    expect(versionOf(out)).toBe(smallVersion);
    expectNoDebris(parent);
  }, 60_000);
});
