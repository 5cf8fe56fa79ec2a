import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheRoot, openCacheKey, parserVersion } from '../../src/serve/open-cache';
import { makeTempDir } from '../helpers/ingest-fixture';

let tmp: string;
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

function reports(files: Record<string, string>): string {
  const dir = join(tmp, 'reports');
  rmSync(dir, { recursive: true, force: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('open cache key', () => {
  it('is the same for the same files and changes with a file’s content, its path, or the parser', async () => {
    tmp = makeTempDir('gongkai-open-key-');
    const dir = reports({ 'a.txt': '甲', 'sub/b.txt': '乙' });
    const key = await openCacheKey([dir], 'parser-1');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await openCacheKey([dir], 'parser-1')).toBe(key);
    expect(await openCacheKey([dir], 'parser-2')).not.toBe(key);
    reports({ 'a.txt': '甲', 'sub/b.txt': '丙' });
    expect(await openCacheKey([dir], 'parser-1')).not.toBe(key);
    reports({ 'a.txt': '甲', 'sub/c.txt': '乙' });
    expect(await openCacheKey([dir], 'parser-1')).not.toBe(key);
    // Skipped files (truth/, *.json) are not reports: they do not change the key.
    reports({ 'a.txt': '甲', 'sub/b.txt': '乙', 'truth/a.json': '{}', 'extra.json': '{}' });
    expect(await openCacheKey([dir], 'parser-1')).toBe(key);
  });

  it('does not depend on the order the inputs are given in', async () => {
    tmp = makeTempDir('gongkai-open-key-');
    reports({ 'a.txt': '甲', 'b.txt': '乙' });
    const [a, b] = ['a.txt', 'b.txt'].map((name) => join(tmp, 'reports', name));
    expect(await openCacheKey([a, b], 'p')).toBe(await openCacheKey([b, a], 'p'));
  });

  it('parser version hashes the code folders, and the cache lives under XDG_CACHE_HOME or ~/.cache', async () => {
    tmp = makeTempDir('gongkai-open-key-');
    mkdirSync(join(tmp, 'code'));
    writeFileSync(join(tmp, 'code', 'rule.ts'), 'export const a = 1;');
    const before = await parserVersion([join(tmp, 'code')], tmp);
    expect(await parserVersion([join(tmp, 'code')], tmp)).toBe(before);
    writeFileSync(join(tmp, 'code', 'rule.ts'), 'export const a = 2;');
    expect(await parserVersion([join(tmp, 'code')], tmp)).not.toBe(before);
    expect(cacheRoot({ XDG_CACHE_HOME: '/x/cache' })).toBe('/x/cache/gongkai');
    expect(cacheRoot({ XDG_CACHE_HOME: 'relative' })).toMatch(/\/\.cache\/gongkai$/);
  });
});
