// Statutory tables whose cells were run together when the page was saved as text:
// `规章000行政规范性文件303…`, `本年新收政府信息公开申请数量0 0 0 0 0 00`,
// `1.属于国家秘密00000002.其他法律…`. Row labels are found inside the running text, the run of
// digits after each label is split into the row's cells (split-run.ts), and a split is taken
// only when exactly one fits: first by the row's own arithmetic (总计 = the six applicant
// columns; 复议/诉讼 总计 = its four outcomes), then by the table's identities with the rows
// already known. Cells of a row that had to be cut carry `split: true` and the span of the digit
// group they were cut from: they were never printed one by one.
import { IDENTITIES, isChangeMetric, isMoneyMetric, type Identity } from '../../shared/metrics';
import { timesTenThousand } from '../normalise/numbers';
import { sourceSpan, type NormText } from '../normalise/text';
import type { Value } from '../types';
import { groupCount, MAX_RUN_CHARS, splitRun, type ColumnKind, type RunCell, type SplitResult } from './split-run';
import { openingWords, WordIndex } from './rules/anchors';
import { ALL_ROWS, type RowSpec, type TableTemplate } from './tables';

/** A row is read from running text only when another row's label is this close (characters). */
const CHAIN_WINDOW = 400;
/** Characters compacted away before matching labels (as `compact` in cells.ts). */
const DROPPED_CHARS = ' \t\n\r"\'“”‘’「」?？';
const DROPPED = new Set([...DROPPED_CHARS]);
const DROPPED_CODE = new Uint8Array(0x10000);
for (const c of DROPPED_CHARS) DROPPED_CODE[c.charCodeAt(0)] = 1;
/** After a run, these mean the number is a count or a clause of a sentence, not a table cell. */
const SENTENCE_AFTER = new Set([...'条件项个份次人篇%年月日万亿余多家起场期名户，。；,;：:！!']);
const SIGNS = new Set([...'+-增减']);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

export interface Compact {
  c: string;
  /** Normalised offset of each compact character. */
  at: Int32Array;
}

const UTF16 = new TextDecoder('utf-16le');

/** The last text's view: glued tables and the statistics table read the same text one after the other. */
let lastView: { s: string; view: Compact } | null = null;

export function compactView(s: string): Compact {
  if (lastView?.s === s) return lastView.view;
  const view = buildCompactView(s);
  lastView = { s, view };
  return view;
}

function buildCompactView(s: string): Compact {
  const at = new Int32Array(s.length);
  const out = new Uint16Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (DROPPED_CODE[c]) continue;
    out[n] = c;
    at[n++] = i;
  }
  return { c: UTF16.decode(out.subarray(0, n)), at: at.subarray(0, n) };
}

/** A label pattern over the compact text; `skip` characters of the match precede the label itself. */
export interface LabelPattern<S> {
  spec: S;
  re: RegExp;
  skip: number;
}

export interface Label<S> {
  spec: S;
  /** Normalised offsets: where the label's own text starts and ends. */
  labelStart: number;
  labelEnd: number;
}

const ROW_PATTERNS: LabelPattern<RowSpec>[] = ALL_ROWS.map((spec) => ({
  spec,
  re: new RegExp(spec.itemRequired ? `${spec.item}[.、．]${spec.inline}` : spec.inline, 'g'),
  skip: spec.itemRequired ? String(spec.item).length + 1 : 0,
}));

type Hit = Label<RowSpec>;

interface Run {
  hit: Hit;
  /** Normalised offset of the run's first character. */
  from: number;
  text: string;
}

interface Opening {
  words: WordIndex;
  /** Per pattern, its opening words and a sticky copy; null: the pattern scans the text. */
  each: ({ words: string[]; sticky: RegExp } | null)[];
}
const OPENINGS = new WeakMap<readonly LabelPattern<unknown>[], Opening>();

function openingOf(patterns: readonly LabelPattern<unknown>[]): Opening {
  let o = OPENINGS.get(patterns);
  if (!o) {
    const each = patterns.map(({ re }) => {
      const words = openingWords(re.source);
      return words ? { words, sticky: new RegExp(re.source, re.flags.replace('g', '') + 'y') } : null;
    });
    o = { words: new WordIndex(each.flatMap((e) => e?.words ?? [])), each };
    OPENINGS.set(patterns, o);
  }
  return o;
}

