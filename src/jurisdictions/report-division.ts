// A parsed report's division: the resolver run on its issuer, and the codes of its chain.
// Isomorphic: ingest (Node) and the page's import workers resolve reports with the same code.
import type { ParsedReport } from '../parse/types';
import type { Gazetteer } from './gazetteer';
import { resolveIssuer } from './resolve';
import type { ResolvedIssuer } from './types';

/** Characters of the report's beginning given as context (title, first lines). */
const CONTEXT_CHARS = 300;

export function resolveParsedReport(parsed: ParsedReport, gazetteer: Gazetteer): ResolvedIssuer | null {
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
