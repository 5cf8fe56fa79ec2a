// PDF bytes → positioned text items and ruling lines per page, through pdf.js (pdfjs-dist, the
// legacy build: it runs in Node 20 and in browsers). CMaps and standard fonts are read from the
// locations the caller passes (files shipped with the app or in node_modules), never the network.
import type { PdfItem, PdfPageContent, Rule } from './pdf-layout';

export interface PdfResources {
  /** Folder (Node: a path; browser: a URL) of pdfjs-dist's bcmaps, ending in "/". */
  cMapUrl?: string;
  /** Folder of pdfjs-dist's standard fonts, ending in "/". */
  standardFontDataUrl?: string;
  /**
   * A stand-in for the page's document that takes pdf.js's @font-face rules and drops them
   * (Node, which has no document). With it, pdf.js keeps its fonts as font files; without it
   * (`disableFontFace`), it also draws every glyph shown on a page as a path when the operator
   * list is read — about a third of the time on a page with a table.
   */
  fontRuleSink?: object;
}

/** A document whose one stylesheet accepts and ignores pdf.js's @font-face rules. */
export const DROP_FONT_RULES: object = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
};

/**
 * The same for a browser worker, where pdf.js waits for a font its rule names to be drawn (a canvas
 * test Node and Firefox skip): a font set that takes the fonts (FontFace, the worker's own) and keeps
 * none, so no rule is written and nothing waits for one.
 */
export const DROP_FONT_FACES: object = { fonts: { add: () => undefined, delete: () => undefined } };

export interface PdfLimits {
  maxPages: number;
  /** Budget for reading the pages (ms), on `clock`. */
  maxMillis: number;
  /**
   * The clock the budget is counted on (ms). Wall-clock by default; Node passes the process's CPU
   * time, so a busy machine does not fail good files. A hung read is still cut after
   * `HANG_FACTOR` × the budget of wall-clock time.
   */
  clock?: () => number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = { maxPages: 200, maxMillis: 10_000 };

const HANG_FACTOR = 6;

export interface PdfPageRead extends PdfPageContent {
  /** Images painted on the page (a scan is images and no text). */
  images: number;
}

export type PdfRead = { ok: true; pages: PdfPageRead[] } | { ok: false; reason: string };

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<PdfJs> | null = null;
/**
 * pdf.js and its worker code, loaded once. The worker code runs on this thread (a "fake worker":
 * the caller is a CLI or already a worker), set up front so no file pays for loading it.
 */
const loadPdfJs = (): Promise<PdfJs> =>
  (pdfjs ??= Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]).then(([lib, worker]) => {
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return lib;
  }));

class Timeout extends Error {}

// One PDF at a time: pdf.js works on this thread, so PDFs read side by side would spend each
// other's time budget; queued, each one's clock starts when its turn does.
let queue: Promise<unknown> = Promise.resolve();

