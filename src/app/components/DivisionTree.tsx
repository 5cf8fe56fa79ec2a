// The jurisdiction tree: provinces → cities → counties → towns from the gazetteer (childrenTree),
// each node with its report counts by year (its government's reports plus its departments'),
// loaded level by level as nodes are expanded. "Select" picks a division as the parent of the
// hierarchy views (towns have no children to rank, so they cannot be picked). An expanded node
// also lists the departments that published reports for it (leaf rows, not selectable), and a
// name search finds a division anywhere, selects it and expands the tree down to it.
import { createContext, useContext, useDeferredValue, useMemo, useState, type KeyboardEvent } from 'react';
import { childrenTree, departmentsOf, divisionNames, searchDivisions } from '../../db/sql';
import { useSql } from '../data/hooks';
import { tableRows, type Row } from '../data/rows';
import { useI18n } from '../i18n/context';
import { levelLabel, num } from '../views/common';

export interface TreeNode {
  code: string;
  name: string;
  level: string | null;
  hasChildren: boolean;
  /** Abolished (the gazetteer's last year is set). */
  historical: boolean;
  /** Per year: the government's own reports and its departments'. */
  years: { year: number; reports: number; departments: number }[];
  /** Every report of the division or any division under it. */
  subtree: number;
}

/** childrenTree rows (one per node × year) folded into nodes, in code order. */
export function treeNodes(rows: readonly Row[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const r of rows) {
    const code = String(r.division_code);
    let node = nodes.get(code);
    if (!node) {
      node = {
        code,
        name: String(r.division_name ?? code),
        level: typeof r.division_level === 'string' ? r.division_level : null,
        hasChildren: r.has_children === true,
        historical: num(r.last_year) !== null,
        years: [],
        subtree: 0,
      };
      nodes.set(code, node);
    }
    const year = num(r.year);
    if (year === null) continue;
    node.years.push({ year, reports: num(r.reports) ?? 0, departments: num(r.department_reports) ?? 0 });
    node.subtree += num(r.subtree_reports) ?? 0;
  }
  return [...nodes.values()];
}

/** "2019:3 2020:5": the division's own reports (government + departments) per year that has any. */
export const compactCounts = (node: TreeNode): string =>
  node.years
    .filter((y) => y.reports + y.departments > 0)
    .map((y) => `${y.year}:${y.reports + y.departments}`)
    .join(' ');

/** The province and city codes above a 6-digit code (its own code excluded). */
export function ancestorsOf(code: string | null): string[] {
  if (!code || !/^\d{6}$/.test(code)) return [];
  const province = `${code.slice(0, 2)}0000`;
  const city = `${code.slice(0, 4)}00`;
  return [province, city].filter((c, i, all) => c !== code && all.indexOf(c) === i);
}

/** The gazetteer name of a division code (null while loading or unknown). */
export function useDivisionName(code: string | null): string | null {
  return useDivisionLookup(code).name;
}

function useDivisionLookup(code: string | null): { name: string | null; loaded: boolean } {
  const query = useMemo(() => (code ? divisionNames([code]) : null), [code]);
  const result = useSql(query);
  if (!code || !result.data) return { name: null, loaded: !code };
  const row = tableRows(result.data.table).find((r) => r.code === code);
  return { name: row ? String(row.name) : null, loaded: true };
}

/**
 * A division as a title prints it: '…' while its name loads (never the code), the code only when
 * the gazetteer has no name for it. A chart waits for `ready`, so no drawn title says '…'.
 */
export function useDivisionLabel(code: string | null): { label: string; ready: boolean } {
  const { name, loaded } = useDivisionLookup(code);
  if (!code) return { label: '', ready: true };
  return { label: name ?? (loaded ? code : '…'), ready: loaded };
}

/**
 * Roving focus (WAI-ARIA tree pattern): one treeitem is in the tab order, the arrow keys move
 * between the visible items, → opens or enters, ← closes or goes up, Home/End jump, Enter or Space
 * selects. The controls inside an item stay clickable but out of the tab order.
 */
interface Roving {
  /** The item in the tab order: the one last focused, else the selected one, else the first. */
  isTabStop: (id: string, first: boolean) => boolean;
  focus: (id: string) => void;
}
const RovingContext = createContext<Roving>({ isTabStop: (_id, first) => first, focus: () => undefined });

