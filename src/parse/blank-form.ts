// The official form with nothing filled in (a template, as in ../shared/templates): a statutory table
// printed, no issuing body named, and no figure anywhere. It is not a report: a failed row saying
// so, never counted as a report of its year or level.
import { BLANK_FORM_PREFIX } from './reasons';
import type { Facts, Value } from './types';

export const BLANK_FORM_REASON = `${BLANK_FORM_PREFIX} a statutory table is printed but no issuing body is named and no figure is filled in`;

/** A digit run that is not an item number ("1." "2、" "3）" of the form's own lists). */
const FIGURE = /\d+(?![\d.．、)）])/;

export function isBlankForm(facts: Pick<Facts, 'issuer' | 'template_basis'>, values: readonly Value[], text: string): boolean {
  return values.length === 0 && facts.issuer === null && facts.template_basis === 'printed' && !FIGURE.test(text);
}
