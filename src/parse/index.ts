// report bytes → ParsedReport: decode → (HTML → text) → normalise → detect template →
// extract tables and sentences → derive subtotals → check identities.
import { BLANK_FORM_REASON, isBlankForm } from './blank-form';
import { runChecks } from './checks/identities';
import { dropImpossibleValues } from './checks/counts';
import { deriveSubtotals } from './checks/derive';
import { decodeBytes } from './decode/bytes';
import { htmlToText, looksLikeHtml } from './decode/html';
import { compact, tokenize } from './extract/cells';
import { extractGluedTables } from './extract/glued';
import { extractStatsTable } from './extract/stats-table';
import { findPublished, findYear, issuerFacts, scopeOf } from './extract/facts';
import { extractNarrative } from './extract/narrative';
import { divisionOf, ownAreaWord } from './extract/rules/own-area';
import { detectPrintedTemplate, extractReviewTable, extractTables, unreadTables, type TextEnding } from './extract/tables';
import { suspectValueWarnings } from './flags';
import { joinBrokenSentences, joinFigures, unwrapParagraphs } from './normalise/paragraphs';
import { normaliseText } from './normalise/text';
import { NO_DISCLOSURE_WORDING_PREFIX } from './reasons';
import type { Facts, ParsedReport, Template, Value } from './types';

export type { Check, Facts, ParsedReport, Template, Value } from './types';

export interface ParseOptions {
  /** File name or path: decides HTML vs text when the content is unclear; last-resort hint for the year. */
  fileName?: string;
}

/** An HTML page that ends with its closing tag: written to its end, not a capture cut at a size. */
const CLOSED_HTML = /<\/html\s*>\s*$/i;

/** Largest text the parser reads (characters); longer input is cut with a warning. */
export const MAX_TEXT_CHARS = 5_000_000;

const emptyFacts = (): Facts => ({
  issuer: null, jurisdiction: null, level: null, scope: 'self', year: null, published: null,
  template: null, template_basis: null, encoding: null, synthetic: false,
});

const failed = (error: string, facts: Facts, text = '', warnings: string[] = []): ParsedReport => ({
  status: 'failed', error, facts, values: [], checks: [], warnings, text,
});

const REPORT_WORDS = /信息公开|政务公开|公开工作|依申请公开|主动公开/;

function templateFromYear(year: number | null): Template | null {
  if (year === null) return null;
  if (year < 2019) return 'narrative';
  return year < 2021 ? 'table2019' : 'table2021';
}

/** Parses one report file. Never throws: a failure is a report with status `failed` and a reason. */
export function parseReport(input: Uint8Array | string, options: ParseOptions = {}): ParsedReport {
  const facts = emptyFacts();
  try {
    return parse(input, options, facts);
  } catch (error) {
    return failed(`internal parser error: ${error instanceof Error ? error.message : String(error)}`, facts);
  }
}

