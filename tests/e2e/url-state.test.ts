// State lives in the URL: what the user sets through the UI is in the query string, survives a
// reload unchanged, Back undoes it, and a URL with invalid parameters falls back with notices.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/app/i18n/messages';
import { entityProvinces, searchEntities } from '../../src/db/sql';
import { parseSummary } from '../../src/shared/summary';
import type { Browser } from '../helpers/chromium';
import type { NativeDataset } from '../helpers/native-duckdb';
import { browserSession, e2eContext, openApp, ownText, READY_TIMEOUT, waitForChart, comparePair, type Body } from './support';

const session = browserSession();
let browser: Browser;
let page: Page;
let native: NativeDataset;
let pair: [Body, Body];
let bounds: [number, number];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface UiState {
  search: string;
  chips: string[];
  metric: string;
  years: [string, string];
  navCompare: string;
  current: string | null;
  langButton: string;
}

async function uiState(p: Page): Promise<UiState> {
  return {
    search: new URL(p.url()).search,
    chips: await ownText(p, '[data-testid="chip"]'),
    metric: await p.getByTestId('metric').inputValue(),
    years: [await p.getByTestId('year-from').inputValue(), await p.getByTestId('year-to').inputValue()],
    navCompare: (await p.getByTestId('nav-compare').textContent()) ?? '',
    current: await p.locator('nav a[aria-current="page"]').getAttribute('data-testid'),
    langButton: (await p.getByTestId('lang').textContent()) ?? '',
  };
}

async function addEntity(p: Page, name: string): Promise<void> {
  await p.getByTestId('entity-search').fill(name);
  const button = p.getByTestId('entity-add').filter({ hasText: new RegExp(`^${escapeRegExp(name)}$`) });
  await button.waitFor({ timeout: READY_TIMEOUT });
  await button.click();
  await p.locator('[data-testid="chip"]', { hasText: name }).waitFor();
}

beforeAll(async () => {
  ({ browser, page, native } = session);
  pair = await comparePair(native);
  const summary = parseSummary(JSON.parse(readFileSync(join(e2eContext().dataDir, 'summary.json'), 'utf8')));
  expect(summary.years).not.toBeNull();
  bounds = summary.years!;
  expect(bounds[1] - bounds[0]).toBeGreaterThanOrEqual(2);
});

