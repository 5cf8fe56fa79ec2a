// Alt text for an exported chart, generated from its data: what it is, its unit, its figures
// (a trend's points, a ranking's first ten, a share's parts) and the rules-written sentence.
import { formatNumber, type Locale } from '../charts';
import type { ChartData } from './chart-data';
import { sentenceFor } from './sentences';

const RANKED_SHOWN = 10;

export function altText(data: ChartData, locale: Locale): string {
  const zh = locale === 'zh';
  const v = (value: number | null) => formatNumber(value, locale);
  const kind = { trend: zh ? '按年份的图表' : 'Chart over years', ranking: zh ? '排名图' : 'Ranking chart', share: zh ? '构成图' : 'Composition chart', other: zh ? '图表' : 'Chart' }[data.kind];
  const head = `${kind}${zh ? '：' : ': '}${data.title}${data.unit ? (zh ? `（单位：${data.unit}）` : ` (unit: ${data.unit})`) : ''}${zh ? '。' : '.'}`;
  let figures = '';
  if (data.kind === 'trend') {
    figures = data.series
      .map((s) => `${s.name}${zh ? '：' : ': '}${s.points.map((p) => `${p.year} ${v(p.value)}`).join(zh ? '，' : ', ')}`)
      .join(zh ? '；' : '; ');
  } else if (data.kind === 'ranking') {
    const shown = data.items.slice(0, RANKED_SHOWN).map((i, k) => `${k + 1}. ${i.name} ${v(i.value)}`).join(zh ? '，' : ', ');
    const more = data.items.length > RANKED_SHOWN ? (zh ? `，另有${data.items.length - RANKED_SHOWN}个` : `, ${data.items.length - RANKED_SHOWN} more`) : '';
    figures = `${shown}${more}`;
  } else if (data.kind === 'share') {
    figures = `${data.category ? `${data.category}${zh ? '：' : ': '}` : ''}${data.parts.map((p) => `${p.name} ${v(p.value)}`).join(zh ? '，' : ', ')}`;
  }
  const sentence = sentenceFor(data, locale);
  return [head, figures ? `${figures}${zh ? '。' : '.'}` : '', sentence].filter(Boolean).join(zh ? '' : ' ');
}
