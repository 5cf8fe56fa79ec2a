// The dashboard over a generated dataset (`gongkai generate` → `gongkai ingest`), served by its own
// preview server: the synthetic-data banner shows, the counts are those of the generated reports,
// and a generated report opens from its own province and year partitions with every value the
// truth file lists.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { decodeArrowFileSync } from '../../src/shared/arrow-file';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatExact } from '../../src/charts/format';
import { runGenerate } from '../../src/generate/run';
import { runIngest } from '../../src/ingest/run-ingest';
import type { Manifest } from '../../src/shared/manifest';
import { collectOutput } from '../helpers/collect-output';
import { makeTempDir } from '../helpers/ingest-fixture';
import { startPreview, type Preview } from '../helpers/preview-server';
import { e2eContext, browserSession, READY_TIMEOUT } from './support';

let root: string;
let manifest: Manifest;
let preview: Preview;
let page: Page;

const session = browserSession();

beforeAll(async () => {
  root = makeTempDir('gongkai-e2e-synthetic-');
  const reports = join(root, 'reports');
  await runGenerate({ province: '宁夏', years: [2018, 2021], out: reports, seed: 7, scale: 0.02, noise: 'default', copies: 0.15 });
  manifest = await runIngest([reports], join(root, 'dataset'), collectOutput());
  preview = await startPreview(e2eContext().distDir, join(root, 'dataset'));
  ({ page } = session);
}, 180_000);

afterAll(async () => {
  await preview?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('a generated dataset in the dashboard', () => {
  it('shows the synthetic-data banner and counts the generated reports', async () => {
    await page.goto(preview.url);
    await page.getByTestId('synthetic-banner').waitFor({ timeout: READY_TIMEOUT });
    expect(await page.getByTestId('synthetic-banner').textContent()).toMatch(/合成/);
    await page.getByTestId('kpi-reports').waitFor({ timeout: READY_TIMEOUT });
    const shown = Number((await page.getByTestId('kpi-reports').textContent())!.replace(/\D/g, ''));
    expect(shown).toBe(manifest.tables.reports.rows);
    expect(shown).toBeGreaterThan(100);
    expect(manifest.tables.facts_wide.partitions.every((p) => p.province === '64' || p.province === 'none')).toBe(true);
  });

  it('opens a generated report with every value its truth lists', async () => {
    const name = '640000-gov-2021';
    const truth = JSON.parse(readFileSync(join(root, 'reports', 'truth', `${name}.json`), 'utf8')) as { metrics: Record<string, number> };
    const id = `reports/64/2021/${name}.${readdirName(join(root, 'reports', '64', '2021'), name)}`;
    await page.goto(`${preview.url}?${new URLSearchParams([['view', 'report'], ['report', id]])}`);
    await page.getByTestId('value-row').first().waitFor({ timeout: READY_TIMEOUT });
    const shown = await page.locator('[data-testid="value-row"] td.n').allTextContents();
    expect(shown.length).toBeGreaterThanOrEqual(Object.keys(truth.metrics).length);
    const remaining = [...shown];
    // The Report view prints each value exactly, as the report printed it (never 34.61万).
    for (const [metric, value] of Object.entries(truth.metrics)) {
      const at = remaining.indexOf(formatExact(value));
      expect(at, `${metric} = ${value}`).toBeGreaterThanOrEqual(0);
      remaining.splice(at, 1);
    }
    await expect.poll(() => page.getByTestId('report-text').textContent()).toMatch(/合成数据/);
  });
});

describe('copied reports (?view=similar)', () => {
  it("lists a unit's pair under its parent and shows both texts with the shared passages marked", async () => {
    const rowsOf = (table: string) =>
      manifest.tables[table].partitions.flatMap((p) => tableFromIPC(decodeArrowFileSync(p.path, readFileSync(join(root, 'dataset', p.path)))).toArray().map((r) => r.toJSON() as Record<string, unknown>));
    const pair = rowsOf('similar_pairs').find((r) => r.kind === 'same_year')!;
    expect(pair).toBeDefined();
    const unit = rowsOf('facts_wide').find((r) => r.report_id === pair.report_a)!;
    const parent = String(unit.parent_code ?? unit.division_code);
    await page.goto(`${preview.url}?${new URLSearchParams([['view', 'similar'], ['parent', parent], ['year', String(pair.year_a)]])}`);
    await page.getByTestId('similar-pair').first().waitFor({ timeout: READY_TIMEOUT });
    await page.getByTestId('similar-min').selectOption('0.5');
    const row = page.locator(`[data-testid="similar-pair"]`).filter({ hasText: String(unit.issuer) }).first();
    await row.click();
    await page.getByTestId('similar-text-a').waitFor({ timeout: READY_TIMEOUT });
    const marksA = await page.locator('[data-testid="similar-text-a"] mark').allTextContents();
    const textB = (await page.getByTestId('similar-text-b').textContent())!;
    expect(marksA.length).toBeGreaterThan(0);
    const longest = marksA.reduce((x, y) => (y.length > x.length ? y : x), '');
    expect(longest.length).toBeGreaterThan(30);
    // a neighbour's copy: the same words, the unit's own name aside
    expect(textB).toContain(longest.slice(-30));
    expect(await page.locator('[data-testid="similar-score"]').count()).toBeGreaterThan(0);
    // The threshold and the pair are in the URL: opening it shows the same two texts, no click needed.
    const link = new URL(page.url());
    expect(link.searchParams.get('min')).toBe('0.5');
    const [a, b] = link.searchParams.getAll('pair');
    expect([a, b].sort()).toEqual([String(pair.report_a), String(pair.report_b)].sort());
    await page.goto('about:blank');
    await page.goto(link.href);
    await page.getByTestId('similar-text-b').waitFor({ timeout: READY_TIMEOUT });
    expect(await page.getByTestId('similar-text-b').textContent()).toBe(textB);
    expect(await page.getByTestId('similar-min').inputValue()).toBe('0.5');
  });
});

/** The extension the generator gave a report (txt or html). */
function readdirName(dir: string, name: string): string {
  const found = readdirSync(dir).find((f) => f.startsWith(`${name}.`));
  if (!found) throw new Error(`no report ${name} in ${dir}`);
  return found.slice(name.length + 1);
}
