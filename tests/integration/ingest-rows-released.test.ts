// Ingest lets the dataset's rows go before the stored answers (issue 17): the DatasetBuilder and
// the parts it finishes (rollups, pages, the copied-report index, the groups' closures: ~0.4 GB at
// a national 0.003) were still referenced while the answers' engine grew, and stacked under the
// run's peak. The real ingest, its builder and parts watched through WeakRefs, a full garbage
// collection forced when the stored answers start.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runGenerate } from '../../src/generate/run';
import { runIngest } from '../../src/ingest/run-ingest';
import { parseManifest } from '../../src/shared/manifest';
import { collectOutput } from '../helpers/collect-output';
import { makeTempDir } from '../helpers/ingest-fixture';

const watched = vi.hoisted(() => ({ refs: [] as [string, WeakRef<object>][], atStoredAnswers: null as string[] | null }));

vi.mock('../../src/ingest/arrow-tables', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/ingest/arrow-tables')>();
  class WatchedBuilder extends actual.DatasetBuilder {
    constructor(...args: ConstructorParameters<typeof actual.DatasetBuilder>) {
      super(...args);
      watched.refs.push(['builder', new WeakRef(this)]);
    }
    override finish(...args: Parameters<InstanceType<typeof actual.DatasetBuilder>['finish']>) {
      const parts = super.finish(...args);
      watched.refs.push(['parts', new WeakRef(parts)], ['rollups', new WeakRef(parts.rollups)]);
      return parts;
    }
  }
  return { ...actual, DatasetBuilder: WatchedBuilder };
});

vi.mock('../../src/ingest/stored-answers', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/ingest/stored-answers')>();
  return {
    ...actual,
    writeStoredAnswers: async (...args: Parameters<typeof actual.writeStoredAnswers>) => {
      // A later task (a WeakRef read in this one would keep its target alive), then a full collection.
      await new Promise((resolve) => setTimeout(resolve, 0));
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as () => void;
      gc();
      gc();
      watched.atStoredAnswers = watched.refs.filter(([, ref]) => ref.deref() !== undefined).map(([name]) => name);
      return actual.writeStoredAnswers(...args);
    },
  };
});

let root: string;

beforeAll(async () => {
  root = makeTempDir('gongkai-rows-released-');
  await runGenerate({ province: '64', years: [2020], seed: 5, scale: 0.02, noise: 'default', copies: 0, out: join(root, 'corpus') });
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ingest with stored answers', () => {
  it('holds neither the dataset builder nor its parts once the stored answers start', async () => {
    const out = join(root, 'dataset');
    await runIngest([join(root, 'corpus')], out, collectOutput());
    const manifest = parseManifest(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    expect(Object.keys(manifest.stored ?? {})).toContain('pre_coverage_answer_64');
    expect(watched.refs.map(([name]) => name)).toEqual(['builder', 'parts', 'rollups']);
    expect(watched.atStoredAnswers).toEqual([]);
  }, 300_000);
});
