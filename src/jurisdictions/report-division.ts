// A parsed report's division: the resolver run on its issuer, and the codes of its chain.
// Isomorphic: ingest (Node) and the page's import workers resolve reports with the same code.
import type { ParsedReport } from '../parse/types';
import type { Gazetteer } from './gazetteer';
import { resolveIssuer } from './resolve';
import { UNNAMED_DEPARTMENT, type ResolvedIssuer } from './types';

/** Characters of the report's beginning given as context (title, first lines). */
const CONTEXT_CHARS = 300;

export function resolveParsedReport(parsed: ParsedReport, gazetteer: Gazetteer): ResolvedIssuer | null {
  if (parsed.status === 'failed') return null;
  const issuer = parsed.facts.issuer ?? parsed.facts.jurisdiction;
  if (!issuer) return null;
  const resolved = resolveIssuer({ issuer, context: { year: parsed.facts.year, firstLines: parsed.text.slice(0, CONTEXT_CHARS) } }, gazetteer);
  return parsed.facts.level === 'department' ? asDepartment(resolved) : resolved;
}

/**
 * A department's report resolved to a division but to no department (its issuer is unprinted and
 * the text says only 我局, so the division comes from 番禺区 in its text): the division's government
 * it is not. It gets a department part of its own, so that every body key, benchmark, sum and
 * coverage count keeps it apart from the government. A government's own office (办公室/办公厅)
 * stays the government.
 */
function asDepartment(resolved: ResolvedIssuer): ResolvedIssuer {
  if (resolved.code === null || resolved.department !== null || resolved.flags.includes('government-office')) return resolved;
  return { ...resolved, level: 'department', department: UNNAMED_DEPARTMENT, flags: [...resolved.flags, 'unnamed-department'] };
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
