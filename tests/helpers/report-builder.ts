// Builds a 2021-format report from chosen numbers, in the layouts real reports come in:
// HTML tables, text with one cell per line, and text rows with "|" separators.
import { APPLICANT_COLUMNS } from '../../src/shared/metrics';

export type Layout = 'html' | 'cell-per-line' | 'piped';

export interface TableReport {
  /** metric id → value printed in the table */
  values: Record<string, number>;
}

const PROACTIVE: [string, string[]][] = [
  ['规章', ['p.rules.issued', 'p.rules.repealed', 'p.rules.in_force']],
  ['行政规范性文件', ['p.normative.issued', 'p.normative.repealed', 'p.normative.in_force']],
  ['行政许可', ['p.license.decisions']],
  ['行政处罚', ['p.penalty.decisions']],
  ['行政强制', ['p.coercion.decisions']],
];

const REQUEST_ROWS: [string, string][] = [
  ['一、本年新收政府信息公开申请数量', 'new'],
  ['二、上年结转政府信息公开申请数量', 'carried_in'],
  ['(一)予以公开', 'granted'],
  ['(二)部分公开(区分处理的，只计这一情形，不计其他情形)', 'partial'],
  ['1.属于国家秘密', 'denied.state_secret'],
  ['2.其他法律行政法规禁止公开', 'denied.law_prohibited'],
  ['1.本机关不掌握相关政府信息', 'unable.not_held'],
  ['2.重复申请', 'rejected.duplicate'],
  ['3.其他', 'other.misc'],
  ['(七)总计', 'handled'],
  ['四、结转下年度继续办理', 'carried_out'],
];

export const REQUEST_METRICS = REQUEST_ROWS.flatMap(([, row]) => APPLICANT_COLUMNS.map((c) => `r.${row}.${c}`));
export const PROACTIVE_METRICS = PROACTIVE.flatMap(([, ids]) => ids);

function rows(values: Record<string, number>): string[][] {
  const out: string[][] = [['第二十条第(一)项'], ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']];
  for (const [label, ids] of PROACTIVE) out.push([label, ...ids.map((id) => String(values[id]))]);
  out.push(['三、收到和处理政府信息公开申请情况']);
  out.push(['申请人情况', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
  for (const [label, row] of REQUEST_ROWS) out.push([label, ...APPLICANT_COLUMNS.map((c) => String(values[`r.${row}.${c}`]))]);
  return out;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function renderReport(values: Record<string, number>, layout: Layout): string {
  const title = '某某县人民政府2022年政府信息公开工作年度报告';
  const grid = rows(values);
  if (layout === 'html') {
    const trs = grid.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('\n');
    return `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1><p>一、总体情况</p><table>${trs}</table></body></html>`;
  }
  const body = layout === 'piped' ? grid.map((r) => r.join(' | ') + ' |').join('\n') : grid.flat().join('\n\n');
  return `${title}\n一、总体情况\n${body}\n`;
}
