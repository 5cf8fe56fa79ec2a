// One report: who issues it, its words, its defects, its bytes and its truth.
import { cutUnits, printedOf, renderHtml, renderText, units, type Block } from './document';
import type { Body, Figures } from './figures';
import { encodeGbk } from './gbk';
import { blankCells, decorate, HTML_SHARE, injectError, noiseNames, planNoise, type InjectedError, type NoiseMode } from './noise';
import { Rng } from './prng';
import type { CopyKind, PlannedCopy } from './copies';
import type { Wordings } from './phrasing';
import { proseOf } from './prose';
import type { Department, Division } from './units';
import { reportBlocks, templateOf, type Template, type Wording } from './wording';

export type ReportKind = 'gov' | 'area' | 'dept';

export interface ReportPlan {
  kind: ReportKind;
  division: Division;
  department?: Department;
  year: number;
  /** The report whose work narrative this one copies. */
  copy?: PlannedCopy | null;
}

export interface Truth {
  id: string;
  synthetic: true;
  source: string;
  issuer: string;
  jurisdiction: string;
  level: 'province' | 'city' | 'county' | 'town' | 'department';
  scope: 'self' | 'area';
  province: string;
  division_code: string;
  year: number;
  published: string;
  template: Template;
  format: 'txt' | 'html';
  encoding: 'utf-8' | 'gbk';
  metrics: Record<string, number>;
  approx: string[];
  noise: string[];
  injected_errors?: InjectedError[];
  /** A planted copy: the report whose narrative this one repeats, and how it relates. */
  copied_from?: { report: string; kind: CopyKind };
}

export interface BuiltReport {
  id: string;
  /** Path under the output directory: <province code>/<year>/<id>.<ext>. */
  path: string;
  bytes: Uint8Array;
  truth: Truth;
}

export const reportId = (plan: ReportPlan): string =>
  `${plan.division.code}-${plan.kind === 'dept' ? plan.department!.slug : plan.kind}-${plan.year}`;

export function bodyOf(plan: ReportPlan): Body {
  const d = plan.division;
  const urban = /区$/.test(d.name) || /街道$/.test(d.name);
  if (plan.department) {
    return { key: `${d.code}:${plan.department.slug}`, kind: d.level === 'city' ? 'city-department' : 'county-department', weight: plan.department.weight, urban };
  }
  return { key: d.code, kind: d.level, weight: 1, urban };
}

const SELF_BY_SUFFIX: [RegExp, string][] = [
  [/省$|自治区$/, '我省'],
  [/街道$/, '我街道'],
  [/镇$/, '我镇'],
  [/乡$/, '我乡'],
  [/区$/, '我区'],
  [/县$/, '我县'],
  [/旗$/, '我旗'],
  [/州$/, '我州'],
  [/盟$/, '我盟'],
  [/市$/, '我市'],
];
function selfWord(plan: ReportPlan): string {
  if (plan.department) {
    const n = plan.department.name;
    return /局$/.test(n) ? '我局' : /委员会$/.test(n) ? '我委' : /办公室$/.test(n) ? '我办' : /中心$/.test(n) ? '本中心' : '本机关';
  }
  return SELF_BY_SUFFIX.find(([re]) => re.test(plan.division.name))?.[1] ?? '本机关';
}

function areaWords(d: Division): { whole: string; parts: string } {
  const whole = `全${(/(省|自治区)$/.exec(d.name) ? '省' : /区$/.exec(d.name) ? '区' : /县$/.exec(d.name) ? '县' : /旗$/.exec(d.name) ? '旗' : '市')}`;
  if (d.level === 'province') return { whole, parts: '各市、各部门' };
  if (d.level === 'city') return { whole, parts: '各部门、各县（市、区）' };
  return { whole, parts: '各部门、各乡镇（街道）' };
}

/** The names printed: issuer (title, signature) and the title's place chain. */
function names(plan: ReportPlan, r: Rng): { issuer: string; titleName: string } {
  const d = plan.division;
  const chain = [...d.ancestors, d].map((x) => x.name);
  // drop leading places now and then, as reports do (营口市站前区… without 辽宁省)
  const keepFrom = chain.length <= 1 ? 0 : r.chance(0.45) ? 0 : Math.min(chain.length - 1, d.level === 'town' ? 1 + (r.chance(0.5) ? 1 : 0) : 1);
  const place = chain.slice(keepFrom).join('');
  if (plan.department) {
    const issuer = place + plan.department.name;
    return { issuer, titleName: issuer };
  }
  const organ = d.level === 'town' && /街道$/.test(d.name) ? '办事处' : '人民政府';
  const issuer = place + organ;
  return { issuer, titleName: plan.kind === 'area' ? place : issuer };
}

