// Corpus reports as other producers write them: LibreOffice's .docx/.doc/.pdf (and a refused
// .rtf/.wps), committed under tests/fixtures/producers/ (tests/fixtures/producers/make.ts remakes
// them where LibreOffice is installed), and Chromium's print of the same page, made on the spot.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../src/parse';
import { blocksToHtml, textToBlocks, writeWordDocx } from './docx-writer';
import { REPO_ROOT } from './paths';
import { printPdf } from './print-pdf';

export const CORPUS = join(REPO_ROOT, '../shared/corpus');
export const PRODUCER_FIXTURES = join(REPO_ROOT, 'tests/fixtures/producers');

/** The corpus reports (relative to ../shared/corpus) every producer writes. */
export const PRODUCER_SOURCES = [
  'complete/2019-fujian-pingtan-public-security-bureau-department.txt',
  'complete/2021-fujian-pingtan-finance-bureau-department.txt',
  'complete/2023-fujian-pingtan-zone-county.html',
  'real/2019-shanghai-shanghai-government-office-department.html',
  'real/2022-hunan-mayang-banlishu-town.txt',
  'pages/2019-sichuan-lizhou-hexi-town.txt',
  // a text report whose table cells are lines of their own: on A5 a cell starts or ends a page (a number alone at a page's edge)
  'seeds/2019-liaoning-fuxin-city.txt',
];

/** Text reports also opened by LibreOffice's text import (a paragraph per line) and saved as PDF: glued table rows wrapped into lines. */
export const TEXT_IMPORT_SOURCES = ['complete/2022-fujian-pingtan-transport-construction-bureau-department.txt'];

/** Reports also saved by LibreOffice as .doc alone: a label cell merged down three rows, its rows' labels over two lines. */
export const DOC_ONLY_SOURCES = ['complete/2024-fujian-pingtan-zone-county.html'];

export interface ProducerFile {
  name: string;
  /** The corpus report it was made from, relative to ../shared/corpus. */
  source: string;
  producer: 'libreoffice' | 'chromium' | 'chromium-borderless' | 'word';
  /** A refused format: the start of the reason the reader must give. */
  refused?: string;
}

export const idOf = (source: string) => source.replace(/^.*\//, '').replace(/\.\w+$/, '');

export const readSource = (source: string) => new Uint8Array(readFileSync(join(CORPUS, source)));

/** The page a person would open in Word or print: what the report shows, nothing fetched. */
export function pageOf(source: string): string {
  const bytes = readSource(source);
  if (source.endsWith('.html')) {
    return new TextDecoder()
      .decode(bytes)
      .replace(/<script[\s\S]*?<\/script>/gi, '')
      .replace(/<(?:img|link|iframe|embed|object)\b[^>]*>/gi, '')
      .replace(/\s(?:src|href)="[^"]*"/gi, '')
      // fitted to the page, as a person saving or printing it would: fixed pixel widths and
      // unbreakable cells push a wide table's columns off the paper
      .replace(/\snowrap(?:="[^"]*")?/gi, '')
      .replace(/(?<=style="[^"]*)\bwidth:\s*[\d.]+(?:px|pt);?/gi, '');
  }
  return blocksToHtml(textToBlocks(parseReport(bytes, { fileName: source }).text));
}

export const BORDERLESS = '<style>table,td,th{border:0 !important;border-collapse:collapse}</style>';
export const borderless = (html: string) => {
  const bare = html.replace(/\sborder="[^"]*"/gi, '');
  return /<\/head>/i.test(bare) ? bare.replace(/<\/head>/i, `${BORDERLESS}</head>`) : BORDERLESS + bare;
};

export const HEADER = (title: string) => `<div style="font-size:8px;width:100%;text-align:center">${title}</div>`;
export const FOOTER = '<div style="font-size:8px;width:100%;text-align:center">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>';

/** Chromium's prints of a source: ruled tables on A4 with a running header and page footer, and borderless tables on A5. */
export async function chromiumPrints(source: string): Promise<{ file: ProducerFile; bytes: Uint8Array }[]> {
  const html = pageOf(source);
  const title = parseReport(readSource(source), { fileName: source }).text.split('\n')[0].slice(0, 40);
  const id = idOf(source);
  return [
    { file: { name: `${id}.chromium.pdf`, source, producer: 'chromium' }, bytes: await printPdf(html, { format: 'A4', headerTemplate: HEADER(title), footerTemplate: FOOTER }) },
    { file: { name: `${id}.chromium-borderless.pdf`, source, producer: 'chromium-borderless' }, bytes: await printPdf(borderless(html), { format: 'A5' }) },
  ];
}

/** The committed LibreOffice files, as listed in their manifest. */
export function libreOfficeFiles(): { file: ProducerFile; bytes: Uint8Array }[] {
  const manifest = JSON.parse(readFileSync(join(PRODUCER_FIXTURES, 'manifest.json'), 'utf8')) as ProducerFile[];
  return manifest.map((file) => ({ file, bytes: new Uint8Array(readFileSync(join(PRODUCER_FIXTURES, file.name))) }));
}

/** The source's text as Word writes a .docx (tests/helpers/docx-writer writeWordDocx), made on the spot. */
export function wordDocx(source: string): { file: ProducerFile; bytes: Uint8Array } {
  const text = parseReport(readSource(source), { fileName: source }).text;
  return { file: { name: `${idOf(source)}.word.docx`, source, producer: 'word' }, bytes: writeWordDocx(textToBlocks(text), text.split('\n')[0]) };
}
