// Named features of a figure in its clause: what the rules of ./proactive.ts (and later others)
// require, exclude and prefer. Each feature reads only the figure's own clause and sentence.
import { parseChineseNumeral } from '../../normalise/numbers';
import type { Quantity } from '../../recognise/quantities';
import { SELF_WORD, withoutOwnArea } from './own-area';
import { spansManyYears } from './spans';

/** The outcomes of requests beside the granted: disclosed in part, refused. */
const PARTLY_DISCLOSED = /部分(?:同意)?(?:公开|提供)|区分处理/;
const REFUSED = /不予(?:公开|提供)|不同意公开/;
/** Characters each side of a figure where the other items of its list of outcomes stand. */
const OUTCOME_WINDOW = 80;
/**
 * An open bracket right after a request outcome's label or its figure (同意公开15件（…, 同意公开（…), not after a word of which
 * 公开 is a part but no outcome (主动公开, 依申请公开23件（其中15件同意公开…: the requests' list of outcomes, 信息公开, 政务公开).
 */
const OUTCOME_NOTE = /(?<!主动|申请|信息|政务)(?:公开|提供)(?:的)?(?:\s*[\d〇零一二两三四五六七八九十百千]+\s*(?:件|宗))?\s*[（(][^（()）]*$/;
/** The text before a figure (its sentence's) leaves it inside a note on a request outcome (同意公开（含告知获取途径的5件）: a part of that outcome. */
export const inOutcomeNote = (sentenceBefore: string): boolean => OUTCOME_NOTE.test(sentenceBefore.slice(-40));

/** A count figure seen in its clause and sentence. */
export interface FigureView {
  q: Quantity;
  /** The clause's text before the figure (after the last comma, colon or full stop). */
  before: string;
  /** The clause's text after the figure. */
  after: string;
  /** The sentence's text before the figure (across commas). */
  sentenceBefore: string;
  /** The sentence's text after the figure's own token (across commas). */
  sentenceAfter: string;
  /** The text after the figure's token up to the full stop (across semicolons), at most a clause window. */
  periodAfter: string;
  /** The sentence before the figure's own, in its paragraph ('' when the figure's sentence opens it). */
  sentencePrevious: string;
  /** The figure's period before it: back to the last full stop or line break (across semicolons and commas). */
  periodBefore: string;
  /** The period before the figure's own, across paragraphs (blank lines skipped; '' at the text's start). */
  statementPrevious: string;
  /**
   * The years a figure may name and still be the report's: its statistics year, and the year it
   * was published in when later (a year not over when the report came out can only be a misprint
   * of its own). None when the year is unknown.
   */
  years: readonly number[];
  /** The report's issuer (平潭综合实验区公安局), '' when unknown: its field qualifies no kind (公安政府信息 is all of its information). */
  issuer: string;
  /** An area summary's division word (县), '' for any other report: its own subject (全县各部门、各乡镇) is no other scope (./own-area). */
  area: string;
  /** The report is the body's own (not an area summary): its own level (本级) beside its division's whole is its scope (sharedScope). */
  ownLevel: boolean;
}

// (非网站, 非网络: the website's complement, among the other channels)
const WEB = /(?<!非)(?:Q网(?!友|民)|网站|互联网|门户|政府网|信息网|政务网|政务公开网|网页|网上|网络(?!安全|问政|理政|舆情|舆论|谣言|诈骗)|线上|子站|站点|官网|”网|公开专栏|信息公开平台|信息公开系统|信息公开网)/g;
// the catalogue of channels other than the website, each word once: the body's own media and its physical places
// (网下, 线下: every place off the web, the website's complement beside it)
const OWN_MEDIA = /网下|线下|非网站|非网络|传统(?:方式|媒体|媒介|渠道|载体)|纸质|微信|公众号|微博|新媒体|自媒体|客户端|APP|App|抖音|视频号|头条号|公开栏(?!目)|公告栏|公示栏|宣传栏|显示屏|电子屏|融媒体|两微|档案馆|图书馆|查阅点|查阅室|查阅场所|政务服务中心|便民服务中心|服务大厅/g;
/** Kinds of own media, counted once each (微信 and 公众号 are one kind). */
const OWN_MEDIA_KINDS = /微信|微博|客户端|APP|App|抖音|视频号|头条号|公开栏(?!目)|公告栏|公示栏|宣传栏|显示屏|电子屏|档案馆|图书馆|查阅点|查阅室|查阅场所|政务服务中心|便民服务中心|服务大厅/g;
/** The press and the gazette: channels of others, whose figures are never a body's other-channel total. */
const PRESS = /公报|报纸|报刊|电视|广播|新闻媒体|媒体报|各类媒体|学习强国|中央媒体|主流媒体|上级媒体|新闻发布会|发布会/g;
const MANY = /各种|多种|不同渠道|多渠道|等(?:不同|多种|各类)?(?:渠道|形式|途径|方式|平台|载体)|各类(?:渠道|平台|载体)/;
/** The means a channel is (其他方式, 其他渠道, 其他手段): what 其他 names when it names the other channels. */
export const MEANS = '(?:方式|渠道|途径|平台|形式|载体|媒介|媒体|手段)';
// (其他公开方式: the act's word inside the phrase)
/** Besides the website (网站以外, 网站外): the other channels, not the website. */
const BESIDES_WEB = /(?:政府)?(?:门户)?网站(?:以外|之外|外)/g;
const OTHER_CHANNELS_PHRASE = new RegExp(`其[他它](?:公开|发布)?${MEANS}|${BESIDES_WEB.source}`);

/** Kinds of channel written in quotes (“两微一端”, “学习强国”): kept, not taken for an account's name. */
const QUOTED_KIND = /^(?:两微一端|两微|学习强国)$/;
/** A quoted name is an account's or a site's name (“番禺政府网”微信公众号): what follows says which. */
const unquoted = (t: string) => (!t.includes('“') && !t.includes('"') ? t : t.replace(/[“"]([^”"]{0,20})[”"]/g, (m: string, inner: string) => (QUOTED_KIND.test(inner) ? inner : 'Q')));

/** The channels a clause names: web only, other channels only, all of them, or none. */
export type ChannelScope = 'web' | 'other' | 'all' | 'none';

/** The website and the other channels named together, no figure between (通过网站和其他渠道): every channel. */
const WEB_AND_OTHERS = new RegExp(`(?:网站|门户|政府网)[^,，。;；:：\\d]{0,6}?(?:和|及|与|、|以及)[^,，。;；:：\\d]{0,4}?(?:其他|其它)${MEANS}`);
export function channelScope(raw: string): ChannelScope {
  const named = unquoted(raw);
  const text = named.replace(BESIDES_WEB, '');
  if (text !== named && text.search(WEB) < 0) return 'other';
  if (/等(?:自媒体|新媒体)/.test(text)) return 'other'; // 微博微信网站等自媒体平台: a kind of channel, listed
  const web = text.search(WEB) >= 0;
  const other = text.search(OWN_MEDIA) >= 0 || text.search(PRESS) >= 0;
  // an open list (等方式) is every channel, unless all it names is other than the web (通过公开栏、显示屏等方式)
  if (MANY.test(text)) return other && !web && !/各种|多种|不同渠道|多渠道|等(?:不同|多种|各类)/.test(text) ? 'other' : 'all';
  if (web && (other || WEB_AND_OTHERS.test(text))) return 'all';
  return web ? 'web' : other ? 'other' : 'none';
}

/** The channels of the figure's own clause. */
function channelsOf(v: FigureView): ChannelScope {
  if (v !== channelsFor) {
    channels = channelScope(ownItem(v.before));
    channelsFor = v;
  }
  return channels;
}
/**
 * Several features ask for a figure's channels: read once per figure. The scoring reads one
 * figure's features before the next figure's, so the last figure's answer is kept (a WeakMap
 * entry per figure cost more than the reads it saved).
 */
let channelsFor: FigureView | null = null;
let channels: ChannelScope = 'none';

/** The clause's text after the last figure before this one: this figure's own item of a list (门户网公开118篇、“魅力二街”发布356条; 网站700条/其他渠道156条). */
function ownItem(before: string): string {
  if (before === ownItemOf) return ownItemIs;
  // (政府网站（1070条）和其他方式（1476条）: a figure in parentheses after its channel ends that channel's item)
  const m = /^[^]*[\d〇零一二两三四五六七八九十百千]\s*(?:万)?(?:余|多)?(?:条|件|篇|份|项)(?:[、/／]|[)）]\s*(?:和|及|与|以及|、)?)/.exec(before);
  ownItemOf = before;
  ownItemIs = m ? before.slice(m[0].length) : before;
  return ownItemIs;
}
/** The last clause's own item: several features of one figure ask for it in turn. */
let ownItemOf = '';
let ownItemIs = '';

/** The verb of disclosure nearest before the figure, and where it ends in `before`. */
// not 报送 (政务信息报送: information sent up to superiors, not disclosed); not 公开 or 发布 naming a channel
// (政府信息公开网站, 公开栏, 信息公开平台, 其他公开方式, 发布渠道)
const CHANNEL_NOUN_NEXT = '(?!网|栏|专栏|平台|系统|专区|方式|渠道|途径|形式|载体)';
// (公布: to make public, as 公开 and 发布 say it: 主动公布政府信息2546条; so are 公示, 公告, 披露, 挂网, 晒出, and 提供/告知 when 主动;
// not 公示公告 naming a kind in a list, …设计方案公示公告等事项政府信息, nor a kind before its figure, 通知公告14条)
const VERB = new RegExp(`主动公开${CHANNEL_NOUN_NEXT}|公开${CHANNEL_NOUN_NEXT}|发布${CHANNEL_NOUN_NEXT}|公布${CHANNEL_NOUN_NEXT}|公示(?!公告|等|、|\\s*[\\d〇零一二两三四五六七八九十])${CHANNEL_NOUN_NEXT}|(?<!通知)公告(?!等|、|\\s*[\\d〇零一二两三四五六七八九十])${CHANNEL_NOUN_NEXT}|披露|挂网|晒出|主动提供|主动告知|推送|更新|刊发|刊登|发稿|生成|录入|推文|上传|编发|新增`, 'g');

function lastVerbEnd(before: string): number {
  let end = -1;
  VERB.lastIndex = 0;
  for (let m = VERB.exec(before); m; m = VERB.exec(before)) end = m.index + m[0].length;
  return end;
}

/** Words an object of disclosure may hold that name no category of it (各类政府信息, 政务信息, 稿件). */
// (公开的占1070条: 占 links the act to its share's figure)
// (条目, 总条数 before 条: the alternation takes the first that fits)
const GENERIC_OBJECT = /条目|总条数|条数|件数|有关|内容|占|微信|微博|推文|条|了|的|各类|各种|各项|政府|政务|工作|主动公开|主动|相关|信息|文件|稿件|篇|数量|数据|共计|合计|总计|共|总数|总量|为|是|上升到|上升至|增至|增加到|增加至|达到|达|有|数|量|条目|累计|约|近|超过|超|逾|计|类|全文|电子化|等|率|事项/g;

/** The clause before ends on the object disclosed (…主动公开政府信息，全年共公开856条): a bare verb after it counts that object; not an area's or other bodies' (全市主动公开方面，全年共公开12000条). */
const objectBefore = (clause: string) => /主动公开(?:(?:了)?(?:各类)?(?:政府|政务)?信息(?:工作)?(?:方面|中)?|(?:工作)?方面)$/.test(clause) && !/去年|上年|上一年|前一年|往年|累计|历年|截至|截止|计划|将|拟|网站|网上|平台|微博|微信|全(?:省|市|州|盟|县|区|旗)|各(?!类|种|项)/.test(clause);

/**
 * A figure's clause that only links it to the clause before (全年共有, 总数为, 本机关全年共公开, 全年完成): the
 * year's span, the body, a total word, the count as a noun, a copula or a bare act, and no object of its own.
 */
const TOTAL_LINK = /^\s*(?:全年|本年度?|今年|年内|当年)?\s*(?:本机关|本单位)?\s*(?:全年|本年度?|今年|年内|当年)?\s*(?:共有|共计|合计|总计|共|有)?\s*(?:总数|数量|总量)?\s*(?:达到|达|为|是|计|完成|公开|发布)?\s*$/;
/** A word for last year, or years past. */
const LAST_YEAR = /去年|上年|上一年|前一年|往年/;
/** The amount of a change (增加168条, 减少20条): no count of what changed. */
const CHANGE_AMOUNT = /(?:增加|减少|增长|下降|上升|增多)了?\s*\d[\d.]*\s*(?:条|件|篇|项)/g;
/** Last year named only to compare with (比上年增长, 较去年, 与上年相比, 同比上年). */
const COMPARED_WITH = /(?:比|较|与|同比)(?:去年|上年度?|上一年度?)/g;
/**
 * The year's proactive disclosure named as the topic ending its clause (主动公开方面, 在主动公开政府信息方面, 主动公开各类政府信息,
 * 政府信息主动公开情况, 政府信息主动公开工作): what the next clause's bare figure counts.
 */
const PROACTIVE_TOPIC = /(?:主动公开(?:的)?(?:各类)?(?:政府|政务)?信息|(?:政府|政务)信息主动公开|主动公开)(?:工作)?(?:的)?(?:数量|总数|总量|方面|情况)?\s*$/;

/** The clause before the figure's own, in its sentence ('' when it opens the sentence). */
function previousClause(v: FigureView): string {
  const earlier = v.sentenceBefore.slice(0, v.sentenceBefore.length - v.before.length).replace(/[,，:：]$/, '');
  return earlier.slice(Math.max(earlier.lastIndexOf(','), earlier.lastIndexOf('，'), earlier.lastIndexOf(':'), earlier.lastIndexOf('：')) + 1);
}

const REQUEST_WORDS = /申请|部分公开|予以公开|同意公开|办结|答复|复议|诉讼|建议|提案|热线|12345|工单|来电|信访(?!局|办)|咨询|留言|解读|回应|征集/;
/** A figure of requests (申请25件, 申请共计25件), the head whose parts follow. */
const REQUEST_HEAD = /申请[^,，。；;\d]{0,6}?\d+\s*(?:件|宗)/g;
/** An act of disclosure after a request head (，主动公开…, 发布…): a new head, not the requests' parts. */
const DISCLOSURE_ACT = /主动|发布|推送|公开(?!申请)/;
/** 在…媒体/报刊/电视台 with a verb of placing news: publicity. */
const PUBLICITY = /在[^,，。；;]{0,16}?(?:媒体|报刊|报纸|日报|晚报|电视|电台|广播)[^,，。；;]{0,6}?(?:发布|刊发|刊登|播发|发表|报道)/;
/** The figure said to be requests after it (其余2件为信函申请): a way of applying, no channel of disclosure. */
const REQUESTS_AFTER = /^\s*(?:件|宗|个|份)?\s*(?:均|都)?(?:为|是|属于|系)[^,，。;；]{0,8}申请/;
/**
 * Drafts put out for comment as the figure's own predicate (1000条…在政府网站上公开征求意见): a consultation, not
 * a disclosure of the items; not one joined after it with its own object (1000条并对5项重大决策公开征求意见, 1000条和公开征求意见草案5件).
 */
const CONSULTATION_AFTER = /^(?:(?![并和及]|同时|对|就)[^,，。;；\d〇零一二两三四五六七八九十百千]){0,24}?公开征求(?:意见|建议)(?![^,，。;；]{0,6}?[\d〇零一二两三四五六七八九十百千]+\s*(?:条|件|篇|份|项|则))/;
/** The clause up to its verb of disclosure when what follows is a list of kinds ending in 等 (公开公文类信息、…、建议提案办理结果…等事项政府信息): the list names what was disclosed, not the clause's business. */
function subjectPart(before: string): string {
  const end = lastVerbEnd(before);
  if (end < 0) return before;
  const object = before.slice(end);
  return object.includes('、') && /等[^、]{0,10}$/.test(object) ? before.slice(0, end) : before;
}

/** 累计 scoped by the year (本年度累计, 全年累计): the year's running total at its end, no stock (not 至本年度累计, since an earlier start). */
const YEAR_TOTAL = /(?<![至到止])(?:本年度?|全年|当年|今年|年内|\d{4}年度?)(?:共|共计)?累计/g;
export const withoutYearTotal = (t: string) => t.replace(YEAR_TOTAL, '');

/** A span of the year (本年度, 全年, 2015年) in a clause: what it totals is the year's. */
const YEAR_SPAN = /本年|全年|当年|今年|年内|年度/;
// (any year printed: another year's figure is excluded as such; 2024 年 with a space as converted prints leave it)
const spansYear = (t: string) => YEAR_SPAN.test(t) || /(?<!\d)\d{4}\s*年/.test(t);
function runningTotal(v: FigureView): boolean {
  if (!/累计|历年/.test(withoutYearTotal(v.before))) return false;
  if (spansYear(v.before)) return false;
  // the sentence opened with the year, no figure before this one (2025年,通过…网站累计主动公开…7700余条)
  const lead = v.sentenceBefore.slice(0, v.sentenceBefore.length - v.before.length);
  return /\d\s*(?:万)?(?:余|多)?(?:条|件|篇|份|项)/.test(lead) || !spansYear(lead);
}
/** A clause of only the year's mark before its figure (其中本年度, 其中2015年, 本年度为, 今年新增, 其中今年公开, 较上年末增加): group 1 the year named. */
const YEAR_PART = /^\s*[（(]?\s*(?:其中[,，:：]?\s*)?(?:(今年|本年度?|当年|年内|全年|\d{4}年度?)(?:新增|新)?(?:主动)?(?:公开|发布)?(?:了)?(?:的)?(?:政府|政务)?(?:信息)?(?:为|共|共计|达)?|较上年末?(?:增加|新增|增长)了?)\s*$/;
/** A stock since some start before in the sentence (累计, 历年, 自…以来, 截至…). */
const STOCK_LEAD = /累计|历年|以来|截至|截止/;
function yearPartAfterStock(v: FigureView): boolean {
  const m = YEAR_PART.exec(v.before);
  if (m === null || (m[1] !== undefined && /\d/.test(m[1]) && !v.years.includes(Number(m[1].slice(0, 4))))) return false;
  const lead = v.sentenceBefore.slice(0, v.sentenceBefore.length - v.before.length);
  return STOCK_LEAD.test(lead) && /[\d〇零一二两三四五六七八九十百千]\s*(?:万)?(?:余|多)?条/.test(lead);
}
/** The year's own disclosed figure, its clause opened by a span of the year (本年度主动公开政府信息326条，). */
const YEARS_FIGURE = /(?:^|[,，:：])\s*(?:本年度?|全年|今年|当年|\d{4}年度?)[,，]?[^,，。;；\d]{0,16}?(?:主动公开|公开|发布)[^,，。;；\d]{0,12}?\d[\d,.]*\s*(?:万)?(?:余|多)?条[,，]\s*$/;

/** The clause without its glosses in parentheses ((包括:政务公开、…33个二级栏目) names what the whole holds, no verb or kind of its own). */
const unglossed = (t: string) => t.replace(/[(（][^()（）]*[)）]/g, '');
/**
 * The body's own disclosure column on a site (信息公开专栏, “政府信息公开”栏目, 我局专栏): where its website publishes,
 * not a topic's column.
 */
const withoutOwnColumn = (t: string) => t.replace(/(?:信息公开|[我本][局委办厅]|本机关|本单位)[”"’」』]?(?:的)?(?:专栏|栏目)/g, '');

/** What follows the last verb of `t` (all of it when it has none). */
const sinceLastVerb = (t: string) => t.slice(Math.max(0, lastVerbEnd(t)));
const objectOf = (v: FigureView) => {
  const before = unglossed(v.before);
  const end = lastVerbEnd(before);
  return end >= 0 ? before.slice(end) : '';
};

function namesCategory(raw: string, issuer = ''): boolean {
  const object = raw.replace(/[\d一二三四五六七八九十]+(?:大类|类|项|个)/g, '');
  // a list ending in 等 and generic words is the whole (政务要闻、政府文件等政府信息共计)
  const etc = object.lastIndexOf('等');
  // …等在内的各类政府信息, …等方面的政府信息: the list's span, no kind
  if (etc >= 0 && object.slice(etc + 1).replace(/^(?:在内|方面|领域)/, '').replace(GENERIC_OBJECT, '').replace(/[\s“”"]/g, '') === '') return false;
  // an opening parenthesis right before the figure (政府信息（856条）) holds the object's count, no kind
  const rest = object.replace(GENERIC_OBJECT, '').replace(/[\s“”"]|[(（]$/g, '');
  // the issuer's own field before its information (公安局: 公安政府信息): whose information, not a kind of it
  return rest.length > 0 && !(rest.length >= 2 && issuer.includes(rest));
}

/** The act's count named as such (本年度主动公开数量为856条, 全年主动公开总数856条). */
// (the number in any noun, its information named or not, with any copula or verb of reaching: 主动公开的信息总数是, 主动公开政府信息的数量上升到, 主动公开件数)
const COUNT_NAMED = /主动公开(?:的)?(?:(?:政府|政务)?信息)?(?:的)?(?:总数|数量|总量|条数|件数|条目|数据|数|量)(?:共计|共|合计)?(?:为|是|达到|达|上升到|上升至|增至|增加到|增加至)?\s*$/;
/** What may stand before that count and leave it the body's year's whole: a time word, the body naming itself, its information in general. */
const PLAIN_COUNT_SUBJECT = /^\s*(?:本年度?|全年|当年|今年|年内|\d{4}年度?)?\s*(?:(?:我|本)(?:局|委|办|厅|院|会|署|中心|机关|单位|部门|镇|乡|街道|区|县|市|州|盟|旗|省|所|站|处|室|队|馆)(?:本级)?)?\s*(?:(?:政府|政务)?信息(?:的)?)?$/;
/** The count named with nothing but a time, the body itself or its information before it: another body's (县政府主动公开总数为12000条) or one kind's (规范性文件主动公开数量为20件) is not the whole. */
function countNamedPlainly(before: string): boolean {
  const m = COUNT_NAMED.exec(before);
  return m !== null && PLAIN_COUNT_SUBJECT.test(before.slice(0, m.index));
}

/** The body naming itself (我局, 本委, 我县): its own scope. */
const SELF = /(?:^|[,，:：;；。])\s*(?:其中)?\s*(?:我|本)(?:局|委|办|厅|院|会|署|中心|机关|单位|部门|镇|乡|街道|区|县|市|州|盟|旗|省|所|站|处|室|队|馆)/;
/** Several bodies together (全市各单位, 全区各部门, 各级行政机关, 全省各地, 全县财政系统): a scope larger than one body's. */
const MANY_BODIES = /各单位|各部门|各级行政机关|各级各部门|各地各部门|各地|全(?:省|市|州|盟|县|区|旗)(?:[\u4e00-\u9fa5]{0,4}系统|行政机关|各级)?(?:共|累计)?[^,，。;；]{0,4}(?:受理|收到|办结|发生)|政府系统/;
/** A breakdown by channel announced before a list (按公开载体分：门户网站X条、其他载体Y条; 从公开渠道看): the header gives the act. */
const BY_CHANNEL = /按[^,，。;；]{0,8}(?:载体|渠道|途径|方式|平台)(?:分|划分|统计)|从[^,，。;；]{0,8}(?:载体|渠道|途径|方式|平台)(?:看|来看|分)|(?:载体|渠道|途径|平台)方面[,，:：]/;
/** The clause after a figure that opens with it (X条在政府网站公开, Y条通过其他方式公开): its channel and act follow the figure. */
const ACT_AFTER = /^[^,，。;；:：\d]{0,20}?(?:公开|发布|推送|刊登)/;

/**
 * The text before a figure names several bodies together and the sentence goes on to the body's own count (全市各单位…X条，我局…M条).
 * `area`: the report's own area word when it is an area summary (ownAreaWord): there the whole division is the report's own and
 * 本机关/我办 is its government or a part of it (全县共主动公开…1234条，其中我办…300条 is the county's 1234). `ownLevel`: the report is the
 * body's own (see OWN_LEVEL).
 */
export function sharedScope(before: string, sentenceAfter: string, area = '', ownLevel = OWN_LEVEL_UNKNOWN): boolean {
  const self = selfAfter(before, area);
  const at = self ? ownFigureAt(sentenceAfter, self, ownLevel) : -1;
  return at >= 0 && ANY_COUNT.test(sentenceAfter.slice(at));
}
/**
 * The figure's clause opens with the body's own (其中我局收到25件; in the body's own report 其中局本级受理25件) after several
 * bodies' whole earlier in its sentence (全县财政系统共受理…230件): the report's own figure, not a part of that whole (the whole is
 * sharedScope's). Not in an area summary, whose own is the whole.
 */
export function ownAfterShared(earlier: string, clauseBefore: string, area: string, ownLevel: boolean): boolean {
  const self = area === '' ? selfAfter(earlier, area) : null;
  return self !== null && ownFigureAt(clauseBefore, self, ownLevel) === 0;
}
/** How the body names itself after the whole `before` names (several bodies, or in a body's report its whole division publishing), or null. */
const selfAfter = (before: string, area: string): RegExp | null => (MANY_BODIES.test(before) ? SELF : area === '' && WHOLE_DIVISION_PUBLISHED.test(before) ? SELF_BODY : null);
/** A whole division publishing (全市共主动公开…): a body's own count after it (我局主动公开100条) makes it the division's. */
const WHOLE_DIVISION_PUBLISHED = /全(?:省|市|州|盟|县|区|旗)(?:[\u4e00-\u9fa5]{0,4}系统|行政机关|各级)?(?:共|累计)?[^,，。;；]{0,4}(?:主动公开|公开|发布)/;
/** A whole division's stock before (全市累计主动公开…, 自2008年以来全县共…累计): a time since the beginning, said once for the sentence. */
const DIVISION_STOCK = /全(?:省|市|州|盟|县|区|旗)[^,，。;；]{0,8}累计/;
const SINCE = /截至|截止|以来|至今|历年/;
/** The clause opens with the body naming itself (我局主动公开100条) after its division's stock in the same sentence: it shares that time. */
export function bodyAfterStock(earlier: string, own: string): boolean {
  return SELF_BODY.test(own) && DIVISION_STOCK.test(earlier) && SINCE.test(earlier);
}
/** The body naming itself as a body (我局, 本委), not as the division (我县 may be the whole's own government). */
const SELF_BODY = new RegExp(`(?:^|[,，:：;；。])\\s*(?:其中)?\\s*(?:我|本)${SELF_WORD}`);
/**
 * The body's own level singled out (其中局本级主动公开1520条, 县本级, 局机关本级, 本级政府): in the body's own report (scope self: a
 * department's, a town's) the figure of the report's scope, the whole's before it another's; in an area summary (one printing its
 * area's totals, whatever its title: 某某县人民政府's 全县共办结230件) the whole is the report's own and its own level a part.
 */
// (a division, a body's kind and its name's short form, its 机关: 县本级, 县政府本级, 局本级, 县局本级, 县财政局本级, 局机关本级, 委机关本级)
const OWN_LEVEL = /(?:^|[,，:：;；。])\s*(?:其中)?\s*(?:省|市|县|区|旗|州|盟|乡|镇)?(?:(?:人民)?政府|[\u4e00-\u9fa5]{0,4}?(?:局|委|厅|办))?(?:机关)?本级/;
/** A report of unknown scope is not taken for the body's own: its own level beside its division's whole is not its figure. */
export const OWN_LEVEL_UNKNOWN = false;
/** Where the body names itself in the sentence after (`self`), or in its own report singles out its own level, or -1. */
function ownFigureAt(after: string, self: RegExp, ownLevel: boolean): number {
  const named = after.search(self);
  const level = ownLevel ? after.search(OWN_LEVEL) : -1;
  return named < 0 ? level : level < 0 ? named : Math.min(named, level);
}

/** Other bodies' platforms (a procurement or trading site, 信用中国): where some items are posted, no channel of the body's own. */
const PLATFORM = /采购网|采购平台|交易网|交易平台|交易中心|招标网|招投标|信用中国|信用网/;
/** Another scope's figure later in the sentence (…;各市(地)主动公开政府信息21万条): the figure is one scope's share. */
const SCOPE_SPLIT = /[,，;；]\s*(?:各县区|各区县|各县\(市、区\)|各县市区|各市\(地\)|各市州|各地市|各乡镇|各街道|各镇街|各部门|县直各|区直各|市直各)[^。;；]{0,30}?\d/;
/** A year printed as a time (2010年, 2010年度), not inside a date of the report's own year's end. */
const YEAR_AS_TIME = /(?<!\d)(\d{4})年(?!\d{1,2}月\d{1,2}日(?:起|施行|实施|印发|发布))/g;

function yearsNamed(text: string): number[] {
  return [...text.matchAll(YEAR_AS_TIME)].map((m) => Number(m[1]));
}

/** 其中2019年度…202条 after a stock: the clause names the report's own year, so its figure is the year's, not a part of the stock nor a figure as of now. */
const ownYearAfterOf = (v: FigureView) => /其中\s*\d{4}年/.test(v.before) && v.years.length > 0 && yearsNamed(v.before).some((y) => v.years.includes(y));

/** A kind of information, as a list item names it (其他信息, 政策文件, 动态类). */
const KIND_NOUN = /(?:信息|文件|类|动态|公告|通知|稿件|解读)$/;
/** What opens a clause that goes on about the figure before it, not another kind beside it (其中…, 占…, 同比…). */
const NOT_A_KIND = /^(?:其中|含|包括|包含|占|比|较|同比|环比|累计|共|合计|总|均|全部|主要|以上|上述|分别|涉及|内容|范围)/;

/** 上半年, 第一季度, 前三季度, 1月至11月, 1-11月 (not 1月至12月, the whole year). */
const PART_OF_YEAR = /上半年|下半年|(?:第[一二三四1-4]|(?<![每各])[一二三四1-4]|前三)季度|(?<![\d日])\d{1,2}(?:月份?)?(?:至|到|[-—~－])(?!12月)\d{1,2}月(?!\d{1,2}日)/;
const PLAN = /明年|下一年度?|下一步|计划(?:在|于|全年)?(?:主动)?(?:公开|发布)|拟(?:主动)?(?:公开|发布)|力争|预计/;
const AVERAGE = /平均|月均|日均|周均|每月|每周|每天|每日/;
/** 截至 the year's end (截至2017年12月31日, 截止年底). */
const AS_OF_END = /(?:截至|截止)(?:到)?\s*(?:\d{4}年)?(?:12月31日|年底|年末|底)/;

/** What may stand before the act of disclosure without changing it: aspect, manner, time (已经, 均已, 全部, 及时, 依法, 于2015年), a light verb (得以, 实现). */
const ACT_ADVERBS = String.raw`(?:已经?|均已?|被|全部|及时|依法|于\d{4}年度?)*(?:得以|得到|进行了?|实现了?|获得)?`;
/**
 * The object and its act after the figure (条政府信息主动公开), with a means between them (通过各种渠道予以主动公开), the
 * body as its agent (由本机关) and any adverb of the act (ACT_ADVERBS): the act is 主动公开 or 主动发布, or 公开 to the
 * public (对外/向社会公开, 予以公开). Group 1 the means, group 2 the object when the figure's own (信息; else before it).
 */
const OBJECT_AFTER = new RegExp(
  String.raw`^\s*(?:的)?((?:政府|政务)?信息)?${ACT_ADVERBS}((?:通过|经|以|利用)[^,，。;；\d]{1,16}?|由(?:本|我)[^,，。;；\d]{1,6}?)?${ACT_ADVERBS}` +
    String.raw`(?:主动(?:向社会|对外)?(?:予以)?(?:公开|发布)|(?:向社会|对外)(?:主动)?(?:予以)?(?:公开|发布)|予以(?:主动)?公开)`,
);
/** Sending to another body as the clause's act (报送, 上报, 呈报; not 报送并公开), and what it sends. */
const SENT_UP = /(?:报送|上报|呈报)(?!并|后|及|和)([^,，。;；]*)$/;
const SENT_OBJECT = /^(?:了)?(?:各类|各种)?主动公开(?:的)?/;
/** The next clause says the items sent were disclosed (，均已在政府网站公开). */
const SAID_DISCLOSED_AFTER = /^[^,，。;；]*[,，]\s*(?:并|且)?(?:均|全部|都)?(?:已经?)?(?:在[^,，。;；]{1,12}|通过[^,，。;；]{1,12})?(?:主动|予以|及时)?(?:公开|发布)/;
/** The items of proactive disclosure as the figure's whole object, its clause ending there (1520条主动公开(的)政府信息). */
const PROACTIVE_OBJECT_ONLY = /^\s*(?:的)?主动公开(?:的)?(?:政府|政务)?信息\s*$/;
/** What may open the clause before a figure that its channel and act follow (其中1070条在政府网站公开, 其余(的)1476条通过其他渠道公开, 有1070条通过…). */
const LEAD_IN = /^\s*(?:(?:其中|其余|另外|余下|剩余)(?:的)?)?\s*(?:另有|还有|共有|有)?\s*$/;
/**
 * Each item of a list owns the figure in front of it, 、 separating items as ， does (1200条通过政府网站公开、320条通过其他渠道公开):
 * the figure's item after it ends at a 、 before the next figure, and its item before it starts after a 、 that follows a figure.
 */
const ownItemAfter = (after: string) => after.split(/、(?=\s*(?:\d|[〇零一二两三四五六七八九十百千]+\s*(?:万)?(?:余|多)?(?:条|篇|件)))/)[0];
const itemOpening = (before: string) => (/\d|[〇零一二两三四五六七八九十百千](?:万)?(?:余|多)?(?:条|篇|件)/.test(before) ? before.slice(before.lastIndexOf('、') + 1) : before);
/** Only a means and its channel after the figure, no act (1200条通过政府网站, 320条在其他渠道). */
const FIRST_COUNTED_CLAUSE = /^[^。;；]*?[\d〇零一二两三四五六七八九十百千]\s*(?:万)?(?:余|多)?(?:条|件|篇)[^,，。;；]*/;
const MEANS_ONLY = /^\s*(?:通过|在|经|经由|来自)[^,，。;；:：、\d]{1,16}$/;
/**
 * After the figure, its act (X条在政府网站公开), or, once the year's disclosed whole was stated before it in its period or
 * the statement before, only the means and the channel (…1520条，其中1200条通过政府网站): the act may be left out when the whole was just stated.
 */
const actOrMeansAfter = (v: FigureView, after: string) => {
  if (ACT_AFTER.test(after)) return true;
  if (!MEANS_ONLY.test(after.replace(/[。;；].*$/s, ''))) return false;
  // the whole: the period's first clause with a count (the list's other items follow it)
  const earlier = v.periodBefore.slice(0, v.periodBefore.length - v.before.length);
  const whole = FIRST_COUNTED_CLAUSE.exec(earlier)?.[0];
  if (whole !== undefined && disclosedWhole(whole)) return true;
  // else the statement before, when the period holds no count or only the list's earlier items (其中，1200条通过政府网站；320条…)
  return (whole === undefined || channelScope(whole) !== 'none') && disclosedWhole(v.statementPrevious);
};
/**
 * A bare 其他/其余 item right after the website's item in a list (其中网站1070条、其他1476条), across a semicolon and
 * with labels' colons (政府网站：1070条；其他：1476条): the other channels.
 */
const REST_AFTER_WEB = /([^、,，。;；:：\d]{1,16})[:：]?\s*\d[\d.]*\s*(?:万)?(?:余|多)?(?:条|篇|件|份|项|则)\s*[、,，;；]\s*(?:其他|其它|其余|剩余)(?:的)?(?:渠道|方式)?\s*[:：]?\s*$/;
const restAfterWeb = (v: FigureView) => {
  if (!/(?:其他|其它|其余|剩余)(?:的)?(?:渠道|方式)?\s*$/.test(v.before)) return false;
  const m = REST_AFTER_WEB.exec(v.periodBefore);
  return m !== null && channelScope(m[1]) === 'web';
};
/** A bare 其他/其余 item next: the figure is the website's item of a channel list. */
const REST_NEXT = /^\s*[、,，;；]\s*(?:其他|其它|其余|剩余)(?:的)?(?:渠道|方式)?\s*\d/;
/** A parenthesis right after a count, still open: the count's breakdown (2546条（政府网站1070条、其他渠道1476条）). */
const PAREN_AFTER_COUNT = /[\d〇零一二两三四五六七八九十百千万余多][条件篇份项][（(][^）)]*$/;
/** The figure stands in a parenthesis still open that opened right after a count: only the text from the last opening is tried. */
const PAREN_TAIL = 80; // a breakdown in parentheses is short: only the sentence's tail is looked at
const inCountParen = (t: string) => PAREN_AFTER_COUNT.test(t.slice(-PAREN_TAIL));
/**
 * After 其中 that follows the year's items disclosed through no one channel (主动公开信息2546条,其中网站1070条):
 * a breakdown of them by channel. Not one account's items (官方微博共发布微博120条,其中…转发微博109条), not a stock.
 */
const breakdownOfDisclosed = (v: FigureView) => {
  const paren = PAREN_AFTER_COUNT.exec(v.sentenceBefore.slice(-PAREN_TAIL));
  const i = paren ? v.sentenceBefore.length - Math.min(PAREN_TAIL, v.sentenceBefore.length) + paren.index + 2 : v.sentenceBefore.lastIndexOf('其中');
  if (i < 0) return false;
  const whole = v.sentenceBefore.slice(0, i);
  return COUNT_BEFORE.test(whole) && lastVerbEnd(whole) >= 0 && ['none', 'all'].includes(channelScope(whole)) && !/累计|截至|截止|历年/.test(whole);
};
/**
 * Words a list of channels with their figures is made of, besides the channels themselves
 * (其中，政府网站1070条、其他1476条; 政府网站：1070条; 公开渠道方面，网站1070条; 网站公开的信息有1070条, 网站公开量为1070条, 政府网站占1070条):
 * no act, no subject, no kind of its own
 * (站, 网: what is left of 政府网站 once 政府网 is read as the website; ①②: the items’ numbers).
 */
const CHANNEL_LIST_WORDS = /上述信息中|以上信息中|其中|另外|此外|另|通过|经由|经|在|利用|借助|依托|的|上|以及|和|及|与|等|各类|各种|方式|渠道|途径|平台|载体|形式|方面|公开|发布|数量|总数|数|量|为|占|有|共计|共|计|政府|政务|官方|人民|信息|其他|其它|其余|站|网/g;
const COUNT_ANY = /[\d〇零一二两三四五六七八九十百千]+\s*(?:万)?(?:余|多)?(?:条|篇|件|份|项|则)/g;
/** A list of channels is short: a longer period holds more than labels (and is not read again). */
const CHANNEL_LIST_MAX = 100;
export const channelListOnly = (t: string) => t.length <= CHANNEL_LIST_MAX && unquoted(t).replace(/占[^,，;；。]{0,6}?[\d.]+%/g, '').replace(COUNT_ANY, '').replace(WEB, '').replace(OWN_MEDIA, '').replace(PRESS, '').replace(CHANNEL_LIST_WORDS, '').replace(/[\s、,，;；:：()（）“”"①-⑳]/g, '') === '';
/** A statement of the year's items disclosed through no one channel (本局主动公开政府信息2546条。): what a list of channels after it breaks down. */
export const disclosedWhole = (t: string) => COUNT_BEFORE.test(t) && /主动(?:向社会|对外)?(?:予以)?公开|(?:公开|发布)[^,，。;；\d]{0,6}信息/.test(t) && !/申请|累计|截至|截止|历年/.test(t) && ['none', 'all'].includes(channelScope(t));
/** The figure's own item of a list names a channel and no act (网站公开1070条、其他渠道1476条): the object before it is the list's, not the item's kind. */
const channelItem = (v: FigureView) => {
  const own = ownItem(v.before);
  return own !== v.before && lastVerbEnd(own) < 0 && (OTHER_CHANNELS_PHRASE.test(own) || channelScope(own) !== 'none');
};
/**
 * A figure in a list of channels and their figures with no act of its own (政府网站：1070条；其他渠道：1476条),
 * right after a statement of the year's items disclosed: that statement's breakdown by channel.
 */
export const channelListAfterWhole = (v: FigureView) => namesChannel(v) && v.periodBefore.length <= CHANNEL_LIST_MAX && channelListOnly(v.periodBefore) && disclosedWhole(v.statementPrevious);
const namesChannel = (v: FigureView) => channelsOf(v) !== 'none' || OTHER_CHANNELS_PHRASE.test(ownItem(v.before)) || restAfterWeb(v);
/** Where a list may open after the year's whole in the same period: at 其中, or a colon or comma right after the whole's count (…2546条：政府网站… / …2546条，网站1070条…). */
const LIST_OPENS = /其中|[\d〇零一二两三四五六七八九十百千万余多][条件篇份项][:：,，]/g;
/**
 * As channelListAfterWhole, the whole and its list in one period (主动公开政府信息500条，其中：政府网站420条；政务微博80条;
 * 全年主动公开政府信息856条，网站700条，其他渠道156条): every word between the list's opening and the figure is a
 * channel, a count or a list's word, and what comes before the opening is the year's whole through no one channel.
 */
const channelListInPeriod = (v: FigureView) => {
  if (!namesChannel(v)) return false;
  const t = v.periodBefore.length > CHANNEL_LIST_MAX * 2 ? v.periodBefore.slice(-CHANNEL_LIST_MAX * 2) : v.periodBefore;
  for (const m of t.matchAll(LIST_OPENS)) {
    const at = m[0] === '其中' ? m.index : m.index + m[0].length - 1;
    if (at > 0 && channelListOnly(t.slice(at)) && disclosedWhole(t.slice(0, at))) return true;
  }
  return false;
};
/** A count in digits and its place: the items of a list of channels are summed only when every one is exact. */
const COUNT_SPLIT = /[\d〇零一二两三四五六七八九十百千]+\s*(?:万)?(?:余|多)?(?:条|篇|件|份|项|则)/;
const OTHER_ITEM = /^\s*(?:其他|其它|其余)/;
/** The figure's item is the other channels' (其他渠道56条, 其他56条). */
const namesRest = (own: string) => OTHER_CHANNELS_PHRASE.test(own) || OTHER_ITEM.test(own);
/** The period's first count when its own clause states the year's whole through no one channel (全年主动公开政府信息856条，…), not a list's first item (…情况：通过政府公报发布信息1条，…). */
function wholeOpening(t: string): RegExpExecArray | null {
  const first = COUNT_SPLIT.exec(t);
  if (first === null) return null;
  const upTo = t.slice(0, first.index + first[0].length);
  const clause = upTo.slice(Math.max(...[',', '，', ':', '：', ';', '；'].map((c) => upTo.lastIndexOf(c))) + 1);
  return disclosedWhole(clause) ? first : null;
}
/** The items of a list (its text after the whole): each item's words and its exact count, null when one is not exact. */
function listItems(t: string): { words: string; value: number }[] | null {
  const out: { words: string; value: number }[] = [];
  let from = 0;
  for (const m of t.matchAll(new RegExp(COUNT_SPLIT.source, 'g'))) {
    const exact = /^(\d+)\s*(?:条|篇|件|份|项|则)$/.exec(m[0]);
    if (exact === null) return null;
    out.push({ words: t.slice(from, m.index), value: Number(exact[1]) });
    from = m.index + m[0].length;
  }
  return out;
}
/**
 * One channel's item named (微博100条) last in a list after the year's whole: it is every channel but the website's only when
 * the website's items alone come before it and they add up to the whole (856条，网站700条，公开栏156条);
 * 856条，网站700条，微博100条 leaves other channels unnamed, and 网站2905条，微博6128条，…，抖音74条 lists several.
 * A whole in the statement before is summed against bare items only: sentences with their own act (通过微博发布信息39条)
 * say what each channel carried, the website's often the whole again.
 */
const itemShortOfWhole = (v: FigureView) => {
  // an item with more after it is one of several: the engine's tie between separate figures says so, an exclusion here would break the tie
  if (namesRest(ownItem(v.before)) || v.q.value === null || COUNT_SPLIT.test(v.periodAfter)) return false;
  const t = v.periodBefore;
  let whole: number | null = null;
  let items: { words: string; value: number }[] | null = null;
  if (wholeOpening(t) !== null) {
    const all = listItems(t);
    if (all === null) return true;
    whole = all[0].value;
    items = all.slice(1);
  } else if (lastVerbEnd(ownItem(v.before)) < 0 && channelListOnly(t) && disclosedWhole(v.statementPrevious)) {
    const before = listItems(v.statementPrevious);
    items = listItems(t);
    if (before === null || before.length === 0 || items === null) return true;
    whole = before[0].value;
  }
  if (whole === null || items === null) return false;
  const websiteOnly = items.every((i) => channelScope(i.words) === 'web');
  return !websiteOnly || items.reduce((a, i) => a + i.value, 0) + v.q.value !== whole;
};
/**
 * An item named the other channels (其他渠道234条) after the website's items only: the rest beside the website.
 * After another channel's item (其中网站700条，微博100条，其他渠道56条) it is the rest beside both, not every
 * channel but the website (review19a D).
 */
const restBesideWebsite = (v: FigureView) => {
  if (!OTHER_CHANNELS_PHRASE.test(ownItem(v.before))) return false;
  const all = listItems(v.periodBefore);
  const items = all !== null && wholeOpening(v.periodBefore) !== null ? all.slice(1) : all;
  return items !== null && items.length > 0 && items.every((i) => channelScope(i.words) === 'web');
};
/**
 * An item named the other channels after another channel's item (其中：政府网站700条；公开栏100条；其他渠道56条): the rest
 * beside those named, one share among several, not every channel but the website (review19a D).
 */
const restBesideOthers = (v: FigureView) => {
  if (!OTHER_CHANNELS_PHRASE.test(ownItem(v.before))) return false;
  const all = listItems(v.periodBefore);
  const items = all !== null && wholeOpening(v.periodBefore) !== null ? all.slice(1) : all;
  return items !== null && items.some((i) => channelScope(i.words) === 'other');
};
/** A channel's figure larger than the year's whole before it in its period (856条，网站更新信息1200条): no share of that whole. */
const exceedsWhole = (v: FigureView) => {
  const first = wholeOpening(v.periodBefore);
  if (first === null || v.q.value === null) return false;
  const whole = listItems(first[0]);
  return whole !== null && v.q.value > whole[0].value;
};
function pressOnly(v: FigureView): boolean {
  const t = unquoted(v.before);
  return t.search(PRESS) >= 0 && t.search(OWN_MEDIA) < 0 && t.search(WEB) < 0;
}
/** A count in digits or Chinese numerals (九十九条). */
const ANY_COUNT = /[\d〇零一二两三四五六七八九十百千]\s*(?:万)?(?:余|多)?(?:条|件|篇|份|项|则)/;
/** A sentence opening by naming one website as its means (依托…政府网站,): the clause that names it ends in a comma. */
const WEB_MEANS = /^(?:[^,，。;；]{0,16}[,，]){0,2}[^,，。;；]{0,12}(?:依托|通过|利用|在|借助|以)[^,，。;；\d、和及]{0,20}?(?:网站|门户|政府网)[^,，。;；\d、和及]{0,12}[,，]/;
/** A sentence going on with the year the paragraph is about (全年, 本年度), no subject of its own before it. */
const YEAR_GOES_ON = /^\s*(?:全年|本年度?|今年|当年)/;
// (a figure in any script: 一千五百二十条 as 1520条; not 一 alone, 逐一/每一 before a measure word)
const COUNT_BEFORE = /(?:\d|(?<![逐每统唯单同之])[〇零一二两三四五六七八九十百千]{2,}|[二两三四五六七八九十百千])\s*(?:万)?(?:余|多)?(?:条|件|篇|份|项|则)/;
/** The period before the figure, its last 160 characters (a header of its list is near; a long period is not searched whole). */
const periodTail = (v: FigureView) => (v.periodBefore.length > 160 ? v.periodBefore.slice(-160) : v.periodBefore);

/** Information as the subject of its disclosure counted (政府信息主动公开数量：2546条). */
const INFORMATION_SUBJECT = /信息(?:的)?主动公开(?:的)?(?:数量|总数|总量|量|数)\s*(?:为|是|达到|达|共|共计|合计|总计)?\s*$/;
/** A clause opening with a website as its subject, no preposition making it the body's means (在, 通过, 依托 …). */
const SITE_AS_SUBJECT = /^(?:(?:本年度|本年|全年|今年|\d{4}年度?)[,，]?)?[^在通过依托利用借助以于向经,，]{0,12}(?:网站|门户|政府网)(?!上)[^,，]*$/;
/** A government's portal by its level (县政府网站, 市人民政府门户网站). */
const GOVERNMENT_SITE = /(省|市|州|盟|县|区|旗)(?:人民)?政府(?:门户)?(?:网站|网)/;
/** A department by its organ word (财政局, 发展和改革委员会); the government's own office keeps its portal (政府办公室: its posts are the office's). */
const DEPARTMENT = /(?:局|委员会|委|厅|办公室|中心|院|所|站|处|队|署)$/;
const PORTAL_KEEPER = /政府(?:办公室|办公厅|办)$/;
/**
 * The clause names a government's portal and the report is a department's that does not keep it
 * (县政府网站全年共发布信息326条 in a bureau's report): the portal's posts, every body's. A town's
 * or an unknown issuer's report says nothing here; after 其中 the site's figure is a share of the body's.
 */
function anotherGovernmentsSite(v: FigureView): boolean {
  if (!GOVERNMENT_SITE.test(v.before) || !DEPARTMENT.test(v.issuer) || PORTAL_KEEPER.test(v.issuer)) return false;
  return !/其中[,，:：]?\s*$/.test(v.sentenceBefore.slice(0, v.sentenceBefore.length - v.before.length));
}
/** 其中 before it: a part of a total printed before (not 其中2010年新增…, 其中本年度新公开…: the year's own figure). */
const isPart = (v: FigureView) => (/其中/.test(v.before) || inCountParen(v.sentenceBefore)) && !/(?:本年|当年|今年|年度?)新(?:增|公开|发布)|其中[^,，]{0,4}主动公开/.test(v.before) && !ownYearAfterOf(v);
/** A count in digits or Chinese numerals, not an article's number (第九条). */
const WHOLE_COUNT = /(?<![第\d.〇零一二两三四五六七八九十百千万])([\d〇零一二两三四五六七八九十百千][\d.〇零一二两三四五六七八九十百千万]*)\s*(?:余|多)?(?:条|件|篇|份|项|则)/g;
const countValue = (printed: string) => (/^[\d.]+$/.test(printed) ? Number(printed) : parseChineseNumeral(printed));
/**
 * After 其中, the whole the parts fit under (the last count before 其中, outside a gloss, at least as
 * large as the part) counts one kind of item (主动公开规范性文件二十件，其中政府网站…) or what was
 * disclosed on request (依申请公开政府信息20条，其中…): that kind's breakdown, not the year's items by
 * channel. (主动公开政府信息2000条，依申请公开20条，其中政府网站1500条: 1500 is no part of the 20.)
 */
const partOfAKind = (v: FigureView) => {
  const at = v.sentenceBefore.lastIndexOf('其中');
  if (at < 0 || v.q.value === null) return false;
  const upToBreakdown = unglossed(v.sentenceBefore.slice(0, at));
  const whole = [...upToBreakdown.matchAll(WHOLE_COUNT)].filter((m) => (countValue(m[1]) ?? -1) >= v.q.value!).at(-1);
  if (whole === undefined) return false;
  const upTo = upToBreakdown.slice(0, whole.index);
  const clause = upTo.slice(Math.max(...[',', '，', ':', '：', ';', '；'].map((c) => upTo.lastIndexOf(c))) + 1);
  if (/依申请/.test(clause)) return true;
  const end = lastVerbEnd(clause);
  return end >= 0 && namesCategory(clause.slice(end), v.issuer);
};
/** The body's own disclosed figure (我局…主动公开…326条). */
const OWN_BODY_DISCLOSED = /(?:我|本)(?:局|委|办|镇|乡|街道|机关|单位|中心|厅|署|院|部门)[^。；;,，]{0,10}?(?:主动公开|公开|发布)[^。；;,，]{0,12}?\d/;
/** Units a count of disclosed items is printed in. */
const ITEM_UNIT = /^(?:条|条次|篇|件|件次|份|项|则)$/;

export const FEATURES = {
  /** The figure counts items (条, 篇, 件 …), not people, sessions or websites. */
  itemUnit: (v: FigureView) => v.q.unit !== null && ITEM_UNIT.test(v.q.unit),
  /** A verb of disclosure stands before it in the clause (公开, 发布, 推送 …), or 发布…N篇信息. */
  disclosed: (v: FigureView) => lastVerbEnd(v.before) >= 0,
  /** 主动公开 in the clause. */
  proactive: (v: FigureView) => v.before.includes('主动公开') || /^[^,，]{0,4}主动公开/.test(v.after),
  /** The object is information (信息, 文件, 稿件), before the figure or right after it (发布358篇信息). */
  information: (v: FigureView) => /信息|文件|稿件|条目/.test(v.before.slice(Math.max(0, lastVerbEnd(v.before)))) || /^(?:的)?(?:主动公开)?(?:的)?(?:政府|政务)?(?:信息|文件|稿件)/.test(v.after),
  /** The object names a category (组织机构信息3条, 政策文件1490件): a part, not the total. */
  category: (v: FigureView) => namesCategory(objectOf(v), v.issuer) && !channelItem(v),
  /** As category, but a website's news (工作动态信息) is what a website publishes, not a part of it. */
  categoryBesidesNews: (v: FigureView) => namesCategory(objectOf(v).replace(/(?:工作)?动态(?!类)/g, ''), v.issuer) && !channelItem(v),
  /** Columns or topics of a site (…目录等重大栏目共发布信息3.3万条, 专题栏目挂网公开近400条): a part. */
  columns: (v: FigureView) => /栏目|专栏|专题/.test(withoutOwnColumn(unglossed(v.before))),
  /** Another figure and 、 before it in the clause: an item of a list (其他文件1条、其他公告…54条). */
  listItem: (v: FigureView) => /[\d〇零一二两三四五六七八九十百千]\s*(?:万)?(?:余|多)?(?:条|件|篇|份|项)[、][^、]*$/.test(v.before) && !(channelsOf(v) !== 'none' || OTHER_CHANNELS_PHRASE.test(ownItem(v.before)) || restAfterWeb(v)),
  /** The first item of a list of kinds (主动公开文件62件、政策解读18件): a part, as the items after it. */
  listHead: (v: FigureView) => {
    if (REST_NEXT.test(v.after) && channelsOf(v) === 'web') return false;
    const next = /^\s*、([^、,，。;；\d]{1,16})\d[\d.]*\s*(?:万)?(?:余|多)?(?:条|件|篇|份|项|则)/.exec(v.after);
    // another channel's figure (政府网站公开5419条、政务微信公开3914条) or another act (纳入…目录2017条) is no kind
    if (next !== null) return lastVerbEnd(next[1]) < 0 && channelScope(next[1]) === 'none' && !OTHER_CHANNELS_PHRASE.test(next[1]);
    // or a list by commas whose next item is another kind, bare (门户网站公开政府信息52条,其他信息2167条)
    const comma = /^[,，]\s*([^、,，。;；:：\d]{1,16})\d[\d.]*\s*(?:万)?(?:余|多)?(?:条|件|篇|份|项|则)/.exec(v.sentenceAfter);
    return comma !== null && KIND_NOUN.test(comma[1]) && !NOT_A_KIND.test(comma[1]) && lastVerbEnd(comma[1]) < 0 && channelScope(comma[1]) === 'none';
  },
  /** A sentence that opened with a column or topic (专栏下设置…专题,重点围绕…发布…信息150多条): the figure is its items, unless its clause says 主动公开 or a total. */
  columnSentence: (v: FigureView) => /栏目|专栏|专题/.test(v.sentenceBefore) && !/主动公开|共|全年|总/.test(v.before),
  /** Not disclosed: 不予公开信息1535条, 不公开. */
  negated: (v: FigureView) => /(?:不予|不|未|暂不)(?:主动)?公开[^,，]{0,8}$/.test(v.before),
  /** The press or the gazette only (新闻媒体发布信息3条, 公报刊登…): not a body's own channel. */
  pressOnly: (v: FigureView) => pressOnly(v),
  /** The press only, not named as the other channels in so many words (报刊、广播、电视等其他方式 is their share). */
  pressNotOther: (v: FigureView) => pressOnly(v) && !OTHER_CHANNELS_PHRASE.test(v.before),
  /** See exceedsWhole. */
  exceedsWhole,
  /** See itemShortOfWhole. */
  itemShortOfWhole,
  /** See restBesideOthers. */
  restBesideOthers,
  /** One other channel's figure where the sentence named its channels as an open list (网站、新媒体等多种渠道); not the rest beside the website (see restBesideWebsite). */
  openChannelList: (v: FigureView) => MANY.test(v.sentenceBefore.slice(0, v.sentenceBefore.length - v.before.length)) && !restBesideWebsite(v),
  /** The clause is about requests, cases, proposals or hotlines, or drafts put out for comment, not disclosure. */
  request: (v: FigureView) => REQUEST_WORDS.test(subjectPart(unglossed(v.before)).replace(/[“"][^”"]{0,20}[”"]/g, 'Q')) || REQUESTS_AFTER.test(v.after) || CONSULTATION_AFTER.test(v.after),
  /**
   * A part of the sentence's request figure (受理申请25件，其中网上12件，当面13件; …25件，从申请方式看，网上12件): a way of
   * applying, not a proactive channel. A figure of 申请 in 件 stands before it in the sentence, and no act of disclosure comes between.
   */
  requestChannel: (v: FigureView) => {
    const heads = [...v.sentenceBefore.matchAll(REQUEST_HEAD)];
    const head = heads.at(-1);
    return head !== undefined && !DISCLOSURE_ACT.test(v.sentenceBefore.slice(head.index + head[0].length));
  },
  /** News placed in the media (在市级以上媒体发布信息120篇, 在《日报》刊登): publicity, not disclosure. */
  publicity: (v: FigureView) => PUBLICITY.test(v.before),
  /** Documents issued in a body's name (以区政府名义…文件36件): a kind of document, not all information. */
  issuedAs: (v: FigureView) => /名义/.test(v.before),
  /** An item of a list of request outcomes, its sentence naming the partly and the refused (公开政府信息10件，部分公开…3件，不予公开…2件), not proactive disclosure. */
  // (the sentence, not the period: 主动公开…1234条，其中网站1000条；受理申请…部分公开3件，不予公开2件 keeps the website's item)
  outcomeItem: (v: FigureView) => {
    if (v.q.unit === '条' || /主动/.test(v.before)) return false;
    // the list's items are near the figure: a short window each side (never a scan of a long sentence per figure)
    const near = v.sentenceBefore.slice(-OUTCOME_WINDOW) + v.sentenceAfter.slice(0, OUTCOME_WINDOW);
    return PARTLY_DISCLOSED.test(near) && REFUSED.test(near);
  },
  /**
   * A count of requests in a note on a request outcome (同意公开15件（其中已主动公开5件）, 同意公开（含已主动公开的5件）15件): a part of that
   * outcome (requests answered with information already disclosed), not proactive disclosure.
   */
  outcomeNote: (v: FigureView) => /^(?:件|宗)$/.test(v.q.unit ?? '') && inOutcomeNote(v.sentenceBefore),
  /** 政府信息 / 政务信息: the statute's words for what is disclosed (主动公开政府信息1913条, not 公开办主动公开信息数121条). */
  governmentInformation: (v: FigureView) => /(?:政府|政务)信息/.test(objectOf(v)) || /^(?:的)?(?:主动公开)?(?:的)?(?:政府|政务)信息/.test(v.after),
  /** The object is 信息 (the total's word), not 文件 or 稿件 (kinds of it). */
  informationWord: (v: FigureView) => /信息/.test(sinceLastVerb(unglossed(v.before))) || /^(?:的)?(?:主动公开)?(?:的)?(?:政府|政务)?信息/.test(v.after) || INFORMATION_SUBJECT.test(v.before),
  /** 主动公开 right before the figure (了 or 共 between them: 主动公开了907条) and no object after it (主动公开907条). */
  noObject: (v: FigureView) =>
    (/主动公开(?:了)?(?:共|共计)?\s*$/.test(v.before) || countNamedPlainly(v.before) || (/^(?:\d{4}年度?)?[^\d]{0,4}(?:公开|发布)\s*$/.test(v.before) && objectBefore(previousClause(v)))) && !/^[\u4e00-\u9fff]/.test(v.after.replace(/^(?:其中|以上)/, '')),
  /** Another scope: the counties', the towns', subordinate units' figures. */
  otherScope: (v: FigureView) => /各县区|县区政府|各区县|各县\(市、区\)|各县市区|下属|所属|各乡镇|各街道|各镇街|各市\(地\)|各市州|各地市|各行署|各地区|直属机关|各市(?!民)|各县(?!区)|县直各|区直各|市直各/.test(withoutOwnArea(v.before, v.area)),
  /** A stock since the beginning: 截至…累计, 历年累计, …以来累计. */
  cumulative: (v: FigureView) => /累计|历年/.test(withoutYearTotal(v.before)) && /截至|截止|以来|至今|历年/.test(v.sentenceBefore),
  /** A count after a span of many years (自2008年至2015年底, 《条例》施行以来, 近三年), even without 截至 or 累计: no year's figure. */
  manyYears: (v: FigureView) => spansManyYears(v.sentenceBefore, v.years),
  /** 累计 with no span of the year in its clause (我局累计主动公开…5600条): a running total since some start, never the year's count. */
  runningTotal: (v: FigureView) => runningTotal(v),
  /** A running total, then 其中 the year's own figure (…累计达5600条，其中2015年主动公开326条): the stock. */
  stockBeforeOwnYear: (v: FigureView) => {
    if (!runningTotal(v)) return false;
    const m = /^[^。；;\n]{0,30}?[,，]\s*其中[,，:：]?\s*(今年|本年度?|当年|年内|\d{4}年度?)/.exec(v.sentenceAfter);
    return m !== null && (!/\d/.test(m[1]) || v.years.includes(Number(m[1].slice(0, 4))));
  },
  /** A running total after the year's own figure in the sentence (本年度主动公开…326条，累计公开5600条): the stock. */
  stockAfterYears: (v: FigureView) => runningTotal(v) && YEARS_FIGURE.test(v.sentenceBefore.slice(0, v.sentenceBefore.length - v.before.length)),
  /** 其中 before it: a part of a total printed before (not 其中2010年新增…, 其中本年度新公开…: the year's own figure). */
  part: (v: FigureView) => isPart(v),
  /** See partOfAKind. */
  partOfAKind,
  /** 分别 in the clause: several figures in one sentence, one per subject. */
  // (not when each item after 分别 names its one channel: 分别通过政府网站公开1000条、通过其他方式公开234条; still when
  // subjects are listed before it, 县政府办公室、县财政局分别在政府网站公开300条、200条, or the next item names no channel)
  distributive: (v: FigureView) => {
    const at = v.before.lastIndexOf('分别');
    if (at < 0) return false;
    if (/[、和及与]/.test(v.before.slice(0, at))) return true;
    const namesOneChannel = (item: string) => !/[和及与、]/.test(item) && (['web', 'other'].includes(channelScope(item)) || OTHER_CHANNELS_PHRASE.test(item));
    const items = v.before.slice(at + 2);
    const own = ownItem(items);
    if (!namesOneChannel(own)) return true;
    // the item before it (the last figure's) or after it (the first's) names its channel too
    const previous = items.slice(0, items.length - own.length).replace(/[\d〇零一二两三四五六七八九十百千]+\s*(?:万)?(?:余|多)?(?:条|件|篇|份|项)[、/／，,）)]*$/, '');
    const next = /^[^、，,。；;\d]{0,4}[、，,]([^\d。；;]{1,40})/.exec(v.sentenceAfter);
    return !((previous !== '' && namesOneChannel(previous.slice(previous.search(/[^、，,]*$/)))) || (next !== null && namesOneChannel(next[1])));
  },
  /** A change, not a level: 增加12条, 同比增长. */
  change: (v: FigureView) => /(?:同比|比上年|较上年|较去年|比去年)(?:增加|增长|减少|下降|新增|多|少)了?$|(?:增加|增长|减少|下降)了?$/.test(v.before),
  /** 今年新增94条 after a stock, in a sentence about disclosure: the year's own figure. */
  yearNew: (v: FigureView) => /(?:今年|本年度?|当年|年内|全年)(?:新增|新)(?:的)?(?:主动)?(?:公开|发布)?(?:的)?(?:政府|政务)?(?:信息)?$/.test(v.before) && /主动公开|公开|发布/.test(v.sentenceBefore),
  /**
   * After a stock in its sentence (截至…累计主动公开…15200条, 自…以来共…, 历年累计…), a clause marking its figure as the year's, with or
   * without a verb (，其中本年度1520条, （其中2015年1520条）, ，本年度为1520条, ，2015年新增1520条, ，较上年末增加1520条): the year's own figure.
   */
  yearPartAfterStock: (v: FigureView) => yearPartAfterStock(v),
  /** The figure is a stock the sentence contrasts with the year's new items (截至…共615条,今年新增94条). */
  stockBeforeNew: (v: FigureView) => /^[^。；;\n]{0,4}(?:今年|本年度?|当年|年内)新增/.test(v.after) || /^[^。；;\n]{0,30}?[,，]\s*(?:其中[,，:：]?\s*)?(?:今年|本年度?|当年|年内)新增/.test(v.sentenceAfter),
  /** 截至目前, 目前: as of the writing, neither the year's count nor its end's stock. */
  asOfNow: (v: FigureView) => /截至目前|截止目前|截至发文|截止发文|^目前|[,，]目前/.test(v.sentenceBefore) && !ownYearAfterOf(v) && !yearPartAfterStock(v),
  /** 共, 共计, 合计, 总数, 全年: the clause states a total. */
  totalWord: (v: FigureView) => /共|总数|合计|全年|本年度|全区|全市|全县|全镇/.test(v.before),
  /** The channels are web only. */
  webOnly: (v: FigureView) => channelsOf(v) === 'web',
  /** The channels are other than the web only (微信, 微博, 公报 …). */
  otherOnly: (v: FigureView) => channelsOf(v) === 'other',
  /** The clause names all channels, or several including the web. */
  allChannels: (v: FigureView) => channelsOf(v) === 'all',
  /** 其他方式/其他渠道: the complement of the web, in so many words. */
  // (in the figure's own item: 其他方式（1476条）共主动公开…2546条 gave the phrase its own figure)
  otherChannelsPhrase: (v: FigureView) => OTHER_CHANNELS_PHRASE.test(ownItem(v.before)) || restAfterWeb(v),
  /** The figure is the other channels' share, the website not named with them (通过其他方式主动公开…1476条; not 网站和其他渠道共…). */
  otherChannelsShare: (v: FigureView): boolean => channelsOf(v) !== 'all' && FEATURES.otherChannelsPhrase(v),
  /** The clause names no channel nor 主动公开 but its sentence named one channel before it (在市政务公开网上发布…,全年累计发布各类信息46条): that channel's figure, maybe. */
  sentenceChannel: (v: FigureView) => channelsOf(v) === 'none' && !v.before.includes('主动公开') && ['web', 'other'].includes(channelScope(v.sentenceBefore)),
  /** The sentence opened by naming one website as its means (依托…政府网站,…主动公开…135条), its clauses after naming no channel: the website's figure (not a list of platforms, not after a figure). */
  sentenceWeb: (v: FigureView) => channelsOf(v) === 'none' && WEB_MEANS.test(v.sentenceBefore) && !COUNT_BEFORE.test(v.sentenceBefore.slice(0, v.sentenceBefore.length - v.before.length)) && channelScope(v.sentenceBefore) === 'web',
  /**
   * The sentence before named one website as the paragraph's means and counted nothing (2021年,依托实验区门户网站,我局…公开。),
   * and the figure's sentence goes on with the year's count naming no channel of its own (全年累计公开…184条): the website's figure.
   */
  paragraphWeb: (v: FigureView) => YEAR_GOES_ON.test(v.sentenceBefore) && channelScope(v.sentenceBefore) === 'none' && WEB_MEANS.test(v.sentencePrevious) && !COUNT_BEFORE.test(v.sentencePrevious) && channelScope(v.sentencePrevious) === 'web',
  /** The clause names no channel; the clause before it names other channels only (通过“广州12345”微信公众号,推送178条推文). */
  sentenceOtherChannel: (v: FigureView) => channelsOf(v) === 'none' && channelScope(previousClause(v)) === 'other',
  /**
   * The figure's clause, or its sentence's opening, names a year that is not the report's
   * (此外,2010年我镇…公开…24余条 in a report on 2009): another year's figure.
   */
  otherYear: (v: FigureView) => {
    if (v.years.length === 0) return false;
    const opening = /^\s*(?:此外|另外|同时|其中)?[,，]?\s*(?:截至|截止)?\s*(\d{4})年/.exec(v.sentenceBefore);
    const named = [...yearsNamed(v.before), ...(opening ? [Number(opening[1])] : [])];
    return named.length > 0 && named.every((y) => !v.years.includes(y));
  },
  /** Last year named in words in the clause (去年我局主动公开…500条): not this year's figure. */
  lastYearWord: (v: FigureView) => LAST_YEAR.test(v.before) && !/今年|本年|当年|全年/.test(v.before),
  /** A part of the year (上半年, 第一季度, 1月至11月): not the year's count. */
  partOfYear: (v: FigureView) => PART_OF_YEAR.test(v.sentenceBefore),
  /** The figure before its object and verb (共有3050条政府信息主动公开). */
  objectAfter: (v: FigureView) => {
    // the act's own object right after the figure, nothing else named (共产生1520条主动公开政府信息): the verb before it does not change what is counted
    if (PROACTIVE_OBJECT_ONLY.test(v.after)) return ['all', 'none'].includes(channelScope(v.before));
    const m = OBJECT_AFTER.exec(v.after);
    // the object after the figure, or right before it (共有政府信息1520条由本机关主动公开)
    if (m === null || (m[1] === undefined && !/信息\s*$/.test(v.before))) return false;
    // a means between (通过各种渠道) must name every channel or none: one channel's figure is its share
    return m[2] === undefined || ['all', 'none'].includes(channelScope(m[2]));
  },
  /**
   * A clause of only 达到/共/为 and the figure, after a clause whose subject is the items
   * disclosed (主动公开政府信息数量同比增长10%,达到3300条), naming no channel and no figure.
   */
  continuesTotal: (v: FigureView) => {
    if (!TOTAL_LINK.test(v.before)) return false;
    const prev = previousClause(v);
    // the topic names no other year nor a larger scope than the body's (上年度主动公开政府信息，…; 全市主动公开方面，…，我局…)
    const ownTopic = !LAST_YEAR.test(prev.replace(COMPARED_WITH, '')) && yearsNamed(prev).every((y) => v.years.includes(y)) && !sharedScope(prev, v.sentenceAfter, v.area, v.ownLevel);
    // a change's figure is no count of the topic (主动公开政府信息比上年增加168条，总数达到1520条)
    return (/主动公开(?:的)?(?:政府|政务)?信息(?:数量|总数|总量|数)?/.test(prev) || PROACTIVE_TOPIC.test(prev)) && ownTopic && !COUNT_BEFORE.test(prev.replace(CHANGE_AMOUNT, '')) && ['none', 'all'].includes(channelScope(prev));
  },
  /**
   * A clause of only 累计 and the figure after the clause of the year's proactive figure (全年主动公开政府信息1520条，累计达12560条):
   * the stock, its act the clause before's.
   */
  stockAfterYear: (v: FigureView) => /^\s*(?:历年)?累计(?:共|共计)?(?:达到|达|为)?\s*$/.test(v.before) && /主动公开[^,，。；;]*?\d/.test(previousClause(v)),
  /** What should be disclosed (其他应主动公开的政府信息25条): a kind named by a duty, not an act. */
  modal: (v: FigureView) => /(?:应当?|应该|需要?|必须|须)(?:主动)?(?:公开|发布)[^,，]{0,10}$/.test(v.before),
  /**
   * Items sent to another body (全年共报送主动公开政府信息1520条, 报送1520条主动公开政府信息): 主动公开 names the kind of
   * item sent, not an act of the body's; disclosed only where the text says so (报送并公开, …，均已在政府网站公开).
   */
  sentUp: (v: FigureView) => {
    const m = SENT_UP.exec(v.before);
    if (m === null || lastVerbEnd(m[1].replace(SENT_OBJECT, '')) >= 0) return false;
    return !SAID_DISCLOSED_AFTER.test(v.sentenceAfter);
  },
  /** A plan or a target, not what was done (计划明年主动公开…, 力争…). */
  plan: (v: FigureView) => PLAN.test(v.before),
  /** A rate per month, week or day (平均每月主动公开100条): not a count of the year. */
  average: (v: FigureView) => AVERAGE.test(v.before),
  /** A stock as of another year's end or day (截至2022年底,累计…7000条 in a report on 2023). */
  stockOfAnotherYear: (v: FigureView) => {
    const m = /(?:截至|截止)(?:到)?\s*(\d{4})年/.exec(v.sentenceBefore);
    return m !== null && v.years.length > 0 && !v.years.includes(Number(m[1]));
  },
  /**
   * 截至 the year's end, 共 N, without 累计 nor a word of the year (截至2017年12月31日共主动公开政府信息778余条):
   * the year's count or the stock since the beginning, the text does not say which.
   */
  stockOrYear: (v: FigureView) => AS_OF_END.test(v.sentenceBefore) && /共|总数|总计/.test(v.before) && !/累计|历年|本年|全年|当年|今年|年度|年内/.test(v.before),
  /** As of a day before the year's end (截至12月14日…共发布微博1288条): neither the year's count nor its end's stock. */
  asOfDate: (v: FigureView) => {
    const m = /(?:截至|截止)(?:到)?\s*(?:\d{4}年)?(\d{1,2})月(\d{1,2})日/.exec(v.sentenceBefore);
    return m !== null && !(m[1] === '12' && m[2] === '31');
  },
  /** Posted on another body's platform (云南省政府采购网): not the body's total nor its website's share. */
  platform: (v: FigureView) => PLATFORM.test(v.before),
  /** The sentence goes on to another scope's figure: this one is a scope's share, not the whole (省政府及直属部门…2.6万余条,…;各市(地)…21万条). */
  scopeSplit: (v: FigureView) => {
    const m = SCOPE_SPLIT.exec(v.periodAfter);
    // 其中县本级800条,各乡镇400条: the scopes are the figure's parts, the figure the whole
    return m !== null && !/其中/.test(v.periodAfter.slice(0, m.index));
  },
  /** A count of kinds right before the clause's total (七大类48项信息共8989条): not the count of items. */
  kindsBeforeTotal: (v: FigureView) => /^[^,，。;；\d]{0,8}(?:共|共计|合计|总计)\s*\d/.test(v.after),
  /** The figure heads a breakdown by kind (在…网站主动公开的425条政府信息中,机构职能…148条): the year's whole being classified, wherever posted. */
  breakdownHead: (v: FigureView) => /^[^,，。;；:：\d]{0,10}中[,，:：]/.test(v.sentenceAfter),
  /** The clause names two other channels or more (运用微信、微博发布信息102条): the channels together, not one account. */
  severalOtherChannels: (v: FigureView) => (unquoted(ownItem(v.before)).match(OWN_MEDIA_KINDS) ?? []).length >= 2 || /政务新媒体|新媒体|自媒体|两微/.test(v.before),
  /** Another count of items follows in the sentence (发布工作动态信息44条,发布重点领域信息10条): the figure is one of several. */
  moreFiguresAfter: (v: FigureView) => /\d\s*(?:万)?(?:余|多)?(?:条|件|篇|份|项|则)/.test(v.sentenceAfter),
  /** Copies (份) put out at physical places (公告栏, 查阅点, 服务中心 …): paper handed out, not items disclosed through a channel. */
  paperCopies: (v: FigureView) => v.q.unit === '份' && /公告栏|公开栏|宣传栏|查阅|档案馆|图书馆|服务中心|专区|大厅|线下/.test(v.sentenceBefore),
  /** The clause names several bodies together and the sentence goes on to the body's own figure (全市各单位共主动公开…X条，我局主动公开M条): X is the larger scope's. */
  sharedScope: (v: FigureView) => sharedScope(v.before, v.sentenceAfter, v.area, v.ownLevel),
  /** The body's own count after its division's stock (截至2015年底，全市累计主动公开…23456条，我局主动公开100条): the body's stock too, not the year's. */
  bodyAfterStock: (v: FigureView) => bodyAfterStock(v.sentenceBefore.slice(0, v.sentenceBefore.length - v.before.length), v.before),
  /** The sentence announced a breakdown by channel before the figure (按公开载体分，门户网站X条). */
  // the header governs its list across semicolons (从公开渠道看，政府网站1000条，占81%；其他渠道234条)
  byChannel: (v: FigureView) => BY_CHANNEL.test(periodTail(v)),
  /** Disclosed, by a verb before the figure or a breakdown-by-channel header. */
  disclosedOrByChannel: (v: FigureView) => lastVerbEnd(v.before) >= 0 || BY_CHANNEL.test(periodTail(v)) || breakdownOfDisclosed(v) || channelListAfterWhole(v) || channelListInPeriod(v),
  /** A list of channels and their figures with no act of its own, after a statement of the year's items disclosed (…2546条。其中，政府网站1070条、其他1476条). */
  channelList: (v: FigureView) => channelListAfterWhole(v) || channelListInPeriod(v),
  /** The figure opens its clause or its item and the web and an act follow it (X条在政府网站公开; 1200条通过政府网站 after the whole). */
  webAfter: (v: FigureView) => LEAD_IN.test(itemOpening(v.before)) && actOrMeansAfter(v, ownItemAfter(v.after)) && channelScope(ownItemAfter(v.after)) === 'web',
  /** The figure opens its clause or its item and other channels and an act follow it (Y条通过其他方式公开). */
  otherAfter: (v: FigureView) => {
    const after = ownItemAfter(v.after);
    return LEAD_IN.test(itemOpening(v.before)) && actOrMeansAfter(v, after) && (channelScope(after) === 'other' || OTHER_CHANNELS_PHRASE.test(after));
  },
  /** The figure is approximate (约, 余, 多). */
  approximate: (v: FigureView) => v.q.approx,
  /**
   * The site itself is the subject, counting all it posted (县政府网站全年发布信息12560条), in a sentence
   * that gives the body's own figure in another clause (我局…主动公开政府信息326条; 其中我局主动公开326条):
   * the site's whole output, not the body's share of its items.
   */
  // or a government's portal, the subject, in a bureau's report (县政府网站全年共发布信息326条): its posts are every body's
  siteOutput: (v: FigureView) =>
    channelsOf(v) === 'web' && SITE_AS_SUBJECT.test(v.before) && (OWN_BODY_DISCLOSED.test(v.sentenceBefore.slice(0, v.sentenceBefore.length - v.before.length) + v.sentenceAfter) || anotherGovernmentsSite(v)) &&
    // an item of the body's whole broken down by channel (我局主动公开…2546条（政府网站1070条，…）; …2546条，网站公开1070条，…) is its share
    !isPart(v) && !channelListAfterWhole(v) && !channelListInPeriod(v),
} satisfies Record<string, (v: FigureView) => boolean>;

export type Feature = keyof typeof FEATURES;
