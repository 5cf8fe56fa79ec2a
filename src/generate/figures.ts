// What a body did in a year: every figure a report of any template could print, internally
// consistent (each total is the sum of its parts, requests balance), with magnitudes by kind of
// body (a town receives a handful of requests, a big city thousands; reconsideration and
// litigation are rare) and a trend over the years (a body's own growth rate, a jump after the
// 2019 regulation, year-to-year jitter). Pure function of (seed, body, year).
import { APPLICANT_COLUMNS, REASON_GROUP_NAMES, REASON_GROUPS, REQUEST_ROWS, REVIEW_GROUPS, type ReasonGroup, type RequestRow } from '../shared/metrics';
import { Rng, unitHash } from './prng';

export type BodyKind = 'province' | 'city' | 'county' | 'town' | 'city-department' | 'county-department';

export interface Body {
  /** Stable identity: the division code, or code:slug for a department. */
  key: string;
  kind: BodyKind;
  /** Relative activity of a department (1 = average); 1 for governments. */
  weight: number;
  /** A district (区) of a city is busier than a rural county. */
  urban: boolean;
}

export type Figures = Record<string, number>;

/** Requests per year around 2018 for an average body of each kind (before the body's own spread). */
const BASE_REQUESTS: Record<BodyKind, number> = {
  province: 900,
  city: 160,
  county: 22,
  town: 0.8,
  'city-department': 14,
  'county-department': 1.6,
};
/** Items proactively disclosed per year around 2018. */
const BASE_PROACTIVE: Record<BodyKind, number> = {
  province: 30000,
  city: 6000,
  county: 1200,
  town: 90,
  'city-department': 350,
  'county-department': 90,
};

/** Applicant columns except total: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他. */
const APPLICANTS = APPLICANT_COLUMNS.filter((c) => c !== 'total');
const APPLICANT_WEIGHTS = [86, 7, 0.4, 0.6, 3, 3];

// The requests table as a matrix: row index by name, metric ids precomputed (this runs 150,000 times).
const ROWS = REQUEST_ROWS;
const ROW = Object.fromEntries(ROWS.map((row, i) => [row, i])) as Record<RequestRow, number>;
const ROW_IDS = ROWS.map((row) => APPLICANT_COLUMNS.map((col) => `r.${row}.${col}`));
const REASON_WEIGHTS: Record<ReasonGroup, readonly number[]> = { denied: [1, 1, 0.5, 3, 2, 3, 1, 1], unable: [6, 1.5, 1], rejected: [3, 3, 0.5, 0.5, 1], other: [2, 0.3, 3] };
const REASON_ROWS = Object.fromEntries(
  REASON_GROUP_NAMES.map((group) => [group, REASON_GROUPS[group].map((reason) => ROW[`${group}.${reason}` as RequestRow])]),
) as Record<ReasonGroup, number[]>;

/** rv.upheld … rv.total, lit.direct.*, lit.after_rv.* */
const REVIEW_IDS = REVIEW_GROUPS.map((g) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `${g}.${c}`));

/** A body's size and growth: fixed for the body across years. */
function profile(seed: number, body: Body): { size: number; growth: number } {
  const r = new Rng(Math.floor(unitHash(seed, 'profile', body.key) * 2 ** 32));
  let size = r.spread(0.8) * body.weight * (body.urban ? 1.6 : 1);
  if (body.kind === 'city' && /^\d{2}0[12]00$/.test(body.key)) size *= 4; // the capital and the second city
  const growth = 0.03 + 0.12 * r.next();
  return { size, growth };
}

/** The year's activity factor: own growth, the 2019 regulation's jump, jitter. */
function trend(growth: number, year: number, r: Rng): number {
  const years = year - 2018;
  const jump = year >= 2019 ? 1.25 : 1;
  return Math.pow(1 + growth, years) * jump * r.spread(0.2);
}

const money = (yuan: number) => Math.round(yuan * 100) / 100;

