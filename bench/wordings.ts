// How many values of the hand-written sentence set (tests/helpers/narrative-wordings.ts) the
// narrative reader reads, per class: read right, wrong (another value, or a value where none
// must be read), missed. `--verbose` lists every sentence not read right.
import { extractNarrative } from '../src/parse/extract/narrative';
import { normaliseText } from '../src/parse/normalise/text';
import { WORDINGS } from '../tests/helpers/narrative-wordings';

const verbose = process.argv.includes('--verbose');
let all = { right: 0, wrong: 0, missed: 0, values: 0 };
for (const [cls, list] of Object.entries(WORDINGS)) {
  const c = { right: 0, wrong: 0, missed: 0, values: 0 };
  for (const { text, read, year } of list) {
    const { values } = extractNarrative(normaliseText(text), { known: new Set(), template: null, year: year ?? 2015 });
    const got = new Map(values.map((v) => [v.metric, v.value]));
    for (const [metric, want] of Object.entries(read)) {
      c.values++;
      const v = got.get(metric) ?? null;
      const outcome = v === want ? 'right' : v === null ? 'missed' : 'wrong';
      c[outcome]++;
      if (verbose && outcome !== 'right') console.log(`  ${outcome.padEnd(6)} ${metric} want ${want} got ${v}  ${text.replace(/\n/g, '⏎')}`);
    }
  }
  all = { right: all.right + c.right, wrong: all.wrong + c.wrong, missed: all.missed + c.missed, values: all.values + c.values };
  console.log(`${cls.padEnd(26)} ${String(c.right).padStart(3)}/${String(c.values).padEnd(3)} ${((100 * c.right) / c.values).toFixed(1).padStart(5)} %  wrong ${c.wrong}  missed ${c.missed}`);
}
console.log(`${'all'.padEnd(26)} ${String(all.right).padStart(3)}/${String(all.values).padEnd(3)} ${((100 * all.right) / all.values).toFixed(1).padStart(5)} %  wrong ${all.wrong}  missed ${all.missed}`);
