import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { createParsePool, memoryLimitError, PACK_FROM, type ParsePool, type ParseRequest, type ParseResponse, received, shouldGrow, timeLimitError } from '../../../src/ingest/parse-pool';
import { parseReport } from '../../../src/parse/index';
import { resolveReport } from '../../../src/ingest/jurisdiction';
import { reportShingles } from '../../../src/ingest/similar/report-names';
import { REPO_ROOT } from '../../helpers/paths';

const STAND_IN = new URL('../../helpers/stand-in-parse-worker.mjs', import.meta.url);
const bytes = (n: number) => new Uint8Array(n).fill(0x31);
let pool: ParsePool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('parse pool: every file under a time and memory budget', () => {
  it('stops a file that hangs, reports the limit, and goes on with the next files', async () => {
    const budget = { timeMs: 5000, memoryMb: 256 };
    pool = createParsePool({ threads: 1, budget, entry: STAND_IN });
    const results = await Promise.all(['a', 'hang', 'b'].map((fileName) => pool!.parse(bytes(3), { fileName })));
    expect(results.map((r) => r.status)).toEqual(['ok', 'failed', 'ok']);
    expect(results[1].error).toBe(timeLimitError(budget));
    expect(results[1].error).toBe('parse stopped: the file took longer than the time budget of 5 s per file');
    expect(results[2].warnings).toEqual(['b: 3 bytes']);
  });

  it('tries a file over the time budget once more in a fresh worker: one that only ran over (a busy machine) parses', async () => {
    const budget = { timeMs: 2000, memoryMb: 256 };
    const marker = join(mkdtempSync(join(tmpdir(), 'gongkai-hang-once-')), 'ran-over');
    pool = createParsePool({ threads: 1, budget, entry: STAND_IN });
    const results = await Promise.all([`hang-once:${marker}`, 'g'].map((fileName) => pool!.parse(bytes(4), { fileName })));
    expect(existsSync(marker)).toBe(true);
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(results[0].warnings).toEqual([`hang-once:${marker}: 4 bytes`]);
  });

  it('stops a file that exhausts the memory budget and says so', async () => {
    const budget = { timeMs: 60_000, memoryMb: 64 };
    pool = createParsePool({ threads: 2, budget, entry: STAND_IN });
    const results = await Promise.all(['oom', 'c'].map((fileName) => pool!.parse(bytes(5), { fileName })));
    expect(results[0]).toMatchObject({ status: 'failed', error: memoryLimitError(budget) });
    expect(results[0].error).toBe('parse stopped: the file needed more than the memory budget of 64 MB per file');
    expect(results[1].warnings).toEqual(['c: 5 bytes']);
  });

  it('turns a crashed worker into a failed row and keeps the caller bytes intact', async () => {
    pool = createParsePool({ threads: 1, entry: STAND_IN });
    const input = bytes(7);
    const crashed = await pool.parse(input, { fileName: 'crash' });
    expect(crashed).toMatchObject({ status: 'failed', error: 'parser crashed: stand-in parser crashed' });
    expect(input.byteLength).toBe(7);
    expect((await pool.parse(input, { fileName: 'd' })).warnings).toEqual(['d: 7 bytes']);
  });

  it('the real worker parses exactly as the parser in process does', async () => {
    pool = createParsePool({ threads: 2 });
    const file = readFileSync(resolve(REPO_ROOT, '../shared/corpus/seeds/2019-liaoning-fuxin-city.txt'));
    const inWorker = await pool.parse(file, { fileName: 'fuxin.txt' });
    expect(inWorker).toEqual(parseReport(file, { fileName: 'fuxin.txt' }));
    // the same keys in the same order too (`gongkai parse --json` prints them)
    expect(JSON.stringify(inWorker)).toBe(JSON.stringify(parseReport(file, { fileName: 'fuxin.txt' })));
    expect(inWorker.values.length).toBeGreaterThan(200);
  });

  it("the real worker sends a report's values and checks packed in transferred columns, not as objects", async () => {
    const worker = new Worker(new URL('../../../src/ingest/parse-worker.mjs', import.meta.url));
    try {
      const file = new Uint8Array(readFileSync(resolve(REPO_ROOT, '../shared/corpus/seeds/2019-liaoning-fuxin-city.txt')));
      for (const resolveToo of [false, true]) {
        const answer = new Promise<ParseResponse>((done) => worker.once('message', done));
        worker.postMessage({ id: 1, bytes: file, fileName: 'fuxin.txt', ...(resolveToo ? { resolve: true } : {}) } satisfies ParseRequest);
        const response = await answer;
        expect(response.parsed.values).toEqual([]);
        expect(response.parsed.checks).toEqual([]);
        expect(response.packed?.values.value).toBeInstanceOf(Float64Array);
        expect(response.packed?.values.value.length).toBeGreaterThan(200);
        expect(received(response)).toEqual(parseReport(file, { fileName: 'fuxin.txt' }));
      }
    } finally {
      await worker.terminate();
    }
  });

  it('sends a short report (fewer values and checks than PACK_FROM) as it is: cloning it costs less than packing; the same report arrives', async () => {
    const short = new TextEncoder().encode('2009年政府信息公开工作年度报告\n本年度共受理政府信息公开申请3件，均已按时答复。\n');
    const expected = parseReport(short, { fileName: 'short.txt' });
    expect(expected.values.length + expected.checks.length).toBeGreaterThan(0);
    expect(expected.values.length + expected.checks.length).toBeLessThan(PACK_FROM);
    const worker = new Worker(new URL('../../../src/ingest/parse-worker.mjs', import.meta.url));
    try {
      const answer = new Promise<ParseResponse>((done) => worker.once('message', done));
      worker.postMessage({ id: 1, bytes: short, fileName: 'short.txt' } satisfies ParseRequest);
      const response = await answer;
      expect(response.packed).toBeUndefined();
      expect(received(response)).toEqual(expected);
      expect(JSON.stringify(received(response))).toBe(JSON.stringify(expected));
    } finally {
      await worker.terminate();
    }
  });

  it('resolves the jurisdiction and makes the shingle set in the worker exactly as in process', async () => {
    pool = createParsePool({ threads: 1 });
    const file = readFileSync(resolve(REPO_ROOT, '../shared/corpus/seeds/2019-liaoning-fuxin-city.txt'));
    const answer = await pool.parseResolved(file, { fileName: 'fuxin.txt' });
    if (!('shingles' in answer)) throw new Error(`no resolution from the worker: ${answer.status}`);
    const parsed = parseReport(file, { fileName: 'fuxin.txt' });
    expect(answer.parsed).toEqual(parsed);
    const jurisdiction = resolveReport(parsed);
    expect(jurisdiction?.code).toBe('210900');
    expect(answer.jurisdiction).toEqual(jurisdiction);
    expect(answer.shingles.length).toBeGreaterThan(500);
    expect(Array.from(answer.shingles)).toEqual(Array.from(reportShingles(parsed, jurisdiction)));
  });

  it('answers a file the worker could not finish with its failed report alone', async () => {
    pool = createParsePool({ threads: 1, entry: STAND_IN });
    const answer = await pool.parseResolved(bytes(3), { fileName: 'crash' });
    expect(answer).toMatchObject({ status: 'failed', error: 'parser crashed: stand-in parser crashed' });
  });

  it('a pool told the run size starts one worker, and another when a file runs long', async () => {
    const budget = { timeMs: 5000, memoryMb: 256 };
    pool = createParsePool({ threads: 2, budget, entry: STAND_IN, expectedFiles: 3 });
    expect((await pool.parse(bytes(2), { fileName: 'warm' })).status).toBe('ok');
    const order: string[] = [];
    const results = await Promise.all(['hang', 'e', 'f'].map((fileName) => pool!.parse(bytes(2), { fileName }).then((r) => (order.push(fileName), r))));
    // the second worker started while the first was stuck: e and f were parsed before the hang was stopped
    expect(order).toEqual(['e', 'f', 'hang']);
    expect(results.map((r) => r.status)).toEqual(['failed', 'ok', 'ok']);
  });
});

describe('shouldGrow: another worker only when the work left needs it', () => {
  it('a run of 2,000 short reports stays on one worker', () => {
    expect(shouldGrow({ left: 1999, running: 1, slowestRunningMs: 3 })).toBe(false);
  });
  it('a long run, or a slow file, starts another', () => {
    expect(shouldGrow({ left: 20_000, running: 1, slowestRunningMs: 3 })).toBe(true);
    expect(shouldGrow({ left: 20_000, running: 12, slowestRunningMs: 3 })).toBe(false);
    expect(shouldGrow({ left: 5, running: 1, slowestRunningMs: 1500 })).toBe(true);
  });
});
