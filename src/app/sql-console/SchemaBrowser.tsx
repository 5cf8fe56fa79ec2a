// Every table and view of the page's database with its columns, row count and whether it is loaded;
// a table's name puts a query of it in the editor.
import { useId, useState } from 'react';
import type { SchemaTable } from '../../db/protocol';
import type { Locale } from '../i18n/locale';
import type { Translate } from '../i18n/messages';

const COUNT = new Intl.NumberFormat('en-US');

/** A table name as SQL: bare when it can be, quoted otherwise (`values` is a keyword). */
export const tableRef = (name: string): string => (/^[a-z_][a-z0-9_]*$/.test(name) && name !== 'values' ? name : `"${name.replaceAll('"', '""')}"`);

export function SchemaBrowser({ tables, t, locale, onPick }: { tables: readonly SchemaTable[] | null; t: Translate; locale: Locale; onPick: (sql: string) => void }) {
  if (!tables) return <p className="status">{t('sql.schemaLoading')}</p>;
  const loaded = (table: SchemaTable) => (table.loaded === 'all' ? t('sql.loadedAll') : table.loaded === 'part' ? t('sql.loadedPart') : t('sql.loadedNone'));
  return (
    <ul className="schema-browser" data-testid="sql-schema">
      {tables.map((table) => (
        <li key={table.name} data-testid={`sql-schema-${table.name}`}>
          <SchemaEntry table={table} t={t} locale={locale} onPick={onPick} loaded={loaded(table)} />
        </li>
      ))}
    </ul>
  );
}

/** One table: its name queries it; a separate toggle shows its columns (no control inside another). */
function SchemaEntry({ table, t, locale, onPick, loaded }: { table: SchemaTable; t: Translate; locale: Locale; onPick: (sql: string) => void; loaded: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <div className="schema-entry">
        <button type="button" className="schema-toggle" aria-expanded={open} aria-controls={id} aria-label={`${table.name}: ${t('sql.columns')}`} onClick={() => setOpen((o) => !o)}>{open ? '▾' : '▸'}</button>
        <button type="button" className="linkish" onClick={() => onPick(`SELECT *\nFROM ${tableRef(table.name)}\nLIMIT 100`)}>{table.name}</button>
        {table.kind === 'view' ? ' (view)' : ''}
        <span className="schema-rows" data-testid={`sql-schema-rows-${table.name}`}>{table.rows === null ? '' : ` ${COUNT.format(table.rows)} ${locale === 'zh' ? '行' : 'rows'}`}</span>
        <span className="schema-loaded"> · {loaded}</span>
      </div>
      <div id={id} hidden={!open}>
        {table.columns.length === 0 ? <p className="note">{t('sql.builtOnUse')}</p> : (
          <ul className="schema-columns">
            {table.columns.map((c) => <li key={c.name}><code>{c.name}</code> <span className="type">{c.type}</span></li>)}
          </ul>
        )}
      </div>
    </>
  );
}
