// npm run gazetteer:city-levels — writes src/jurisdictions/city-levels.ts: the names of the cities
// (…市) the gazetteer knows only at prefecture level and only at county level, so that the parser
// gives the level of a report by 兴仁市 or 广州市 without loading the gazetteer. A name known at
// both levels (巢湖市, 儋州市) or at neither is in neither list: its level is left unknown.
// Deterministic: the same divisions.csv gives the same bytes. tests/unit/jurisdictions checks it is current.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GAZETTEER_DIR } from '../src/jurisdictions/load-node';
import { cityLevelsModule } from '../src/jurisdictions/city-levels-source';

const out = join(import.meta.dirname, '../src/jurisdictions/city-levels.ts');
writeFileSync(out, cityLevelsModule(readFileSync(join(GAZETTEER_DIR, 'divisions.csv'), 'utf8')));
console.log(`wrote ${out}`);