/** Every match of every pattern, in text order: one scan for the patterns' opening words, each pattern tried where one starts. */
export function findLabels<S>(compact: Compact, patterns: readonly LabelPattern<S>[]): Label<S>[] {
  const hits: Label<S>[] = [];
  const opening = openingOf(patterns);
  const { c, at } = compact;
  const index = opening.words.scan(c);
  for (let k = 0; k < patterns.length; k++) {
    const { spec, re, skip } = patterns[k];
    const o = opening.each[k];
    if (o) {
      // as a scan would: after a match, the next from its end
      const sticky = o.sticky;
      let after = -1;
      for (const start of index.positions(o.words)) {
        if (start <= after) continue;
        sticky.lastIndex = start;
        const m = sticky.exec(c);
        if (m === null) continue;
        const length = m[0].length;
        after = start + Math.max(length, 1) - 1;
        hits.push({ spec, labelStart: at[start + skip], labelEnd: at[start + length - 1] + 1 });
      }
      continue;
    }
    re.lastIndex = 0;
    for (let m = re.exec(c); m !== null; m = re.exec(c)) hits.push({ spec, labelStart: at[m.index + skip], labelEnd: at[m.index + m[0].length - 1] + 1 });
  }
  return hits.sort((a, b) => a.labelStart - b.labelStart);
}

/**
 * The run of cell characters right after a label (normalised offset `labelEnd`), or a reason it
 * is not one. `itemAt(position, digits)` gives the item number of a row label starting at
 * `position`, when the digits end in it ("00000002.其他法律…": the 2 is the next row's).
 */
export function runAfter(s: string, labelEnd: number, itemAt: (position: number, digits: string) => string | undefined): { from: number; text: string } | { skip: string } | null {
  let i = labelEnd;
  while (i < s.length && DROPPED.has(s[i])) i++;
  const startsCell = (k: number) => isDigit(s[k]) || (SIGNS.has(s[k]) && (isDigit(s[k + 1]) || (s[k + 1] === '-' && isDigit(s[k + 2]))));
  if (!startsCell(i)) return null;
  const from = i;
  let end = i;
  for (; i < s.length && i - from <= MAX_RUN_CHARS; i++) {
    const c = s[i];
    if (isDigit(c)) end = i + 1;
    else if (c === '.' && isDigit(s[i - 1])) end = i + 1;
    else if (SIGNS.has(c) && startsCell(i)) continue;
    else if (!isSpace(c)) break;
  }
  if (end - from > MAX_RUN_CHARS) return { skip: `a run of more than ${MAX_RUN_CHARS} characters follows the label; not read` };
  let text = s.slice(from, end);
  let after = end;
  while (isSpace(s[after])) after++;
  let numberingEnd: number | null = null;
  if (text.endsWith('.')) {
    text = text.slice(0, -1);
    numberingEnd = end;
  } else if (s[after] === '、') numberingEnd = after + 1;
  if (numberingEnd !== null) {
    let next = numberingEnd;
    while (isSpace(s[next])) next++;
    const item = itemAt(next, text.trimEnd());
    if (item === undefined || !text.trimEnd().endsWith(item)) {
      return { skip: `the digits end in an item number that cannot be told from the cells ("${text.slice(-8)}"); not read` };
    }
    text = text.trimEnd().slice(0, -item.length);
  } else if (SENTENCE_AFTER.has(s[after])) {
    return null;
  }
  text = text.trimEnd();
  if (!/\d/.test(text)) return null;
  return { from, text };
}

function rowRunAfter(s: string, hit: Hit, hitsByStart: Map<number, Hit>): { run: Run } | { skip: string } | null {
  const r = runAfter(s, hit.labelEnd, (position) => {
    const item = hitsByStart.get(position)?.spec.item;
    return item === undefined ? undefined : String(item);
  });
  if (r === null || 'skip' in r) return r;
  return { run: { hit, from: r.from, text: r.text } };
}

const rowKinds = (metrics: string[]): ColumnKind[] => metrics.map((m) => ({ signed: isChangeMetric(m), fractional: isMoneyMetric(m) }));
const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * The row's own arithmetic: a request row's 总计 is the sum of its six applicant columns, a
 * review group's 总计 of its four outcomes; null for rows without one (table 二).
 */
