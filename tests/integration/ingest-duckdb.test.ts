import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { decodeArrowFileSync } from '../../src/shared/arrow-file';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../../src/ingest/arrow-tables';
import { main } from '../../src/ingest/cli';
import { parseManifest } from '../../src/shared/manifest';
import { parseSummary, SUMMARY_FILE, TREND_METRICS, type DatasetSummary } from '../../src/shared/summary';
import { collectOutput } from '../helpers/collect-output';
import { makeIngestFixture, makeTempDir, type IngestFixture } from '../helpers/ingest-fixture';
import { REPO_ROOT } from '../helpers/paths';

let fixture: IngestFixture;
let outRoot: string;
let out: string;
/** The shipped corpus: more years, levels, scopes and a report with failing checks. */
let corpusOut: string;
let connection: DuckDBConnection;

async function query(sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS();
}

/** A table read the way the Parquet README tells other engines to: the Hive folders, with their keys as columns. */
const parquet = (dir: string, name: string) => `read_parquet('${join(dir, 'parquet', name, '*', '*', '*.parquet')}', hive_partitioning = true)`;

/** summary.json as native DuckDB computes it from the reports, checks and facts_wide files. */
async function summaryFromDuckDB(dir: string): Promise<Omit<DatasetSummary, 'schema_version' | 'dataset_version'>> {
  const reports = parquet(dir, 'reports');
  const [totals] = await query(`
    SELECT count(*)::INTEGER AS reports, coalesce(bool_or(synthetic), false) AS synthetic,
           min(year)::INTEGER AS first, max(year)::INTEGER AS last
    FROM ${reports}`);
  const [{ failing }] = await query(`SELECT count(DISTINCT report_id)::INTEGER AS failing FROM ${parquet(dir, 'checks')} WHERE status = 'fail'`);
  const sums = TREND_METRICS.map((m) => `sum(f.${m}) AS ${m}`).join(', ');
  return {
    reports: totals.reports as number,
    synthetic: totals.synthetic as boolean,
    by_year_level: await query(`
      SELECT year::INTEGER AS year, level, count(*)::INTEGER AS reports FROM ${reports}
      GROUP BY ALL ORDER BY year ASC NULLS LAST, level ASC NULLS LAST`) as unknown as DatasetSummary['by_year_level'],
    by_status: await query(`
      SELECT status, count(*)::INTEGER AS reports FROM ${reports}
      GROUP BY status ORDER BY list_position(['ok', 'partial', 'failed'], status)`) as unknown as DatasetSummary['by_status'],
    by_template: await query(`
      SELECT template, count(*)::INTEGER AS reports, (count(*) FILTER (WHERE template_basis = 'year'))::INTEGER AS by_year FROM ${reports}
      GROUP BY ALL ORDER BY template ASC NULLS LAST`) as unknown as DatasetSummary['by_template'],
    failing_checks: failing as number,
    years: totals.first === null ? null : [totals.first as number, totals.last as number],
    trends: await query(`
      SELECT r.year::INTEGER AS year, count(*)::INTEGER AS reports, ${sums}
      FROM ${reports} r JOIN ${parquet(dir, 'facts_wide')} f USING (report_id)
      WHERE r.status <> 'failed' AND r.scope <> 'area' AND r.year IS NOT NULL
      GROUP BY r.year ORDER BY r.year`) as unknown as DatasetSummary['trends'],
  };
}

beforeAll(async () => {
  fixture = makeIngestFixture();
  outRoot = makeTempDir();
  out = join(outRoot, 'build');
  corpusOut = join(outRoot, 'corpus-build');
  expect(await main(['ingest', fixture.dir, '--out', out], collectOutput())).toBe(0);
  expect(await main(['ingest', join(REPO_ROOT, 'data/corpus'), '--out', corpusOut], collectOutput())).toBe(0);
  connection = await (await DuckDBInstance.create(':memory:')).connect();
  // Parquet is built into native DuckDB; nothing may be fetched (see STACK-NOTES).
  await connection.run('SET autoinstall_known_extensions=false; SET autoload_known_extensions=false;');
}, 120_000);

afterAll(() => {
  connection?.closeSync();
  fixture.cleanup();
  rmSync(outRoot, { recursive: true, force: true });
});

