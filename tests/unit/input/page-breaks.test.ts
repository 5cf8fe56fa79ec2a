// Form tables broken across pages as real PDFs break them (tests/helpers/page-breaks.ts): a few
// corpus reports printed by Chromium here, in the variants whose reading a fix changed. No value
// may differ from the unbroken report's or be one it does not have; the values still missed are
// counted (GAPS), so a change either way is seen. `npm run bench:page-breaks` runs every report.
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_INPUT } from '../../../src/ingest/input-node';
import { parseDocument } from '../../../src/parse/input';
import type { ParsedReport } from '../../../src/parse/types';
import { CHROMIUM_ARGS, findChromium } from '../../helpers/chromium';
import { PAGE_BREAK_VARIANTS, printVariant } from '../../helpers/page-breaks';
import { pageOf, readSource } from '../../helpers/producers';

/** Source × variant → values of the unbroken report the print still does not give. */
const CASES: [source: string, variant: string, gaps: number][] = [
  // a table cut before (四): its group labels alone on the left of page 2 had read as a column of text
  ['complete/2025-fujian-pingtan-zone-county.html', 'break-mid-borderless', 0],
  // a label cell of two paragraphs, its row's figures in the blank line between them
  ['complete/2024-fujian-pingtan-zone-county.html', 'break-mid-borderless', 0],
  // the rest of a row's label carried by the page break to the top of the next page
  ['complete/2023-fujian-pingtan-zone-county.html', 'break-mid-borderless', 0],
  ['complete/2021-fujian-pingtan-finance-bureau-department.txt', 'repeat-header-a5', 0],
  // a text report's table flattened into one paragraph: lines of words and figures above its last row are not a header
  ['complete/2022-fujian-pingtan-transport-construction-bureau-department.txt', 'repeat-header-a5', 0],
  // a text table's cells one a line: a label line that left room for the next "0 |" was ended, not wrapped
  ['real/2022-hunan-mayang-banlishu-town.txt', 'rows-split', 0],
  // a header stacked a character a line above a first row whose label wraps around its figures
  // (一、本年新收… above them, 数量 below); 1.属于国家秘密 | 14 above three rows printing no figure
  ['real/2019-shanghai-shanghai-government-office-department.html', 'break-mid-borderless', 0],
];

const valuesOf = (report: ParsedReport) => new Map(report.values.map((v) => [v.metric, v.value]));

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
});

describe('form tables broken across pages (Chromium print)', () => {
  for (const [source, variantName, gaps] of CASES) {
    it(`${source} → ${variantName}`, async () => {
      const variant = PAGE_BREAK_VARIANTS.find((v) => v.name === variantName)!;
      const original = await parseDocument(readSource(source), { fileName: source });
      const want = valuesOf(original);
      const page = await browser.newPage();
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      const bytes = await printVariant(page, pageOf(source), original.text.split('\n')[0].slice(0, 40), variant);
      await page.close();
      const got = valuesOf(await parseDocument(bytes, { fileName: `${source}.${variantName}.pdf`, ...NODE_INPUT }));
      const differing = [...got].filter(([metric, value]) => want.get(metric) !== value).map(([m, v]) => `${m}: ${want.get(m)} printed, ${v} read`);
      expect(differing).toEqual([]);
      const missing = [...want.keys()].filter((m) => !got.has(m));
      expect(missing.length, missing.join(' ')).toBe(gaps);
    });
  }
});
