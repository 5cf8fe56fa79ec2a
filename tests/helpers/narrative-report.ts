// A whole small 2015 narrative report around hand-written sentences (title, opening, headings,
// signature and date), for tests that read a sentence the way the parser meets it in a report.
import { parseReport } from '../../src/parse';

export function narrativeReport(issuer: string, ...body: string[]): string {
  return [
    `${issuer}2015年政府信息公开工作年度报告`,
    `根据《中华人民共和国政府信息公开条例》规定，现公布${issuer}2015年政府信息公开工作年度报告。本报告中所列数据的统计期限自2015年1月1日起至2015年12月31日止。`,
    '一、总体情况',
    '2015年，认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开各项工作。',
    ...body,
    '六、存在的主要问题及改进情况',
    '公开内容的深度和广度还需进一步拓展。',
    issuer,
    '2016年3月1日',
  ].join('\n');
}

/** The values a report prints (not derived), metric → value. */
export const printedValues = (text: string) =>
  Object.fromEntries(parseReport(text).values.filter((v) => !v.derived).map((v) => [v.metric, v.value]));
