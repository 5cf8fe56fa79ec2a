// HTML → PDF through Debian's Chromium (playwright-core's page.pdf): test PDFs made by a real
// producer, with running headers and footers, tables over page breaks and lines wrapping anywhere.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium';

export interface PrintOptions {
  format?: 'A4' | 'A5';
  /** Chromium header/footer templates (their pageNumber/totalPages spans are filled in). */
  headerTemplate?: string;
  footerTemplate?: string;
}

export async function printPdf(html: string, options: PrintOptions = {}): Promise<Uint8Array> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    const headerFooter = options.headerTemplate !== undefined || options.footerTemplate !== undefined;
    const pdf = await page.pdf({
      format: options.format ?? 'A4',
      printBackground: false,
      displayHeaderFooter: headerFooter,
      headerTemplate: options.headerTemplate ?? '<span></span>',
      footerTemplate: options.footerTemplate ?? '<span></span>',
      margin: headerFooter ? { top: '20mm', bottom: '20mm', left: '15mm', right: '15mm' } : undefined,
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
