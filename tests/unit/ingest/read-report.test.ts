import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failedReport } from '../../../src/ingest/failed-report';
import { MAX_FILE_BYTES, readReport, readReportsInOrder, type ParseFn } from '../../../src/ingest/read-report';
import type { ParsedReport } from '../../../src/parse/types';
import { makeTempDir } from '../../helpers/ingest-fixture';

let tmp: string;
beforeAll(() => {
  tmp = makeTempDir();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const okReport = (text: string): ParsedReport => ({ ...failedReport('unused'), status: 'ok', error: undefined, text });

describe('readReport', () => {
  it('hashes the bytes and hands them to the parser with the file name', async () => {
    const path = join(tmp, 'report.txt');
    writeFileSync(path, '政府信息公开');
    const seen: { bytes: number; fileName?: string }[] = [];
    const parse: ParseFn = (input, options) => {
      seen.push({ bytes: typeof input === 'string' ? -1 : input.byteLength, fileName: options?.fileName });
      return okReport('text');
    };
    const record = await readReport({ path, id: 'r/report.txt' }, parse);
    expect(seen).toEqual([{ bytes: 18, fileName: 'report.txt' }]);
    expect(record).toMatchObject({ id: 'r/report.txt', file: path, bytes: 18 });
    expect(record.sha256).toBe(createHash('sha256').update('政府信息公开').digest('hex'));
    expect(record.parsed.status).toBe('ok');
  });

  it('turns a parser that throws into a failed report with the reason', async () => {
    const path = join(tmp, 'boom.txt');
    writeFileSync(path, 'x');
    const record = await readReport({ path, id: 'boom' }, () => {
      throw new Error('kaboom');
    });
    expect(record.parsed.status).toBe('failed');
    expect(record.parsed.error).toBe('parser threw: kaboom');
    expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives a failed report without a reason one', async () => {
    const path = join(tmp, 'silent.txt');
    writeFileSync(path, 'x');
    const record = await readReport({ path, id: 'silent' }, () => ({ ...failedReport('x'), error: undefined }));
    expect(record.parsed.error).toBe('parser gave no reason');
  });

  it('refuses a file over the size limit without reading it', async () => {
    const path = join(tmp, 'huge.txt');
    writeFileSync(path, '');
    truncateSync(path, MAX_FILE_BYTES + 1);
    let parsed = false;
    const record = await readReport({ path, id: 'huge' }, () => {
      parsed = true;
      return okReport('');
    });
    expect(parsed).toBe(false);
    expect(record).toMatchObject({ bytes: MAX_FILE_BYTES + 1, sha256: null });
    expect(record.parsed).toMatchObject({ status: 'failed', error: `file too large: ${MAX_FILE_BYTES + 1} bytes, the limit is 50 MB` });
  });

  it('reports a missing file, a folder and a listing error as failed rows', async () => {
    const missing = await readReport({ path: join(tmp, 'gone.txt'), id: 'gone' });
    expect(missing.parsed.status).toBe('failed');
    expect(missing.parsed.error).toMatch(/^cannot read: ENOENT/);
    expect(missing.bytes).toBeNull();

    mkdirSync(join(tmp, 'folder'));
    const folder = await readReport({ path: join(tmp, 'folder'), id: 'folder' });
    expect(folder.parsed.error).toBe('not a regular file');

    const listed = await readReport({ path: tmp, id: 'x', error: 'cannot read directory: EACCES' });
    expect(listed.parsed.error).toBe('cannot read directory: EACCES');
  });
});

describe('readReportsInOrder', () => {
  it('yields every file in input order whatever order the reads finish in', async () => {
    const files = Array.from({ length: 9 }, (_, i) => {
      const path = join(tmp, `order-${i}.txt`);
      writeFileSync(path, 'x'.repeat((9 - i) * 1000));
      return { path, id: `order-${i}` };
    });
    const ids: string[] = [];
    for await (const record of readReportsInOrder(files, () => okReport(''), 3)) ids.push(record.id);
    expect(ids).toEqual(files.map((f) => f.id));
  });
});
