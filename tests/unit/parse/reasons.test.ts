// Reason codes: every failure the readers give has one, and a partial report says what it lacks.
import { describe, expect, it } from 'vitest';
import { tooLargeError } from '../../../src/ingest/failed-report';
import { failureCode, partialReason, reasonCodes } from '../../../src/parse/reasons';
import { parseDocument } from '../../../src/parse/input';
import { CANCELLED_REASON, loadFailedReason, notStartedReason, timeLimitReason } from '../../../src/app/user/import-pool';
import { reasonText } from '../../../src/app/user/import-messages';

describe('failure codes', () => {
  it('the reasons of real failed reads and of the page\'s pool each have their code', async () => {
    const read = async (bytes: Uint8Array, fileName: string) => (await parseDocument(bytes, { fileName })).error ?? '';
    expect(failureCode(await read(new Uint8Array(0), 'e.txt'))).toBe('empty');
    expect(failureCode(await read(new TextEncoder().encode('hello world'), 'h.txt'))).toBe('not-report');
    expect(failureCode(await read(new TextEncoder().encode('{\\rtf1 x}'), 'r.rtf'))).toBe('unsupported-format');
    expect(failureCode(await read(new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]), 'z.docx'))).toBe('not-word');
    expect(failureCode(tooLargeError(60 * 1024 * 1024))).toBe('too-large');
    expect(failureCode(timeLimitReason(60_000))).toBe('time-limit');
    expect(failureCode(CANCELLED_REASON)).toBe('cancelled');
    expect(failureCode(notStartedReason(60_000))).toBe('internal');
    expect(failureCode(loadFailedReason('no script'))).toBe('internal');
    expect(failureCode('something no reader says')).toBe('other');
  });
});

describe('partial reports', () => {
  it('say what is missing: the values (a printed table or none) and the year', () => {
    expect(partialReason('partial', { template_basis: 'year', year: 2020 }, 0)).toBe('no values: no statutory table (2019/2021 template) and no figures in the text found');
    expect(partialReason('partial', { template_basis: 'printed', year: null }, 0)).toBe('no values: a statutory table is printed but none of its values were read; statistics year not found');
    expect(partialReason('partial', { template_basis: 'printed', year: null }, 40)).toBe('statistics year not found');
    expect(partialReason('ok', { template_basis: 'printed', year: 2021 }, 40)).toBeNull();
    expect(reasonCodes('partial', partialReason('partial', { template_basis: 'printed', year: null }, 0))).toEqual(['no-values', 'no-year']);
  });
});

describe('the page\'s words for a reason', () => {
  it('zh and en from the code; a reason no code knows keeps the parser\'s text', () => {
    const misnamed = 'named .pdf but not a PDF file (read as text: not an information-disclosure annual report: no 信息公开/政务公开 wording found)';
    expect(reasonText('zh', 'failed', misnamed)).toBe('名为 .pdf，但不是 PDF 文件');
    expect(reasonText('en', 'failed', misnamed)).toBe('named .pdf but not a PDF file');
    expect(reasonText('zh', 'failed', 'undecodable bytes: not UTF-8, GBK, GB18030, Big5 or UTF-16 even with damaged bytes skipped (binary or an unsupported encoding)')).not.toMatch(/[a-z]{4}/);
    expect(reasonText('zh', 'partial', 'no values: a statutory table is printed but none of its values were read; statistics year not found')).toBe('未读到数值：报告印有法定表格，但未读出其中的数值；未找到统计年度');
    expect(reasonText('zh', 'failed', 'something new')).toBe('无法读取: something new');
    expect(reasonText('zh', 'ok', null)).toBe('');
  });
});
