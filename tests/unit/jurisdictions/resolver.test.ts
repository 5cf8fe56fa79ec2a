// The hard cases of the issue, and the forms real reports use.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../src/jurisdictions/load-node';
import { resolveIssuer } from '../../../src/jurisdictions/resolve';
import type { Gazetteer } from '../../../src/jurisdictions/gazetteer';

let gz: Gazetteer;
beforeAll(() => {
  gz = loadGazetteer();
});

const r = (issuer: string, year?: number, firstLines?: string, title?: string) => resolveIssuer({ issuer, context: { year, firstLines, title } }, gz);
const codes = (x: { chain: { code: string }[] }) => x.chain.map((l) => l.code);

describe('chains and department parts', () => {
  it('parses the longest chain down the hierarchy: 辽宁省营口市站前区 → 210802', () => {
    const x = r('辽宁省营口市站前区', 2017);
    expect(x.code).toBe('210802');
    expect(x.level).toBe('county');
    expect(codes(x)).toEqual(['210000', '210800', '210802']);
    expect(x.department).toBeNull();
    expect(x.flags).toEqual([]);
  });

  it('splits off the department: 抚顺市行政审批服务局 → 210400 + 行政审批服务局', () => {
    const x = r('抚顺市行政审批服务局', 2016);
    expect(x).toMatchObject({ code: '210400', name: '抚顺市', level: 'department', divisionLevel: 'city', department: '行政审批服务局' });
    expect(codes(x)).toEqual(['210000', '210400']);
  });

  it('treats 人民政府办公室/办公厅 as the government itself, flagged', () => {
    expect(r('站前区政府办公室', 2017)).toMatchObject({ code: '210802', level: 'county', department: null, flags: ['government-office'] });
    expect(r('广州市人民政府办公厅', 2020)).toMatchObject({ code: '440100', level: 'city', department: null, flags: ['government-office'] });
    expect(r('上海市人民政府办公厅', 2019)).toMatchObject({ code: '310000', level: 'province', flags: ['government-office'] });
  });

  it('treats 街道办事处 as the street, also after …区人民政府', () => {
    expect(r('广州市海珠区昌岗街道办事处', 2018)).toMatchObject({ code: '440105003', level: 'town', department: null });
    expect(r('番禺区人民政府沙湾街道办事处', 2021)).toMatchObject({ code: '440113017', level: 'town' });
    expect(codes(r('广州市海珠区昌岗街道办事处', 2018))).toEqual(['440000', '440100', '440105', '440105003']);
  });

  it('reads traditional characters and full-width text', () => {
    expect(r('廣州市荔灣區人民政府', 2016).code).toBe('440103');
    expect(r('廣州市花都區人民政府新華街道辦事處', 2021).code).toBe('440114001');
    expect(r('广州市（正文称“我市”）', 2015).code).toBe('440100');
  });

  it('matches names the traditional → simplified map touches (乾 → 干) on both sides', () => {
    expect(r('乾安县人民政府', 2020).code).toBe('220723');
    expect(r('陕西省乾县人民政府', 2020).code).toBe('610424');
  });

  it('reads short forms: stems, 州/县 for autonomous units, 街 for 街道', () => {
    expect(r('番禺区人民政府', 2020).code).toBe('440113');
    expect(r('恩施州人民政府', 2020).code).toBe('422800');
    expect(r('石柱县人民政府', 2024).code).toBe('500240');
    expect(r('广东从化经济开发区管理委员会', 2022)).toMatchObject({ code: '440117', department: '从化经济开发区管理委员会' });
    expect(r('大石街', 2021, '本报告由广州市番禺区大石街道编制').code).toBe('440113012');
    expect(r('麻阳苗族自治县板栗树乡人民政府', 2022).code).toBe('431226210');
  });

  it('prefers a unit to its own subordinate of the same stem, and a province to a namesake elsewhere, with lower confidence', () => {
    const x = r('阜新人民政府', 2019);
    expect(x.code).toBe('210900');
    expect(x.confidence).toBeLessThanOrEqual(0.7);
    expect(r('河北雄安新区管理委员会', 2022)).toMatchObject({ code: '130000', level: 'department', flags: ['functional-zone'] }); // not 天津市河北区
  });

  it('gives a department branch in a subordinate unit to that unit', () => {
    expect(r('广州市公安局增城区分局', 2016)).toMatchObject({ code: '440118', level: 'department', department: '公安局增城区分局' });
    expect(r('广州市规划和自然资源局花都区分局', 2021).code).toBe('440114');
  });

  it('takes the unit from a note when the issuer names only its level', () => {
    expect(r('區科技工業商務信息化局（花都区）', 2021)).toMatchObject({ code: '440114', department: '科技工业商务信息化局' });
    expect(r('区档案局', 2021, '2021年,广州市增城区档案局认真贯彻…')).toMatchObject({ code: '440118', flags: ['context'] });
  });

  it('reads a bare zone word with a division in a note as one body with two names (pages/2022-xinjiang-xinshi-county)', () => {
    const x = r('高新区(新市区)', 2022);
    expect(x).toMatchObject({ code: '650104', name: '新市区', department: null });
    expect(x.flags).toEqual(expect.arrayContaining(['joint-name', 'functional-zone']));
    // the zone word alone is still ambiguous, never a guess
    expect(r('高新区', 2022)).toMatchObject({ code: null });
  });

  it('leaves an issuer naming no place unresolved', () => {
    const x = r('我局', 2020, '一、总体情况 2020年,我局认真贯彻…');
    expect(x).toMatchObject({ code: null, confidence: 0, chain: [] });
    expect(x.candidates).toBeUndefined();
  });

  it('keeps a town the gazetteer does not list (set up after its latest snapshot) unlisted, with its parent', () => {
    const x = r('无锡市锡山区人民政府厚桥街道', 2023);
    expect(x).toMatchObject({ code: null, name: '厚桥街道', level: 'town', flags: ['unlisted'] });
    expect(codes(x)).toEqual(['320000', '320200', '320205']);
    // A county-level unit only with its government named: 南沙区 (三沙, 2020) is not in the snapshots.
    expect(r('海南省三沙市南沙区人民政府', 2022)).toMatchObject({ code: null, name: '南沙区', level: 'county', flags: ['unlisted'] });
    expect(r('广州市南沙区人民政府', 2022).code).toBe('440115');
  });
});