/** Reads every page's text items and ruling lines. Never throws: a PDF that cannot be read is a reason. */
export function readPdf(bytes: Uint8Array, resources: PdfResources = {}, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<PdfRead> {
  const turn = queue.then(() => readPdfNow(bytes, resources, limits));
  queue = turn.catch(() => undefined);
  return turn;
}

async function readPdfNow(bytes: Uint8Array, resources: PdfResources, limits: PdfLimits): Promise<PdfRead> {
  const lib = await loadPdfJs();
  const clock = limits.clock ?? Date.now;
  const started = clock();
  const wallStarted = Date.now();
  /** Rejects when the budget is spent (checked between steps) or the step hangs (wall-clock). */
  const step = <T>(promise: Promise<T>): Promise<T> => {
    if (clock() - started > limits.maxMillis) return Promise.reject(new Timeout());
    return withDeadline(promise, wallStarted, limits.maxMillis * (limits.clock ? HANG_FACTOR : 1));
  };
  const task = lib.getDocument({
    // pdf.js may transfer (detach) the buffer it is given: give it a copy
    data: new Uint8Array(bytes),
    cMapUrl: resources.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: resources.standardFontDataUrl,
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: !resources.fontRuleSink,
    ownerDocument: resources.fontRuleSink as Document | undefined,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await step(task.promise);
    if (doc.numPages > limits.maxPages) {
      return { ok: false, reason: `PDF has ${doc.numPages} pages, more than the ${limits.maxPages} an annual report can have: not read` };
    }
    const pages: PdfPageRead[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await step(doc.getPage(n));
      const [x0, y0, x1, y1] = page.view;
      const content = await step(page.getTextContent());
      const items: PdfItem[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, , , e, f] = item.transform as number[];
        const size = item.height > 0 ? item.height : Math.hypot(a, b);
        items.push({ str: item.str, x: e, y: f, w: item.width, h: size });
      }
      // the operator list (ruling lines, images) costs as much as the text: read it only where a
      // table may be printed or the text is too thin to tell a scan from a blank page
      let rules: Rule[] = [];
      let images = 0;
      if (mayHoldTable(items) || readableChars(items) < 10) {
        const ops = await step(page.getOperatorList());
        ({ rules, images } = rulesAndImages(lib, ops.fnArray, ops.argsArray));
      }
      pages.push({ page: n, width: x1 - x0, height: y1 - y0, y0, items, rules, images });
      page.cleanup();
    }
    return { ok: true, pages };
  } catch (error) {
    return { ok: false, reason: describePdfError(error, limits) };
  } finally {
    void task.destroy();
  }
}

const NUMBER_ITEM = /^\s*[\d,.]+\s*$/;

const readableChars = (items: PdfItem[]) => items.reduce((n, i) => n + (i.str.match(/[\u4e00-\u9fffA-Za-z0-9]/g)?.length ?? 0), 0);

/** Two or more items that are bare numbers on one baseline: a table row (or a page of them). */
function mayHoldTable(items: PdfItem[]): boolean {
  const perLine = new Map<number, number>();
  for (const item of items) {
    if (!NUMBER_ITEM.test(item.str)) continue;
    const key = Math.round(item.y / 3);
    const n = (perLine.get(key) ?? 0) + 1;
    if (n >= 2) return true;
    perLine.set(key, n);
  }
  return false;
}

function withDeadline<T>(promise: Promise<T>, started: number, maxMillis: number): Promise<T> {
  const left = maxMillis - (Date.now() - started);
  if (left <= 0) return Promise.reject(new Timeout());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), left);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describePdfError(error: unknown, limits: PdfLimits): string {
  if (error instanceof Timeout) return `PDF not read within the ${limits.maxMillis / 1000} s limit`;
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return 'encrypted PDF: a password is needed to read it';
  if (name === 'InvalidPDFException') return `not a readable PDF (broken file structure): ${message}`;
  return `PDF could not be read: ${message}`;
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Thicker than this, a filled rectangle is a shaded area, not a ruling line. */
const MAX_RULE_THICKNESS = 3;

/** Ruling lines (stroked axis-aligned segments, thin filled rectangles) and painted images, in page space. */
function rulesAndImages(lib: PdfJs, fnArray: number[], argsArray: unknown[]): { rules: Rule[]; images: number } {
  const { OPS } = lib;
  const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 };
  const rules: Rule[] = [];
  let images = 0;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const stroke = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fill = new Set<number>([OPS.fill, OPS.eoFill]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, argsArray[i] as Matrix);
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) images++;
    else if (fn === OPS.constructPath) {
      const [paint, data] = argsArray[i] as [number, [ArrayLike<number> | null]];
      const path = data?.[0];
      if (!path || (!stroke.has(paint) && !fill.has(paint))) continue;
      const points: [number, number][][] = [];
      let current: [number, number][] = [];
      for (let k = 0; k < path.length; ) {
        const op = path[k++];
        if (op === DRAW.moveTo) {
          if (current.length > 0) points.push(current);
          current = [apply(ctm, path[k], path[k + 1])];
          k += 2;
        } else if (op === DRAW.lineTo) {
          current.push(apply(ctm, path[k], path[k + 1]));
          k += 2;
        } else if (op === DRAW.curveTo) {
          current.push(apply(ctm, path[k + 4], path[k + 5]));
          k += 6;
        } else if (op === DRAW.quadraticCurveTo) {
          current.push(apply(ctm, path[k + 2], path[k + 3]));
          k += 4;
        } else if (op === DRAW.closePath) {
          if (current.length > 0) current.push(current[0]);
        } else break;
      }
      if (current.length > 0) points.push(current);
      for (const poly of points) {
        if (stroke.has(paint)) {
          for (let k = 1; k < poly.length; k++) pushSegment(rules, poly[k - 1], poly[k]);
        } else {
          const xs = poly.map((p) => p[0]);
          const ys = poly.map((p) => p[1]);
          const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          if (maxY - minY <= MAX_RULE_THICKNESS && maxX - minX > MAX_RULE_THICKNESS) {
            const y = (minY + maxY) / 2;
            rules.push({ x0: minX, y0: y, x1: maxX, y1: y });
          } else if (maxX - minX <= MAX_RULE_THICKNESS && maxY - minY > MAX_RULE_THICKNESS) {
            const x = (minX + maxX) / 2;
            rules.push({ x0: x, y0: minY, x1: x, y1: maxY });
          }
        }
      }
    }
  }
  return { rules, images };
}

function pushSegment(rules: Rule[], [ax, ay]: [number, number], [bx, by]: [number, number]) {
  if (Math.abs(ay - by) <= 0.5 && Math.abs(ax - bx) > 0.5) {
    const y = (ay + by) / 2;
    rules.push({ x0: Math.min(ax, bx), y0: y, x1: Math.max(ax, bx), y1: y });
  } else if (Math.abs(ax - bx) <= 0.5 && Math.abs(ay - by) > 0.5) {
    const x = (ax + bx) / 2;
    rules.push({ x0: x, y0: Math.min(ay, by), x1: x, y1: Math.max(ay, by) });
  }
}
