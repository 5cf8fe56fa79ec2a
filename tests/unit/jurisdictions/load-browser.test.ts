// The page's gazetteer loaders (src/jurisdictions/load-browser.ts), read through fetch as the import
// workers read the app's assets: the resolver's gazetteer is the one ingest loads (rows and name
// index), and the build worker's division rows alone are the same rows in the same order.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDivisionRowsFromUrls, loadGazetteerFromUrls } from '../../../src/jurisdictions/load-browser';
import { GAZETTEER_DIR } from '../../../src/jurisdictions/load-node';
import { sharedGazetteer } from '../../../src/ingest/jurisdiction';

const url = (file: string) => `https://assets.invalid/${file}`;
const towns = Object.fromEntries(readdirSync(join(GAZETTEER_DIR, 'towns')).filter((f) => /^\d{2}\.csv$/.test(f)).map((f) => [f.slice(0, 2), url(`towns/${f}`)]));
const read = (file: string) => readFileSync(join(GAZETTEER_DIR, file), 'utf8');
const fetched: string[] = [];

beforeAll(() => {
  vi.stubGlobal('fetch', async (at: string) => {
    fetched.push(at);
    return new Response(read(at.slice(url('').length)));
  });
});
afterAll(() => void vi.unstubAllGlobals());

describe('the page\'s gazetteer', () => {
  it('for the resolver: ingest\'s rows and name index', async () => {
    const gazetteer = await loadGazetteerFromUrls({ metaText: read('meta.json'), overridesText: read('overrides.csv'), divisions: url('divisions.csv'), lineage: url('lineage.csv'), index: url('index.txt'), towns });
    const node = sharedGazetteer();
    expect(gazetteer.rows).toEqual(node.rows);
    expect(gazetteer.serialiseIndex()).toBe(node.serialiseIndex());
  });

  it('for the builder: the same division rows in the same order, without the lineage or the name index', async () => {
    fetched.length = 0;
    const { rows } = await loadDivisionRowsFromUrls({ divisions: url('divisions.csv'), towns });
    expect(rows).toEqual(sharedGazetteer().rows);
    expect(rows.length).toBe(57_878);
    expect(fetched.some((f) => /lineage|index/.test(f))).toBe(false);
  });
});
