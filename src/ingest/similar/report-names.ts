// The names a report's own issuer may print (left out of its narrative by the copied-report
// search): computed in the parse worker and in process alike, so both give the same shingles.
import type { ResolvedIssuer } from '../../jurisdictions';
import type { ParsedReport } from '../../parse/types';
import { shingleSet } from './shingles';

export function reportNames(parsed: ParsedReport, jurisdiction: ResolvedIssuer | null): string[] {
  const j = jurisdiction;
  const names = [parsed.facts.issuer, parsed.facts.jurisdiction, j?.name, j?.department, ...(j?.chain.map((link) => link.name) ?? [])];
  return names.filter((n): n is string => !!n);
}

/** The report's shingle set as the search keeps it (empty without text). */
export const reportShingles = (parsed: ParsedReport, jurisdiction: ResolvedIssuer | null): Uint32Array =>
  parsed.text ? shingleSet(parsed.text, reportNames(parsed, jurisdiction)) : new Uint32Array(0);
