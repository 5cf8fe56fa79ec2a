// Shared by the e2e files on the import in the page: the app's test hooks for SQL, the import and
// its parse, and waits on the user's layer (never on time).
import type { Page } from 'playwright-core';
import { beforeAll } from 'vitest';
import type { ImportedFile } from '../../workers/import-protocol';
import { appUrl, browserSession, READY_TIMEOUT, waitForEngine, type BrowserSession } from './support';

export type Row = Record<string, unknown>;

/** The file's browser session (support.ts), the app open with its test hooks (`?bench=1`) and its engine ready before the tests. */
export function hookedAppSession(): BrowserSession {
  const session = browserSession();
  beforeAll(async () => {
    await session.page.goto(appUrl('bench=1'));
    await waitForEngine(session.page);
  });
  return session;
}

/** Rows of `sql` as the page's data worker answers it (the app's `__gongkai` hook). */
export const pageQuery = (page: Page, sql: string): Promise<Row[]> =>
  page.evaluate(async (text) => (window as unknown as { __gongkai: { query(sql: string): Promise<Row[]> } }).__gongkai.query(text), sql);

/**
 * Waits until the import toggle is idle (`loaded`: with a layer version too); its version. On a
 * time-out the error says how far the page's last build of the layer got (the bench hook's laps:
 * a lap missing is where it stopped; the build's attempt and its worker's last stage) and what the toggle said.
 */
export async function waitForLayer(page: Page, loaded: boolean): Promise<string> {
  try {
    await page.waitForFunction((loaded) => {
      const el = document.querySelector('[data-testid="import-toggle"]');
      return el?.getAttribute('data-busy') === 'false' && (!loaded || el.getAttribute('data-layer-version') !== '');
    }, loaded, { timeout: READY_TIMEOUT * 2 });
  } catch (error) {
    const state = await page
      .evaluate(() => {
        const el = document.querySelector('[data-testid="import-toggle"]');
        const hook = (window as unknown as { __gongkaiImport?: { timings(): unknown; build(): string | null } }).__gongkaiImport;
        return { laps: hook?.timings() ?? null, build: hook?.build() ?? null, busy: el?.getAttribute('data-busy'), version: el?.getAttribute('data-layer-version'), pageMs: Math.round(performance.now()) };
      })
      .catch((e: unknown) => String(e));
    throw new Error(`${(error as Error).message}\nthe page's layer: ${JSON.stringify(state)}`, { cause: error });
  }
  return (await page.getByTestId('import-toggle').getAttribute('data-layer-version')) ?? '';
}

/** Waits until the user's layer is built and loaded (the import toggle idle with a version); that version. */
export const layerVersion = (page: Page): Promise<string> => waitForLayer(page, true);

/** Imports texts as files at these paths, as a picked folder would (the app's `__gongkaiImport.run`). */
export async function importTexts(page: Page, files: { path: string; text: string }[]): Promise<void> {
  await page.evaluate(
    (batch) => (window as unknown as { __gongkaiImport: { run(files: { path: string; blob: Blob }[]): Promise<number> } }).__gongkaiImport.run(batch.map((f) => ({ path: f.path, blob: new Blob([f.text]) }))),
    files,
  );
}

/** Each file parsed by the page's import workers (the app's `__gongkaiImport.parse`), in order. */
export async function parseInPage(page: Page, files: { name: string; base64: string }[]): Promise<ImportedFile[]> {
  await page.waitForFunction(() => '__gongkaiImport' in window);
  return page.evaluate(async (batch) => {
    const hook = (window as unknown as { __gongkaiImport: { parse(bytes: Uint8Array, name: string): Promise<ImportedFile> } }).__gongkaiImport;
    return Promise.all(batch.map((f) => hook.parse(Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)), f.name)));
  }, files);
}

/** The import worker's script held back until `release`: the window in which the user's layer is not built yet. */
export interface HeldImportWorkers {
  /** How many fetches of the script are held. */
  held(): number;
  release(): Promise<void>;
}

/**
 * Holds every fetch of the import worker's script from now on. The script is fetched for the
 * worker, not the page: only the context's routes see it.
 */
export async function holdImportWorkers(page: Page): Promise<HeldImportWorkers> {
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  let held = 0;
  await page.context().route(/import\.worker/, async (route) => {
    held++;
    await gate;
    await route.continue();
  });
  return {
    held: () => held,
    release: async () => {
      open();
      await page.context().unroute(/import\.worker/);
    },
  };
}
