// Scored readings of the figures of a text. A rule names its metric, the features a figure's
// clause must show, those that exclude it and those that make a reading more likely; every
// count figure is read against every rule once (a bounded number of passes over the text,
// however many rules). Per metric the best reading wins; two best readings with different
// values are a tie: a warning and no value, never a guess. A figure a rule excluded as one share
// among several (rivalWhen) still takes part in the tie, though it is never recorded.
import { clauseAt, sentenceAt, type Segments } from '../../recognise/clauses';
import type { Quantity } from '../../recognise/quantities';
import { FEATURES, OWN_LEVEL_UNKNOWN, type Feature, type FigureView } from './features';

export interface Example {
  /** The corpus file the wording comes from (folder/id). */
  from: string;
  text: string;
  /** The value the rule reads from the text; null: the rule must read nothing. */
  value: number | null;
  /** The report's year, where the example needs it (a figure of another year). */
  year?: number;
  /** The report's issuer, where the example needs it (its field before 政府信息). */
  issuer?: string;
}

export interface ScoredRule {
  metric: string;
  /** Every one of these must hold. */
  requires: Feature[];
  /** At least one of these must hold (when given). */
  requiresOneOf?: Feature[];
  /** None of these may hold. */
  excludes: Feature[];
  /** Added to the score when they hold. */
  prefers?: Partial<Record<Feature, number>>;
  /**
   * The metric is one figure the text states once: several different readings are parts of a
   * total the text does not print (微信 92条, 微博 30条), and none is recorded.
   */
  unique?: boolean;
  /** Its readings count against the metric's other readings but are never recorded (the press's figures). */
  countsOnly?: boolean;
  /**
   * Exclusions that say the figure is one of several shares, not the metric's (其他渠道56条 after the website's and
   * another channel's items: the rest beside both). The figure is still a rival reading: it counts against the
   * metric's other readings as a countsOnly reading does (an excluded rival must not hand the tie to the next figure).
   */
  rivalWhen?: Feature[];
  /**
   * A share read only beside the share it complements: a single other channel's figure is the
   * other channels' total only where the text also gives the website's, exactly (or the table does).
   */
  alongside?: { metric: string; unless?: Feature[] };
  /** Real wordings the rule reads (or must not read), each from a named corpus file. */
  examples: Example[];
}

export interface Reading {
  metric: string;
  countsOnly: boolean;
  q: Quantity;
  score: number;
  features: Feature[];
  /** The metric whose reading (or table value) this reading needs beside it. */
  alongside?: string;
}

/** How far a figure's clause and sentence are read around it: no real clause or sentence is longer,
 * and a text with no punctuation (or 50,000 figures in one sentence) stays linear. */
