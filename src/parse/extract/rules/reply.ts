// The act of replying to a request for disclosure, defined once: the words of the act and the
// qualifiers that make a figure of it less than every reply (a kind, a part, not yet done). The
// guards that name a reply (qualifiedPart and roles.ts's role words, the handled patterns in
// narrative.ts) are built from these.

/** The reply itself (答复, 回复, 办复). */
export const REPLY = '答复|回复|办复';
/** A request's handling ended (办结, 结案, 办理完毕, 处置完毕, 完成办理): a count of them is the handled, as a reply's is. */
export const FINISHED = '办结|结案|办理完成|办理完毕|办理完结|处理完毕|处置完毕|完成办理';
/** Every word of a request's handling ended, for every shape that counts the handled (办结23件, 在已回复的23件申请中, 23件已全部结案): a reply or an end, with 完毕/完成 after it. */
export const ENDED = `(?:${REPLY}|${FINISHED})(?:完毕|完成)?`;
/** Handling (办理, 处理): a count of the handled only where the sentence lists the outcomes, the evidence that the figure counts requests. */
export const HANDLING = `(?:办理|处理)(?:完毕|完成|完结)?`;
/** The outcome list that makes 办理/处理 with a figure the handled (处理23件，其中同意公开15件，部分公开3件). */
export const OUTCOME_LISTED = /(?:同意|予以|准予|部分|不予|不同意)(?:公开|提供)[^。\n]{0,60}?(?:\d|[〇零一二两三四五六七八九十])/;
/** The acts that close a request: a reply, or its handling ended (办结, 办理). */
export const CLOSING = `${REPLY}|办结|办理`;

/** A manner that is one kind of reply, never all of them (当场答复3件, 集中回复, 补正后答复, 逾期答复). */
export const PART_MANNER = '当场|当日|当天|当面|集中|补正后|超期|逾期|超时|未按期|未按时';
/** On time (按时答复12件): every reply, unless a late or extended part stands beside it. */
export const ON_TIME = '按时|按期|如期';
/** Late or put off: the other part of an on-time figure (按时答复11件，逾期答复1件). */
export const LATE = '超期|逾期|超时|未按期|未按时|延期';
/** Intended, not done (拟答复2件, 准备回复): no reply yet, nor a sure count of what is open. */
const INTENDED = '拟|准备|打算';
/** The manners of the act that are never all of it: late or put off (逾期办理), or, of a reply or its end (当场答复, 集中办结), a kind; 办理 alone of those kinds is a way of receiving (窗口当面办理, 集中办理申请12件). */
const PART_OF_ACT = `(?:${LATE})[^,，。;；\\d]{0,2}(?:${CLOSING})|(?:${PART_MANNER})[^,，。;；\\d]{0,2}(?:${REPLY}|办结)`;
/** Right before a reply act: a kind of reply or one intended (当场答复, 1件逾期答复, 拟答复), no count of every reply. */
const NOT_EVERY = new RegExp(`(?:${PART_MANNER}|${INTENDED})$`);
const LATE_END = new RegExp(`(?:${LATE})$`);
/** The act `word` after `lead` is a kind of reply, a late one or one intended (当场答复, 1件逾期答复, 拟答复), no count of every reply. */
export const notEveryReply = (lead: string, word: string): boolean => NOT_EVERY.test(lead) && (word !== '办理' || LATE_END.test(lead));

/** A part qualifier right before the closing act, in the figure's clause before it. */
const PART_ACT = new RegExp(PART_OF_ACT);
/** 其中按时办结10件: after 其中, a qualifier of the act (or one that is never all of it) counts a part of the act's figure. */
const QUALIFIED_AFTER_BREAKDOWN = new RegExp(`其中[^,，。;；\\d]{0,6}(?:${ON_TIME}|超期|逾期|提前|当场|当日|延期)`);
/** The figure's clause before it (`clause`) makes it a part of its role's figure: after 其中, or, for what was handled, a manner never all of it (当场答复3件, 逾期办结1件). */
export const qualifiedPart = (clause: string, metric: string): boolean => QUALIFIED_AFTER_BREAKDOWN.test(clause) || (metric === 'r.handled.total' && PART_ACT.test(clause));

const ON_TIME_ACT = new RegExp(`(?:${ON_TIME})[^,，。;；\\d]{0,2}(?:${CLOSING})[^,，。;；\\d]{0,4}$`);
/** A count above 0 (not 0, 零, 〇). */
const SOME = '(?<![\\d.〇零一二两三四五六七八九十百])(?:\\d*[1-9]\\d*|[一二两三四五六七八九十百][〇零一二两三四五六七八九十百]*)';
/** Late replies made this year (逾期答复1件, 1件超期答复): not 逾期未答复 (carried, not replied), not 延期至下年, not another year's (上年逾期答复2件). */
const LATE_ACT = `(?:${LATE})(?![至到])(?:(?!未)[^,，。;；\\d]){0,4}(?:${CLOSING})`;
const LATE_FIGURE = new RegExp(`(?<!上年度?|去年|较上年|比上年)${LATE_ACT}(?:(?![(（])[^,，。;；]){0,6}?${SOME}\\s*(?:件|宗)(?![(（]上年)|${SOME}\\s*(?:件|宗)[^,，。;；\\d]{0,2}${LATE_ACT}`);

/** A clause that counts a change or another year's replies (逾期答复同比下降2件, 较上年逾期答复减少2件, 上一年度逾期答复2件; a year written out is checked where the readings are): not a part of this year's. */
export const CHANGE_OR_OTHER_YEAR = /同比|相比|较|比上|减少|下降|增加|增长|上升|上一?年|去年|前年/;
const LATE_FIGURES = new RegExp(LATE_FIGURE.source, 'g');

/**
 * 按时答复11件，逾期答复1件: the on-time figure beside a late one in its sentence is a part (the whole,
 * their sum, is not printed). `own`: the figure's clause before it; `after`: its sentence after it.
 */
export function onTimeBesideLate(own: string, after: string): boolean {
  if (!ON_TIME_ACT.test(own)) return false;
  for (const m of after.matchAll(LATE_FIGURES)) {
    const clauseStart = Math.max(after.lastIndexOf('，', m.index), after.lastIndexOf(',', m.index), after.lastIndexOf('；', m.index), after.lastIndexOf(';', m.index)) + 1;
    if (!CHANGE_OR_OTHER_YEAR.test(after.slice(clauseStart, m.index + m[0].length))) return true;
  }
  return false;
}
