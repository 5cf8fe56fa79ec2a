// The year a clause's head figure is scoped to covers the parts that follow it in its sentence:
// 2014年受理…17件，其中同意公开12件 (12 is 2014's), 上年度共受理申请17件，其中同意公开12件，部分公开2件,
// 全年未收取费用（上年度收取30元） (30 is last year's). A later head of the report's year
// (；2015年受理…25件，同意公开18件, 本年度…) opens the year's scope again; a year in a comparison
// (与2014年相比, 较上年) or a carry-over (上年结转) opens none.

/** A year word opening a clause or a parenthesis: another year's (2014年, 上年度, 去年) or the report's (本年度, 全年, 2015年). */
const HEAD = /(?:^|[,，:：（(])\s*(?:其中|而|但|另外?)?\s*(?:(\d{4})\s*年度?|(上一?年度?|去年|前一年)|(本年度?|今年|全年|当年|年内))(?![\d一二三四五六七八九十]{1,2}月|底|末|初|以来|起|至|度?结转|度?遗留|度?的|相比)/g;
/** A word of the report's own year anywhere in the figure's own clause (其中本年度3件, 其中2015年公开1520条). */
const OWN_WORD = /本年|今年|全年|当年|年内/;
/** A figure counted in the head's clause: the head is the scope of a figure, not of a word (上年度考核结果…). */
const FIGURE = /(?:\d|[〇零一二两三四五六七八九十百千]\s*(?:件|条|宗|起|元))/;

/**
 * The figure at the end of `before` (its sentence up to the figure) is under the head of another year
 * than the report's: the last year word opening a clause or parenthesis before it, with a figure of
 * its own, names another year. `years`: the report's (its statistics year first); unknown: only the
 * words of last year decide. `own`: the figure's own clause up to it.
 */
export function underOtherYearHead(before: string, own: string, years: readonly number[]): boolean {
  // inside a parenthesis, the figure's own clause is the parenthesis
  const open = Math.max(own.lastIndexOf('（'), own.lastIndexOf('('));
  if (open >= 0 && !/[)）]/.test(own.slice(open))) own = own.slice(open);
  if (OWN_WORD.test(own) || [...own.matchAll(/(\d{4})\s*年/g)].some((y) => years.includes(Number(y[1])))) return false;
  let other = false;
  for (const m of before.matchAll(HEAD)) {
    const at = m.index + m[0].length;
    // a parenthesis closed before the figure scopes nothing after it
    if (/[（(]/.test(m[0]) && /[)）]/.test(before.slice(at))) continue;
    if (m[3] !== undefined) other = false;
    else if (m[1] !== undefined && years.length === 0) continue;
    else {
      const isOther = m[2] !== undefined || !years.includes(Number(m[1]));
      const clause = /^[^,，。；;:：)）]*/.exec(before.slice(at))![0];
      if (!isOther) other = false;
      // (the head of the figure's own clause or parenthesis scopes it: 全年未收取费用（上年度收取30元）)
      else if (FIGURE.test(clause) || at + clause.length === before.length) other = true;
    }
  }
  return other;
}
