// A build worker's call into the browser given a limit (workers/bounded-wait.ts): a call that never
// answers ends with the stage the worker was at when the limit passed, one that answers is untouched.
import { describe, expect, it } from 'vitest';
import { bounded, WaitStalled } from '../../../workers/bounded-wait';

describe('a call into the browser, bounded', () => {
  it('never answering, fails once the limit passes, naming what it waited on then', async () => {
    let at = 'spill: making the file chunks';
    const waiting = bounded(new Promise<never>(() => {}), () => at, 50);
    at = 'spill: opening the file chunks';
    const error = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitStalled);
    expect((error as Error).message).toBe('spill: opening the file chunks');
  });

  it('answering in time, gives its value or its own error', async () => {
    await expect(bounded(Promise.resolve(7), () => 'hashing', 50)).resolves.toBe(7);
    const own = new Error('NotFoundError');
    await expect(bounded(Promise.reject(own), () => 'hashing', 50)).rejects.toBe(own);
    // The limit passing later changes nothing.
    const late = bounded(new Promise<string>((done) => setTimeout(() => done('x'), 10)), () => 'hashing', 40);
    await expect(late).resolves.toBe('x');
    await new Promise((done) => setTimeout(done, 60));
  });
});
