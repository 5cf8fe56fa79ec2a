// What IndexedDB costs the page's import per report (issue 14), apart from the parse: 10,000
// values shaped as the import workers store them (src/app/user/record-pack.ts: ~10 KB, half of it
// the report's text, the numbers in typed arrays), 50 to a transaction, written in headless
// Chromium three ways: two puts a report (the report and its row of the import list, as
// src/app/user/layer-store.ts did before stop 36), one put a report, and one put of the 50 together
// (as it does now, with a second put for the group's rows). Chromium's
// CPU seconds by process (/proc) tell whether the cost goes with the puts or with the bytes.
// Prints figures only: `npx tsx bench/indexeddb-puts.ts [rounds]` (each way once a round, in turns).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { launchChromium } from '../tests/helpers/chromium';
import { chromiumProcesses } from './import';

const REPORTS = 10_000;
const PER_TRANSACTION = 50;
const WAYS = ['two puts a report', 'one put a report', 'one put of 50'] as const;

/** CPU seconds of this browser's processes by kind (--type; the browser process, where IndexedDB runs, has none). */
function cpuByKind(profile: string): Map<string, number> {
  const by = new Map<string, number>();
  for (const [pid, , , ...args] of chromiumProcesses(profile)) {
    const kind = /--type=(\S+)/.exec(args.join(' '))?.[1] ?? 'browser';
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      by.set(kind, (by.get(kind) ?? 0) + (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // The process ended meanwhile.
    }
  }
  return by;
}

// Plain JavaScript for the page (a function of this file would carry the bundler's helpers along).
const PAGE_SCRIPT = (way: number) => `(async () => {
  const text = '本机关依申请公开政府信息工作情况'.repeat(163);
  const record = (i) => ({
    id: 'r' + String(i).padStart(6, '0'), file: 'f/' + i + '.txt', sha256: 'ab'.repeat(32), bytes: 5493,
    parsed: { status: 'ok', facts: { issuer: '某某区人民政府', year: 2023 }, warnings: [], text: text + i },
    jurisdiction: { code: '210102', name: '和平区' },
    compact: { metrics: 'metrics-x', extra: [], checks: null, values: {
      metric: Uint16Array.from({ length: 220 }, (_, k) => k), value: Float64Array.from({ length: 220 }, (_, k) => k * 1.5),
      flags: new Uint8Array(220), start: new Uint32Array(220), end: new Uint32Array(220), source: ['table'], sourceOf: new Uint8Array(220), pdf: [] } },
  });
  const db = await new Promise((done, fail) => {
    const open = indexedDB.open('puts', 1);
    open.onupgradeneeded = () => ['reports', 'rows', 'batches'].forEach((name) => open.result.createObjectStore(name, { keyPath: 'id' }));
    open.onsuccess = () => done(open.result);
    open.onerror = () => fail(open.error);
  });
  const began = performance.now();
  for (let b = 0; b < ${REPORTS / PER_TRANSACTION}; b++) {
    const tx = db.transaction(['reports', 'rows', 'batches'], 'readwrite');
    const records = Array.from({ length: ${PER_TRANSACTION} }, (_, k) => record(b * ${PER_TRANSACTION} + k));
    if (${way} === 0) for (const r of records) { tx.objectStore('reports').put(r); tx.objectStore('rows').put({ id: r.id, status: 'ok', reason: null, sha256: r.sha256 }); }
    if (${way} === 1) for (const r of records) tx.objectStore('reports').put(r);
    if (${way} === 2) tx.objectStore('batches').put({ id: b, records });
    await new Promise((done, fail) => { tx.oncomplete = done; tx.onerror = () => fail(tx.error); });
  }
  return performance.now() - began;
})()`;

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 2);
  const server = createServer((_, response) => {
    response.setHeader('content-type', 'text/html');
    response.end('<!doctype html><title>puts</title>');
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  console.log(`${REPORTS} report-like values, ${PER_TRANSACTION} to a transaction; Chromium CPU-s by process (each way in a fresh browser, in turns); load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' / ')}`);
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const [way, label] of WAYS.entries()) {
        const browser = await launchChromium({ block: false });
        try {
          await browser.page.goto(url);
          const before = cpuByKind(browser.profile);
          const ms = (await browser.page.evaluate(PAGE_SCRIPT(way))) as number;
          const after = cpuByKind(browser.profile);
          const used = (kind: string) => ((after.get(kind) ?? 0) - (before.get(kind) ?? 0)).toFixed(2);
          console.log(`  ${label}: ${(ms / 1000).toFixed(1)} s wall; browser process ${used('browser')}, renderer ${used('renderer')} CPU-s`);
        } finally {
          await browser.close();
        }
      }
    }
  } finally {
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
