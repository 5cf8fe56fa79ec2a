// Ingest's Parquet encoding workers (src/ingest/parquet-pool.ts) are ended once the tables are
// written, before the stored answers' engine starts (src/ingest/stored-answers.ts): alive, their
// heaps added to the engine's made the run's peak (stop 20's national dataset: 1.45 GB in the
// stored answers against ~0.86 GB for that phase alone). The real pool and the real answers,
// each wrapped to record when it happens.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runGenerate } from '../../src/generate/run';
import { runIngest } from '../../src/ingest/run-ingest';
import { parseManifest } from '../../src/shared/manifest';
import { collectOutput } from '../helpers/collect-output';
import { makeTempDir } from '../helpers/ingest-fixture';

const events = vi.hoisted(() => [] as string[]);

vi.mock('../../src/ingest/parquet-pool', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/ingest/parquet-pool')>();
  return {
    ...actual,
    createParquetPool: (threads: number) => {
      const pool = actual.createParquetPool(threads);
      events.push('pool created');
      return {
        encode: (...args: Parameters<typeof pool.encode>) => {
          events.push('encoded in a worker');
          return pool.encode(...args);
        },
        close: async () => {
          await pool.close();
          events.push('pool closed');
        },
      };
    },
  };
});

vi.mock('../../src/ingest/stored-answers', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/ingest/stored-answers')>();
  return {
    ...actual,
    writeStoredAnswers: (...args: Parameters<typeof actual.writeStoredAnswers>) => {
      events.push('stored answers started');
      return actual.writeStoredAnswers(...args);
    },
  };
});

let root: string;
const threads = process.env.GONGKAI_PARSE_THREADS;

beforeAll(async () => {
  root = makeTempDir('gongkai-pool-closed-');
  await runGenerate({ province: '64', years: [2020], seed: 5, scale: 0.02, noise: 'default', copies: 0, out: join(root, 'corpus') });
  // Two threads: a pool whatever the machine's cores (parquetThreads gives none for one).
  process.env.GONGKAI_PARSE_THREADS = '2';
}, 120_000);

afterAll(() => {
  if (threads === undefined) delete process.env.GONGKAI_PARSE_THREADS;
  else process.env.GONGKAI_PARSE_THREADS = threads;
  rmSync(root, { recursive: true, force: true });
});

describe('ingest with stored answers', () => {
  it('ends the Parquet workers after the tables and before the stored answers, once', async () => {
    const out = join(root, 'dataset');
    await runIngest([join(root, 'corpus')], out, collectOutput());
    const manifest = parseManifest(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    expect(Object.keys(manifest.stored ?? {})).toContain('pre_coverage_answer_64');
    const phases = events.filter((e, i) => e !== 'encoded in a worker' || events[i - 1] !== e);
    expect(phases).toEqual(['pool created', 'encoded in a worker', 'pool closed', 'stored answers started']);
  }, 300_000);
});
