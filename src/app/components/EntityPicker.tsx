import { useDeferredValue, useMemo, useState } from 'react';
import { searchEntities } from '../../db/sql';
import { tableRows } from '../data/rows';
import { useSql } from '../data/hooks';
import { useI18n } from '../i18n/context';
import { MAX_ENTITIES } from '../state/url-state';

export function EntityPicker({ selected, onChange }: { selected: string[]; onChange: (next: string[]) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const deferred = useDeferredValue(text);
  const query = useMemo(() => searchEntities({ text: deferred, limit: 30 }), [deferred]);
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
      <input type="search" data-testid="entity-search" value={text} placeholder={t('picker.search')} onChange={(e) => setText(e.target.value)} />
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
