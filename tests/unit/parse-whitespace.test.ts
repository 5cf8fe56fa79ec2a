// Values must not depend on trailing spaces, indentation, blank lines or line endings: every
// text and HTML report of ../shared/corpus, re-spaced, gives the same (metric, value) pairs.
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse';

const CORPUS = join(import.meta.dirname, '../../../shared/corpus');
const reports = readdirSync(CORPUS)
  .filter((folder) => existsSync(join(CORPUS, folder, 'truth')))
  .flatMap((folder) => readdirSync(join(CORPUS, folder)).filter((f) => /\.(txt|html?)$/.test(f)).map((f) => join(CORPUS, folder, f)))
  .sort();

const UTF8 = new TextDecoder('utf-8', { fatal: false });
const pairs = (text: string, fileName: string) =>
  parseReport(text, { fileName })
    .values.map((v) => `${v.metric}=${v.value}`)
    .sort();

const RESPACINGS: [string, (s: string) => string][] = [
  ['two trailing spaces on every line', (s) => s.replace(/\n/g, '  \n')],
  ['indentation by two spaces', (s) => s.replace(/\n/g, '\n  ')],
  ['indentation by a tab', (s) => s.replace(/\n/g, '\n\t')],
  ['doubled blank lines', (s) => s.replace(/\n/g, '\n\n')],
  ['CRLF line endings', (s) => s.replace(/\n/g, '\r\n')],
  ['CR line endings', (s) => s.replace(/\n/g, '\r')],
];

describe('whitespace-proof tables and sentences (whole corpus)', () => {
  it('has the corpus', () => {
    expect(reports.length).toBeGreaterThan(200);
  });

  it.each(RESPACINGS)('%s: same values in every report', (_name, respace) => {
    const differing: string[] = [];
    for (const path of reports) {
      const text = UTF8.decode(readFileSync(path));
      if (JSON.stringify(pairs(respace(text), path)) !== JSON.stringify(pairs(text, path))) differing.push(path.slice(CORPUS.length + 1));
    }
    expect(differing).toEqual([]);
  });

  it('any mix of trailing spaces, indentation and blank lines per line gives the same values', () => {
    const sample = reports.filter((_p, k) => k % 9 === 0);
    fc.assert(
      fc.property(fc.nat(sample.length - 1), fc.array(fc.constantFrom('', ' ', '  ', '\t', '\u3000'), { minLength: 1, maxLength: 8 }), fc.array(fc.constantFrom('', '\n', '\r\n\r\n', ' \n'), { minLength: 1, maxLength: 5 }), (k, pads, breaks) => {
        const text = UTF8.decode(readFileSync(sample[k]));
        let line = 0;
        const respaced = text.replace(/\n/g, () => {
          line++;
          return pads[line % pads.length] + '\n' + breaks[line % breaks.length] + pads[(line * 7) % pads.length];
        });
        expect(pairs(respaced, sample[k])).toEqual(pairs(text, sample[k]));
      }),
      { numRuns: 40 },
    );
  });
});
