// Every issuer of the shared corpus's truth files, resolved with the report's year and first
// 300 characters as context.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../src/jurisdictions/load-node';
import { matchForm } from '../../../src/jurisdictions/names';
import { resolveIssuer } from '../../../src/jurisdictions/resolve';
import type { ChainLink, ResolvedIssuer } from '../../../src/jurisdictions/types';
import type { Gazetteer } from '../../../src/jurisdictions/gazetteer';
import { truthCases, type TruthCase } from './corpus';

/**
 * Truth cases whose code neither the issuer nor the context can settle. The truth is right about
 * the report (its file sits in the Guangzhou panel), but the resolver is given only 白云区政府
 * and a first paragraph naming no place (the whole report never names 广州): 白云区 is both
 * 440111 (广州) and 520113 (贵阳). The honest answer is `ambiguous` with both candidates.
 */
const UNDERDETERMINED: Record<string, string> = {
  '2024-guangdong-guangzhou-baiyun-county': '白云区 is 440111 (广州) and 520113 (贵阳); no place is named in the issuer or the report',
};

const cases = truthCases();
let gz: Gazetteer;
beforeAll(() => {
  gz = loadGazetteer();
});

const resolve = (c: TruthCase) => resolveIssuer({ issuer: c.issuer, context: { year: c.year, firstLines: c.firstLines } }, gz);

/** The chain agrees with the truth's province and, when given, parent. */
function consistent(chain: ChainLink[], c: TruthCase): boolean {
  const names = chain.map((l) => matchForm(l.name));
  if (c.province && names[0] !== matchForm(c.province)) return false;
  if (c.parent && !names.includes(matchForm(c.parent))) return false;
  return true;
}

function describeResult(r: ResolvedIssuer): string {
  return `${r.code ?? 'null'} ${r.name ?? ''} [${r.flags.join(',')}] ${r.candidates?.map((x) => x.code).join(' ') ?? ''}`;
}

describe('corpus truth issuers with a division code', () => {
  const withCode = cases.filter((c) => c.divisionCode);
  it('has cases', () => expect(withCode.length).toBeGreaterThan(100));
  for (const c of withCode) {
    it(`${c.folder}/${c.id}: ${c.issuer} → ${c.divisionCode}`, () => {
      const r = resolve(c);
      if (UNDERDETERMINED[c.id]) {
        expect(r.code, describeResult(r)).toBeNull();
        expect(r.flags).toContain('ambiguous');
        expect(r.candidates?.map((x) => x.code)).toContain(c.divisionCode);
        return;
      }
      expect(r.code, describeResult(r)).toBe(c.divisionCode);
      expect(consistent(r.chain, { ...c, parent: null })).toBe(true);
      expect(r.confidence).toBeGreaterThan(0.5);
      if (c.level === 'department' && r.department === null) {
        // The truth calls a government's own office (人民政府办公室/办公厅) a department; the
        // resolver treats it as the government and says so.
        expect(r.flags, describeResult(r)).toContain('government-office');
      }
    });
  }
});

describe('corpus truth issuers of towns (the truth gives no 9-digit code)', () => {
  const towns = cases.filter((c) => !c.divisionCode && c.level === 'town');
  it('has cases', () => expect(towns.length).toBeGreaterThan(20));
  for (const c of towns) {
    it(`${c.folder}/${c.id}: ${c.issuer} (${c.parent ?? c.province})`, () => {
      const r = resolve(c);
      if (r.code) {
        expect(r.code, describeResult(r)).toMatch(/^\d{9}$/);
        expect(r.divisionLevel).toBe('town');
        expect(consistent(r.chain, c), r.chain.map((l) => l.name).join('>')).toBe(true);
      } else if (r.flags.includes('unlisted')) {
        expect(consistent(r.chain, c), r.chain.map((l) => l.name).join('>')).toBe(true);
      } else {
        // Never a guess: ambiguous, and the right town among the candidates.
        expect(r.flags, describeResult(r)).toContain('ambiguous');
        expect(r.candidates!.some((x) => consistent(x.chain, c))).toBe(true);
      }
    });
  }
});
