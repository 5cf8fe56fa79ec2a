// A system Chromium or Chrome driven by playwright-core (no browser download), with a fresh
// profile per launch. Every request that is not to 127.0.0.1 is recorded and, unless told
// otherwise, aborted, so a test can assert that the app never tried the network.
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Environment variables naming the browser, first match wins. */
export const CHROMIUM_ENV = ['GONGKAI_CHROMIUM', 'CHROME_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'] as const;

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  join(homedir(), 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
];

/** Browsers Playwright downloaded itself (`npx playwright install chromium`), newest first. */
export function playwrightBrowsers(env: NodeJS.ProcessEnv): string[] {
  const roots = [env.PLAYWRIGHT_BROWSERS_PATH, join(homedir(), '.cache/ms-playwright'), join(homedir(), 'Library/Caches/ms-playwright')];
  const found: string[] = [];
  for (const root of roots) {
    if (!root || !existsSync(root)) continue;
    const builds = readdirSync(root).filter((name) => /^chromium-\d+$/.test(name)).sort((a, b) => Number(b.split('-')[1]) - Number(a.split('-')[1]));
    for (const build of builds) {
      for (const binary of ['chrome-linux64/chrome', 'chrome-linux/chrome', 'chrome-mac/Chromium.app/Contents/MacOS/Chromium', 'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing']) {
        found.push(join(root, build, binary));
      }
    }
  }
  return found;
}

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export const CHROMIUM_MISSING = `No Chromium or Chrome found for the browser tests. Install one:
  Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk
  macOS: install Google Chrome (https://www.google.com/chrome/)
  or: npx playwright install chromium
or point ${CHROMIUM_ENV[0]} (or CHROME_PATH) at a Chromium/Chrome binary.`;

/** The browser the tests drive: an environment variable, the usual system paths, then Playwright's own. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, candidates: readonly string[] = [...SYSTEM_PATHS, ...playwrightBrowsers(env)]): string {
  for (const name of CHROMIUM_ENV) {
    const path = env[name];
    if (!path) continue;
    if (!isExecutable(path)) throw new Error(`${name}=${path} is not an executable file. ${CHROMIUM_MISSING}`);
    return path;
  }
  const found = candidates.find(isExecutable);
  if (!found) throw new Error(CHROMIUM_MISSING);
  return found;
}
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const LOCAL_HOSTS = new Set(['127.0.0.1']);

/** Requests the page may make without touching the network. */
export function isLocalUrl(url: string): boolean {
  if (/^(blob|data|about|chrome-error):/.test(url)) return true;
  try {
    return LOCAL_HOSTS.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Every URL requested that is not local (blocked unless `block: false`). */
  offline: string[];
  /** Every URL requested, in order (page and workers). */
  requests: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
  /** The fresh --user-data-dir (its path is in every Chromium process's command line). */
  profile: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Abort non-local requests (default true). Benchmarks only observe, so routing costs nothing. */
  block?: boolean;
  viewport?: { width: number; height: number };
  /** Extra permissions, e.g. clipboard. */
  permissions?: string[];
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'gongkai-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    acceptDownloads: true,
    permissions: options.permissions ?? [],
  });
  const offline: string[] = [];
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => {
    requests.push(request.url());
    if (!isLocalUrl(request.url())) offline.push(request.url());
  });
  if (options.block !== false) {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocalUrl(url)) return route.continue();
      if (!offline.includes(url)) offline.push(url);
      return route.abort('blockedbyclient');
    });
  }
  const watch = (page: Page) => {
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
  };
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page);
  return {
    context,
    page,
    offline,
    requests,
    errors,
    profile,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
