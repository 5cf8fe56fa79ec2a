// The briefing as one self-contained HTML file: every chart inlined as SVG (with the glyphs it
// uses embedded), its title, sentence and source; no script, no external resource.
export interface HtmlBlock {
  title: string;
  /** A standalone SVG string (ids made unique per chart by the caller). */
  svg: string;
  sentence: string;
  source: string;
  /** The chart's view in the app. */
  link: string;
}

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** ZRender's ids renumbered per chart (stableSvgIds gives every chart the same `zr0-`). */
export const uniqueSvgIds = (svg: string, index: number): string => svg.replace(/\bzr0-/g, `zr${index + 1}-`);

export function briefingHtml(opts: { lang: 'zh' | 'en'; title: string; note: string; generated: string; blocks: readonly HtmlBlock[] }): string {
  const blocks = opts.blocks
    .map(
      (b, i) => `<section class="pin${i % 2 === 1 ? ' second' : ''}">
<h2>${escape(b.title)}</h2>
<figure>${b.svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/<svg\b/, `<svg role="img" aria-label="${escape(b.title)}"`)}</figure>
<p class="sentence">${escape(b.sentence)}</p>
<p class="source">${escape(b.source)} · <a href="${escape(b.link)}">${escape(b.link)}</a></p>
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${opts.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(opts.title)}</title>
<style>
body{font-family:'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;color:#111827;max-width:800px;margin:24px auto;padding:0 12px}
figure{margin:0}svg{max-width:100%;height:auto}
.sentence{font-size:15px;line-height:1.6}.source{font-size:12px;color:#6b7280;overflow-wrap:anywhere}
@page{size:A4;margin:12mm}
@media print{.pin.second{break-after:page}.pin{break-inside:avoid}a{color:inherit}}
</style>
</head>
<body>
<h1>${escape(opts.title)}</h1>
<p class="source">${escape(opts.note)} ${escape(opts.generated)}</p>
${blocks}
</body>
</html>
`;
}