describe('ambiguity is kept honest', () => {
  it('城关镇 exists 88 times (2023): ambiguous without context, all candidates listed', () => {
    const x = r('城关镇人民政府', 2023);
    expect(x.code).toBeNull();
    expect(x.flags).toContain('ambiguous');
    expect(x.candidates).toHaveLength(88);
    expect(new Set(x.candidates!.map((c) => c.name))).toEqual(new Set(['城关镇']));
  });

  it('城关镇 is resolved by a county named in the context, or in the issuer', () => {
    const x = r('城关镇人民政府', 2023, '根据《条例》要求，现公布榆中县城关镇2023年政府信息公开工作年度报告。');
    expect(x).toMatchObject({ code: '620123100', flags: ['context'] });
    expect(codes(x)).toEqual(['620000', '620100', '620123', '620123100']);
    expect(r('甘肃省榆中县城关镇人民政府', 2023)).toMatchObject({ code: '620123100', flags: [] });
  });

  it('新华区 exists three times: ambiguous alone, settled by the city in the issuer or the context', () => {
    const x = r('新华区人民政府', 2020);
    expect(x.code).toBeNull();
    expect(x.candidates!.map((c) => c.code)).toEqual(['130105', '130902', '410402']);
    expect(r('沧州市新华区人民政府', 2020).code).toBe('130902');
    expect(r('新华区人民政府', 2020, '平顶山市新华区2020年政府信息公开工作年度报告').code).toBe('410402');
    expect(r('新华区人民政府', 2020, '', '石家庄市新华区人民政府2020年政府信息公开工作年度报告').code).toBe('130105');
  });

  it('白云区 (广州 and 贵阳) is settled by context, else ambiguous', () => {
    expect(r('白云区政府', 2024).flags).toContain('ambiguous');
    expect(r('白云区政府', 2024, '广州市白云区人民政府2024年政府信息公开工作年度报告').code).toBe('440111');
    expect(r('白云区政府', 2024, '贵州省贵阳市白云区人民政府…').code).toBe('520113');
  });
});

