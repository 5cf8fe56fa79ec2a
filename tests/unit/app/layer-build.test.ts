// The build worker of the page's layer (src/app/user/layer-build.ts) against stand-in workers that
// speak the import worker's protocol: one that never says it is ready, or fails as it loads, is
// replaced a bounded number of times, so the layer's build (at every page open with kept reports)
// ends with the layer or with the reason, never waits forever.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadFailedReason, notStartedReason, START_ATTEMPTS } from '../../../src/app/user/import-pool';
import { buildStalledReason, openLayerBuild, waitStalledReason } from '../../../src/app/user/layer-build';
import type { Manifest } from '../../../src/shared/manifest';
import type { ImportWorkerReply } from '../../../workers/import-protocol';

type Start = 'ready' | 'silent' | 'init-fails' | 'dies';
/** How it builds: answers; says a stage and then nothing more; says a stage every 40 ms, 12 times, then answers; or says that a call into the browser stalled (in OPFS). */
type Build = 'answers' | 'stalls' | 'slow' | 'wait-stalls';

class StandIn extends EventTarget {
  terminated = false;
  /** The build jobs it was sent. */
  readonly jobs: { spill?: boolean }[] = [];
  /** Each build job's limit of one call into the browser. */
  readonly waits: (number | undefined)[] = [];
  constructor(
    private readonly start: Start,
    private readonly builds: Build = 'answers',
  ) {
    super();
  }
  postMessage(message: { kind: string; id?: number; spill?: boolean; waitMs?: number }): void {
    if (this.terminated) return;
    if (message.kind === 'init') {
      if (this.start === 'ready') setTimeout(() => this.reply({ kind: 'ready' }));
      else if (this.start === 'init-fails') setTimeout(() => this.reply({ kind: 'init-failed', message: 'gazetteer unreadable' }));
      else if (this.start === 'dies') setTimeout(() => this.dispatchEvent(Object.assign(new Event('error'), { message: 'script failed' })));
    } else if (message.kind === 'build') {
      const id = message.id!;
      this.jobs.push({ spill: message.spill });
      this.waits.push(message.waitMs);
      const built = () => this.reply({ kind: 'built', id, manifest: { dataset_version: 'v' } as unknown as Manifest, files: [], spill: null });
      if (this.builds === 'answers') setTimeout(built);
      else if (this.builds === 'stalls') setTimeout(() => this.reply({ kind: 'building', id, stage: '40 reports read' }));
      else if (this.builds === 'wait-stalls') setTimeout(() => this.reply({ kind: 'build-stalled', id, stage: 'spill: opening the file arrow~facts~0.arrows', ms: message.waitMs! }));
      else for (let i = 1; i <= 12; i++) setTimeout(() => (i < 12 ? this.reply({ kind: 'building', id, stage: `${i} files written` }) : built()), i * 40);
    }
  }
  terminate(): void {
    this.terminated = true;
  }
  private reply(data: ImportWorkerReply): void {
    if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

/** A build whose workers start as `starts` says, one after another; the stand-ins it made. */
function buildWith(starts: Start[], startMs = 5, builds: Build[] = [], silentMs = 10) {
  const spawned: StandIn[] = [];
  const session = openLayerBuild({
    startMs,
    silentMs,
    spawn: () => {
      const worker = new StandIn(starts[spawned.length] ?? 'silent', builds[spawned.length]);
      spawned.push(worker);
      return worker as unknown as Worker;
    },
  });
  return { session, spawned };
}

beforeEach(() => vi.stubGlobal('document', { baseURI: 'http://127.0.0.1/' }));
afterEach(() => vi.unstubAllGlobals());

describe("the layer's build worker", () => {
  it('builds with the first worker that says it is ready; the silent one before it is stopped', async () => {
    const { session, spawned } = buildWith(['silent', 'ready']);
    const built = await session.build();
    expect(built.manifest).toEqual({ dataset_version: 'v' });
    expect(spawned.map((w) => w.terminated)).toEqual([true, false]);
    session.close();
    expect(spawned[1].terminated).toBe(true);
  });

  it('a worker that fails as it loads is replaced at once, not after its limit', async () => {
    // A limit no test waits out: only a failed load ends an attempt here.
    const { session, spawned } = buildWith(['init-fails', 'dies', 'ready'], 600_000);
    await expect(session.build()).resolves.toMatchObject({ spill: null });
    expect(spawned).toHaveLength(3);
    session.close();
  });

  it(`fails with the reason after ${START_ATTEMPTS} workers that never start, never waiting forever`, async () => {
    const { session, spawned } = buildWith(['silent', 'silent', 'silent', 'ready']);
    await expect(session.build()).rejects.toThrow(`the imported layer could not be built: ${notStartedReason(5)}`);
    expect(spawned).toHaveLength(START_ATTEMPTS);
    expect(spawned.every((w) => w.terminated)).toBe(true);
  });

  it('says the last load error when no worker loads', async () => {
    const { session } = buildWith(['silent', 'init-fails', 'init-fails']);
    await expect(session.build()).rejects.toThrow(loadFailedReason('gazetteer unreadable'));
  });

  it('closed while its worker starts: the build is answered at once, and no other worker starts', async () => {
    const { session, spawned } = buildWith(['silent', 'ready'], 600_000);
    const building = session.build();
    session.close();
    await expect(building).rejects.toThrow('the imported layer could not be built: closed');
    expect(spawned).toHaveLength(1);
    expect(spawned[0].terminated).toBe(true);
  });

  it('a worker silent mid-build is replaced and the build done by the next; one that keeps saying where it is, is waited for', async () => {
    const { session, spawned } = buildWith(['ready', 'ready'], 5, ['stalls', 'slow'], 200);
    // The second build takes 480 ms, past its own limit of 400 ms: each stage restarts the wait.
    await expect(session.build()).resolves.toMatchObject({ manifest: { dataset_version: 'v' } });
    expect(spawned.map((w) => w.terminated)).toEqual([true, false]);
    session.close();
  });

  it('a worker whose call into the browser stalled is replaced at once, not after its silence, and the next builds in memory when it stalled in OPFS', async () => {
    // A silence of 100 s: waited out, the test would time out.
    const { session, spawned } = buildWith(['ready', 'ready'], 5, ['wait-stalls', 'answers'], 100_000);
    await expect(session.build()).resolves.toMatchObject({ manifest: { dataset_version: 'v' } });
    expect(spawned.map((w) => w.terminated)).toEqual([true, false]);
    expect(spawned.map((w) => w.jobs)).toEqual([[{ spill: true }], [{ spill: false }]]);
    expect(session.reached()).toMatch(/^attempt 1: spill: opening the file arrow~facts~0\.arrows \(at \d+ ms, stalled\); attempt 2: started \(at 0 ms\)$/);
    session.close();
  });

  it(`fails with the call that stalled after ${START_ATTEMPTS} workers whose calls into the browser stalled, each given twice as long as the one before`, async () => {
    const { session, spawned } = buildWith(['ready', 'ready', 'ready'], 5, ['wait-stalls', 'wait-stalls', 'wait-stalls'], 100_000);
    await expect(session.build()).rejects.toThrow(`the imported layer could not be built: ${waitStalledReason('spill: opening the file arrow~facts~0.arrows', 40_000)}`);
    expect(spawned).toHaveLength(START_ATTEMPTS);
    // A slow digest on a loaded machine is waited for longer at each attempt, not failed three times at 10 s.
    expect(spawned.flatMap((w) => w.waits)).toEqual([10_000, 20_000, 40_000]);
    expect(waitStalledReason('hashing (4 files written)', 40_000)).toBe('no answer from the browser in 40 s (3 attempts, each given twice as long as the one before; the last waited on: hashing (4 files written))');
  });

  it(`fails with where the build got after ${START_ATTEMPTS} workers silent mid-build`, async () => {
    const { session, spawned } = buildWith(['ready', 'ready', 'ready', 'ready'], 5, ['stalls', 'stalls', 'stalls', 'answers'], 10);
    await expect(session.build()).rejects.toThrow(`the imported layer could not be built: ${buildStalledReason(10, '40 reports read')}`);
    expect(spawned).toHaveLength(START_ATTEMPTS);
    expect(buildStalledReason(10, '40 reports read')).toBe('no word from the build worker for 0.04 s (3 attempts; the last got as far as: 40 reports read)');
  });
});