describe('native DuckDB on the written dataset', () => {
  it('reads every Parquet file with the row count of its Arrow stream file', async () => {
    for (const dir of [out, corpusOut]) {
      const manifest = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
      for (const name of TABLE_NAMES) {
        const arrowRows = manifest.tables[name].partitions.reduce((n, p) => n + tableFromIPC(decodeArrowFileSync(p.path, readFileSync(join(dir, p.path)))).numRows, 0);
        expect(arrowRows, name).toBe(manifest.tables[name].rows);
        const [{ n }] = await query(`SELECT count(*)::INTEGER AS n FROM ${parquet(dir, name)}`);
        expect(n, name).toBe(arrowRows);
      }
    }
  });

  it('sees the intended column types', async () => {
    const types = async (name: string) =>
      Object.fromEntries(
        (await query(`DESCRIBE SELECT * EXCLUDE (province, report_year) FROM ${parquet(out, name)}`)).map((r) => [r.column_name, r.column_type]),
      );
    expect(await types('reports')).toMatchObject({ report_id: 'VARCHAR', year: 'INTEGER', synthetic: 'BOOLEAN', n_values: 'INTEGER', bytes: 'BIGINT' });
    expect(await types('reports')).not.toHaveProperty('text');
    expect(await types('texts')).toEqual({ report_id: 'VARCHAR', text: 'VARCHAR' });
    expect(await types('values')).toEqual({
      report_id: 'VARCHAR', metric: 'VARCHAR', value: 'DOUBLE', approx: 'BOOLEAN', derived: 'BOOLEAN', start: 'INTEGER', end: 'INTEGER', source: 'VARCHAR',
      pdf_page: 'INTEGER', pdf_x: 'DOUBLE', pdf_y: 'DOUBLE', pdf_w: 'DOUBLE', pdf_h: 'DOUBLE',
      split: 'BOOLEAN', inferred: 'BOOLEAN', printed_value: 'DOUBLE', corrected: 'BOOLEAN', correction_note: 'VARCHAR', correction_author: 'VARCHAR',
    });
    expect(await types('checks')).toEqual({ report_id: 'VARCHAR', id: 'VARCHAR', status: 'VARCHAR', expected: 'DOUBLE', actual: 'DOUBLE', metrics: 'VARCHAR', basis: 'VARCHAR' });
    expect(await types('facts_wide')).toMatchObject({
      report_id: 'VARCHAR', issuer: 'VARCHAR', jurisdiction: 'VARCHAR', division_code: 'VARCHAR', published: 'VARCHAR', n_failed_checks: 'INTEGER',
      year: 'INTEGER', r_denied_total_total: 'DOUBLE',
    });
  });

  it('joins the tables on report_id', async () => {
    const rows = await query(`
      SELECT r.report_id, r.n_values::INTEGER AS n_values, count(v.metric)::INTEGER AS counted
      FROM ${parquet(out, 'reports')} r
      LEFT JOIN ${parquet(out, 'values')} v USING (report_id)
      GROUP BY ALL ORDER BY r.report_id`);
    expect(rows.map((r) => r.report_id)).toEqual(fixture.ids);
    for (const row of rows) expect(row.counted).toBe(row.n_values);
  });

  it('reads the Hive keys as columns: each report under its own province and year', async () => {
    const rows = await query(`
      SELECT province, report_year, coalesce(substr(province_code, 1, 2), 'none') AS from_code, coalesce(CAST(year AS VARCHAR), 'none') AS from_year
      FROM ${parquet(corpusOut, 'facts_wide')}`);
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) expect([String(row.province), String(row.report_year)]).toEqual([row.from_code, row.from_year]);
    const [{ provinces }] = await query(`SELECT count(DISTINCT province)::INTEGER AS provinces FROM ${parquet(corpusOut, 'values')}`);
    expect(provinces).toBeGreaterThan(10);
  });
});