const CLAUSE_WINDOW = 200;
/** A share glossing the figure after it: 占78.9%（ or 78.9%即 right before the figure. */
const SHARE_GLOSS = /(?:占比?|的)?\s*\d+(?:\.\d+)?\s*[%％]\s*(?:[（(]|即)\s*$/;
/** The figure's clause only a link (计, 为, 共, 即) after a clause that ends in its share (占78.9%，计1200条): the share glosses across the comma. */
const LINK_ONLY = /^\s*(?:计|为|是|即|共|共计|达)?\s*$/;
const SHARE_CLAUSE_END = /占比?\s*\d+(?:\.\d+)?\s*[%％]\s*[,，]\s*$/;
/** A label's colon right before the figure, or before a total word that links it (总数：共1520条). */
const LABEL_COLON = /[:：][ \t\u3000]*(?:共计|合计|总计|共)?[ \t\u3000]*$/;
/** 。！？ and the line break end a period (a semicolon does not: 政府网站：1070条；其他渠道：1476条 is one list). */
const PERIOD_END = new Set([0x3002, 0xff01, 0xff1f, 0x0a]);
const SENTENCE_WINDOW = 600;

/**
 * The clause and sentence around a figure, each read only when a feature asks for it. Made for
 * every figure of every report: its fields are plain assignments in the constructor (`declare`d),
 * not class field definitions, which cost several times more to run.
 */
class View implements FigureView {
  declare private b: string | undefined;
  declare private a: string | undefined;
  declare private sb: string | undefined;
  declare private sa: string | undefined;
  declare private pa: string | undefined;
  declare private ps: string | undefined;
  declare private pv: string | undefined;
  declare private pb: string | undefined;
  declare private readonly s: string;
  declare private readonly seg: Segments;
  declare readonly q: Quantity;
  declare readonly years: readonly number[];
  declare readonly issuer: string;
  declare readonly area: string;
  declare readonly ownLevel: boolean;
  constructor(s: string, seg: Segments, q: Quantity, years: readonly number[], issuer: string, area: string, ownLevel: boolean) {
    this.s = s;
    this.seg = seg;
    this.q = q;
    this.years = years;
    this.issuer = issuer;
    this.area = area;
    this.ownLevel = ownLevel;
    this.b = undefined;
    this.a = undefined;
    this.sb = undefined;
    this.sa = undefined;
    this.pa = undefined;
    this.ps = undefined;
    this.pv = undefined;
    this.pb = undefined;
  }
  get sentencePrevious(): string {
    if (this.ps === undefined) {
      const [ss] = sentenceAt(this.seg, this.q.numStart);
      // the sentence before, in the same paragraph (a line break ends a paragraph)
      if (ss === 0 || this.s[ss - 1] === '\n') this.ps = '';
      else {
        const [ps] = sentenceAt(this.seg, ss - 1);
        const prev = this.s.slice(Math.max(ps, ss - SENTENCE_WINDOW), ss);
        this.ps = prev.slice(prev.lastIndexOf('\n') + 1);
      }
    }
    return this.ps;
  }
  /** Where the figure's period starts: after the last full stop or line break before it. */
  private periodStart(): number {
    let i = this.q.start;
    const first = Math.max(0, this.q.start - SENTENCE_WINDOW);
    while (i > first && !PERIOD_END.has(this.s.charCodeAt(i - 1))) i--;
    return i;
  }
  get periodBefore(): string {
    if (this.pb === undefined) this.pb = this.s.slice(this.periodStart(), this.q.start);
    return this.pb;
  }
  get statementPrevious(): string {
    if (this.pv === undefined) {
      // the period before the figure's own, across line breaks and blank lines (a heading holds no figure)
      let e = this.periodStart();
      while (e > 0 && PERIOD_END.has(this.s.charCodeAt(e - 1)) && this.s.charCodeAt(e - 1) !== 0x3002) e--;
      let b = e;
      const first = Math.max(0, e - SENTENCE_WINDOW);
      if (b > 0 && this.s.charCodeAt(b - 1) === 0x3002) b--;
      while (b > first && !PERIOD_END.has(this.s.charCodeAt(b - 1))) b--;
      this.pv = this.s.slice(b, e);
    }
    return this.pv;
  }
  get sentenceAfter(): string {
    if (this.sa === undefined) {
      const [, se] = sentenceAt(this.seg, this.q.numStart);
      this.sa = this.s.slice(this.q.end, Math.min(Math.max(this.q.end, se), this.q.end + SENTENCE_WINDOW));
    }
    return this.sa;
  }
  get periodAfter(): string {
    if (this.pa === undefined) {
      let e = this.q.end;
      const last = Math.min(this.s.length, this.q.end + CLAUSE_WINDOW);
      while (e < last && this.s[e] !== '。' && this.s[e] !== '\n') e++;
      this.pa = this.s.slice(this.q.end, e);
    }
    return this.pa;
  }
  get before(): string {
    if (this.b === undefined) {
      const [cs] = clauseAt(this.seg, this.q.numStart);
      // a label's colon right before the figure (主动公开政府信息总数：2546条, 总数：共2546条) joins them as one phrase would
      // and a share right before it (网站公开占78.9%（1200条）, 78.9%即1200条…) is a gloss between the words and their figure
      this.b = this.s.slice(Math.max(cs, this.q.start - CLAUSE_WINDOW), this.q.start).replace(LABEL_COLON, '').replace(SHARE_GLOSS, '');
      // or a share's clause right before it (网站公开的占78.9%，计1200条): the words before the share are the figure's
      if (cs > 1 && LINK_ONLY.test(this.b)) {
        const [ps] = clauseAt(this.seg, cs - 2);
        const prev = this.s.slice(Math.max(ps, cs - CLAUSE_WINDOW), cs);
        if (SHARE_CLAUSE_END.test(prev)) this.b = prev.replace(SHARE_CLAUSE_END, '');
      }
    }
    return this.b;
  }
  get after(): string {
    if (this.a === undefined) {
      const [, ce] = clauseAt(this.seg, this.q.numStart);
      this.a = this.s.slice(this.q.end, Math.min(Math.max(this.q.end, ce), this.q.end + CLAUSE_WINDOW));
    }
    return this.a;
  }
  get sentenceBefore(): string {
    if (this.sb === undefined) {
      const [ss] = sentenceAt(this.seg, this.q.numStart);
      this.sb = this.s.slice(Math.max(ss, this.q.start - SENTENCE_WINDOW), this.q.start);
    }
    return this.sb;
  }
}

/** The clause and sentence around a figure. */
export function viewOf(s: string, seg: Segments, q: Quantity, years: readonly number[] = [], issuer = '', area = '', ownLevel = OWN_LEVEL_UNKNOWN): FigureView {
  return new View(s, seg, q, years, issuer, area, ownLevel);
}

/** The features by number: a figure's memo is an array, not a map (scoring runs per figure and rule). */
const FEATURE_NAMES = Object.keys(FEATURES) as Feature[];
const FEATURE_ID = new Map(FEATURE_NAMES.map((f, k) => [f, k]));
const FEATURE_FNS: ((v: FigureView) => boolean)[] = FEATURE_NAMES.map((f) => FEATURES[f]);
const ids = (fs: readonly Feature[] | undefined) => (fs ?? []).map((f) => FEATURE_ID.get(f)!);

/** A rule with its features as numbers and its preferences as a list, made once per rule. */
interface Compiled {
  rule: ScoredRule;
  requires: number[];
  requiresOneOf: number[] | null;
  excludes: number[];
  prefers: [number, number][];
  unless: number[] | null;
  rivalWhen: number[] | null;
}
const COMPILED = new WeakMap<ScoredRule, Compiled>();
function compiled(rule: ScoredRule): Compiled {
  let c = COMPILED.get(rule);
  if (!c) {
    COMPILED.set(rule, (c = {
      rule,
      requires: ids(rule.requires),
      requiresOneOf: rule.requiresOneOf ? ids(rule.requiresOneOf) : null,
      excludes: ids(rule.excludes),
      prefers: (Object.entries(rule.prefers ?? {}) as [Feature, number][]).map(([f, w]) => [FEATURE_ID.get(f)!, w]),
      unless: rule.alongside?.unless ? ids(rule.alongside.unless) : null,
      rivalWhen: rule.rivalWhen ? ids(rule.rivalWhen) : null,
    }));
  }
  return c;
}

/**
 * One figure's features, each read once, in the order asked (a reading lists the features that
 * held, in that order): per feature 0 unread, 1 false, 2 true.
 */
class Memo {
  readonly state = new Uint8Array(FEATURE_NAMES.length);
  readonly asked: number[] = [];
  view: FigureView | null = null;
  reset(view: FigureView) {
    this.view = view;
    this.state.fill(0);
    this.asked.length = 0;
  }
  has(f: number): boolean {
    const v = this.state[f];
    if (v !== 0) return v === 2;
    const held = FEATURE_FNS[f](this.view!);
    this.state[f] = held ? 2 : 1;
    this.asked.push(f);
    return held;
  }
  held(): Feature[] {
    const out: Feature[] = [];
    for (const f of this.asked) if (this.state[f] === 2) out.push(FEATURE_NAMES[f]);
    return out;
  }
}

/** A reading's score, or null when the rule does not read the figure; `rival`: excluded only by the rule's rivalWhen. */
function scoreOf(c: Compiled, memo: Memo): { score: number; rival: boolean } | null {
  for (const f of c.requires) if (!memo.has(f)) return null;
  if (c.requiresOneOf) {
    let one = false;
    for (const f of c.requiresOneOf) if (memo.has(f)) { one = true; break; }
    if (!one) return null;
  }
  let rival = false;
  for (const f of c.excludes) {
    if (!memo.has(f)) continue;
    if (c.rivalWhen === null || !c.rivalWhen.includes(f)) return null;
    rival = true;
  }
  let score = c.requires.length;
  for (const [f, w] of c.prefers) if (memo.has(f)) score += w;
  return { score, rival };
}

/** Every reading of every count figure by the rules whose metric is still open. */
export function readFigures(s: string, seg: Segments, quantities: Quantity[], rules: ScoredRule[], done: Set<string>, years: readonly number[] = [], issuer = '', area = '', ownLevel = OWN_LEVEL_UNKNOWN): Reading[] {
  const open: Compiled[] = [];
  for (const r of rules) if (!done.has(r.metric)) open.push(compiled(r));
  if (open.length === 0) return [];
  // what every open rule requires: a figure without it is read by none (most figures: 个, 人次 …)
  const common = open[0].requires.filter((f) => open.every((c) => c.requires.includes(f)));
  const readings: Reading[] = [];
  const memo = new Memo();
  figures: for (const q of quantities) {
    if (q.kind !== 'count' || q.value === null) continue;
    memo.reset(viewOf(s, seg, q, years, issuer, area, ownLevel));
    for (const f of common) if (!memo.has(f)) continue figures;
    for (const c of open) {
      const scored = scoreOf(c, memo);
      if (scored === null) continue;
      const { score, rival } = scored;
      const { rule } = c;
      let alongside: string | undefined;
      if (rule.alongside) {
        let unless = false;
        if (c.unless) for (const f of c.unless) if (memo.has(f)) { unless = true; break; }
        alongside = unless ? undefined : rule.alongside.metric;
      }
      readings.push({ metric: rule.metric, countsOnly: rule.countsOnly === true || rival, q, score, features: memo.held(), alongside });
    }
  }
  return readings;
}

/**
 * Per metric, the best reading; a tie between different values gives a warning and no reading.
 * `known`: metrics already read (from a table), which a reading's `alongside` may name.
 */
export function bestReadings(readings: Reading[], rules: ScoredRule[], known: ReadonlySet<string> = new Set()): { best: Reading[]; warnings: string[] } {
  const unique = new Set(rules.filter((r) => r.unique).map((r) => r.metric));
  // a share is read beside an exact figure of the share it complements: beside a rough one (7700余条)
  // the text gives highlights, not the year's items split by channel
  const read = new Set(readings.filter((r) => !r.countsOnly && !r.q.approx).map((r) => r.metric));
  const byMetric = new Map<string, Reading[]>();
  for (const r of readings) {
    if (r.alongside && !read.has(r.alongside) && !known.has(r.alongside)) continue;
    const list = byMetric.get(r.metric);
    if (list) list.push(r);
    else byMetric.set(r.metric, [r]);
  }
  const best: Reading[] = [];
  const warnings: string[] = [];
  for (const [metric, rs] of byMetric) {
    if (unique.has(metric) && new Set(rs.map((r) => r.q.value)).size > 1) {
      warnings.push(`${metric}: ${new Set(rs.map((r) => r.q.value)).size} separate figures (${[...new Set(rs.map((r) => r.q.value))].join(', ')}) and no printed total; none recorded`);
      continue;
    }
    const recordable = rs.filter((r) => !r.countsOnly);
    if (recordable.length === 0) continue;
    const top = Math.max(...recordable.map((r) => r.score));
    // a rival that is never recorded still ties with the best readings when it reads as well
    const winners = rs.filter((r) => r.score >= top);
    const values = [...new Set(winners.map((r) => r.q.value))];
    if (values.length === 1) best.push(winners.find((r) => !r.countsOnly)!);
    else warnings.push(`${metric}: ${values.length} figures read equally well (${values.join(', ')}); none recorded`);
  }
  return { best, warnings };
}
