// The same words as real producers print and copy them, for metamorphic tests of the narrative:
// a report's text is rewritten (lines wrapped at a page's width, page furniture inside a
// paragraph, full-width or half-width characters, grouped digits, traditional characters, HTML
// markup) and a careful reader reads the same values from every variant, each value's span still
// on its own figure. Text variants keep, for every character they write, the offset of the
// character of the report it came from (-1: a character the variant added), so a span is checked
// by position; HTML variants are rendered by the parser, so a span is checked by what it covers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport, type Value } from '../../src/parse';
import { htmlToText, looksLikeHtml } from '../../src/parse/decode/html';
import { normaliseText } from '../../src/parse/normalise/text';
import { T2S_FROM, T2S_TO } from '../../src/parse/normalise/t2s-table';
import { corpusTextSources } from './corpus-sources';

/** Text with, for each character, the offset in the report it was copied from (-1: added). */
export interface Mapped {
  text: string;
  from: number[];
}

export interface NarrativeVariant {
  name: string;
  about: string;
  form: 'text' | 'html';
  /** `kept`: the offsets of the lines a table is read from, written as they are. */
  apply: (text: string, kept: Set<number>) => Mapped;
}

class Writer {
  private parts: string[] = [];
  from: number[] = [];
  copy(text: string, at: number): void {
    this.parts.push(text);
    for (let k = 0; k < text.length; k++) this.from.push(at + k);
  }
  add(text: string): void {
    this.parts.push(text);
    for (let k = 0; k < text.length; k++) this.from.push(-1);
  }
  /** A character of the report written as another (full-width, traditional): still its character. */
  put(text: string, at: number): void {
    this.parts.push(text);
    for (let k = 0; k < text.length; k++) this.from.push(at);
  }
  done(): Mapped {
    return { text: this.parts.join(''), from: this.from };
  }
}

interface Line {
  text: string;
  at: number;
}
const linesOf = (text: string): Line[] => {
  const out: Line[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    out.push({ text: line, at });
    at += line.length + 1;
  }
  return out;
};
/**
 * The lines of the report's tables (cells, a glued run, a statistics table): from the line of its
 * first table value, with the headers above it, to the line of its last. Written as they are: the
 * table variants' business.
 */
export const tableLines = (text: string, values: readonly Value[]): Set<number> => {
  const kept = new Set<number>();
  const at = values.filter((v) => v.source === 'table').map((v) => v.start);
  if (at.length === 0) return kept;
  const lines = linesOf(text);
  const first = lines.findLastIndex((l) => l.at <= Math.min(...at));
  const last = lines.findLastIndex((l) => l.at <= Math.max(...at));
  for (let k = Math.max(0, first - TABLE_HEAD_LINES); k <= last; k++) kept.add(lines[k].at);
  return kept;
};
/** Lines above a table's first value kept with it (its title and column headers, one cell per line). */
const TABLE_HEAD_LINES = 24;

/** Display width: a CJK or full-width character is as wide as two Latin ones (a PDF line holds that many). */
export const charWidth = (c: number) => (c >= 0x2e80 && c <= 0xffef && !(c >= 0xff61 && c <= 0xff9f) ? 2 : 1);

/** One report line broken where it reaches `width`; `breakAt` may move a break earlier. */
function wrapLine(line: Line, width: number, breakAt?: (text: string, from: number, to: number) => number): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start < line.text.length) {
    let w = 0;
    let end = start;
    while (end < line.text.length && w + charWidth(line.text.charCodeAt(end)) <= width) w += charWidth(line.text.charCodeAt(end++));
    if (end < line.text.length && breakAt) end = breakAt(line.text, start, end);
    out.push({ text: line.text.slice(start, end), at: line.at + start });
    start = end;
  }
  return out;
}

interface WrapOptions {
  width: number;
  indent?: string;
  breakAt?: (text: string, from: number, to: number) => number;
  /** Every this many lines a page ends: furniture(page) is written between the pages. */
  pageLines?: number;
  furniture?: (page: number) => string[];
}

