import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, type ViewState } from '../../../src/app/state/url-state';
import { checkAgainstDataset, datasetYears } from '../../../src/app/state/validate';
import { yearOptions } from '../../../src/app/views/common';

const YEARS = [2009, 2011, 2012, 2019, 2020, 2024];
const state = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_STATE, ...patch });

describe('checkAgainstDataset', () => {
  it('clips a year range to the dataset, with a notice per bound outside it', () => {
    expect(checkAgainstDataset(state({ view: 'compare', years: [2005, 2020] }), YEARS)).toEqual({ patch: { years: [2009, 2020] }, notices: [{ param: 'from', value: '2005', reason: 'out-of-range' }] });
    // Both bounds outside: every year of the dataset (no range), both noticed.
    expect(checkAgainstDataset(state({ view: 'compare', years: [2000, 2030] }), YEARS)).toEqual({
      patch: { years: null },
      notices: [{ param: 'from', value: '2000', reason: 'out-of-range' }, { param: 'to', value: '2030', reason: 'out-of-range' }],
    });
    // Entirely after the dataset: no range rather than an empty one.
    expect(checkAgainstDataset(state({ view: 'compare', years: [2030, 2030] }), YEARS)).toEqual({ patch: { years: null }, notices: [{ param: 'to', value: '2030', reason: 'out-of-range' }] });
    expect(checkAgainstDataset(state({ view: 'compare', years: [2011, 2020] }), YEARS)).toEqual({ patch: {}, notices: [] });
  });

  it('offers in a year select only the years the check accepts, latest first', () => {
    const by_year_level = YEARS.flatMap((year) => [{ year, level: 'city', reports: 1 }, { year, level: 'county', reports: 2 }]);
    expect(yearOptions({ by_year_level: [...by_year_level, { year: null, level: 'city', reports: 1 }] })).toEqual([2024, 2020, 2019, 2012, 2011, 2009]);
    expect(yearOptions(null)).toEqual([]);
    for (const year of yearOptions({ by_year_level })) expect(checkAgainstDataset(state({ view: 'coverage', year }), YEARS).notices).toEqual([]);
  });

  it('takes a single year only where the dataset has reports for it', () => {
    expect(checkAgainstDataset(state({ view: 'coverage', year: 2035 }), YEARS)).toEqual({ patch: { year: null }, notices: [{ param: 'year', value: '2035', reason: 'out-of-range' }] });
    // Inside the dataset's span with no report of it: said so, not called out of range (audit38 F11).
    expect(checkAgainstDataset(state({ view: 'coverage', year: 2010 }), YEARS)).toEqual({ patch: { year: null }, notices: [{ param: 'year', value: '2010', reason: 'no-reports' }] });
    expect(checkAgainstDataset(state({ view: 'coverage', year: 2019 }), YEARS)).toEqual({ patch: {}, notices: [] });
  });

  it('keeps a metric only in a view that can show it: a rate is for the benchmark', () => {
    expect(checkAgainstDataset(state({ view: 'map', metric: 'rate.granted' }), YEARS)).toEqual({ patch: { metric: 'r.new.total' }, notices: [{ param: 'metric', value: 'rate.granted', reason: 'unsupported-metric' }] });
    expect(checkAgainstDataset(state({ view: 'benchmark', metric: 'rate.granted' }), YEARS)).toEqual({ patch: {}, notices: [] });
    expect(checkAgainstDataset(state({ view: 'compare', metric: 'lit.total' }), YEARS)).toEqual({ patch: {}, notices: [] });
  });

  it('reads the years present from the summary counts', () => {
    expect(datasetYears([{ year: 2020 }, { year: null }, { year: 2009 }, { year: 2020 }])).toEqual([2009, 2020]);
  });
});