describe('texts', () => {
  it('has one row per report and joins back to reports on report_id', async () => {
    for (const dir of [out, corpusOut]) {
      const [row] = await query(`
        SELECT (SELECT count(*) FROM ${parquet(dir, 'reports')})::INTEGER AS reports,
               (SELECT count(*) FROM ${parquet(dir, 'texts')})::INTEGER AS texts,
               (SELECT count(*) FROM ${parquet(dir, 'reports')} JOIN ${parquet(dir, 'texts')} USING (report_id))::INTEGER AS joined,
               (SELECT count(DISTINCT report_id) FROM ${parquet(dir, 'texts')})::INTEGER AS distinct_ids`);
      expect(row.texts, dir).toBe(row.reports);
      expect(row.joined, dir).toBe(row.reports);
      expect(row.distinct_ids, dir).toBe(row.reports);
    }
    const [{ n }] = await query(`SELECT count(*)::INTEGER AS n FROM ${parquet(corpusOut, 'reports')}`);
    expect(n).toBe(132);
  });

  it('holds the text the value spans point into', async () => {
    const rows = await query(`
      SELECT v.report_id, v.metric, v.value, substring(t.text, v.start + 1, v."end" - v.start) AS printed
      FROM ${parquet(corpusOut, 'values')} v JOIN ${parquet(corpusOut, 'texts')} t USING (report_id)
      WHERE v.report_id = 'corpus/seeds/2019-liaoning-fuxin-city.txt' AND v.metric IN ('p.rules.new_made', 'p.normative.new_made')
      ORDER BY v.metric`);
    expect(rows).toEqual([
      { report_id: 'corpus/seeds/2019-liaoning-fuxin-city.txt', metric: 'p.normative.new_made', value: 3146, printed: '3146' },
      { report_id: 'corpus/seeds/2019-liaoning-fuxin-city.txt', metric: 'p.rules.new_made', value: 7, printed: '7' },
    ]);
  });
});

describe('facts_wide', () => {
  it('carries issuer, jurisdiction, division code, publication date and failed checks of a known report', async () => {
    const rows = await query(`
      SELECT report_id, issuer, jurisdiction, division_code, published, n_failed_checks, year, level, scope, template, status
      FROM ${parquet(corpusOut, 'facts_wide')}
      WHERE report_id IN ('corpus/panel/2017-guangdong-guangzhou-city.txt', 'corpus/seeds/2019-liaoning-fuxin-city.txt')
      ORDER BY report_id`);
    expect(rows).toEqual([
      {
        // an area summary: 在全市各单位的努力下,我市政务公开取得一定成效 (its truth says area)
        report_id: 'corpus/panel/2017-guangdong-guangzhou-city.txt', issuer: '广州市人民政府', jurisdiction: '广州市', division_code: '440100',
        published: '2018-03-30', n_failed_checks: 0, year: 2017, level: 'city', scope: 'area', template: 'narrative', status: 'partial',
      },
      {
        // Named only as 阜新市政府 in its first sentence; its own arithmetic fails four identities of
        // table 3 (see its golden case).
        report_id: 'corpus/seeds/2019-liaoning-fuxin-city.txt', issuer: '阜新市政府', jurisdiction: '阜新市', division_code: '210900',
        published: null, n_failed_checks: 4, year: 2019, level: 'city', scope: 'self', template: 'table2019', status: 'ok',
      },
    ]);
  });

  it('agrees with reports and checks on every row', async () => {
    for (const dir of [out, corpusOut]) {
      const [{ mismatched }] = await query(`
        WITH failing AS (SELECT report_id, count(*) AS n FROM ${parquet(dir, 'checks')} WHERE status = 'fail' GROUP BY ALL)
        SELECT count(*)::INTEGER AS mismatched
        FROM ${parquet(dir, 'reports')} r JOIN ${parquet(dir, 'facts_wide')} f USING (report_id) LEFT JOIN failing c USING (report_id)
        WHERE f.issuer IS DISTINCT FROM r.issuer OR f.jurisdiction IS DISTINCT FROM r.jurisdiction
           OR f.published IS DISTINCT FROM r.published OR f.division_code IS DISTINCT FROM r.division_code
           OR f.parent_code IS DISTINCT FROM r.parent_code OR f.level IS DISTINCT FROM r.level
           OR f.n_failed_checks <> coalesce(c.n, 0) OR f.year IS DISTINCT FROM r.year`);
      expect(mismatched, dir).toBe(0);
    }
  });
});

