// The page's corrections store and its corrections.csv round trip: what is exported is read by
// src/parse/corrections.ts (the reader `gongkai ingest --corrections` uses) as the same corrections.
import { describe, expect, it } from 'vitest';
import { readCorrectionsCsv } from '../../../src/parse/corrections';
import { CorrectionsStore, correctionKey, exportCsv, importCsv, memoryBackend, type StoredCorrection } from '../../../src/app/user/corrections-store';

const SHA_A = 'a'.repeat(64);
const SHA_B = '0123456789abcdef'.repeat(4);

const correction = (over: Partial<StoredCorrection>): StoredCorrection => ({
  report_sha256: SHA_A,
  metric: 'r.new.total',
  value: 12,
  note: '',
  author: '张三',
  at: '2026-12-05T03:00:00.000Z',
  report_id: 'corpus/a.txt',
  start: null,
  end: null,
  ...over,
});

/** The fields corrections.csv holds. */
const fields = (c: Omit<StoredCorrection, 'report_id' | 'start' | 'end'>) => ({ report_sha256: c.report_sha256, metric: c.metric, value: c.value, note: c.note, author: c.author, at: c.at });

describe('corrections store', () => {
  it('keeps one correction per report and metric, the later one winning, listed by report then metric', async () => {
    const store = new CorrectionsStore(memoryBackend());
    await store.save(correction({ metric: 'rv.total', value: 3 }));
    await store.save(correction({ report_sha256: SHA_B, value: 1 }));
    await store.save(correction({ value: 20 }));
    await store.save(correction({ value: 21, note: ' 合计印错 ' }));
    const list = await store.list();
    expect(list.map((c) => [c.report_sha256.slice(0, 4), c.metric, c.value, c.note])).toEqual([
      ['0123', 'r.new.total', 1, ''],
      ['aaaa', 'r.new.total', 21, '合计印错'],
      ['aaaa', 'rv.total', 3, ''],
    ]);
    await store.remove(correctionKey(list[1]));
    expect((await store.list()).map((c) => c.metric)).toEqual(['r.new.total', 'rv.total']);
  });

  it('refuses a correction without a sha256 or with a value that is not a number', async () => {
    const store = new CorrectionsStore(memoryBackend());
    await expect(store.save(correction({ report_sha256: 'xyz' }))).rejects.toThrow(/sha256/);
    await expect(store.save(correction({ value: Number.NaN }))).rejects.toThrow(/not a number/);
    expect(await store.list()).toEqual([]);
  });

  it('exports corrections.csv that the ingest reader reads back as the same corrections, quoting and all', () => {
    const list = [
      correction({ value: null, note: '误读, 实为 "无"', author: 'Li, Si' }),
      correction({ report_sha256: SHA_B, metric: 'p.total', value: 1234567.5, note: '=SUM(A1)\n第二行', author: '王五' }),
      correction({ metric: 'rv.total', value: -3, note: '+1', author: '@me' }),
    ];
    const csv = exportCsv(list);
    expect(csv.split('\r\n')[0]).toBe('report_sha256,metric,value,note,author,at');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    const read = readCorrectionsCsv(csv);
    expect(read.rows.every((r) => r.status !== 'invalid')).toBe(true);
    expect(read.valid.map((c) => fields(c))).toEqual(
      [list[1], list[0], list[2]].map(fields),
    );
    // Same corrections, same bytes, whatever order they were made in.
    expect(exportCsv([...list].reverse())).toBe(csv);
  });

  it('imports a file: valid rows kept, bad rows returned with their reasons, a wrong header refused', async () => {
    const store = new CorrectionsStore(memoryBackend([correction({ value: 9, start: 5, end: 7 })]));
    const text = [
      '\ufeffreport_sha256,metric,value,note,author,at',
      `${SHA_A},r.new.total,9,同上,张三,2026-12-05`,
      `${SHA_B},rv.total,,驳回,李四,2026-12-05`,
      `${SHA_B},no.such.metric,1,,,`,
      `${SHA_B},p.total,1e3,,,`,
      '',
    ].join('\n');
    const result = await store.import(text);
    expect(result.invalid.map((r) => [r.line, r.reason])).toEqual([
      [4, 'unknown metric id: no.such.metric'],
      [5, 'value: not a number: 1e3'],
    ]);
    const list = await store.list();
    expect(list.map((c) => [c.report_sha256.slice(0, 4), c.metric, c.value, c.note, c.start])).toEqual([
      ['0123', 'rv.total', null, '驳回', null],
      // The same correction made in the page keeps its selected span.
      ['aaaa', 'r.new.total', 9, '同上', 5],
    ]);
    expect(() => importCsv('sha,metric\n')).toThrow(/expected the header/);
    // Round trip: the store's export imports into an empty store as the same list (spans aside).
    const again = new CorrectionsStore(memoryBackend());
    await again.import(await store.export());
    expect((await again.list()).map(fields)).toEqual(list.map(fields));
  });
});
