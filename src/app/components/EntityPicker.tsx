import { useDeferredValue, useMemo, useState } from 'react';
import { entityProvinces, searchEntities } from '../../db/sql';
import { tableRows } from '../data/rows';
import { useSql } from '../data/hooks';
import { useI18n } from '../i18n/context';
import { MAX_ENTITIES } from '../state/url-state';
import { levelLabel } from '../views/common';

const LEVELS = ['province', 'city', 'county', 'town', 'department'];

interface Props {
  /** Chosen body keys. */
  selected: string[];
  /** A chosen body's name. */
  nameOf: (key: string) => string;
  onChange: (next: string[]) => void;
  years?: [number, number] | null;
}

/** Search bodies by name (any name their reports printed too), level, province and year; pick up to MAX_ENTITIES. */
export function EntityPicker({ selected, nameOf, onChange, years }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [level, setLevel] = useState('');
  const [province, setProvince] = useState('');
  const [year, setYear] = useState('');
  const deferred = useDeferredValue(text);
  const query = useMemo(
    () => searchEntities({ text: deferred, limit: 30, levels: level ? [level] : undefined, province: province || undefined, year: year ? Number(year) : undefined }),
    [deferred, level, province, year],
  );
  const provincesQuery = useMemo(() => entityProvinces(), []);
  const provinces = useSql(provincesQuery);
  const provinceRows = provinces.data ? tableRows(provinces.data.table) : [];
  const yearOptions = years ? Array.from({ length: years[1] - years[0] + 1 }, (_, i) => years[1] - i) : [];
  const result = useSql(query);
  const rows = result.data ? tableRows(result.data.table) : [];
  const full = selected.length >= MAX_ENTITIES;
  return (
    <div className="picker">
      <div className="chips" aria-label={t('picker.selected')}>
        {selected.length === 0 ? <span className="hint">{t('picker.none')}</span> : null}
        {selected.map((key) => (
          <span className="chip" key={key} data-testid="chip" data-key={key}>
            {nameOf(key)}
            <button type="button" aria-label={`${t('picker.remove')} ${nameOf(key)}`} onClick={() => onChange(selected.filter((s) => s !== key))}>×</button>
          </span>
        ))}
      </div>
      <div className="picker-filters">
        <input type="search" data-testid="entity-search" value={text} placeholder={t('picker.search')} onChange={(e) => setText(e.target.value)} />
        <select data-testid="entity-level" aria-label={t('level')} value={level} onChange={(e) => setLevel(e.target.value)}>
          <option value="">{t('level')}</option>
          {LEVELS.map((l) => <option key={l} value={l}>{levelLabel(t, l)}</option>)}
        </select>
        <select data-testid="entity-province" aria-label={t('picker.province')} value={province} onChange={(e) => setProvince(e.target.value)}>
          <option value="">{t('picker.allProvinces')}</option>
          {provinceRows.map((p) => <option key={String(p.code)} value={String(p.code)}>{String(p.name ?? p.code)}</option>)}
        </select>
        <select data-testid="entity-year" aria-label={t('year')} value={year} onChange={(e) => setYear(e.target.value)}>
          <option value="">{t('allYears')}</option>
          {yearOptions.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </div>
      <ul className="results" data-testid="entity-results">
        {rows.map((row) => {
          const key = String(row.key);
          const name = String(row.name);
          const printed = String(row.printed ?? '');
          return (
            <li key={key}>
              <button type="button" disabled={selected.includes(key) || full} data-testid="entity-add" data-key={key} onClick={() => onChange([...selected, key])}>
                {name}
              </button>
              <span className="meta">
                {levelLabel(t, row.level)} · {t('picker.reports', { n: Number(row.reports), from: String(row.first_year ?? '?'), to: String(row.last_year ?? '?') })}
                {printed && printed !== name ? ` · ${t('picker.printedAs', { names: printed })}` : ''}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
