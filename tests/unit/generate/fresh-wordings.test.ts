// The fresh wording set (src/generate/phrasing-fresh.ts): 4–8 wordings per narrative fact; none of
// its sentences is, contains or is contained in a sentence of the tested, held-out or unseen sets
// (compared with numbers and self-names masked); every value it records is a value the sentence
// states; Chinese numerals exact; generation with it byte-stable.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatedReports } from '../../../bench/score-generated';
import * as seen from '../../../src/generate/phrasing';
import { FRESH, zhNumber, type Ctx, type FreshFact, type FreshWording, type Said } from '../../../src/generate/phrasing-fresh';
import { Rng } from '../../../src/generate/prng';
import { runGenerate, type GenerateOptions } from '../../../src/generate/run';
import { main } from '../../../src/ingest/cli';
import { parseReport } from '../../../src/parse';
import { collectOutput } from '../../helpers/collect-output';
import { makeTempDir } from '../../helpers/ingest-fixture';

const root = makeTempDir('gongkai-fresh-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A sentence as compared: ASCII digits, numbers (Arabic or Chinese) as #, the body's name for itself as @, no stray characters. */
const mask = (t: string) =>
  t
    .replace(/[\u200b?\s]/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/我(省|市|区|县|旗|州|盟|镇|乡|街道|局|委|办)|本中心|本机关|全(省|市|区|县|旗)/g, '@')
    .replace(/[0-9][0-9,.]*|[零〇一二两三四五六七八九十百千万]+/g, '#');
const sentences = (t: string) => t.split(/(?<=。)/).map(mask).filter((s) => s.length > 0);

/** Values each fact's wordings are rendered with: ordinary, small, zero parts, large. */
const VALUES: { [F in FreshFact]: Parameters<(typeof FRESH)[F][number]>[1][] } = {
  PROACTIVE_TOTAL: [
    { total: 1205, approx: false, parts: [400, 305, 500], before: 5000 },
    { total: 12345, approx: true, parts: [], before: 30000 },
    { total: 2, approx: false, parts: [], before: 3 },
  ],
  PROACTIVE_CHANNELS: [
    { web: 905, other: 300, total: null },
    { web: 905, other: 300, total: 1205 },
    { web: 2, other: 0, total: 2 },
  ],
  REQUESTS_NEW: [
    { n: 37, natural: 30 },
    { n: 5, natural: 5 },
    { n: 1450, natural: 1300 },
  ],
  REQUESTS_NONE: [{}],
  OUTCOMES: [
    { granted: 20, partial: 5, denied: 3, notHeld: 9, handled: 40 },
    { granted: 2, partial: null, denied: 0, notHeld: null, handled: 2 },
  ],
  HANDLED: [{ n: 36 }, { n: 2 }],
  CARRIED_OUT: [{ n: 4 }, { n: 120 }],
  FEE: [{ yuan: 120 }, { yuan: 30 }],
  FEE_NONE: [{ year: 2016 }],
  REVIEW: [
    { rv: 2, lit: 1, upheld: 1 },
    { rv: 0, lit: 3, upheld: 0 },
    { rv: 4, lit: 0, upheld: 2 },
  ],
  REVIEW_NONE: [{}],
};

/** The ids each fact may record (its own, and what its sentences may state beside it). */
const IDS: Record<FreshFact, string[]> = {
  PROACTIVE_TOTAL: ['p.total', 'p.cumulative'],
  PROACTIVE_CHANNELS: ['p.website', 'p.other_channels', 'p.total'],
  REQUESTS_NEW: ['r.new.total', 'r.new.natural'],
  REQUESTS_NONE: ['r.new.total'],
  OUTCOMES: ['r.granted.total', 'r.partial.total', 'r.denied.total.total', 'r.unable.not_held.total', 'r.handled.total'],
  HANDLED: ['r.handled.total'],
  CARRIED_OUT: ['r.carried_out.total'],
  FEE: ['fee.collected_yuan'],
  FEE_NONE: ['fee.collected_yuan'],
  REVIEW: ['rv.total', 'lit.total', 'rv.upheld'],
  REVIEW_NONE: ['rv.total', 'lit.total'],
};

const ctx = (seed: number, s: string, area: boolean): Ctx => ({ year: 2016, s, area, approxRate: 0.7, r: Rng.of('fresh-test', seed, s) });

/** Every fresh wording rendered with every value set, by many streams and names: [fact, wording number, values, said]. */
function renderAll(): [FreshFact, number, Record<string, unknown>, Said][] {
  const out: [FreshFact, number, Record<string, unknown>, Said][] = [];
  for (const fact of Object.keys(FRESH) as FreshFact[]) {
    const wordings = FRESH[fact] as unknown as readonly FreshWording<Record<string, unknown>>[];
    for (const [i, w] of wordings.entries()) {
      for (const v of VALUES[fact] as Record<string, unknown>[]) {
        for (let seed = 0; seed < 15; seed++) {
          for (const [s, area] of [['我区', false], ['我局', false], ['全市', true]] as const) {
            const said = w(ctx(seed, s, area), v);
            if (said) out.push([fact, i + 1, v, said]);
          }
        }
      }
    }
  }
  return out;
}
const rendered = renderAll();

/** Sentences of sections 二 to 五 (not their headings) of a generated sample in one wording set. */
async function sampleSentences(wordings: 'tested' | 'heldout' | 'unseen' | 'fresh', dir: string): Promise<Set<string>> {
  await runGenerate({ province: '64', years: [2010, 2013, 2016, 2018], seed: 5, scale: 0.04, noise: 'none', out: dir, wordings });
  const out = new Set<string>();
  for (const [, path] of generatedReports(dir)) {
    let inFacts = false;
    for (const line of parseReport(readFileSync(path)).text.split('\n')) {
      const t = line.trim();
      if (/^二、/.test(t)) inFacts = true;
      else if (/^六、/.test(t)) inFacts = false;
      else if (inFacts && !/^[一二三四五]、/.test(t)) for (const s of sentences(t)) out.add(s);
    }
  }
  return out;
}

/** How a number may be printed in a sentence. */
const forms = (v: number) => [String(v), String(v).replace(/\B(?=(\d{3})+$)/g, ','), v.toFixed(2), Number.isInteger(v) && v < 1e8 ? zhNumber(v) : '', v === 2 ? '两' : ''].filter((f) => f !== '');

describe('fresh wordings', () => {
  it('has 4–8 wordings for each narrative fact of the generator, and every one is drawn', () => {
    expect(Object.keys(FRESH).sort()).toEqual(Object.keys(IDS).sort());
    for (const [fact, wordings] of Object.entries(FRESH)) {
      expect(wordings.length, fact).toBeGreaterThanOrEqual(4);
      expect(wordings.length, fact).toBeLessThanOrEqual(8);
      const drawn = new Set(rendered.filter(([f]) => f === fact).map(([, i]) => i));
      expect(drawn.size, fact).toBe(wordings.length);
    }
  });

  it('records only the values a sentence states: the fact ids, with the values given or their stated round number', () => {
    for (const [fact, i, v, said] of rendered) {
      const where = `${fact}#${i}: ${said.text}`;
      const ids = said.printed.map((p) => p.id);
      expect(new Set(ids).size, where).toBe(ids.length);
      for (const p of said.printed) {
        expect(IDS[fact], where).toContain(p.id);
        const text = said.text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
        if (p.approx) {
          expect(/[余多近超]/.test(text), where).toBe(true);
          expect(p.value % 100, where).toBe(0);
          continue;
        }
        if (p.value === 0 && /NONE$/.test(fact)) continue;
        expect(forms(p.value).some((f) => text.includes(f)) || (p.value === 0 && /未(被提起行政诉讼|发生行政复议)/.test(text)), `${where} (${p.id} = ${p.value})`).toBe(true);
      }
      // the values each id must carry
      const value = (id: string) => said.printed.find((p) => p.id === id);
      const exact = (id: string, want: unknown) => {
        const p = value(id);
        if (p && !p.approx) expect(p.value, `${where} ${id}`).toBe(want);
      };
      if (fact === 'PROACTIVE_TOTAL') {
        exact('p.total', v.total);
        exact('p.cumulative', (v.total as number) + (v.before as number));
      }
      if (fact === 'PROACTIVE_CHANNELS') {
        exact('p.website', v.web);
        exact('p.other_channels', v.other);
        exact('p.total', v.total);
        expect(value('p.total') !== undefined, where).toBe(v.total !== null);
      }
      if (fact === 'REQUESTS_NEW') {
        exact('r.new.total', v.n);
        exact('r.new.natural', v.natural);
      }
      if (fact === 'OUTCOMES') {
        exact('r.granted.total', v.granted);
        for (const [key, id] of [['partial', 'r.partial.total'], ['denied', 'r.denied.total.total'], ['notHeld', 'r.unable.not_held.total']]) {
          if (v[key] === null) expect(value(id), where).toBeUndefined();
          else exact(id, v[key]);
        }
        exact('r.handled.total', v.handled);
      }
      if (fact === 'HANDLED' || fact === 'CARRIED_OUT') exact(IDS[fact][0], v.n);
      if (fact === 'FEE') exact('fee.collected_yuan', v.yuan);
      if (fact === 'REVIEW') {
        exact('rv.total', v.rv);
        exact('lit.total', v.lit);
        exact('rv.upheld', v.upheld);
        expect(value('rv.total') && value('lit.total'), where).toBeTruthy();
      }
      if (/NONE$/.test(fact)) for (const p of said.printed) expect(p.value, where).toBe(0);
    }
  });

  it('writes Chinese numerals exactly', () => {
    expect([0, 2, 10, 12, 20, 105, 1010, 1205, 20030, 100005, 110000].map((n) => zhNumber(n))).toEqual([
      '零',
      '二',
      '十',
      '十二',
      '二十',
      '一百零五',
      '一千零一十',
      '一千二百零五',
      '二万零三十',
      '十万零五',
      '十一万',
    ]);
    expect(zhNumber(2, true)).toBe('两');
  });

  it('shares no sentence with the tested, held-out or unseen sets', async () => {
    const others = new Set<string>();
    // tested and held-out: every phrasing of phrasing.ts, rendered directly
    const args = [2016, '我区', '1205条'];
    for (const phrasings of [seen.PROACTIVE_TOTAL, seen.PROACTIVE_CHANNELS, seen.REQUESTS_NEW, seen.REQUESTS_NONE, seen.HANDLED, seen.CARRIED_OUT, seen.FEE, seen.FEE_NONE, seen.REVIEW, seen.REVIEW_NONE]) {
      for (const say of [...phrasings.tested, ...phrasings.heldout] as ((...a: unknown[]) => string)[]) for (const s of sentences(say(...args, 3, 4))) others.add(s);
    }
    for (const { lead, labels } of [...seen.OUTCOMES.tested, ...seen.OUTCOMES.heldout]) others.add(mask(`${lead}${labels.map((l, i) => `${l}${i + 2}件`).join('，')}。`));
    // tested, held-out and unseen as generated (the unseen set is compared only through its output)
    for (const set of ['tested', 'heldout', 'unseen'] as const) for (const s of await sampleSentences(set, join(root, set))) others.add(s);
    const fresh = new Set(rendered.flatMap(([, , , said]) => sentences(said.text)));
    for (const s of await sampleSentences('fresh', join(root, 'fresh-sample'))) fresh.add(s);
    expect(others.size).toBeGreaterThan(60);
    expect(fresh.size).toBeGreaterThan(200);
    const clashes: string[] = [];
    for (const f of fresh) {
      for (const o of others) {
        if (f === o || (o.length >= 8 && f.includes(o)) || (f.length >= 8 && o.includes(f))) clashes.push(`${f}  ~  ${o}`);
      }
    }
    expect(clashes).toEqual([]);
  }, 120_000);
});

describe('generating with the fresh wordings', () => {
  const options: GenerateOptions = { province: '64', years: [2011, 2015], seed: 9, scale: 0.03, noise: 'default', out: '', wordings: 'fresh' };
  const digest = (dir: string) =>
    generatedReports(dir)
      .map(([, p]) => p)
      .concat(generatedReports(dir).map(([id]) => join(dir, 'truth', `${id}.json`)))
      .map((f) => [relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')]);

  it('is byte-stable, differs from the tested set, and its truth holds only narrative facts', async () => {
    const a = join(root, 'a');
    const b = join(root, 'b');
    const tested = join(root, 'tested-same');
    await runGenerate({ ...options, out: a });
    await runGenerate({ ...options, out: b });
    await runGenerate({ ...options, out: tested, wordings: 'tested' });
    const da = digest(a);
    expect(da.length).toBeGreaterThan(100);
    expect(digest(b)).toEqual(da);
    expect(readFileSync(join(a, 'generate.json'), 'utf8')).toBe(readFileSync(join(b, 'generate.json'), 'utf8'));
    const differ = da.filter(([f, h]) => digest(tested).find(([g]) => g === f)?.[1] !== h);
    expect(differ.length).toBeGreaterThan(da.length / 2);
    const allowed = new Set(Object.values(IDS).flat());
    let approx = 0;
    for (const [id] of generatedReports(a)) {
      const truth = JSON.parse(readFileSync(join(a, 'truth', `${id}.json`), 'utf8')) as { metrics: Record<string, number>; approx: string[] };
      for (const m of Object.keys(truth.metrics)) expect(allowed, `${id} ${m}`).toContain(m);
      for (const m of truth.approx) expect(truth.metrics[m] % 100, `${id} ${m}`).toBe(0);
      approx += truth.approx.length;
    }
    expect(approx).toBeGreaterThan(0);
  }, 120_000);

  it('is what `gongkai generate --wordings fresh` prints', async () => {
    const out = join(root, 'cli');
    const io = collectOutput();
    expect(await main(['generate', '--province', '64', '--years', '2013', '--scale', '0.02', '--noise', 'none', '--wordings', 'fresh', '--out', out], io), io.stderr.text).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'generate.json'), 'utf8')).wordings).toBe('fresh');
    const fresh = new Set(rendered.flatMap(([, , , said]) => sentences(said.text)));
    const lines = generatedReports(out).flatMap(([, p]) => parseReport(readFileSync(p)).text.split('\n'));
    const shared = lines.flatMap((l) => sentences(l)).filter((s) => fresh.has(s));
    expect(shared.length).toBeGreaterThan(20);
  }, 60_000);
});
