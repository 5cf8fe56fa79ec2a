// The spill stores of a bounded ingest: what goes in comes back the same, from a real file.
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Float64, Int32, Table, tableToIPC, Utf8 } from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import { diskStores, SpillFile } from '../../../src/ingest/chunk-store-disk';
import { columnVector } from '../../../src/ingest/columns';
import { makeTempDir } from '../../helpers/ingest-fixture';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = makeTempDir('gongkai-spill-');
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const table = (ids: (string | null)[]): Table =>
  new Table({
    report_id: columnVector(new Utf8(), ids),
    value: columnVector(new Float64(), ids.map((_, i) => (i % 3 === 0 ? null : i * 1.5))),
    n: columnVector(new Int32(), ids.map((_, i) => i)),
  });

describe('spill stores', () => {
  it('give back each chunk with the same IPC bytes, in any order, and keep an empty chunk in memory', () => {
    const dir = tempDir();
    const stores = diskStores<{ id: string; year: number | null; names: string[] }>(dir);
    const a = table(['a', null, '城市']);
    const b = table(Array.from({ length: 5000 }, (_, i) => `r${i}`));
    const empty = table([]);
    const refs = [stores.chunks.put(a), stores.chunks.put(b), stores.chunks.put(empty)];
    expect(refs[2].table).toBe(empty);
    expect(refs[0].table).toBeUndefined();
    expect(statSync(join(dir, 'chunks.spill')).size).toBe(tableToIPC(a, 'stream').byteLength + tableToIPC(b, 'stream').byteLength);
    expect(tableToIPC(stores.chunks.get(refs[1]), 'stream')).toEqual(tableToIPC(b, 'stream'));
    expect(tableToIPC(stores.chunks.get(refs[0]), 'stream')).toEqual(tableToIPC(a, 'stream'));
    expect(stores.chunks.get(refs[1]).getChild('report_id')!.get(4999)).toBe('r4999');

    stores.sets.push(new Uint32Array([1, 2, 0xffffffff]));
    stores.sets.push(new Uint32Array(0));
    stores.sets.push(new Uint32Array([7]));
    expect(stores.sets.length).toBe(3);
    expect([...stores.sets.get(2)]).toEqual([7]);
    expect([...stores.sets.get(1)]).toEqual([]);
    expect([...stores.sets.get(0)]).toEqual([1, 2, 0xffffffff]);

    stores.reports.push({ id: 'x/1.txt', year: null, names: ['沈阳市', '公安局'] });
    expect(stores.reports.get(0)).toEqual({ id: 'x/1.txt', year: null, names: ['沈阳市', '公安局'] });

    stores.close();
    for (const name of ['chunks', 'shingles', 'reports']) expect(existsSync(join(dir, `${name}.spill`))).toBe(false);
  });

  it('refuses to read a block past the end of its file, and any use after close', () => {
    const file = new SpillFile(join(tempDir(), 'x.spill'));
    const at = file.append(new Uint8Array([1, 2, 3]));
    expect([...file.read(at, 3)]).toEqual([1, 2, 3]);
    expect(() => file.read(at, 4)).toThrow(/unexpected end of file/);
    file.close();
    expect(() => file.append(new Uint8Array([1]))).toThrow(/closed/);
  });
});