function published(plan: ReportPlan, r: Rng): { y: number; m: number; d: number } {
  const y = plan.year + 1;
  if (r.chance(0.03)) return { y, m: r.int(4, 6), d: r.int(1, 28) }; // late
  if (plan.department) return r.chance(0.85) ? { y, m: 1, d: r.int(5, 31) } : { y, m: r.int(2, 3), d: r.int(1, 28) };
  return { y, m: r.int(1, 3), d: r.int(1, 28) };
}

function titleOf(name: string, year: number, r: Rng): string {
  const k = r.next();
  if (k < 0.6) return `${name}${year}年政府信息公开工作年度报告`;
  if (k < 0.8) return `${name}${year}年度政府信息公开工作年度报告`;
  return `${year}年${name}政府信息公开工作年度报告`;
}

export interface BuildOptions {
  seed: number;
  noise: NoiseMode;
  provinceName: string;
  /** Figures of the report's body (own figures, or the area's sum). */
  figures: Figures;
  wordings?: Wordings;
}

export function buildReport(plan: ReportPlan, options: BuildOptions): BuiltReport {
  const id = reportId(plan);
  const r = Rng.of(options.seed, 'report', id);
  const template = templateOf(plan.year);
  const html = r.chance(HTML_SHARE);
  const table = template !== 'narrative';
  const plan_ = planNoise(options.noise, r, html, table);
  const { issuer, titleName } = names(plan, r);
  const date = published(plan, r);
  const wording: Wording = {
    year: plan.year,
    template,
    issuer,
    title: titleOf(titleName, plan.year, r),
    self: selfWord(plan),
    area: plan.kind === 'area' ? areaWords(plan.division) : null,
    published: date,
    figures: options.figures,
    approxRate: plan_.approximate ? 0.6 : 0,
    wanYuan: plan_.wanYuan,
    prose: proseOf(options.seed, plan.copy?.of ?? id),
    wordings: options.wordings ?? 'tested',
  };
  let blocks: Block[] = reportBlocks(wording, r);
  if (plan_.blankCells) blankCells(blocks, r);
  const injected = plan_.arithmeticError ? injectError(blocks, r) : null;
  if (plan_.arithmeticError && !injected) plan_.arithmeticError = false;
  if (plan_.truncation) {
    const total = units(blocks);
    const first = 6; // title, marker, date, intro: never cut before them
    blocks = cutUnits(blocks, r.int(first, Math.max(first, total - 3)));
  }
  decorate(blocks, plan_, r);
  const trailingPipe = r.chance(0.5);
  const render = (charset: string) =>
    html ? renderHtml(blocks, wording.title, charset) : renderText(blocks, plan_.cellPerLine ? 'cells' : 'piped', trailingPipe);
  // a name with a character GBK lacks: the file stays UTF-8
  const gbkBytes = plan_.gbk ? encodeGbk(render('gb2312')) : null;
  const bytes = gbkBytes ?? new TextEncoder().encode(render('utf-8'));
  if (!gbkBytes) plan_.gbk = false;

  const metrics: Record<string, number> = {};
  const approx: string[] = [];
  for (const p of printedOf(blocks)) {
    metrics[p.id] = p.value;
    if (p.approx) approx.push(p.id);
  }
  const d = plan.division;
  const truth: Truth = {
    id,
    synthetic: true,
    source: `gongkai generate --seed ${options.seed}`,
    issuer,
    jurisdiction: d.name,
    level: plan.department ? 'department' : d.level,
    scope: plan.kind === 'area' ? 'area' : 'self',
    province: options.provinceName,
    division_code: d.code,
    year: plan.year,
    published: `${date.y}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`,
    template,
    format: html ? 'html' : 'txt',
    encoding: gbkBytes ? 'gbk' : 'utf-8',
    metrics,
    approx,
    noise: noiseNames(plan_),
  };
  if (injected) truth.injected_errors = [injected];
  if (plan.copy) truth.copied_from = { report: plan.copy.of, kind: plan.copy.kind };
  const ext = html ? 'html' : 'txt';
  return { id, path: `${d.code.slice(0, 2)}/${plan.year}/${id}.${ext}`, bytes, truth };
}

