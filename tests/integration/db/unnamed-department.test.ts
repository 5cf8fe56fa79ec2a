// A department's report that names no department (its issuer is unprinted; the text says only 我局
// and names its district) is its own body under the district, never the district's government:
// three such reports ship (番禺区 2021 公务员局, 荔湾区 2023 公安分局, 天河区 2024 某局). Ingested
// shipped corpus, the page's SQL builders on native DuckDB. Before the fix, benchmark ranked 天河区
// 29 on the bureau's report, reconcile summed it into 广州市's children, coverage counted 天河区's
// government as published, and compare gave 番禺区 2021 the bureau's 0.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sql from '../../../src/db/sql';
import { UNNAMED_DEPARTMENT } from '../../../src/jurisdictions';
import { openNativeDataset, type NativeDataset } from '../../helpers/native-duckdb';
import { ingestShippedCorpus } from '../../helpers/shipped-dataset';

const TIANHE_BUREAU = 'corpus/panel/2024-guangdong-guangzhou-tianhe-bureau-department.txt';
const PANYU_BUREAU = 'corpus/panel/2021-guangdong-guangzhou-panyu-civil-service-bureau-department.txt';

let dataset: { dir: string; manifestUrl: string };
let native: NativeDataset;

beforeAll(async () => {
  dataset = await ingestShippedCorpus({ storedAnswers: false });
  native = await openNativeDataset(dataset.dir);
}, 600_000);

afterAll(() => {
  native?.close();
  if (dataset) rmSync(dirname(dataset.dir), { recursive: true, force: true });
});

describe('a department report with no department named', () => {
  it('is keyed as an unnamed department of its division, in facts_wide and in bodies', async () => {
    const rows = await native.rows({
      sql: `SELECT report_id, division_code, department, ${sql.BODY_KEY_SQL} AS body_key, r_new_total FROM facts_wide WHERE report_id IN (?, ?) ORDER BY report_id`,
      params: [PANYU_BUREAU, TIANHE_BUREAU],
    });
    expect(rows).toEqual([
      { report_id: PANYU_BUREAU, division_code: '440113', department: UNNAMED_DEPARTMENT, body_key: `440113/${UNNAMED_DEPARTMENT}`, r_new_total: 0 },
      { report_id: TIANHE_BUREAU, division_code: '440106', department: UNNAMED_DEPARTMENT, body_key: `440106/${UNNAMED_DEPARTMENT}`, r_new_total: 29 },
    ]);
    const body = await native.rows({ sql: `SELECT key, name, level FROM bodies WHERE key = ?`, params: [`440106/${UNNAMED_DEPARTMENT}`] });
    expect(body).toEqual([{ key: `440106/${UNNAMED_DEPARTMENT}`, name: `广州市天河区${UNNAMED_DEPARTMENT}`, level: 'department' }]);
  });

  it('is not ranked as its district in benchmark', async () => {
    for (const [year, code] of [[2024, '440106'], [2021, '440113']] as const) {
      const rows = await native.rows(sql.benchmarkChildren({ parent: '440100', year, metric: 'r.new.total' }));
      const district = rows.find((r) => r.division_code === code);
      // The district published no government report stating the figure that year.
      expect(district?.value ?? null, `${year} ${code}`).toBeNull();
      expect(rows.map((r) => r.report_id)).not.toContain(year === 2024 ? TIANHE_BUREAU : PANYU_BUREAU);
    }
  });

  it('is not summed into the parent\'s children in reconcile', async () => {
    const [row] = await native.rows(sql.reconciliation({ parent: '440100', year: 2024, metric: 'r.new.total' }));
    expect(row.children_value ?? null).not.toBe(29);
    expect(row.children_in_sum).toBe(0);
  });

  it('does not make its district\'s government "published" in coverage', async () => {
    const rows = await native.rows(sql.coverage({ parent: '440100', year: 2024 }));
    const tianhe = rows.find((r) => r.unit === 'government' && r.division_code === '440106');
    expect(tianhe?.reports).toBe(0);
    expect(tianhe?.published ?? null).toBeNull();
  });

  it('does not give its district a value in compare', async () => {
    const rows = await native.rows(sql.compareSeries({ bodies: ['440113'], metric: 'r.new.total', everyBody: false }));
    expect(rows.filter((r) => r.year === 2021 && r.value !== null)).toEqual([]);
  });
});
