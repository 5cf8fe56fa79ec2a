// Two channels named together and their figures given after 分别 (or 各) in the same order
// (通过政府网站和其他渠道分别公开政府信息1000条和234条; 通过政府网站、其他渠道公开信息分别为1000条、234条):
// the first figure is the first channel's, the second the second's. Read only when exactly one
// channel is the website and the other is the other channels (or one kind of them), with exactly
// two figures of items; anything else (three accounts, a stock, another scope) gives nothing.
import { sentenceAt, type Segments } from '../../recognise/clauses';
import type { Quantity } from '../../recognise/quantities';
import { channelScope, MEANS } from './features';

export interface ChannelReading {
  metric: 'p.website' | 'p.other_channels';
  q: Quantity;
}

const OTHER_CHANNELS = new RegExp(`^(?:其他|其它|其余)${MEANS}`);
/** A stock, another scope or time, a change: not the year's shares. */
const NOT_THE_YEARS = /累计|截至|截止|历年|以来|各乡镇|各部门|各单位|下属|所属|上年|去年|增加|减少|增长|下降/;
const DISCLOSED = /公开|发布|推送|刊发|刊登/;
const ITEM_UNIT = /^(?:条|篇|件|则|份)$/;

/** The channel a name is: the website, the other channels, or neither. */
function channelOf(name: string): 'web' | 'other' | null {
  const t = name.replace(/^(?:通过|利用|依托|借助|在|经)/, '');
  if (OTHER_CHANNELS.test(t)) return 'other';
  const scope = channelScope(t);
  return scope === 'web' || scope === 'other' ? scope : null;
}

/** Between two figures of one list: nothing but a separator. */
const LIST_GAP = /^\s*(?:、|,|，|和|及|与|以及)?\s*$/;

/** The names of a stretch up to its verb, split where they are joined. */
const namesIn = (head: string) =>
  head
    .replace(/(?:公开|发布|推送)[^、和及与]*$/, '')
    .split(/[、和及与]/)
    .map((n) => n.trim())
    .filter((n) => n !== '');

/** `at`: where 分别 starts in `s` (the text's word index). */
export function channelsRespectively(s: string, seg: Segments, quantities: Quantity[], at: readonly number[]): ChannelReading[] {
  for (const a of at) {
    const [ss, se] = sentenceAt(seg, a);
    const sentence = s.slice(ss, se);
    // (门户网站和其他渠道分别为…: the channels' figures with a copula, their act the whole's before)
    if (NOT_THE_YEARS.test(sentence) || !(DISCLOSED.test(sentence) || /^(?:分别|各)(?:为|是|占)/.test(s.slice(a, a + 3)))) continue;
    // the figures: the list right after 分别 (its own items, not a total after it: …1200条、320条，共计1520条)
    const after = quantities.filter((q) => q.kind === 'count' && q.value !== null && q.start > a && q.end <= se);
    const figures: Quantity[] = [];
    for (const q of after) {
      if (figures.length > 0 && !LIST_GAP.test(s.slice(figures[figures.length - 1].end, q.start))) break;
      figures.push(q);
    }
    if (figures.length !== 2 || !figures.every((q) => q.unit !== null && ITEM_UNIT.test(q.unit))) continue;
    // the names: the clause before 分别 up to its verb, or (分别通过政府网站、其他渠道公开…) after 分别 up to its verb, split where they are joined
    const before = s.slice(ss, a);
    const names = namesIn(before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf(',')) + 1));
    const channels = (names.length === 2 ? names : namesIn(s.slice(a + 2, figures[0].start))).map(channelOf);
    if (channels.length !== 2 || !channels.includes('web') || channels[0] === channels[1] || channels.includes(null)) continue;
    return figures.map((q, i) => ({ metric: channels[i] === 'web' ? 'p.website' : 'p.other_channels', q }));
  }
  return [];
}
