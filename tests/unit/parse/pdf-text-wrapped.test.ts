// The text layer of corpus reports as a Chromium print (150, Debian) laid their tables out:
// pieces of a spanning heading joined to a row's label (三、本（一）予以公开年度办), a row's label
// wrapped with its figures beside its first line (2.申请人逾期 | 0 | … / 未按收费通知 / …), and the
// review table's header words wrapped in their narrow cells (结果 / 维持, 尚未 / 审结; on A4, cut by
// the page's end, one character a line: 结 / 果 / 纠 / 正, 总 / 计). Each text
// gives every value of its unbroken source and nothing else; tests/unit/input/page-breaks.test.ts
// and producers.test.ts print the same reports in whatever Chromium the machine has.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/parse/input';
import { readSource } from '../../helpers/producers';

const PRINTS: [fixture: string, source: string, expected: Record<string, number>][] = [
  ['2025-fujian-pingtan-zone-county.break-mid-borderless.txt', 'complete/2025-fujian-pingtan-zone-county.html', { 'r.granted.natural': 33, 'r.granted.total': 33 }],
  ['2023-fujian-pingtan-zone-county.break-mid-borderless.txt', 'complete/2023-fujian-pingtan-zone-county.html', { 'r.other.no_fee.natural': 0, 'r.other.no_fee.total': 0 }],
  [
    '2025-fujian-pingtan-zone-county.chromium.txt',
    'complete/2025-fujian-pingtan-zone-county.html',
    { 'rv.upheld': 25, 'rv.corrected': 3, 'rv.other': 8, 'rv.pending': 0, 'rv.total': 36, 'lit.direct.total': 6, 'lit.after_rv.upheld': 3, 'lit.after_rv.total': 3 },
  ],
  ['2019-shanghai-shanghai-government-office-department.chromium-borderless.txt', 'real/2019-shanghai-shanghai-government-office-department.html', { 'rv.upheld': 5, 'rv.pending': 2, 'lit.direct.upheld': 8, 'lit.direct.pending': 1 }],
];

const valuesOf = async (bytes: Uint8Array, fileName: string) =>
  new Map((await parseDocument(bytes, { fileName })).values.map((v) => [v.metric, v.value]));

describe('tables as a PDF text layer wraps them', () => {
  for (const [fixture, source, expected] of PRINTS) {
    it(fixture, async () => {
      const printed = await valuesOf(new Uint8Array(readFileSync(new URL(`../../fixtures/pdf-text/${fixture}`, import.meta.url))), fixture);
      const original = await valuesOf(readSource(source), source);
      for (const [metric, value] of Object.entries(expected)) expect(printed.get(metric), metric).toBe(value);
      expect([...printed].filter(([m, v]) => original.get(m) !== v)).toEqual([]);
      expect([...original.keys()].filter((m) => !printed.has(m))).toEqual([]);
    });
  }
});
