// Values from the statutory tables (国办公开办函〔2019〕60号 and 〔2021〕30号 formats), read
// from the cell stream: find a row label, then read the number cells that follow it.
import { APPLICANT_COLUMNS, type RequestRow } from '../../shared/metrics';
import { parseCellNumber, timesTenThousand } from '../normalise/numbers';
import { sourceSpan, type NormText } from '../normalise/text';
import type { Template, Value } from '../types';
import { compact, type Token } from './cells';
import { tolerantRowOf } from './tolerant-label';

export type TableTemplate = Exclude<Template, 'narrative'>;

export interface RowSpec {
  label: RegExp;
  /** Metric ids of the value columns, in printed order, per template. */
  columns: (template: TableTemplate) => string[];
  /** Cells printed in 万元: the 2021 fees row; a procurement amount whose header says 万元. */
  tenThousand?: (template: TableTemplate, header: string) => boolean;
  /** The label as printed inside running text (compacted, unanchored, without its item number). */
  inline: string;
  /** The form's item number printed before the label (1. 属于国家秘密); `itemRequired` when the label alone is too common a word. */
  item?: number;
  itemRequired?: boolean;
}

const fixed = (ids: string[]) => () => ids;
const proactiveItem = (item: string, in2021: string[]) => (t: TableTemplate) =>
  t === 'table2019' ? [`p.${item}.prev_items`, `p.${item}.change`, `p.${item}.decisions`] : in2021.map((c) => `p.${item}.${c}`);
const requestRow = (row: RequestRow) => fixed(APPLICANT_COLUMNS.map((col) => `r.${row}.${col}`));

