// Transfer size of a cold load: `npm run bench:transfer`. Builds the app (with its .br/.gz
// copies), serves it with `vite preview` and the shipped corpus' dataset, opens it in a fresh
// Chromium profile and sums what went over the wire (encoded body + headers, page and workers)
// until the engine is ready and the network is idle.
import { join, resolve } from 'node:path';
import { launchChromium } from '../tests/helpers/chromium';
import { buildApp, startPreview } from '../tests/helpers/preview-server';
import { ingestShippedCorpus } from '../tests/helpers/shipped-dataset';

const DIST = resolve(import.meta.dirname, '../tmp/bench-transfer/dist');
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;

interface Transfer {
  url: string;
  encoding: string;
  wire: number;
  decoded: number;
}

async function main(): Promise<void> {
  const { dir } = await ingestShippedCorpus();
  let t0 = performance.now();
  await buildApp(DIST, dir);
  console.log(`vite build (with precompression) → ${DIST} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const preview = await startPreview(DIST, dir);
  const browser = await launchChromium({ block: false });
  try {
    const transfers: Promise<Transfer>[] = [];
    browser.page.on('requestfinished', (request) => {
      transfers.push(
        (async () => {
          const response = await request.response();
          const sizes = await request.sizes();
          const body = await response?.body().catch(() => null);
          return {
            url: request.url().replace(preview.url, '/'),
            encoding: (await response?.headerValue('content-encoding')) ?? '',
            wire: sizes.responseBodySize + sizes.responseHeadersSize,
            decoded: body?.length ?? sizes.responseBodySize,
          };
        })(),
      );
    });
    t0 = performance.now();
    await browser.page.goto(`${preview.url}?bench=1`, { timeout: 180_000 });
    await browser.page.waitForFunction(() => (window as unknown as { __gongkai?: unknown }).__gongkai !== undefined, undefined, { timeout: 180_000 });
    await browser.page.waitForLoadState('networkidle', { timeout: 180_000 });
    const loadSeconds = (performance.now() - t0) / 1000;
    const all = await Promise.all(transfers);
    const wire = all.reduce((n, t) => n + t.wire, 0);
    const decoded = all.reduce((n, t) => n + t.decoded, 0);
    console.log(`\nCold load (fresh profile, loopback, ${loadSeconds.toFixed(1)} s until the engine answered and the network was idle): ${all.length} responses`);
    console.log(`  over the wire (encoded bodies + headers): ${mb(wire)}`);
    console.log(`  decoded bodies:                           ${mb(decoded)}`);
    console.log('  largest:');
    for (const t of [...all].sort((a, b) => b.wire - a.wire).slice(0, 8)) {
      console.log(`    ${mb(t.wire).padStart(10)} wire  ${mb(t.decoded).padStart(10)} decoded  ${(t.encoding || 'identity').padEnd(8)} ${join(t.url).slice(0, 90)}`);
    }
  } finally {
    await browser.close();
    await preview.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
