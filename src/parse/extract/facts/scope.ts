// Whether a report is a body's own or an area summary (its own and its units' figures).
import type { Level, Scope } from '../../types';

/**
 * Wordings that only a summary of several bodies prints. Each is tried over the text on its own:
 * a text holds one of them exactly when it holds their alternation, and V8 scans for one
 * pattern's first characters far faster than for those of nine alternatives at every position
 * (the seeds: ~15 µs a report for the five passes against ~28 for one pass of them joined).
 */
const AREA_SIGNS: readonly RegExp[] = [
  // a total for the whole area: 全区各部门公开政府信息共15278条, 全市主动公开…, 综合各部门…年度报告编制
  /(全(市|区|县|省|旗|州)(各级|各部门|各单位|政府系统)?[^。；\n]{0,12}(共|累计|合计)?(主动公开|收到|受理|发布|办结)|综合[^。]{0,40}(各部门|各区|各县|各镇|各乡|各单位|行政区域内)[^。]{0,30}(年度报告|总体情况|编制)|本(市|区|县)(各级)?行政机关[^。]{0,10}(共|累计)|全(?:市|区|县)(?:各部门|各单位)(?:共|累计)?(?:主动)?公开(?:政府)?信息(?:共|累计)?\s*\d|我(?:市|区|县)\s*[(（]\s*含各(?:部门|单位))/,
  // one unit's figures left out of the totals: (…海珠区分局数据未纳入上述统计)
  /(?:局|分局|委|办|中心|街道|镇|乡)[^。；\n]{0,12}未(?:纳入|计入)(?:上述|以上)?统计/,
  // the work of all the area's units: 在全市各单位的努力下
  /(?:在|经过|通过|依靠)全(?:市|区|县|省|旗|州)各(?:级|部门|单位|地)[^。；\n]{0,12}(?:努力|共同|配合)/,
  // a count by the area's own units (自治区直属机关主动公开政府信息16848条, 市直各部门共公开…): a summary counts them apart
  /(?:省|自治区|市|县|区)(?:政府)?直属?各?(?:机关|部门|单位)[^。；;\n]{0,12}?(?:主动)?(?:公开|发布|受理|收到)[^。；;\n]{0,16}?\d/,
  // a count by the area's groups of units together, its name left out: 各乡镇、各部门共主动公开…1520条, 各乡镇、县直各部门共受理…125件
  /(?:各(?:乡镇|镇街|街道|县区|区县|乡|镇)(?:[（(][^）)]{1,6}[）)])?[、和及与](?:(?:县|市|区|旗)直|(?:县|市|区)政府)?各(?:部门|单位)|(?:(?:县|市|区|旗)直|(?:县|市|区)政府)?各(?:部门|单位)[、和及与]各(?:乡镇|镇街|街道|县区|区县|乡|镇))[^。；;\n]{0,6}?(?:共|累计|合计)(?:主动公开|公开|发布|受理|收到)[^。；;\n]{0,16}?\d/,
  // a count by every level of the area: 全市各级行政执法主体…向社会公开…信息40万条
  /全(?:市|区|县|省)各级[^。；\n]{0,40}(?:公开|发布)[^。；\n]{0,20}\d/,
];

export function scopeOf(s: string, level: Level | null): Scope {
  if (level === 'department' || level === 'town') return 'self';
  // A city speaking as 我市/广州市 rather than as its government is not enough: cities' own
  // reports speak so too (the generator's city reports, as real ones do); see bench/truth-questions-facts.md.
  return AREA_SIGNS.some((re) => re.test(s)) ? 'area' : 'self';
}
