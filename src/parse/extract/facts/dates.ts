// The statistics year of a report and the date it was published.
import { parseChineseNumeral } from '../../normalise/numbers';

export const ZH_YEAR = '[〇零一二三四五六七八九○]{4}';
export const ZH_SMALL = '[一二三四五六七八九十]{1,3}';

/** The head of a report, where a page prints its date. */
const HEAD_CHARS = 3000;

/** A year 2000–2100 printed in Arabic digits or digit by digit in Chinese (二〇一八). */
export function yearOf(text: string): number | null {
  const n = /^\d{4}$/.test(text) ? Number(text) : parseChineseNumeral(text.replace(/○/g, '〇'));
  return n !== null && n >= 2000 && n <= 2100 ? n : null;
}

const TITLE_YEAR = new RegExp(`(\\d{4}|${ZH_YEAR})\\s*年\\s*度?\\s*(的)?\\s*(政府|政务)?\\s*信息\\s*公开`);
/** A report's name with its year (2014年度政府信息公开工作年度报告), not a plan (2015年政府信息公开工作我们将…). */
const REPORT_YEAR = new RegExp(`(\\d{4}|${ZH_YEAR})\\s*年\\s*度?\\s*(?:的)?\\s*(?:政府|政务)?\\s*信息\\s*公开[^。，,；;\\n]{0,12}?(?:报告|年报)`);
const BODY_YEAR = [
  /统计期限(?:自|为)?\s*(\d{4})\s*年/,
  /(\d{4})\s*年度?\s*[,，]?\s*(?:我|本|全)(?:局|委|办|街|镇|乡|区|县|市|省|单位|中心|处|部门)/,
];

/**
 * The statistics year: the title's (read with the issuer), a year before 信息公开 in the head,
 * 统计期限…/2020年,我局…, any 〈year〉政府信息公开, the year before publication, the file name.
 */
export function findYear(s: string, fileName?: string, published?: string | null, titleYear: number | null = null): number | null {
  if (titleYear) return titleYear;
  const head = s.slice(0, 1500);
  for (const re of [REPORT_YEAR, TITLE_YEAR]) {
    const inHead = re.exec(head);
    if (!inHead) continue;
    const y = yearOf(inHead[1]);
    if (y && re === REPORT_YEAR) return y;
    if (y) {
      // a bare 〈year〉政府信息公开 in the head yields to the body's 2014年,我镇… (a plan for next year: 2015年政府信息公开工作我们将…)
      for (const b of BODY_YEAR) {
        const m = b.exec(s);
        const body = m && yearOf(m[1]);
        if (body) return body;
      }
      return y;
    }
  }
  for (const re of BODY_YEAR) {
    const m = re.exec(s);
    if (m) {
      const y = yearOf(m[1]);
      if (y) return y;
    }
  }
  const any = TITLE_YEAR.exec(s);
  if (any) {
    const y = yearOf(any[1]);
    if (y) return y;
  }
  if (published) return Number(published.slice(0, 4)) - 1;
  const fromName = fileName ? /(?:^|[^\d])(20[0-3]\d)(?:[^\d]|$)/.exec(fileName.split(/[\\/]/).pop() ?? '') : null;
  return fromName ? Number(fromName[1]) : null;
}

const pad = (n: number) => String(n).padStart(2, '0');
function isoDate(y: number, m: number, d: number): string | null {
  if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

const LABELLED_DATE = /(发布时间|发布日期|公开日期|发文日期|成文日期|日期|(?:^|\n)[ \t•·]*时间)\s*[:：|]?\s*\|?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?![\d.]|\s*日?\s*(?:起|至|到|[-—~]))/;
/** A web page's date on its own line under the title, or before 来源: "• 2016-01-21", "2016-02-18 来源: 本网". */
const PAGE_DATE = /(?:^|\n)[ \t•·]*(\d{4})(?:-(\d{1,2})-(\d{1,2})|年(\d{1,2})月(\d{1,2})日)(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?[ \t]*(?:\n|来源)/;
/** A web page's date ending the line under the title, after the site's name: "银川市人民政府门户网站 www.yinchuan.gov.cn 2023-01-28". */
const SITE_DATE = /\n[^\n]{0,60}(?:网|www\.|gov)[^\n]{0,40}[ \t](\d{4})-(\d{1,2})-(\d{1,2})[ \t]*\n/;
const SIGNED_DATE = new RegExp(`(?:^|\\n)\\s*(\\d{4}|${ZH_YEAR})\\s*年\\s*(\\d{1,2}|${ZH_SMALL})\\s*月\\s*(\\d{1,2}|${ZH_SMALL})\\s*日\\s*(?=\\n|$)`, 'g');

const num = (t: string) => (/^\d+$/.test(t) ? Number(t) : parseChineseNumeral(t) ?? 0);

export function findPublished(s: string): string | null {
  const head = s.slice(0, HEAD_CHARS);
  const labelled = LABELLED_DATE.exec(head);
  if (labelled) return isoDate(Number(labelled[2]), Number(labelled[3]), Number(labelled[4]));
  const page = PAGE_DATE.exec(head.slice(0, 1500));
  if (page) {
    const d = isoDate(Number(page[1]), Number(page[2] ?? page[4]), Number(page[3] ?? page[5]));
    if (d) return d;
  }
  const site = SITE_DATE.exec(head.slice(0, 600));
  if (site) {
    const d = isoDate(Number(site[1]), Number(site[2]), Number(site[3]));
    if (d) return d;
  }
  let last: string | null = null;
  for (const m of s.matchAll(SIGNED_DATE)) last = isoDate(yearOf(m[1]) ?? 0, num(m[2]), num(m[3])) ?? last;
  return last;
}
