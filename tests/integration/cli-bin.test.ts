import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIngestFixture, makeTempDir, type IngestFixture } from '../helpers/ingest-fixture';
import { BIN, REPO_ROOT } from '../helpers/paths';

let fixture: IngestFixture;
let outRoot: string;

function gongkai(...args: string[]) {
  return gongkaiWith({}, ...args);
}

function gongkaiWith(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  fixture = makeIngestFixture();
  outRoot = makeTempDir();
});
afterAll(() => {
  fixture.cleanup();
  rmSync(outRoot, { recursive: true, force: true });
});

describe('bin/gongkai.mjs', () => {
  it('parse --json prints one JSON line per input file, in sorted order, without the text', () => {
    const run = gongkai('parse', '--json', fixture.dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    const root = fixture.dir.slice(0, -'reports'.length);
    expect(lines.map((l) => l.file)).toEqual(fixture.ids.map((id) => join(root, id)));
    for (const line of lines) {
      expect(['ok', 'partial', 'failed']).toContain(line.status);
      if (line.status === 'failed') expect(line.error).toMatch(/\S/);
      expect(line).not.toHaveProperty('text');
      expect(line).toHaveProperty('facts.scope');
      expect(Array.isArray(line.values) && Array.isArray(line.checks) && Array.isArray(line.warnings)).toBe(true);
    }
  });

  it('parse without --json prints a readable block per file and a total', () => {
    const run = gongkai('parse', join(fixture.dir, 'empty.txt'), join(fixture.dir, 'binary.bin'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^.*empty\.txt\n {2}status (ok|partial|failed) · template /);
    expect(run.stdout).toContain('binary.bin\n  status ');
    expect(run.stdout).toMatch(/\n2 files: ok \d+ · partial \d+ · failed \d+\n$/);
  });

  it('ingest writes the dataset and exits 0 even when reports fail', () => {
    const out = join(outRoot, 'build');
    const run = gongkai('ingest', fixture.dir, '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${fixture.ids.length} files → ${out}`);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
  });

  it('exits 2 on a usage error', () => {
    const run = gongkai('ingest');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage:');
    expect(run.stdout).toBe('');
  });

  it('the bundled CLI prints the same bytes as the sources run through tsx, and a changed source makes the bundle stale', async () => {
    const { buildBundle, freshBundle } = (await import(pathToFileURL(join(REPO_ROOT, 'bin/cli-bundle.mjs')).href)) as {
      buildBundle(): Promise<string>;
      freshBundle(): string | null;
    };
    const entry = await buildBundle();
    expect(freshBundle()).toBe(entry);
    const bundled = gongkai('parse', '--json', fixture.dir);
    const sources = gongkaiWith({ GONGKAI_NO_BUNDLE: '1' }, 'parse', '--json', fixture.dir);
    expect(bundled.code).toBe(0);
    expect(bundled.stdout.split('\n').length).toBeGreaterThan(fixture.ids.length);
    expect(bundled.stdout).toBe(sources.stdout);
    expect(bundled.stderr).toBe(sources.stderr);
    const source = join(REPO_ROOT, 'src/parse/index.ts');
    const { atime, mtime } = statSync(source);
    try {
      utimesSync(source, atime, new Date(mtime.getTime() + 2000));
      expect(freshBundle()).toBeNull();
    } finally {
      utimesSync(source, atime, mtime); // to the millisecond: the next run rebuilds once
    }
  });
});
