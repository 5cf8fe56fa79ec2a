// The console's pure parts: cell text, the chart model (nothing summed, nothing filled in), the
// query in the URL, and the link a chart's SQL button opens.
import { Float64, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { consoleSearch, querySql } from '../../../src/app/sql-console/link';
import { cellText, chartModel, defaultPick, MAX_CHART_ROWS } from '../../../src/app/sql-console/result-model';
import { tableRef } from '../../../src/app/sql-console/SchemaBrowser';
import { MAX_SQL, parseViewState, serialiseViewState } from '../../../src/app/state/url-state';

const table = (year: (number | null)[], level: (string | null)[], n: (number | null)[]) =>
  new Table({ year: vectorFromArray(year, new Int32()), level: vectorFromArray(level, new Utf8()), n: vectorFromArray(n, new Float64()) });

describe('cellText', () => {
  it('keeps NULL apart from 0 and empty text, and writes numbers in full', () => {
    const t = table([2020, null], ['', null], [0, 0.1 + 0.2]);
    const [year, level, n] = t.schema.fields;
    expect(cellText(t.getChild('year')!.get(1), year.type)).toBeNull();
    expect(cellText(t.getChild('level')!.get(0), level.type)).toBe('');
    expect(cellText(t.getChild('n')!.get(0), n.type)).toBe('0');
    expect(cellText(t.getChild('n')!.get(1), n.type)).toBe('0.30000000000000004');
    expect(cellText(12345678901234567890n, year.type)).toBe('12345678901234567890');
  });
});

describe('chartModel', () => {
  it('one series per distinct series value, categories sorted when numeric, absent values absent', () => {
    const t = table([2021, 2020, 2020], ['city', 'city', 'county'], [5, 3, null]);
    const model = chartModel(t, { x: 'year', y: 'n', series: 'level' });
    expect(model).toMatchObject({ ok: true, categories: ['2020', '2021'], xIsYear: true, droppedSeries: 0 });
    if (!model.ok) throw new Error('no model');
    expect(model.series).toEqual([{ name: 'city', values: [3, 5] }, { name: 'county', values: [null, null] }]);
  });

  it('refuses to add up rows that share x and series, and results too long to draw', () => {
    const t = table([2020, 2020], ['city', 'city'], [1, 2]);
    expect(chartModel(t, { x: 'year', y: 'n', series: 'level' })).toEqual({ ok: false, reason: 'duplicate', detail: '2020 · city' });
    const long = table(Array.from({ length: MAX_CHART_ROWS + 1 }, (_, i) => i), [], []);
    expect(chartModel(long, { x: 'year', y: 'n', series: '' })).toMatchObject({ ok: false, reason: 'too-many-rows' });
  });

  it('picks the first column for x, the last number for y, and a text series when x repeats', () => {
    expect(defaultPick(table([2020, 2021], ['city', 'city'], [1, 2]))).toEqual({ x: 'year', y: 'n', series: '' });
    expect(defaultPick(table([2020, 2020], ['city', 'county'], [1, 2]))).toEqual({ x: 'year', y: 'n', series: 'level' });
    expect(defaultPick(new Table({ a: vectorFromArray(['x'], new Utf8()) }))).toBeNull();
  });
});

describe('the query in the URL', () => {
  it('round-trips q for the sql view only, and drops an over-long one with a notice', () => {
    const sql = "SELECT * FROM facts_wide WHERE issuer = '广州市 & co' -- #?";
    const search = serialiseViewState({ ...parseViewState('').state, view: 'sql', sql });
    expect(parseViewState(search).state).toMatchObject({ view: 'sql', sql });
    expect(serialiseViewState({ ...parseViewState('').state, view: 'overview', sql })).toBe('');
    const long = parseViewState(`?view=sql&q=${'x'.repeat(MAX_SQL + 1)}`);
    expect(long.state.sql).toBe('');
    expect(long.notices).toHaveLength(1);
  });

  it('round-trips the result chart picks of the console', () => {
    const state = { ...parseViewState('').state, view: 'sql' as const, sql: 'SELECT 1 AS a, 2 AS b', sqlChart: { x: 'a', y: 'b', series: '', kind: 'line' as const } };
    const search = serialiseViewState(state);
    expect(search).toContain('cx=a&cy=b&ck=line');
    expect(parseViewState(search).state).toEqual(state);
  });

  it("a chart's link holds its SQL with the parameters as literals", () => {
    const search = consoleSearch(querySql({ sql: 'SELECT * FROM facts_wide WHERE year = ? AND issuer = ?', params: [2020, "o'k"] }), 'en');
    expect(parseViewState(search).state).toMatchObject({ view: 'sql', lang: 'en', sql: "SELECT * FROM facts_wide WHERE year = 2020 AND issuer = 'o''k'" });
  });

  it('quotes table names that need it', () => {
    expect(tableRef('facts_wide')).toBe('facts_wide');
    expect(tableRef('values')).toBe('"values"');
  });
});
