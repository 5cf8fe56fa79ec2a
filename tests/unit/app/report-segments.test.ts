import { describe, expect, it } from 'vitest';
import { segmentText } from '../../../src/app/views/report-segments';

describe('segmentText', () => {
  const text = '本年新收申请120件，办结118件。';
  it('marks each value span and keeps the text whole', () => {
    const segments = segmentText(text, [{ start: 6, end: 9 }, { start: 13, end: 16 }]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.values.length).map((s) => [s.text, s.values])).toEqual([['120', [0]], ['118', [1]]]);
  });

  it('keeps overlapping and shared spans, ignores invalid ones', () => {
    const segments = segmentText(text, [{ start: 6, end: 9 }, { start: 6, end: 9 }, null, { start: 40, end: 50 }, { start: 5, end: 5 }]);
    expect(segments.filter((s) => s.values.length)).toEqual([{ text: '120', values: [0, 1] }]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });
});
