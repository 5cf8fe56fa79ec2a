import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBytes, strictUtf8 } from '../../../src/parse/decode/bytes';
import { parseReport } from '../../../src/parse/index';
import { encodeGbk } from '../../helpers/gbk';
import { encodeBig5, encodeUtf16 } from '../../helpers/legacy-encode';
import { REPO_ROOT } from '../../helpers/paths';

const corpus = (path: string) => readFileSync(resolve(REPO_ROOT, '../shared/corpus', path), 'utf8');
const FUXIN = corpus('seeds/2019-liaoning-fuxin-city.txt');
const valuesOf = (input: Uint8Array | string) => parseReport(input, { fileName: 'x.txt' }).values.map((v) => [v.metric, v.value]);

describe('lenient decoding', () => {
  it('a UTF-8 report with one damaged byte keeps its values and says how many bytes were bad', () => {
    const bytes = new TextEncoder().encode(FUXIN);
    const at = bytes.indexOf(0xe5, 200); // the lead byte of a character in the first lines
    const damaged = bytes.slice();
    damaged[at] = 0xff;
    const decoded = decodeBytes(damaged);
    expect(decoded.ok && decoded.encoding).toBe('utf-8');
    expect(decoded.ok && decoded.replaced).toBeGreaterThanOrEqual(1);
    const parsed = parseReport(damaged, { fileName: 'x.txt' });
    expect(parsed.status).not.toBe('failed');
    expect(parsed.values.length).toBe(parseReport(bytes).values.length);
    expect(parsed.warnings.some((w) => /^\d+ undecodable byte sequence\(s\) replaced by U\+FFFD \(decoded as UTF-8\)/.test(w))).toBe(true);
  });

  it('flags a value printed next to a damaged byte, and no value far from it', () => {
    const parsed = parseReport(FUXIN);
    // A value with a Chinese character (the next row's label) at most 6 characters after it: damage that character.
    const nextWide = (from: number) => {
      let at = from;
      while (FUXIN.charCodeAt(at) < 0x80) at++;
      return at;
    };
    const target = parsed.values.find((v) => !v.derived && v.start > 1000 && nextWide(v.end) - v.end <= 6)!;
    const after = nextWide(target.end);
    const bytes = new TextEncoder().encode(FUXIN);
    const at = new TextEncoder().encode(FUXIN.slice(0, after)).length;
    const damaged = bytes.slice();
    damaged[at] = 0xff;
    const result = parseReport(damaged);
    const warnings = result.warnings.filter((w) => w.startsWith('suspect value'));
    expect(warnings.some((w) => w.startsWith(`suspect value: ${target.metric} at ${target.start}–${target.end} `))).toBe(true);
    expect(warnings.every((w) => w.endsWith('is next to an undecodable byte (U+FFFD); check it against the source'))).toBe(true);
    const bad = result.text.indexOf('\ufffd');
    const far = result.values.filter((v) => !v.derived && (v.end + 12 < bad || v.start - 12 > bad + 3));
    expect(far.length).toBeGreaterThan(100);
    for (const v of far) expect(warnings.some((w) => w.includes(`${v.metric} at ${v.start}–`))).toBe(false);
  });

  it.each(['le', 'be'] as const)('detects BOM-less UTF-16%s, also with little ASCII', (order) => {
    for (const path of ['real/2018-shandong-yanzhou-caohe-town.txt', 'panel/2022-guangdong-guangzhou-panyu-development-zone-department.txt', 'seeds/2019-liaoning-fuxin-city.txt']) {
      const text = corpus(path);
      const decoded = decodeBytes(encodeUtf16(text, order));
      expect(decoded).toMatchObject({ ok: true, encoding: `utf-16${order}`, text, replaced: 0 });
    }
  });

  it('reads Big5 (a traditional-character mirror) as Big5, not as GBK mojibake', () => {
    const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(FUXIN);
    const decoded = decodeBytes(encodeBig5(traditional));
    expect(decoded.ok && decoded.encoding).toBe('big5');
    expect(valuesOf(encodeBig5(traditional))).toEqual(valuesOf(traditional));
    expect(valuesOf(encodeBig5(traditional)).length).toBeGreaterThan(200);
  });

  it('still reads GBK as GBK and UTF-8 as UTF-8', () => {
    expect(decodeBytes(encodeGbk(FUXIN))).toMatchObject({ ok: true, encoding: 'gbk', text: FUXIN, replaced: 0 });
    expect(decodeBytes(new TextEncoder().encode(FUXIN))).toMatchObject({ ok: true, encoding: 'utf-8', text: FUXIN, replaced: 0 });
  });

  it('rejects random bytes as undecodable or binary', () => {
    let seed = 7;
    const random = new Uint8Array(20_000).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24) | 0x80);
    const decoded = decodeBytes(random);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toMatch(/^(undecodable bytes|binary content)/);
  });
});

describe('the hand-written strict UTF-8 decoder', () => {
  const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const reference = (b: Uint8Array): string | null => {
    try {
      return fatal.decode(b);
    } catch {
      return null;
    }
  };
  // bytes around every boundary of the Encoding Standard's table (lead bytes, the E0/ED/F0/F4 second-byte ranges)
  const EDGES = [0x00, 0x0a, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbb, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe4, 0xed, 0xee, 0xef, 0xf0, 0xf3, 0xf4, 0xf5, 0xff];
  it('decodes exactly what a fatal TextDecoder decodes, and refuses exactly what it refuses', () => {
    let valid = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EDGES), { maxLength: 12 }), (bytes) => {
        const b = Uint8Array.from(bytes);
        const expected = reference(b);
        if (expected !== null) valid++;
        expect(strictUtf8(b)).toBe(expected);
      }),
      { numRuns: 20000 },
    );
    expect(valid).toBeGreaterThan(500);
  });
  it('on real text, supplementary characters, a BOM and text cut inside a character', () => {
    const text = new TextEncoder().encode(`\uFEFF${FUXIN.slice(0, 3000)}\u{1F600}é\u{10FFFF}`);
    expect(strictUtf8(text)).toBe(reference(text));
    for (let cut = 1; cut <= 3; cut++) expect(strictUtf8(text.subarray(0, text.length - cut))).toBe(reference(text.subarray(0, text.length - cut)));
  });
});
