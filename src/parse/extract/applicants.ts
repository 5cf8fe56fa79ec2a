// Requests by kind of applicant stated in a sentence, the narrative counterpart of the table's
// columns: "共收到政府信息公开申请1586宗,其中来自公民申请1482宗,商业企业申请71宗…;2019年结转…73宗,
// 其中来自公民申请62宗…". A list is read after the new requests or the carried-in ones it follows;
// a kind that spans several columns (法人, 法人或其他组织) is never one column's figure.
import { parseChineseNumeral } from '../normalise/numbers';
import { sourceSpan, type NormText } from '../normalise/text';
import type { Value } from '../types';

/** One applicant kind: the words naming it and its column. */
interface Kind {
  column: 'natural' | 'commercial' | 'research' | 'social' | 'legal' | 'other';
  words: string;
}

const KINDS: Kind[] = [
  { column: 'natural', words: '自然人|公民' },
  { column: 'commercial', words: '商业企业|企业' },
  { column: 'research', words: '科研机构' },
  { column: 'social', words: '社会公益组织' },
  { column: 'legal', words: '法律服务机构' },
  // the 其他 column only where the list names the other kinds of organisation (below)
  { column: 'other', words: '其他组织' },
];

const NUM = '(?<num>\\d{1,7}|[〇零一二两三四五六七八九十百千]{1,6})';
const UNIT = '(?:件|宗|个|条|份)';
/** 来自公民申请1482宗, 自然人申请件12件, 自然人申请办件量0件, 企业申请2件. Not 法人或其他组织 (several columns). */
const ITEM = new RegExp(`(?<![人或和及与])(?:来自)?(?<kind>${KINDS.map((k) => k.words).join('|')})(?:提出|的)?(?:申请)?(?:件数|办件量|件|数)?(?:为|共)?${NUM}${UNIT}`, 'g');
const KIND_WHOLE = KINDS.map((k) => ({ column: k.column, re: new RegExp(`^(?:${k.words})$`) }));
const columnOf = (kind: string): Kind['column'] => KIND_WHOLE.find((k) => k.re.test(kind))!.column;
/** The opening of a statement of the year's new requests, and of the carried-in ones. */
const NEW = /(?:受理|收到|接到|接收|新收|办理)[^;；。\n]{0,24}?(?:申请|依申请公开)/;
const CARRIED_IN = /(?:上年|上一年|上年度|上一年度|\d{4}年度?)结转/;
/** 124宗(含2021年度结转5宗): a count that includes the carried-in requests. */
const INCLUDES_CARRIED_IN = new RegExp(`含[^,，;；。]{0,6}${CARRIED_IN.source}`);
/** Where the carried-in requests begin inside a part. */
const CARRIED_IN_CUT = new RegExp(`[,，](?=[^,，]{0,6}${CARRIED_IN.source})`);
/** 申请人均为自然人, 均为公民个人申请, 全部由公民提出: every new request is a natural person's. */
const ALL_NATURAL = /申请人(?:均|全部|都|全)(?:为|是|系)(?:自然人|公民)|(?:均|全部|都)(?:为|是|系)(?:自然人|公民(?:个人)?)(?:提出的)?申请|全部由(?:自然人|公民(?:个人)?)提出/;

/** Every word an ITEM match holds (企业 inside 商业企业): a sentence without one has no item. */
const KIND_WORD = /自然人|公民|企业|科研机构|社会公益组织|法律服务机构|其他组织/g;

/** The sentences (runs of text between full stops and line ends) that name a kind, in order, each once. */
function* sentencesNaming(s: string): Generator<{ 0: string; index: number }> {
  let end = -1;
  KIND_WORD.lastIndex = 0;
  for (let m = KIND_WORD.exec(s); m; m = KIND_WORD.exec(s)) {
    if (m.index < end) continue;
    let start = m.index;
    while (start > 0 && s[start - 1] !== '。' && s[start - 1] !== '\n') start--;
    end = m.index;
    while (end < s.length && s[end] !== '。' && s[end] !== '\n') end++;
    const after = end;
    yield { 0: s.slice(start, end), index: start };
    KIND_WORD.lastIndex = after;
  }
}

export function extractApplicants(norm: NormText, known: ReadonlySet<string>, values: readonly Value[]): Value[] {
  const s = norm.s;
  const found = new Map<string, Value>();
  const add = (metric: string, value: number, at: number, length: number) => {
    if (known.has(metric) || found.has(metric)) return;
    const { start, end } = sourceSpan(norm, at, at + length);
    found.set(metric, { metric, value, approx: false, derived: false, start, end, source: 'narrative' });
  };
  // a sentence (to its full stop), each of its parts (to a semicolon) cut where the carried-in requests begin (…,其中自然人申请件12件,…,上年度结转…0件)
  for (const sentence of sentencesNaming(s)) {
    // the kinds the sentence names (its lists of new and carried-in requests alike)
    const named = new Set([...sentence[0].matchAll(ITEM)].map((m) => columnOf(m.groups!.kind)));
    if (named.size === 0) continue;
    for (const piece of sentence[0].matchAll(/[^;；]+/g)) {
      const text = piece[0];
      // a count that includes the carried-in requests (124宗(含2021年度结转5宗)) is no row's: its list neither
      if (INCLUDES_CARRIED_IN.test(text)) continue;
      const cut = text.search(CARRIED_IN_CUT);
      const parts = cut > 0 ? [text.slice(0, cut), text.slice(cut)] : [text];
      let offset = sentence.index + piece.index;
      for (const part of parts) {
        const row = CARRIED_IN.test(part) ? 'carried_in' : NEW.test(part) ? 'new' : null;
        const at = offset;
        offset += part.length;
        if (!row) continue;
        // the list after 其中 (包括, 涉及), or else after the statement it breaks down
        const list = /其中|包括|涉及/.exec(part) ?? (row === 'new' ? NEW.exec(part) : CARRIED_IN.exec(part));
        if (!list) continue;
        const listAt = list.index;
        const items = [...part.slice(listAt).matchAll(ITEM)];
        for (const m of items) {
          const column = columnOf(m.groups!.kind);
          if (column === 'other' && !(named.has('social') || named.has('legal'))) continue;
          const raw = m.groups!.num;
          const value = /\d/.test(raw) ? Number(raw) : parseChineseNumeral(raw);
          if (value === null) continue;
          const numAt = at + listAt + m.index + m[0].lastIndexOf(raw);
          add(`r.${row}.${column}`, value, numAt, raw.length);
        }
      }
    }
  }
  // 共受理依申请公开7宗,…申请人均为自然人: the printed total in a second role, as the text says of all of them (inferred, never printed)
  const total = values.find((v) => v.metric === 'r.new.total' && v.source === 'narrative');
  if (total && !known.has('r.new.natural') && !found.has('r.new.natural') && ALL_NATURAL.test(s)) {
    found.set('r.new.natural', { metric: 'r.new.natural', value: total.value, approx: total.approx, derived: false, start: total.start, end: total.end, source: 'narrative', inferred: true });
  }
  return [...found.values()];
}
