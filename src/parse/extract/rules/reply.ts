// The act of replying to a request for disclosure, defined once: the words of the act and the
// qualifiers that make a figure of it less than every reply (a kind, a part, not yet done). The
// guards that name a reply (roles.ts's QUALIFIED_PART and its role words, the handled patterns in
// narrative.ts) are built from these.

/** The reply itself (答复, 回复, 办复). */
export const REPLY = '答复|回复|办复';
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
/** Right before a reply act: a kind of reply or one intended (当场答复, 1件逾期答复, 拟答复), no count of every reply. */
export const NOT_EVERY_REPLY = new RegExp(`(?:${PART_MANNER}|${INTENDED})$`);

/** A part qualifier right before the closing act, in the figure's clause before it. */
const PART_ACT = new RegExp(`(?:${PART_MANNER})[^,，。;；\\d]{0,2}(?:${CLOSING})`);
/** 其中按时办结10件: after 其中, a qualifier of the act (or one that is never all of it) counts a part of the act's figure. */
export const QUALIFIED_PART = new RegExp(`其中[^,，。;；\\d]{0,6}(?:${ON_TIME}|超期|逾期|提前|当场|当日|延期)|${PART_ACT.source}`);

const ON_TIME_ACT = new RegExp(`(?:${ON_TIME})[^,，。;；\\d]{0,2}(?:${CLOSING})[^,，。;；\\d]{0,4}$`);
const LATE_FIGURE = new RegExp(`(?:${LATE})[^,，。;；\\d]{0,4}(?:${CLOSING})[^,，。;；]{0,6}?[\\d〇零一二两三四五六七八九十]|[\\d〇零一二两三四五六七八九十]+\\s*(?:件|宗)[^,，。;；\\d]{0,2}(?:${LATE})`);

/**
 * 按时答复11件，逾期答复1件: the on-time figure beside a late one in its sentence is a part (the whole,
 * their sum, is not printed). `own`: the figure's clause before it; `after`: its sentence after it.
 */
export function onTimeBesideLate(own: string, after: string): boolean {
  return ON_TIME_ACT.test(own) && LATE_FIGURE.test(after);
}
