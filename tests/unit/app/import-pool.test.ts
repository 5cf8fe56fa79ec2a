// The page's parse pool against stand-in workers that speak the import worker's protocol
// (workers/import-protocol.ts): the workers store the reports and the page hears rows only; a
// worker that dies fails the file it was on and gives back the files it parsed and had not stored
// yet, which the next worker parses and stores; close stops every worker; warm starts them early.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUDGET_STRETCH, budgetClock, createImportPool, loadFailedReason, notStartedReason, QUEUED_PER_WORKER, START_ATTEMPTS, type PoolAnswer } from '../../../src/app/user/import-pool';
import type { ImportJob, ImportWorkerReply } from '../../../workers/import-protocol';

/** Parses by name, stores two reports at a time or when its queue runs dry; dies on `dieOn`. */
class StandIn extends EventTarget {
  terminated = false;
  readonly parsed: string[] = [];
  private queue: ImportJob[] = [];
  private unstored: { id: number; name: string }[] = [];
  constructor(
    private readonly dieOn: string | null,
    readonly stored: string[],
    /** Never says it is ready (its gazetteer never loads), dies before it is ('dies'), or says its gazetteer could not be read ('init-fails'). */
    private readonly silent: boolean | 'dies' | 'init-fails' = false,
  ) {
    super();
  }
  postMessage(message: { kind: string }): void {
    if (this.terminated) return;
    if (message.kind === 'init') {
      if (this.silent === 'dies') setTimeout(() => this.dispatchEvent(Object.assign(new Event('error'), { message: 'script failed' })));
      else if (this.silent === 'init-fails') setTimeout(() => this.reply({ kind: 'init-failed', message: 'gazetteer unreadable' }));
      else if (!this.silent) setTimeout(() => this.reply({ kind: 'ready' }));
    }
    else if (message.kind === 'parse') {
      this.queue.push(message as ImportJob);
      if (this.queue.length === 1) setTimeout(() => this.next());
    }
  }
  terminate(): void {
    this.terminated = true;
  }
  private next(): void {
    const job = this.queue[0];
    if (!job || this.terminated) return;
    if (job.fileName === this.dieOn) {
      this.dispatchEvent(Object.assign(new Event('error'), { message: 'stand-in died' }));
      return;
    }
    this.queue.shift();
    this.parsed.push(job.fileName);
    this.unstored.push({ id: job.id, name: job.keep!.id });
    this.reply({ kind: 'took', id: job.id });
    if (this.unstored.length >= 2 || this.queue.length === 0) {
      const batch = this.unstored.splice(0);
      this.stored.push(...batch.map((b) => b.name));
      this.reply({ kind: 'stored', rows: batch.map((b) => ({ id: b.id, row: { id: b.name, status: 'ok', reason: null, sha256: b.name } })) });
    }
    if (this.queue.length > 0) setTimeout(() => this.next());
  }
  private reply(data: ImportWorkerReply): void {
    if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

const file = (name: string) => ({ blob: new Blob([name]), name, keep: { id: `f/${name}`, path: `f/${name}` } });

beforeEach(() => vi.stubGlobal('document', { baseURI: 'http://127.0.0.1/' }));
afterEach(() => vi.unstubAllGlobals());

describe('the import pool', () => {
  it('hears rows only; a worker that dies fails its file and gives back the files it had not stored', async () => {
    const stored: string[] = [];
    const spawned: StandIn[] = [];
    const pool = createImportPool({
      workers: 1,
      spawn: () => {
        const worker = new StandIn(spawned.length === 0 ? 'c.txt' : null, stored);
        spawned.push(worker);
        return worker as unknown as Worker;
      },
    });
    const names = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'];
    const answers: PoolAnswer[] = await Promise.all(names.map((n) => file(n)).map((f) => pool.parse(f.blob, f.name, f.keep)));
    pool.close();
    expect(answers.map((a) => (a.kind === 'stored' ? a.row.id : a.kind === 'failed' ? `failed: ${a.reason}` : 'parsed'))).toEqual([
      'f/a.txt',
      'f/b.txt',
      'failed: parser crashed: stand-in died',
      'f/d.txt',
      'f/e.txt',
    ]);
    expect(spawned).toHaveLength(2);
    // The first worker stored a and b (two at a time) before it died on c: nothing to give back.
    expect(spawned[0].parsed).toEqual(['a.txt', 'b.txt']);
    expect(spawned[1].parsed).toEqual(['d.txt', 'e.txt']);
    expect([...stored].sort()).toEqual(['f/a.txt', 'f/b.txt', 'f/d.txt', 'f/e.txt']);
  });

  it('parses again, in the next worker, what a dead worker parsed and had not stored', async () => {
    const stored: string[] = [];
    const spawned: StandIn[] = [];
    const pool = createImportPool({
      workers: 1,
      spawn: () => {
        const worker = new StandIn(spawned.length === 0 ? 'b.txt' : null, stored);
        spawned.push(worker);
        return worker as unknown as Worker;
      },
    });
    const answers = await Promise.all(['a.txt', 'b.txt', 'c.txt'].map((n) => file(n)).map((f) => pool.parse(f.blob, f.name, f.keep)));
    pool.close();
    // a was parsed (not stored: one in hand, the queue not dry) when the worker died on b.
    expect(spawned[0].parsed).toEqual(['a.txt']);
    expect(spawned[1].parsed.sort()).toEqual(['a.txt', 'c.txt']);
    expect(answers.map((a) => a.kind)).toEqual(['stored', 'failed', 'stored']);
    expect([...stored].sort()).toEqual(['f/a.txt', 'f/c.txt']);
  });

  it('close stops every worker; files given after it fail as cancelled', async () => {
    const spawned: StandIn[] = [];
    const pool = createImportPool({
      workers: 2,
      spawn: () => {
        const worker = new StandIn(null, []);
        spawned.push(worker);
        return worker as unknown as Worker;
      },
    });
    await Promise.all(['a.txt', 'b.txt'].map((n) => file(n)).map((f) => pool.parse(f.blob, f.name, f.keep)));
    pool.close();
    expect(spawned.map((w) => w.terminated)).toEqual([true, true]);
    await expect(pool.parse(new Blob(['x']), 'x.txt', { id: 'x', path: 'x' })).resolves.toEqual({ kind: 'failed', reason: 'import cancelled' });
  });

  it('a worker that never starts is replaced: its files are parsed by the next one, none fails', async () => {
    const stored: string[] = [];
    const spawned: StandIn[] = [];
    const pool = createImportPool({
      workers: 1,
      startMs: 20,
      spawn: () => {
        // The first never answers init (a machine too busy to run it), the second dies before it is ready.
        const worker = new StandIn(null, stored, spawned.length === 0 ? true : spawned.length === 1 ? 'dies' : false);
        spawned.push(worker);
        return worker as unknown as Worker;
      },
    });
    const names = ['a.txt', 'b.txt', 'c.txt'];
    const answers = await Promise.all(names.map((n) => file(n)).map((f) => pool.parse(f.blob, f.name, f.keep)));
    pool.close();
    expect(answers.map((a) => (a.kind === 'stored' ? a.row.id : a.kind))).toEqual(names.map((n) => `f/${n}`));
    expect(spawned).toHaveLength(3);
    expect(spawned[0].terminated).toBe(true);
    expect(spawned[0].parsed).toEqual([]);
    expect(spawned[1].parsed).toEqual([]);
    expect(spawned[2].parsed).toEqual(names);
  });

  it('a worker that never starts is tried a bounded number of times, then the files fail with the reason, never stall', async () => {
    const spawned: StandIn[] = [];
    const pool = createImportPool({
      workers: 1,
      startMs: 5,
      spawn: () => {
        const worker = new StandIn(null, [], true);
        spawned.push(worker);
        return worker as unknown as Worker;
      },
    });
    const answers = await Promise.all(['a.txt', 'b.txt'].map((n) => file(n)).map((f) => pool.parse(f.blob, f.name, f.keep)));
    expect(answers).toEqual([0, 1].map(() => ({ kind: 'failed', reason: notStartedReason(5) })));
    expect(notStartedReason(5)).toBe('import worker did not start: 3 attempts, the last given 0.02 s');
    expect(spawned).toHaveLength(START_ATTEMPTS);
    expect(spawned.every((w) => w.terminated)).toBe(true);
    // Given up: a file given later fails at once, no new worker; the page keeps no such pool for the next import.
    await expect(pool.parse(new Blob(['x']), 'x.txt', { id: 'x', path: 'x' })).resolves.toEqual({ kind: 'failed', reason: notStartedReason(5) });
    expect(spawned).toHaveLength(START_ATTEMPTS);
    expect(pool.startable()).toBe(false);
    pool.close();
  });

  it('a worker that fails as it loads is replaced at once, not after its start limit; after the attempts its files fail with the error', async () => {
    const spawned: StandIn[] = [];
    const pool = createImportPool({
      workers: 1,
      // The patience for a silent worker (60 s, then 120, 240): never waited for one that failed.
      startMs: 60_000,
      spawn: () => {
        const worker = new StandIn(null, [], 'dies');
        spawned.push(worker);
        return worker as unknown as Worker;
      },
    });
    // Were it waited for, the test would run out of time (60 s the first limit).
    const answers = await Promise.all(['a.txt', 'b.txt'].map((n) => file(n)).map((f) => pool.parse(f.blob, f.name, f.keep)));
    expect(answers).toEqual([0, 1].map(() => ({ kind: 'failed', reason: loadFailedReason('script failed') })));
    expect(loadFailedReason('script failed')).toBe('import worker could not start: script failed (3 attempts)');
    expect(spawned).toHaveLength(START_ATTEMPTS);
    pool.close();
  });

  it('a worker whose gazetteer cannot be read is a failed load: tried a bounded number of times, not once for every file', async () => {
    const spawned: StandIn[] = [];
    const pool = createImportPool({
      workers: 1,
      startMs: 60_000,
      spawn: () => {
        const worker = new StandIn(null, [], 'init-fails');
        spawned.push(worker);
        return worker as unknown as Worker;
      },
    });
    const answers: PoolAnswer[] = [];
    // One file after another, as the page's lanes give them.
    for (const name of ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', 'f.txt']) {
      const f = file(name);
      answers.push(await pool.parse(f.blob, f.name, f.keep));
    }
    expect(answers).toEqual(answers.map(() => ({ kind: 'failed', reason: loadFailedReason('gazetteer unreadable') })));
    expect(spawned).toHaveLength(START_ATTEMPTS);
    pool.close();
  });

  it('a worker that dies on a file fails that file only, every time: a hostile file does not loop', async () => {
    const stored: string[] = [];
    const spawned: StandIn[] = [];
    const pool = createImportPool({
      workers: 1,
      startMs: 20,
      spawn: () => {
        const worker = new StandIn('bad.pdf', stored);
        spawned.push(worker);
        return worker as unknown as Worker;
      },
    });
    const names = ['a.txt', 'bad.pdf', 'b.txt', 'c.txt'];
    const answers = await Promise.all(names.map((n) => file(n)).map((f) => pool.parse(f.blob, f.name, f.keep)));
    pool.close();
    expect(answers.map((a) => (a.kind === 'failed' ? a.reason : a.kind))).toEqual(['stored', 'parser crashed: stand-in died', 'stored', 'stored']);
    expect(spawned).toHaveLength(2);
    expect([...stored].sort()).toEqual(['f/a.txt', 'f/b.txt', 'f/c.txt']);
  });

  it('a worker that never starts beside one that does: the other parses every file', async () => {
    const stored: string[] = [];
    const spawned: StandIn[] = [];
    const pool = createImportPool({
      workers: 2,
      startMs: 20,
      spawn: () => {
        // The second slot's first worker never starts; the worker that replaces it does.
        const worker = new StandIn(null, stored, spawned.length === 1);
        spawned.push(worker);
        return worker as unknown as Worker;
      },
    });
    const names = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', 'f.txt', 'g.txt', 'h.txt', 'i.txt', 'j.txt'];
    const answers = await Promise.all(names.map((n) => file(n)).map((f) => pool.parse(f.blob, f.name, f.keep)));
    pool.close();
    expect(answers.map((a) => a.kind)).toEqual(names.map(() => 'stored'));
    expect([...stored].sort()).toEqual(names.map((n) => `f/${n}`));
    expect(spawned[1].terminated).toBe(true);
    expect(spawned[1].parsed).toEqual([]);
  });

  it('warm starts every worker before any file, and the files go to those workers', async () => {
    const stored: string[] = [];
    const spawned: StandIn[] = [];
    const pool = createImportPool({
      workers: 2,
      spawn: () => {
        const worker = new StandIn(null, stored);
        spawned.push(worker);
        return worker as unknown as Worker;
      },
    });
    expect(spawned).toHaveLength(0);
    pool.warm();
    expect(spawned).toHaveLength(2);
    pool.warm();
    expect(spawned).toHaveLength(2);
    const names = ['a.txt', 'b.txt', 'c.txt'];
    const answers = await Promise.all(names.map((n) => file(n)).map((f) => pool.parse(f.blob, f.name, f.keep)));
    pool.close();
    expect(answers.map((a) => a.kind)).toEqual(['stored', 'stored', 'stored']);
    expect(spawned).toHaveLength(2);
    expect([...spawned[0].parsed, ...spawned[1].parsed].sort()).toEqual(names);
    pool.warm();
    expect(spawned).toHaveLength(2);
  });

  it('kept after an import, it parses the next import\'s files in the same workers (the page keeps it: src/app/user/UserLayer.tsx)', async () => {
    const stored: string[] = [];
    const spawned: StandIn[] = [];
    const pool = createImportPool({
      workers: 2,
      spawn: () => {
        const worker = new StandIn(null, stored);
        spawned.push(worker);
        return worker as unknown as Worker;
      },
    });
    const first = await Promise.all(['a.txt', 'b.txt', 'c.txt'].map((n) => file(n)).map((f) => pool.parse(f.blob, f.name, f.keep)));
    expect(pool.startable()).toBe(true);
    const second = await Promise.all(['d.txt', 'e.txt', 'f.txt'].map((n) => file(n)).map((f) => pool.parse(f.blob, f.name, f.keep)));
    expect([...first, ...second].map((a) => a.kind)).toEqual(Array(6).fill('stored'));
    expect(spawned).toHaveLength(2);
    expect(spawned.some((w) => w.terminated)).toBe(false);
    expect(stored.sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f'].map((n) => `f/${n}.txt`));
    pool.close();
    expect(pool.startable()).toBe(false);
  });
});

/** Ready, and holds every file it is handed without parsing any: what the pool sends it ahead. */
class Holder extends EventTarget {
  readonly held: string[] = [];
  postMessage(message: { kind: string; fileName?: string }): void {
    if (message.kind === 'init') setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data: { kind: 'ready' } satisfies ImportWorkerReply })));
    else if (message.kind === 'parse') this.held.push(message.fileName!);
  }
  terminate(): void {}
}

