import { describe, expect, it } from 'vitest';
import { GROUP_BYTES, groupedReads, READ_AHEAD_FILES } from '../../../workers/file-reads';
import { limitForTest, stalledReason } from '../../../workers/bounded-wait';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** A Blob whose reads are counted, and may fail (a file changed since it was picked) or never answer. */
function counted(parts: string[], failing = new Set<number>(), silent = new Set<number>()) {
  const reads: number[] = [];
  const files = parts.map((p, i) => {
    const blob = new Blob([p]);
    const read = blob.arrayBuffer.bind(blob);
    Object.defineProperty(blob, 'arrayBuffer', {
      value: () => {
        reads.push(1);
        if (silent.has(i)) return new Promise(() => {});
        return failing.has(i) ? Promise.reject(new Error(`file ${i} changed`)) : read();
      },
    });
    return blob;
  });
  const joins: number[] = [];
  const join = (group: Blob[]) => {
    joins.push(group.length);
    const whole = new Blob(group);
    const broken = group.some((b) => failing.has(files.indexOf(b)));
    const stuck = group.some((b) => silent.has(files.indexOf(b)));
    return { arrayBuffer: () => (stuck ? new Promise(() => {}) : broken ? Promise.reject(new Error('a group with a changed file')) : whole.arrayBuffer()) } as Blob;
  };
  return { files, reads, joins, join };
}

describe('the import worker reads files a group at a time', () => {
  it('a read that never answers fails past its limit: the group is read again file by file, only the silent file fails, with the reason', async () => {
    limitForTest(50);
    try {
      const parts = ['a', 'bb', 'ccc', 'dddd'];
      const { files, joins, join } = counted(parts, new Set(), new Set([1]));
      const reads = groupedReads(join);
      const handles = files.map((f) => reads.add(f));
      const outcomes = await Promise.all(handles.map((h) => h.bytes().then(decode, (error: Error) => error.message)));
      expect(outcomes).toEqual(['a', stalledReason('file-read', 50), 'ccc', 'dddd']);
      expect(joins).toEqual([4]);
    } finally {
      limitForTest(null);
    }
  });

  it('gives each file its own bytes, read with the files after it in one read', async () => {
    const parts = ['一二三', 'abc', '', '第四份报告'.repeat(10), 'x', 'yz'];
    const { files, reads, joins, join } = counted(parts);
    const reads_ = groupedReads(join);
    const handles = files.map((f) => reads_.add(f));
    const bytes = await Promise.all(handles.map((h) => h.bytes()));
    expect(bytes.map(decode)).toEqual(parts);
    // Each its own buffer, not a view of the group's.
    expect(bytes.every((b) => b.byteOffset === 0 && b.buffer.byteLength === b.byteLength)).toBe(true);
    // The first READ_AHEAD_FILES read ahead together as they came, the other two when the fifth was asked for.
    expect(joins).toEqual([READ_AHEAD_FILES, parts.length - READ_AHEAD_FILES]);
    expect(reads).toEqual([]);
  });

  it('reads a file asked for before enough came, with those waiting beside it', async () => {
    const { files, joins, join } = counted(['a', 'b', 'c']);
    const reads = groupedReads(join);
    const first = reads.add(files[0]);
    expect(decode(await first.bytes())).toBe('a');
    const [second, third] = [reads.add(files[1]), reads.add(files[2])];
    expect(decode(await third.bytes())).toBe('c');
    expect(decode(await second.bytes())).toBe('b');
    // The first alone (a file's own read), then the two together.
    expect(joins).toEqual([2]);
  });

  it('reads a group again file by file when it cannot be read: only the changed file fails, with its own error', async () => {
    const { files, reads: single, join } = counted(['a', 'b', 'c', 'd'], new Set([2]));
    const reads = groupedReads(join);
    const results = await Promise.allSettled(files.map((f) => reads.add(f)).map((h) => h.bytes()));
    expect(results.map((r) => (r.status === 'fulfilled' ? decode(r.value) : (r.reason as Error).message))).toEqual(['a', 'b', 'file 2 changed', 'd']);
    expect(single).toHaveLength(4);
  });

  it('reads a file larger than a group alone and keeps a group under its bytes', async () => {
    const big = 'x'.repeat(GROUP_BYTES - 2);
    const { files, joins, join } = counted(['ab', big, 'cd', 'ef']);
    const reads = groupedReads(join);
    const bytes = await Promise.all(files.map((f) => reads.add(f)).map((h) => h.bytes()));
    expect(bytes.map((b) => b.byteLength)).toEqual([2, GROUP_BYTES - 2, 2, 2]);
    // 'ab' + big fit; 'cd' would pass the limit: a group of its own with 'ef'.
    expect(joins).toEqual([2, 2]);
  });
});