/** The report as a PDF text extraction gives it: paragraphs wrapped at a fixed width, pages with their furniture. */
function wrapped(options: WrapOptions) {
  return (text: string, kept: Set<number>): Mapped => {
    const out = new Writer();
    let lineNo = 0;
    let page = 1;
    let pageEnds = false;
    for (const line of linesOf(text)) {
      const table = kept.has(line.at);
      const pieces = table ? [line] : wrapLine(line, options.width, options.breakAt);
      if (pieces.length === 0) pieces.push(line);
      for (const piece of pieces) {
        if (out.from.length > 0) out.add('\n');
        if (options.pageLines && lineNo > 0 && lineNo % options.pageLines === 0) pageEnds = true;
        // a page ending inside a table is the table variants' business: the page ends at the next prose line
        if (pageEnds && !table && options.furniture) {
          for (const f of options.furniture(page)) out.add(f + '\n');
          page++;
          pageEnds = false;
        }
        if (options.indent && piece.text !== '') out.add(options.indent);
        out.copy(piece.text, piece.at);
        lineNo++;
      }
    }
    return out.done();
  };
}

/** Prose wrapped at `width` (display width: a CJK character is 2), as a PDF's text extraction gives it. */
export const wrapProse = (text: string, width: number): string => wrapped({ width })(text, new Set()).text;

/** A break moved to fall inside a figure or between a figure and its unit, when one ends near the line's end. */
const atFigure = (text: string, from: number, to: number) => {
  for (let k = to - 1; k > from + 4 && k > to - 3; k--) if (/\d/.test(text[k - 1])) return k;
  return to;
};

const DIGITS = /\d/;
function perChar(f: (c: string, next: string, prev: string) => string) {
  return (text: string, kept: Set<number>): Mapped => {
    const out = new Writer();
    for (const line of linesOf(text)) {
      if (line.at > 0) out.add('\n');
      if (kept.has(line.at)) {
        out.copy(line.text, line.at);
        continue;
      }
      for (let k = 0; k < line.text.length; k++) out.put(f(line.text[k], line.text[k + 1] ?? '', line.text[k - 1] ?? ''), line.at + k);
    }
    return out.done();
  };
}

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '%': '％', '.': '．' };
const HALF: Record<string, string> = { '，': ',', '：': ':', '；': ';', '（': '(', '）': ')' };
const S2T = new Map<string, string>();
for (let i = T2S_FROM.length - 1; i >= 0; i--) S2T.set(T2S_TO[i], T2S_FROM[i]);
// a simplified character whose traditional form is itself as well (干, 后, 台…) stays
for (let i = 0; i < T2S_FROM.length; i++) if (T2S_FROM.includes(T2S_TO[i]) && T2S_TO[i] !== T2S_FROM[i]) S2T.delete(T2S_TO[i]);

