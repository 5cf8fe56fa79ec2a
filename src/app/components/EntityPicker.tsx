import { useDeferredValue, useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
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
  // The search is a combobox (WAI-ARIA pattern): ↓/↑ move through the matches, Enter adds the
  // active one, Escape closes the list (a second Escape clears the text).
  const listId = useId();
  const [open, setOpen] = useState(true);
  const [active, setActive] = useState(-1);
  useEffect(() => setActive(-1), [result.data]);
  const addable = (key: string) => !selected.includes(key) && !full;
  const add = (key: string) => {
    if (addable(key)) onChange([...selected, key]);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (rows.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i < 0 ? (step > 0 ? 0 : rows.length - 1) : (i + step + rows.length) % rows.length));
    } else if (e.key === 'Enter' && open && active >= 0 && rows[active]) {
      e.preventDefault();
      add(String(rows[active].key));
    } else if (e.key === 'Escape') {
      // Not the search field's own Escape (which clears the text at once).
      e.preventDefault();
      if (open && rows.length > 0) setOpen(false);
      else setText('');
      setActive(-1);
    }
  };
  const expanded = open && rows.length > 0;
  const optionId = (i: number) => `${listId}-o${i}`;
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
        <input
          type="search"
          role="combobox"
          aria-label={t('picker.search')}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          data-testid="entity-search"
          value={text}
          placeholder={t('picker.search')}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
        />
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
      <ul className="results" id={listId} role="listbox" aria-label={t('picker.search')} data-testid="entity-results" hidden={!expanded}>
        {rows.map((row, i) => {
          const key = String(row.key);
          const name = String(row.name);
          const printed = String(row.printed ?? '');
          return (
            // Options are picked with the keyboard from the search box (aria-activedescendant) or clicked.
            <li key={key} id={optionId(i)} role="option" aria-selected={i === active} aria-disabled={!addable(key)} className={i === active ? 'active' : undefined} data-testid="entity-option" data-key={key} onClick={() => add(key)} onMouseDown={(e) => e.preventDefault()}>
              <span className="option-name" data-testid="entity-add" data-key={key}>
                {name}
              </span>
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