const PROACTIVE_ROWS: RowSpec[] = [
  {
    label: /^规章$/,
    inline: '规章',
    columns: (t) => (t === 'table2019' ? ['new_made', 'new_published', 'total_published'] : ['issued', 'repealed', 'in_force']).map((c) => `p.rules.${c}`),
  },
  {
    label: /^(行政)?规范性(文件|档案)$/,
    inline: '(?:行政)?规范性(?:文件|档案)',
    columns: (t) => (t === 'table2019' ? ['new_made', 'new_published', 'total_published'] : ['issued', 'repealed', 'in_force']).map((c) => `p.normative.${c}`),
  },
  { label: /^行政许可$/, inline: '行政许可', columns: proactiveItem('license', ['decisions']) },
  { label: /^其他对外管理服务事项$/, inline: '其他对外管理服务事项', columns: proactiveItem('other_service', []) },
  { label: /^行政处罚$/, inline: '行政处罚', columns: proactiveItem('penalty', ['decisions']) },
  { label: /^行政强制$/, inline: '行政强制', columns: proactiveItem('coercion', ['decisions']) },
  {
    label: /^行政事业性收费$/,
    inline: '行政事业性收费',
    columns: (t) => (t === 'table2019' ? ['p.fees.prev_items', 'p.fees.change'] : ['p.fees.amount_yuan']),
    tenThousand: (t) => t === 'table2021',
  },
  {
    label: /^政府集中采购$/,
    inline: '政府集中采购',
    columns: fixed(['p.procurement.projects', 'p.procurement.amount_yuan']),
    tenThousand: (_t, header) => /采购总金额\(?万元/.test(header),
  },
];

/** An item's number: 1. 1、 1 or (1). */
const NUM = '(?:\\d{1,2}[.、．]?|\\(\\d{1,2}\\))?';
/** Rows numbered 1., 2., … under one heading (the heading printed before the first). */
const numbered = (heading: string, rows: RequestRow[], labels: string[]): RowSpec[] =>
  rows.map((row, k) => ({
    label: new RegExp(`^${k === 0 ? heading : ''}${NUM}${labels[k]}$`),
    inline: labels[k],
    item: k + 1,
    columns: requestRow(row),
  }));
const REQUEST_ROWS: RowSpec[] = [
  { label: /^(一、?)?本年新收.{0,12}申请数量$/, inline: '本年新收[^\\d]{0,12}?申请数量', columns: requestRow('new') },
  { label: /^(二、?)?上年结转.{0,12}申请数量$/, inline: '上年结转[^\\d]{0,12}?申请数量', columns: requestRow('carried_in') },
  { label: /^(三、本年度办理结果)?(\(一\))?予以公开$/, inline: '\\(一\\)予以公开', columns: requestRow('granted') },
  { label: /^(\(二\))?部分公开(\(区分处理的.*)?$/, inline: '\\(二\\)部分公开(?:\\(区分处理的[^()\\d]{0,24}\\))?', columns: requestRow('partial') },
  ...numbered('((\\(三\\))?不予公开)?', ['denied.state_secret', 'denied.law_prohibited', 'denied.security_stability', 'denied.third_party', 'denied.internal_affairs', 'denied.process_info', 'denied.enforcement_file', 'denied.admin_query'],
    ['属于国家秘密', '其他法律行政法规禁止公开', '危及三安全一稳定', '保护第三方合法权益', '属于三类内部事务信息', '属于四类过程性信息', '属于行政执法案卷', '属于行政查询事项']),
  ...numbered('((\\(四\\))?无法提供)?', ['unable.not_held', 'unable.need_creation', 'unable.unclear'], ['本机关不掌握相关政府信息', '没有现成信息需要另行制作', '补正后申请内容仍不明确']),
  ...numbered('((\\(五\\))?不予处理)?', ['rejected.petition', 'rejected.duplicate', 'rejected.publication', 'rejected.mass_repeat', 'rejected.confirm_reissue'],
    ['信访举报投诉类申请', '重复申请', '要求提供公开出版物', '无正当理由大量反复申请', '要求行政机关确认或重新出具已获取信息']),
  {
    label: new RegExp(`^((\\(六\\))?其他处理)?${NUM}申请人无正当理由逾期不补正.*$`),
    inline: '申请人无正当理由逾期不补正(?:[、,]?行政机关不再处理其政府信息公开申请)?',
    item: 1,
    columns: requestRow('other.no_correction'),
  },
  {
    label: new RegExp(`^${NUM}申请人逾期未按收费通知要求缴纳费用.*$`),
    inline: '申请人逾期未按收费通知要求缴纳费用(?:[、,]?行政机关不再处理其政府信息公开申请)?',
    item: 2,
    columns: requestRow('other.no_fee'),
  },
  { label: /^(?:\d{1,2}[.、．]|\(\d{1,2}\))其他$/, inline: '其他', item: 3, itemRequired: true, columns: requestRow('other.misc') },
  { label: /^(\(六\))?其他处理$/, inline: '\\(六\\)其他处理', columns: requestRow('other.total') },
  { label: /^\(七\)总计$/, inline: '\\(七\\)总计', columns: requestRow('handled') },
  { label: /^(四、?)?结转下年度继续办理$/, inline: '结转下年度继续办理', columns: requestRow('carried_out') },
];

export const ALL_ROWS: readonly RowSpec[] = [...PROACTIVE_ROWS, ...REQUEST_ROWS];

export interface TableResult {
  values: Value[];
  warnings: string[];
  /** Labels of statutory rows found (even without numbers). */
  rowsFound: number;
}

// Numbers after a label on one line: each cell starts after whitespace or at its own sign, so
// the digits can be matched only one way (a nested "(\d+\s*)+" backtracks exponentially).
const NUMBER_CELL = '(?:增|减|[+-]{1,2})?\\d[\\d,.]*';
const TRAILING_NUMBERS = new RegExp(`^(.*?[\\u4e00-\\u9fff)])\\s+(${NUMBER_CELL}(?:(?:\\s+|(?=[增减+-]))${NUMBER_CELL})*)\\s*$`);

const HAS_CJK = /[\u4e00-\u9fff]/;

/** A remark in brackets after a row label: 规章(县级无此项). */
const REMARK = /\([^()]{1,16}\)$/;

/** Labels seen before (every report prints the same rows): specOf is a function of the label alone. */
const SPEC_OF = new Map<string, RowSpec | null>();
const SPEC_CACHE_SIZE = 4096;

function specOf(label: string): RowSpec | null {
  let spec = SPEC_OF.get(label);
  if (spec === undefined) {
    if (SPEC_OF.size >= SPEC_CACHE_SIZE) SPEC_OF.clear();
    SPEC_OF.set(label, (spec = readSpec(label)));
  }
  return spec;
}

function readSpec(label: string): RowSpec | null {
  for (const spec of ALL_ROWS) if (spec.label.test(label)) return spec;
  const bare = label.replace(REMARK, '');
  if (bare !== label) for (const spec of ALL_ROWS) if (spec.label.test(bare)) return spec;
  const own = withoutGroupPieces(label);
  if (own !== null) for (const spec of ALL_ROWS) if (spec.label.test(own)) return spec;
  return tolerantRowOf(label, ALL_ROWS);
}

/** The form's headings that span several rows, printed in a column of their own left of the rows' labels. */
const GROUP_HEADINGS = ['三、本年度办理结果', '(三)不予公开', '(四)无法提供', '(五)不予处理', '(六)其他处理'];

/**
 * A row's label with the pieces of a spanning heading taken off. A heading wrapped in its narrow
 * column prints a line beside a row's label, and a text layer may join the two with no gap between
 * them (三、本(一)予以公开, a page break then carrying the heading's next line 年度办 to the end:
 * 三、本(一)予以公开年度办). Taken off only when what is before the label starts a heading and what
 * is after it continues the same heading, in order; null when no heading's piece is there.
 */
function withoutGroupPieces(label: string): string | null {
  for (const heading of GROUP_HEADINGS) {
    let before = 0;
    while (before < heading.length && label[before] === heading[before]) before++;
    if (before < 2) continue;
    let own = label.slice(before);
    // what follows the label, when it continues the heading where the first piece stopped
    for (let after = heading.length - before; after >= 2; after--) {
      const piece = heading.slice(before, before + after);
      if (own.endsWith(piece) && own.length > piece.length) {
        own = own.slice(0, -piece.length);
        break;
      }
    }
    if (own.length >= 2) return own;
  }
  return null;
}

function matchRow(text: string): { spec: RowSpec; rest: string | null } | null {
  const spec = specOf(compact(text));
  if (spec) return { spec, rest: null };
  const m = TRAILING_NUMBERS.exec(text);
  if (m) {
    const head = specOf(compact(m[1]));
    if (head) return { spec: head, rest: m[2] };
  }
  return null;
}

/** Characters of a label's first part broken onto the line before its row. */
const BROKEN_PART = 40;

/**
 * A row label broken across lines (一、本年新收政府 / 信息公开申请数量 | 0 | …): the last cell of
 * the one or two lines before, when it is text, joined in front of the row's first cell.
 */
function brokenRow(tokens: Token[], i: number): { spec: RowSpec; rest: string | null } | null {
  let text = tokens[i].text;
  for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
    const prev = tokens[k];
    if (prev.line !== tokens[k + 1].line - 1 || prev.text.length > BROKEN_PART || !HAS_CJK.test(prev.text)) return null;
    text = prev.text + text;
    const match = matchRow(text);
    if (match) return match;
    // a third part only when the middle one is a line of its own
    if (tokens[k - 1]?.line === prev.line) return null;
  }
  return null;
}

/**
 * A row label wrapped over lines with its figures beside its first line (2.申请人逾期 | 0 | … | 0 /
 * 未按收费通知 / 要求缴纳费 / 用、行政机关不再处理…): the lines after the figures, each one text cell
 * and no figure, joined to the label's first part. The joined label must be a row's whole label.
 */
function wrappedAfterFigures(tokens: Token[], i: number): { spec: RowSpec; rest: null } | null {
  const line = tokens[i].line;
  let k = i + 1;
  let figures = 0;
  for (; k < tokens.length && tokens[k].line === line; k++) {
    if (tokens[k].text === '') continue;
    if (cellValue(tokens[k]) === undefined) return null;
    figures++;
  }
  if (figures === 0) return null;
  let text = tokens[i].text;
  for (let parts = 0; parts < 3 && k < tokens.length; parts++) {
    const part = tokens[k];
    if (part.line !== tokens[k - 1].line + 1 || tokens[k + 1]?.line === part.line) return null;
    if (part.text.length > BROKEN_PART || !HAS_CJK.test(part.text) || /\d/.test(part.text)) return null;
    text += part.text;
    const spec = specOf(compact(text));
    if (spec) return { spec, rest: null };
    k++;
  }
  return null;
}

interface NumberCell {
  value: number;
  approx: boolean;
  /** The cell carried its own 万/万元 unit (already applied). */
  tenThousand?: boolean;
  from: number;
  to: number;
}

function makeValue(metric: string, cell: NumberCell, norm: NormText): Value {
  const { start, end } = sourceSpan(norm, cell.from, cell.to);
  return { metric, value: cell.value, approx: cell.approx, derived: false, start, end, source: 'table' };
}

/** A cell that holds a mark in place of a figure (/ — -): a cell of the row with no value, never 0. */
const PLACEHOLDER = /^(?:[/／\\×]|[-－—–─]{1,2})$/;
/** 无 in a count's cell: none, 0 as printed. */
const NONE = '无';

/** A number cell, `null` for a placeholder (a blank cell), `undefined` for text (the row ends). */
function cellValue(t: Token): NumberCell | null | undefined {
  const n = parseCellNumber(t.text);
  if (n) return { value: n.value, approx: n.approx, from: t.from + n.from, to: t.from + n.to, tenThousand: n.tenThousand };
  if (t.text === NONE) return { value: 0, approx: false, from: t.from, to: t.to };
  return PLACEHOLDER.test(t.text) ? null : undefined;
}

/** Parses the number cells that follow a row label, up to the next text cell. */
function readCells(tokens: Token[], index: number, max: number): { cells: (NumberCell | null)[]; blanksBefore: number; next: number } {
  const cells: (NumberCell | null)[] = [];
  let blanksBefore = 0;
  let i = index;
  const labelLine = tokens[index - 1]?.line;
  // A row printed on one line ("label | 1 | | 3"): blank cells are real cells.
  let sameLine = false;
  for (let k = index; k < tokens.length && tokens[k].line === labelLine && !sameLine; k++) if (tokens[k].text !== '') sameLine = true;
  let filled = 0;
  for (; i < tokens.length && filled < max; i++) {
    const t = tokens[i];
    if (sameLine && t.line !== labelLine) break;
    if (t.text === '') {
      if (sameLine) cells.push(null);
      else if (cells.length === 0) blanksBefore++;
      continue;
    }
    const cell = cellValue(t);
    if (cell === undefined) break;
    cells.push(cell);
    // a placeholder on a line of its own holds its cell's place; on a row's line it is as a blank
    if (cell !== null || !sameLine) filled++;
  }
  while (cells.length > max && cells[cells.length - 1] === null) cells.pop();
  return { cells, blanksBefore, next: i };
}

/** The (up to) eight cells before token `i`, compacted, joined by |. */
function headerBefore(tokens: Token[], i: number): string {
  const from = Math.max(0, i - 8);
  let out = '';
  for (let k = from; k < i; k++) out += (k > from ? '|' : '') + compact(tokens[k].text);
  return out;
}

/** The closing parts of a report (存在的主要问题及改进情况, 其他需要报告的事项) as a numbered part or a line's start. */
const CLOSING_PART = /(?:^|\n|[一二三四五六七八九十\d][、.．)）])[ \t|]*(?:存在的?(?:主要)?问题|其他需要报告)/;

