// The statistics table appended to reports before the 2019 template (政府信息公开情况统计表:
// 指标名称 | 计量单位 | 本年度 | 历年累计), often saved with its cells run together
// (`主动公开信息数条4251516其中：1.网站公开条41815092.…`). Each row is two cells, the year's and
// the running total; a split is kept only where the arithmetic leaves one: the running total is
// at least the year's figure, and an 其中 item is at most its whole in both columns. Cells on
// which every remaining split agrees are taken; the rest is left out with a warning. A figure the
// report's sentences state pins the split of its row (its year's cell is that figure).
import { sourceSpan, type NormText } from '../normalise/text';
import type { Value } from '../types';
import { compactView, findLabels, runAfter, type Label, type LabelPattern } from './glued';
import { groupCount, splitRun, type RunCell } from './split-run';

interface StatsRow {
  /** The label as printed (compact), with its unit. */
  inline: string;
  /** Metric of the year's cell, and of the running total's (null: no metric). */
  year: string | null;
  cumulative?: string;
  /** The row this one is an 其中 item of. */
  partOf?: string;
  money?: boolean;
}

const UNIT = '(?:条|件|个|元)?';
const ROWS: Record<string, StatsRow> = {
  proactive: { inline: '主动公开(?:政府)?(?:信息|文件)数', year: 'p.total', cumulative: 'p.cumulative' },
  website: { inline: '(?:政府)?网站公开数?', year: 'p.website', partOf: 'proactive' },
  // the gazette's cell: read only to show when it is the other channels' whole share (below)
  gazette: { inline: '政府公报公开数?', year: 'gazette', partOf: 'proactive' },
  requests: { inline: '受理(?:政府信息)?依申请公开(?:信息)?总?数', year: 'r.new.total' },
  inPerson: { inline: '当面申请数', year: null, partOf: 'requests' },
  fax: { inline: '传真申请数', year: null, partOf: 'requests' },
  email: { inline: '电子邮件申请数', year: null, partOf: 'requests' },
  online: { inline: '网上申请数', year: null, partOf: 'requests' },
  letter: { inline: '信函申请数', year: null, partOf: 'requests' },
  letterFax: { inline: '信函、传真申请数', year: null, partOf: 'requests' },
  otherForm: { inline: '其[它他]形式申请数', year: null, partOf: 'requests' },
  answers: { inline: '对申请的答复总?数', year: 'r.handled.total' },
  granted: { inline: '同意公开答复数', year: 'r.granted.total', partOf: 'answers' },
  partial: { inline: '同意部分公开答复数', year: 'r.partial.total', partOf: 'answers' },
  denied: { inline: '(?:否决|不予)公开答复数', year: 'r.denied.total.total', partOf: 'answers' },
  otherAnswer: { inline: '其他类型答复数', year: null, partOf: 'answers' },
  fees: { inline: '政府信息公开收费减免金额', year: 'fee.collected_yuan', money: true },
  complaints: { inline: '(?:接受行政诉讼、举报|行政申诉(?:、举报)?)数', year: null },
  review: { inline: '行政复议数', year: 'rv.total' },
  litigation: { inline: '(?<!接受)行政诉讼数', year: 'lit.total' },
};

const HEADER = /指标名称计量单位.{0,16}?历年累计/;
const PATTERNS: LabelPattern<string>[] = Object.entries(ROWS).map(([key, row]) => ({ spec: key, re: new RegExp(`${row.inline}${UNIT}`, 'g'), skip: 0 }));
/** The table is read from its header on, over at most this many characters. */
const TABLE_SPAN = 3000;

interface Read {
  key: string;
  label: Label<string>;
  from: number;
  text: string;
  candidates: RunCell[][];
}

const fits = (part: RunCell[], whole: RunCell[]) => part[0].value <= whole[0].value && part[1].value <= whole[1].value;

export interface StatsResult {
  values: Value[];
  warnings: string[];
}

