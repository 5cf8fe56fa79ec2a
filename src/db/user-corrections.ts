// A person's corrections made in the page (issue 14 item 5), applied inside the data worker with
// the code `gongkai ingest --corrections` uses (src/parse/corrections.ts): the affected reports'
// rows are rebuilt in place. For each corrected report: its `values` rows (printed_value kept),
// its checks re-run on the corrected values (`basis = 'corrected'`, the printed ones kept),
// `facts_wide`'s harmonised columns and n_failed_checks, `reports`, `failing`, and the `rollups`
// rows of its divisions (adjusted by the difference, so every view reads the corrected figures).
// What a report held before its first correction is kept in memory, so a correction removed
// restores it exactly. The `user_corrections` table lists every correction and what became of it.
import { tableFromIPC } from 'apache-arrow';
import { applyCorrections, type CorrectedValue, type Correction, standingValues } from '../parse/corrections';
import type { Check, Value } from '../parse/types';
import { isMetricId } from '../shared/metrics';
import { harmonisedValues, wideColumnName, WIDE_METRICS } from '../shared/wide-metrics';
import type { Engine } from './engine';
import { enterSchema, leaveSchema } from './user-layer';
import { DataError, type CorrectionOutcome, type CorrectionsPayload, type CorrectionsResult, type PageCorrection, type Param } from './protocol';

type Row = Record<string, unknown>;

/** What the corrections need of the handler: tables loaded (some provinces and years of them). */
export interface CorrectionDeps {
  engine: Engine;
  ensure: (table: string, provinces?: readonly string[], years?: readonly (number | null)[]) => Promise<void>;
  /** Tells the handler a table's row count changed (its load bookkeeping counts rows). */
  recount: (table: string) => void;
}

const VALUE_COLUMNS = ['report_id', 'metric', 'value', 'approx', 'derived', 'start', 'end', 'source', 'pdf_page', 'pdf_x', 'pdf_y', 'pdf_w', 'pdf_h', 'split', 'inferred', 'printed_value', 'corrected', 'correction_note', 'correction_author'] as const;
const CHECK_COLUMNS = ['report_id', 'id', 'status', 'expected', 'actual', 'metrics', 'basis'] as const;
const WIDE_COLUMNS = WIDE_METRICS.map(wideColumnName);
const SHA256 = /^[0-9a-f]{64}$/;

/** A report as it stands: what the rows written for it hold. */
interface ReportState {
  values: Row[];
  /** Its `basis = 'corrected'` checks (none for a report nothing corrected). */
  correctedChecks: Row[];
  wide: Map<string, number | null>;
  nFailed: number;
  nValues: number;
}