/**
 * How a text ends: `cut` where a size cut it (the input stage knows: a file ending inside a
 * character, a text over the parser's limit); `whole` for an HTML page closed by </html> (its
 * writer wrote it to its end); `unknown` otherwise — a text file or an unclosed page, which a
 * capture may have cut at a size without a sign, and the text of a PDF or Word file too, since a
 * capture cut at a size is printed to PDF or Word as it is (the producer benches do so).
 */
export type TextEnding = 'cut' | 'whole' | 'unknown';

/**
 * Whether a text stops inside its table's last row. A text of unknown ending is taken as cut
 * only when its last line is not ended (no line break after it) and it lacks the report's closing
 * parts: a capture cut at a size often carries no other sign, but an HTML rendering or a text
 * file may end without a line break too, so a last line that is not ended alone proves nothing.
 * A closed page is never cut (decided stop 19). PDF and Word texts were tried as whole too: that
 * lost the cut row of every printed capture (bench:producers 9 values a form, bench:page-breaks 4
 * a variant) for a case no corpus shows — a complete report ending on a short table row with no
 * closing parts after it — so they keep the unknown rule. A tie and no value instead would lose
 * the captures' own cut rows (9 values in bench:accuracy).
 */
function textCutShort(tokens: Token[], lastFilled: number, norm: NormText, ending: TextEnding): boolean {
  if (lastFilled < 0 || ending === 'whole') return false;
  if (ending === 'cut') return true;
  return !norm.s.includes('\n', tokens[lastFilled].to) && !CLOSING_PART.test(norm.s);
}

