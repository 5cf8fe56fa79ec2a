// Ties each parsed report to its administrative division (src/jurisdictions). The gazetteer,
// towns included, is loaded once per process (≈0.6 s): every report is resolved against the same
// data whatever else is in the run, so a report's division never depends on its neighbours.
import type { Gazetteer, ResolvedIssuer } from '../jurisdictions';
import { loadGazetteer } from '../jurisdictions/load-node';
import { resolveParsedReport } from '../jurisdictions/report-division';
import type { ParsedReport } from '../parse/types';

export { chainCode, parentCode } from '../jurisdictions/report-division';

let cached: Gazetteer | null = null;
export const sharedGazetteer = (): Gazetteer => (cached ??= loadGazetteer());

export function resolveReport(parsed: ParsedReport, gazetteer: Gazetteer = sharedGazetteer()): ResolvedIssuer | null {
  return resolveParsedReport(parsed, gazetteer);
}
