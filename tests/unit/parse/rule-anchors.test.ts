// Short paths of the parser that must change nothing. The narrative rules and the glued tables'
// row labels are tried only where one of their opening words starts (one scan of the text for
// all words): they must find exactly what a scan of the whole text by each pattern finds. Bare
// table cells skip the quantity reader's full reading: same quantities. Checked over every text
// of every corpus, and on hand-made cases.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/parse/decode/bytes';
import { htmlToText, looksLikeHtml } from '../../../src/parse/decode/html';
import { compactView, findLabels, type LabelPattern } from '../../../src/parse/extract/glued';
import { matchesOf, NARRATIVE_RULES, openingOf, ruleWords } from '../../../src/parse/extract/narrative';
import { ALL_ROWS } from '../../../src/parse/extract/tables';
import { openingWords, WordIndex } from '../../../src/parse/extract/rules/anchors';
import { normaliseText } from '../../../src/parse/normalise/text';
import { recogniseQuantities } from '../../../src/parse/recognise/quantities';

const ROOT = join(import.meta.dirname, '../../..');
const FOLDERS = [join(ROOT, 'data/corpus/seeds'), join(ROOT, 'data/corpus/real'), join(ROOT, 'data/corpus/panel'), join(ROOT, '../shared/corpus/pages'), join(ROOT, '../shared/corpus/complete')];

function texts(): { name: string; s: string }[] {
  return FOLDERS.flatMap((folder) =>
    readdirSync(folder)
      .filter((f) => /\.(txt|html?)$/.test(f))
      .map((f) => {
        const decoded = decodeBytes(new Uint8Array(readFileSync(join(folder, f))));
        if (!decoded.ok) return { name: f, s: '' };
        const raw = looksLikeHtml(decoded.text, f) ? htmlToText(decoded.text, []) : decoded.text;
        return { name: f, s: normaliseText(raw).s };
      }),
  );
}

describe('opening words of a pattern', () => {
  it('reads literal alternatives, optional parts and classes', () => {
    expect(openingWords('(上年|上一年)(度)?结转')).toEqual(['上年度', '上年结转', '上一年度', '上一年结转']);
    expect(openingWords('结转上(一)?年度?')).toEqual(['结转上一', '结转上年']);
    expect(openingWords('[,，](办结|答复)')).toEqual([',办结', ',答复', '，办结', '，答复']);
    expect(openingWords('(行政)?诉讼')).toEqual(['行政', '诉讼']);
    expect(openingWords('不予公开(?!信息)[^。]{0,3}')).toEqual(['不予公开']);
    expect(openingWords('(?<pre>约|近)?\\s*\\d')).toBeNull();
    expect(openingWords('\\d{4}年')).toBeNull();
    expect(openingWords('(^|[,，])信息')).toBeNull();
    expect(openingWords('a*b')).toEqual(['a', 'b']);
    expect(openingWords('a*')).toBeNull();
  });
  it('finds every start of every word in one scan, overlapping ones included', () => {
    const index = new WordIndex(['上年', '上年度', '年度']).scan('上年度与上年');
    expect(index.positions(['上年'])).toEqual([0, 4]);
    expect(index.positions(['上年度', '年度'])).toEqual([0, 1]);
  });
  it('says whether any of the words was found, as positions would, for the last text scanned only', () => {
    const index = new WordIndex(['上年', '上年度', '年度', '结转']);
    index.scan('上年度与上年');
    expect(index.has(['结转'])).toBe(false);
    expect(index.has(['结转', '年度'])).toBe(true);
    expect(index.has(['未知的词'])).toBe(false);
    index.scan('结转');
    expect(index.has(['上年', '年度'])).toBe(false);
    expect(index.has(['结转'])).toBe(true);
    // every list of the narrative's words over a corpus text: has() is positions() not empty
    const words = ['上年', '上年度', '年度', '结转'];
    const lists = [[], ...words.map((w) => [w]), words, ['年度', '未知']];
    for (const text of ['', '上一年度结转', '年度年度上年', '无']) {
      index.scan(text);
      for (const list of lists) expect(index.has(list)).toBe(index.positions(list).length > 0);
    }
  });
});

