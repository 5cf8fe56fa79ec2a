// A span of many years before a count makes it a many-year figure, with or without 截至 or 累计:
// 自2008年至2015年底, 《条例》施行以来, 2008年以来, 近三年, 八年来. The report's own year is no such span
// (今年以来, 2015年以来, 自2015年1月1日起至2015年12月31日止), and a word of the year after the span
// (《条例》施行以来…，全年主动公开…) makes the count the year's again.

/** Spans that always cover more than the year. */
const ALWAYS_MANY = /近[两三四五六七八九十\d]+年|[两三四五六七八九十]+年来|(?:条例|《条例》)[^。；;,，]{0,12}?(?:施行|实施|颁布|生效)(?:以来|至)/g;
/** 2008年以来, 2008年…至今 (not the report's own year). */
const YEAR_SINCE = /(\d{4})年[^。；;,，\d]{0,12}?(?:以来|至今)/g;
/** 自2008年…至2015年: a span from one year to another. */
const YEAR_TO_YEAR = /自\s*(\d{4})年[^。；;]{0,30}?至\s*(\d{4})年/g;
/** A word of the year's own span. */
const OWN_YEAR = /本年|今年|全年|当年|年内|年度/;

/** The text names a span of many years that still governs its end (years: the report's own, which no span since it covers). */
export function spansManyYears(text: string, years: readonly number[]): boolean {
  let end = -1;
  for (const m of text.matchAll(ALWAYS_MANY)) end = Math.max(end, m.index + m[0].length);
  for (const m of text.matchAll(YEAR_SINCE)) if (!years.includes(Number(m[1]))) end = Math.max(end, m.index + m[0].length);
  for (const m of text.matchAll(YEAR_TO_YEAR)) if (m[1] !== m[2]) end = Math.max(end, m.index + m[0].length);
  if (end < 0) return false;
  const rest = text.slice(end);
  return !OWN_YEAR.test(rest) && ![...rest.matchAll(/(\d{4})年/g)].some((y) => years.includes(Number(y[1])));
}
