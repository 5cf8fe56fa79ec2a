// A report as IndexedDB keeps it: its values and checks in columns (typed arrays for the numbers,
// metric ids named once), not as one object per value. The structured clone writes every object's keys again, so the
// objects cost more bytes (a generated report of 220 values: 39 KB against 22 KB, 5.5 KB of it text),
// and the worker's clone and the browser's IndexedDB pay for each byte. Unpacked, a report is
// exactly the one packed (tests/unit/app/record-pack.test.ts); a report kept by an earlier
// version, as objects, is read as it is. The packing itself is src/parse/report-pack.ts (ingest's
// parse workers send their reports packed too).
import type { ReportRecord } from '../../../workers/import-protocol';
import { packParsed, type PackedReport, unpackParsed } from '../../parse/report-pack';

/** The stored form: `parsed` without its values and checks, those in `packed`. */
export type StoredRecord = Omit<ReportRecord, 'parsed'> & {
  parsed: Omit<ReportRecord['parsed'], 'values' | 'checks'>;
  packed: PackedReport;
};

export function packRecord(record: ReportRecord): StoredRecord {
  const { packed, ...parsed } = packParsed(record.parsed);
  return { ...record, parsed, packed };
}

/** The report as it was packed; a report kept as objects (no `packed`) as it is. */
export function unpackRecord(stored: StoredRecord | ReportRecord): ReportRecord {
  if (!('packed' in stored)) return stored;
  const { packed, parsed, ...rest } = stored;
  return { ...rest, parsed: { ...parsed, ...unpackParsed(packed) } };
}
