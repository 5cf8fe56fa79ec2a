// The stored form of an imported report (src/app/user/record-pack.ts): through the structured clone
// (what IndexedDB does), every report of the shipped corpus comes back exactly as parsed, and a
// report's PDF boxes, split cells, null and NaN check numbers too; a report kept as objects by an
// earlier version is read as it is; the packed form takes fewer bytes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../../workers/import-protocol';
import { CURRENT_METRICS, packRecord, unpackRecord, type StoredRecord } from '../../../src/app/user/record-pack';
import { runChecks } from '../../../src/parse/checks/identities';
import { parseDocument } from '../../../src/parse/input';
import { packParsed } from '../../../src/parse/report-pack';
import { METRIC_IDS } from '../../../src/shared/metrics';
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

  // 220 values of the spec's ids, their checks the parser's (runChecks over them).
  const specReport = (): ReportRecord => {
    const values = Array.from({ length: 220 }, (_, i) => ({ metric: METRIC_IDS[(i * 7) % METRIC_IDS.length], value: i * 3, approx: false, derived: i % 7 === 0, start: 700 + i * 9, end: 702 + i * 9, source: 'table' as const }));
    return record({ status: 'ok', facts: {} as ParsedReport['facts'], values, checks: runChecks(values), warnings: [], text: '' });
  };

  it('names the spec ids by index and leaves the values\' own checks out: under half the bytes of the packed form', () => {
    const r = specReport();
    expect(r.parsed.checks.length).toBeGreaterThan(10);
    const stored = packRecord(r) as Extract<StoredRecord, { compact: unknown }>;
    expect(stored.compact.checks).toBeNull();
    expect(stored.compact.extra).toEqual([]);
    expect(roundTrip(r)).toStrictEqual(r);
    const { packed, ...parsed } = packParsed(r.parsed);
    expect(serialize(stored).byteLength).toBeLessThan(serialize({ ...r, parsed, packed }).byteLength * 0.5);
  });

  it('keeps checks that are not the values\' own, and ids not in the spec\'s list', () => {
    const r = specReport();
    r.parsed.values[0] = { ...r.parsed.values[0], metric: 'x.not_a_spec_id' };
    r.parsed.checks[0] = { ...r.parsed.checks[0], status: r.parsed.checks[0].status === 'pass' ? 'fail' : 'pass' };
    const stored = packRecord(r) as Extract<StoredRecord, { compact: unknown }>;
    expect(stored.compact.checks).not.toBeNull();
    expect(stored.compact.extra).toEqual(['x.not_a_spec_id']);
    expect(roundTrip(r)).toStrictEqual(r);
  });

  it('reads a report that indexes into another version\'s list of ids, from the lists kept', () => {
    const r = specReport();
    const stored = packRecord(r) as Extract<StoredRecord, { compact: unknown }>;
    const older = { ...stored, compact: { ...stored.compact, metrics: 'metrics-older' } };
    expect(unpackRecord(structuredClone(older), new Map([['metrics-older', [...CURRENT_METRICS.names]]]))).toStrictEqual(r);
    expect(() => unpackRecord(structuredClone(older))).toThrow(/metrics-older/);
  });

  it('reads a report packed with its names (the version before) as it was', () => {
    const r = specReport();
    const { packed, ...parsed } = packParsed(r.parsed);
    expect(unpackRecord(structuredClone({ ...r, parsed, packed }))).toStrictEqual(r);
  });
});