describe('URL state', () => {
  it('state set through the UI is the URL, survives a reload, and Back undoes the last step', async () => {
    await openApp(page, 'view=compare');
    await page.getByTestId('year-from').waitFor({ timeout: READY_TIMEOUT });
    for (const body of pair) await addEntity(page, body.name);
    await page.getByTestId('metric').selectOption('r.handled.total');
    const [from, to] = [bounds[0] + 1, bounds[1] - 1];
    await page.getByTestId('year-from').selectOption(String(from));
    await page.getByTestId('year-to').selectOption(String(to));
    const beforeLang = await uiState(page);
    await page.getByTestId('lang').click();
    await page.getByTestId('nav-compare').filter({ hasText: translator('en')('view.compare') }).waitFor();

    const expected = new URLSearchParams([
      ['view', 'compare'],
      ['lang', 'en'],
      ['e', pair[0].key],
      ['e', pair[1].key],
      ['metric', 'r.handled.total'],
      ['from', String(from)],
      ['to', String(to)],
    ]);
    const set = await uiState(page);
    expect(set).toEqual({
      search: `?${expected.toString()}`,
      chips: pair.map((b) => b.name),
      metric: 'r.handled.total',
      years: [String(from), String(to)],
      navCompare: translator('en')('view.compare'),
      current: 'nav-compare',
      langButton: translator('en')('language'),
    });

    await page.reload();
    await page.getByTestId('year-from').waitFor({ timeout: READY_TIMEOUT });
    await page.locator('[data-testid="chart-compare"][data-chart-ready="true"], [data-testid="empty-compare"]').first().waitFor({ timeout: READY_TIMEOUT });
    // Chips show a placeholder until the bodies' names are looked up.
    await page.locator('[data-testid="chip"]', { hasText: pair[1].name }).waitFor({ timeout: READY_TIMEOUT });
    expect(await uiState(page)).toEqual(set);

    await page.goBack();
    await page.getByTestId('nav-compare').filter({ hasText: translator('zh')('view.compare') }).waitFor();
    expect(await uiState(page)).toEqual(beforeLang);
    expect(new URLSearchParams(beforeLang.search).get('lang')).toBeNull();
  });

  it('invalid parameters fall back to defaults with notices, and the URL is rewritten', async () => {
    const errorsBefore = browser.errors.length;
    await openApp(page, [
      ['view', 'nope'],
      ['from', 'abc'],
      ['metric', 'evil'],
      ['e', pair[0].key],
      ['e', pair[0].key],
    ]);
    await page.getByTestId('notices').waitFor({ timeout: READY_TIMEOUT });
    const zh = translator('zh');
    const notices = (await page.getByTestId('notices').locator('li').allTextContents()).map((s) => s.trim());
    expect([...notices].sort()).toEqual(
      [
        zh('noticeDropped', { param: 'view', value: 'nope' }),
        zh('noticeDropped', { param: 'from', value: 'abc' }),
        zh('noticeDropped', { param: 'metric', value: 'evil' }),
        zh('noticeDuplicate', { value: pair[0].key }),
      ].sort(),
    );
    expect(new URL(page.url()).search).toBe(`?${new URLSearchParams([['e', pair[0].key]]).toString()}`);
    await expect(page.locator('nav a[aria-current="page"]').getAttribute('data-testid')).resolves.toBe('nav-overview');
    await waitForChart(page, 'overview');
    await page.getByTestId('kpi-reports').waitFor({ timeout: READY_TIMEOUT });
    await expect(page.getByTestId('engine-error').count()).resolves.toBe(0);

    // The kept entity and the default metric reach the compare view.
    await page.getByTestId('nav-compare').click();
    // The chip names the body once its lookup has answered.
    await expect.poll(() => ownText(page, '[data-testid="chip"]'), { timeout: READY_TIMEOUT }).toEqual([pair[0].name]);
    await expect(page.getByTestId('metric').inputValue()).resolves.toBe('r.new.total');
    // Notices belong to the URL that was loaded; a change made in the UI clears them.
    await expect(page.getByTestId('notices').count()).resolves.toBe(0);
    expect(browser.errors.slice(errorsBefore)).toEqual([]);
  });

  it('more than 12 entities: the first 12 are kept and the rest noticed', async () => {
    const bodies = await native.rows({ sql: 'SELECT key, name FROM entities ORDER BY key LIMIT 13', params: [] });
    expect(bodies).toHaveLength(13);
    const keys = bodies.map((b) => String(b.key));
    await openApp(page, [['view', 'compare'], ...keys.map((k): [string, string] => ['e', k])]);
    await page.getByTestId('notices').waitFor({ timeout: READY_TIMEOUT });
    await page.getByTestId('compare-table').waitFor({ timeout: READY_TIMEOUT });
    await expect(page.getByTestId('notices').locator('li').allTextContents()).resolves.toEqual([translator('zh')('noticeTooMany', { max: 12, value: keys[12] })]);
    await expect.poll(() => ownText(page, '[data-testid="chip"]'), { timeout: READY_TIMEOUT }).toEqual(bodies.slice(0, 12).map((b) => String(b.name)));
    expect(new URL(page.url()).searchParams.getAll('e')).toEqual(keys.slice(0, 12));
  });

  it("an old link's printed issuer names resolve to their bodies' keys; a name of no body is noticed and dropped", async () => {
    const [printed] = await native.rows({ sql: `SELECT printed_names[1] AS name FROM entities WHERE key = ?`, params: [pair[1].key] });
    const zh = translator('zh');
    await openApp(page, [['view', 'compare'], ['e', String(printed.name)], ['e', '不存在的机关'], ['e', pair[0].key]]);
    await page.getByTestId('notices').waitFor({ timeout: READY_TIMEOUT });
    await page.getByTestId('compare-table').waitFor({ timeout: READY_TIMEOUT });
    expect(new URL(page.url()).searchParams.getAll('e')).toEqual([pair[1].key, pair[0].key]);
    await expect.poll(() => ownText(page, '[data-testid="chip"]'), { timeout: READY_TIMEOUT }).toEqual([pair[1].name, pair[0].name]);
    await expect(page.getByTestId('notices').locator('li').allTextContents()).resolves.toEqual([zh('noticeUnknownBody', { value: '不存在的机关' })]);
  });

  it('the picker filters by province, with the provinces of the dataset', async () => {
    await openApp(page, 'view=compare');
    const provinces = await native.rows(entityProvinces());
    const options = page.getByTestId('entity-province').locator('option');
    await options.nth(provinces.length).waitFor({ state: 'attached', timeout: READY_TIMEOUT });
    await expect(options.allTextContents()).resolves.toEqual([translator('zh')('picker.allProvinces'), ...provinces.map((p) => String(p.name))]);
    const smallest = [...provinces].sort((a, b) => Number(a.bodies) - Number(b.bodies) || String(a.code).localeCompare(String(b.code)))[0];
    const expected = await native.rows(searchEntities({ province: String(smallest.code), limit: 30 }));
    await page.getByTestId('entity-province').selectOption(String(smallest.code));
    await expect.poll(() => page.getByTestId('entity-add').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-key'))), { timeout: READY_TIMEOUT }).toEqual(expected.map((r) => String(r.key)));
  });

  it('made no request outside 127.0.0.1 and no page error', () => {
    expect(browser.offline).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
