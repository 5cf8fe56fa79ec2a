// 雷同 Copied reports: for a division and year, the pairs of reports whose narratives are near
// copies (similar_pairs, found at ingest), a copy score per body, and a pair's two texts side by
// side with the shared passages marked (rendered as text, never as HTML).
import { useMemo, type ReactNode } from 'react';
import { formatNumber } from '../../charts';
import { pairTexts, similarPairs, similarScores } from '../../db/sql';
import { MIN_CONTAINMENT, MIN_SIMILARITY } from '../../shared/similarity';
import { useDivisionName } from '../components/DivisionTree';
import { HierarchyLayout } from '../components/HierarchyLayout';
import { useDataset } from '../data/dataset';
import { useSql } from '../data/hooks';
import { tableRows, type Row } from '../data/rows';
import type { MessageKey } from '../i18n/messages';
import { SIMILARITY_CHOICES } from '../state/url-state';
import { YearSelect } from '../components/YearSelect';
import { num, viewYear, type ViewProps } from './common';
import { segmentText } from './report-segments';

const percent = (v: unknown): string => (typeof v === 'number' ? `${Math.round(v * 100)}%` : '—');

/** `[[start, end], …]` as the table stores it; anything else is no span at all. */
export function parseSpans(json: unknown): { start: number; end: number }[] {
  if (typeof json !== 'string') return [];
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.flatMap((s: unknown) => (Array.isArray(s) && s.length === 2 && Number.isInteger(s[0]) && Number.isInteger(s[1]) ? [{ start: s[0] as number, end: s[1] as number }] : []));
  } catch {
    return [];
  }
}