export function figuresOf(seed: number, body: Body, year: number): Figures {
  const { size, growth } = profile(seed, body);
  const r = Rng.of(seed, 'figures', body.key, year);
  const t = trend(growth, year, r);
  const f: Figures = {};

  // requests: per applicant column, new + carried in = handled + carried out
  const newTotal = r.poisson(BASE_REQUESTS[body.kind] * size * t);
  const newCols = r.split(newTotal, APPLICANT_WEIGHTS);
  const carriedInTotal = newTotal > 3 ? r.poisson(newTotal * 0.04) : 0;
  const inCols = r.split(carriedInTotal, APPLICANT_WEIGHTS);
  const grantShare = 0.3 + 0.35 * r.next();
  const groupWeights = [grantShare, 0.1, 0.06, 1 - grantShare - 0.28, 0.07, 0.05, 0.04]; // granted partial denied unable rejected other carried_out
  const m = ROWS.map(() => [0, 0, 0, 0, 0, 0]);
  for (let k = 0; k < APPLICANTS.length; k++) {
    if (newCols[k] + inCols[k] === 0) continue;
    m[ROW.new][k] = newCols[k];
    m[ROW.carried_in][k] = inCols[k];
    const [granted, partial, denied, unable, rejected, other, out] = r.split(newCols[k] + inCols[k], groupWeights);
    m[ROW.granted][k] = granted;
    m[ROW.partial][k] = partial;
    m[ROW.carried_out][k] = out;
    for (const [group, n] of [['denied', denied], ['unable', unable], ['rejected', rejected], ['other', other]] as const) {
      const parts = r.split(n, REASON_WEIGHTS[group]);
      const rows = REASON_ROWS[group];
      for (let i = 0; i < rows.length; i++) m[rows[i]][k] = parts[i];
      m[ROW[`${group}.total`]][k] = n;
    }
    m[ROW.handled][k] = granted + partial + denied + unable + rejected + other;
  }
  for (let i = 0; i < ROWS.length; i++) {
    const ids = ROW_IDS[i];
    let total = 0;
    for (let k = 0; k < 6; k++) {
      f[ids[k]] = m[i][k];
      total += m[i][k];
    }
    f[ids[6]] = total;
  }

  // reconsideration and litigation: rare, from the year's requests
  const disputes = newTotal * (0.01 + 0.03 * r.next());
  for (const ids of REVIEW_IDS) {
    const n = r.poisson(ids[4] === 'rv.total' ? disputes : ids[4] === 'lit.direct.total' ? disputes * 0.5 : disputes * 0.25);
    const parts = r.split(n, [7, 1, 1, 1]);
    for (let i = 0; i < 4; i++) f[ids[i]] = parts[i];
    f[ids[4]] = n;
  }
  f['lit.total'] = f['lit.direct.total'] + f['lit.after_rv.total'];

  // proactive disclosure
  const proactive = r.poisson(BASE_PROACTIVE[body.kind] * size * t);
  f['p.total'] = proactive;
  f['p.website'] = Math.round(proactive * (0.45 + 0.4 * r.next()));
  f['p.other_channels'] = proactive - f['p.website'];
  const isGov = body.kind === 'province' || body.kind === 'city' || body.kind === 'county';
  const rules = body.kind === 'province' || body.kind === 'city' ? r.poisson(3 * t) : 0;
  const normative = r.poisson((isGov ? 12 : 2) * size * t);
  f['p.rules.new_made'] = rules;
  f['p.rules.new_published'] = rules;
  f['p.rules.total_published'] = rules + r.poisson(rules * 8 + (rules > 0 ? 20 : 0));
  f['p.normative.new_made'] = normative;
  f['p.normative.new_published'] = normative - (normative > 5 && r.chance(0.2) ? 1 : 0);
  f['p.normative.total_published'] = normative + r.poisson(normative * 6);
  f['p.rules.issued'] = rules;
  f['p.rules.repealed'] = r.poisson(rules * 0.3);
  f['p.rules.in_force'] = f['p.rules.total_published'];
  f['p.normative.issued'] = normative;
  f['p.normative.repealed'] = r.poisson(normative * 0.4);
  f['p.normative.in_force'] = f['p.normative.total_published'];
  const licensing = body.kind === 'town' ? 0.2 : body.kind.endsWith('department') ? 1.5 * body.weight : 1;
  for (const [item, base] of [['license', 60], ['other_service', 40], ['penalty', 30], ['coercion', 4]] as const) {
    const prev = r.poisson(base * licensing * Math.sqrt(size));
    f[`p.${item}.prev_items`] = prev;
    f[`p.${item}.change`] = prev === 0 ? 0 : Math.round(prev * 0.15 * r.normal());
    f[`p.${item}.decisions`] = r.poisson(prev * 25 * t);
  }
  const fees = r.poisson(5 * licensing);
  f['p.fees.prev_items'] = fees;
  f['p.fees.change'] = fees === 0 ? 0 : -r.poisson(0.5);
  // 2021 fee amounts are printed in 万元 with up to 4 decimals: whole yuan
  f['p.fees.amount_yuan'] = fees === 0 ? 0 : Math.round(fees * 8000 * size * r.spread(1));
  f['p.procurement.projects'] = r.poisson(20 * licensing * size);
  f['p.procurement.amount_yuan'] = f['p.procurement.projects'] === 0 ? 0 : money(f['p.procurement.projects'] * 260000 * r.spread(0.7));
  // request fees were abolished in practice; a few bodies still charged copying costs
  f['fee.collected_yuan'] = year < 2019 && newTotal > 0 && r.chance(0.08) ? r.int(2, 60) * 10 : 0;
  return f;
}

/** The figures of an area: the sum of its bodies' figures (money to the cent). */
export function sumFigures(parts: Figures[]): Figures {
  const out: Figures = {};
  for (const p of parts) for (const [k, v] of Object.entries(p)) out[k] = (out[k] ?? 0) + v;
  for (const k of Object.keys(out)) if (k.endsWith('_yuan')) out[k] = money(out[k]);
  return out;
}
