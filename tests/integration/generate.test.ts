// `gongkai generate` end to end: a small generated set (every era, noise on) parsed by the real
// parser and scored against its truth files; injected arithmetic errors flagged, clean reports
// not; same options → same bytes; GBK files decode; the CLI's usage errors.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatGeneratedScore, generatedReports, scoreGenerated, type GeneratedScore, type GeneratedTruth } from '../../bench/score-generated';
import { runGenerate, type GenerateOptions } from '../../src/generate/run';
import { main } from '../../src/ingest/cli';
import { parseReport } from '../../src/parse';
import { collectOutput } from '../helpers/collect-output';
import { makeTempDir } from '../helpers/ingest-fixture';
import { BIN, REPO_ROOT } from '../helpers/paths';

let root: string;
let sample: string;
let score: GeneratedScore;
const truths = new Map<string, GeneratedTruth>();

const SAMPLE: Omit<GenerateOptions, 'out'> = { province: '64', years: [2012, 2017, 2018, 2019, 2020, 2021, 2023], seed: 7, scale: 0.04, noise: 'default' };

/** sha256 of every file under dir, by relative path. */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const files = [...generatedReports(dir).map(([, p]) => p), ...generatedReports(dir).map(([id]) => join(dir, 'truth', `${id}.json`)), join(dir, 'generate.json')];
  for (const f of files.sort()) out[relative(dir, f)] = createHash('sha256').update(readFileSync(f)).digest('hex');
  return out;
}

beforeAll(async () => {
  root = makeTempDir('gongkai-generate-');
  sample = join(root, 'sample');
  await runGenerate({ ...SAMPLE, out: sample });
  score = scoreGenerated(sample, 50);
  for (const [id] of generatedReports(sample)) truths.set(id, JSON.parse(readFileSync(join(sample, 'truth', `${id}.json`), 'utf8')));
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('generated reports parsed by the real parser', () => {
  it('is a few hundred reports of every level, era and scope', () => {
    const all = [...truths.values()];
    expect(all.length).toBeGreaterThan(300);
    expect(all.length).toBeLessThan(1200);
    expect(new Set(all.map((t) => t.level))).toEqual(new Set(['province', 'city', 'county', 'town', 'department']));
    expect(new Set(all.map((t) => t.template))).toEqual(new Set(['narrative', 'table2019', 'table2021']));
    expect(all.some((t) => t.scope === 'area')).toBe(true);
    expect(new Set(all.map((t) => t.format))).toEqual(new Set(['txt', 'html']));
    const noises = new Set(all.flatMap((t) => t.noise));
    for (const n of ['cellPerLine', 'strayChars', 'fullWidthDigits', 'approximate', 'wanYuan', 'gbk', 'blankCells', 'truncation', 'arithmeticError']) expect(noises, n).toContain(n);
    expect(all.every((t) => t.synthetic === true && /^64\d{4}(\d{3})?$/.test(t.division_code))).toBe(true);
  });

  it('scores every value: 0 wrong, 0 missed, 0 spurious', () => {
    const report = formatGeneratedScore(score);
    expect(score.reports).toBe(truths.size);
    expect({ wrong: score.wrong, missed: score.missed, spurious: score.spurious }, report).toEqual({ wrong: 0, missed: 0, spurious: 0 });
    expect(score.correct).toBeGreaterThan(50_000);
  });

  it('reads the report facts from the printed title, date and signature', () => {
    for (const field of ['year', 'template', 'published', 'scope', 'issuer'] as const) {
      const f = score.facts[field];
      expect(f.wrong + f.missing, `${field}: ${f.details.join('; ')}`).toBe(0);
    }
    // a few real town names the parser cannot split (文化街街道) cost jurisdiction and level
    expect(score.facts.jurisdiction.correct / score.reports).toBeGreaterThan(0.98);
  });

  it('flags every injected arithmetic error and no clean report', () => {
    const injected = [...truths.values()].filter((t) => t.injected_errors?.length);
    expect(injected.length).toBeGreaterThan(0);
    expect(score.errorsMissed).toEqual([]);
    expect(score.errorsFlagged).toBe(injected.length);
    expect(score.falseAlarms).toEqual([]);
  });

  it('marks every report synthetic, in its text and in the parsed facts', () => {
    expect(score.syntheticFlagged).toBe(score.reports);
  });

  it('writes GBK files that the parser decodes', () => {
    const gbk = generatedReports(sample).filter(([id]) => truths.get(id)!.encoding === 'gbk');
    expect(gbk.length).toBeGreaterThan(0);
    for (const [, path] of gbk) {
      const bytes = readFileSync(path);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
      expect(new TextDecoder('gbk').decode(bytes)).toContain('合成数据');
      expect(parseReport(bytes, { fileName: path }).facts.encoding).toMatch(/gbk|gb18030/i);
    }
  });
});

describe('determinism', () => {
  it('gives byte-identical output for the same options, and different output for another seed', async () => {
    const options = { province: '宁夏', years: [2018, 2021], seed: 3, scale: 0.02, noise: 'default' as const };
    await runGenerate({ ...options, out: join(root, 'a') });
    await runGenerate({ ...options, out: join(root, 'b') });
    await runGenerate({ ...options, seed: 4, out: join(root, 'c') });
    const a = hashes(join(root, 'a'));
    expect(Object.keys(a).length).toBeGreaterThan(100);
    expect(hashes(join(root, 'b'))).toEqual(a);
    expect(hashes(join(root, 'c'))).not.toEqual(a);
  });
});

describe('gongkai generate (CLI)', () => {
  it('rejects an unknown province and malformed years with exit code 2 and a clear message', async () => {
    const out = join(root, 'cli');
    for (const [args, message] of [
      [['--province', '火星省', '--years', '2019'], /unknown province "火星省"/],
      [['--province', '辽宁省', '--years', '2019-2015'], /bad --years "2019-2015"/],
      [['--province', '辽宁省', '--years', '1999'], /bad --years/],
      [['--province', '辽宁省', '--years', 'all'], /bad --years/],
      [['--province', '辽宁省'], /--years is required/],
      [['--years', '2019'], /--province is required/],
      [['--province', '辽宁省', '--years', '2019', '--scale', '0'], /bad --scale/],
      [['--province', '辽宁省', '--years', '2019', '--noise', 'loud'], /bad --noise/],
      [['--province', '辽宁省', '--years', '2019', '--copies', '0.9'], /bad --copies "0.9"/],
      [['--province', '辽宁省', '--years', '2019', '--copies', 'many'], /bad --copies/],
      [['--province', '辽宁省', '--years', '2019', '--wordings', 'secret'], /bad --wordings "secret"/],
    ] as const) {
      const io = collectOutput();
      expect(await main(['generate', ...args, '--out', out], io), args.join(' ')).toBe(2);
      expect(io.stderr.text).toMatch(message);
      expect(io.stderr.text).toContain('gongkai generate --province');
    }
  });

  it('runs as bin/gongkai.mjs', () => {
    const out = join(root, 'bin');
    const run = spawnSync(process.execPath, [BIN, 'generate', '--province', '宁夏回族自治区', '--years', '2022', '--scale', '0.01', '--out', out], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^generated \d+ reports/);
    const reports = generatedReports(out);
    expect(reports.length).toBeGreaterThan(20);
    expect(reports.every(([id]) => /^64\d+-[a-z0-9]+-2022$/.test(id))).toBe(true);
  });
});
