import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUT, main, parseCliArgs } from '../../../src/ingest/cli';
import { UsageError } from '../../../src/ingest/usage-error';
import { collectOutput } from '../../helpers/collect-output';

describe('parseCliArgs', () => {
  it('reads parse with and without --json, keeping input order', () => {
    expect(parseCliArgs(['parse', 'b', 'a'])).toEqual({ kind: 'parse', json: false, inputs: ['b', 'a'] });
    expect(parseCliArgs(['parse', '--json', 'x.txt'])).toEqual({ kind: 'parse', json: true, inputs: ['x.txt'] });
    expect(parseCliArgs(['parse', 'x.txt', '--json'])).toEqual({ kind: 'parse', json: true, inputs: ['x.txt'] });
  });

  it('reads ingest with --out in every spelling and defaults it', () => {
    expect(parseCliArgs(['ingest', 'dir'])).toEqual({ kind: 'ingest', out: DEFAULT_OUT, inputs: ['dir'], storedAnswers: true });
    expect(parseCliArgs(['ingest', 'a', 'b', '--out', 'o'])).toEqual({ kind: 'ingest', out: 'o', inputs: ['a', 'b'], storedAnswers: true });
    expect(parseCliArgs(['ingest', '--out=o2', 'a'])).toEqual({ kind: 'ingest', out: 'o2', inputs: ['a'], storedAnswers: true });
    expect(parseCliArgs(['ingest', '-o', 'o3', 'a'])).toEqual({ kind: 'ingest', out: 'o3', inputs: ['a'], storedAnswers: true });
  });

  it('reads ingest --corrections', () => {
    expect(parseCliArgs(['ingest', 'dir', '--corrections', 'c.csv'])).toEqual({ kind: 'ingest', out: DEFAULT_OUT, inputs: ['dir'], storedAnswers: true, corrections: 'c.csv' });
  });

  it('reads ingest --no-stored-answers', () => {
    expect(parseCliArgs(['ingest', 'dir', '--no-stored-answers'])).toEqual({ kind: 'ingest', out: DEFAULT_OUT, inputs: ['dir'], storedAnswers: false });
  });

  it('reads serve and open with their port and host, loopback and 4173 by default', () => {
    expect(parseCliArgs(['serve'])).toEqual({ kind: 'serve', dir: DEFAULT_OUT, host: '127.0.0.1', port: 4173 });
    expect(parseCliArgs(['serve', 'ds', '--port', '8080', '--host', '::1'])).toEqual({ kind: 'serve', dir: 'ds', host: '::1', port: 8080 });
    expect(parseCliArgs(['open', 'a.pdf', 'dir', '-p', '9000'])).toEqual({ kind: 'open', inputs: ['a.pdf', 'dir'], host: '127.0.0.1', port: 9000 });
    for (const bad of [['serve', '--port', '0'], ['serve', '--port', '65536'], ['serve', '--port', '80.5'], ['serve', '--port', ''], ['serve', '--host', ''], ['serve', 'a', 'b'], ['open'], ['open', 'x', '--out', 'y']]) {
      expect(() => parseCliArgs(bad), bad.join(' ')).toThrow(UsageError);
    }
  });

  it('takes inputs that look like options after --', () => {
    expect(parseCliArgs(['parse', '--', '--odd-name.txt'])).toEqual({ kind: 'parse', json: false, inputs: ['--odd-name.txt'] });
  });

  it('recognises help everywhere', () => {
    for (const argv of [['help'], ['--help'], ['-h'], ['parse', '--help'], ['ingest', '-h']]) {
      expect(parseCliArgs(argv)).toEqual({ kind: 'help' });
    }
  });

  it.each([
    [[], 'missing command'],
    [['frobnicate'], 'unknown command: frobnicate'],
    [['parse'], 'no files or directories'],
    [['ingest', '--out', 'o'], 'no files or directories'],
    [['parse', '--out', 'o', 'x'], "Unknown option '--out'"],
    [['ingest', '--json', 'x'], "Unknown option '--json'"],
    [['ingest', 'x', '--out'], 'argument missing'],
    [['ingest', 'x', '--out='], '--out needs a directory'],
    [['ingest', 'x', '--corrections='], '--corrections needs a file'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});

describe('main', () => {
  it('exits 2 with the usage text on a usage error', async () => {
    const io = collectOutput();
    expect(await main(['parse', '--nope', 'x'], io)).toBe(2);
    expect(io.stdout.text).toBe('');
    expect(io.stderr.text).toContain("gongkai: Unknown option '--nope'");
    expect(io.stderr.text).toContain('usage:');
  });

  it('exits 2 when an input does not exist, before doing any work', async () => {
    const io = collectOutput();
    expect(await main(['ingest', '/no/such/place', '--out', '/no/such/out'], io)).toBe(2);
    expect(io.stderr.text).toContain('no such file or directory: /no/such/place');
  });

  it('exits 2 on a corrections file it cannot read or whose header is wrong, before doing any work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-corrections-'));
    try {
      const io = collectOutput();
      expect(await main(['ingest', dir, '--out', join(dir, 'out'), '--corrections', join(dir, 'missing.csv')], io)).toBe(2);
      expect(io.stderr.text).toContain(`cannot read the corrections file ${join(dir, 'missing.csv')}`);
      writeFileSync(join(dir, 'bad.csv'), 'sha,metric\n');
      const io2 = collectOutput();
      expect(await main(['ingest', dir, '--out', join(dir, 'out'), '--corrections', join(dir, 'bad.csv')], io2)).toBe(2);
      expect(io2.stderr.text).toContain('expected the header report_sha256,metric,value,note,author,at, got sha,metric');
      expect(existsSync(join(dir, 'out'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints help on stdout and exits 0', async () => {
    const io = collectOutput();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.stdout.text).toMatch(/^usage:\n {2}gongkai parse/);
    expect(io.stderr.text).toBe('');
  });
});
