// `gongkai ingest --corrections`: two real seed reports ingested with and without a corrections
// file, the dataset read back with native DuckDB.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportChecks } from '../../src/db/sql';
import { main } from '../../src/ingest/cli';
import { METRIC_IDS } from '../../src/shared/metrics';
import { wideColumnName, WIDE_METRICS } from '../../src/shared/wide-metrics';
import { collectOutput } from '../helpers/collect-output';
import { seedFolder } from '../helpers/ingest-fixture';
import { openNativeDataset, type NativeDataset, type NativeRow } from '../helpers/native-duckdb';

const SEEDS = ['2019-liaoning-fuxin-city.txt', '2017-jilin-fusong-lushuihe-town.txt'];
const UNUSED_SHA = 'f'.repeat(64);

let root: string;
let plain: NativeDataset;
let corrected: NativeDataset;
let summaryText: string;
let reportId: string;
let sha: string;
/** A harmonised metric the report prints and a check on it passes: corrected +1 it fails. */
let changed: { metric: string; value: number; check: string };
let rejected: { metric: string; value: number };
let added: string;

const rowsOf = (db: NativeDataset, sql: string): Promise<NativeRow[]> => db.rows({ sql, params: [] });

async function ingest(out: string, corrections?: string): Promise<string> {
  const io = collectOutput();
  const args = ['ingest', join(root, 'reports'), '--out', out, ...(corrections ? ['--corrections', corrections] : [])];
  expect(await main(args, io), io.stderr.text).toBe(0);
  return io.stdout.text;
}

beforeAll(async () => {
  root = seedFolder(SEEDS);
  await ingest(join(root, 'plain'));
  plain = await openNativeDataset(join(root, 'plain'));

  const file = join(root, 'reports', SEEDS[0]);
  sha = createHash('sha256').update(readFileSync(file)).digest('hex');
  [{ report_id: reportId }] = (await rowsOf(plain, `SELECT report_id FROM reports WHERE sha256 = '${sha}'`)) as { report_id: string }[];
  const values = (await rowsOf(plain, `SELECT metric, value, derived FROM "values" WHERE report_id = '${reportId}' ORDER BY metric`)) as { metric: string; value: number; derived: boolean }[];
  const passing = (await rowsOf(plain, `SELECT id, metrics FROM checks WHERE report_id = '${reportId}' AND status = 'pass' ORDER BY id`)) as { id: string; metrics: string }[];
  const printed = values.filter((v) => !v.derived);
  const once = (metric: string) => values.filter((v) => v.metric === metric).length === 1;
  const check = passing.find((c) => WIDE_METRICS.includes(c.metrics.split(',')[0]) && once(c.metrics.split(',')[0]))!;
  expect(check, 'a passing check whose whole is a facts_wide column').toBeDefined();
  const metric = check.metrics.split(',')[0];
  changed = { metric, value: printed.find((v) => v.metric === metric)!.value + 1, check: check.id };
  const other = printed.find((v) => v.metric !== metric && once(v.metric) && !check.metrics.split(',').includes(v.metric))!;
  rejected = { metric: other.metric, value: other.value };
  added = METRIC_IDS.find((m) => !values.some((v) => v.metric === m) && !/\.total\./.test(m))!;

  const csv = [
    'report_sha256,metric,value,note,author,at',
    `${sha},${changed.metric},${changed.value},"合计印错,应加一",王五,2026-12-01`,
    `${sha},${rejected.metric},,误读,王五,2026-12-01`,
    `${sha.toUpperCase()},${added},17,表外说明,李四,2026-12-02`,
    `${UNUSED_SHA},rv.total,3,,,`,
    `${sha},no.such.metric,1,,,`,
    '',
  ].join('\r\n');
  writeFileSync(join(root, 'corrections.csv'), `\ufeff${csv}`);
  summaryText = await ingest(join(root, 'corrected'), join(root, 'corrections.csv'));
  await ingest(join(root, 'corrected-again'), join(root, 'corrections.csv'));
  corrected = await openNativeDataset(join(root, 'corrected'));
}, 180_000);

