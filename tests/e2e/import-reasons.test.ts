// The import list says why a file failed or is partial in the page's language (zh by default),
// the parser's English reason as the row's title; a file named .pdf/.docx that is no such file
// says so; after the parse, the layer's build shows as a step of its own with the seconds so far.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths';
import { layerVersion } from './import-support';
import { appUrl, browserSession, waitForEngine } from './support';

let page: Page;

const session = browserSession();

beforeAll(() => {
  ({ page } = session);
});

/** Bytes from a fixed linear congruential sequence: "random", the same every run. */
function noise(n: number): Buffer {
  const out = Buffer.alloc(n);
  let x = 777;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const seed = readFileSync(join(resolve(REPO_ROOT, 'data/corpus/seeds'), '2019-liaoning-fuxin-city.txt'));
const FILES = [
  { name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('This is not a PDF, only a line of text.') },
  { name: 'random.docx', mimeType: 'application/octet-stream', buffer: noise(4096) },
  { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
  { name: 'partial.txt', mimeType: 'text/plain', buffer: Buffer.from('某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n本年度政府信息公开工作有序开展。\n') },
  // the year is in the file's name only: without it the report is partial
  { name: 'fuxin.txt', mimeType: 'text/plain', buffer: Buffer.concat([seed, Buffer.from('\n')]) },
  { name: '2019-fuxin.txt', mimeType: 'text/plain', buffer: Buffer.concat([seed, Buffer.from('\n\n')]) },
];

/** The list's row of the report `id` (its id exactly). */
const rowOf = (p: Page, id: string) => p.getByTestId('import-list').locator('li').filter({ has: p.locator('.import-id').getByText(id, { exact: true }) });

const reasonOf = async (p: Page, id: string) => {
  const row = rowOf(p, id);
  const reason = row.getByTestId('import-reason');
  return { status: await row.getAttribute('data-status'), text: (await reason.textContent())?.replace(/^ — /, ''), title: await reason.getAttribute('title') };
};

describe('the import list\'s reasons and the build step', { timeout: 300_000 }, () => {
  it('gives each reason in Chinese, and shows the build as step 2 with its seconds', async () => {
    await page.goto(appUrl('bench=1'));
    await waitForEngine(page);
    await page.getByTestId('import-toggle').click();
    // every text the build step showed, as it showed it
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __buildSeen: string[] }).__buildSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="import-building"]')?.textContent;
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('import-files').setInputFiles(FILES);
    await layerVersion(page);

    expect(await reasonOf(page, 'fake.pdf')).toEqual({
      status: 'failed',
      text: '名为 .pdf，但不是 PDF 文件',
      title: 'named .pdf but not a PDF file (read as text: not an information-disclosure annual report: no 信息公开/政务公开 wording found)',
    });
    const docx = await reasonOf(page, 'random.docx');
    expect(docx.text).toBe('名为 .docx，但不是 Word（.docx）文件');
    expect(docx.title).toMatch(/^named \.docx but not a Word \(\.docx\) file \(read as text: undecodable bytes/);
    expect(await reasonOf(page, 'empty.txt')).toEqual({ status: 'failed', text: '空文件', title: 'empty file' });
    expect(await reasonOf(page, 'partial.txt')).toEqual({
      status: 'partial',
      text: '未读到数值：未找到法定表格（2019/2021 年模板），正文中也未找到数字',
      title: 'no values: no statutory table (2019/2021 template) and no figures in the text found',
    });
    expect(await reasonOf(page, 'fuxin.txt')).toEqual({ status: 'partial', text: '未找到统计年度', title: 'statistics year not found' });
    const ok = rowOf(page, '2019-fuxin.txt');
    expect(await ok.getAttribute('data-status')).toBe('ok');
    expect(await ok.getByTestId('import-reason').count()).toBe(0);

    const seen = await page.evaluate(() => (window as unknown as { __buildSeen: string[] }).__buildSeen);
    expect(seen.length).toBeGreaterThan(0);
    for (const text of seen) expect(text).toMatch(/^第 2 步：正在构建导入的数据（解析已完成）… 已用 \d+ 秒$/);
    expect(await page.getByTestId('import-building').count()).toBe(0);
  });

  it('in English with lang=en', async () => {
    await page.goto(appUrl('bench=1&lang=en'));
    await waitForEngine(page);
    await page.getByTestId('import-toggle').click();
    expect((await reasonOf(page, 'fake.pdf')).text).toBe('named .pdf but not a PDF file');
    expect((await reasonOf(page, 'empty.txt')).text).toBe('empty file');
  });
});
