import { failedReport } from '../../../src/ingest/failed-report';
import type { ReportRecord } from '../../../src/ingest/read-report';
import type { Check, Value } from '../../../src/parse/types';

export const value = (metric: string, v: number, extra: Partial<Value> = {}): Value => ({
  metric,
  value: v,
  approx: false,
  derived: false,
  start: 0,
  end: 1,
  source: 'table',
  ...extra,
});

export const check = (id: string, status: Check['status'], expected: number | null, actual: number | null): Check => ({
  id,
  status,
  expected,
  actual,
  metrics: ['r.new.total', 'r.handled.total'],
});

/** Hand-made records, so table tests do not depend on what the parser extracts today. */
export function sampleRecords(): ReportRecord[] {
  const base = failedReport('unused');
  return [
    {
      id: 'corpus/b.txt',
      file: 'data/corpus/b.txt',
      sha256: 'b'.repeat(64),
      bytes: 2048,
      jurisdiction: {
        code: '210900',
        name: '阜新市',
        level: 'city',
        divisionLevel: 'city',
        chain: [
          { code: '210000', name: '辽宁省', level: 'province' },
          { code: '210900', name: '阜新市', level: 'city' },
        ],
        department: null,
        confidence: 0.95,
        flags: ['government-office', 'context'],
      },
      parsed: {
        ...base,
        status: 'ok',
        error: undefined,
        facts: { ...base.facts, issuer: '阜新市人民政府', jurisdiction: '阜新市', published: '2020-01-31', level: 'city', scope: 'area', year: 2019, template: 'table2019', template_basis: 'printed', encoding: 'gbk' },
        values: [
          value('r.new.total', 131, { start: 10, end: 13 }),
          value('r.denied.total.total', 9, { derived: true }),
          value('r.denied.total.total', 10),
          value('rv.total', 22, { approx: true, source: 'narrative' }),
          value('p.rules.new_made', 7),
        ],
        checks: [check('requests.balance.total', 'fail', 146, 131), check('lit.total', 'not_assessable', null, null)],
        warnings: ['issuer not found', 'blank cell'],
        text: '二〇一九年 政府信息公开',
      },
    },
    {
      id: 'corpus/a.txt',
      file: 'data/corpus/a.txt',
      sha256: null,
      bytes: null,
      jurisdiction: null,
      parsed: { ...failedReport("cannot read: EACCES: permission denied, open 'data/corpus/a.txt'") },
    },
  ];
}