function MarkedText({ text, spans, testId }: { text: string; spans: { start: number; end: number }[]; testId: string }) {
  const segments = useMemo(() => segmentText(text, spans), [text, spans]);
  return (
    <pre className="report-text similar-text" data-testid={testId}>
      {segments.map((s, i) => (s.values.length > 0 ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </pre>
  );
}

/**
 * A table of found rows; with none, the sentence saying what was not found (never a header alone);
 * while the answer on screen is still the previous selection's, only that it is loading (its
 * emptiness says nothing of this one).
 */
function FoundOrSaid({ rows, previous, none, loading, label, children }: { rows: number; previous: boolean; none: ReactNode; loading: string; label: string; children: ReactNode }) {
  if (rows === 0) return previous ? <p className="meta">{loading}</p> : <>{none}</>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

function PairTexts({ pair, t }: { pair: Row; t: ViewProps['t'] }) {
  const query = useMemo(
    () =>
      pairTexts({
        reportA: String(pair.report_a),
        reportB: String(pair.report_b),
        provinces: [String(pair.province_a), String(pair.province_b)],
        years: [num(pair.year_a), num(pair.year_b)],
      }),
    [pair],
  );
  const result = useSql(query);
  const texts = new Map((result.data ? tableRows(result.data.table) : []).map((r) => [String(r.report_id), String(r.text ?? '')]));
  if (result.error) return <p className="error" role="alert">{t('queryFailed')}: {result.error.message.split('\n')[0]}</p>;
  if (!result.data) return <p className="status">{t('loading')}</p>;
  const issuerOf = (id: string) => String((id === pair.focus ? pair.focus_issuer : pair.other_issuer) ?? id);
  const side = (id: string, year: unknown, spans: unknown, testId: string) => (
    <div className="similar-side">
      <h4>
        {issuerOf(id)} ({String(year ?? '—')}) <span className="meta">{id}</span>
      </h4>
      <MarkedText text={texts.get(id) ?? ''} spans={parseSpans(spans)} testId={testId} />
    </div>
  );
  return (
    <section className="panel similar-pair" data-testid="similar-texts">
      <h3>{t('similar.sideBySide', { similarity: percent(pair.similarity) })}</h3>
      <p className="note">{t('similar.marked')}</p>
      <div className="similar-sides">
        {side(String(pair.report_a), pair.year_a, pair.spans_a, 'similar-text-a')}
        {side(String(pair.report_b), pair.year_b, pair.spans_b, 'similar-text-b')}
      </div>
    </section>
  );
}

export function Similar(props: ViewProps) {
  const { t, locale, state, update } = props;
  const { summary } = useDataset();
  const year = viewYear(state, summary?.years);
  const min = state.similarMin;
  const picked = state.pair ? state.pair.join(' ') : null;
  const pairsQuery = useMemo(() => (state.parent && year !== null ? similarPairs({ parent: state.parent, year, minSimilarity: min }) : null), [state.parent, year, min]);
  const scoresQuery = useMemo(() => (state.parent && year !== null ? similarScores({ parent: state.parent, year }) : null), [state.parent, year]);
  const pairs = useSql(pairsQuery);
  const scores = useSql(scoresQuery);
  const pairRows: Row[] = pairs.data && pairsQuery ? tableRows(pairs.data.table) : [];
  const scoreRows: Row[] = scores.data && scoresQuery ? tableRows(scores.data.table).filter((r) => (num(r.pairs) ?? 0) > 0) : [];
  const checked = scores.data && scoresQuery ? scores.data.table.numRows : 0;
  const parentName = useDivisionName(state.parent) ?? state.parent ?? '';
  const keyOf = (r: Row) => `${String(r.report_a)} ${String(r.report_b)}`;
  const pair = pairRows.find((r) => keyOf(r) === picked) ?? null;
  const error = pairs.error ?? scores.error;
  return (
    <HierarchyLayout name="similar" parent={state.parent} onSelect={(parent) => update({ parent, pair: null })}>
      <div className="controls">
        <YearSelect props={props} year={year} />
        <label>
          {t('similar.min')}
          <select data-testid="similar-min" value={min} onChange={(e) => update({ similarMin: Number(e.target.value) })}>
            {SIMILARITY_CHOICES.map((v) => <option key={v} value={v}>{percent(v)}</option>)}
          </select>
        </label>
      </div>
      {!state.parent ? <p className="hint" data-testid="pick-parent">{t('tree.none')}</p> : null}
      {error ? <p className="error" role="alert">{t('queryFailed')}: {error.message.split('\n')[0]}</p> : null}
      {state.parent && pairs.data ? (
        <section className="panel" data-testid="panel-similar">
          <h3>{t('similar.title', { parent: parentName, year: year ?? '' })}</h3>
          <p className="note">{t('similar.rule')}</p>
          <FoundOrSaid
            rows={pairRows.length}
            previous={pairs.isPlaceholderData}
            none={<p className="hint" data-testid="similar-none">{t('similar.none', { min: percent(min) })}</p>}
            loading={t('loading')}
            label={t('similar.title', { parent: parentName, year: year ?? '' })}
          >
          <table data-testid="similar-pairs">
            <thead>
              <tr><th>{t('similar.unit')}</th><th>{t('similar.other')}</th><th>{t('similar.kind')}</th><th>{t('similar.similarity')}</th><th>{t('similar.containment')}</th></tr>
            </thead>
            <tbody>
              {pairRows.map((r) => (
                <tr key={keyOf(r)} data-testid="similar-pair" data-kind={String(r.kind)} aria-selected={keyOf(r) === picked} className={keyOf(r) === picked ? 'selected' : undefined} onClick={() => update({ pair: [String(r.report_a), String(r.report_b)] })}>
                  <td>{String(r.focus_issuer ?? r.focus)}</td>
                  <td>{String(r.other_issuer)} <span className="meta">({String(r.other_year ?? '—')})</span></td>
                  <td>{t(`similar.kind.${String(r.kind)}` as MessageKey)}</td>
                  <td className="n">{percent(r.similarity)}</td>
                  <td className="n">{percent(r.containment)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </FoundOrSaid>
        </section>
      ) : null}
      {pair ? <PairTexts pair={pair} t={t} /> : null}
      {state.parent && scores.data ? (
        <section className="panel" data-testid="panel-similar-scores">
          <h3>{t('similar.scores', { checked: formatNumber(checked, locale) })}</h3>
          <FoundOrSaid
            rows={scoreRows.length}
            previous={scores.isPlaceholderData}
            none={
              <p className="hint" data-testid="similar-scores-none">
                {t('similar.scoresNone', { checked: formatNumber(checked, locale), min: percent(MIN_SIMILARITY), containment: percent(MIN_CONTAINMENT) })}
              </p>
            }
            loading={t('loading')}
            label={t('similar.scores', { checked: formatNumber(checked, locale) })}
          >
          <table data-testid="similar-scores">
            <thead>
              <tr><th>{t('similar.unit')}</th><th>{t('similar.score')}</th><th>{t('similar.kind.same_body')}</th><th>{t('similar.kind.same_year')}</th><th>{t('similar.kind.other')}</th></tr>
            </thead>
            <tbody>
              {scoreRows.map((r) => (
                <tr key={String(r.report_id)} data-testid="similar-score">
                  <td>{String(r.issuer ?? r.report_id)}</td>
                  <td className="n">{percent(r.score)}</td>
                  <td className="n">{String(r.same_body)}</td>
                  <td className="n">{String(r.same_year)}</td>
                  <td className="n">{String(r.other)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </FoundOrSaid>
        </section>
      ) : null}
    </HierarchyLayout>
  );
}
