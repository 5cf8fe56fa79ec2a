// The overview paints from the precomputed summary only while the summary's rows are the rows the view shows.
import { describe, expect, it } from 'vitest';
import { summaryForFirstPaint } from '../../../src/app/views/overview-model';
import type { DatasetSummary } from '../../../src/shared/summary';

const summary = { reports: 132 } as unknown as DatasetSummary;

describe('summaryForFirstPaint', () => {
  it('serves the dataset alone, and both layers while the user has none in', () => {
    expect(summaryForFirstPaint(summary, 'dataset', false)).toBe(summary);
    expect(summaryForFirstPaint(summary, 'dataset', true)).toBe(summary);
    expect(summaryForFirstPaint(summary, 'all', false)).toBe(summary);
  });

  it('never stands for the user’s reports: not under their layer alone, nor beside the dataset once theirs is in', () => {
    expect(summaryForFirstPaint(summary, 'user', false)).toBeNull();
    expect(summaryForFirstPaint(summary, 'user', true)).toBeNull();
    expect(summaryForFirstPaint(summary, 'all', true)).toBeNull();
    expect(summaryForFirstPaint(null, 'dataset', false)).toBeNull();
  });
});
