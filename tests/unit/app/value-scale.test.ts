import { describe, expect, it } from 'vitest';
import { forLogAxis, indexLines, indexSeries } from '../../../src/app/views/value-scale';
import { downloadCsv, TIDY_COLUMNS } from '../../../src/app/data/tidy';
import { rankedBars } from '../../../src/charts/ranked';
import { lineOverYears } from '../../../src/charts/line';

const frame = { title: 't', unit: '件', source: 's', date: '2026-12-05', locale: 'zh' as const };

describe('index and log modes', () => {
  it('indexes on the first year above 0; years before it and a series without one have no index', () => {
    const { points, baseYear } = indexSeries([{ year: 2021, value: 30 }, { year: 2019, value: 0 }, { year: 2020, value: 20 }, { year: 2022, value: null }]);
    expect(baseYear).toBe(2020);
    expect(points).toEqual([{ year: 2021, value: 150 }, { year: 2019, value: null }, { year: 2020, value: 100 }, { year: 2022, value: null }]);
    expect(indexSeries([{ year: 2019, value: 0 }, { year: 2020, value: null }])).toEqual({ points: [{ year: 2019, value: null }, { year: 2020, value: null }], baseYear: null });
  });

  it('leaves out of a log axis what it cannot draw, and counts it (absent is not counted)', () => {
    expect(forLogAxis([{ value: 0 }, { value: -2 }, { value: null }, { value: 5 }])).toEqual({ points: [{ value: null, undrawn: 0 }, { value: null, undrawn: -2 }, { value: null }, { value: 5 }], hidden: 2 });
  });

  it('draws log axes: a ranked row of 0 prints its value, an absent one "—"', () => {
    const option = rankedBars([{ name: 'a', value: 10 }, { name: 'b', value: 0 }, { name: 'c', value: null }], frame, { log: true }) as { xAxis: { type: string }; series: { data: unknown[] }[] };
    expect(option.xAxis.type).toBe('log');
    expect((option.series[0].data as { value: number | null }[]).map((d) => d.value)).toEqual([10, null, null]);
    expect(option.series[1].data).toEqual([{ value: [10, 1], label: { formatter: '0' } }, [10, 2]]);
    const line = lineOverYears([{ name: 'x', points: [{ year: 2020, value: 3 }] }], frame, { log: true }) as { yAxis: { type: string } };
    expect(line.yAxis.type).toBe('log');
  });

  it('keeps a view\'s own columns after the tidy ones', () => {
    const csv = downloadCsv(['division_code', 'division_name', 'year', 'value', 'rank'], [{ division_code: '440105', division_name: '海珠区', year: 2020, value: 7, rank: 2 }, { division_code: '440106', division_name: '天河区', year: 2020, value: null, rank: null }], {
      valueMetric: 'r.new.total',
      datasetVersion: 'v',
      locale: 'zh',
      extra: ['rank'],
    });
    const [header, row, ...rest] = csv.slice(1).split('\r\n');
    // No column of these rows counts reports: the tidy `reports` column is left out, not left empty.
    expect(header).toBe([...TIDY_COLUMNS.filter((c) => c !== 'reports'), 'rank'].join(','));
    expect(row).toBe('440105,海珠区,2020,r.new.total,本年新收申请,件,7,,,v,2');
    expect(rest).toEqual(['']);
  });
});

describe('index mode over several lines', () => {
  it('indexes every line on the earliest year all of them state above 0, before that year too', () => {
    const a = [{ year: 2018, value: 10 }, { year: 2019, value: 20 }, { year: 2020, value: 40 }];
    const b = [{ year: 2018, value: 0 }, { year: 2019, value: 5 }, { year: 2020, value: null }];
    const none = [{ year: 2019, value: 0 }];
    const { lines, common } = indexLines([a, b, none]);
    expect(common).toBe(2019);
    expect(lines.map((l) => l.points.map((p) => p.value))).toEqual([[50, 100, 200], [0, 100, null], [null]]);
    expect(lines.map((l) => l.baseYear)).toEqual([2019, 2019, null]);
  });

  it('falls back to each line\'s own first year above 0 when they share none (common is null)', () => {
    const { lines, common } = indexLines([[{ year: 2018, value: 4 }, { year: 2019, value: 0 }], [{ year: 2019, value: 3 }, { year: 2020, value: 6 }]]);
    expect(common).toBeNull();
    expect(lines.map((l) => l.baseYear)).toEqual([2018, 2019]);
    expect(lines[1].points.map((p) => p.value)).toEqual([100, 200]);
  });
});