export function extractTables(tokens: Token[], norm: NormText, template: TableTemplate, ending: TextEnding = 'unknown'): TableResult {
  const values: Value[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  let rowsFound = 0;
  let lastFilled = tokens.length - 1;
  while (lastFilled >= 0 && tokens[lastFilled].text === '') lastFilled--;
  // Only in a text cut short is a short last row read into its first columns; in a text that may
  // be whole it is a row as printed (a row printing only its total), never misfiled.
  const cutInLine = textCutShort(tokens, lastFilled, norm, ending);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    // every row label has Chinese characters; most cells are numbers
    if (token.text === '' || token.text.length > 80 || !HAS_CJK.test(token.text)) continue;
    const firstOnLine = i === 0 || tokens[i - 1].line !== token.line;
    const match = matchRow(token.text) ?? (firstOnLine ? (brokenRow(tokens, i) ?? wrappedAfterFigures(tokens, i)) : null);
    if (!match) continue;
    rowsFound++;
    const columns = match.spec.columns(template);
    if (columns.length === 0) continue;
    // the header before the row, read only for a row whose unit it may state
    const tenThousand = match.spec.tenThousand?.(template, headerBefore(tokens, i)) ?? false;
    let cells: (NumberCell | null)[];
    let blanksBefore = 0;
    let next = i + 1;
    if (match.rest !== null) {
      const restStart = token.to - match.rest.trimEnd().length;
      cells = [];
      const re = /(?:增|减|[+-]{1,2})?\d[\d,.]*/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(match.rest.trimEnd())) !== null) {
        const n = parseCellNumber(m[0]);
        if (n) cells.push({ value: n.value, approx: n.approx, from: restStart + m.index + n.from, to: restStart + m.index + n.to });
      }
      // the text ends inside the row: its cells so far, as the cell path reads them
      const cut = cutInLine && cells.length < columns.length && cells.length > 0 && i === lastFilled;
      if (cells.length !== columns.length && !cut) {
        // fewer numbers than cells: cells run together, which glued.ts splits (or says why not)
        if (cells.length > columns.length) {
          warnings.push(`row "${compact(token.text).slice(0, 20)}": ${cells.length} numbers after the label where ${columns.length} cells are expected; not read`);
        }
        continue;
      }
    } else {
      const read = readCells(tokens, i + 1, columns.length);
      cells = read.cells;
      blanksBefore = read.blanksBefore;
      next = read.next;
    }
    const label = compact(token.text).slice(0, 24);
    const numbers = cells.filter((c): c is NumberCell => c !== null);
    const endsText = next > lastFilled;
    const atEnd = cutInLine && endsText;
    let assigned: [string, NumberCell][] = [];
    if (cells.length === columns.length) {
      assigned = cells.flatMap((c, k) => (c ? [[columns[k], c] as [string, NumberCell]] : []));
      if (numbers.length < columns.length) warnings.push(`row "${label}": ${columns.length - numbers.length} blank cell(s) left absent`);
    } else if (numbers.length === 0) {
      if (!endsText) warnings.push(`row "${label}": no number cells`);
    } else if (atEnd && cells.every((c) => c !== null)) {
      // the figure the cut stops on may be cut short itself (12 of 123), unless it is 0
      const whole = numbers.filter((c) => c.to < norm.s.length || c.value === 0);
      assigned = whole.map((c, k) => [columns[k], c]);
      warnings.push(`row "${label}": the text ends after ${numbers.length} of ${columns.length} cells (truncated)${whole.length < numbers.length ? '; its last figure may be cut short, left absent' : ''}`);
    } else if (numbers.length === 1 && blanksBefore >= 2 && columns.length > 1) {
      assigned = [[columns[columns.length - 1], numbers[0]]];
      warnings.push(`row "${label}": only the last cell is filled; the blank cells are left absent`);
    } else {
      warnings.push(`row "${label}": ${numbers.length} number cell(s) where ${columns.length} are expected; row not read`);
    }
    for (const [metric, cell] of assigned) {
      if (seen.has(metric)) continue;
      seen.add(metric);
      const value = tenThousand && metric.endsWith('_yuan') && !cell.tenThousand ? { ...cell, value: timesTenThousand(cell.value) } : cell;
      values.push(makeValue(metric, value, norm));
    }
  }
  return { values, warnings, rowsFound };
}

