// `gongkai generate`: every report of the chosen provinces and years, written as it is made
// (bounded number of writes in flight), with one truth file per report. Same options, same
// bytes: every report is seeded from its own identity, never from the order of work.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { figuresOf, sumFigures, type Figures } from './figures';
import { COPY_RATE, planCopy } from './copies';
import type { NoiseMode } from './noise';
import type { Wordings } from './phrasing';
import { unitHash } from './prng';
import { bodyOf, buildReport, type ReportPlan } from './report';
import { departmentsOf, divisionsIn, findProvince, loadProvince, provinces, type Division, type ProvinceUnits } from './units';

export interface GenerateOptions {
  /** A province name (辽宁省, 辽宁), its two-digit code, or `all`. */
  province: string;
  years: number[];
  out: string;
  seed: number;
  scale: number;
  noise: NoiseMode;
  /** Share of reports that copy another's narrative (planted copies, recorded in the truth); default COPY_RATE. */
  copies?: number;
  /** Which narrative wordings to print: the tested set, or the held-out, unseen or fresh set only the accuracy benchmark uses. */
  wordings?: Wordings;
}

/** A bad option value found once the gazetteer is read (an unknown province): the CLI's usage error. */
export class GenerateOptionError extends Error {
  override name = 'GenerateOptionError';
}

/** Share of city and county governments (and of provinces) that also publish an area summary in a year. */
export const AREA_RATE = { province: 0.3, city: 0.15, county: 0.12 } as const;

export interface GenerateResult {
  reports: number;
  bytes: number;
  byLevel: Record<string, number>;
  seconds: number;
}

const IN_FLIGHT = 64;

export function resolveProvinces(arg: string): { code2: string; name: string }[] {
  if (arg.trim().toLowerCase() === 'all') return provinces().map((p) => ({ code2: p.code.slice(0, 2), name: p.name }));
  const p = findProvince(arg);
  if (!p) throw new GenerateOptionError(`generate: unknown province "${arg}" (a name such as 辽宁省, a two-digit code such as 21, or all)`);
  return [{ code2: p.code.slice(0, 2), name: p.name }];
}

/** What one year of a province publishes, in a fixed order, with a cache of area sums. */
class YearPlan {
  private readonly divisions: Division[];
  private readonly children = new Map<string, Division[]>();
  private readonly areaCache = new Map<string, Figures>();

  constructor(
    units: ProvinceUnits,
    readonly year: number,
    private readonly options: GenerateOptions,
  ) {
    this.divisions = divisionsIn(units, year, options.seed, options.scale);
    const codes = new Set(this.divisions.map((d) => d.code));
    for (const d of this.divisions) {
      const parent = d.ancestors[d.ancestors.length - 1];
      if (!parent || !codes.has(parent.code)) continue;
      const list = this.children.get(parent.code) ?? [];
      list.push(d);
      this.children.set(parent.code, list);
    }
  }

  *plans(): Generator<ReportPlan> {
    const { seed, scale } = this.options;
    const rate = this.options.copies ?? COPY_RATE;
    const withCopy = (plan: ReportPlan, neighbour?: ReportPlan): ReportPlan => ({ ...plan, copy: planCopy(seed, rate, plan, neighbour) });
    /** The previous government of each parent and level: a neighbour to copy from. */
    const lastSibling = new Map<string, ReportPlan>();
    for (const d of this.divisions) {
      const gov: ReportPlan = { kind: 'gov', division: d, year: this.year };
      const siblingKey = `${d.ancestors[d.ancestors.length - 1]?.code ?? ''}/${d.level}`;
      yield withCopy(gov, lastSibling.get(siblingKey));
      lastSibling.set(siblingKey, gov);
      const areaRate = d.level === 'town' ? 0 : AREA_RATE[d.level];
      if (areaRate > 0 && unitHash(seed, 'area', d.code, this.year) < areaRate) yield withCopy({ kind: 'area', division: d, year: this.year });
      let previous: ReportPlan | undefined;
      for (const department of departmentsOf(d, this.year, seed, scale).sort((a, b) => a.slug.localeCompare(b.slug))) {
        const plan: ReportPlan = { kind: 'dept', division: d, department, year: this.year };
        yield withCopy(plan, previous);
        previous = plan;
      }
    }
  }

  figures(plan: ReportPlan): Figures {
    return plan.kind === 'area' ? this.areaFigures(plan.division) : figuresOf(this.options.seed, bodyOf(plan), this.year);
  }

  /** The government's own figures, its departments' and its subordinate areas'. */
  private areaFigures(d: Division): Figures {
    const cached = this.areaCache.get(d.code);
    if (cached) return cached;
    const { seed, scale } = this.options;
    const parts: Figures[] = [figuresOf(seed, bodyOf({ kind: 'gov', division: d, year: this.year }), this.year)];
    for (const department of departmentsOf(d, this.year, seed, scale)) {
      parts.push(figuresOf(seed, bodyOf({ kind: 'dept', division: d, department, year: this.year }), this.year));
    }
    for (const child of this.children.get(d.code) ?? []) parts.push(this.areaFigures(child));
    const sum = sumFigures(parts);
    this.areaCache.set(d.code, sum);
    return sum;
  }
}

export async function runGenerate(options: GenerateOptions, log: (line: string) => void = () => {}): Promise<GenerateResult> {
  const started = performance.now();
  const targets = resolveProvinces(options.province);
  const result: GenerateResult = { reports: 0, bytes: 0, byLevel: {}, seconds: 0 };
  const truthDir = join(options.out, 'truth');
  await mkdir(truthDir, { recursive: true });
  const inFlight = new Set<Promise<void>>();
  const write = async (path: string, data: Uint8Array | string) => {
    const p = writeFile(path, data).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  };
  for (const target of targets) {
    const units = loadProvince(target.code2);
    for (const year of options.years) {
      const dir = join(options.out, target.code2, String(year));
      await mkdir(dir, { recursive: true });
      const plan = new YearPlan(units, year, options);
      let count = 0;
      for (const p of plan.plans()) {
        const report = buildReport(p, { seed: options.seed, noise: options.noise, provinceName: target.name, figures: plan.figures(p), wordings: options.wordings });
        await write(join(options.out, report.path), report.bytes);
        await write(join(truthDir, `${report.id}.json`), JSON.stringify(report.truth, null, 1) + '\n');
        result.reports++;
        result.bytes += report.bytes.length;
        result.byLevel[report.truth.level] = (result.byLevel[report.truth.level] ?? 0) + 1;
        count++;
      }
      log(`${target.name} ${year}: ${count} reports`);
    }
  }
  await Promise.all(inFlight);
  // what was asked, so the set can be made again (no clock, no host: same options, same bytes)
  const manifest = { generator: 'gongkai generate', version: 1, ...options, out: undefined, provinces: targets.map((t) => t.name), reports: result.reports, by_level: result.byLevel };
  await writeFile(join(options.out, 'generate.json'), JSON.stringify(manifest, null, 1) + '\n');
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