interface Located {
  report_id: string;
  sha256: string;
  province: string;
  year: number | null;
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const insertSql = (table: string, columns: readonly string[], rows = 1): string =>
  `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${Array.from({ length: rows }, () => `(${columns.map(() => '?').join(', ')})`).join(', ')}`;

/** Rows in blocks of BLOCK (one prepared statement for every block, one for single rows), not one statement a row. */
const BLOCK = 16;
function insertRows(engine: Engine, table: string, columns: readonly string[], rows: readonly Row[]): void {
  const params = (some: readonly Row[]) => some.flatMap((r) => columns.map((c) => (r[c] ?? null) as Param));
  let i = 0;
  for (; i + BLOCK <= rows.length; i += BLOCK) engine.run(insertSql(table, columns, BLOCK), params(rows.slice(i, i + BLOCK)));
  for (; i < rows.length; i++) engine.run(insertSql(table, columns), params([rows[i]]));
}

function rows(engine: Engine, sql: string, params: readonly Param[] = []): Row[] {
  return tableFromIPC(engine.run(sql, params)).toArray().map((r) => r.toJSON() as Row);
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** A correction the page sent, checked: a bad one is refused with the reason. */
function problemOf(c: PageCorrection): string | null {
  if (typeof c !== 'object' || c === null) return 'not an object';
  if (typeof c.report_sha256 !== 'string' || !SHA256.test(c.report_sha256)) return 'report_sha256: not a sha256 hex string';
  if (typeof c.metric !== 'string' || !isMetricId(c.metric)) return `unknown metric id: ${String(c.metric)}`;
  if (c.value !== null && (typeof c.value !== 'number' || !Number.isFinite(c.value))) return `value: not a number: ${String(c.value)}`;
  for (const field of ['note', 'author', 'at'] as const) if (typeof c[field] !== 'string') return `${field}: not text`;
  return null;
}

/** The parser's values of a report, from its `values` rows as they stood before any correction. */
function parsedValues(valueRows: readonly Row[]): Value[] {
  return valueRows
    .filter((r) => r.printed_value !== null || r.corrected !== true)
    .map((r) => {
      const v: Value = {
        metric: String(r.metric),
        value: Number(r.printed_value ?? r.value),
        approx: r.approx === true,
        derived: r.derived === true,
        start: Number(r.start ?? 0),
        end: Number(r.end ?? 0),
        source: (r.source === 'narrative' ? 'narrative' : 'table') as Value['source'],
      };
      if (r.split === true) v.split = true;
      if (r.inferred === true) v.inferred = true;
      if (r.pdf_page !== null && r.pdf_page !== undefined) v.pdf = { page: Number(r.pdf_page), x: Number(r.pdf_x), y: Number(r.pdf_y), w: Number(r.pdf_w), h: Number(r.pdf_h) };
      return v;
    });
}

function valueRow(reportId: string, v: CorrectedValue): Row {
  return {
    report_id: reportId,
    metric: v.metric,
    value: v.value,
    approx: v.approx,
    derived: v.derived,
    start: v.start,
    end: v.end,
    source: v.source,
    pdf_page: v.pdf?.page ?? null,
    pdf_x: v.pdf?.x ?? null,
    pdf_y: v.pdf?.y ?? null,
    pdf_w: v.pdf?.w ?? null,
    pdf_h: v.pdf?.h ?? null,
    split: v.split === true,
    inferred: v.inferred === true,
    printed_value: v.printed_value,
    corrected: v.corrected,
    correction_note: v.correction_note,
    correction_author: v.correction_author,
  };
}

const checkRow = (reportId: string, c: Check): Row => ({ report_id: reportId, id: c.id, status: c.status, expected: c.expected, actual: c.actual, metrics: c.metrics.join(','), basis: 'corrected' });

export class UserCorrections {
  /** Each touched report as it was before its first correction. */
  private readonly originals = new Map<string, ReportState>();
  /** Reports whose rows now hold corrections. */
  private touched = new Set<string>();

  constructor(private readonly deps: CorrectionDeps) {}

  /** `record`: write the `user_corrections` table (the dataset's instance does; the layer's leaves it to mergeOutcomes). */
  async set(payload: CorrectionsPayload, record = true): Promise<CorrectionsResult> {
    if (!payload || !Array.isArray(payload.corrections)) throw new DataError('corrections: expected a list');
    const outcomes: CorrectionOutcome[] = payload.corrections.map((c) => ({
      report_sha256: String(c?.report_sha256 ?? ''),
      metric: String(c?.metric ?? ''),
      status: 'unused',
      reason: problemOf(c),
      printed_value: null,
      reports: [],
    }));
    const valid = payload.corrections.filter((_, i) => outcomes[i].reason === null);
    const located = await this.locate(valid);
    const byReport = new Map<string, { report: Located; corrections: { page: PageCorrection; index: number }[] }>();
    payload.corrections.forEach((c, index) => {
      if (outcomes[index].reason !== null) return;
      const reports = located.filter((r) => r.sha256 === c.report_sha256);
      if (reports.length === 0) outcomes[index].reason = 'no report of this dataset has this sha256';
      for (const report of reports) {
        const entry = byReport.get(report.report_id) ?? { report, corrections: [] };
        entry.corrections.push({ page: c, index });
        byReport.set(report.report_id, entry);
      }
    });
    // Duplicates (one report and metric twice) are refused, as the CSV reader refuses them.
    const seen = new Map<string, number[]>();
    payload.corrections.forEach((c, i) => outcomes[i].reason === null && seen.set(`${c.report_sha256} ${c.metric}`, [...(seen.get(`${c.report_sha256} ${c.metric}`) ?? []), i]));
    for (const indexes of seen.values()) if (indexes.length > 1) for (const i of indexes) outcomes[i].reason = `duplicate: ${indexes.length} corrections of ${outcomes[i].metric} of this report`;
    for (const entry of byReport.values()) entry.corrections = entry.corrections.filter(({ index }) => outcomes[index].reason === null);

    const reports = [...new Set([...this.touched, ...byReport.keys()])].sort();
    for (const id of reports) {
      const entry = byReport.get(id);
      if (entry && entry.corrections.length > 0) await this.load(entry.report);
    }
    const now = new Set<string>();
    for (const id of reports) {
      const entry = byReport.get(id);
      const original = this.originals.get(id) ?? (entry ? this.capture(id) : undefined);
      if (!original) continue;
      if (!entry || entry.corrections.length === 0) {
        this.write(id, original);
        continue;
      }
      const corrections: Correction[] = entry.corrections.map(({ page }) => ({ line: 0, report_sha256: page.report_sha256, metric: page.metric, value: page.value, note: page.note, author: page.author, at: page.at }));
      const result = applyCorrections(parsedValues(original.values), corrections);
      const values = result.values.map((v) => {
        const page = entry.corrections.find(({ page: p }) => p.metric === v.metric)?.page;
        // An added value keeps the span the person selected (the CSV has no place for it).
        const span = page && v.printed_value === null && v.corrected && page.value !== null && Number.isInteger(page.start) && Number.isInteger(page.end) && page.start! < page.end!;
        return valueRow(id, span ? { ...v, start: page.start!, end: page.end! } : v);
      });
      const unused = new Map(result.unused.map((u) => [u.correction.metric, u.reason]));
      for (const { page, index } of entry.corrections) {
        const outcome = outcomes[index];
        const reason = unused.get(page.metric);
        if (reason) {
          outcome.reason ??= reason;
          continue;
        }
        outcome.status = 'applied';
        outcome.reason = null;
        outcome.printed_value = num(original.values.find((r) => r.metric === page.metric && (r.printed_value !== null || r.corrected !== true))?.printed_value ?? null);
        outcome.reports.push(this.describe(id));
      }
      this.write(id, {
        values,
        correctedChecks: result.checks.map((c) => checkRow(id, c)),
        wide: new Map(WIDE_METRICS.map((m) => [wideColumnName(m), null])),
        nFailed: result.checks.filter((c) => c.status === 'fail').length,
        nValues: values.length,
      }, harmonisedValues(standingValues(result.values)));
      now.add(id);
    }
    this.touched = now;
    for (const table of ['values', 'checks', 'failing']) this.deps.recount(table);
    if (record) this.record(payload.corrections, outcomes);
    return { outcomes };
  }

  /** The reports of these corrections' sha256s: every report of the dataset with that file's bytes. */
  private async locate(corrections: readonly PageCorrection[]): Promise<Located[]> {
    const shas = [...new Set(corrections.map((c) => c.report_sha256))];
    if (shas.length === 0) return [];
    const { engine } = this.deps;
    const locatedOf = (r: Row): Located => ({ report_id: String(r.report_id), sha256: String(r.sha256), province: r.province_code ? String(r.province_code).slice(0, 2) : 'none', year: num(r.year) });
    const select = `SELECT report_id, sha256, province_code, year FROM reports WHERE sha256 IN (${shas.map(() => '?').join(', ')}) ORDER BY report_id`;
    try {
      await this.deps.ensure('reports');
      return rows(engine, select, shas).map(locatedOf);
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      // Too large to load whole: the reports the page named, found where they are stored.
      const ids = [...new Set(corrections.flatMap((c) => (typeof c.report_id === 'string' ? [c.report_id] : [])))];
      const out: Located[] = [];
      for (const id of ids) {
        await this.deps.ensure('facts_wide');
        const at = rows(engine, `SELECT coalesce(substr(province_code, 1, 2), 'none') AS province, year FROM facts_wide WHERE report_id = ?`, [id])[0];
        if (!at) continue;
        await this.deps.ensure('reports', [String(at.province)], [num(at.year)]);
        out.push(...rows(engine, `SELECT report_id, sha256, province_code, year FROM reports WHERE report_id = ? AND sha256 IN (${shas.map(() => '?').join(', ')})`, [id, ...shas]).map(locatedOf));
      }
      return out;
    }
  }

  /** Loads every table a report's correction rewrites. */
  private async load(report: Located): Promise<void> {
    const at: [string[], (number | null)[]] = [[report.province], [report.year]];
    for (const table of ['values', 'checks', 'reports', 'facts_wide']) await this.deps.ensure(table, ...at);
    await this.deps.ensure('rollups', [report.province]);
    await this.deps.ensure('failing');
  }

  private capture(id: string): ReportState {
    const { engine } = this.deps;
    const wideRow = rows(engine, `SELECT ${WIDE_COLUMNS.join(', ')}, n_failed_checks FROM facts_wide WHERE report_id = ?`, [id])[0] ?? {};
    const report = rows(engine, 'SELECT n_values, n_failed_checks FROM reports WHERE report_id = ?', [id])[0] ?? {};
    const state: ReportState = {
      values: rows(engine, `SELECT ${VALUE_COLUMNS.map(quote).join(', ')} FROM "values" WHERE report_id = ?`, [id]),
      correctedChecks: rows(engine, `SELECT ${CHECK_COLUMNS.map(quote).join(', ')} FROM checks WHERE report_id = ? AND basis = 'corrected'`, [id]),
      wide: new Map(WIDE_COLUMNS.map((c) => [c, num(wideRow[c])])),
      nFailed: Number(report.n_failed_checks ?? wideRow.n_failed_checks ?? 0),
      nValues: Number(report.n_values ?? 0),
    };
    this.originals.set(id, state);
    return state;
  }

  /** Rewrites a report's rows to `state` (`metrics`: its harmonised figures, when not in `state.wide`). */
  private write(id: string, state: ReportState, metrics?: Map<string, number>): void {
    const { engine } = this.deps;
    const target = metrics ? new Map(WIDE_METRICS.map((m) => [wideColumnName(m), metrics.get(m) ?? null])) : state.wide;
    const current = rows(engine, `SELECT ${WIDE_COLUMNS.join(', ')}, n_failed_checks, year, level, scope, issuer, template, province_code, city_code, county_code FROM facts_wide WHERE report_id = ?`, [id])[0];
    engine.run('DELETE FROM "values" WHERE report_id = ?', [id]);
    insertRows(engine, 'values', VALUE_COLUMNS, state.values);
    engine.run("DELETE FROM checks WHERE report_id = ? AND basis = 'corrected'", [id]);
    insertRows(engine, 'checks', CHECK_COLUMNS, state.correctedChecks);
    engine.run('UPDATE reports SET n_values = ?, n_failed_checks = ? WHERE report_id = ?', [state.nValues, state.nFailed, id]);
    if (!current) return;
    engine.run(`UPDATE facts_wide SET ${WIDE_COLUMNS.map((c) => `${c} = ?`).join(', ')}, n_failed_checks = ? WHERE report_id = ?`, [...WIDE_COLUMNS.map((c) => target.get(c) ?? null), state.nFailed, id]);
    this.adjustRollups(current, target, state.nFailed);
    engine.run('DELETE FROM failing WHERE report_id = ?', [id]);
    if (state.nFailed > 0) {
      engine.run(insertSql('failing', ['report_id', 'issuer', 'year', 'template', 'n_failed_checks', 'province_code']), [id, str(current.issuer), num(current.year), str(current.template), state.nFailed, str(current.province_code)]);
    }
  }

  /** The rollup rows counting this report (the whole dataset and each division of its chain) move by its change. */
  private adjustRollups(current: Row, target: Map<string, number | null>, nFailed: number): void {
    const sets: string[] = [];
    const params: Param[] = [];
    for (const column of WIDE_COLUMNS) {
      const before = num(current[column]);
      const after = target.get(column) ?? null;
      if (before === after) continue;
      const stated = (after === null ? 0 : 1) - (before === null ? 0 : 1);
      // A sum no report states any more is absent, never 0.
      sets.push(`${column} = CASE WHEN ${column}__reports + ? = 0 THEN NULL ELSE coalesce(${column}, 0) + ? END`, `${column}__reports = ${column}__reports + ?`);
      params.push(stated, (after ?? 0) - (before ?? 0), stated);
    }
    const failing = (nFailed > 0 ? 1 : 0) - (Number(current.n_failed_checks ?? 0) > 0 ? 1 : 0);
    if (failing !== 0) {
      sets.push('failing_checks = failing_checks + ?');
      params.push(failing);
    }
    if (sets.length === 0) return;
    const chain = ['province', 'city', 'county'].map((level) => [level, str(current[`${level}_code`])] as const).filter(([, code]) => code !== null);
    const where = ["division_level = 'nation'", ...chain.map(() => '(division_level = ? AND division_code = ?)')].join(' OR ');
    this.deps.engine.run(
      `UPDATE rollups SET ${sets.join(', ')} WHERE (${where}) AND year IS NOT DISTINCT FROM ? AND level IS NOT DISTINCT FROM ? AND scope IS NOT DISTINCT FROM ?`,
      [...params, ...chain.flat(), num(current.year), str(current.level), str(current.scope)],
    );
  }

  /** Where a corrected report sits: what the page needs to say which charts rest on it. */
  private describe(id: string): CorrectionOutcome['reports'][number] {
    const r = rows(this.deps.engine, `SELECT report_id, year, body_key, scope, division_code, province_code, city_code, county_code FROM facts_wide WHERE report_id = ?`, [id])[0] ?? { report_id: id };
    return {
      report_id: id,
      year: num(r.year),
      body_key: str(r.body_key),
      scope: str(r.scope),
      divisions: [r.division_code, r.province_code, r.city_code, r.county_code].map(str).filter((c): c is string => c !== null),
    };
  }

  /** `user_corrections`: every correction the page holds, with its status, for SQL and tests. */
  record(corrections: readonly PageCorrection[], outcomes: readonly CorrectionOutcome[]): void {
    const { engine } = this.deps;
    engine.run(`CREATE OR REPLACE TABLE user_corrections (report_sha256 VARCHAR, report_id VARCHAR, metric VARCHAR, value DOUBLE, note VARCHAR, author VARCHAR, "at" VARCHAR, status VARCHAR, reason VARCHAR)`);
    corrections.forEach((c, i) => {
      const o = outcomes[i];
      const ids = o.reports.length > 0 ? o.reports.map((r) => r.report_id) : [typeof c?.report_id === 'string' ? c.report_id : null];
      for (const id of ids) {
        engine.run(insertSql('user_corrections', ['report_sha256', 'report_id', 'metric', 'value', 'note', 'author', 'at', 'status', 'reason']), [
          o.report_sha256, id, o.metric, typeof c?.value === 'number' ? c.value : null, str(c?.note), str(c?.author), str(c?.at), o.status, o.reason,
        ]);
      }
    });
  }
}

/**
 * One outcome per correction over both layers: applied where either layer applied it (to the
 * reports of both), else the dataset's reason (a problem with the correction is the same in both).
 */
export function mergeOutcomes(dataset: readonly CorrectionOutcome[], layer: readonly CorrectionOutcome[]): CorrectionOutcome[] {
  return dataset.map((d, i) => {
    const u = layer[i];
    if (!u || u.status !== 'applied') return d;
    if (d.status !== 'applied') return u;
    return { ...d, reports: [...d.reports, ...u.reports] };
  });
}

/**
 * The engine with `schema` as the default for each statement (the user's layer: its tables in
 * `ul`); the SQL text carries the schema, as prepared statements are cached per text.
 */
export function engineInSchema(engine: Engine, schema: string): Engine {
  const within = <T>(run: () => T): T => {
    enterSchema(engine, schema);
    try {
      return run();
    } finally {
      leaveSchema(engine);
    }
  };
  return {
    name: engine.name,
    run: (sql, params) => within(() => engine.run(`/* schema:${schema} */ ${sql}`, params)),
    runStatement: (sql) => within(() => engine.runStatement(sql)),
    insertArrowStream: (table, ipc, append) => within(() => engine.insertArrowStream(table, ipc, append)),
    close: () => engine.close(),
  };
}