function rowArithmetic(metrics: string[]): ((values: number[]) => boolean) | null {
  if (metrics.length === 7 && metrics[6].endsWith('.total') && metrics[0].startsWith('r.')) {
    return (v) => cents(v[0] + v[1] + v[2] + v[3] + v[4] + v[5]) === v[6];
  }
  if (metrics.length % 5 === 0 && metrics.every((m) => /^(rv|lit)\./.test(m))) {
    return (v) => {
      for (let g = 0; g < v.length; g += 5) if (cents(v[g] + v[g + 1] + v[g + 2] + v[g + 3]) !== v[g + 4]) return false;
      return true;
    };
  }
  return null;
}

/**
 * What the columns of a table 二 row mean bounds its cells, though no sum ties them: the
 * documents in force at the year's end include this year's issued ones not repealed
 * (现行有效 ≥ 本年制发 − 本年废止); the published total includes this year's new
 * publications (对外公开总数量 ≥ 本年新公开数量); last year's items plus the change is no
 * negative count (上一年项目数量 + 本年增/减 ≥ 0). Every complete row of the corpora keeps
 * them (166 rows, none broken). null for rows without one.
 */
function rowBound(metrics: string[]): { holds: (values: number[]) => boolean; says: string } | null {
  const column = metrics.map((m) => m.slice(m.lastIndexOf('.') + 1)).join(' ');
  if (column === 'issued repealed in_force') return { holds: (v) => v[2] >= v[0] - v[1], says: 'in force ≥ issued − repealed' };
  if (column === 'new_made new_published total_published') return { holds: (v) => v[2] >= v[1], says: 'published total ≥ newly published' };
  if (column.startsWith('prev_items change')) return { holds: (v) => v[0] + v[1] >= 0, says: "last year's items + change ≥ 0" };
  return null;
}

/** A split chosen by a column bound: the splits it set aside break the bound, and one of them may be what the report printed. */
interface RowSplit extends SplitResult {
  bound?: { says: string; broken: RunCell[][] };
}

/**
 * How to split a run: as printed when its groups are its cells; by the row's arithmetic; or,
 * for a row without arithmetic, only when no cell is separated at all (with some cells spaced
 * and too few groups, a blank cell and two glued cells cannot be told apart), within the
 * bounds its columns' meaning sets.
 */
function splitRow(text: string, metrics: string[]): RowSplit {
  const groups = groupCount(text);
  const kinds = rowKinds(metrics);
  if (groups === metrics.length) return splitRun(text, kinds, () => true);
  const arithmetic = rowArithmetic(metrics);
  if (arithmetic) return splitRun(text, kinds, arithmetic);
  if (groups > 1) return { candidates: [], limit: `${groups} spaced groups for ${metrics.length} cells: a blank cell or glued cells` };
  const all = splitRun(text, kinds, () => true);
  const bound = rowBound(metrics);
  if (!bound || all.limit || all.candidates.length < 2) return all;
  // A bound only chooses between splits: a row the digits allow one way is read as printed,
  // and one no split of which keeps the bound (a report error) stays ambiguous, for the checks.
  const kept = all.candidates.filter((cells) => bound.holds(cells.map((c) => c.value)));
  if (kept.length === 0 || kept.length === all.candidates.length) return all;
  return { candidates: kept, limit: null, bound: { says: bound.says, broken: all.candidates.filter((c) => !kept.includes(c)) } };
}

// Group totals the 2021 table does not print (不予公开 …), computed from their parts when checking.
const GROUP_TOTALS = new Map(IDENTITIES.filter((i) => /^requests\.\w+_total\./.test(i.id)).map((i) => [i.whole[0], i.parts]));
const expand = (m: string): string[] => [m, ...(GROUP_TOTALS.get(m) ?? [])];
const TOUCHED = IDENTITIES.map((identity) => ({ identity, metrics: new Set([...identity.whole, ...identity.parts].flatMap(expand)) }));

type Lookup = (metric: string) => number | undefined;

function lookupWith(known: Map<string, number>, extra: Map<string, number>): Lookup {
  const get: Lookup = (m) => {
    const v = extra.get(m) ?? known.get(m);
    if (v !== undefined) return v;
    const parts = GROUP_TOTALS.get(m);
    if (!parts) return undefined;
    let sum = 0;
    for (const p of parts) {
      const pv = extra.get(p) ?? known.get(p);
      if (pv === undefined) return undefined;
      sum += pv;
    }
    return cents(sum);
  };
  return get;
}

