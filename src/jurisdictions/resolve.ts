// Issuer text + context → division code, chain, department part, confidence and flags.
// Pure and isomorphic. The rules, in order:
//
// 1. Normalise (traditional → simplified, full-width → ASCII), split off notes in parentheses,
//    strip a central vertical agency's prefix (国家税务总局广州市税务局 → 广州市税务局, flagged).
// 2. Parse the longest chain of names down the hierarchy from the start (辽宁省营口市站前区 →
//    210802): at each step the longest key (a name, a variant such as 大石街 / 恩施州, or a stem
//    such as 番禺) that is a descendant of the previous step; 人民政府/政府 between two steps is
//    skipped (番禺区人民政府沙湾街道办事处 → the street).
// 3. What follows is the department part, except 人民政府/政府 (the government itself), its
//    办公室/办公厅 (the government itself, flagged government-office), 办事处 (a street), and a
//    second name of the same body (…人民政府广州开发区管委会, flagged joint-name). A branch of a
//    department in a subordinate unit (公安局增城区分局) belongs to that unit.
// 4. Narrow the candidates: by the report's year (units valid in it), by names in the context
//    (notes, title, first lines: an ancestor of one candidate only), by preferring a full name
//    to a stem, and a unit to its own subordinate of the same stem (吉林 → the province). What
//    is left ambiguous stays ambiguous: code null and the candidates listed, never a guess.
// The overrides file (issuer → code) is applied first.
import {
  alternation, BRANCH_WORDS, COUNTY_SUFFIXES, GOVERNMENT_WORDS, governmentWordOff, JOINT_NAME_WORDS, LEVEL_ONLY, levelOfBody, levelsOfLevelWord, readRest, STREET_OFFICE_WORDS,
  TOWN_SUFFIXES, TOWN_WORD, VERTICAL_DEPARTMENT, VERTICAL_PREFIXES, ZONE_BODY_WORDS,
} from '../parse/extract/body-words';
import { Gazetteer, overrideKey, type IndexEntry } from './gazetteer';
import { GENERIC_ZONE, matchForm, splitNotes, ZONE_WORDS, type Strength } from './names';
import type { Candidate, ChainLink, ResolvedIssuer, ResolveFlag, ResolveInput } from './types';

// The words of names (places, organ words, branches, vertical agencies) are the parser's
// (src/parse/extract/body-words.ts): the patterns below are only built from them.
/** After a unit inside a department's name: the department's branch there (公安局增城区分局). */
const BRANCH = new RegExp(`^(?:${alternation(BRANCH_WORDS)})`);
/** A second name of the same body after its government: …人民政府广州开发区管委会. */
const JOINT = new RegExp(`(?:${alternation(JOINT_NAME_WORDS)})$`);
/** A town or street the gazetteer does not list, right under a resolved unit. */
const UNLISTED_TOWN = new RegExp(`^(\\S{2,8}?)(${alternation(TOWN_SUFFIXES)})(${alternation([...STREET_OFFICE_WORDS, ...GOVERNMENT_WORDS])})?$`);
/** Likewise a county-level unit, but only with its government named (南沙区人民政府): 区 alone ends many bodies' names. */
const UNLISTED_COUNTY = new RegExp(`^(\\S{1,8}?(?:${alternation(COUNTY_SUFFIXES)}))(?:${alternation(GOVERNMENT_WORDS)})$`);
/** A functional zone's own body. */
const ZONE_BODY = new RegExp(`^(?:${alternation(ZONE_BODY_WORDS)})$`);

interface Parse {
  rows: number[];
  /** Per candidate row: the strongest key that found it. */
  strength: Map<number, Strength>;
  links: number;
  shortLast: boolean;
  department: string | null;
  flags: Set<ResolveFlag>;
  /** An unlisted unit's name and level (flag `unlisted`). */
  unlisted?: { name: string; level: 'county' | 'town' };
}

interface Anchor {
  rows: number[];
  weight: number;
}