/** The departments that published reports for a division: leaf rows under its node. */
function DepartmentRows({ code }: { code: string }) {
  const { t } = useI18n();
  const roving = useContext(RovingContext);
  const query = useMemo(() => departmentsOf({ code }), [code]);
  const result = useSql(query);
  const rows = result.data ? tableRows(result.data.table) : [];
  if (rows.length === 0) return null;
  return (
    <ul role="group" className="tree-departments" data-testid={`tree-departments-${code}`} aria-label={t('tree.departments')}>
      {rows.map((r) => {
        const issuer = typeof r.issuer === 'string' ? r.issuer : null;
        return (
          <li key={String(r.department)} role="treeitem" aria-selected={false} tabIndex={roving.isTabStop(`${code}/${String(r.department)}`, false) ? 0 : -1} data-tree-id={`${code}/${String(r.department)}`} onFocus={(e) => e.target === e.currentTarget && roving.focus(`${code}/${String(r.department)}`)} data-testid="tree-department" data-department={String(r.department)} data-reports={String(num(r.reports) ?? 0)}>
            <div className="tree-row department">
              <span className="tree-toggle" aria-hidden="true">–</span>
              <span className="tree-name">{String(r.department)}</span>
              <span className="tree-counts meta">{t('tree.deptRow', { n: num(r.reports) ?? 0, years: String(r.by_year ?? '') })}</span>
              {issuer ? (
                <a className="tree-link" tabIndex={-1} href={`?${new URLSearchParams({ view: 'compare', e: issuer }).toString()}`} title={issuer}>
                  {t('tree.compare')}
                </a>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** The codes to expand so a search match shows in the tree: its ancestors, top down. */
const matchAncestors = (r: Row): string[] =>
  [r.great_grandparent_code, r.grandparent_code, r.parent_code].filter((c): c is string => typeof c === 'string' && c.length > 0);

/** Name search over the gazetteer; picking a match selects it (when it can be a parent) and opens its ancestors. */
function DivisionSearchBox({ onPick }: { onPick: (row: Row) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const deferred = useDeferredValue(text.trim());
  const query = useMemo(() => (deferred ? searchDivisions({ text: deferred, limit: 30 }) : null), [deferred]);
  const result = useSql(query);
  const rows = deferred && result.data ? tableRows(result.data.table) : [];
  return (
    <div className="tree-search">
      <input type="search" data-testid="tree-search" value={text} placeholder={t('tree.search')} aria-label={t('tree.search')} onChange={(e) => setText(e.target.value)} />
      {deferred && result.data && rows.length === 0 ? <p className="hint" data-testid="tree-search-empty">{t('tree.noMatch')}</p> : null}
      {rows.length > 0 ? (
        <ul className="results" data-testid="tree-search-results">
          {rows.map((r) => {
            const code = String(r.code);
            return (
              <li key={code} data-testid={`tree-match-${code}`}>
                <button type="button" className="tree-match" data-testid="tree-match" data-code={code} title={code} onClick={() => onPick(r)}>
                  {String(r.name)}
                </button>
                <span className="meta" data-testid="tree-match-count" title={t('tree.matchTitle')}>
                  {' '}
                  {t('tree.match', {
                    level: levelLabel(t, typeof r.level === 'string' ? r.level : null),
                    parent: String(r.parent_name ?? '—'),
                    from: String(r.first_year ?? '?'),
                    to: r.last_year === null || r.last_year === undefined ? '' : String(r.last_year),
                    n: num(r.reports) ?? 0,
                  })}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * Scrolls the tree's own pane (never the window) so the selected row shows: a shared link opens
 * with its division in view however far down the tree it sits.
 */
export function scrollIntoPane(row: HTMLElement | null): void {
  const pane = row?.closest<HTMLElement>('.tree-pane');
  if (!row || !pane) return;
  const top = row.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
  if (top < pane.scrollTop || top + row.offsetHeight > pane.scrollTop + pane.clientHeight) pane.scrollTop = Math.max(0, top - pane.clientHeight / 3);
}

interface LevelProps {
  parent: string | null;
  open: ReadonlySet<string>;
  toggle: (code: string) => void;
  selected: string | null;
  onSelect: (code: string) => void;
}

function TreeLevel({ parent, open, toggle, selected, onSelect }: LevelProps) {
  const { t } = useI18n();
  const roving = useContext(RovingContext);
  const query = useMemo(() => childrenTree({ parent }), [parent]);
  const result = useSql(query);
  const nodes = useMemo(() => (result.data ? treeNodes(tableRows(result.data.table)) : []), [result.data]);
  if (result.error) return <p className="error" role="alert">{t('queryFailed')}: {result.error.message.split('\n')[0]}</p>;
  if (!result.data) return <p className="loading">{t('loading')}</p>;
  if (nodes.length === 0) return <p className="hint">{t('tree.empty')}</p>;
  return (
    <ul role={parent === null ? 'tree' : 'group'} aria-label={parent === null ? t('tree.title') : undefined} data-testid={`tree-level-${parent ?? 'root'}`}>
      {nodes.map((node, index) => {
        const expanded = open.has(node.code);
        const counts = compactCounts(node);
        const own = node.years.reduce((s, y) => s + y.reports + y.departments, 0);
        const departments = node.years.reduce((s, y) => s + y.departments, 0);
        const selectable = /^\d{6}$/.test(node.code) && node.hasChildren;
        return (
          <li
            key={node.code}
            role="treeitem"
            aria-expanded={node.hasChildren ? expanded : undefined}
            aria-selected={selected === node.code}
            tabIndex={roving.isTabStop(node.code, parent === null && index === 0) ? 0 : -1}
            data-tree-id={node.code}
            data-selectable={selectable ? 'true' : undefined}
            onFocus={(e) => e.target === e.currentTarget && roving.focus(node.code)}
            data-testid={`tree-node-${node.code}`}
          >
            <div className={selected === node.code ? 'tree-row selected' : 'tree-row'} ref={selected === node.code ? scrollIntoPane : undefined}>
              {node.hasChildren ? (
                <button type="button" tabIndex={-1} className="tree-toggle" data-testid={`tree-toggle-${node.code}`} aria-label={t(expanded ? 'tree.collapse' : 'tree.expand', { name: node.name })} onClick={() => toggle(node.code)}>
                  {expanded ? '▾' : '▸'}
                </button>
              ) : (
                <span className="tree-toggle" aria-hidden="true">·</span>
              )}
              <span className="tree-name" data-testid={`tree-name-${node.code}`} title={`${node.code} · ${levelLabel(t, node.level)}`}>
                {node.name}
                {node.historical ? <span className="meta"> ({t('tree.historical')})</span> : null}
              </span>
              <span className="tree-counts meta" data-testid={`tree-counts-${node.code}`} data-own={own} data-departments={departments} data-subtree={node.subtree} title={t('tree.counts')}>
                {counts || (node.subtree === 0 ? t('tree.noReports') : '')}
                {departments > 0 ? ` (${t('tree.dept', { n: departments })})` : ''}
              </span>
              {node.subtree > own ? (
                <span className="tree-subtree meta" data-testid={`tree-subtree-${node.code}`} title={t('tree.subtreeTitle')}>
                  {` · ${t('tree.subtree', { n: node.subtree })}`}
                </span>
              ) : null}
              {selectable ? (
                <button type="button" tabIndex={-1} className="tree-select" data-testid={`tree-select-${node.code}`} aria-pressed={selected === node.code} onClick={() => onSelect(node.code)}>
                  {selected === node.code ? t('tree.selected') : t('tree.select')}
                </button>
              ) : null}
            </div>
            {expanded ? <DepartmentRows code={node.code} /> : null}
            {expanded && node.hasChildren ? <TreeLevel parent={node.code} open={open} toggle={toggle} selected={selected} onSelect={onSelect} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

export function DivisionTree({ selected, onSelect }: { selected: string | null; onSelect: (code: string) => void }) {
  const { t } = useI18n();
  // The selected division's ancestors start expanded, so a shared link shows where it sits.
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(ancestorsOf(selected)));
  const toggle = (code: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  const pick = (row: Row) => {
    const code = String(row.code);
    setOpen((current) => new Set([...current, ...matchAncestors(row)]));
    // Like the tree's 选择: a county, city or province (six digits); a town only opens its place.
    if (/^\d{6}$/.test(code)) onSelect(code);
  };
  const [active, setActive] = useState<string | null>(null);
  const roving = useMemo<Roving>(
    () => ({
      isTabStop: (id, first) => (active !== null ? id === active : selected !== null ? id === selected : first),
      focus: setActive,
    }),
    [active, selected],
  );
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    const tree = e.currentTarget.querySelector<HTMLElement>('[role="tree"]');
    if (!item || !tree || e.target !== item) return;
    const items = [...tree.querySelectorAll<HTMLElement>('[role="treeitem"]')];
    const at = items.indexOf(item);
    const id = item.dataset.treeId ?? '';
    const go = (to: HTMLElement | undefined | null) => {
      if (!to) return;
      setActive(to.dataset.treeId ?? null);
      to.focus();
    };
    const parentItem = () => item.parentElement?.closest<HTMLElement>('[role="treeitem"]');
    let handled = true;
    if (e.key === 'ArrowDown') go(items[at + 1]);
    else if (e.key === 'ArrowUp') go(items[at - 1]);
    else if (e.key === 'Home') go(items[0]);
    else if (e.key === 'End') go(items[items.length - 1]);
    else if (e.key === 'ArrowRight') {
      if (item.getAttribute('aria-expanded') === 'false') toggle(id);
      else if (item.getAttribute('aria-expanded') === 'true') go(item.querySelector<HTMLElement>('[role="treeitem"]'));
    } else if (e.key === 'ArrowLeft') {
      if (item.getAttribute('aria-expanded') === 'true') toggle(id);
      else go(parentItem());
    } else if (e.key === 'Enter' || e.key === ' ') {
      if (item.dataset.selectable === 'true') onSelect(id);
      else if (item.hasAttribute('aria-expanded')) toggle(id);
    } else handled = false;
    if (handled) e.preventDefault();
  };
  return (
    <div className="division-tree" data-testid="division-tree" onKeyDown={onKeyDown}>
      <div className="tree-title">{t('tree.title')}</div>
      <DivisionSearchBox onPick={pick} />
      <RovingContext.Provider value={roving}>
        <TreeLevel parent={null} open={open} toggle={toggle} selected={selected} onSelect={onSelect} />
      </RovingContext.Provider>
    </div>
  );
}
