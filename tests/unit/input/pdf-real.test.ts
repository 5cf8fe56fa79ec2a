// The real PDFs of the shared corpus (WPS exports with ruled tables and CID fonts): every value
// read is the truth's, the tables' values carry the page and box they are printed in, and a
// report's own arithmetic errors are flagged, not fixed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreReport, type Truth } from '../../../bench/score';
import { NODE_INPUT } from '../../../src/ingest/input-node';
import { parseDocument } from '../../../src/parse/input';

const CORPUS = join(import.meta.dirname, '../../../../shared/corpus');

async function parseCorpusPdf(folder: string, id: string) {
  const bytes = new Uint8Array(readFileSync(join(CORPUS, folder, `${id}.pdf`)));
  const parsed = await parseDocument(bytes, { fileName: `${id}.pdf`, ...NODE_INPUT });
  const truth = JSON.parse(readFileSync(join(CORPUS, folder, 'truth', `${id}.json`), 'utf8')) as Truth;
  return { parsed, truth };
}

describe('real PDF reports', () => {
  it('淮安市 2024: every truth value, nothing wrong or spurious, each with its page and box', async () => {
    const { parsed, truth } = await parseCorpusPdf('pdf', '2024-jiangsu-huaian-city');
    expect(parsed.status).toBe('ok');
    expect(parsed.facts.encoding).toBe('pdf');
    expect(parsed.facts.template).toBe('table2021');
    const score = scoreReport(parsed, truth);
    expect(score).toMatchObject({ correct: Object.keys(truth.metrics).length, wrong: 0, missed: 0, spurious: 0 });
    // the running page numbers ("- 3 -") are not in the text
    expect(parsed.text).not.toMatch(/^- \d+ -$/m);
    for (const v of parsed.values.filter((v) => !v.derived)) {
      expect(v.pdf, v.metric).toBeDefined();
      // the box holds the printed digits: as wide as the number, on an A4 page
      expect(v.pdf!.x).toBeGreaterThan(0);
      expect(v.pdf!.x + v.pdf!.w).toBeLessThan(596);
      expect(v.pdf!.y).toBeGreaterThan(0);
      expect(v.pdf!.y + v.pdf!.h).toBeLessThan(843);
    }
    const penalty = parsed.values.find((v) => v.metric === 'p.penalty.decisions')!;
    expect(parsed.text.slice(penalty.start, penalty.end)).toBe('3985758');
    // printed on page 4 at x 249.2, baseline 704.7, 38.5 wide (read from pdf.js's items)
    expect(penalty.pdf).toMatchObject({ page: 4, x: 249.2 });
    expect(penalty.pdf!.w).toBeCloseTo(38.5, 0);
    expect(penalty.pdf!.y).toBeLessThan(704.7);
    expect(penalty.pdf!.y + penalty.pdf!.h).toBeGreaterThan(704.7 + 5);
  });

  it('洪泽区 2023: its own wrong totals are read as printed and flagged by the checks', async () => {
    const { parsed, truth } = await parseCorpusPdf('pdf2', '2023-jiangsu-hongze-county');
    const score = scoreReport(parsed, truth);
    expect(score.wrong).toBe(0);
    expect(score.spurious).toBe(0);
    // the row printed as "2.其他法律行政止公开" (words missing) is read as its row (tolerant-label.ts)
    expect(score.missed).toBe(0);
    expect(parsed.values.find((v) => v.metric === 'rv.total')?.value).toBe(0);
    const failed = parsed.checks.filter((c) => c.status === 'fail').map((c) => c.id);
    expect(failed).toEqual(expect.arrayContaining(['rv.total', 'lit.after_rv.total']));
  });

  it('洪泽区 2024: every cell, the misprinted row too, all identities holding', async () => {
    const { parsed, truth } = await parseCorpusPdf('pdf2', '2024-jiangsu-hongze-county');
    const score = scoreReport(parsed, truth);
    expect(score).toMatchObject({ wrong: 0, spurious: 0, missed: 0 });
    expect(parsed.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });
});
