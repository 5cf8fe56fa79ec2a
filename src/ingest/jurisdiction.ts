// Ties each parsed report to its administrative division (src/jurisdictions). The gazetteer,
// towns included, is loaded once per process (≈0.6 s): every report is resolved against the same
// data whatever else is in the run, so a report's division never depends on its neighbours.
import type { Gazetteer, ResolvedIssuer } from '../jurisdictions';
import { resolveIssuer } from '../jurisdictions';
import { loadGazetteer } from '../jurisdictions/load-node';
import type { ParsedReport } from '../parse/types';

let cached: Gazetteer | null = null;
export const sharedGazetteer = (): Gazetteer => (cached ??= loadGazetteer());

/** Characters of the report's beginning given as context (title, first lines). */
const CONTEXT_CHARS = 300;

export function resolveReport(parsed: ParsedReport, gazetteer: Gazetteer = sharedGazetteer()): ResolvedIssuer | null {
  if (parsed.status === 'failed') return null;
  const issuer = parsed.facts.issuer ?? parsed.facts.jurisdiction;
  if (!issuer) return null;
  return resolveIssuer({ issuer, context: { year: parsed.facts.year, firstLines: parsed.text.slice(0, CONTEXT_CHARS) } }, gazetteer);
}

/** The division at a level of the resolved chain (null when the chain does not reach it). */
export function chainCode(resolved: ResolvedIssuer | null, level: 'province' | 'city' | 'county' | 'town'): string | null {
  return resolved?.chain.find((link) => link.level === level)?.code ?? null;
}

/** The division's parent: the link above the resolved division in its chain. */
export function parentCode(resolved: ResolvedIssuer | null): string | null {
  if (!resolved?.code) return null;
  const at = resolved.chain.findIndex((link) => link.code === resolved.code);
  return at > 0 ? resolved.chain[at - 1].code : null;
}
