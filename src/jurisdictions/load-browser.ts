// The gazetteer from fetched text (the page's import workers): the same files and the same checks
// as load-node.ts, read through URLs of the app's own assets. The prebuilt name index is used only
// when its header names the hash of exactly the division files read (Web Crypto), else rebuilt.
import { parseDivisionsCsv, parseLineageCsv, parseOverridesCsv } from './csv';
import { Gazetteer } from './gazetteer';
import type { DivisionRow, GazetteerMeta } from './types';

export interface GazetteerUrls {
  /** meta.json and overrides.csv, small enough to come inside the script. */
  metaText: string;
  overridesText: string;
  divisions: string;
  lineage: string;
  index: string;
  /** Towns per two-digit province code. */
  towns: Record<string, string>;
}

/** The first line of index.txt (load-node.ts writes and reads the same). */
const indexHeader = (sourcesHash: string) => `# gongkai gazetteer name index v1 ${sourcesHash}`;

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`gazetteer: GET ${url}: HTTP ${response.status}`);
  return response.text();
}

const hex = (digest: ArrayBuffer): string => Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');

/** sourcesHash of load-node.ts: SHA-256 of divisions.csv, then `\0pp\0` and each town file, in province order. */
async function sourcesHash(divisionsText: string, townTexts: readonly (readonly [string, string])[]): Promise<string> {
  const whole = divisionsText + townTexts.map(([p, text]) => `\0${p}\0${text}`).join('');
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(whole)));
}

/** divisions.csv and every province's towns (in province order, as the Gazetteer adds them). */
async function fetchDivisionTexts(urls: Pick<GazetteerUrls, 'divisions' | 'towns'>): Promise<{ divisionsText: string; townTexts: (readonly [string, string])[] }> {
  const provinces = Object.keys(urls.towns).sort();
  const [divisionsText, ...towns] = await Promise.all([fetchText(urls.divisions), ...provinces.map((p) => fetchText(urls.towns[p]))]);
  return { divisionsText, townTexts: provinces.map((p, i) => [p, towns[i]] as const) };
}

const parseTowns = (townTexts: readonly (readonly [string, string])[]): [string, DivisionRow[]][] => townTexts.map(([p, text]) => [p, parseDivisionsCsv(text, `towns/${p}.csv`)]);

export async function loadGazetteerFromUrls(urls: GazetteerUrls): Promise<Gazetteer> {
  const { metaText, overridesText } = urls;
  const [{ divisionsText, townTexts }, lineageText, indexText] = await Promise.all([fetchDivisionTexts(urls), fetchText(urls.lineage), fetchText(urls.index)]);
  const newline = indexText.indexOf('\n');
  const prebuiltIndex = indexText.slice(0, newline) === indexHeader(await sourcesHash(divisionsText, townTexts)) ? indexText.slice(newline + 1) : undefined;
  return new Gazetteer({
    meta: JSON.parse(metaText) as GazetteerMeta,
    divisions: parseDivisionsCsv(divisionsText, 'divisions.csv'),
    lineage: parseLineageCsv(lineageText, 'lineage.csv'),
    overrides: parseOverridesCsv(overridesText, 'overrides.csv'),
    towns: parseTowns(townTexts),
    prebuiltIndex,
  });
}

/**
 * The division rows alone, in the Gazetteer's order (divisions, then each province's towns): what
 * the dataset builder reads (src/ingest/arrow-tables.ts). No lineage, name index or links: the
 * page's build worker resolves nothing, and these were most of its gazetteer load.
 */
export async function loadDivisionRowsFromUrls(urls: Pick<GazetteerUrls, 'divisions' | 'towns'>): Promise<{ rows: DivisionRow[] }> {
  const { divisionsText, townTexts } = await fetchDivisionTexts(urls);
  return { rows: [...parseDivisionsCsv(divisionsText, 'divisions.csv'), ...parseTowns(townTexts).flatMap(([, rows]) => rows)] };
}