const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];

/**
 * The longest key at `pos` (a descendant of `parents` when given). With a year, a key whose
 * units are all out of that year gives way to a shorter one that fits it (黑河市逊克县克林镇: not
 * the old row named 逊克县克林镇), and is kept only when no shorter full name does.
 */
function matchAt(gz: Gazetteer, text: string, pos: number, parents: Set<string> | null, year: number | null): { len: number; entries: IndexEntry[] } | null {
  if (pos >= text.length) return null;
  let fallback: { len: number; entries: IndexEntry[] } | null = null;
  for (let len = gz.keyLengths.at(text, pos); len >= 2; len--) {
    const list = gz.index.get(text.substr(pos, len));
    if (!list) continue;
    const ok = parents
      ? list.filter((e) => gz.ancestors[e.row].some((a) => parents.has(a)))
      : list.filter((e) => e.strength !== 'child');
    if (!ok.length) continue;
    if (fallback && !ok.some((e) => e.strength === 'full')) continue; // not 伊春 (市) for an old 伊春区
    if (year == null || ok.some((e) => gz.validIn(e.row, year, 1))) return { len, entries: ok };
    fallback ??= { len, entries: ok };
  }
  return fallback;
}

/** Steps 2 and 3 on one text; null when no division name starts it. */
function parseText(gz: Gazetteer, text: string, year: number | null): Parse | null {
  let pos = 0;
  let parents: Set<string> | null = null;
  let last: { len: number; entries: IndexEntry[]; start: number } | null = null;
  let links = 0;
  while (pos < text.length) {
    let m = matchAt(gz, text, pos, parents, year);
    let skip = 0;
    if (!m && last) {
      for (const w of GOVERNMENT_WORDS) {
        if (text.startsWith(w, pos)) {
          m = matchAt(gz, text, pos + w.length, parents, year);
          if (m) skip = w.length;
          break;
        }
      }
    }
    if (!m) break;
    last = { ...m, start: pos + skip };
    links++;
    parents = new Set(m.entries.map((e) => gz.rows[e.row].code));
    pos += skip + m.len;
  }
  if (!last) return null;
  const strength = new Map<number, Strength>();
  for (const e of last.entries) {
    const had = strength.get(e.row);
    if (!had || e.strength === 'full') strength.set(e.row, e.strength);
  }
  let rows = uniq(last.entries.map((e) => e.row));
  const shortLast = last.entries.every((e) => e.strength === 'short');
  const flags = new Set<ResolveFlag>();
  const { government: gov, after: rest } = governmentWordOff(text.slice(pos));
  const kind = readRest(text.slice(pos))?.kind;
  let department: string | null = null;
  const unlistedTown = UNLISTED_TOWN.exec(rest);
  const unlistedCounty = UNLISTED_COUNTY.exec(gov ? '' : rest);
  if (kind === 'government') department = null;
  else if (unlistedTown && rows.every((r) => gz.rows[r].level !== 'town')) {
    // 无锡市锡山区人民政府厚桥街道 (set up in 2023, after the latest snapshot).
    flags.add('unlisted');
    return { rows, strength, links, shortLast, department: null, flags, unlisted: { name: unlistedTown[1] + unlistedTown[2], level: 'town' } };
  } else if (unlistedCounty && !ZONE_WORDS.test(unlistedCounty[1]) && rows.every((r) => gz.rows[r].level === 'province' || gz.rows[r].level === 'city')) {
    // 海南省三沙市南沙区人民政府 (南沙区 set up in 2020; the snapshots still list 南沙群岛).
    flags.add('unlisted');
    return { rows, strength, links, shortLast, department: null, flags, unlisted: { name: unlistedCounty[1], level: 'county' } };
  } else if (ZONE_BODY.test(rest) && rows.every((r) => gz.rows[r].kind === 'functional-zone')) {
    // 石家庄高新技术产业开发区管理委员会: the zone's own body.
    flags.add('functional-zone');
  }
  else if (kind === 'office' || kind === 'internal-office') flags.add('government-office');
  else if (kind === 'street-office') department = null;
  else if (gov && JOINT.test(rest) && ZONE_WORDS.test(rest)) {
    flags.add('joint-name');
    flags.add('functional-zone');
  } else {
    // 番禺经济技术开发区管委会: matched by its stem, the body keeps its whole name.
    department = (shortLast && !gov ? text.slice(last.start, pos) : '') + rest;
    // A department's branch in a subordinate unit: 广州市公安局增城区分局 → 增城区.
    const under = new Set(rows.map((r) => gz.rows[r].code));
    for (let i = 0; i < rest.length - 1; i++) {
      const b = matchAt(gz, rest, i, under, year);
      if (b && b.entries.some((e) => e.strength === 'full') && BRANCH.test(rest.slice(i + b.len))) {
        const full = b.entries.filter((e) => e.strength === 'full');
        rows = uniq(full.map((e) => e.row));
        strength.clear();
        for (const e of full) strength.set(e.row, 'full');
        links++;
        break;
      }
    }
  }
  if (department !== null) {
    if (ZONE_WORDS.test(department)) flags.add('functional-zone');
    if (VERTICAL_DEPARTMENT.test(department)) flags.add('vertical-agency');
  }
  return { rows, strength, links, shortLast, department, flags };
}

