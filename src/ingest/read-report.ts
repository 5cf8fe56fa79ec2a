import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseDocument } from '../parse/input';
import type { ParsedReport } from '../parse/types';
import type { ResolvedIssuer } from '../jurisdictions';
import type { CorrectedReport } from '../parse/corrections';
import { failedReport, MAX_FILE_BYTES, tooLargeError, withReason } from './failed-report';
import { NODE_INPUT } from './input-node';
import { resolveReport } from './jurisdiction';
import { describeError, type InputFile, type InputFileList } from './walk';

export { MAX_FILE_BYTES };

export interface ReportRecord {
  id: string;
  file: string;
  parsed: ParsedReport;
  /** Hex sha256 of the file's bytes; null when the file was not read. */
  sha256: string | null;
  bytes: number | null;
  /** The issuer's division (code, chain, department, flags); null when failed or no issuer. */
  jurisdiction: ResolvedIssuer | null;
  /** The values and checks after the corrections of this report's sha256 (src/shared/corrections.ts); absent when none. */
  corrected?: CorrectedReport;
  /** The copied-report search's shingle set, when the parse worker made it (else made when the report is added). */
  shingles?: Uint32Array;
}

/** What a parse worker answers when asked to resolve too (parse-pool.ts): the jurisdiction and shingles made beside the parse. */
export interface ParseOutcome {
  parsed: ParsedReport;
  jurisdiction: ResolvedIssuer | null;
  shingles: Uint32Array;
}

/** A parser: in process (parseReport) or a worker pool's, which answers later, maybe with the report resolved. */
export type ParseFn = (input: Uint8Array, options: { fileName?: string }) => ParsedReport | ParseOutcome | Promise<ParsedReport | ParseOutcome>;

const isOutcome = (result: ParsedReport | ParseOutcome): result is ParseOutcome => 'parsed' in result && 'shingles' in result;
/** Any supported format (text, HTML, PDF, Word, MHTML) through the input stage. */
const parseAnyFormat: ParseFn = (bytes, options) => parseDocument(bytes, { ...options, ...NODE_INPUT });

/** Reads, parses and resolves one file. Never throws: every problem becomes a failed report with a reason. */
export async function readReport(input: InputFile, parse: ParseFn = parseAnyFormat): Promise<ReportRecord> {
  const { outcome, ...record } = await readAndParse(input, parse);
  // Resolved where it was parsed when the worker did it (the same resolver and gazetteer), else here.
  if (outcome) return { ...record, jurisdiction: outcome.jurisdiction, shingles: outcome.shingles };
  return { ...record, jurisdiction: resolveReport(record.parsed) };
}

type ReadResult = Omit<ReportRecord, 'jurisdiction'> & { outcome?: ParseOutcome };

async function readAndParse(input: InputFile, parse: ParseFn): Promise<ReadResult> {
  const base = { id: input.id, file: input.path };
  if (input.error) return { ...base, parsed: failedReport(input.error), sha256: null, bytes: null };

  let size: number;
  try {
    // synchronous: for the many small files of a run, a stat and a read each through the thread
    // pool cost more CPU than the reads themselves
    const info = statSync(input.path);
    if (!info.isFile()) return { ...base, parsed: failedReport('not a regular file'), sha256: null, bytes: null };
    size = info.size;
  } catch (error) {
    return { ...base, parsed: failedReport(`cannot read: ${describeError(error)}`), sha256: null, bytes: null };
  }
  if (size > MAX_FILE_BYTES) return { ...base, parsed: failedReport(tooLargeError(size)), sha256: null, bytes: size };

  let bytes: Uint8Array;
  try {
    bytes = readFileSync(input.path);
  } catch (error) {
    return { ...base, parsed: failedReport(`cannot read: ${describeError(error)}`), sha256: null, bytes: size };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ...base, ...(await safeParse(parse, bytes, basename(input.path))), sha256, bytes: bytes.byteLength };
}

async function safeParse(parse: ParseFn, bytes: Uint8Array, fileName: string): Promise<{ parsed: ParsedReport; outcome?: ParseOutcome }> {
  let result: ParsedReport | ParseOutcome;
  try {
    result = await parse(bytes, { fileName });
  } catch (error) {
    return { parsed: failedReport(`parser threw: ${describeError(error)}`) };
  }
  if (!isOutcome(result)) return { parsed: withReason(result) };
  const parsed = withReason(result.parsed);
  // withReason gives a new report when it adds a reason: then the worker's resolution is not for it.
  return parsed === result.parsed ? { parsed, outcome: result } : { parsed };
}

/** Reads a few files ahead of the one being parsed, and yields the reports in input order. */
export async function* readReportsInOrder(
  files: InputFileList,
  parse: ParseFn = parseAnyFormat,
  lookahead = 4,
): AsyncGenerator<ReportRecord> {
  const pending: Promise<ReportRecord>[] = [];
  let next = 0;
  const refill = () => {
    while (next < files.length && pending.length < lookahead) pending.push(readReport(files.at(next++)!, parse));
  };
  refill();
  while (pending.length > 0) {
    const record = await pending.shift()!;
    refill();
    yield record;
  }
}