/** `stated`: the values the report's sentences give; a row's split whose year cell is the sentence's figure is kept over the others. */
export function extractStatsTable(norm: NormText, stated: ReadonlyMap<string, number> = new Map()): StatsResult {
  const s = norm.s;
  if (!s.includes('累计')) return { values: [], warnings: [] };
  const compact = compactView(s);
  const header = HEADER.exec(compact.c);
  if (!header) return { values: [], warnings: [] };
  const tableStart = compact.at[header.index];
  const labels = findLabels(compact, PATTERNS).filter((l) => l.labelStart >= tableStart && l.labelStart < tableStart + TABLE_SPAN);
  const starts = new Set(labels.map((l) => l.labelStart));
  const warnings: string[] = [];
  const reads = new Map<string, Read>();
  for (const label of labels) {
    if (reads.has(label.spec)) continue;
    // the items are numbered 1. 2. …: one digit before the next label is its number
    const r = runAfter(s, label.labelEnd, (position, digits) => (starts.has(position) && /\d$/.test(digits) ? digits.slice(-1) : undefined));
    if (r === null) continue;
    const name = s.slice(label.labelStart, label.labelEnd).replace(/\s+/g, '');
    if ('skip' in r) {
      warnings.push(`statistics table row "${name}": ${r.skip}`);
      continue;
    }
    const row = ROWS[label.spec];
    const kind = { signed: false, fractional: row.money === true };
    const printed = groupCount(r.text) === 2;
    const result = splitRun(r.text, [kind, kind], printed ? () => true : (v) => v[1] >= v[0]);
    if (result.limit || result.candidates.length === 0) {
      warnings.push(`statistics table row "${name}": "${r.text.slice(0, 40)}" ${result.limit ?? 'has no split into the year and the running total'}; left out`);
      continue;
    }
    reads.set(label.spec, { key: label.spec, label, from: r.from, text: r.text, candidates: result.candidates });
  }
  // a cell the sentences state pins its row (其中主动公开政府信息2026条 and 20263542: 2026|3542)
  for (const read of reads.values()) {
    const metric = ROWS[read.key].year;
    const figure = metric === null ? undefined : stated.get(metric);
    const pinned = read.candidates.filter((c) => c[0].value === figure);
    if (pinned.length > 0) read.candidates = pinned;
  }
  narrowByParts(reads);

  const values: Value[] = [];
  for (const read of reads.values()) {
    const row = ROWS[read.key];
    const cut = groupCount(read.text) !== 2;
    const metrics = [row.year, row.cumulative ?? null];
    metrics.forEach((metric, k) => {
      if (metric === null) return;
      const cell = read.candidates[0][k];
      if (!read.candidates.every((c) => c[k].from === cell.from && c[k].to === cell.to)) return;
      const [a, b] = cut ? [cell.groupFrom, cell.groupTo] : [cell.from, cell.to];
      const { start, end } = sourceSpan(norm, read.from + a, read.from + b);
      const v: Value = { metric, value: cell.value, approx: false, derived: false, start, end, source: 'table' };
      if (cut) v.split = true;
      values.push(v);
    });
    if (read.candidates.length > 1 && metrics.some((m) => m !== null)) {
      const shown = read.candidates.slice(0, 6).map((c) => c.map((x) => read.text.slice(x.from, x.to)).join('|')).join('; ');
      warnings.push(`statistics table row "${s.slice(read.label.labelStart, read.label.labelEnd)}": "${read.text}" splits ${read.candidates.length} ways (${shown}); the cells they disagree on are left out`);
    }
  }
  const other = gazetteAsOtherChannels(values);
  if (other) values.push(other);
  return { values, warnings };
}

/**
 * The table's channels are the website and the gazette: where the two make up the year's total
 * (418 + 7 = 425), the gazette's cell (not 0) is the other channels' share.
 */
function gazetteAsOtherChannels(values: Value[]): Value | null {
  const of = (m: string) => values.find((v) => v.metric === m);
  const total = of('p.total');
  const web = of('p.website');
  const gazette = of('gazette');
  if (gazette) values.splice(values.indexOf(gazette), 1);
  // a gazette of 0 beside a website of the whole says nothing of other channels the table does not list
  if (!total || !web || !gazette || gazette.value === 0 || web.value + gazette.value !== total.value) return null;
  return { ...gazette, metric: 'p.other_channels' };
}

/** Keeps the splits of a whole and of its 其中 items that fit each other (an item is at most its whole). */
function narrowByParts(reads: Map<string, Read>): void {
  for (let round = 0; round < 3; round++) {
    for (const whole of reads.values()) {
      const parts = [...reads.values()].filter((r) => ROWS[r.key].partOf === whole.key);
      if (parts.length === 0) continue;
      const wholes = whole.candidates.filter((w) => parts.every((p) => p.candidates.some((c) => fits(c, w))));
      if (wholes.length > 0) whole.candidates = wholes;
      for (const p of parts) {
        const kept = p.candidates.filter((c) => whole.candidates.some((w) => fits(c, w)));
        if (kept.length > 0) p.candidates = kept;
      }
    }
  }
}
