import { sharedGazetteer } from '../../../src/ingest/jurisdiction';
import { describe, expect, it } from 'vitest';
import { buildDatasetParts } from '../../../src/ingest/arrow-tables';
import { buildDatasetSummary, summaryJson } from '../../../src/ingest/dataset-summary';
import { failedReport } from '../../../src/ingest/failed-report';
import type { ReportRecord } from '../../../src/ingest/read-report';
import type { Facts, ParsedReport, Value } from '../../../src/parse/types';
import { TABLE_COLUMNS } from '../../../src/ingest/arrow-tables';
import { parseSummary, TREND_METRICS } from '../../../src/shared/summary';
import { check, value } from './records';

const VERSION = 'ab'.repeat(32);

function record(id: string, facts: Partial<Facts>, extra: Partial<ParsedReport> & { values?: Value[] } = {}): ReportRecord {
  const base = failedReport('unused');
  return {
    id,
    file: `data/corpus/${id}`,
    sha256: '0'.repeat(64),
    bytes: 1,
    jurisdiction: null,
    parsed: { ...base, status: 'ok', error: undefined, facts: { ...base.facts, ...facts }, ...extra },
  };
}

/** Hand-made so every rule shows: area and failed reports stay out of trends, nulls sort last. */
function records(): ReportRecord[] {
  return [
    record('z-self-2020.txt', { year: 2020, level: 'county', scope: 'self', template: 'table2019', template_basis: 'year' }, {
      values: [value('r.new.total', 5), value('r.handled.total', 4), value('p.total', 100)],
      checks: [check('requests.balance.total', 'fail', 5, 4), check('rv.total', 'fail', 1, 2)],
    }),
    record('y-self-2020.txt', { year: 2020, level: 'city', scope: 'self', template: 'table2019', template_basis: 'printed' }, {
      status: 'partial',
      values: [value('r.new.total', 7), value('rv.total', 2), value('r.new.total', 6, { derived: true })],
    }),
    record('x-area-2020.txt', { year: 2020, level: 'city', scope: 'area', template: 'table2019', template_basis: 'year' }, {
      values: [value('r.new.total', 1000), value('p.total', 50000)],
      checks: [check('lit.total', 'not_assessable', null, null)],
    }),
    record('w-self-2018.txt', { year: 2018, level: null, scope: 'self', template: 'narrative', template_basis: 'year', synthetic: true }, {
      values: [value('lit.total', 3)],
    }),
    record('v-failed-2019.txt', { year: 2019, level: 'county', scope: 'self', template: null }, {
      status: 'failed',
      error: 'not a report',
      values: [value('r.new.total', 9)],
    }),
    record('u-noyear.txt', { year: null, level: 'city', scope: 'self', template: 'table2021', template_basis: 'printed' }, {
      values: [value('r.new.total', 11)],
      checks: [check('requests.balance.total', 'fail', 1, 0)],
    }),
    { id: 't-unread.txt', file: 'data/corpus/t-unread.txt', sha256: null, bytes: null, jurisdiction: null, parsed: failedReport('file too large') },
  ];
}

const summarise = (rs: ReportRecord[]) => buildDatasetSummary(buildDatasetParts(rs, sharedGazetteer()).rollups, VERSION);

describe('buildDatasetSummary', () => {
  it('counts reports by year × level, status and template (of each, how many have it from their year alone), nulls last', () => {
    const summary = summarise(records());
    expect(summary).toMatchObject({ schema_version: 12, dataset_version: VERSION, reports: 7, synthetic: true, failing_checks: 2, years: [2018, 2020] });
    expect(summary.by_year_level).toEqual([
      { year: 2018, level: null, reports: 1 },
      { year: 2019, level: 'county', reports: 1 },
      { year: 2020, level: 'city', reports: 2 },
      { year: 2020, level: 'county', reports: 1 },
      { year: null, level: 'city', reports: 1 },
      { year: null, level: null, reports: 1 },
    ]);
    expect(summary.by_status).toEqual([
      { status: 'ok', reports: 4 },
      { status: 'partial', reports: 1 },
      { status: 'failed', reports: 2 },
    ]);
    expect(summary.by_template).toEqual([
      { template: 'narrative', reports: 1, by_year: 1 },
      { template: 'table2019', reports: 3, by_year: 2 },
      { template: 'table2021', reports: 1, by_year: 0 },
      { template: null, reports: 2, by_year: 0 },
    ]);
  });

  it('sums trends over self reports that did not fail, per known year, null when nobody has the metric', () => {
    expect(summarise(records()).trends).toEqual([
      { year: 2018, reports: 1, r_new_total: null, r_handled_total: null, rv_total: null, lit_total: 3, p_total: null },
      // 5 + 7 (the printed 7 beats the derived 6); the area report's 1000 and 50000 are never added.
      { year: 2020, reports: 2, r_new_total: 12, r_handled_total: 4, rv_total: 2, lit_total: null, p_total: 100 },
    ]);
  });

  it('trend metrics are facts_wide columns', () => {
    expect(TREND_METRICS.filter((m) => !TABLE_COLUMNS.facts_wide.includes(m))).toEqual([]);
  });

  it('describes an empty dataset', () => {
    expect(summarise([])).toEqual({
      schema_version: 12, dataset_version: VERSION, reports: 0, synthetic: false,
      by_year_level: [], by_status: [], by_template: [], failing_checks: 0, years: null, trends: [],
    });
  });

  it('gives a valid summary whose bytes do not depend on input order', () => {
    const summary = summarise(records());
    expect(parseSummary(JSON.parse(summaryJson(summary)))).toEqual(summary);
    expect(summaryJson(summarise([...records()].reverse()))).toBe(summaryJson(summary));
    expect(Object.keys(summary)).toEqual([
      'schema_version', 'dataset_version', 'reports', 'synthetic', 'by_year_level', 'by_status', 'by_template', 'failing_checks', 'years', 'trends',
    ]);
    expect(Object.keys(summary.trends[0])).toEqual(['year', 'reports', ...TREND_METRICS]);
    expect(summaryJson(summary).endsWith('}\n')).toBe(true);
  });
});
