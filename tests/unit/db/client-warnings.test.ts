// The worker's warnings (a stored answer missing or altered, answered from the rows instead) reach
// the page through the client: given with the answer, kept once each, and told to listeners (the
// page's status line, src/app/components/WorkerWarnings.tsx).
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WorkerWarnings } from '../../../src/app/components/WorkerWarnings';
import { I18nProvider } from '../../../src/app/i18n/context';
import { DataClient, type WorkerLike } from '../../../src/db/client';
import type { Request, Response } from '../../../src/db/protocol';

class FakeWorker implements WorkerLike {
  sent: Request[] = [];
  private listeners: ((event: { data: unknown; message?: string }) => void)[] = [];
  postMessage(message: unknown): void {
    this.sent.push(message as Request);
  }
  addEventListener(type: string, listener: (event: { data: unknown; message?: string }) => void): void {
    if (type === 'message') this.listeners.push(listener);
  }
  terminate(): void {}
  answer(request: Request, result: unknown): void {
    for (const l of this.listeners) l({ data: { id: request.id, ok: true, result } as Response });
  }
}

const ipc = () => tableToIPC(tableFromArrays({ one: Int32Array.from([1]) }), 'stream');
const MISSING = 'stored answer by_year not used (HTTP 404); built from the rows instead';
const ALTERED = 'stored answer by_level not used (sha256 mismatch); answered row by row instead';

describe('DataClient warnings', () => {
  it('gives the worker warnings with the answer, keeps each once and tells listeners', async () => {
    const worker = new FakeWorker();
    const client = new DataClient(worker);
    const told: (readonly string[])[] = [];
    const stop = client.onWarnings(() => told.push(client.warnings));
    expect(client.warnings).toEqual([]);

    const first = client.query({ sql: 'SELECT 1', params: [], tables: [] });
    worker.answer(worker.sent[0], { ipc: ipc(), elapsedMs: 1, warnings: [MISSING] });
    expect((await first).warnings).toEqual([MISSING]);
    expect(client.warnings).toEqual([MISSING]);

    const plain = client.query({ sql: 'SELECT 2', params: [], tables: [] });
    worker.answer(worker.sent[1], { ipc: ipc(), elapsedMs: 1 });
    expect((await plain).warnings).toBeUndefined();

    const typed = client.userQuery('SELECT 3');
    worker.answer(worker.sent[2], { ipc: ipc(), elapsedMs: 1, warnings: [MISSING, ALTERED] });
    expect((await typed).warnings).toEqual([MISSING, ALTERED]);
    expect(client.warnings).toEqual([MISSING, ALTERED]);
    // Told twice (once per new warning set), each time a new snapshot; an answer without warnings tells nothing.
    expect(told).toEqual([[MISSING], [MISSING, ALTERED]]);
    expect(told[0]).not.toBe(told[1]);

    stop();
    const after = client.query({ sql: 'SELECT 4', params: [], tables: [] });
    worker.answer(worker.sent[3], { ipc: ipc(), elapsedMs: 1, warnings: ['stored answer x not used (gone); built from the rows instead'] });
    await after;
    expect(told).toHaveLength(2);
    expect(client.warnings).toHaveLength(3);
  });

  it('the page says so once, in both languages, with the worker\'s words as detail; nothing without warnings', async () => {
    const worker = new FakeWorker();
    const client = new DataClient(worker);
    const line = (locale: 'zh' | 'en') => renderToStaticMarkup(createElement(I18nProvider, { locale, children: createElement(WorkerWarnings, { client }) }));
    expect(line('en')).toBe('');
    const answered = client.query({ sql: 'SELECT 1', params: [], tables: [] });
    worker.answer(worker.sent[0], { ipc: ipc(), elapsedMs: 1, warnings: [MISSING] });
    await answered;
    const again = client.query({ sql: 'SELECT 2', params: [], tables: [] });
    worker.answer(worker.sent[1], { ipc: ipc(), elapsedMs: 1, warnings: [MISSING] });
    await again;
    const en = line('en');
    expect(en).toContain('role="status"');
    expect(en).toContain('A stored answer could not be used; computed from the rows instead.');
    expect(en.split('<li').length - 1).toBe(1);
    expect(en).toContain('stored answer by_year not used (HTTP 404)');
    expect(line('zh')).toContain('预先计算的结果文件不可用，已从明细重新计算。');
  });
});
