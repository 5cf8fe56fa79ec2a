// The generator's parts: years option, seeded randomness, the divisions and departments of a
// province, figures that keep every identity of the spec, the GBK encoder.
import { describe, expect, it } from 'vitest';
import { figuresOf, sumFigures, type Body } from '../../../src/generate/figures';
import { encodeGbk } from '../../../src/generate/gbk';
import { Rng } from '../../../src/generate/prng';
import { departmentsOf, divisionsIn, findProvince, loadProvince } from '../../../src/generate/units';
import { parseYears } from '../../../src/generate/years';
import { IDENTITIES } from '../../../src/shared/metrics';

describe('parseYears', () => {
  it('reads ranges, single years and lists; rejects the rest', () => {
    expect(parseYears('2008-2010')).toEqual([2008, 2009, 2010]);
    expect(parseYears('2021')).toEqual([2021]);
    expect(parseYears('2021,2017, 2019-2020')).toEqual([2017, 2019, 2020, 2021]);
    for (const bad of ['', '2019-2015', '2007', '2031', '20a9', '2019-', 'all']) expect(parseYears(bad), bad).toBeNull();
  });
});

describe('Rng', () => {
  it('is deterministic per seed and splits counts exactly', () => {
    const a = Rng.of(1, 'x');
    const b = Rng.of(1, 'x');
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Rng.of(2, 'x').next()).not.toBe(xs[0]);
    const r = Rng.of(9);
    for (const n of [0, 1, 7, 40, 41, 1000, 123457]) {
      const parts = r.split(n, [5, 1, 0.1, 3]);
      expect(parts.reduce((s, p) => s + p, 0)).toBe(n);
      expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
    }
  });
});

describe('units', () => {
  it('finds provinces by name, short name or code', () => {
    expect(findProvince('辽宁省')?.code).toBe('210000');
    expect(findProvince('辽宁')?.code).toBe('210000');
    expect(findProvince('21')?.code).toBe('210000');
    expect(findProvince('宁夏')?.code).toBe('640000');
    expect(findProvince('火星')).toBeNull();
  });

  it('lists the real divisions of 辽宁省 valid in a year, and departments by scale', () => {
    const liaoning = loadProvince('21');
    const in2021 = divisionsIn(liaoning, 2021, 1, 1);
    const count = (level: string) => in2021.filter((d) => d.level === level).length;
    expect(count('province')).toBe(1);
    expect(count('city')).toBe(14);
    expect(count('county')).toBeGreaterThan(95);
    expect(count('county')).toBeLessThan(110);
    expect(count('town')).toBeGreaterThan(1200);
    const zhanqian = in2021.find((d) => d.code === '210802')!;
    expect(zhanqian.name).toBe('站前区');
    expect(zhanqian.ancestors.map((a) => a.name)).toEqual(['辽宁省', '营口市']);
    const full = departmentsOf(zhanqian, 2021, 1, 1);
    expect(full.length).toBeGreaterThan(40);
    expect(new Set(full.map((d) => d.slug)).size).toBe(full.length);
    expect(full.map((d) => d.name)).toContain('公安局');
    expect(departmentsOf(zhanqian, 2021, 1, 1).map((d) => d.slug)).toEqual(full.map((d) => d.slug));
    expect(departmentsOf(zhanqian, 2021, 1, 0.1).length).toBeLessThan(10);
    // the 2018–2019 reform renamed departments
    const names2016 = departmentsOf(zhanqian, 2016, 1, 1).map((d) => d.name);
    const names2021 = full.map((d) => d.name);
    if (names2021.includes('自然资源局')) expect(names2016).toContain('国土资源局');
    // towns thinned by scale
    expect(divisionsIn(liaoning, 2021, 1, 0.1).filter((d) => d.level === 'town').length).toBeLessThan(count('town') * 0.2);
  });
});

describe('figures', () => {
  const bodies: Body[] = [
    { key: '210000', kind: 'province', weight: 1, urban: false },
    { key: '210200', kind: 'city', weight: 1, urban: false },
    { key: '210802', kind: 'county', weight: 1, urban: true },
    { key: '210802001', kind: 'town', weight: 1, urban: true },
    { key: '210802:gongan', kind: 'county-department', weight: 3, urban: true },
    { key: '210800:ziran', kind: 'city-department', weight: 4, urban: false },
  ];

  it('keep every identity of the spec, each year, for every kind of body, and in sums', () => {
    const all = [];
    for (const body of bodies) {
      for (const year of [2008, 2015, 2019, 2024]) {
        const f = figuresOf(1, body, year);
        all.push(f);
        expect(figuresOf(1, body, year)).toEqual(f);
        for (const identity of IDENTITIES) {
          const sum = (ids: string[]) => ids.reduce((a, id) => a + f[id], 0);
          expect(sum(identity.whole), `${body.key} ${year} ${identity.id}`).toBe(sum(identity.parts));
        }
        expect(Object.values(f).every((v) => Number.isFinite(v))).toBe(true);
      }
    }
    const area = sumFigures(all);
    for (const identity of IDENTITIES) {
      const sum = (ids: string[]) => ids.reduce((a, id) => a + area[id], 0);
      expect(sum(identity.whole)).toBe(sum(identity.parts));
    }
  });

  it('have realistic magnitudes: towns few requests, big cities thousands', () => {
    const mean = (body: Body) => {
      let s = 0;
      for (let y = 2019; y <= 2024; y++) s += figuresOf(1, body, y)['r.new.total'];
      return s / 6;
    };
    expect(mean(bodies[3])).toBeLessThan(10);
    expect(mean(bodies[1])).toBeGreaterThan(100);
    const rv = figuresOf(1, bodies[1], 2022);
    expect(rv['rv.total']).toBeLessThan(rv['r.new.total']);
  });
});

describe('encodeGbk', () => {
  it('round-trips Chinese text and full-width digits through the GBK decoder; null for characters GBK lacks', () => {
    const text = '【合成数据】辽宁省营口市站前区人民政府２０２１年 | 12 |';
    const bytes = encodeGbk(text)!;
    expect(new TextDecoder('gbk').decode(bytes)).toBe(text);
    expect(encodeGbk('😀')).toBeNull();
  });
});
