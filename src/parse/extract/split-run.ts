// Splitting a run of digits whose table cells were printed without separators
// (`规章000`, `0 0 0 0 0 00`) into the row's known number of cells. Whitespace inside the run is
// always a cell boundary; inside a group of digits every way of cutting is tried, keeping only
// cells a table can print (no leading zero except a lone 0, a sign only in a signed column, a
// decimal point only in a money column) and splits that satisfy the caller's arithmetic. The
// search is bounded (run length, steps, candidates) and says so when a bound is hit.

export interface ColumnKind {
  /** The column holds a signed change (本年增/减): a cell may start with +, -, 增 or 减. */
  signed: boolean;
  /** The column holds money: a cell may carry decimals. */
  fractional: boolean;
}

export interface RunCell {
  value: number;
  /** Offsets of the cell's text inside the run. */
  from: number;
  to: number;
  /** Offsets of the whitespace-free group of characters the cell was cut from. */
  groupFrom: number;
  groupTo: number;
  /** The group held more than this one cell. */
  cut: boolean;
}

export interface SplitResult {
  /** Every split that satisfies `accept` (at most MAX_CANDIDATES). */
  candidates: RunCell[][];
  /** Why the search stopped early or was not attempted; null when it was exhaustive. */
  limit: string | null;
}

/** Longest run the solver tries to split (characters). A longer run is no table row. */
export const MAX_RUN_CHARS = 160;
/** Search steps per run; a run needing more is left unsplit. */
export const MAX_SEARCH_STEPS = 50_000;
/** Splits kept per run (enough to tell one from several and list them). */
export const MAX_CANDIDATES = 20;

const MAX_CELL_DIGITS = 15; // below 2^53, so every accepted value is exact

interface Group {
  from: number;
  to: number;
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

function groupsOf(run: string): Group[] {
  const groups: Group[] = [];
  let i = 0;
  while (i < run.length) {
    while (i < run.length && isSpace(run[i])) i++;
    if (i >= run.length) break;
    const from = i;
    while (i < run.length && !isSpace(run[i])) i++;
    groups.push({ from, to: i });
  }
  return groups;
}

const SIGN = /^(?:增|减|[+-]{1,2})/;

/** The value of one cell's text, or null when a table could not print it as one cell. */
export function cellValue(text: string, kind: ColumnKind): number | null {
  let body = text;
  let negative = false;
  const sign = SIGN.exec(body);
  if (sign) {
    if (!kind.signed) return null;
    negative = sign[0] === '减' || sign[0].startsWith('-');
    body = body.slice(sign[0].length);
  }
  const dot = body.indexOf('.');
  const whole = dot < 0 ? body : body.slice(0, dot);
  const fraction = dot < 0 ? '' : body.slice(dot + 1);
  if (dot >= 0 && (!kind.fractional || !/^\d{1,6}$/.test(fraction))) return null;
  if (!/^(?:0|[1-9]\d*)$/.test(whole) || whole.length > MAX_CELL_DIGITS) return null;
  const value = Number(dot < 0 ? whole : `${whole}.${fraction}`);
  return negative ? -value : value;
}

/**
 * Every way to cut `run` into `columns.length` cells, in order, that `accept` takes.
 * `accept` sees the values of one complete split.
 */
export function splitRun(run: string, columns: ColumnKind[], accept: (values: number[]) => boolean): SplitResult {
  if (run.length > MAX_RUN_CHARS) return { candidates: [], limit: `run of ${run.length} characters is longer than the ${MAX_RUN_CHARS} a table row can hold` };
  const groups = groupsOf(run);
  const n = columns.length;
  const candidates: RunCell[][] = [];
  const cells: RunCell[] = [];
  let steps = 0;
  let limit: string | null = null;

  const search = (g: number, pos: number): void => {
    if (limit) return;
    if (++steps > MAX_SEARCH_STEPS) {
      limit = `search stopped after ${MAX_SEARCH_STEPS} steps`;
      return;
    }
    const col = cells.length;
    if (g === groups.length) {
      if (col === n && accept(cells.map((c) => c.value))) {
        if (candidates.length === MAX_CANDIDATES) limit = `more than ${MAX_CANDIDATES} splits`;
        else candidates.push(cells.slice());
      }
      return;
    }
    // every remaining group needs at least one cell
    if (groups.length - g > n - col) return;
    const group = groups[g];
    for (let end = pos + 1; end <= group.to; end++) {
      const value = cellValue(run.slice(pos, end), columns[col]);
      if (value === null) continue;
      const whole = pos === group.from && end === group.to;
      cells.push({ value, from: pos, to: end, groupFrom: group.from, groupTo: group.to, cut: !whole });
      if (end === group.to) search(g + 1, groups[g + 1]?.from ?? run.length);
      else if (col + 1 < n) search(g, end);
      cells.pop();
      if (limit) return;
    }
  };
  if (groups.length > 0) search(0, groups[0].from);
  return { candidates, limit };
}

/** The number of whitespace-separated groups in a run. */
export const groupCount = (run: string): number => groupsOf(run).length;
