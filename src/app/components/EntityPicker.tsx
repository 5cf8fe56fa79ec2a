import { useDeferredValue, useMemo, useState } from 'react';
import { searchEntities } from '../../db/sql';
import { tableRows } from '../data/rows';
import { useSql } from '../data/hooks';
import { useI18n } from '../i18n/context';
import { MAX_ENTITIES } from '../state/url-state';
import { levelLabel } from '../views/common';

const LEVELS = ['province', 'city', 'county', 'town', 'department'];

export function EntityPicker({ selected, onChange, years }: { selected: string[]; onChange: (next: string[]) => void; years?: [number, number] | null }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [level, setLevel] = useState('');
  const [year, setYear] = useState('');
  const deferred = useDeferredValue(text);
  const query = useMemo(
    () => searchEntities({ text: deferred, limit: 30, levels: level ? [level] : undefined, year: year ? Number(year) : undefined }),
    [deferred, level, year],
  );
  const yearOptions = years ? Array.from({ length: years[1] - years[0] + 1 }, (_, i) => years[1] - i) : [];
  const result = useSql(query);
  const rows = result.data ? tableRows(result.data.table) : [];
  const full = selected.length >= MAX_ENTITIES;
  return (
    <div className="picker">
      <div className="chips" aria-label={t('picker.selected')}>
        {selected.length === 0 ? <span className="hint">{t('picker.none')}</span> : null}
        {selected.map((name) => (
          <span className="chip" key={name} data-testid="chip">
            {name}
            <button type="button" aria-label={`${t('picker.remove')} ${name}`} onClick={() => onChange(selected.filter((s) => s !== name))}>×</button>
          </span>
        ))}
      </div>
      <div className="picker-filters">
        <input type="search" data-testid="entity-search" value={text} placeholder={t('picker.search')} onChange={(e) => setText(e.target.value)} />
        <select data-testid="entity-level" aria-label={t('level')} value={level} onChange={(e) => setLevel(e.target.value)}>
          <option value="">{t('level')}</option>
          {LEVELS.map((l) => <option key={l} value={l}>{levelLabel(t, l)}</option>)}
        </select>
        <select data-testid="entity-year" aria-label={t('year')} value={year} onChange={(e) => setYear(e.target.value)}>
          <option value="">{t('allYears')}</option>
          {yearOptions.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </div>
      <ul className="results" data-testid="entity-results">
        {rows.map((row) => {
          const name = String(row.issuer);
          const chosen = selected.includes(name);
          return (
            <li key={name}>
              <button type="button" disabled={chosen || full} data-testid="entity-add" onClick={() => onChange([...selected, name])}>
                {name}
              </button>
              <span className="meta">{t('picker.reports', { n: Number(row.reports), from: String(row.first_year ?? '?'), to: String(row.last_year ?? '?') })}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
