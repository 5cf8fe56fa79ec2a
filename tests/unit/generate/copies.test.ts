// Planted copies and the narrative's wordings: a copy prints its source's work narrative word
// for word and records it in the truth; an original never shares it; a copy never copies a copy;
// the held-out wordings are printed only when asked for.
import { describe, expect, it } from 'vitest';
import { planCopy } from '../../../src/generate/copies';
import { figuresOf } from '../../../src/generate/figures';
import { PROACTIVE_TOTAL, REQUESTS_NEW, REVIEW } from '../../../src/generate/phrasing';
import { hashSeed } from '../../../src/generate/prng';
import { proseOf } from '../../../src/generate/prose';
import { bodyOf, buildReport, reportId, type ReportPlan } from '../../../src/generate/report';
import { divisionsIn, loadProvince } from '../../../src/generate/units';
import { parseReport } from '../../../src/parse';

const ningxia = loadProvince('64');
const division = (year: number, code: string) => divisionsIn(ningxia, year, 1, 1).find((d) => d.code === code)!;
const plan = (year: number, code = '640104'): ReportPlan => ({ kind: 'gov', division: division(year, code), year });
/** The report's text as the parser reads it (HTML laid out as lines). */
const text = (p: ReportPlan, wordings: 'tested' | 'heldout' = 'tested') =>
  parseReport(buildReport(p, { seed: 1, noise: 'none', provinceName: '宁夏回族自治区', figures: figuresOf(1, bodyOf(p), p.year), wordings }).bytes).text;
/** The work narrative's paragraphs (under 一、总体情况, before 二、), without their figures. */
function work(t: string): string[] {
  const lines = t.split('\n');
  const from = lines.indexOf('一、总体情况');
  const to = lines.findIndex((line, i) => i > from && line.startsWith('二、'));
  return lines.slice(from + 1, to).map((line) => line.replace(/\d/g, '').trim()).filter((line) => line !== '');
}

describe('planted copies', () => {
  it('are decided by the seed alone, at about the rate asked, and never copy a copy', () => {
    const plans = Array.from({ length: 400 }, (_, i) => ({ ...plan(2018), year: 2009 + (i % 16), division: { ...division(2018, '640104'), code: String(640100 + i) } }));
    const copies = plans.map((p) => planCopy(1, 0.1, p, undefined));
    expect(plans.map((p) => planCopy(1, 0.1, p, undefined))).toEqual(copies);
    const made = copies.filter((c) => c !== null);
    expect(made.length).toBeGreaterThan(20);
    expect(made.length).toBeLessThan(60);
    expect(made.every((c) => c!.kind === 'same_body')).toBe(true);
    for (const c of made) expect(planCopy(1, 0.1, plans.find((p) => reportId(p) === c!.of) ?? { ...plans[0], division: { ...plans[0].division, code: c!.of.split('-')[0] }, year: Number(c!.of.split('-')[2]) }, undefined)).toBeNull();
    expect(plans.every((p) => planCopy(1, 0, p, undefined) === null)).toBe(true);
  });

  it("print the source's work narrative word for word, and the truth names the source", () => {
    const source = plan(2017);
    const copy: ReportPlan = { ...plan(2018), copy: { of: reportId(source), kind: 'same_body' } };
    const original = plan(2018);
    expect(work(text(source)).length).toBeGreaterThan(2);
    expect(work(text(copy))).toEqual(work(text(source)));
    expect(work(text(original))).not.toEqual(work(text(source)));
    const truth = buildReport(copy, { seed: 1, noise: 'none', provinceName: '宁夏回族自治区', figures: figuresOf(1, bodyOf(copy), 2018) }).truth;
    expect(truth.copied_from).toEqual({ report: '640104-gov-2017', kind: 'same_body' });
    expect(buildReport(original, { seed: 1, noise: 'none', provinceName: '宁夏回族自治区', figures: figuresOf(1, bodyOf(original), 2018) }).truth.copied_from).toBeUndefined();
  });

  it('draw prose per seed: the same source gives the same prose, another a different one', () => {
    expect(proseOf(1, 'a')).toEqual(proseOf(1, 'a'));
    expect(proseOf(1, 'a')).not.toEqual(proseOf(1, 'b'));
    expect(proseOf(2, 'a')).not.toEqual(proseOf(1, 'a'));
    expect(JSON.stringify(proseOf(1, 'a'))).not.toMatch(/\d/);
  });

  it('differs for two sources whose 32-bit seeds collide (found in a generated province)', () => {
    const [a, b] = ['210881002-gov-2008', '211224110-gov-2011'];
    expect(hashSeed(1, 'prose', a)).toBe(hashSeed(1, 'prose', b));
    expect(proseOf(1, a)).not.toEqual(proseOf(1, b));
  });
});

describe('wordings', () => {
  it('keeps the held-out phrasings apart from the tested ones', () => {
    const render = (fs: readonly ((...a: never[]) => string)[], args: unknown[]) => fs.map((f) => (f as (...a: unknown[]) => string)(...args));
    for (const [phrasings, args] of [[PROACTIVE_TOTAL, [2017, '我区', '12条']], [REQUESTS_NEW, [2017, '我区', '3件']], [REVIEW, [2017, '我区', 1, 2]]] as const) {
      const tested = render(phrasings.tested, [...args]);
      const heldout = render(phrasings.heldout, [...args]);
      expect(heldout.length).toBeGreaterThan(0);
      expect(heldout.filter((s) => tested.includes(s))).toEqual([]);
    }
  });

  it('prints held-out phrasings only when asked', () => {
    const heldoutOnly = (t: string) => t.split('\n').filter((line) => /依法主动向社会公开|政府网站等渠道|主动公开政府信息数为|全年累计主动公开|依申请公开请求|邮寄、网络提交/.test(line));
    const narratives = Array.from({ length: 30 }, (_, i) => ({ ...plan(2016), division: { ...division(2016, '640104'), code: String(640200 + i) } }));
    expect(narratives.flatMap((p) => heldoutOnly(text(p)))).toEqual([]);
    expect(narratives.flatMap((p) => heldoutOnly(text(p, 'heldout'))).length).toBeGreaterThan(10);
  });
});
