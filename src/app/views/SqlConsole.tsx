// The SQL console (`?view=sql&q=…`): typed SQL over the page's DuckDB-WASM, read-only (the guard in
// src/db/sql-guard.ts, in the client and again in the worker), results in a virtualised grid with
// CSV and Parquet downloads and a chart. The query lives in the URL, and a link to it runs it.
import { useQuery } from '@tanstack/react-query';
import type { Table } from 'apache-arrow';
import { useCallback, useEffect, useRef, useState } from 'react';
import { downloadBlob, safeFileName } from '../../charts';
import { CancelledError } from '../../db/client';
import { tableToParquet } from '../../shared/parquet';
import { toCsv } from '../data/csv';
import { useDataset } from '../data/dataset';
import { columnNames, tableRows } from '../data/rows';
import { SqlEditor } from '../sql-console/Editor';
import { EXAMPLE_QUERIES } from '../sql-console/examples';
import { ResultChart } from '../sql-console/ResultChart';
import { ResultGrid } from '../sql-console/ResultGrid';
import { SchemaBrowser } from '../sql-console/SchemaBrowser';
import type { ViewProps } from './common';

interface Outcome {
  sql: string;
  table: Table;
  elapsedMs: number;
}

const FILE_NAME = 'gongkai-sql';

export function SqlConsole(props: ViewProps) {
  const { t, state, update, locale } = props;
  const { client, info } = useDataset();
  const [text, setText] = useState(state.sql || EXAMPLE_QUERIES[0].sql);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The engine's message, or `cancelled` (translated when shown, so a run never depends on the language).
  const [failure, setError] = useState<string | { cancelled: true } | null>(null);
  const error = failure === null ? null : typeof failure === 'string' ? failure : t('sql.cancelled');
  const [running, setRunning] = useState<{ started: number; controller: AbortController } | null>(null);
  const [seconds, setSeconds] = useState(0);
  const [runs, setRuns] = useState(0);
  const [exportError, setExportError] = useState<string | null>(null);
  const current = useRef<AbortController | null>(null);

  // The tables a query loads change what the schema browser says: read it again after each run.
  const schema = useQuery({
    queryKey: ['sql-schema', info?.datasetVersion ?? null, runs],
    queryFn: () => client!.schema(),
    enabled: Boolean(client && info),
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });

  const execute = useCallback(
    (sql: string) => {
      if (!client || !info) return;
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      setRunning({ started: performance.now(), controller });
      setSeconds(0);
      setError(null);
      setExportError(null);
      client.userQuery(sql, controller.signal).then(
        (result) => {
          if (current.current !== controller) return;
          setOutcome({ sql, table: result.table, elapsedMs: result.elapsedMs });
        },
        (e: Error) => {
          if (current.current !== controller) return;
          setOutcome(null);
          setError(e instanceof CancelledError ? { cancelled: true } : e.message.split('\n-- SQL:')[0]);
        },
      ).finally(() => {
        if (current.current !== controller) return;
        current.current = null;
        setRunning(null);
        setRuns((n) => n + 1);
      });
    },
    [client, info],
  );

  // The URL's query runs when the page opens on it, and again when Back or a link changes it.
  useEffect(() => {
    if (state.sql) setText(state.sql);
    if (state.sql && client && info) execute(state.sql);
  }, [state.sql, client, info, execute]);

  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setSeconds(Math.floor((performance.now() - running.started) / 1000)), 250);
    return () => window.clearInterval(timer);
  }, [running]);

  const run = (sql = text) => {
    if (sql === state.sql) execute(sql);
    else update({ sql }); // the effect above runs it
  };
  const cancel = () => running?.controller.abort();

  const table = outcome?.table ?? null;
  const downloadParquet = () => {
    if (!table) return;
    try {
      downloadBlob(new Blob([tableToParquet(table) as BlobPart], { type: 'application/vnd.apache.parquet' }), safeFileName(FILE_NAME, 'parquet'));
    } catch (e) {
      setExportError(`${t('sql.parquetFailed')}: ${(e as Error).message}`);
    }
  };

  if (state.embed) return table ? <ResultChart table={table} props={props} /> : <p className="status">{t('loading')}</p>;

  return (
    <div className="view sql-console">
      <aside className="sql-side">
        <h3>{t('sql.schema')}</h3>
        <SchemaBrowser tables={schema.data?.tables ?? null} t={t} locale={locale} onPick={(sql) => setText(sql)} />
        <h3>{t('sql.examples')}</h3>
        <ul className="sql-examples">
          {EXAMPLE_QUERIES.map((e) => (
            <li key={e.id}>
              <button type="button" className="linkish" data-testid={`sql-example-${e.id}`} onClick={() => { setText(e.sql); run(e.sql); }}>{locale === 'zh' ? e.zh : e.en}</button>
            </li>
          ))}
        </ul>
      </aside>
      <section className="sql-main">
        <p className="note">{t('sql.readOnly')}</p>
        <SqlEditor value={text} onChange={setText} onRun={() => run()} tables={schema.data?.tables ?? []} label="SQL" />
        <div className="controls">
          <button type="button" data-testid="sql-run" disabled={!client || !info} onClick={() => run()} title={t('sql.runHint')}>{t('sql.run')}</button>
          <button type="button" data-testid="sql-cancel" disabled={!running} onClick={cancel}>{t('sql.cancel')}</button>
          <button type="button" data-testid="sql-csv" disabled={!table} onClick={() => table && downloadBlob(new Blob([toCsv(columnNames(table), tableRows(table))], { type: 'text/csv;charset=utf-8' }), safeFileName(FILE_NAME, 'csv'))}>{t('exportCsv')}</button>
          <button type="button" data-testid="sql-parquet" disabled={!table} onClick={downloadParquet}>{t('exportParquet')}</button>
          <span className="sql-status" data-testid="sql-status" aria-live="polite">
            {running ? t('sql.running', { s: seconds }) : outcome ? t('sql.rows', { n: outcome.table.numRows.toLocaleString('en-US'), ms: Math.round(outcome.elapsedMs) }) : ''}
          </span>
        </div>
        {error && /^(refused|nothing to run|unterminated)/.test(error) ? <p className="error" data-testid="sql-refused">{t('sql.refused')}</p> : null}
        {error ? <pre className="error" role="alert" data-testid="sql-error">{error}</pre> : null}
        {exportError ? <p className="error" role="alert">{exportError}</p> : null}
        {table ? <span hidden data-testid="sql-row-count">{table.numRows}</span> : null}
        {table ? <ResultGrid table={table} /> : null}
        {table && table.numRows > 0 ? <ResultChart table={table} props={props} /> : null}
      </section>
    </div>
  );
}
