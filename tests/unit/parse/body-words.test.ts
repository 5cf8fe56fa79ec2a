// One grammar for body names: the organ words after a name's places are read by readRest
// (src/parse/extract/body-words.ts), and the parser's names (organ.ts) and the resolver's
// chains (src/jurisdictions/resolve.ts) both take their reading from it, so they agree on what
// a body is and on its level.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { levelOfBody, readRest } from '../../../src/parse/extract/body-words';
import { organLevel, readOrgan } from '../../../src/parse/extract/organ';
import { loadGazetteer } from '../../../src/jurisdictions/load-node';
import { resolveIssuer } from '../../../src/jurisdictions/resolve';
import type { Gazetteer } from '../../../src/jurisdictions/gazetteer';

describe('readRest: what follows the places of a name', () => {
  it.each([
    ['', 'government', false],
    ['人民政府', 'government', true],
    ['人民政府机关', 'government', true],
    ['政府', 'government', true],
    ['人民政府办公室', 'office', true],
    ['政府办公厅', 'office', true],
    ['政府办', 'office', true],
    ['党政办公室', 'internal-office', false],
    ['人民政府党政综合办', 'internal-office', true],
    ['办事处', 'street-office', false],
    ['街道办事处', 'street-office', false],
    ['管委会', 'zone-committee', false],
    ['管理委员会', 'zone-committee', false],
    ['档案局', 'department', false],
    ['卫生健康委员会', 'department', false],
    ['公安局增城区分局', 'department', false],
    ['人民政府研究室', 'department', true],
  ] as const)('%s → %s', (rest, kind, government) => {
    expect(readRest(rest)).toMatchObject({ kind, government });
  });

  it('reads no body from a rest ending in no organ word', () => {
    expect(readRest('认真贯彻')).toBeNull();
    expect(readRest('人民政府网站')).toBeNull();
    // 站 ends many departments' names (工作站, 检查站), never a website's: a website is no body
    expect(readOrgan('广州市人民政府网站')).toBeNull();
    expect(readOrgan('广州市交通运输局网站')).toBeNull();
    expect(readOrgan('广州市海珠区人民政府办公室网站')).toBeNull();
  });

  it('decides a level in one place: a department, else its place', () => {
    expect(levelOfBody(true, 'county')).toBe('department');
    expect(levelOfBody(false, 'county')).toBe('county');
    expect(levelOfBody(false, null)).toBeNull();
  });
});

describe('the parser and the resolver read a name alike', () => {
  let gz: Gazetteer;
  beforeAll(() => {
    gz = loadGazetteer();
  });

  // [name, the parser's kind, the level both give (a government's office: the resolver's division level)]
  it.each([
    ['广州市海珠区人民政府', 'government', 'county'],
    ['城口县人民政府机关', 'government', 'county'],
    ['铜鼓县政府办', 'office', 'county'],
    ['广州市海珠区人民政府办公室', 'office', 'county'],
    ['广州市海珠区江南中街道办事处', 'government', 'town'],
    ['广州市海珠区江南中街道办', 'government', 'town'],
    ['广州市海珠区档案局', 'department', 'department'],
    ['广州市公安局增城区分局', 'department', 'department'],
  ] as const)('%s', (name, kind, level) => {
    const organ = readOrgan(name);
    const resolved = resolveIssuer({ issuer: name, context: { year: 2020 } }, gz);
    expect(organ?.kind).toBe(kind);
    if (kind === 'office') {
      // the office is the government's own: the resolver names the government and flags it
      expect(resolved.department).toBeNull();
      expect(resolved.flags).toContain('government-office');
      expect(resolved.level).toBe(organ?.placeLevel);
      expect(organLevel(organ!)).toBe('department');
    } else {
      expect(organLevel(organ!)).toBe(level);
      expect(resolved.level).toBe(level);
    }
    // the division the parser reads as the body's government is the one the resolver finds
    expect(resolved.name).toBe(organ?.jurisdiction);
  });
});

describe('no second grammar', () => {
  // The resolver builds its patterns from body-words.ts: none of its code lines spells an organ
  // or place word (comments aside). The gazetteer's own name forms (names.ts) and the city lists
  // (city-levels*.ts) are data about names, not a grammar, and are left out.
  const dir = join(import.meta.dirname, '../../../src/jurisdictions');
  const CJK = /[\u4e00-\u9fff]/;
  it.each(readdirSync(dir).filter((f) => f.endsWith('.ts') && !/^(?:names|city-levels.*)\.ts$/.test(f)))('%s', (file) => {
    const code = readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .map((line) => line.replace(/\/\/.*$/, ''))
      .filter((line) => !/^\s*(?:\*|\/\*\*)/.test(line));
    expect(code.filter((line) => CJK.test(line))).toEqual([]);
  });
});