/** The review table's header cells; a line of them printed as one cell (single spaces) reads the same. */
const REVIEW_HEADER = /^(?:行政复议|行政诉讼|未经复议直接起诉|直接起诉|复议后起诉|结果维持|结果纠正|其他结果|尚未审结|总计)+$/;
const OUTCOME_WORD = /结果维持|结果纠正|其他结果|尚未审结|总计/g;
const REVIEW_HEADER_WORDS = ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
/** Part of a header word wrapped in its narrow cell (结果 / 维持, 尚未 / 审结 on lines of their own, or one
 * character a line: 结 / 果 / 纠 / 正 and 总 / 计 in a column as narrow as a character). */
const isHeaderPiece = (words: string) => REVIEW_HEADER_WORDS.some((w) => w.includes(words));
/** The three groups of five figures, each with the label of its row in a table laid out in rows. */
const REVIEW_GROUPS: [RegExp, string][] = [
  [/行政复议$/, 'rv'],
  [/(?:未经复议)?直接起诉$/, 'lit.direct'],
  [/复议后起诉$/, 'lit.after_rv'],
];
const REVIEW_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'];
/** Lines holding text read from the table's first header cell (a table one cell per line: 2 + 15 + 15). */
const REVIEW_LINES = 40;

/**
 * The review/litigation table: 15 figures (行政复议 5, 直接起诉 5, 复议后起诉 5). Laid out as the form
 * (groups as columns) they follow the header in order, on one row or several (blank cells past the
 * outcome headers printed above a row are no cells); laid out in rows, each group's label opens its row of 5.
 */
