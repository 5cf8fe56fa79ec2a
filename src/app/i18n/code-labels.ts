// What the Data view's cells say for a coded value (level, scope, template, parse status, coverage
// unit, a boolean): its label from the messages, the same words the charts and tables use. The files (CSV,
// Parquet) keep the code; a value with no label here is shown as it is.
import type { MessageKey, Translate } from './messages';

const LEVEL: Record<string, MessageKey> = { province: 'level.province', city: 'level.city', county: 'level.county', town: 'level.town', department: 'level.department' };

const SCOPE: Record<string, MessageKey> = { self: 'scope.self', area: 'scope.area' };

const CODED: Record<string, Record<string, MessageKey>> = {
  level: LEVEL,
  division_level: LEVEL,
  scope: SCOPE,
  prev_scope: SCOPE,
  template: { narrative: 'template.narrative', table2019: 'template.table2019', table2021: 'template.table2021' },
  status: { ok: 'status.ok', partial: 'status.partial', failed: 'status.failed' },
  unit: { government: 'coverage.government', department: 'coverage.department' },
};

/** The label of a coded cell (a boolean is 是/否, Yes/No), or null when the column is not coded or the value has no label. */
export function codeLabel(t: Translate, column: string, value: unknown): string | null {
  if (typeof value === 'boolean') return t(value ? 'yes' : 'no');
  const key = typeof value === 'string' ? CODED[column]?.[value] : undefined;
  return key ? t(key) : null;
}
