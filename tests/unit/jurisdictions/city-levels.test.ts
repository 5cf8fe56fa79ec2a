// The parser's list of city levels (src/jurisdictions/city-levels.ts) is derived from the gazetteer
// and must not drift from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNTY_CITIES, PREFECTURE_CITIES } from '../../../src/jurisdictions/city-levels';
import { cityLevelsModule } from '../../../src/jurisdictions/city-levels-source';
import { GAZETTEER_DIR } from '../../../src/jurisdictions/load-node';

describe('city levels', () => {
  it('is current: npm run gazetteer:city-levels writes the same bytes from divisions.csv', () => {
    const csv = readFileSync(join(GAZETTEER_DIR, 'divisions.csv'), 'utf8');
    expect(readFileSync(join(import.meta.dirname, '../../../src/jurisdictions/city-levels.ts'), 'utf8')).toBe(cityLevelsModule(csv));
  });

  it('lists a name at one level only, and leaves out names known at both', () => {
    const prefecture = PREFECTURE_CITIES.split(' ');
    const county = COUNTY_CITIES.split(' ');
    expect(prefecture).toContain('广州');
    expect(county).toContain('兴仁');
    expect(prefecture.filter((s) => county.includes(s))).toEqual([]);
    expect([...prefecture, ...county]).not.toContain('巢湖');
    expect(prefecture.length).toBeGreaterThan(250);
    expect(county.length).toBeGreaterThan(350);
  });
});