/** true/false when every member is known, null otherwise. */
function holds(identity: Identity, get: Lookup): boolean | null {
  let whole = 0;
  let parts = 0;
  for (const m of identity.whole) {
    const v = get(m);
    if (v === undefined) return null;
    whole += v;
  }
  for (const m of identity.parts) {
    const v = get(m);
    if (v === undefined) return null;
    parts += v;
  }
  return cents(whole) === cents(parts);
}

interface Pending {
  run: Run;
  metrics: string[];
  candidates: RunCell[][];
  label: string;
  bound?: RowSplit['bound'];
}

const showSplit = (run: string, cells: RunCell[]) => cells.map((c) => run.slice(c.from, c.to)).join('|');

/** Narrows ambiguous rows with the table identities, given every row known so far. */
function narrowByIdentities(pending: Pending[], known: Map<string, number>): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const row of pending) {
      if (row.candidates.length < 2) continue;
      const touched = TOUCHED.filter((t) => row.metrics.some((m) => t.metrics.has(m)));
      const survivors = row.candidates.filter((cells) => {
        const extra = new Map(row.metrics.map((m, k) => [m, cells[k].value]));
        const get = lookupWith(known, extra);
        return touched.every((t) => holds(t.identity, get) !== false);
      });
      if (survivors.length === 0 || survivors.length === row.candidates.length) continue;
      row.candidates = survivors;
      changed = true;
      if (survivors.length === 1) row.metrics.forEach((m, k) => known.set(m, survivors[0][k].value));
    }
  }
}

function toValues(row: Pending, cells: RunCell[], norm: NormText, tenThousand: boolean): Value[] {
  const cut = groupCount(row.run.text) !== row.metrics.length;
  return row.metrics.map((metric, k) => {
    const cell = cells[k];
    const [from, to] = cut ? [cell.groupFrom, cell.groupTo] : [cell.from, cell.to];
    const { start, end } = sourceSpan(norm, row.run.from + from, row.run.from + to);
    const value = tenThousand && isMoneyMetric(metric) ? timesTenThousand(cell.value) : cell.value;
    const v: Value = { metric, value, approx: false, derived: false, start, end, source: 'table' };
    if (cut) v.split = true;
    return v;
  });
}

const REVIEW_IDS = ['rv', 'lit.direct', 'lit.after_rv'].flatMap((g) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `${g}.${c}`));
const REVIEW_HEADER = /复议后起诉(?:结果维持|结果纠正|其他结果|尚未审结|总计){2,10}/g;

export interface GluedResult {
  values: Value[];
  warnings: string[];
}

/**
 * Rows of the statutory tables printed inside running text, for the rows `known` (values
 * already read from the cell stream) lacks.
 */
