// Mutations of every corpus report (tests/helpers/mutations.ts) through parse and ingest: nothing
// throws, every file is one row, every span lies inside the text. Sized for about a minute; the
// larger run with the hostile sizes is `npm run bench:fuzz`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIngest } from '../../../src/ingest/run-ingest';
import { parseReport } from '../../../src/parse/index';
import type { ParsedReport } from '../../../src/parse/types';
import { collectOutput } from '../../helpers/collect-output';
import { makeTempDir } from '../../helpers/ingest-fixture';
import { CI_SIZES, corpusFiles, mutate, MUTATION_KINDS, rng, type Mutant } from '../../helpers/mutations';

const files = corpusFiles();
const KINDS_PER_FILE = 3;

function mutants(): { id: string; mutant: Mutant }[] {
  const random = rng(20261205);
  const out: { id: string; mutant: Mutant }[] = [];
  files.forEach((file, i) => {
    for (let k = 0; k < KINDS_PER_FILE; k++) {
      const kind = MUTATION_KINDS[(i * KINDS_PER_FILE + k) % MUTATION_KINDS.length];
      const mutant = mutate(file, files[(i * 7 + 3) % files.length], kind, random, CI_SIZES);
      if (mutant) out.push({ id: `${file.id}#${kind}`, mutant });
    }
  });
  return out;
}

function invariantProblems(parsed: ParsedReport): string[] {
  const problems: string[] = [];
  if (!['ok', 'partial', 'failed'].includes(parsed.status)) problems.push(`status ${parsed.status}`);
  if (parsed.status === 'failed' && !parsed.error) problems.push('failed without a reason');
  if (parsed.error?.startsWith('internal parser error')) problems.push(parsed.error);
  for (const v of parsed.values) {
    if (!(v.start >= 0 && v.start <= v.end && v.end <= parsed.text.length)) problems.push(`${v.metric} span ${v.start}–${v.end} outside a text of ${parsed.text.length}`);
    if (!Number.isFinite(v.value)) problems.push(`${v.metric} value ${v.value}`);
  }
  return problems;
}

describe('fuzzed corpus', () => {
  const all = mutants();

  it('covers every report and every kind of mutation', () => {
    expect(files.length).toBeGreaterThan(200);
    expect(new Set(all.map((m) => m.mutant.kind))).toEqual(new Set(MUTATION_KINDS));
  });

  it('parses every mutant without an exception, with spans inside the text', () => {
    const problems: string[] = [];
    let kept = 0;
    for (const { id, mutant } of all) {
      const parsed = parseReport(mutant.bytes, { fileName: mutant.html ? 'report.html' : 'report.txt' });
      problems.push(...invariantProblems(parsed).map((p) => `${id}: ${p}`));
      if (parsed.status !== 'failed') kept++;
    }
    expect(problems).toEqual([]);
    // Lenient decoding: damage costs characters, not reports.
    expect(kept / all.length).toBeGreaterThan(0.9);
  }, 180_000);

  it('ingests a folder of mutants: every file one row', async () => {
    const root = makeTempDir('gongkai-fuzz-');
    try {
      const input = join(root, 'mutants');
      mkdirSync(input);
      const chosen = all.filter((_, i) => i % 12 === 0);
      chosen.forEach(({ mutant }, i) => writeFileSync(join(input, `${String(i).padStart(3, '0')}-${mutant.kind}.${mutant.html ? 'html' : 'txt'}`), mutant.bytes));
      const manifest = await runIngest([input], join(root, 'build'), collectOutput(), { storedAnswers: false });
      expect(manifest.tables.reports.rows).toBe(chosen.length);
      expect(manifest.tables.texts.rows).toBe(chosen.length);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 180_000);
});
