// The form of one correction in the Report view: replace or reject a value the parser read, or add
// one it missed (with the span of the report's text the person selected). A note and a name go
// with every correction; the name is remembered.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { formatNumber } from '../../charts';
import { labelOfMetric, METRICS_BY_SECTION, SECTIONS, type Section } from '../../shared/metric-catalogue';
import { useI18n } from '../i18n/context';
import { useCorrections } from './corrections-context';
import { correctionKey, type StoredCorrection } from './corrections-store';

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export type CorrectionTarget =
  | { kind: 'value'; metric: string; printed: number | null }
  | { kind: 'add'; span: TextSpan | null };

interface Props {
  target: CorrectionTarget;
  reportId: string;
  sha256: string;
  onClose: () => void;
}

/** A number as people type it: digits, a decimal point, thousands separators, a minus. */
export function parseTypedNumber(text: string): number | null {
  const plain = text.trim().replace(/[,，\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return null;
  const n = Number(plain);
  return Number.isFinite(n) ? n : null;
}

export function CorrectionForm({ target, reportId, sha256, onClose }: Props) {
  const { t, locale } = useI18n();
  const corrections = useCorrections();
  const id = useId();
  const [metric, setMetric] = useState(target.kind === 'value' ? target.metric : '');
  const existing = metric ? corrections.list.find((c) => correctionKey(c) === correctionKey({ report_sha256: sha256, metric })) : undefined;
  const [mode, setMode] = useState<'correct' | 'reject'>(existing?.value === null ? 'reject' : 'correct');
  const [value, setValue] = useState(existing && existing.value !== null ? String(existing.value) : '');
  const [note, setNote] = useState(existing?.note ?? '');
  const [author, setAuthor] = useState(existing?.author ?? corrections.author);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement & HTMLSelectElement>(null);

  useEffect(() => first.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!metric) return setProblem(t('corrections.needMetric'));
    const number = mode === 'reject' ? null : parseTypedNumber(value);
    if (mode === 'correct' && number === null) return setProblem(t('corrections.needValue'));
    if (!author.trim()) return setProblem(t('corrections.needAuthor'));
    const span = target.kind === 'add' ? target.span : null;
    const correction: StoredCorrection = {
      report_sha256: sha256,
      metric,
      value: number,
      note,
      author,
      at: new Date().toISOString(),
      report_id: reportId,
      start: span?.start ?? existing?.start ?? null,
      end: span?.end ?? existing?.end ?? null,
    };
    setBusy(true);
    try {
      await corrections.save(correction);
      onClose();
    } catch (error) {
      setProblem(`${t('corrections.failed')}: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const undo = async () => {
    if (!existing) return;
    setBusy(true);
    try {
      await corrections.remove(correctionKey(existing));
      onClose();
    } catch (error) {
      setProblem(`${t('corrections.failed')}: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const title = target.kind === 'value' ? t('corrections.formTitle', { metric: labelOfMetric(metric, locale) }) : t('corrections.addTitle');
  return (
    <form className="correction-form" data-testid="correction-form" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h4 id={`${id}-title`}>{title}</h4>
      {target.kind === 'value' ? (
        <p>
          {t('corrections.printed')}: <strong data-testid="correction-printed">{target.printed === null ? '—' : formatNumber(target.printed, locale)}</strong> <code className="id">{metric}</code>
        </p>
      ) : (
        <>
          <p>
            {t('corrections.selected')}: {target.span ? <q data-testid="correction-span">{target.span.text}</q> : <em>{t('corrections.noSelection')}</em>}
          </p>
          <label htmlFor={`${id}-metric`}>{t('corrections.metric')}</label>
          <select id={`${id}-metric`} ref={first} data-testid="correction-metric" value={metric} onChange={(e) => setMetric(e.target.value)} required>
            <option value="">{t('corrections.pickMetric')}</option>
            {(Object.keys(METRICS_BY_SECTION) as Section[]).map((section) => (
              <optgroup key={section} label={SECTIONS[section][locale]}>
                {METRICS_BY_SECTION[section].map((m) => (
                  <option key={m} value={m}>{labelOfMetric(m, locale)} ({m})</option>
                ))}
              </optgroup>
            ))}
          </select>
        </>
      )}
      {target.kind === 'value' ? (
        <fieldset>
          <legend>{t('corrections.mode')}</legend>
          <label><input type="radio" name={`${id}-mode`} ref={first} data-testid="correction-mode-correct" checked={mode === 'correct'} onChange={() => setMode('correct')} /> {t('corrections.modeCorrect')}</label>
          <label><input type="radio" name={`${id}-mode`} data-testid="correction-mode-reject" checked={mode === 'reject'} onChange={() => setMode('reject')} /> {t('corrections.modeReject')}</label>
        </fieldset>
      ) : null}
      {mode === 'correct' ? (
        <>
          <label htmlFor={`${id}-value`}>{t('corrections.value')}</label>
          <input id={`${id}-value`} data-testid="correction-value" inputMode="decimal" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} />
        </>
      ) : null}
      <label htmlFor={`${id}-note`}>{t('corrections.note')}</label>
      <textarea id={`${id}-note`} data-testid="correction-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      <label htmlFor={`${id}-author`}>{t('corrections.author')}</label>
      <input id={`${id}-author`} data-testid="correction-author" autoComplete="name" value={author} onChange={(e) => setAuthor(e.target.value)} />
      {problem ? <p className="error" role="alert" data-testid="correction-problem">{problem}</p> : null}
      <div className="buttons">
        <button type="submit" data-testid="correction-save" disabled={busy}>{t('corrections.save')}</button>
        <button type="button" onClick={onClose}>{t('corrections.cancel')}</button>
        {existing ? <button type="button" data-testid="correction-undo" disabled={busy} onClick={() => void undo()}>{t('corrections.undo')}</button> : null}
      </div>
    </form>
  );
}
