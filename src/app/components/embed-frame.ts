// What the embed page holds around a chart, measured in this page's own CSS rather than assumed:
// a copy of the embed page's frame (main.embed > section.panel.panel-embed, the "open full" link,
// the synthetic-data banner when there is one) laid out off-screen at the iframe's width.

export interface EmbedFrame {
  /** Height of everything but the chart (px). */
  frame: number;
  /** Width the chart gets inside the frame (px). */
  chartWidth: number;
}

export function measureEmbedFrame(width: number, openFull: string | null, banner: string | null): EmbedFrame {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = `position:absolute;left:-100000px;top:0;visibility:hidden;width:${width}px`;
  const main = document.createElement('main');
  main.className = 'embed';
  if (banner !== null) {
    const b = document.createElement('div');
    b.className = 'banner synthetic';
    b.textContent = banner;
    main.append(b);
  }
  const section = document.createElement('section');
  section.className = 'panel panel-embed';
  const chart = document.createElement('div');
  chart.style.cssText = 'width:100%;height:0';
  section.append(chart);
  if (openFull !== null) {
    const a = document.createElement('a');
    a.className = 'embed-open';
    a.textContent = openFull;
    section.append(a);
  }
  main.append(section);
  host.append(main);
  document.body.append(host);
  try {
    return { frame: Math.ceil(main.getBoundingClientRect().height), chartWidth: chart.clientWidth };
  } finally {
    host.remove();
  }
}