/** Names of provinces, cities and counties in running text, longest first, left to right. */
function anchorsIn(gz: Gazetteer, text: string | undefined, weight: number, year: number | null): Anchor[] {
  if (!text) return [];
  const s = matchForm(text);
  const out: Anchor[] = [];
  for (let pos = 0; pos < s.length; ) {
    // most places open no name: passed over without building any substring
    let len = gz.contextKeyLengths.at(s, pos);
    if (len === 0) {
      pos++;
      continue;
    }
    let hit: IndexEntry[] | null = null;
    for (; len >= 2; len--) {
      const list = gz.contextIndex.get(s.substr(pos, len));
      if (list) {
        hit = list;
        break;
      }
    }
    if (!hit) {
      pos++;
      continue;
    }
    let rows = uniq(hit.map((e) => e.row));
    if (year != null) {
      const valid = rows.filter((r) => gz.validIn(r, year));
      if (valid.length) rows = valid;
    }
    out.push({ rows, weight: hit.every((e) => e.strength === 'short') ? weight / 2 : weight });
    pos += len;
  }
  return out;
}

function chainOf(gz: Gazetteer, row: number, year: number | null): ChainLink[] {
  const chain: ChainLink[] = [];
  for (const code of gz.ancestors[row].slice().reverse()) {
    const i = gz.rowOf(code, year);
    if (i === undefined) continue;
    const r = gz.rows[i];
    if (r.kind !== 'pseudo') chain.push({ code: r.code, name: r.name, level: r.level });
  }
  const r = gz.rows[row];
  chain.push({ code: r.code, name: r.name, level: r.level });
  return chain;
}

/** The division a note names on its own (narrowed later by year and context, like any parse), as the second name of a body named by a bare zone word. */
function jointNameInNotes(gz: Gazetteer, notes: string[], year: number | null): Parse | null {
  for (const n of notes) {
    const p = parseText(gz, n, year);
    if (p && p.department === null) {
      p.flags.add('joint-name');
      p.flags.add('functional-zone');
      return p;
    }
  }
  return null;
}

function unresolved(flags: Set<ResolveFlag>, department: string | null): ResolvedIssuer {
  return { code: null, name: null, level: null, divisionLevel: null, chain: [], department, confidence: 0, flags: [...flags].sort() };
}

const round = (x: number) => Math.round(x * 100) / 100;

