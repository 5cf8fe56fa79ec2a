// The defects of real report files, injected at documented rates (README "Synthetic data").
// Each is decided per report from the report's own seeded stream; `--noise none` turns all off.
import type { Block, Cell } from './document';
import type { Rng } from './prng';

/** Per-report probabilities of each defect (and of the printing variants that go with them). */
export const NOISE_RATES = {
  /** Text tables as one cell per line (a broken PDF/Word extraction) rather than "a | b" rows. */
  cellPerLine: 0.35,
  /** "??" in front of table numbers, "?" after sentence ends, zero-width spaces in sentences. */
  strayChars: 0.05,
  /** Every digit full-width (０１２…). */
  fullWidthDigits: 0.04,
  /** Large narrative counts approximated (3万余条, 2500余条). */
  approximate: 0.25,
  /** The 2019 table's procurement amount in 万元. */
  wanYuan: 0.3,
  /** The file encoded as GBK instead of UTF-8. */
  gbk: 0.05,
  /** One to three blank cells in the requests table (piped or HTML tables only). */
  blankCells: 0.03,
  /** The text cut after a paragraph or table row (text files only). */
  truncation: 0.02,
  /** A total printed that is not the sum of its parts (table reports only): the report's own error. */
  arithmeticError: 0.02,
} as const;

/** Share of reports written as HTML (not a defect: both formats are common). */
export const HTML_SHARE = 0.3;

export type NoiseMode = 'default' | 'none';

export interface NoisePlan {
  cellPerLine: boolean;
  strayChars: boolean;
  fullWidthDigits: boolean;
  approximate: boolean;
  wanYuan: boolean;
  gbk: boolean;
  blankCells: boolean;
  truncation: boolean;
  arithmeticError: boolean;
}

export function planNoise(mode: NoiseMode, r: Rng, html: boolean, table: boolean): NoisePlan {
  const on = (rate: number) => mode === 'default' && r.chance(rate);
  const plan: NoisePlan = {
    cellPerLine: !html && on(NOISE_RATES.cellPerLine),
    strayChars: on(NOISE_RATES.strayChars),
    fullWidthDigits: on(NOISE_RATES.fullWidthDigits),
    approximate: on(NOISE_RATES.approximate),
    wanYuan: on(NOISE_RATES.wanYuan),
    gbk: on(NOISE_RATES.gbk),
    blankCells: false,
    truncation: false,
    arithmeticError: false,
  };
  plan.arithmeticError = table && on(NOISE_RATES.arithmeticError);
  // errors must stay checkable: no blank or cut rows in a report that carries one
  plan.blankCells = table && !plan.cellPerLine && !plan.arithmeticError && on(NOISE_RATES.blankCells);
  plan.truncation = !html && !plan.arithmeticError && on(NOISE_RATES.truncation);
  return plan;
}

export const noiseNames = (plan: NoisePlan): string[] => Object.entries(plan).filter(([, v]) => v).map(([k]) => k).sort();

function numberCells(blocks: Block[], table: number): Cell[] {
  const t = blocks.filter((b) => b.kind === 'table')[table];
  if (!t || t.kind !== 'table') return [];
  return t.rows.flatMap((row) => row.filter((c) => c.printed));
}

/** Blanks 1–3 number cells of the requests table, never a row's last cell (a trailing blank hides the row's length). */
export function blankCells(blocks: Block[], r: Rng): void {
  const t = blocks.filter((b) => b.kind === 'table')[1];
  if (!t || t.kind !== 'table') return;
  const candidates = t.rows.flatMap((row) => row.slice(0, -1).filter((c) => c.printed));
  for (let k = r.int(1, 3); k > 0 && candidates.length > 0; k--) {
    const i = r.int(0, candidates.length - 1);
    const cell = candidates.splice(i, 1)[0];
    cell.text = '';
    delete cell.printed;
  }
}

export interface InjectedError {
  metric: string;
  printed: number;
  correct: number;
  /** The check of the parser that must fail. */
  check: string;
}

const ERROR_TARGETS: [string, string][] = [
  ['r.new.total', 'requests.columns.new'],
  ['r.handled.total', 'requests.handled.total'],
  ['r.granted.total', 'requests.columns.granted'],
  ['rv.total', 'rv.total'],
  ['lit.direct.total', 'lit.direct.total'],
];

/** A total that is not the sum of its parts, as a government may print it. */
export function injectError(blocks: Block[], r: Rng): InjectedError | null {
  const [metric, check] = r.pick(ERROR_TARGETS);
  const cell = [...numberCells(blocks, 1), ...numberCells(blocks, 2)].find((c) => c.printed?.id === metric);
  if (!cell?.printed) return null;
  const correct = cell.printed.value;
  const delta = correct === 0 || r.chance(0.5) ? r.int(1, 3) : -r.int(1, Math.min(3, correct));
  const printed = correct + delta;
  cell.printed = { ...cell.printed, value: printed };
  cell.text = String(printed);
  return { metric, printed, correct, check };
}

const FULL_WIDTH = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** Stray characters and full-width digits, in text content only (never in HTML markup). */
export function decorate(blocks: Block[], plan: NoisePlan, r: Rng): void {
  for (const b of blocks) {
    if (b.kind === 'para') {
      if (plan.strayChars && !b.fixed && !b.heading) {
        if (b.text.endsWith('。') && r.chance(0.5)) b.text += '?';
        if (r.chance(0.5)) {
          const at = r.int(1, Math.max(1, b.text.length - 1));
          b.text = b.text.slice(0, at) + '\u200b' + b.text.slice(at);
        }
      }
      if (plan.fullWidthDigits) b.text = FULL_WIDTH(b.text);
      continue;
    }
    for (const row of b.rows) {
      for (const c of row) {
        if (plan.strayChars && c.printed && r.chance(0.15)) c.text = `??${c.text}`;
        if (plan.fullWidthDigits) c.text = FULL_WIDTH(c.text);
      }
    }
  }
}
