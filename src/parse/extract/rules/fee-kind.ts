// Which money a figure in yuan is. The request fee is named by its kinds (检索/复制/复印/邮寄费), by disclosure
// or by the applicant who pays it, or it is the bare 收取费用 of the fee section; money named as something
// else never is: another fee (停车费, 水资源费, 学费), levies and revenue (行政事业性收费, 非税收入, 出让金), the
// sums of charging as a trade (收费收入/总额/金额/项目). A waiver (减免, 免收) is never money collected.

/** Words that name the request fee (the Regulation's 成本费用: 检索/复制/邮寄, 资料费), or disclosure and the applicant it is charged for. */
const REQUEST_FEE = /检索|复制|复印|邮寄|邮递|快递|递送|打印|工本|成本|资料费|处理费|信息公开|依申请|申请/;
/** Money named as something other than the request fee (a fee of another name: 停车费, not 收费 nor 免费, 缴费). */
const OTHER_MONEY = /行政事业性|非税|收入|总额|金额|项目|出让金|资金|罚没|罚款|税|[^收免缴交减付退]费(?!用)/;
/** A waiver: money not collected. */
const WAIVED = /减免|免收|免除|减收|减轻|免费/;

/** The clause holding a figure in yuan says it is no request fee collected. */
export function namesOtherMoney(clause: string): boolean {
  return WAIVED.test(clause) || (!REQUEST_FEE.test(clause) && OTHER_MONEY.test(clause));
}

/** One kind of the request fee (检索费, 复制费用, 邮寄费): a figure named by one is that kind's. */
const FEE_KIND = /检索|复制|复印|邮寄|邮递|快递|递送|打印|工本/;
/** A whole stated right before its figure (合计35元, 共计30元). */
const STATED_WHOLE = /(?:合计|共计|总计|累计|共)[^,，。；;、\d]{0,8}$/;
/** A figure in yuan (20元, 1.5万元, 一百二十元). */
const YUAN = /(?:\d[\d,]*(?:\.\d+)?|[〇零一二两三四五六七八九十百千]+)\s*万?元/g;

/**
 * The figure in yuan at `at` of `sentence` is a part of the fee collected, not its whole: one of a 分别 list
 * (检索费、复制费分别为20元、10元), or one named by a kind of fee beside another figure named by a kind
 * (复制费10元，邮寄费15元; 检索、复制费用20元，邮寄费15元，合计35元). A stated 合计/共计 is the whole; one kind
 * alone (收取复印费45元), kinds gathered by 等 (检索、复制、邮寄等费用45元) and the figure before its breakdown
 * (收取复制、邮寄费45元，其中复制费30元) are the whole fee.
 */
export function feePart(sentence: string, at: number): boolean {
  const items: { start: number; end: number; item: string }[] = [];
  let from = 0;
  for (const m of sentence.matchAll(YUAN)) {
    items.push({ start: m.index, end: m.index + m[0].length, item: sentence.slice(from, m.index) });
    from = m.index + m[0].length;
  }
  const own = items.find((i) => i.start <= at && at < i.end);
  if (!own || STATED_WHOLE.test(own.item)) return false;
  if (own.item.includes('分别')) return true;
  // the kinds gathered by 等 (检索、复制、邮寄等费用45元), or a breakdown after it (，其中复制费30元): the whole
  if (/等[^、，,]{0,4}$/.test(own.item) || items.some((i) => i.start > own.start && /其中|包括/.test(i.item))) return false;
  const kind = (item: string) => FEE_KIND.test(item) && !WAIVED.test(item) && !STATED_WHOLE.test(item);
  return kind(own.item) && items.some((i) => i !== own && kind(i.item));
}
