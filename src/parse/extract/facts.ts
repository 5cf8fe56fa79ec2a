// Report facts: statistics year, published date, issuer, jurisdiction, level, scope.
import { parseChineseNumeral } from '../normalise/numbers';
import type { Level, Scope } from '../types';

const ZH_YEAR = '[〇零一二三四五六七八九]{4}';
const ZH_SMALL = '[一二三四五六七八九十]{1,3}';

function yearOf(text: string): number | null {
  const n = /^\d{4}$/.test(text) ? Number(text) : parseChineseNumeral(text);
  return n !== null && n >= 2000 && n <= 2100 ? n : null;
}

const TITLE_YEAR = new RegExp(`(\\d{4}|${ZH_YEAR})\\s*年\\s*度?\\s*(的)?\\s*(政府|政务)?\\s*信息\\s*公开`);
const BODY_YEAR = [
  /统计期限(自|为)?\s*(\d{4})\s*年/,
  /(\d{4})\s*年度?\s*[,，]?\s*(我|本|全)(局|委|办|街|镇|乡|区|县|市|省|单位|中心|处|部门)/,
];

export function findYear(s: string, fileName?: string, published?: string | null): number | null {
  const head = s.slice(0, 1500);
  const title = TITLE_YEAR.exec(head);
  if (title) {
    const y = yearOf(title[1]);
    if (y) return y;
  }
  for (const re of BODY_YEAR) {
    const m = re.exec(s);
    if (m) {
      const y = yearOf(m[2] ?? m[1]);
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

const LABELLED_DATE = /(发布时间|发布日期|公开日期|发文日期|成文日期|日期)\s*[:：]?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const SIGNED_DATE = new RegExp(`(?:^|\\n)\\s*(\\d{4}|${ZH_YEAR})\\s*年\\s*(\\d{1,2}|${ZH_SMALL})\\s*月\\s*(\\d{1,2}|${ZH_SMALL})\\s*日\\s*(?=\\n|$)`, 'g');

const num = (t: string) => (/^\d+$/.test(t) ? Number(t) : parseChineseNumeral(t) ?? 0);

export function findPublished(s: string): string | null {
  const labelled = LABELLED_DATE.exec(s.slice(0, 3000));
  if (labelled) return isoDate(Number(labelled[2]), Number(labelled[3]), Number(labelled[4]));
  let last: string | null = null;
  for (const m of s.matchAll(SIGNED_DATE)) last = isoDate(num(m[1]), num(m[2]), num(m[3])) ?? last;
  return last;
}

const ISSUER_SUFFIX = /(人民政府办公厅|人民政府办公室|人民政府|政府办公室|政府办公厅|办公室|办公厅|委员会|管理委员会|管委会|街道办事处|办事处|分局|局|委|办|中心|厅|署|政府)$/;

function cleanIssuer(text: string): string | null {
  const t = text.replace(/^[\s•·]+|[\s:：]+$/g, '').replace(/\s+/g, '');
  if (t.length < 2 || t.length > 40) return null;
  if (/[,，。;；、]/.test(t)) return null;
  return t;
}

export function findIssuer(s: string): string | null {
  // The signature: a body name on the line right before the closing date.
  const lines = s.split('\n').map((l) => l.trim());
  for (let i = lines.length - 1; i > 0; i--) {
    if (/^(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日$/.test(lines[i])) {
      for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
        if (lines[j] === '') continue;
        const c = cleanIssuer(lines[j]);
        if (c && ISSUER_SUFFIX.test(c)) return c;
        break;
      }
    }
  }
  // The title: "<issuer><year>年度政府信息公开工作年度报告"; the issuer is the name run before the year.
  const head = s.slice(0, 1500);
  const title = TITLE_YEAR.exec(head);
  if (title) {
    const lineStart = head.lastIndexOf('\n', title.index) + 1;
    const run = /[\u4e00-\u9fff()（）\s]{2,40}$/.exec(head.slice(Math.max(lineStart, title.index - 40), title.index).replace(/关于\s*$/, ''));
    const c = run ? cleanIssuer(run[0].replace(/^.*?(首页|当前位置|正文)/, '')) : null;
    if (c) return c;
  }
  const compiledBy = /由([\u4e00-\u9fff]{2,30}?)(编制|制作)/.exec(s);
  if (compiledBy) return cleanIssuer(compiledBy[1]);
  return null;
}

const MUNICIPALITIES = /^(北京市|上海市|天津市|重庆市)$/;

export function jurisdictionOf(issuer: string | null): string | null {
  if (!issuer) return null;
  const base = issuer.replace(/(人民政府办公厅|人民政府办公室|人民政府|政府办公室|政府办公厅|政府)$/, '');
  const m = /^(.*?(?:省|自治区|市|自治州|州|盟|地区|县|自治县|旗|区|镇|乡|街道))(?!.*(?:省|自治区|市|自治州|县|旗|区|镇|乡|街道))/.exec(base);
  if (m) return m[1].replace(/办事处$/, '');
  const street = /^(.*?街道)办事处$/.exec(base);
  return street ? street[1] : base || null;
}

export function levelOf(issuer: string | null): Level | null {
  if (!issuer) return null;
  if (/(办公厅|办公室|局|委员会|委|管委会|中心|分局|署|所|队|院|馆|站)$/.test(issuer) && !/(街道办事处|办事处)$/.test(issuer)) return 'department';
  const gov = issuer.replace(/(人民政府|政府)$/, '');
  if (/(街道|街道办事处|办事处|镇|乡)$/.test(gov)) return 'town';
  if (/(县|自治县|旗|区|县级市)$/.test(gov)) return 'county';
  if (MUNICIPALITIES.test(gov) || /(省|自治区)$/.test(gov)) return 'province';
  if (/(市|自治州|州|盟|地区)$/.test(gov)) return 'city';
  return null;
}

const AREA = /(全(市|区|县|省|旗|州)(各级|各部门|各单位|政府系统)?[^。；\n]{0,12}(共|累计|合计)?(主动公开|收到|受理|发布)|综合[^。]{0,40}(各部门|各区|各县|各镇|各乡|各单位|行政区域内)[^。]{0,30}(年度报告|总体情况|编制)|本(市|区|县)(各级)?行政机关[^。]{0,10}(共|累计))/;

export function scopeOf(s: string, level: Level | null): Scope {
  if (level === 'department' || level === 'town') return 'self';
  return AREA.test(s) ? 'area' : 'self';
}
