// The facts' sentences in the forms reports of many provinces use, and their near misses: every
// case states a value, or none (null) for its metric (./wording-variants.cases.ts).
import { describe, expect, it } from 'vitest';
import { extractNarrative } from '../../../src/parse/extract/narrative';
import { normaliseText } from '../../../src/parse/normalise/text';
import { CASES } from './wording-variants.cases';

describe('wording variants: values stated, and none from a near miss', () => {
  for (const c of CASES) {
    const values = () =>
      new Map(extractNarrative(normaliseText(c.text), { known: new Set(), template: c.template ?? 'table2021', year: c.year ?? 2023 }).values.map((v) => [v.metric, v.value]));
    for (const [metric, value] of Object.entries(c.expect)) {
      it(`${metric} ${value === null ? 'none' : `= ${value}`}: ${c.text.slice(0, 40)}`, () => {
        expect(values().get(metric) ?? null).toBe(value);
      });
    }
  }
});
