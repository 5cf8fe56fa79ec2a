// The reconciliation chart's rows (and so its CSV): each part says what it is in `scope` and the
// reports its value rests on, never the parent's scope `self` on every line.
import { describe, expect, it } from 'vitest';
import { childrenPartial, reconcileChartRows } from '../../../src/app/views/reconcile-model';

const labels = { area: 'A', children: 'C', parent_self: 'P', departments: 'D' };
const of = { body_key: '230700', body_name: '伊春市', year: 2020 };
// As reconciliation answers (tests/integration/db/hierarchy.test.ts's fixture): two summaries published, one used.
const row = { area_value: 500, area_report_id: 'p01', area_reports: 2, children_value: 260, children_in_sum: 4, parent_self_value: 12, parent_self_report_id: 's01', departments_value: 8, departments_in_sum: 2 };

describe('reconciliation chart rows', () => {
  it('give each part its own scope, the reports its value rests on, and a report_id only where one report is used', () => {
    const rows = reconcileChartRows(row, of, labels);
    expect(rows.map((r) => [r.part, r.scope, r.value, r.reports, r.report_id])).toEqual([
      ['area', 'area', 500, 1, 'p01'],
      ['children', 'children', 260, 4, null],
      ['parent_self', 'self', 12, 1, 's01'],
      ['departments', 'departments', 8, 2, null],
    ]);
    for (const r of rows) expect([r.body_key, r.body_name, r.year]).toEqual(['230700', '伊春市', 2020]);
  });

  it('rest on no report where the value is absent', () => {
    const rows = reconcileChartRows({ ...row, area_value: null, area_report_id: null, area_reports: 0, parent_self_value: null, parent_self_report_id: 's01' }, of, labels);
    expect(rows[0]).toMatchObject({ value: null, reports: null, report_id: null });
    expect(rows[2]).toMatchObject({ value: null, reports: null });
  });
});

describe('childrenPartial', () => {
  it('says how many listed children a sum with no gap rests on; nothing when there is a gap, no sum, or all are in', () => {
    expect(childrenPartial({ gap: null, children_value: 113, children_in_sum: 1, children_listed: 11 })).toEqual({ n: 1, m: 11 });
    expect(childrenPartial({ gap: 5, children_value: 113, children_in_sum: 1, children_listed: 11 })).toBeNull();
    expect(childrenPartial({ gap: null, children_value: null, children_in_sum: 0, children_listed: 11 })).toBeNull();
    expect(childrenPartial({ gap: null, children_value: 9, children_in_sum: 3, children_listed: 3 })).toBeNull();
  });
});
