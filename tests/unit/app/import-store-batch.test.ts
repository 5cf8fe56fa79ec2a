// When an import worker stores the reports it has parsed (workers/import-protocol.ts storeNow): a
// batch at a time, but a report parsed after a pause at once, so an import's first report shows as
// done without waiting for a batch of others to be parsed.
import { describe, expect, it } from 'vitest';
import { STORE_BATCH, STORE_PAUSE_MS, storeNow } from '../../../workers/import-protocol';

describe('an import worker stores', () => {
  it('its first report at once (it has stored nothing yet)', () => {
    expect(storeNow(1, Infinity)).toBe(true);
  });

  it('a report parsed after a pause at once (a kept worker\'s next import, slow files)', () => {
    expect(storeNow(1, STORE_PAUSE_MS)).toBe(true);
    expect(storeNow(3, STORE_PAUSE_MS + 500)).toBe(true);
  });

  it('the reports of a running import a batch at a time', () => {
    expect(storeNow(1, 10)).toBe(false);
    expect(storeNow(STORE_BATCH - 1, STORE_PAUSE_MS - 1)).toBe(false);
    expect(storeNow(STORE_BATCH, 0)).toBe(true);
  });

  it('nothing when it holds nothing', () => {
    expect(storeNow(0, Infinity)).toBe(false);
  });
});
