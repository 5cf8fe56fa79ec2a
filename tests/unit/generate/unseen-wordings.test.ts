// The unseen wording set (src/generate/phrasing-unseen.ts): 4–8 wordings per narrative fact, none
// of them a tested or held-out sentence of phrasing.ts; Chinese numerals exact; generation with it
// byte-stable, and every value its truth holds stated in its text.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatedReports } from '../../../bench/score-generated';
import * as seen from '../../../src/generate/phrasing';
import { UNSEEN, zhNumber, type Count, type Ctx } from '../../../src/generate/phrasing-unseen';
import { Rng } from '../../../src/generate/prng';
import { runGenerate, type GenerateOptions } from '../../../src/generate/run';
import { parseReport } from '../../../src/parse';
import { makeTempDir } from '../../helpers/ingest-fixture';

const root = makeTempDir('gongkai-unseen-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const n = (value: number, unit: string): Count => ({ text: `${value}${unit}`, value });
const Y = 2016;
const S = '我区';
/** Every unseen wording of a fact, rendered with several streams (their distractors and branches drawn differently). */
function unseen<V>(wordings: readonly ((c: Ctx, v: V) => { text: string })[], v: V): string[] {
  return wordings.flatMap((w) => [1, 2, 3, 4, 5, 6].flatMap((seed) => [false, true].map((area) => w({ y: Y, s: S, area, r: new Rng(seed), wide: false }, v).text)));
}
type Say = (...a: never[]) => string;
const render = (p: { tested: Say[]; heldout: Say[] }, ...args: unknown[]) => [...p.tested, ...p.heldout].map((f) => (f as (...a: unknown[]) => string)(...args));

/** [fact, its unseen renderings, its tested and held-out renderings] with the same values. */
const FACTS: [string, string[], string[]][] = [
  ['PROACTIVE_TOTAL', unseen(UNSEEN.PROACTIVE_TOTAL, { t: n(1205, '条'), printed: { id: 'p.total', value: 1205 } }), render(seen.PROACTIVE_TOTAL, Y, S, '1205条')],
  ['PROACTIVE_CHANNELS', unseen(UNSEEN.PROACTIVE_CHANNELS, { web: n(905, '条'), other: n(300, '条') }), render(seen.PROACTIVE_CHANNELS, 905, 300)],
  ['REQUESTS_NEW', unseen(UNSEEN.REQUESTS_NEW, { n: n(37, '件') }), render(seen.REQUESTS_NEW, Y, S, '37件')],
  ['REQUESTS_NONE', unseen(UNSEEN.REQUESTS_NONE, {}), render(seen.REQUESTS_NONE, Y, S)],
  [
    'OUTCOMES',
    unseen(UNSEEN.OUTCOMES, { granted: n(20, '件'), partial: n(5, '件'), denied: n(3, '件'), notHeld: n(9, '件'), total: 37 }),
    [...seen.OUTCOMES.tested, ...seen.OUTCOMES.heldout].map(({ lead, labels }) => `${lead}${labels[0]}20件，${labels[1]}5件，${labels[2]}3件，${labels[3]}9件。`),
  ],
  ['HANDLED', unseen(UNSEEN.HANDLED, { n: n(36, '件') }), render(seen.HANDLED, 36)],
  ['CARRIED_OUT', unseen(UNSEEN.CARRIED_OUT, { n: n(4, '件') }), render(seen.CARRIED_OUT, 4)],
  ['FEE', unseen(UNSEEN.FEE, { yuan: 120 }), render(seen.FEE, 120)],
  ['FEE_NONE', unseen(UNSEEN.FEE_NONE, {}), render(seen.FEE_NONE, Y, S)],
  ['REVIEW', unseen(UNSEEN.REVIEW, { rv: n(2, '件'), lit: n(1, '件') }), render(seen.REVIEW, Y, S, 2, 1)],
  ['REVIEW_NONE', unseen(UNSEEN.REVIEW_NONE, {}), render(seen.REVIEW_NONE, Y, S)],
];

describe('unseen wordings', () => {
  it('give every narrative fact 4 to 8 wordings', () => {
    expect(Object.keys(UNSEEN).sort()).toEqual(FACTS.map(([f]) => f).sort());
    for (const [fact, wordings] of Object.entries(UNSEEN)) {
      expect(wordings.length, fact).toBeGreaterThanOrEqual(4);
      expect(wordings.length, fact).toBeLessThanOrEqual(8);
    }
  });

  it('never print a tested or held-out sentence, nor contain one', () => {
    for (const [fact, mine, theirs] of FACTS) {
      expect(mine.length, fact).toBeGreaterThan(0);
      const clauses = theirs.map((t) => t.replace(/。$/, ''));
      const shared = mine.filter((u) => clauses.some((t) => u.includes(t)) || theirs.some((t) => t.includes(u.replace(/。$/, ''))));
      expect(shared, fact).toEqual([]);
    }
  });

  it('writes Chinese numerals as reports do, for the exact value', () => {
    const cases: [number, string][] = [
      [0, '零'],
      [2, '二'],
      [10, '十'],
      [15, '十五'],
      [54, '五十四'],
      [110, '一百一十'],
      [1205, '一千二百零五'],
      [1050, '一千零五十'],
      [10000, '一万'],
      [20005, '二万零五'],
      [10100, '一万零一百'],
      [123456, '十二万三千四百五十六'],
    ];
    expect(cases.map(([v]) => zhNumber(v))).toEqual(cases.map(([, t]) => t));
    expect(() => zhNumber(1.5)).toThrow(RangeError);
  });
});

describe('generating with the unseen wordings', () => {
  const options: GenerateOptions = { province: '64', years: [2012, 2016], seed: 3, scale: 0.03, noise: 'none', out: '', wordings: 'unseen' };
  const hashes = (dir: string) =>
    Object.fromEntries(
      [...generatedReports(dir).flatMap(([id, p]) => [p, join(dir, 'truth', `${id}.json`)]), join(dir, 'generate.json')]
        .sort()
        .map((f) => [relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')]),
    );

  it('is byte-stable, and states every value its truth holds', async () => {
    const [a, b] = [join(root, 'a'), join(root, 'b')];
    await runGenerate({ ...options, out: a });
    await runGenerate({ ...options, out: b });
    const ha = hashes(a);
    expect(Object.keys(ha).length).toBeGreaterThan(100);
    expect(hashes(b)).toEqual(ha);

    const wide = (v: number) => String(v).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    let cumulative = 0;
    for (const [id, path] of generatedReports(a)) {
      const truth = JSON.parse(readFileSync(join(a, 'truth', `${id}.json`), 'utf8')) as { metrics: Record<string, number>; approx: string[] };
      const text = parseReport(readFileSync(path)).text;
      for (const [metric, v] of Object.entries(truth.metrics)) {
        if (truth.approx.includes(metric)) continue;
        const forms = [String(v), wide(v), zhNumber(v), ...(v === 2 ? ['两'] : []), ...(v === 0 ? ['未', '没有', '无', '为零', '均为零'] : [])];
        expect(forms.some((f) => text.includes(f)), `${id} ${metric} = ${v}`).toBe(true);
      }
      if ('p.cumulative' in truth.metrics) {
        cumulative++;
        expect(truth.metrics['p.cumulative']).toBeGreaterThan(truth.metrics['p.total']);
      }
    }
    expect(cumulative).toBeGreaterThan(0);
  }, 60_000);

  it('is printed only when asked: the tested set has none of its sentences', async () => {
    const tested = join(root, 'tested');
    await runGenerate({ ...options, out: tested, wordings: 'tested' });
    const marks = /其中本年度新公开|按公开载体分|依申请公开事项共|已答复办结|结转下年）|工本费|宗，行政诉讼案件/;
    const lines = (dir: string) => generatedReports(dir).flatMap(([, p]) => parseReport(readFileSync(p)).text.split('\n').filter((l) => marks.test(l)));
    expect(lines(tested)).toEqual([]);
    expect(lines(join(root, 'a')).length).toBeGreaterThan(5);
  }, 60_000);
});
