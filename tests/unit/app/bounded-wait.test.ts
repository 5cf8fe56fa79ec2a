// A build worker's call into the browser given a limit (workers/bounded-wait.ts): a call that never
// answers ends with the stage the worker was at when the limit passed, one that answers is untouched.
import { describe, expect, it } from 'vitest';
import { bounded, boundedCall, BROWSER_CALLS, limitForTest, stallNext, stalledReason, WaitStalled, WAIT_LIMIT_MS } from '../../../workers/bounded-wait';

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

  it('a named call past its limit says which call in both languages and what to do', async () => {
    const error = await boundedCall('layer-open', () => new Promise<never>(() => {}), 40).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitStalled);
    expect((error as WaitStalled).ms).toBe(40);
    expect((error as Error).message).toBe(stalledReason('layer-open', 40));
    for (const call of BROWSER_CALLS) {
      const reason = stalledReason(call, WAIT_LIMIT_MS);
      // Chinese, then English; both name the limit and say what to do.
      expect(reason).toMatch(/^[^/]+：浏览器 10 秒内没有响应。已保存的内容不受影响；请重新加载页面后再试/);
      expect(reason).toMatch(/ \/ [a-z].*: the browser did not answer in 10 s\. What was already stored is kept; reload the page and try again/);
    }
  });

  it('the test hook: the next call of a kind is not made and never answers; the limit can be shortened', async () => {
    limitForTest(30);
    try {
      stallNext('digest');
      let made = 0;
      const run = async () => ++made;
      await expect(boundedCall('digest', run)).rejects.toThrow(stalledReason('digest', 30));
      expect(made).toBe(0);
      await expect(boundedCall('digest', run)).resolves.toBe(1);
      // Another kind is untouched by the hook.
      stallNext('file-read');
      await expect(boundedCall('digest', run)).resolves.toBe(2);
    } finally {
      limitForTest(null);
    }
    await expect(boundedCall('file-read', async () => 'read', 30)).rejects.toThrow(stalledReason('file-read', 30));
  });
});