afterAll(() => {
  plain?.close();
  corrected?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('ingest --corrections', () => {
  it('keeps the printed value beside the corrected one, a rejected value as a row, an added one without a printed value', async () => {
    const rows = await rowsOf(corrected, `SELECT metric, value, printed_value, corrected, correction_note, correction_author, start FROM "values" WHERE report_id = '${reportId}' AND corrected ORDER BY metric`);
    const byMetric = Object.fromEntries(rows.map((r) => [r.metric, r]));
    expect(byMetric[changed.metric]).toMatchObject({ value: changed.value, printed_value: changed.value - 1, corrected: true, correction_note: '合计印错,应加一', correction_author: '王五' });
    expect(byMetric[rejected.metric]).toMatchObject({ value: null, printed_value: rejected.value, corrected: true, correction_note: '误读' });
    expect(byMetric[added]).toMatchObject({ value: 17, printed_value: null, corrected: true, correction_author: '李四', start: null });
    // Nothing else changed: every other value is as printed.
    const [{ n }] = await rowsOf(corrected, `SELECT count(*)::INTEGER AS n FROM "values" WHERE NOT corrected AND value IS DISTINCT FROM printed_value`);
    expect(n).toBe(0);
    const [{ other }] = await rowsOf(corrected, `SELECT count(*)::INTEGER AS other FROM "values" WHERE corrected AND report_id <> '${reportId}'`);
    expect(other).toBe(0);
  });

  it('re-runs the checks on the corrected values and keeps the printed results', async () => {
    const checks = await rowsOf(corrected, `SELECT basis, status FROM checks WHERE report_id = '${reportId}' AND id = '${changed.check}' ORDER BY basis`);
    expect(checks).toEqual([
      { basis: 'corrected', status: 'fail' },
      { basis: 'printed', status: 'pass' },
    ]);
    const printed = await rowsOf(plain, `SELECT id, status, expected, actual FROM checks WHERE report_id = '${reportId}' ORDER BY id`);
    expect(await rowsOf(corrected, `SELECT id, status, expected, actual FROM checks WHERE report_id = '${reportId}' AND basis = 'printed' ORDER BY id`)).toEqual(printed);
    const [{ others }] = await rowsOf(corrected, `SELECT count(*)::INTEGER AS others FROM checks WHERE basis = 'corrected' AND report_id <> '${reportId}'`);
    expect(others).toBe(0);
    const [{ n_failed_checks }] = await rowsOf(corrected, `SELECT n_failed_checks FROM facts_wide WHERE report_id = '${reportId}'`);
    const [{ failing }] = await rowsOf(corrected, `SELECT count(*)::INTEGER AS failing FROM checks WHERE report_id = '${reportId}' AND basis = 'corrected' AND status = 'fail'`);
    expect(n_failed_checks).toBe(failing);
  });

  it("gives the Report view a report's standing checks: the corrected ones where corrections touched it", async () => {
    const standing = await corrected.rows(reportChecks(reportId));
    const rerun = await rowsOf(corrected, `SELECT id, status FROM checks WHERE report_id = '${reportId}' AND basis = 'corrected' ORDER BY id`);
    expect(standing.map((c) => [c.id, c.status]).sort()).toEqual(rerun.map((c) => [c.id, c.status]));
    const [{ other }] = (await rowsOf(corrected, `SELECT report_id AS other FROM reports WHERE report_id <> '${reportId}'`)) as { other: string }[];
    expect(await corrected.rows(reportChecks(other))).toEqual(await plain.rows(reportChecks(other)));
  });

  it('gives facts_wide and the rollups the corrected values', async () => {
    const column = wideColumnName(changed.metric);
    const [wide] = await rowsOf(corrected, `SELECT ${column} AS v FROM facts_wide WHERE report_id = '${reportId}'`);
    expect(wide.v).toBe(changed.value);
    const sum = async (db: NativeDataset) => (await rowsOf(db, `SELECT sum(${column}) AS v FROM rollups WHERE division_level = 'nation'`))[0].v as number;
    expect((await sum(corrected)) - (await sum(plain))).toBe(1);
  });

  it('records every row of the file with its status, and prints them in the summary', async () => {
    expect(await rowsOf(corrected, 'SELECT line, metric, status, reason FROM corrections ORDER BY line')).toEqual([
      { line: 2, metric: changed.metric, status: 'applied', reason: null },
      { line: 3, metric: rejected.metric, status: 'applied', reason: null },
      { line: 4, metric: added, status: 'applied', reason: null },
      { line: 5, metric: 'rv.total', status: 'unused', reason: 'no report in the input has this sha256' },
      { line: 6, metric: 'no.such.metric', status: 'invalid', reason: 'unknown metric id: no.such.metric' },
    ]);
    expect(summaryText).toContain('corrections: applied 3 · unused 1 · invalid 1');
    expect(summaryText).toContain(`line 5 unused: rv.total of ${UNUSED_SHA.slice(0, 12)}: no report in the input has this sha256`);
  });

  it('keeps the split flag of glued-table values as a column', async () => {
    const [{ n }] = await rowsOf(plain, `SELECT count(*)::INTEGER AS n FROM "values" WHERE split IS NULL`);
    expect(n).toBe(0);
  });

  it('changes the dataset version with the corrections, and writes the same bytes twice', () => {
    expect(corrected.manifest.dataset_version).not.toBe(plain.manifest.dataset_version);
    const again = JSON.parse(readFileSync(join(root, 'corrected-again', 'manifest.json'), 'utf8'));
    expect(again).toEqual(corrected.manifest);
    for (const partition of Object.values(corrected.manifest.tables).flatMap((t) => t.partitions)) {
      expect(readFileSync(join(root, 'corrected-again', partition.path)).equals(readFileSync(join(root, 'corrected', partition.path))), partition.path).toBe(true);
    }
  });
});