describe('years, merged and renamed units', () => {
  it('伊春区 (merged into 伊美区 in 2019) is historical, valid in 2017', () => {
    const x = r('伊春区人民政府', 2017);
    expect(x.code).toBe('230702');
    expect(x.flags).toEqual(['historical']);
    expect(x.successors).toEqual([{ code: '230717', name: '伊美区', relation: 'merged', year: 2019 }]);
    expect(x.confidence).toBeGreaterThan(0.8);
  });

  it('伊春区 in a 2020 report is out of its years; 伊美区 is the unit then', () => {
    const x = r('伊春区人民政府', 2020);
    expect(x.code).toBe('230702');
    expect(x.flags).toEqual(['historical', 'out-of-year']);
    expect(x.confidence).toBeLessThan(0.6);
    expect(r('伊美区人民政府', 2020)).toMatchObject({ code: '230717', flags: [] });
    expect(r('伊美区人民政府', 2017).flags).toContain('out-of-year');
  });

  it('the report year picks between one name under two codes (友好区 230704 → 230719 in 2019)', () => {
    expect(r('伊春市友好区人民政府', 2018).code).toBe('230704');
    expect(r('伊春市友好区人民政府', 2020).code).toBe('230719');
    expect(r('乌马河区人民政府', 2018).successors?.map((s) => s.name)).toEqual(['乌翠区']);
  });

  it('a unit set up after a snapshot cutoff still reports on that year (沙湾街道: 2021 snapshot, 2020 report)', () => {
    const x = r('番禺区人民政府沙湾街道办事处', 2020);
    expect(x.code).toBe('440113017');
    expect(x.flags).not.toContain('out-of-year');
  });

  it('a renamed city keeps its code: 襄樊市 (≤2010) and 襄阳市', () => {
    expect(r('襄樊市人民政府', 2009)).toMatchObject({ code: '420600', name: '襄樊市', flags: ['historical'] });
    expect(r('襄阳市人民政府', 2012)).toMatchObject({ code: '420600', name: '襄阳市', flags: [] });
  });
});

describe('functional zones, joint names, vertical agencies, overrides', () => {
  it('resolves a development zone with an xx7x code and flags it', () => {
    const x = r('石家庄高新技术产业开发区管理委员会', 2020);
    expect(x).toMatchObject({ code: '130171', level: 'county', department: null });
    expect(x.flags).toEqual(['functional-zone']);
    expect(r('石家庄市高新技术产业开发区管委会', 2020).code).toBe('130171');
  });

  it('flags a zone committee under a county as a functional zone of that county', () => {
    expect(r('番禺经济技术开发区管委会', 2022)).toMatchObject({ code: '440113', level: 'department', flags: ['functional-zone'] });
  });

  it('reads …人民政府 + …管委会 as one body with two names', () => {
    expect(r('广州市黄埔区人民政府 广州开发区管委会', 2021)).toMatchObject({ code: '440112', level: 'county', department: null, flags: ['functional-zone', 'joint-name'] });
  });

  it('flags vertically managed agencies and places them', () => {
    expect(r('国家税务总局广州市海珠区税务局', 2021)).toMatchObject({ code: '440105', department: '税务局', flags: ['vertical-agency'] });
    expect(r('国家统计局抚顺调查队', 2021)).toMatchObject({ code: '210400', flags: ['vertical-agency'] });
    expect(r('拱北海关', 2021).code).toBeNull();
  });

  it('applies the overrides file first', () => {
    expect(r('广州开发区管委会', 2021)).toMatchObject({ code: '440112', confidence: 1 });
    expect(r('广州开发区管委会', 2021).flags).toContain('override');
  });
});

describe('robustness', () => {
  it('never throws, and answers a code only with a chain ending at it', () => {
    const piece = fc.constantFrom('广州市', '海珠区', '人民政府', '办公室', '街道', '办事处', '城关镇', '(', ')', '（', '新华区', '局', ' ', '國', '2020', '管委会', '国家税务总局', '区', '');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 8 }), fc.option(fc.integer({ min: 1990, max: 2030 })), (parts, year) => {
        const x = r(parts.join(''), year ?? undefined, parts.slice().reverse().join(''));
        if (x.code) {
          expect(x.chain[x.chain.length - 1].code).toBe(x.code);
          expect(x.confidence).toBeGreaterThan(0);
        } else expect(x.confidence).toBe(0);
        expect(x.flags.includes('ambiguous')).toBe((x.candidates?.length ?? 0) > 1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isomorphic', () => {
  it('imports nothing of Node outside load-node.ts', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = join(import.meta.dirname, '../../../src/jurisdictions');
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'load-node.ts')) {
      expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(/from ['"](node:|fs|path)/);
    }
  });
});

describe('towns loaded on demand', () => {
  it('says so when a town may sit in a province not loaded, and finds it once loaded', async () => {
    const { loadGazetteer: load } = await import('../../../src/jurisdictions/load-node');
    const { parseDivisionsCsv } = await import('../../../src/jurisdictions/csv');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { GAZETTEER_DIR } = await import('../../../src/jurisdictions/load-node');
    const partial = load({ townProvinces: [] });
    const before = resolveIssuer({ issuer: '冲口街道', context: { year: 2021 } }, partial);
    expect(before.code).toBeNull();
    expect(before.flags).toContain('towns-partial');
    partial.addTowns('44', parseDivisionsCsv(readFileSync(join(GAZETTEER_DIR, 'towns/44.csv'), 'utf8')));
    expect(resolveIssuer({ issuer: '冲口街道', context: { year: 2021 } }, partial).code).toBe('440103015');
  });
});
