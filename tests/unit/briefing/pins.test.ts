import { describe, expect, it } from 'vitest';
import { MAX_PINS, normalisePin, parseViewState, pinState, serialiseViewState } from '../../../src/app/state/url-state';
import { altText } from '../../../src/briefing/alt-text';
import { chartData } from '../../../src/briefing/chart-data';
import { briefingHtml, uniqueSvgIds } from '../../../src/briefing/html';
import { lineOverYears, provinceTileGrid } from '../../../src/charts';

describe('pins in the briefing URL', () => {
  it('normalises a chart link: no language or embed, its chart named', () => {
    expect(normalisePin('?chart=trends&lang=en')).toBe('chart=trends');
    expect(normalisePin('view=compare&e=440105&e=440100')).toBe('view=compare&e=440105&e=440100&chart=compare');
    expect(normalisePin('view=benchmark&parent=440100&year=2020&embed=1')).toBe('view=benchmark&parent=440100&year=2020&chart=benchmark');
  });
  it('refuses what is not a chart', () => {
    for (const bad of ['view=sql', 'view=briefing', 'view=nowhere', 'chart=nope', 'view=benchmark&parent=44X', 'view=report&report=a', 'x'.repeat(2001)]) expect(normalisePin(bad), bad).toBeNull();
  });
  it('round-trips pins through the URL, dropping bad, duplicate and surplus ones with notices', () => {
    const pins = ['chart=trends', 'view=compare&e=440105&chart=compare'];
    const search = serialiseViewState({ ...parseViewState('?view=briefing').state, pins });
    expect(search).toBe(`?view=briefing&pin=${encodeURIComponent(pins[0])}&pin=${encodeURIComponent(pins[1])}`);
    expect(parseViewState(search).state.pins).toEqual(pins);
    const many = Array.from({ length: MAX_PINS + 1 }, (_, i) => `pin=${encodeURIComponent(`view=compare&e=${440101 + i}`)}`).join('&');
    const { state, notices } = parseViewState(`?view=briefing&${many}&pin=view%3Dsql&pin=${encodeURIComponent('view=compare&e=440101')}`);
    expect(state.pins).toHaveLength(MAX_PINS);
    expect(notices.map((n) => n.reason)).toEqual(['too-many', 'unknown-value', 'duplicate']);
    // Only the briefing reads pins.
    expect(parseViewState('?pin=chart%3Dtrends').state.pins).toEqual([]);
  });
  it('shows a pin embedded, in the briefing’s language', () => {
    expect(pinState('view=compare&e=440105&chart=compare', 'en')).toMatchObject({ view: 'compare', entities: ['440105'], chart: 'compare', embed: true, lang: 'en' });
  });
});

describe('alt text and the HTML file', () => {
  const frame = { title: '新收申请', unit: '件', source: 'S', locale: 'zh' as const };
  it('alt text carries the figures and the sentence', () => {
    const option = lineOverYears([{ name: '越秀区', points: [{ year: 2020, value: 10 }, { year: 2021, value: null }] }], frame);
    expect(altText(chartData(option), 'zh')).toBe('按年份的图表：新收申请（单位：件）。越秀区：2020 10，2021 —。2020年，越秀区为10件，2019年无数据。');
  });
  it('reads the province tiles as a ranking', () => {
    const data = chartData(provinceTileGrid([{ code: '44', value: 5 }, { code: '11', value: 7 }], frame));
    expect(data.kind).toBe('ranking');
    expect(data.kind === 'ranking' && data.items.filter((i) => i.value !== null).map((i) => i.value).sort()).toEqual([5, 7]);
  });
  it('writes one self-contained, escaped, deterministic file with unique SVG ids', () => {
    const svg = '<svg width="10" height="10"><clipPath id="zr0-c0"/><path class="zr0-cls-0"/></svg>';
    const opts = { lang: 'zh' as const, title: '简报', note: 'n', generated: '生成于 2026-12-05', blocks: [0, 1].map((i) => ({ title: `<标题${i}>`, svg: uniqueSvgIds(svg, i), sentence: `句子${i}`, source: '来源：S', link: `http://x/?chart=trends&i=${i}` })) };
    const html = briefingHtml(opts);
    expect(html).toBe(briefingHtml(opts));
    expect(html).toContain('&#60;标题0&#62;');
    expect(html).toContain('id="zr1-c0"');
    expect(html).toContain('id="zr2-c0"');
    expect(html).not.toMatch(/<script|src="http/);
    expect(html).toContain('@page{size:A4');
  });
});

describe('engine progress text', () => {
  it('says the bytes read, and the total only when it is the same kind of bytes', async () => {
    const { progressText, megabytes } = await import('../../../src/app/components/engine-progress-text');
    const { translator } = await import('../../../src/app/i18n/messages');
    const t = translator('zh');
    expect(megabytes(34_242_586)).toBe('34.2 MB');
    expect(progressText(12_000_000, 34_242_586, t)).toBe('正在下载数据引擎：12.0 MB / 34.2 MB');
    // A compressed download's total is its compressed size: left out.
    expect(progressText(12_000_000, 5_900_000, t)).toBe('正在下载数据引擎：12.0 MB');
    expect(progressText(1_000, 0, translator('en'))).toBe('Downloading the data engine: 0.0 MB');
  });
});