export function resolveIssuer(input: ResolveInput, gz: Gazetteer): ResolvedIssuer {
  const year = input.context?.year ?? null;
  const form = matchForm(input.issuer ?? '');
  const { main: rawMain, notes } = splitNotes(form);
  let main = rawMain.replace(/^[\d\-:.,、,。]+/, '');
  const flags = new Set<ResolveFlag>();
  for (const p of VERTICAL_PREFIXES) {
    if (main.startsWith(p) && main.length > p.length) {
      main = main.slice(p.length);
      flags.add('vertical-agency');
      break;
    }
  }

  let confidence = 0.9;
  // 高新区(新市区): a zone word alone names no place; a note naming a division names the same
  // body (one administration, two names).
  let parse = GENERIC_ZONE.test(main) ? jointNameInNotes(gz, notes, year) : null;
  parse ??= parseText(gz, main, year);
  const anchors = [
    ...notes.flatMap((n) => anchorsIn(gz, n, 3, year)),
    ...anchorsIn(gz, input.context?.title, 2, year),
    ...anchorsIn(gz, input.context?.firstLines, 1, year),
  ];
  if (!parse) {
    // 区档案局(增城区): the unit is named only in a note…
    const dept = main.replace(LEVEL_ONLY, '') || null;
    for (const n of notes) {
      const p = parseText(gz, n, year);
      if (p) {
        parse = { ...p, department: dept, links: 1 };
        if (dept && ZONE_WORDS.test(dept)) parse.flags.add('functional-zone');
        if (dept && VERTICAL_DEPARTMENT.test(dept)) parse.flags.add('vertical-agency');
        confidence = 0.8;
        break;
      }
    }
    // …or only by its level (区 / 市 / 镇 …), and the context names exactly one such unit.
    const rel = LEVEL_ONLY.exec(main);
    if (!parse && rel) {
      const levels: string[] = levelsOfLevelWord(rel[1]);
      const codes = uniq(anchors.flatMap((a) => a.rows).filter((r) => levels.includes(gz.rows[r].level)).map((r) => gz.rows[r].code));
      if (codes.length === 1) {
        const rows = gz.byCode.get(codes[0]) ?? [];
        parse = { rows, strength: new Map(rows.map((r) => [r, 'full' as Strength])), links: 1, shortLast: false, department: dept, flags: new Set(['context']) };
        confidence = 0.6;
      }
    }
  }

  const override = gz.overrides.get(overrideKey(input.issuer ?? ''));
  if (!parse && !override) {
    if (!gz.allTownsLoaded && TOWN_WORD.test(main)) flags.add('towns-partial');
    return unresolved(flags, main || null);
  }
  if (parse) for (const f of parse.flags) flags.add(f);
  const department = parse?.department ?? null;

  let rows = parse?.rows ?? [];
  if (override) {
    const i = gz.rowOf(override.code, year);
    if (i !== undefined) {
      rows = [i];
      flags.add('override');
      confidence = 1;
    }
  }

  // One row per code among those matched (a code reused for another unit is not this unit):
  // the one valid in the year, else the latest.
  const byCode = new Map<string, number>();
  for (const r of rows) {
    const code = gz.rows[r].code;
    const had = byCode.get(code);
    if (had === undefined || (year != null ? gz.validIn(r, year) && !gz.validIn(had, year) : (gz.rows[r].last ?? 1e4) > (gz.rows[had].last ?? 1e4))) byCode.set(code, r);
  }
  rows = [...byCode.values()];
  if (parse && parse.links >= 2 && confidence < 1) confidence = 0.95;
  if (parse?.shortLast && confidence < 1) confidence -= 0.1;

  // By year: valid in it; else set up within a year after it (snapshot cutoffs); else flagged.
  let outOfYear = false;
  if (year != null && rows.length > 0) {
    const valid = rows.filter((r) => gz.validIn(r, year));
    const soon = rows.filter((r) => gz.validIn(r, year, 1));
    if (valid.length) rows = valid;
    else if (soon.length) {
      rows = soon;
      confidence -= 0.05;
    } else outOfYear = true;
  }
  // Without a year: a unit and its own successor (增城市 → 增城区) are one; keep the successor.
  if (year == null && rows.length > 1) {
    const codes = new Set(rows.map((r) => gz.rows[r].code));
    const kept = rows.filter((r) => !(gz.lineageFrom.get(`${gz.rows[r].code}|${gz.rows[r].name}`) ?? []).some((l) => codes.has(l.toCode)));
    if (kept.length) rows = kept;
  }
  // By context: ancestors (or, at half weight, subordinates) of one candidate named around it.
  if (rows.length > 1 && anchors.length > 0) {
    const score = (r: number) => {
      let s = 0;
      const code = gz.rows[r].code;
      for (const a of anchors) {
        if (a.rows.some((x) => gz.isAncestor(gz.rows[x].code, r))) s += a.weight;
        else if (a.rows.some((x) => gz.isAncestor(code, x))) s += a.weight / 2;
      }
      return s;
    };
    const scored = rows.map((r) => [r, score(r)] as const);
    const best = Math.max(...scored.map(([, s]) => s));
    if (best > 0) {
      rows = scored.filter(([, s]) => s === best).map(([r]) => r);
      flags.add('context');
      confidence = Math.min(confidence, 0.8);
    }
  }
  // A full name before a stem.
  if (rows.length > 1 && parse) {
    const full = rows.filter((r) => parse.strength.get(r) === 'full');
    if (full.length > 0 && full.length < rows.length) rows = full;
  }
  // A stem shared by a province and units elsewhere: the province (河北雄安新区 → 河北省, not 天津市河北区).
  if (rows.length > 1 && parse?.shortLast) {
    const provinces = rows.filter((r) => gz.rows[r].level === 'province');
    if (provinces.length === 1) {
      rows = provinces;
      confidence = Math.min(confidence, 0.7);
    }
  }
  // A name shared by a unit and its own subordinates: the unit (阜新 → 阜新市, not 阜新蒙古族自治县;
  // 西藏文化旅游创意园区 the county-level zone, not its town-level namesake).
  if (rows.length > 1) {
    const top = rows.filter((r) => rows.every((o) => o === r || gz.isAncestor(gz.rows[r].code, o)));
    if (top.length === 1) {
      rows = top;
      if (parse?.shortLast) confidence = Math.min(confidence, 0.7);
    }
  }

  if (rows.length === 0) return unresolved(flags, department);
  if (parse?.unlisted && rows.length === 1 && !flags.has('override')) {
    const chain = chainOf(gz, rows[0], year);
    const { name, level } = parse.unlisted;
    return { code: null, name, level, divisionLevel: level, chain, department: null, confidence: 0, flags: [...flags].sort() };
  }
  if (rows.length > 1) {
    flags.add('ambiguous');
    if (!gz.allTownsLoaded) flags.add('towns-partial');
    const candidates: Candidate[] = rows
      .map((r) => ({ code: gz.rows[r].code, name: gz.rows[r].name, level: gz.rows[r].level, chain: chainOf(gz, r, year) }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .slice(0, 100);
    return { ...unresolved(flags, department), level: levelOfBody(department !== null, null), candidates };
  }

  const row = rows[0];
  const r = gz.rows[row];
  if (r.kind === 'functional-zone') flags.add('functional-zone');
  if (outOfYear) {
    flags.add('out-of-year');
    confidence *= 0.6;
  }
  const result: ResolvedIssuer = {
    code: r.code,
    name: r.name,
    level: levelOfBody(department !== null, r.level),
    divisionLevel: r.level,
    chain: chainOf(gz, row, year),
    department,
    confidence: round(Math.max(0.05, confidence)),
    flags: [...flags],
  };
  if (r.last !== null) {
    result.flags.push('historical');
    const succ = gz.lineageFrom.get(`${r.code}|${r.name}`) ?? [];
    if (succ.length) result.successors = succ.map((l) => ({ code: l.toCode, name: l.toName, relation: l.relation, year: l.year }));
  }
  result.flags.sort();
  return result;
}
