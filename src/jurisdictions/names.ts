// Name forms: how division names are written in issuers. Pure string functions. The words of
// names (place and zone suffixes) are the parser's (src/parse/extract/body-words.ts): one grammar.
import {
  alternation, AUTONOMOUS_SHORT, AUTONOMOUS_SUFFIXES, ETHNONYMS, GENERIC_ZONE, STEM_SUFFIXES, STREET_OFFICE_WORDS, TOWN_SUFFIXES, ZONE_ABBREVIATIONS, ZONE_WORDS,
} from '../parse/extract/body-words';
import { normalisedString } from '../parse/normalise/text';
import type { DivisionRow } from './types';

/**
 * The matching form of a text: the project's one-to-one normaliser (full-width → ASCII,
 * traditional → simplified, pinyin glosses of mirror sites dropped), then no whitespace and
 * ASCII parentheses. Gazetteer names go through the same function, so 乾安县 (乾 → 干) still matches.
 */
export function matchForm(text: string): string {
  return normalisedString(text).replace(/\s+/g, '').replace(/[“”"'‘’《》]/g, '');
}

/** Parenthesised parts split off: 广州市人民政府(正文称我市) → main 广州市人民政府, notes [正文称我市]. */
export function splitNotes(form: string): { main: string; notes: string[] } {
  const notes: string[] = [];
  let main = '';
  let depth = 0;
  let note = '';
  for (const ch of form) {
    if (ch === '(' || ch === '【' || ch === '[') {
      if (depth++ > 0) note += ch;
    } else if ((ch === ')' || ch === '】' || ch === ']') && depth > 0) {
      if (--depth === 0) {
        if (note) notes.push(note);
        note = '';
      } else note += ch;
    } else if (depth > 0) note += ch;
    else main += ch;
  }
  if (note) notes.push(note);
  return { main, notes };
}

const ETHNONYM_END = new RegExp(`(?:${ETHNONYMS.join('|')})族?$`);

/** 石柱土家族自治县 → 石柱; 湘西土家族苗族自治州 → 湘西; 鄂伦春自治旗 → 鄂伦春 (a stem keeps ≥ 2 characters). */
export function stripEthnonyms(stem: string): string {
  let s = stem;
  for (;;) {
    const m = ETHNONYM_END.exec(s);
    if (!m) return s;
    // The regex takes the longest ethnonym at the end; 族 stays optional (伊犁哈萨克自治州).
    if (s.length - m[0].length < 2) return s;
    s = s.slice(0, -m[0].length);
  }
}

/** A town's name: its stem and suffix (地区 for the few town-level 地区). */
const TOWN_NAME = new RegExp(`^(.+?)(${alternation(TOWN_SUFFIXES)}|地区)$`);
/** An autonomous area's name: its stem (with the ethnonyms) and suffix. */
const AUTONOMOUS_NAME = new RegExp(`^(.+?)(${alternation(AUTONOMOUS_SUFFIXES)})$`);

/** full: the name or an established variant; short: the stem (番禺 for 番禺区); child: only right after an ancestor. */
export type Strength = 'full' | 'short' | 'child';
export interface Alias {
  key: string;
  strength: Strength;
}

/** The keys under which a row can be found; `ancestorNames` (province first) are stripped from zone names. */
export function aliasesOf(row: DivisionRow, ancestorNames: string[]): Alias[] {
  const out = new Map<string, Strength>();
  const add = (key: string, strength: Strength) => {
    if (key.length < 2) return;
    const had = out.get(key);
    if (!had || rank(strength) < rank(had)) out.set(key, strength);
  };
  const name = matchForm(row.name);
  const { main } = splitNotes(name);
  add(name, 'full');
  add(main, 'full');
  if (row.kind === 'functional-zone') {
    // 石家庄高新技术产业开发区 is also 高新技术产业开发区 right after 石家庄市; 中国(上海)自由贸易试验区 → 上海自由贸易试验区.
    add(name.replace(/^中国\((.+?)\)/, '$1'), 'full');
    // The usual abbreviations: 成都高新技术产业开发区 → 成都高新区; 经济技术开发区 → 经开区.
    for (const [long, short] of ZONE_ABBREVIATIONS) if (main.includes(long)) add(main.replace(long, short), 'full');
    let rest = main.replace(/^中国/, '');
    for (const anc of ancestorNames) {
      const a = matchForm(anc);
      for (const form of [a, shortStem(a)]) {
        if (form.length >= 2 && rest.startsWith(form) && rest.length - form.length >= 2) {
          rest = rest.slice(form.length);
          add(rest, 'child');
          break;
        }
      }
    }
    return [...out].map(([key, strength]) => ({ key, strength }));
  }
  if (row.level === 'town') {
    const m = TOWN_NAME.exec(main);
    if (m) {
      const [, stem, suffix] = m;
      if (suffix === '街道') {
        for (const office of STREET_OFFICE_WORDS) add(stem + '街道' + office, 'full');
        add(stem + '街', 'full');
      }
      if (suffix === '乡' || suffix === '镇') {
        // 民族乡: as written, and XX回族乡 also as XX乡 (only with 族: 三道水乡 is not 三道 + 水).
        if (/族$/.test(stem)) {
          const s = stripEthnonyms(stem.replace(/民族$/, ''));
          if (s !== stem) add(s + suffix, 'short'); // a full 城关镇 elsewhere comes first
        }
      }
    }
    return [...out].map(([key, strength]) => ({ key, strength }));
  }
  // Province, city, county.
  const auto = AUTONOMOUS_NAME.exec(main);
  if (auto) {
    const stem = stripEthnonyms(auto[1]);
    add(stem, 'short');
    const generic = AUTONOMOUS_SHORT[auto[2]] ?? '';
    if (generic && stem !== auto[1]) add(stem + generic, 'full'); // 恩施州, 石柱县
  } else {
    add(shortStem(main), 'short');
  }
  return [...out].map(([key, strength]) => ({ key, strength }));
}

function rank(s: Strength): number {
  return s === 'full' ? 0 : s === 'short' ? 1 : 2;
}

/** 番禺区 → 番禺; 广东省 → 广东; 道县 → 道县 (no one-character stems). */
export function shortStem(name: string): string {
  for (const suffix of STEM_SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) {
      const stem = name.slice(0, -suffix.length);
      return suffix === '自治区' ? stripEthnonyms(stem) : stem;
    }
  }
  return name;
}

export { GENERIC_ZONE, ZONE_WORDS };
