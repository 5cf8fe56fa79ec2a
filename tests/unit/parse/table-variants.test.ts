// Metamorphic: every corpus report whose 2019/2021 form table is read from its cells, and the
// official 2021 form filled with distinct figures, rewritten in each layout of
// tests/helpers/table-variants.ts, reads the same values (a cell a variant empties: absent).
import { describe, expect, it } from 'vitest';
import { compareVariant, copyBlocks, filledTemplateReport, tableReports, VARIANTS, type Variant } from '../../helpers/table-variants';
import { REPO_ROOT } from '../../helpers/paths';
import { join } from 'node:path';

const reports = tableReports(join(REPO_ROOT, '../shared/corpus'));

describe('form tables read the same in every layout', () => {
  it('covers the corpus reports with form tables and the filled official form', () => {
    expect(reports.length).toBeGreaterThanOrEqual(30);
    expect(reports[0].name).toMatch(/^templates\//);
  });

  for (const variant of VARIANTS) {
    it(`${variant.name}: ${variant.about}`, () => {
      const faults: string[] = [];
      let compared = 0;
      for (const report of reports) {
        const o = compareVariant(report, variant);
        if (!o) continue;
        compared += o.equal;
        if (o.details.length > 0) faults.push(`${report.name}\n  ${o.details.slice(0, 6).join('\n  ')}`);
      }
      expect(faults).toEqual([]);
      expect(compared).toBeGreaterThan(400);
    }, 120_000);
  }

  it('sees a layout that changes the figures (two cells of every row swapped)', () => {
    const swap: Variant = {
      name: 'swap',
      about: 'the first two figures of each row swapped',
      form: 'text',
      apply: (blocks) =>
        copyBlocks(blocks).map((b) => {
          if (b.kind === 'table')
            for (const row of b.rows) {
              const nums = row.filter((c) => /^\d+$/.test(c.text));
              if (nums.length >= 2) [nums[0].text, nums[1].text] = [nums[1].text, nums[0].text];
            }
          return b;
        }),
    };
    const o = compareVariant(filledTemplateReport(), swap)!;
    expect(o.changed).toBeGreaterThan(20);
  });
});