export function extractReviewTable(tokens: Token[], norm: NormText): Value[] {
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i].text.includes('复') && !tokens[i].text.includes('诉')) continue;
    const head = compact(tokens[i].text);
    if (!REVIEW_HEADER.test(head) || !/行政复议|起诉/.test(head)) continue;
    const values = readReview(tokens, i, norm);
    if (values.length > 0) return values;
  }
  return [];
}

/** Outcome header words on the line just before the token's (the header row of a table laid out in rows). */
function outcomesAbove(tokens: Token[], at: number): number {
  const line = tokens[at].line;
  let n = 0;
  for (let j = at - 1; j >= 0 && tokens[j].line >= line - 1; j--) {
    const words = compact(tokens[j].text);
    if (tokens[j].line === line - 1 && REVIEW_HEADER.test(words)) n += words.match(OUTCOME_WORD)?.length ?? 0;
  }
  return n;
}

function readReview(tokens: Token[], from: number, norm: NormText): Value[] {
  const column: (NumberCell | null)[] = [];
  const rows = new Map<string, (NumberCell | null)[]>();
  let pending = 0;
  // the outcome headers printed above the figures (a table in rows prints them above its first label)
  let outcomesSeen = outcomesAbove(tokens, from);
  let k = from;
  for (let lines = 0; k < tokens.length && lines < REVIEW_LINES && column.length < 15 && rows.size < 3; ) {
    const line = tokens[k].line;
    let end = k;
    while (end < tokens.length && tokens[end].line === line) end++;
    for (let j = k; j < end; j++)
      if (tokens[j].text !== '') {
        lines++;
        break;
      }
    const cells: (NumberCell | null)[] = [];
    let label: string | null = null;
    let outcomes = 0;
    let text = false;
    for (let j = k; j < end; j++) {
      const t = tokens[j];
      if (t.text === '') {
        if (t.piped) cells.push(null);
        continue;
      }
      const cell = cellValue(t);
      if (cell !== undefined) {
        cells.push(cell);
        continue;
      }
      const words = compact(t.text);
      if (!REVIEW_HEADER.test(words)) {
        if (isHeaderPiece(words)) continue;
        text = true;
        break;
      }
      // a label before the line's figures opens a row of its group
      if (!cells.some((c) => c !== null)) {
        cells.length = 0;
        label = REVIEW_GROUPS.find(([re]) => re.test(words))?.[1] ?? label;
      }
      outcomes += words.match(OUTCOME_WORD)?.length ?? 0;
    }
    outcomesSeen += outcomes;
    k = end;
    const filled = cells.some((c) => c !== null);
    if (filled && label !== null && outcomes === 0) {
      // a group's row: its five outcome cells under the outcome headers, or it is not this table's row
      while (cells.length > 5 && cells[cells.length - 1] === null) cells.pop();
      if (outcomesSeen > 0 && cells.length === 5 && !rows.has(label)) rows.set(label, cells);
    } else if (filled && rows.size === 0 && outcomesSeen > 0) {
      // blank cells past the outcome headers above are the row's trailing separators, not cells
      while (cells.length > pending && cells[cells.length - 1] === null) cells.pop();
      column.push(...cells.slice(0, 15 - column.length));
      pending = 0;
    } else if (!filled) pending += outcomes;
    if (text) break;
  }
  const out: Value[] = [];
  const put = (group: string, cells: (NumberCell | null)[]) =>
    cells.forEach((cell, c) => {
      if (cell) out.push(makeValue(`${group}.${REVIEW_COLUMNS[c]}`, cell, norm));
    });
  if (rows.size > 0) for (const [group, cells] of rows) put(group, cells);
  else REVIEW_GROUPS.forEach(([, group], g) => put(group, column.slice(g * 5, g * 5 + 5)));
  return out;
}