describe('jurisdictions', () => {
  it('ties reports to the division codes of the hand-checked truth, and never to a wrong one', async () => {
    const rows = await query(`SELECT report_id, division_code, jurisdiction_flags FROM ${parquet(corpusOut, 'reports')} ORDER BY report_id`);
    let agree = 0;
    const wrong: string[] = [];
    for (const row of rows) {
      const [folder, file] = String(row.report_id).replace(/^corpus\//, '').split('/');
      const truthPath = join(REPO_ROOT, 'data/corpus', folder, 'truth', file.replace(/\.[^.]+$/, '.json'));
      if (!existsSync(truthPath)) continue;
      const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as { division_code?: string | null };
      if (!truth.division_code || row.division_code === null) continue;
      if (row.division_code === truth.division_code) agree++;
      else wrong.push(`${String(row.report_id)}: ${String(row.division_code)} ≠ ${truth.division_code}`);
    }
    expect(wrong).toEqual([]);
    expect(agree).toBeGreaterThan(60);
  });

  it('writes the gazetteer with its towns, valid years included, and every division a report resolves to', async () => {
    const [{ counties, towns, missing }] = await query(`
      SELECT count(*) FILTER (WHERE level = 'county')::INTEGER AS counties, count(*) FILTER (WHERE level = 'town')::INTEGER AS towns,
        (SELECT count(*)::INTEGER FROM ${parquet(corpusOut, 'reports')} r
          WHERE r.division_code IS NOT NULL AND r.division_code NOT IN (SELECT code FROM ${parquet(corpusOut, 'jurisdictions')})) AS missing
      FROM ${parquet(corpusOut, 'jurisdictions')}`);
    expect(counties).toBeGreaterThan(2800);
    expect(towns).toBeGreaterThan(50000);
    expect(missing).toBe(0);
    expect(await query(`SELECT code, name, level, parent, first, last FROM ${parquet(corpusOut, 'jurisdictions')} WHERE code = '230702' ORDER BY first`)).toEqual([
      { code: '230702', name: '伊春区', level: 'county', parent: '230700', first: expect.any(Number), last: 2018 },
    ]);
  });
});

describe('summary.json', () => {
  it('matches what DuckDB computes from the data files, for the fixture and the shipped corpus', async () => {
    for (const dir of [out, corpusOut]) {
      const manifest = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
      const summary = parseSummary(JSON.parse(readFileSync(join(dir, manifest.summary ?? '(missing)'), 'utf8')));
      expect(summary, dir).toEqual({ schema_version: 12, dataset_version: manifest.dataset_version, ...(await summaryFromDuckDB(dir)) });
    }
  });

  it('describes the shipped corpus: several years and levels, area reports kept out of trends', async () => {
    const summary = parseSummary(JSON.parse(readFileSync(join(corpusOut, SUMMARY_FILE), 'utf8')));
    expect(summary.reports).toBe(132);
    expect(summary.synthetic).toBe(false);
    expect(summary.failing_checks).toBe(1);
    expect(summary.by_year_level.length).toBeGreaterThan(10);
    expect(summary.trends.length).toBeGreaterThan(10);
    const [{ area }] = await query(`SELECT count(*)::INTEGER AS area FROM ${parquet(corpusOut, 'reports')} WHERE scope = 'area' AND year IS NOT NULL AND status <> 'failed'`);
    expect(area).toBeGreaterThan(0);
    const inTrends = summary.trends.reduce((n, t) => n + t.reports, 0);
    const [{ selfReports }] = await query(`SELECT count(*)::INTEGER AS "selfReports" FROM ${parquet(corpusOut, 'reports')} WHERE scope = 'self' AND year IS NOT NULL AND status <> 'failed'`);
    expect(inTrends).toBe(selfReports);
  });

  it('is byte-identical across two ingests of the same corpus', async () => {
    const again = join(outRoot, 'corpus-build-again');
    expect(await main(['ingest', join(REPO_ROOT, 'data/corpus'), '--out', again], collectOutput())).toBe(0);
    expect(readFileSync(join(again, SUMMARY_FILE)).equals(readFileSync(join(corpusOut, SUMMARY_FILE)))).toBe(true);
  }, 120_000);
});
