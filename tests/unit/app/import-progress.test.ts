import { describe, expect, it } from 'vitest';
import { secondsLeft } from '../../../src/app/user/import-progress';

describe('time left of an import', () => {
  it('counts the bytes left, not the files: small text files first, large PDFs last', () => {
    // 279 of 370 files done in 10 s, but only a tenth of the bytes: 90 s left, not 3 s
    expect(secondsLeft({ elapsedMs: 10_000, bytesDone: 10_000_000, bytesTotal: 100_000_000 })).toBe(90);
    expect(secondsLeft({ elapsedMs: 10_000, bytesDone: 100_000_000, bytesTotal: 100_000_000 })).toBe(0);
    expect(secondsLeft({ elapsedMs: 500, bytesDone: 0, bytesTotal: 100 })).toBeNull();
  });
});
