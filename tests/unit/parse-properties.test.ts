import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse';
import { normaliseText } from '../../src/parse/normalise/text';
import { PROACTIVE_METRICS, REQUEST_METRICS, renderReport, type Layout } from '../helpers/report-builder';

const CORPUS = join(import.meta.dirname, '../../data/corpus');
const corpusFiles = readdirSync(CORPUS).flatMap((d) =>
  readdirSync(join(CORPUS, d)).filter((f) => /\.(txt|html)$/.test(f)).map((f) => join(CORPUS, d, f)),
);

const valuesOf = (text: string | Uint8Array) =>
  Object.fromEntries(parseReport(text).values.filter((v) => !v.derived).map((v) => [v.metric, v.value]));

describe('parser properties', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const r = parseReport(s);
        expect(['ok', 'partial', 'failed']).toContain(r.status);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary bytes, and a failure always carries a reason', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const r = parseReport(bytes);
        if (r.status === 'failed') expect(r.error).toMatch(/\S/);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on corpus reports cut at any point or with bytes flipped', () => {
    const file = readFileSync(corpusFiles[0]);
    fc.assert(
      fc.property(fc.nat(file.length), fc.nat(file.length), fc.integer({ min: 0, max: 255 }), (cut, at, byte) => {
        const bytes = Uint8Array.from(file.subarray(0, cut));
        if (at < bytes.length) bytes[at] = byte;
        parseReport(bytes);
      }),
      { numRuns: 200 },
    );
  });

  it('every span lies inside the text and covers the printed number (whole corpus)', () => {
    let checked = 0;
    for (const path of corpusFiles) {
      const r = parseReport(readFileSync(path), { fileName: path });
      for (const v of r.values) {
        expect(v.start).toBeGreaterThanOrEqual(0);
        expect(v.end).toBeLessThanOrEqual(r.text.length);
        expect(v.start).toBeLessThan(v.end);
        if (v.derived) continue;
        const printed = normaliseText(r.text.slice(v.start, v.end)).s;
        if (!/\d/.test(printed)) continue; // a statement of zero ("没有…") or a Chinese numeral
        if (v.split) {
          // a cell cut from a run of glued digits: its span is the whole run
          expect(printed.replace(/\s/g, '')).toContain(String(Math.abs(v.value)));
          checked++;
          continue;
        }
        const digits = Number(printed.replace(/[^\d.]/g, ''));
        expect([Math.abs(v.value), Math.round(Math.abs(v.value) / 100) / 100, Math.abs(v.value) / 10000]).toContain(digits);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(800);
  });

  it('the same table as HTML, one cell per line, and piped text gives the same values', () => {
    const metrics = [...PROACTIVE_METRICS, ...REQUEST_METRICS];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 99999 }), { minLength: metrics.length, maxLength: metrics.length }), (numbers) => {
        const values = Object.fromEntries(metrics.map((m, i) => [m, numbers[i]]));
        for (const layout of ['html', 'cell-per-line', 'piped'] as Layout[]) {
          expect(valuesOf(renderReport(values, layout))).toEqual(values);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('full-width digits give the same values as half-width digits', () => {
    for (const path of corpusFiles.slice(0, 40)) {
      const text = readFileSync(path, 'utf8');
      const wide = text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
      expect(valuesOf(wide)).toEqual(valuesOf(text));
    }
  });

  it('GBK, GB18030 and UTF-16 bytes give the same values as UTF-8', () => {
    const text = readFileSync(join(CORPUS, 'seeds/2019-liaoning-fuxin-city.txt'), 'utf8');
    const expected = valuesOf(text);
    const utf16le = new Uint8Array(Buffer.from('\ufeff' + text, 'utf16le'));
    expect(valuesOf(utf16le)).toEqual(expected);
    expect(parseReport(utf16le).facts.encoding).toBe('utf-16le');
  });
});
