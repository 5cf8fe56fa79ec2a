// npm run bench:narrative-variants [-- --verbose] [-- --only NAME] [corpus root]
// Every corpus report with truth whose text gives narrative values, rewritten in each variant of
// tests/helpers/narrative-variants.ts (wrapped lines, page furniture, full-width and grouped
// digits, traditional characters, HTML markup): per variant, the values equal, changed, lost and
// invented against the report as read, the equal values whose span left their figure (moved), and
// the reports whose facts (issuer, year…) the variant reads otherwise.
import { join } from 'node:path';
import { compareNarrativeVariant, NARRATIVE_VARIANTS, narrativeReports } from '../tests/helpers/narrative-variants';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const root = args.find((a, k) => !a.startsWith('--') && args[k - 1] !== '--only') ?? join(import.meta.dirname, '../../shared/corpus');

const reports = narrativeReports(root);
console.log(`${reports.length} corpus reports with truth whose text gives narrative values\n`);
console.log(`${'variant'.padEnd(18)} ${'changed@'.padStart(8)} ${'equal'.padStart(6)} ${'changed'.padStart(7)} ${'lost'.padStart(5)} ${'invented'.padStart(8)} ${'moved'.padStart(5)} ${'facts≠'.padStart(6)}  about`);
const all = { equal: 0, changed: 0, lost: 0, invented: 0, moved: 0, facts: 0 };
for (const variant of NARRATIVE_VARIANTS) {
  if (only && variant.name !== only) continue;
  const t = { equal: 0, changed: 0, lost: 0, invented: 0, moved: 0, facts: 0, reports: 0 };
  for (const report of reports) {
    const o = compareNarrativeVariant(report, variant);
    t.equal += o.equal;
    t.changed += o.changed;
    t.lost += o.lost;
    t.invented += o.invented;
    t.moved += o.moved;
    if (o.facts.length > 0) t.facts++;
    if (o.details.length > 0) {
      t.reports++;
      if (verbose) console.log(`  ${variant.name} ${report.name}\n    ${o.details.slice(0, 12).join('\n    ')}${o.details.length > 12 ? `\n    … ${o.details.length - 12} more` : ''}`);
    }
  }
  for (const k of Object.keys(all) as (keyof typeof all)[]) all[k] += t[k];
  console.log(
    `${variant.name.padEnd(18)} ${String(t.reports).padStart(8)} ${String(t.equal).padStart(6)} ${String(t.changed).padStart(7)} ${String(t.lost).padStart(5)} ${String(t.invented).padStart(8)} ${String(t.moved).padStart(5)} ${String(t.facts).padStart(6)}  ${variant.about}`,
  );
}
console.log(`${'all'.padEnd(18)} ${''.padStart(8)} ${String(all.equal).padStart(6)} ${String(all.changed).padStart(7)} ${String(all.lost).padStart(5)} ${String(all.invented).padStart(8)} ${String(all.moved).padStart(5)} ${String(all.facts).padStart(6)}`);
console.log('\nchanged@: reports where any value differs; moved: equal values whose span is not on their own figure in the variant; facts≠: reports whose issuer, jurisdiction, level, scope, year, published or template differ');
