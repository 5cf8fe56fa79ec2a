// The console's links: a query as a URL, and in-app navigation to it from any chart.
import type { BuiltQuery } from '../../db/sql';
import { inlineParams } from '../../db/sql-guard';
import type { Locale } from '../i18n/locale';
import { DEFAULT_STATE, serialiseViewState } from '../state/url-state';

/** The SQL text behind a built query, its bound parameters written in as literals. */
export const querySql = (query: Pick<BuiltQuery, 'sql' | 'params'>): string => inlineParams(query.sql, query.params).trim();

/** The query string that opens the console on `sql`. */
export const consoleSearch = (sql: string, lang: Locale): string => serialiseViewState({ ...DEFAULT_STATE, lang, view: 'sql', sql });

/** Goes to `search` in this page (a history step; the view state follows the popstate). */
export function navigateInApp(search: string): void {
  window.history.pushState(null, '', `${window.location.pathname}${search}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
