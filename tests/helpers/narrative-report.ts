// A whole small 2015 narrative report around hand-written sentences (title, opening, headings,
// signature and date), for tests that read a sentence the way the parser meets it in a report.
import { expect } from 'vitest';
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

/** The issuer of the readings tests' reports, and the headings of the sections they write under (X: none, under 一、总体情况). */
export const COUNTY = '某某县人民政府';
export const HEADINGS = {
  P: '二、主动公开政府信息情况',
  R: '三、依申请公开政府信息情况',
  F: '四、政府信息公开的收费及减免情况',
  V: '五、因政府信息公开申请提起行政复议、提起行政诉讼的情况',
  X: '',
} as const;
export type Section = keyof typeof HEADINGS;

/** The printed values of `issuer`'s report with one sentence under `section`'s heading. */
export const readSentence = (section: Section, sentence: string, issuer = COUNTY) => printedValues(narrativeReport(issuer, ...[HEADINGS[section], sentence].filter(Boolean)));
/** The printed values of the county's report with these paragraphs under `section`'s heading. */
export const readParagraphs = (section: Section, ...paragraphs: string[]) => printedValues(narrativeReport(COUNTY, ...[HEADINGS[section], ...paragraphs].filter(Boolean)));
/** The values of `metrics` read, absent as undefined. */
export const pick = (got: Record<string, number>, metrics: string[]) => Object.fromEntries(metrics.map((m) => [m, got[m]]));

/** One case of the readings tests: the section, its paragraphs, and the values wanted of the metrics named. */
export type ReadingCase = [Section, string[], Record<string, number | undefined>];
/** Each case's paragraphs read under its section give the wanted values (absent as undefined). */
export const expectCases = (cases: ReadingCase[]) => {
  for (const [section, paragraphs, want] of cases) expect({ paragraphs, got: pick(readParagraphs(section, ...paragraphs), Object.keys(want)) }).toEqual({ paragraphs, got: want });
};