describe('rules tried at their opening words find what a scan finds', () => {
  const corpus = texts();
  it('most rules have opening words', () => {
    expect(NARRATIVE_RULES.filter((r) => openingOf(r.re) !== null).length).toBeGreaterThanOrEqual(50);
  });
  // hand-made: a pattern's opening at the text's very start, four digits before its words, a mark before them or not
  const edges = ['信息公开申请5件,申请内容为…', '政府信息公开申请2件,申请内容;信息公开申请1件,申请内容', '2020年结转3件;2021年结转至2022年2件', '从办理结果看,公开5件、提供3件,部分公开2件', '公开5件', '0年结转1件', '申请3件,办结3件;收到申请2件,其中1件转下年',
    // a number after the opening only past its literals, spaces and 约: tried there, nowhere else
    '受理申请5件，\u3000约 2件将于2021年度答复；其余的 贰件将于次年办结', '从办理结果看,公开了所需的政府信息 5件,提供 十件', '尚有\t3件正在办理中', '，超过12件申请拟在下一年度办理'];
  it(`every rule, every text of the corpora (${corpus.length} texts) and hand-made edges`, () => {
    let compared = 0;
    for (const { name, s } of [...corpus, ...edges.map((s) => ({ name: s, s }))]) {
      const quantities = recogniseQuantities(s);
      const words = ruleWords(s);
      // every rule: those tried at their opening words, those tried at a number (and the words after its slot), the rest
      for (const rule of NARRATIVE_RULES) {
        rule.re.lastIndex = 0;
        const scanned = [...s.matchAll(rule.re)].map((m) => `${m.index}:${m[0]}`);
        const tried = [...matchesOf(rule, s, quantities, words)].map((m) => `${m.index}:${m[0]}`);
        expect(tried, `${name} ${rule.re.source.slice(0, 40)}`).toEqual(scanned);
        compared += scanned.length;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });
});

describe('bare table cells take a short path through the quantity reader', () => {
  it('with the same quantities as the full reading, over every corpus text and hand-made edges', () => {
    const edges = ['第 3 |', '约 5\n', '12 30日', '10 20件', '2016-2018\n', '0418-2222222\n', '〔2021〕30号', 'G20 |', '3.\n', '超过5|', '| 1 | 2 | 3 |\n0 0 0 12\n'];
    let numbers = 0;
    for (const s of [...texts().map((t) => t.s), ...edges]) {
      const fast = recogniseQuantities(s);
      expect(fast).toEqual(recogniseQuantities(s, { fullReading: true }));
      numbers += fast.filter((q) => q.kind === 'number').length;
    }
    expect(numbers).toBeGreaterThan(3000);
  });
});

describe('row labels of glued tables found at their opening words', () => {
  it('are the labels a scan by each pattern finds, over every corpus text', () => {
    const patterns: LabelPattern<string>[] = ALL_ROWS.map((spec) => ({
      spec: spec.inline,
      re: new RegExp(spec.itemRequired ? `${spec.item}[.、．]${spec.inline}` : spec.inline, 'g'),
      skip: spec.itemRequired ? String(spec.item).length + 1 : 0,
    }));
    let labels = 0;
    for (const { s } of texts()) {
      const view = compactView(s);
      const scanned = patterns
        .flatMap(({ spec, re, skip }) => [...view.c.matchAll(re)].map((m) => ({ spec, labelStart: view.at[m.index + skip], labelEnd: view.at[m.index + m[0].length - 1] + 1 })))
        .sort((a, b) => a.labelStart - b.labelStart);
      const found = findLabels(view, patterns);
      expect(found.map((l) => `${l.labelStart}-${l.labelEnd}:${l.spec}`).sort()).toEqual(scanned.map((l) => `${l.labelStart}-${l.labelEnd}:${l.spec}`).sort());
      labels += found.length;
    }
    expect(labels).toBeGreaterThan(500);
  });
});
