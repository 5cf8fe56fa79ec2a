// npm run gazetteer:index — writes data/gazetteer/index.txt, the resolver's name index of every
// division and town, so that a process loads it instead of deriving every name's variants again.
// Its first line is the hash of the division files it was built from: loadGazetteer reads it only
// when they are unchanged. Deterministic: the same files give the same bytes.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GAZETTEER_DIR, INDEX_FILE, indexHeader, loadGazetteer, sourcesHash } from '../src/jurisdictions/load-node';

const gazetteer = loadGazetteer({ prebuiltIndex: false });
const provinces = readdirSync(join(GAZETTEER_DIR, 'towns'))
  .filter((f) => /^\d{2}\.csv$/.test(f))
  .map((f) => f.slice(0, 2))
  .sort();
const read = (f: string) => readFileSync(join(GAZETTEER_DIR, f), 'utf8');
const hash = sourcesHash(read('divisions.csv'), provinces.map((p) => [p, read(`towns/${p}.csv`)] as const));
const text = `${indexHeader(hash)}\n${gazetteer.serialiseIndex()}`;
writeFileSync(join(GAZETTEER_DIR, INDEX_FILE), text);
console.log(`${INDEX_FILE}: ${gazetteer.index.size} issuer keys, ${gazetteer.contextIndex.size} context keys, ${(text.length / 1024).toFixed(0)} K characters`);
