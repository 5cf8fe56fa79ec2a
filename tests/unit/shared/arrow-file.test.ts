// The page's table files: gzip-compressed Arrow streams, the same bytes on every run and platform
// (no timestamp), decoded by the browser's DecompressionStream to the very stream that was written.
import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { assertStoredEncoding, decodeArrowFile, decodeArrowFileSync, encodeArrowFile } from '../../../src/shared/arrow-file';

const ipc = tableToIPC(tableFromArrays({ report_id: Array.from({ length: 5000 }, (_, i) => `广东省/r${i % 97}.txt`), n: Int32Array.from({ length: 5000 }, (_, i) => i * 7) }), 'stream');

describe('Arrow table files (.arrows.gz)', () => {
  it('are gzip with no timestamp: the same stream gives the same bytes, smaller than the stream', () => {
    const a = encodeArrowFile(ipc);
    const b = encodeArrowFile(ipc.slice());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect([...a.slice(0, 3)]).toEqual([0x1f, 0x8b, 8]);
    expect([...a.slice(4, 8)]).toEqual([0, 0, 0, 0]);
    expect(a.byteLength).toBeLessThan(ipc.byteLength / 5);
  });

  it('decode (DecompressionStream and sync) to the written stream, rows and values intact', async () => {
    const stored = encodeArrowFile(ipc);
    const decoded = await decodeArrowFile('arrow/t/44.arrows.gz', stored);
    expect(Buffer.from(decoded).equals(Buffer.from(ipc))).toBe(true);
    expect(Buffer.from(decodeArrowFileSync('arrow/t/44.arrows.gz', stored)).equals(Buffer.from(ipc))).toBe(true);
    const table = tableFromIPC(decoded);
    expect(table.numRows).toBe(5000);
    expect(table.getChild('n')!.get(4999)).toBe(4999 * 7);
    // Any gzip decoder reads them (another tool's gzip too).
    expect(Buffer.from(await decodeArrowFile('x.arrows.gz', gzipSync(ipc))).equals(Buffer.from(ipc))).toBe(true);
  });

  it('refuse a file that arrived decoded (Content-Encoding), naming it and the cause', async () => {
    expect(() => assertStoredEncoding('arrow/t/44.arrows.gz', ipc)).toThrow(/^arrow\/t\/44\.arrows\.gz did not arrive as gzip data: the web server probably sends \.gz files with a Content-Encoding header/);
    await expect(decodeArrowFile('arrow/t/44.arrows.gz', ipc)).rejects.toThrow(/did not arrive as gzip data/);
    // A corrupt body fails, never yields a short stream silently.
    const broken = encodeArrowFile(ipc).slice(0, 200);
    await expect(decodeArrowFile('arrow/t/44.arrows.gz', broken)).rejects.toThrow();
    // Plain .arrows paths pass through untouched.
    expect(await decodeArrowFile('x.arrows', ipc)).toBe(ipc);
  });
});
