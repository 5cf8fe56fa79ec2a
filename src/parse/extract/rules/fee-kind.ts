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
