// The page never shows data it did not verify: the shipped dataset with one byte
// in each texts partition flipped, served by its own preview server. The overview still works;
// opening a report shows the refusal naming the file; a missing data file is a 404.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/shared/manifest';
import { makeTempDir } from '../helpers/ingest-fixture';
import { startPreview, type Preview } from '../helpers/preview-server';
import { e2eContext, browserSession, READY_TIMEOUT } from './support';

const REPORT = 'corpus/seeds/2019-liaoning-fuxin-city.txt';
let root: string;
let preview: Preview;
let page: Page;

const session = browserSession();

beforeAll(async () => {
  root = makeTempDir('gongkai-e2e-tampered-');
  const data = join(root, 'dataset');
  cpSync(e2eContext().dataDir, data, { recursive: true, dereference: true });
  const manifest = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')) as Manifest;
  // Every texts partition, one byte each: whichever holds the report, it is altered.
  for (const partition of manifest.tables.texts.partitions) {
    const bytes = readFileSync(join(data, partition.path));
    bytes[bytes.length - 40] ^= 0x01;
    writeFileSync(join(data, partition.path), bytes);
  }
  preview = await startPreview(e2eContext().distDir, data);
  ({ page } = session);
}, 120_000);

afterAll(async () => {
  await preview?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('a tampered dataset in the page', () => {
  it('still shows the overview, which needs no tampered file', async () => {
    await page.goto(preview.url);
    await page.getByTestId('kpi-reports').waitFor({ timeout: READY_TIMEOUT });
    expect(Number((await page.getByTestId('kpi-reports').locator('.kpi-value').textContent())!.replace(/\D/g, ''))).toBeGreaterThan(100);
  });

  it('refuses the altered file with a message naming it, and shows none of its text', async () => {
    await page.goto(`${preview.url}?${new URLSearchParams([['view', 'report'], ['report', REPORT]])}`);
    const refusal = page.getByTestId('report-error');
    await refusal.waitFor({ timeout: READY_TIMEOUT });
    expect(await refusal.textContent()).toMatch(/^table texts: arrow\/texts\/[\w-]+\.arrows\.gz does not match the dataset's manifest \(SHA-256 [0-9a-f]{12}…, the manifest says [0-9a-f]{12}…\): the file was altered or damaged/);
    expect(await page.locator('[data-testid="report-text"] mark').count()).toBe(0);
  });

  it('gets a 404 for a data file that is not there, not the app shell', async () => {
    const response = await fetch(new URL('data/arrow/texts/99.arrows', preview.url));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('404 Not Found\n');
  });
});