function parse(input: Uint8Array | string, options: ParseOptions, facts: Facts): ParsedReport {
  const warnings: string[] = [];
  let raw: string;
  // known to stop where a size cut it (not where its writer ended it)
  let cutShort = false;
  if (typeof input === 'string') {
    raw = input;
    facts.encoding = 'text';
  } else {
    const decoded = decodeBytes(input);
    if (!decoded.ok) return failed(decoded.reason, facts);
    raw = decoded.text;
    facts.encoding = decoded.encoding;
    warnings.push(...decoded.warnings);
    cutShort = decoded.cutShort;
  }
  if (raw.length > MAX_TEXT_CHARS) {
    warnings.push(`text cut at ${MAX_TEXT_CHARS} characters (the file is ${raw.length} characters long)`);
    raw = raw.slice(0, MAX_TEXT_CHARS);
    cutShort = true;
  }
  const html = looksLikeHtml(raw, options.fileName);
  const text = html ? htmlToText(raw, warnings) : raw;
  const ending: TextEnding = cutShort ? 'cut' : html && CLOSED_HTML.test(raw) ? 'whole' : 'unknown';
  const norm = normaliseText(text);
  if (!REPORT_WORDS.test(norm.s) && !REPORT_WORDS.test(norm.s.replace(/\s+/g, ''))) {
    return failed(`${NO_DISCLOSURE_WORDING_PREFIX} no 信息公开/政务公开 wording found`, facts, text, warnings);
  }
  facts.synthetic = /合成数据|synthetic/i.test(norm.s.slice(0, 2000));
  // sentences (and the title) are read with a page's line breaks undone and a figure's spaces dropped; tables keep their lines
  const prose = joinFigures(joinBrokenSentences(unwrapParagraphs(norm, text)));

  const organ = issuerFacts(prose.s);
  facts.published = findPublished(prose.s);
  facts.year = findYear(prose.s, options.fileName, facts.published, organ.title?.year ?? null);
  facts.issuer = organ.issuer;
  facts.jurisdiction = organ.jurisdiction;
  facts.level = organ.level;
  facts.scope = scopeOf(prose.s, facts.level);
  if (facts.year === null) warnings.push('statistics year not found');
  if (facts.issuer === null) warnings.push('issuer not found');

  const compactText = compact(norm.s);
  const printed = detectPrintedTemplate(compactText);
  const byYear = templateFromYear(facts.year);
  let tableTemplate: 'table2019' | 'table2021' | null = null;
  if (printed === 'table2019' || printed === 'table2021') {
    facts.template = printed;
    facts.template_basis = 'printed';
    tableTemplate = printed;
  } else if (printed === 'table' && byYear === 'narrative') {
    // A report before the 2019 template printing a table of its own: a narrative report whose
    // cells are read with the closest statutory layout.
    tableTemplate = 'table2021';
    facts.template = 'narrative';
    facts.template_basis = 'year';
    warnings.push('a table is printed in a report before the 2019 template; its cells are read with the table2021 layout');
  } else if (printed === 'table') {
    tableTemplate = byYear === 'table2019' ? 'table2019' : 'table2021';
    facts.template = tableTemplate;
    facts.template_basis = 'printed';
    warnings.push(`a statutory table is printed but its version is unclear; ${tableTemplate} assumed from the year`);
  } else {
    facts.template = byYear;
    facts.template_basis = byYear ? 'year' : null;
  }

  let values: Value[] = [];
  if (tableTemplate) {
    const tokens = tokenize(norm);
    const tables = extractTables(tokens, norm, tableTemplate, ending);
    values.push(...tables.values, ...extractReviewTable(tokens, norm));
    warnings.push(...tables.warnings);
    const glued = extractGluedTables(norm, tableTemplate, values);
    values.push(...glued.values);
    warnings.push(...glued.warnings, ...unreadTables(compactText, values));
  }
  const narrative = extractNarrative(prose, { known: new Set(values.map((v) => v.metric)), template: facts.template, year: facts.year, published: facts.published, issuer: facts.issuer, area: ownAreaWord(facts.scope, facts.jurisdiction), division: divisionOf(facts.jurisdiction, facts.level), department: facts.level === 'department', ownLevel: facts.scope === 'self' });
  values.push(...narrative.values);
  warnings.push(...narrative.warnings);
  // The statistics table appended to a report before 2019 repeats what its sentences state, and
  // sometimes contradicts them: it fills only what the sentences leave out.
  const stats = extractStatsTable(norm, new Map(values.map((v) => [v.metric, v.value])));
  const stated = new Set(values.map((v) => v.metric));
  values.push(...stats.values.filter((v) => !stated.has(v.metric)));
  warnings.push(...stats.warnings);
  const possible = dropImpossibleValues(values, text);
  warnings.push(...possible.warnings);
  values = possible.values;
  values.push(...deriveSubtotals(values));
  values.sort((a, b) => a.start - b.start || a.metric.localeCompare(b.metric));

  warnings.push(...suspectValueWarnings(values, text));
  if (isBlankForm(facts, values, norm.s)) return failed(BLANK_FORM_REASON, facts, text, warnings);
  const checks = runChecks(values);
  const status = values.length === 0 || facts.year === null ? 'partial' : 'ok';
  if (values.length === 0) warnings.push('no metric found in the text');
  return { status, facts, values, checks, warnings, text };
}
