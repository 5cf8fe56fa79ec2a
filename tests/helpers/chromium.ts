// Debian's Chromium driven by playwright-core (no browser download), with a fresh profile per
// launch. Every request that is not to 127.0.0.1 is recorded and, unless told otherwise, aborted,
// so a test can assert that the app never tried the network.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
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
    executablePath: CHROMIUM_PATH,
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
