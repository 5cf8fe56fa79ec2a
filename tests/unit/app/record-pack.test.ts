// The stored form of an imported report (src/app/user/record-pack.ts): through the structured clone
// (what IndexedDB does), every report of the shipped corpus comes back exactly as parsed, and a
// report's PDF boxes, split cells, null and NaN check numbers too; a report kept as objects by an
// earlier version is read as it is; the packed form takes fewer bytes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../../workers/import-protocol';
import { packRecord, unpackRecord } from '../../../src/app/user/record-pack';
import { parseDocument } from '../../../src/parse/input';
import type { ParsedReport } from '../../../src/parse/types';
import { SHIPPED_CORPUS } from '../../helpers/shipped-dataset';

function reportFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'truth' ? [] : reportFiles(path);
    return /\.(txt|html)$/.test(name) ? [path] : [];
  });
}

const record = (parsed: ParsedReport, id = 'a/b.txt'): ReportRecord => ({ id, file: id, parsed, sha256: 'ab'.repeat(32), bytes: 1234, jurisdiction: null });
const roundTrip = (r: ReportRecord): ReportRecord => unpackRecord(structuredClone(packRecord(r)));

describe('the stored form of an imported report', () => {
  it('gives back every shipped report exactly as parsed, in fewer bytes', async () => {
    const files = reportFiles(SHIPPED_CORPUS);
    expect(files.length).toBeGreaterThan(100);
    let objects = 0;
    let packed = 0;
    for (const file of files) {
      const parsed = await parseDocument(new Uint8Array(readFileSync(file)), { fileName: file.slice(file.lastIndexOf('/') + 1) });
      const r = record(parsed, file);
      expect(roundTrip(r)).toStrictEqual(r);
      objects += serialize(r).byteLength;
      packed += serialize(packRecord(r)).byteLength;
    }
    // The shipped reports print few values (about 7 each): their text is most of their bytes.
    expect(packed).toBeLessThan(objects);
  }, 120_000);

  it('takes about half the bytes for a report of 220 values and 47 checks (a generated one)', () => {
    const values = Array.from({ length: 220 }, (_, i) => ({ metric: `p.metric_${i % 60}.some_name`, value: i * 3, approx: false, derived: i % 7 === 0, start: 700 + i * 9, end: 702 + i * 9, source: 'table' as const }));
    const checks = Array.from({ length: 47 }, (_, i) => ({ id: `sum.p.metric_${i}.total`, status: 'pass' as const, expected: i, actual: i, metrics: [`p.metric_${i}.a`, `p.metric_${i}.b`] }));
    const r = record({ status: 'ok', facts: {} as ParsedReport['facts'], values, checks, warnings: [], text: '' });
    expect(roundTrip(r)).toStrictEqual(r);
    expect(serialize(packRecord(r)).byteLength).toBeLessThan(serialize(r).byteLength * 0.6);
  });

  it('keeps PDF boxes, split cells, null and NaN check numbers, and failed reports', () => {
    const parsed: ParsedReport = {
      status: 'partial',
      error: 'something',
      facts: { issuer: null, jurisdiction: null, level: null, scope: null, year: 2024, published: null, template: null, template_basis: null, encoding: 'utf-8', synthetic: false } as unknown as ParsedReport['facts'],
      values: [
        { metric: 'r.new.total', value: -0, approx: true, derived: false, start: 3, end: 9, source: 'table', split: true },
        { metric: 'r.new.total', value: 1.5e300, approx: false, derived: true, start: 10, end: 12, source: 'narrative', pdf: { page: 2, x: 1.25, y: 700.5, w: 30, h: 12 } },
      ],
      checks: [
        { id: 'c1', status: 'fail', expected: null, actual: Number.NaN, metrics: ['r.new.total', 'r.done.total'] },
        { id: 'c2', status: 'not_assessable', expected: 3, actual: null, metrics: [] },
      ],
      warnings: ['w1', 'w2'],
      text: '规章000 一二三',
    };
    const r = record(parsed);
    expect(roundTrip(r)).toStrictEqual(r);
    const failed = record({ ...parsed, status: 'failed', values: [], checks: [] });
    expect(roundTrip(failed)).toStrictEqual(failed);
  });

  it('reads a report kept as objects (an earlier version) as it is', () => {
    const r = record({ status: 'ok', facts: {} as ParsedReport['facts'], values: [], checks: [], warnings: [], text: '' });
    expect(unpackRecord(structuredClone(r))).toStrictEqual(r);
  });
});