const MARKERS_2021 = /本年制发件数|本年废止件数|现行有效件|本年处理决定数量|本年收费金额|申请人无正当理由逾期不补正|逾期未按收费通知要求缴纳费用/;
const MARKERS_2019 = /本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增\/减|采购项目数量|政府集中采购|其他对外管理服务事项/;
const ANY_TABLE = /本年新收政府信息公开申请数量|上年结转政府信息公开申请数量|第二十条第\(一\)项|信息内容|结果维持|尚未审结/;

/** Where the second distinct marker of a template's vocabulary is printed (-1: fewer than two). */
function secondMarker(compactText: string, markers: RegExp): number {
  const re = new RegExp(markers.source, 'g');
  const seen = new Set<string>();
  let m: RegExpExecArray | null;
  while ((m = re.exec(compactText)) !== null) {
    seen.add(m[0]);
    if (seen.size === 2) return m.index;
  }
  return -1;
}

/**
 * Template from what the text prints; null when it holds no statutory table. A version needs two
 * of its own header words: one alone (政府集中采购) is as likely a phrase of a sentence.
 */
export function detectPrintedTemplate(compactText: string): TableTemplate | 'table' | null {
  const at2021 = secondMarker(compactText, MARKERS_2021);
  const at2019 = secondMarker(compactText, MARKERS_2019);
  if (at2021 >= 0 && at2019 < 0) return 'table2021';
  if (at2019 >= 0 && at2021 < 0) return 'table2019';
  if (at2019 >= 0 && at2021 >= 0) {
    // both vocabularies: the first one printed wins (headers come first)
    return compactText.search(MARKERS_2021) < compactText.search(MARKERS_2019) ? 'table2021' : 'table2019';
  }
  return ANY_TABLE.test(compactText) ? 'table' : null;
}

const TABLE_MARKERS: [string, RegExp, RegExp][] = [
  ['proactive-disclosure table (第二十条)', /第二十条第\(一\)项|本年新制作数量|本年制发件数/, /^p\./],
  ['request table (申请人情况)', /本年新收.{0,12}申请数量/, /^r\./],
  ['review/litigation table (行政复议 · 行政诉讼)', /复议后起诉|其他结果尚未审结总计/, /^(rv|lit)\./],
];

/** A statutory table whose headers are printed but from which no cell was read: say so. */
export function unreadTables(compactText: string, values: readonly Value[]): string[] {
  const read = values.filter((v) => v.source === 'table' && !v.derived);
  return TABLE_MARKERS.flatMap(([name, header, metric]) =>
    header.test(compactText) && !read.some((v) => metric.test(v.metric)) ? [`the ${name} is printed but no cell of it was read`] : [],
  );
}