describe('how many files a worker is handed ahead', () => {
  const handed = async (names: string[]): Promise<string[][]> => {
    const workers: Holder[] = [];
    const pool = createImportPool({ workers: 2, spawn: () => workers[workers.push(new Holder()) - 1] as unknown as Worker });
    const answers = names.map((name) => pool.parse(new Blob([name]), name, { id: name, path: name }));
    await new Promise((done) => setTimeout(done, 20));
    pool.close();
    await Promise.all(answers);
    return workers.map((w) => w.held);
  };

  it('text files: QUEUED_PER_WORKER each', async () => {
    const held = await handed(Array.from({ length: 30 }, (_, i) => `${i}.txt`));
    expect(held.map((h) => h.length)).toEqual([QUEUED_PER_WORKER, QUEUED_PER_WORKER]);
  });

  it('PDF and Word files take several places: a worker never sits on a row of them while the other could take them', async () => {
    const held = await handed(['a.pdf', 'b.PDF', 'c.docx', 'd.doc', 'e.pdf', 'f.pdf', 'g.txt', 'h.txt']);
    // Four places each: two slow files fill a worker's eight (the old pool sent all eight to the first worker ready).
    expect(held.map((h) => h.length)).toEqual([2, 2]);
    expect(held.flat().sort()).toEqual(['a.pdf', 'b.PDF', 'c.docx', 'd.doc']);
  });
});

describe('the per-file budget clock', () => {
  const run = async (budgetMs: number, late: number) => {
    // A clock whose every tick is read `late` times its length after the last one (a busy machine).
    let fake = 0;
    let overAt: number | null = null;
    vi.useFakeTimers();
    try {
      const tick = Math.min(1000, budgetMs / 8);
      budgetClock(budgetMs, () => (overAt = fake), () => fake);
      for (let i = 0; i < 200 && overAt === null; i++) {
        fake += tick * late;
        vi.advanceTimersByTime(tick);
      }
    } finally {
      vi.useRealTimers();
    }
    return overAt;
  };

  it('on time, the budget is the wall time', async () => {
    expect(await run(8000, 1)).toBe(8000);
  });

  it('ticks that come late count at most twice their length: a busy machine gets more wall time', async () => {
    expect(await run(8000, 3)).toBe(12_000);
  });

  it('never more than BUDGET_STRETCH times the budget, however late', async () => {
    // The first tick comes 100 s late: it counts 2 s of the 8, but the wall time is past 4 × 8 s.
    expect(BUDGET_STRETCH).toBe(4);
    expect(await run(8000, 100)).toBe(100_000);
  });
});
