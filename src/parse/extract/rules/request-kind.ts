// What kind of 申请 a figure counts. The words between the intake verb (受理/收到/办理…) and 申请 qualify
// it: a disclosure request names disclosure (政府信息公开申请), an applicant (公民申请), a way of applying
// (网上申请) or nothing at all (共受理申请25件); any other qualifier names another business
// (城乡低保申请, 不动产登记申请, 劳动仲裁申请, 退税申请), whose applications are no disclosure requests.

/** Services a body takes cases or applications for (审批, 许可, 办件, 项目申请): a sentence about them counts no disclosure requests. */
export const SERVICE_WORDS = '审批|许可|服务事项|办件|窗口|诉求|资源交易|项目申请';

/**
 * Words that name disclosure: with them the 申请 is a disclosure request whatever else stands beside
 * (政府信息申请, 信息申请, 查阅申请, 政府信息查询申请: information asked for is disclosure's object).
 */
const NAMES_DISCLOSURE = /公开|依申请|信息|查阅|查询/;
/** Words that may qualify a disclosure request without naming it: applicants, ways of applying, counting and linking words. */
const NEUTRAL = new RegExp(
  [
    // applicants
    '公民|群众|自然人|法人|企业|社会组织|其他组织|组织|个人|市民|居民|村民|律师|媒体|申请人|社会公众|公众|人民群众',
    // ways of applying
    '网上|网络|在线|线上|线下|当面|现场|窗口|信函|书面|传真|电子邮件|邮件|邮寄|电话|来信|网站|平台|系统',
    // the law it is made under (依据《条例》第十三条规定提出的)
    '(?:依据|根据|按照|依照)?《[^》]*》(?:第[^条]{1,6}条)?(?:规定)?',
    // counting and linking words
    '此类|该类|这类|上述|各类|各种|各项|共计|总计|合计|共|新|本年度|本年|全年|年度|当年|了|的|等|和|及|与|或者|或|、|[（）()]|提出|提交|递交|通过|方式|形式|渠道|有关|相关|涉及|其中|依法|各|类|件|\\s|\\d',
  ].join('|'),
  'g',
);
/** An intake or handling verb, then the qualifier, then 申请 (not 依申请, nor 申请人, the applicant). */
const QUALIFIED = /(?:受理|收到|接到|接收|接受|收悉|新收|办理|处理|办结|答复)((?:(?!受理|收到|接到|接收|办理|处理|办结|答复)[^。；;,，:：\n]){0,22}?)(?<!依)申请(?!人)/g;

/** The text (a clause up to a figure) ends with a 申请 whose qualifier names another business, not disclosure (受理城乡低保申请120件). */
export function namesOtherKindOfRequest(text: string): boolean {
  // the last 申请 is the one the figure after the text counts
  const qualifier = [...text.matchAll(QUALIFIED)].at(-1)?.[1];
  return qualifier !== undefined && !NAMES_DISCLOSURE.test(qualifier) && qualifier.replace(NEUTRAL, '') !== '';
}
