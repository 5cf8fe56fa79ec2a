import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../src/ingest/progress';
import { reportJsonLine, reportSummary } from '../../../src/ingest/report-text';
import { failureReason, summariseIngest, tallyOf } from '../../../src/ingest/summary';
import { failedReport } from '../../../src/ingest/failed-report';
import type { Manifest } from '../../../src/shared/manifest';
import { collectingOutput } from '../../helpers/collect-output';
import { check, sampleRecords } from './records';

const manifest = {
  dataset_version: '0123456789abcdef'.repeat(4),
  tables: { reports: { rows: 4 }, values: { rows: 5 } },
} as unknown as Manifest;

describe('summariseIngest', () => {
  it('counts statuses, groups failure reasons and ranks failing checks', () => {
    const [ok, unreadable] = sampleRecords();
    const more = [
      { ...unreadable, id: 'c', parsed: failedReport("cannot read: EACCES: permission denied, open 'other/path.txt'") },
      { ...unreadable, id: 'd', parsed: failedReport('file too large') },
      { ...ok, id: 'e', parsed: { ...ok.parsed, status: 'partial' as const, checks: [check('rv.total', 'fail', 3, 2), check('requests.balance.total', 'fail', 1, 2)] } },
    ];
    expect(summariseIngest(tallyOf([ok, unreadable, ...more]), manifest, 'data/build')).toBe(
      [
        '5 files → data/build (dataset 0123456789ab)',
        'ok 1 · partial 1 · failed 3',
        'failure reasons:',
        "       2  cannot read: EACCES: permission denied, open '…'",
        '       1  file too large',
        'top failing checks:',
        '       2  requests.balance.total',
        '       1  rv.total',
        'rows: reports 4 · values 5',
        '',
      ].join('\n'),
    );
  });

  it('says none when nothing failed', () => {
    const text = summariseIngest(tallyOf([]), manifest, 'out');
    expect(text).toContain('failure reasons: none\n');
    expect(text).toContain('top failing checks: none\n');
  });

  it('blanks quoted paths so one cause groups together', () => {
    expect(failureReason("EISDIR: illegal operation, read 'a/b'")).toBe("EISDIR: illegal operation, read '…'");
  });
});

describe('parse output', () => {
  it('prints a JSON line without the text and with the file first', () => {
    const [ok] = sampleRecords();
    const line = reportJsonLine(ok);
    expect(line.endsWith('\n')).toBe(true);
    const parsed = JSON.parse(line);
    expect(Object.keys(parsed)).toEqual(['file', 'status', 'facts', 'values', 'checks', 'warnings', 'jurisdiction']);
    expect(parsed.facts.division_code).toBe('210900');
    expect(parsed.jurisdiction).toMatchObject({ code: '210900', name: '阜新市', department: null, flags: ['government-office', 'context'] });
    expect(parsed.file).toBe('data/corpus/b.txt');
    expect(parsed.values).toHaveLength(5);
    expect(parsed).not.toHaveProperty('text');
  });

  it('prints a readable block with failing checks and warnings', () => {
    const [ok, failed] = sampleRecords();
    expect(reportSummary(ok)).toBe(
      [
        'data/corpus/b.txt',
        '  status ok · template table2019 · year 2019 · issuer 阜新市人民政府',
        '  division 辽宁省 › 阜新市 (210900) · government-office, context',
        '  values 5',
        '  failed check requests.balance.total: expected 146, actual 131',
        '  warning: issuer not found',
        '  warning: blank cell',
        '',
      ].join('\n'),
    );
    expect(reportSummary(failed)).toContain("  status failed · template — · year — · issuer —\n  error: cannot read: EACCES");
  });

  it('says what a partial report lacks', () => {
    const [ok] = sampleRecords();
    const partial = { ...ok, parsed: { ...ok.parsed, status: 'partial' as const, facts: { ...ok.parsed.facts, year: null } } };
    expect(reportSummary(partial)).toContain('  status partial · template table2019 · year — · issuer 阜新市人民政府\n  division 辽宁省 › 阜新市 (210900) · government-office, context\n  missing: statistics year not found\n  values 5\n');
  });
});

describe('createProgress', () => {
  it('draws nothing when stderr is not a terminal', () => {
    const out = collectingOutput(false);
    const progress = createProgress(3, out);
    progress.tick();
    progress.done();
    expect(out.text).toBe('');
  });

  it('draws a bar on a terminal and clears it at the end', () => {
    const out = collectingOutput(true);
    const progress = createProgress(2, out);
    progress.tick();
    progress.tick();
    progress.done();
    expect(out.text).toContain('] 1/2');
    expect(out.text).toContain(`[${'#'.repeat(30)}] 2/2`);
    expect(out.text.endsWith('\r\x1b[K')).toBe(true);
  });
});