/** Figures of 4 digits or more (not years, not dates) written with a group separator. */
function grouped(sep: string) {
  return (text: string, kept: Set<number>): Mapped => {
    const out = new Writer();
    for (const line of linesOf(text)) {
      if (line.at > 0) out.add('\n');
      if (kept.has(line.at)) {
        out.copy(line.text, line.at);
        continue;
      }
      let last = 0;
      for (const m of line.text.matchAll(/(?<![\d.])\d{4,7}(?![\d.])/g)) {
        const after = line.text.slice(m.index + m[0].length, m.index + m[0].length + 1);
        if (/^[年月日号-]/.test(after) || /^(19|20)\d\d$/.test(m[0])) continue;
        out.copy(line.text.slice(last, m.index), line.at + last);
        const head = m[0].length % 3 || 3;
        out.copy(m[0].slice(0, head), line.at + m.index);
        for (let k = head; k < m[0].length; k += 3) {
          out.add(sep);
          out.copy(m[0].slice(k, k + 3), line.at + m.index + k);
        }
        last = m.index + m[0].length;
      }
      out.copy(line.text.slice(last), line.at + last);
    }
    return out.done();
  };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unmapped = (text: string): Mapped => ({ text, from: [] });
const htmlPage = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n${body}</body></html>\n`;

/** HTML: each line written by `f`, a table's line as one paragraph as it is. */
const htmlLines = (f: (line: string) => string) => (text: string, kept: Set<number>): Mapped =>
  unmapped(htmlPage(linesOf(text).map((line) => (kept.has(line.at) ? `<p>${escape(line.text)}</p>\n` : f(line.text))).join('')));

const PAGE_TITLE = '政府信息公开工作年度报告';

export const NARRATIVE_VARIANTS: NarrativeVariant[] = [
  { name: 'wrap-30', about: 'lines wrapped at 30 characters', form: 'text', apply: wrapped({ width: 60 }) },
  { name: 'wrap-20-indent', about: 'wrapped at 20, every line indented', form: 'text', apply: wrapped({ width: 40, indent: '    ' }) },
  { name: 'wrap-40', about: 'wrapped at 40', form: 'text', apply: wrapped({ width: 80 }) },
  { name: 'wrap-at-figures', about: 'wrapped at ~25, breaks inside figures and before units', form: 'text', apply: wrapped({ width: 50, breakAt: atFigure }) },
  { name: 'page-dash', about: 'wrapped at 30, "- 3 -" between pages', form: 'text', apply: wrapped({ width: 60, pageLines: 20, furniture: (p) => ['', `- ${p} -`, ''] }) },
  { name: 'page-of', about: 'wrapped at 30, "第 3 页 共 9 页" between pages', form: 'text', apply: wrapped({ width: 60, pageLines: 20, furniture: (p) => [`第 ${p} 页 共 9 页`] }) },
  { name: 'page-bare', about: 'wrapped at 30, a bare page number between pages', form: 'text', apply: wrapped({ width: 60, pageLines: 20, furniture: (p) => [`${p}`] }) },
  { name: 'page-running', about: 'wrapped at 28, footer and running header between pages', form: 'text', apply: wrapped({ width: 56, indent: '  ', pageLines: 24, furniture: (p) => [`— ${p} —`, '\f' + PAGE_TITLE] }) },
  { name: 'full-width', about: 'digits and punctuation full-width', form: 'text', apply: perChar((c) => (DIGITS.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : FULL[c] ?? c)) },
  { name: 'half-width', about: '，：；（） half-width', form: 'text', apply: perChar((c) => HALF[c] ?? c) },
  { name: 'group-comma', about: 'figures grouped 1,234', form: 'text', apply: grouped(',') },
  { name: 'group-space', about: 'figures grouped 1 234', form: 'text', apply: grouped(' ') },
  { name: 'group-fullcomma', about: 'figures grouped 1，234', form: 'text', apply: grouped('，') },
  { name: 'traditional', about: 'traditional characters', form: 'text', apply: perChar((c) => S2T.get(c) ?? c) },
  { name: 'html-p-sentence', about: '<p> per sentence', form: 'html', apply: htmlLines((line) => line.split(/(?<=。)/).filter((t) => t !== '').map((t) => `<p>${escape(t)}</p>\n`).join('')) },
  { name: 'html-br', about: '<br> between lines', form: 'html', apply: (text) => unmapped(htmlPage(`<div>${text.split('\n').map(escape).join('<br>\n')}</div>\n`)) },
  { name: 'html-span-numbers', about: '<span> around figures', form: 'html', apply: htmlLines((line) => `<p>${escape(line).replace(/\d+/g, (d) => `<span style="font-family:Times">${d}</span>`)}</p>\n`) },
  {
    name: 'html-nbsp',
    about: '&nbsp; for spaces and indents, between figure and unit',
    form: 'html',
    apply: htmlLines((line) => `<p>&nbsp;&nbsp;&nbsp;&nbsp;${escape(line).replace(/ /g, '&nbsp;').replace(/(\d)(?=[件条项个次])/g, '$1&nbsp;')}</p>\n`),
  },
];

// ---- the reports and the comparison

export interface NarrativeReport {
  name: string;
  /** The report's text as the parser reads it (HTML rendered). */
  text: string;
}

/** Every corpus report with a truth file whose text (.txt, .html) gives narrative values. */
export function narrativeReports(root: string, folders?: string[]): NarrativeReport[] {
  const out: NarrativeReport[] = [];
  for (const { folder, file, rel } of corpusTextSources(root, folders && readdirSync(root).sort().filter((f) => folders.includes(f)))) {
    const source = readFileSync(join(root, rel), 'utf8');
    const text = (looksLikeHtml(source, file) ? htmlToText(source) : source).replace(/\r\n?/g, '\n');
    if (!parseReport(text, { fileName: 'reference.txt' }).values.some((v) => v.source === 'narrative')) continue;
    out.push({ name: `${folder}/${file}`, text });
  }
  return out;
}

export interface NarrativeOutcome {
  equal: number;
  changed: number;
  lost: number;
  invented: number;
  /** Equal values whose span is not on their own figure in the variant. */
  moved: number;
  /** The report's facts (issuer, year…) the variant reads otherwise. */
  facts: string[];
  details: string[];
}

const FACTS = ['issuer', 'jurisdiction', 'level', 'scope', 'year', 'published', 'template'] as const;
const valueMap = (values: readonly Value[]) => new Map(values.filter((v) => !v.derived).map((v) => [v.metric, v]));
/** What a span covers, as a reader compares figures: normalised, without spaces and group separators. */
const figure = (text: string, v: Value) => normaliseText(text.slice(v.start, v.end)).s.replace(/[\s,，]/g, '');

const REFERENCES = new WeakMap<NarrativeReport, ReturnType<typeof parseReport>>();
const referenceOf = (report: NarrativeReport) => {
  let r = REFERENCES.get(report);
  if (!r) REFERENCES.set(report, (r = parseReport(report.text, { fileName: 'reference.txt' })));
  return r;
};

/** The variant's values against the report's as read: equal (and on their figure), changed, lost, invented. */
export function compareNarrativeVariant(report: NarrativeReport, variant: NarrativeVariant): NarrativeOutcome {
  const reference = referenceOf(report);
  const expected = valueMap(reference.values);
  const written = variant.apply(report.text, tableLines(report.text, reference.values));
  // a capture cut inside its table stays one as a page: a page its writer closed is a whole document
  const cut = variant.form === 'html' && reference.warnings.some((w) => w.includes('(truncated)'));
  const parsed = parseReport(cut ? written.text.replace(/<\/body><\/html>\n$/, '') : written.text, { fileName: variant.form === 'html' ? 'variant.html' : 'variant.txt' });
  const got = valueMap(parsed.values);
  const outcome: NarrativeOutcome = { equal: 0, changed: 0, lost: 0, invented: 0, moved: 0, facts: [], details: [] };
  for (const f of FACTS) {
    if (parsed.facts[f] === reference.facts[f]) continue;
    outcome.facts.push(f);
    outcome.details.push(`fact     ${f} = ${parsed.facts[f]}, was ${reference.facts[f]}`);
  }
  for (const [metric, v] of expected) {
    const g = got.get(metric);
    if (!g) {
      outcome.lost++;
      outcome.details.push(`lost     ${metric} = ${v.value} (${v.source}) «${contextOf(report.text, v)}»`);
    } else if (g.value !== v.value) {
      outcome.changed++;
      outcome.details.push(`changed  ${metric} = ${g.value}, was ${v.value} «${contextOf(parsed.text, g)}»`);
    } else {
      outcome.equal++;
      if (!onItsFigure(report.text, v, written, parsed.text, g)) {
        outcome.moved++;
        outcome.details.push(`moved    ${metric} = ${g.value}: span «${parsed.text.slice(g.start, g.end)}» was «${report.text.slice(v.start, v.end)}»`);
      }
    }
  }
  for (const [metric, g] of got) {
    if (expected.has(metric)) continue;
    const before = reference.values.find((v) => v.metric === metric);
    if (before && before.value === g.value) outcome.equal++;
    else {
      outcome.invented++;
      outcome.details.push(`invented ${metric} = ${g.value} «${contextOf(parsed.text, g)}»`);
    }
  }
  return outcome;
}

const contextOf = (text: string, v: Value) => text.slice(Math.max(0, v.start - 24), v.end + 12).replace(/\n/g, '⏎');

/** Text variants: the span covers exactly the characters copied from the reference span; HTML: the same figure. */
function onItsFigure(refText: string, ref: Value, written: Mapped, text: string, got: Value): boolean {
  if (written.from.length === 0) return figure(text, got) === figure(refText, ref);
  const origins = written.from.slice(got.start, got.end).filter((o) => o >= 0);
  return origins.length > 0 && Math.min(...origins) === ref.start && Math.max(...origins) === ref.end - 1;
}
