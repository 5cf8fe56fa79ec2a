// npm run bench:table-variants [-- --verbose] [-- --only NAME] [corpus root]
// Every corpus report with truth that prints a 2019/2021 form table, rewritten in each layout of
// tests/helpers/table-variants.ts: per variant, the reports and the values equal, changed, lost and
// gained against the report as read (a cell the variant empties is expected absent).
import { join } from 'node:path';
import { compareVariant, tableReports, VARIANTS } from '../tests/helpers/table-variants';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const root = args.find((a, k) => !a.startsWith('--') && args[k - 1] !== '--only') ?? join(import.meta.dirname, '../../shared/corpus');

const reports = tableReports(root);
console.log(`${reports.length} reports: the filled official 2021 form and the corpus reports with truth whose 2019/2021 form table is read from its cells\n`);
console.log(`${'variant'.padEnd(26)} ${'reports'.padStart(7)} ${'changed@'.padStart(8)} ${'equal'.padStart(6)} ${'changed'.padStart(7)} ${'lost'.padStart(6)} ${'gained'.padStart(6)}  about`);
for (const variant of VARIANTS) {
  if (only && variant.name !== only) continue;
  const t = { equal: 0, changed: 0, lost: 0, gained: 0, reports: 0, applied: 0 };
  for (const report of reports) {
    const o = compareVariant(report, variant);
    if (!o) continue;
    t.applied++;
    t.equal += o.equal;
    t.changed += o.changed;
    t.lost += o.lost;
    t.gained += o.gained;
    if (o.details.length > 0) {
      t.reports++;
      if (verbose) console.log(`  ${variant.name} ${report.name}\n    ${o.details.slice(0, 12).join('\n    ')}${o.details.length > 12 ? `\n    … ${o.details.length - 12} more` : ''}`);
    }
  }
  console.log(
    `${variant.name.padEnd(26)} ${String(t.applied).padStart(7)} ${String(t.reports).padStart(8)} ${String(t.equal).padStart(6)} ${String(t.changed).padStart(7)} ${String(t.lost).padStart(6)} ${String(t.gained).padStart(6)}  ${variant.about}`,
  );
}
console.log('\nreports: those the variant applies to (HTML variants: tables printed in rows); changed@: reports where any value differs from the expectation');
