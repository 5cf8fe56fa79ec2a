// Every call the page and its import workers make into the browser (IndexedDB, OPFS, a digest, a
// file read) answers in milliseconds, even at load 18; yet a layer build went silent for good locally
// (2 of 76 runs; the one whose stage was kept had stopped after '4 files written', its next worker
// built the layer in 0.5 s), and a call that never answers would leave an import or a reload waiting
// forever, silently. Each such call is given a limit: past it, it fails with WaitStalled, naming the
// call in both languages and what to do; what was stored before it stays stored.

/** How long one call into the browser may take (an open, a digest, an OPFS handle, a file's read). */
export const WAIT_LIMIT_MS = 10_000;
/** How long one IndexedDB transaction may take (it reads or writes many reports at once). */
export const STORE_LIMIT_MS = 30_000;

/** The calls bounded by name, each with what it is in both languages. */
const CALLS = {
  'layer-open': { zh: '打开浏览器中保存导入报告的数据库（IndexedDB）', en: 'opening the browser database of the imported reports (IndexedDB)' },
  'layer-read': { zh: '读取浏览器中保存的导入报告（IndexedDB）', en: 'reading the imported reports kept in the browser (IndexedDB)' },
  'layer-write': { zh: '在浏览器中保存导入报告（IndexedDB）', en: 'storing the imported reports in the browser (IndexedDB)' },
  'corrections-open': { zh: '打开浏览器中保存更正的数据库（IndexedDB）', en: 'opening the browser database of the corrections (IndexedDB)' },
  'corrections-read': { zh: '读取浏览器中保存的更正（IndexedDB）', en: 'reading the corrections kept in the browser (IndexedDB)' },
  'corrections-write': { zh: '在浏览器中保存更正（IndexedDB）', en: 'storing a correction in the browser (IndexedDB)' },
  'file-read': { zh: '读取文件', en: 'reading the file' },
  digest: { zh: '计算文件的 SHA-256', en: "computing the file's SHA-256" },
} as const;

export type BrowserCall = keyof typeof CALLS;
export const BROWSER_CALLS = Object.keys(CALLS) as BrowserCall[];

/** Why a call failed past its limit: which call, in both languages, and what to do. */
export const stalledReason = (call: BrowserCall, ms: number): string =>
  `${CALLS[call].zh}：浏览器 ${ms / 1000} 秒内没有响应。已保存的内容不受影响；请重新加载页面后再试，如仍如此，请关闭本页面的其他标签页或重新启动浏览器。` +
  ` / ${CALLS[call].en}: the browser did not answer in ${ms / 1000} s. What was already stored is kept; reload the page and try again, and if it happens again, close this page's other tabs or restart the browser.`;

/** A call into the browser that did not answer in time; its message names what was waited on. */
export class WaitStalled extends Error {
  constructor(
    message: string,
    readonly ms: number,
  ) {
    super(message);
    this.name = 'WaitStalled';
  }
}

/** `waiting`'s outcome, or WaitStalled naming what `at` says is waited on then, once `ms` have passed without one. */
export function bounded<T>(waiting: Promise<T>, at: () => string, ms = WAIT_LIMIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const limit = setTimeout(() => reject(new WaitStalled(at(), ms)), ms);
    waiting.then(
      (value) => {
        clearTimeout(limit);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(limit);
        reject(error);
      },
    );
  });
}

/** Test hook: calls of each kind that are never made and never answer, from the next one on. */
const stalls = new Map<BrowserCall, number>();

/** Test hook (`?bench=1`): the next `times` calls of this kind never answer (they are not made). */
export function stallNext(call: BrowserCall, times = 1): void {
  stalls.set(call, (stalls.get(call) ?? 0) + times);
}

const takeStall = (call: BrowserCall): boolean => {
  const left = stalls.get(call) ?? 0;
  if (left > 0) stalls.set(call, left - 1);
  return left > 0;
};

/** Test hook: every named call's limit (tests need not wait out 10 or 30 s); null: each its own. */
let testLimitMs: number | null = null;

/** Test hook (`?bench=1`): every named call's limit is `ms` (null: each its own again). */
export function limitForTest(ms: number | null): void {
  testLimitMs = ms;
}

/** `run()`'s outcome, or past `ms` WaitStalled with the call's reason (stalledReason). */
export function boundedCall<T>(call: BrowserCall, run: () => Promise<T>, ms = WAIT_LIMIT_MS): Promise<T> {
  const limit = testLimitMs ?? ms;
  return bounded(takeStall(call) ? new Promise<T>(() => {}) : run(), () => stalledReason(call, limit), limit);
}
