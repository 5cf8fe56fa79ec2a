// The official 2021 form left blank is a file, not a report: one row of the reports table with
// its reason, counted in no rollup (so in no report count, year, level or template of the
// overview) and said apart by ingest's summary, not as a failed report.
import { describe, expect, it } from 'vitest';
import { sharedGazetteer } from '../../../src/ingest/jurisdiction';
import { buildDatasetParts, wholeTables } from '../../../src/ingest/arrow-tables';
import type { ReportRecord } from '../../../src/ingest/read-report';
import { emptyTally, summariseIngest, tallyReport } from '../../../src/ingest/summary';
import { parseDocument } from '../../../src/parse/input';
import { failureCode } from '../../../src/parse/reasons';
import type { Manifest } from '../../../src/shared/manifest';
import { readTemplate2021 } from '../../helpers/template-2021';
import { sampleRecords } from './records';

async function blankRecord(): Promise<ReportRecord> {
  const parsed = await parseDocument(readTemplate2021(), { fileName: 'template-2021-blank.docx' });
  return { id: 'mine/template-2021-blank.docx', file: 'mine/template-2021-blank.docx', sha256: 'f'.repeat(64), bytes: 1000, jurisdiction: null, parsed };
}

describe('a blank form in a dataset', () => {
  it('is a row of the reports table with its reason, and no report in the rollups', async () => {
    const blank = await blankRecord();
    expect(blank.parsed.status).toBe('failed');
    expect(failureCode(blank.parsed.error!)).toBe('blank-form');
    const samples = sampleRecords();
    const tables = wholeTables(buildDatasetParts([...samples, blank], sharedGazetteer()));
    const reports = tables.reports.toArray().map((r) => r.toJSON());
    expect(reports.find((r) => r.report_id === blank.id)).toMatchObject({ status: 'failed', error: blank.parsed.error });
    const nation = tables.rollups.toArray().map((r) => r.toJSON()).filter((r) => r.division_level === 'nation');
    const sum = (key: string) => nation.reduce((n, r) => n + Number(r[key]), 0);
    // What the samples alone count: the form adds no report, no failed one and no 2021 table.
    const alone = wholeTables(buildDatasetParts(samples, sharedGazetteer())).rollups.toArray().map((r) => r.toJSON()).filter((r) => r.division_level === 'nation');
    for (const key of ['reports', 'failed', 'table2021', 'template_unknown']) expect(sum(key), key).toBe(alone.reduce((n, r) => n + Number(r[key]), 0));
    expect(nation.some((r) => r.year === 2021 && r.level === null)).toBe(alone.some((r) => r.year === 2021 && r.level === null));
  });

  it("is said apart in ingest's summary: a file, in no status", async () => {
    const tally = emptyTally();
    for (const record of [...sampleRecords(), await blankRecord()]) tallyReport(tally, record);
    const samples = emptyTally();
    for (const record of sampleRecords()) tallyReport(samples, record);
    expect(tally.files).toBe(samples.files + 1);
    expect(tally.statuses).toEqual(samples.statuses);
    expect(tally.notReports).toBe(1);
    const manifest = { dataset_version: '0'.repeat(64), tables: {} } as unknown as Manifest;
    expect(summariseIngest(tally, manifest, 'out').split('\n')[1]).toBe(`ok ${samples.statuses.ok} · partial ${samples.statuses.partial} · failed ${samples.statuses.failed} · not reports (blank forms, no disclosure wording) 1`);
  });
});
