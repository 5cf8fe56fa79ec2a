// The parser reads a text in a bounded number of passes, however many rules it has: the rules
// are tried where their opening words or numbers start (one scan for all), never each over the
// whole text. Counted, not timed: every regular-expression scan and string search that starts
// over the report's text or one at least half as long (tests/helpers/text-passes.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/parse';
import { decodeBytes } from '../../../src/parse/decode/bytes';
import { htmlToText, looksLikeHtml } from '../../../src/parse/decode/html';
import { extractNarrative, NARRATIVE_RULES } from '../../../src/parse/extract/narrative';
import { PROACTIVE_RULES } from '../../../src/parse/extract/rules/proactive';
import { normaliseText } from '../../../src/parse/normalise/text';
import { countPasses } from '../../helpers/text-passes';

const ROOT = join(import.meta.dirname, '../../..');
const FOLDERS = ['data/corpus/seeds', 'data/corpus/real', 'data/corpus/panel', '../shared/corpus/pages', '../shared/corpus/complete'].map((f) => join(ROOT, f));
/** Passes a whole parse may make (decoding, facts, tables, sentences, checks): well under one per rule. */
const PARSE_BOUND = 60;
/** Passes of the sentences' stage: the scan for the rules' words, the quantities, the clauses and a few patterns that open with a digit. */
const NARRATIVE_BOUND = 12;

function reports(): { name: string; bytes: Uint8Array; s: string }[] {
  return FOLDERS.flatMap((folder) =>
    readdirSync(folder)
      .filter((f) => /\.(txt|html?)$/.test(f))
      .sort()
      .map((f) => {
        const bytes = new Uint8Array(readFileSync(join(folder, f)));
        const decoded = decodeBytes(bytes);
        const raw = !decoded.ok ? '' : looksLikeHtml(decoded.text, f) ? htmlToText(decoded.text, []) : decoded.text;
        return { name: f, bytes, s: normaliseText(raw).s };
      }),
  );
}

describe('passes over a report', () => {
  const corpus = reports().filter((r) => r.s.length >= 300);

  it('the counter sees a pattern per rule scanning the text', () => {
    const { s } = corpus[0];
    let matches = 0;
    const { passes } = countPasses(s.length, () => {
      for (const rule of NARRATIVE_RULES) {
        rule.re.lastIndex = 0;
        matches += [...s.matchAll(rule.re)].length;
      }
      for (const word of ['主动公开', '申请']) if (s.includes(word)) matches++;
    });
    expect(matches).toBeGreaterThan(0);
    expect(passes.total).toBeGreaterThanOrEqual(NARRATIVE_RULES.length + 2);
    expect(passes.by.get('String.includes')).toBe(2);
  });

  it(`stay bounded for every report of the corpora, whatever the number of rules (${NARRATIVE_RULES.length + PROACTIVE_RULES.length})`, () => {
    expect(corpus.length).toBeGreaterThan(150);
    let most = 0;
    let mostSentences = 0;
    for (const { name, bytes, s } of corpus) {
      const whole = countPasses(s.length / 2, () => parseReport(bytes, { fileName: name })).passes;
      const sentences = countPasses(s.length / 2, () => extractNarrative(normaliseText(s), { known: new Set(), template: 'narrative', year: 2020 })).passes;
      expect(whole.total, `${name}: ${[...whole.by].map(([k, v]) => `${v}× ${k}`).join('\n')}`).toBeLessThanOrEqual(PARSE_BOUND);
      expect(sentences.total, `${name}: ${[...sentences.by].map(([k, v]) => `${v}× ${k}`).join('\n')}`).toBeLessThanOrEqual(NARRATIVE_BOUND);
      most = Math.max(most, whole.total);
      mostSentences = Math.max(mostSentences, sentences.total);
    }
    console.log(`most passes: ${most} in a parse, ${mostSentences} in the sentences' stage`);
    expect(most).toBeGreaterThan(10); // the counter counts
  });
});