export function extractGluedTables(norm: NormText, template: TableTemplate, already: readonly Value[]): GluedResult {
  const s = norm.s;
  const compact = compactView(s);
  const hits = findLabels(compact, ROW_PATTERNS);
  const hitsByStart = new Map(hits.map((h) => [h.labelStart, h]));
  const warnings: string[] = [];
  const runs: Run[] = [];
  const skipped: { hit: Hit; reason: string }[] = [];
  for (const hit of hits) {
    const r = rowRunAfter(s, hit, hitsByStart);
    if (r === null) continue;
    if ('run' in r) runs.push(r.run);
    else skipped.push({ hit, reason: r.skip });
  }
  // A label in running text is a table row only among other rows.
  const rowHits = [...runs.map((r) => r.hit), ...skipped.map((k) => k.hit)].sort((x, y) => x.labelStart - y.labelStart);
  const chained = new Set<Hit>();
  rowHits.forEach((h, k) => {
    const near = (j: number) => Math.abs(rowHits[j].labelStart - h.labelStart) <= CHAIN_WINDOW;
    for (let j = k - 1; j >= 0 && near(j); j--) if (rowHits[j].spec !== h.spec) return chained.add(h);
    for (let j = k + 1; j < rowHits.length && near(j); j++) if (rowHits[j].spec !== h.spec) return chained.add(h);
  });
  const inChain = (h: Hit) => chained.has(h);
  const tableRuns = runs.filter((r) => inChain(r.hit));

  const alreadyMetrics = new Set(already.map((v) => v.metric));
  const known = new Map(already.filter((v) => !v.derived).map((v) => [v.metric, v.value]));
  const done = new Set<RowSpec>();
  const pending: Pending[] = [];
  for (const run of tableRuns) {
    const spec = run.hit.spec;
    if (done.has(spec)) continue;
    const metrics = spec.columns(template);
    if (metrics.length === 0 || metrics.some((m) => alreadyMetrics.has(m))) continue;
    done.add(spec);
    const label = s.slice(run.hit.labelStart, run.hit.labelEnd).replace(/\s+/g, '').slice(0, 20);
    const result = splitRow(run.text, metrics);
    if (result.limit) warnings.push(`row "${label}": digits "${run.text.slice(0, 40)}" not split (${result.limit}); cells left absent`);
    else if (result.candidates.length === 0) warnings.push(`row "${label}": no split of "${run.text}" into ${metrics.length} cells fits the row; cells left absent`);
    else {
      pending.push({ run, metrics, candidates: result.candidates, label, bound: result.bound });
      if (result.candidates.length === 1) metrics.forEach((m, k) => known.set(m, result.candidates[0][k].value));
    }
  }
  for (const { hit, reason } of skipped) {
    if (inChain(hit) && !done.has(hit.spec)) warnings.push(`row "${s.slice(hit.labelStart, hit.labelEnd).slice(0, 20)}": ${reason}`);
  }
  pending.push(...reviewRuns(s, compact, alreadyMetrics, warnings));
  narrowByIdentities(pending, known);

  const values: Value[] = [];
  for (const row of pending) {
    if (row.candidates.length === 1) {
      const header = s.slice(Math.max(0, row.run.hit.labelStart - 60), row.run.hit.labelStart).replace(/\s+/g, '');
      const tenThousand = row.run.hit.spec.tenThousand?.(template, header) ?? false;
      values.push(...toValues(row, row.candidates[0], norm, tenThousand));
      if (row.bound) {
        // Taken because the other splits break the bound; if the report printed one of them, its
        // row broke the bound (a report error), and the value read here is not what it printed.
        const broken = row.bound.broken.map((c) => showSplit(row.run.text, c)).join('; ');
        warnings.push(`row "${row.label}": "${row.run.text}" read as ${showSplit(row.run.text, row.candidates[0])}, the one split that keeps ${row.bound.says}; ${broken} break it: if the report printed one of those, its row broke the bound`);
      }
    } else {
      // A cell cut at the same place with the same value in every split is proven all the same.
      const agreed = row.candidates[0].map((cell, k) => row.candidates.every((c) => c[k].from === cell.from && c[k].to === cell.to));
      const proven = toValues(row, row.candidates[0], norm, false).filter((_v, k) => agreed[k]);
      // marked in place, not spread: a spread's copy gets a hidden class of its own (see narrative's inferred value)
      for (const v of proven) v.split = true;
      values.push(...proven);
      const shown = row.candidates.slice(0, 6).map((c) => showSplit(row.run.text, c)).join('; ');
      const absent = row.metrics.length - proven.length;
      warnings.push(`row "${row.label}": "${row.run.text}" splits ${row.candidates.length} ways into ${row.metrics.length} cells (${shown}); ${absent} cell(s) left absent`);
    }
  }
  return { values, warnings };
}

/** The review/litigation table's 15 cells run together after its header. */
function reviewRuns(s: string, compact: Compact, alreadyMetrics: ReadonlySet<string>, warnings: string[]): Pending[] {
  if (REVIEW_IDS.some((m) => alreadyMetrics.has(m))) return [];
  REVIEW_HEADER.lastIndex = 0;
  const m = REVIEW_HEADER.exec(compact.c);
  if (!m) return [];
  const end = m.index + m[0].length;
  const hit: Hit = { spec: { label: /^$/, inline: '', columns: () => REVIEW_IDS }, labelStart: compact.at[m.index], labelEnd: compact.at[end - 1] + 1 };
  const r = rowRunAfter(s, hit, new Map());
  if (r === null) return [];
  if ('skip' in r) {
    warnings.push(`review/litigation table: ${r.skip}`);
    return [];
  }
  const result = splitRow(r.run.text, REVIEW_IDS);
  if (result.limit || result.candidates.length === 0) {
    warnings.push(`review/litigation table: "${r.run.text.slice(0, 40)}" ${result.limit ?? 'has no split into 15 cells that fits'}; cells left absent`);
    return [];
  }
  return [{ run: r.run, metrics: REVIEW_IDS, candidates: result.candidates, label: '复议后起诉' }];
}
