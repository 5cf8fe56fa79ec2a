// Corpus reports printed by Chromium the way real PDFs break their statistics tables: a table cut
// across pages with its header row repeated (<thead>, as Word's "repeat header row"), a running
// header and a page number between the halves, long row labels wrapped over lines, landscape
// pages, columns so narrow that numbers wrap, and a row split by the page break. Each variant is
// a print setting and a few DOM changes made in the page before printing, so one source gives
// every variant. Used by bench/page-breaks.ts (all corpus reports) and the CI test (a few).
import type { Page } from 'playwright-core';
import { FOOTER, HEADER } from './producers';

export interface PageBreakVariant {
  name: string;
  about: string;
  /** CSS added to the page. */
  css: string;
  /** DOM changes made in the page (a function body run with no arguments). */
  dom: string;
  pdf: { format: 'A4' | 'A5' | 'A6'; landscape?: boolean; furniture: boolean };
}

/** Leading rows of each table that hold no figure become its <thead>, which Chromium repeats on every page. */
const REPEAT_HEADER = `
for (const t of document.querySelectorAll('table')) {
  const head = [];
  for (const r of t.rows) {
    if ([...r.cells].some((c) => /^\\s*\\d[\\d,.]*\\s*$/.test(c.textContent))) break;
    head.push(r);
  }
  if (head.length === 0 || head.length === t.rows.length) continue;
  const thead = t.createTHead();
  for (const r of head) thead.appendChild(r);
}`;

/** Every table with many rows is cut before its middle body row: the rows after it start a new page. */
const BREAK_MID_TABLE = `
for (const t of document.querySelectorAll('table')) {
  const body = [...t.tBodies].flatMap((b) => [...b.rows]);
  if (body.length < 8) continue;
  body[Math.floor(body.length / 2)].style.breakBefore = 'page';
}`;

/** Row labels in a narrow first column: a long label wraps over two or three lines. */
const NARROW_LABELS = 'td:first-child,th:first-child{width:5em;max-width:5em}';
const RULED = 'table{border-collapse:collapse}td,th{border:1px solid #000}';
const BORDERLESS = 'table,td,th{border:0 !important;border-collapse:collapse}';
/** Rows may break inside (Chromium keeps a row whole unless it must not). */
const ROWS_SPLIT = 'tr,td,th{break-inside:auto !important}td,th{line-height:1.6}';

export const PAGE_BREAK_VARIANTS: PageBreakVariant[] = [
  {
    name: 'repeat-header-a5',
    about: 'A5, tables over page breaks with their header rows repeated, running header and page footer',
    css: RULED,
    dom: REPEAT_HEADER,
    pdf: { format: 'A5', furniture: true },
  },
  {
    name: 'break-mid-table',
    about: 'A4, each long table cut in the middle, its header repeated, running header and page footer between the halves',
    css: RULED,
    dom: REPEAT_HEADER + BREAK_MID_TABLE,
    pdf: { format: 'A4', furniture: true },
  },
  {
    name: 'break-mid-borderless',
    about: 'A5 borderless, each long table cut in the middle, its header repeated, page footer',
    css: BORDERLESS,
    dom: REPEAT_HEADER + BREAK_MID_TABLE,
    pdf: { format: 'A5', furniture: true },
  },
  {
    name: 'wrapped-labels',
    about: 'A5, row labels wrapped over 2–3 lines in a narrow first column, tables over page breaks, header repeated',
    css: RULED + NARROW_LABELS,
    dom: REPEAT_HEADER,
    pdf: { format: 'A5', furniture: true },
  },
  {
    name: 'landscape',
    about: 'A4 landscape, header repeated, running header and page footer',
    css: RULED,
    dom: REPEAT_HEADER,
    pdf: { format: 'A4', landscape: true, furniture: true },
  },
  {
    name: 'narrow-numbers',
    about: 'A6, large type: columns so narrow that numbers wrap inside their cells',
    css: `${RULED}body{font-size:15px}td,th{word-break:break-all;padding:1px}`,
    dom: REPEAT_HEADER,
    pdf: { format: 'A6', furniture: false },
  },
  {
    name: 'rows-split',
    about: 'A6, rows allowed to break across the page (a wrapped label\'s lines on two pages), page footer',
    css: RULED + NARROW_LABELS + ROWS_SPLIT,
    dom: REPEAT_HEADER,
    pdf: { format: 'A6', furniture: true },
  },
];

/** Prints `html` in one variant on an open page. */
export async function printVariant(page: Page, html: string, title: string, v: PageBreakVariant): Promise<Uint8Array> {
  await page.setContent(html, { waitUntil: 'load' });
  await page.addStyleTag({ content: v.css });
  await page.evaluate(v.dom);
  const furniture = v.pdf.furniture;
  const pdf = await page.pdf({
    format: v.pdf.format,
    landscape: v.pdf.landscape ?? false,
    printBackground: false,
    displayHeaderFooter: furniture,
    headerTemplate: furniture ? HEADER(title) : '<span></span>',
    footerTemplate: furniture ? FOOTER : '<span></span>',
    margin: furniture ? { top: '15mm', bottom: '15mm', left: '10mm', right: '10mm' } : undefined,
  });
  return new Uint8Array(pdf);
}
