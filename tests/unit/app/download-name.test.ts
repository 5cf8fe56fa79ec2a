import { describe, expect, it } from 'vitest';
import { downloadName } from '../../../src/app/data/download-name';
import { DEFAULT_STATE } from '../../../src/app/state/url-state';

const V = 'abcdef0123456789'.repeat(4);

describe('downloadName', () => {
  it('names a file after what it holds: view, metric, division, year, bodies, dataset version', () => {
    expect(downloadName('overview', DEFAULT_STATE, null, V)).toBe('gongkai_reports_vabcdef01');
    expect(downloadName('benchmark', { ...DEFAULT_STATE, metric: 'rate.granted', parent: '440100', scope: 'area' }, 2020, V)).toBe('gongkai_benchmark_rate.granted_440100_2020_parent_area_vabcdef01');
    expect(downloadName('compare', { ...DEFAULT_STATE, entities: ['440100/公安局'], years: [2019, 2021] }, null, V)).toBe('gongkai_compare_r.new.total_440100-公安局_2019-2021_vabcdef01');
    expect(downloadName('outcomes', DEFAULT_STATE, null, null)).toBe('gongkai_outcomes_outcomes_pooled');
    expect(downloadName('coverage', { ...DEFAULT_STATE, parent: '440100' }, 2024, V)).not.toBe(downloadName('coverage', { ...DEFAULT_STATE, parent: '440100' }, 2023, V));
  });
});
