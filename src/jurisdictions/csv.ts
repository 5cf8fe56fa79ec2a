// The gazetteer's CSV files (data/gazetteer/README.md): UTF-8, LF, a header line, RFC 4180
// quoting only where a field needs it. Isomorphic: the build script writes with these functions,
// Node and the browser read with them.
import { parseCsv } from '../shared/csv';
import type { DivisionKind, DivisionLevel, DivisionRow, LineageRelation, LineageRow, OverrideRow } from './types';

export const DIVISION_COLUMNS = ['code', 'name', 'level', 'parent', 'kind', 'first', 'last'] as const;
export const LINEAGE_COLUMNS = ['year', 'from_code', 'from_name', 'to_code', 'to_name', 'relation', 'evidence'] as const;
export const OVERRIDE_COLUMNS = ['issuer', 'code', 'note'] as const;

const LEVELS = new Set<string>(['province', 'city', 'county', 'town']);
const KINDS = new Set<string>(['admin', 'functional-zone', 'pseudo']);
const RELATIONS = new Set<string>(['renamed', 'recoded', 'merged', 'split']);

function field(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export { parseCsv };

export function writeCsv(columns: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(row.map((v) => field(v === null ? '' : String(v))).join(','));
  return lines.join('\n') + '\n';
}

function body(text: string, columns: readonly string[], what: string): string[][] {
  const rows = parseCsv(text).filter((r) => !(r.length === 1 && r[0] === ''));
  const header = rows.shift();
  if (!header || header.join(',') !== columns.join(',')) {
    throw new Error(`${what}: expected the header ${columns.join(',')}, got ${header?.join(',') ?? 'nothing'}`);
  }
  return rows;
}

const year = (s: string, what: string): number => {
  const n = Number(s);
  if (!/^\d{4}$/.test(s)) throw new Error(`${what}: bad year ${JSON.stringify(s)}`);
  return n;
};

export function parseDivisionsCsv(text: string, what = 'divisions'): DivisionRow[] {
  return body(text, DIVISION_COLUMNS, what).map((r, i) => {
    const [code, name, level, parent, kind, first, last] = r;
    const at = `${what} line ${i + 2}`;
    if (r.length !== DIVISION_COLUMNS.length) throw new Error(`${at}: ${r.length} fields`);
    if (!/^(\d{6}|\d{9})$/.test(code)) throw new Error(`${at}: bad code ${code}`);
    if (!LEVELS.has(level)) throw new Error(`${at}: bad level ${level}`);
    if (!KINDS.has(kind)) throw new Error(`${at}: bad kind ${kind}`);
    return {
      code,
      name,
      level: level as DivisionLevel,
      parent: parent === '' ? null : parent,
      kind: kind as DivisionKind,
      first: year(first, at),
      last: last === '' ? null : year(last, at),
    };
  });
}

export function divisionsToCsv(rows: readonly DivisionRow[]): string {
  return writeCsv(
    DIVISION_COLUMNS,
    rows.map((r) => [r.code, r.name, r.level, r.parent, r.kind, r.first, r.last]),
  );
}

export function parseLineageCsv(text: string, what = 'lineage'): LineageRow[] {
  return body(text, LINEAGE_COLUMNS, what).map((r, i) => {
    const [y, fromCode, fromName, toCode, toName, relation, evidence] = r;
    const at = `${what} line ${i + 2}`;
    if (!RELATIONS.has(relation)) throw new Error(`${at}: bad relation ${relation}`);
    return { year: year(y, at), fromCode, fromName, toCode, toName, relation: relation as LineageRelation, evidence };
  });
}

export function lineageToCsv(rows: readonly LineageRow[]): string {
  return writeCsv(
    LINEAGE_COLUMNS,
    rows.map((r) => [r.year, r.fromCode, r.fromName, r.toCode, r.toName, r.relation, r.evidence]),
  );
}

/** overrides.csv: issuer,code,note; lines starting with # are comments. */
export function parseOverridesCsv(text: string, what = 'overrides'): OverrideRow[] {
  const kept = text
    .split(/\r?\n/)
    .filter((l) => !l.startsWith('#'))
    .join('\n');
  return body(kept, OVERRIDE_COLUMNS, what).map((r, i) => {
    const [issuer, code, note = ''] = r;
    if (!issuer || !/^(\d{6}|\d{9})$/.test(code ?? '')) throw new Error(`${what} line ${i + 2}: need an issuer and a 6- or 9-digit code`);
    return { issuer, code, note };
  });
}
