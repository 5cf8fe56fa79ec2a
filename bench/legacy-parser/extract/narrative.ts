// Values stated in sentences: "主动公开政府信息2546条", "共受理依申请公开2件", "没有…行政复议".
// Each rule is a pattern with one number slot; the first rule (in priority order) that
// matches gives a metric its value. Traps seen in real reports are rejected explicitly.
import { parseChineseNumeral, timesTenThousand } from '../normalise/numbers';
import { sourceSpan, type NormText } from '../normalise/text';
import type { Template, Value } from '../types';

/** Characters inside one comma clause / one sentence. */
const K = '[^。；;,，:：\\n]';
const C = '[^。；;\\n]';
const COUNT_UNIT = '(?:条次|条|件|宗|篇|份|个|项|人次|次|部|例)';
const N = `(?<pre>约|近|超过|超|达到|达)?\\s*(?<num>\\d[\\d,]*(?:\\.\\d+)?|[〇零一二两三四五六七八九十百千]+)\\s*(?<wan>万)?\\s*(?<post>余|多)?\\s*${COUNT_UNIT}`;
const MONEY = `(?<num>\\d[\\d,]*(?:\\.\\d+)?)\\s*(?<wan>万)?\\s*元`;

interface Rule {
  metric: string;
  re: RegExp;
  /** Drop a match whose text (or the 12 characters before it) matches this. */
  reject?: RegExp;
  /** A statement of zero without a number ("没有…行政复议"). */
  zero?: boolean;
  /** Drop a match followed by this (tested on the 16 characters after it). */
  rejectAfter?: RegExp;
  /** Several matches are parts to add up (信息不存在1件;不属于本机关1件). */
  sum?: boolean;
  /** Only for reports of these templates (narrative counterparts of table rows). */
  templates?: Template[];
  /** Rules of one group name one figure: recorded only when the whole text has exactly one match. */
  uniqueGroup?: string;
  /** A literal the text must contain for the rule to be tried (a cheap pre-filter). */
  needs?: RegExp;
  /** A figure that counts against the group's uniqueness but is never recorded itself. */
  countOnly?: boolean;
}

/** Characters inside one sentence, across semicolons (a list of outcomes: 维持5宗;纠正2宗). */
const S = '[^。\\n]';
const rx = (source: string) =>
  new RegExp(source.replaceAll('{N}', N).replaceAll('{M}', MONEY).replaceAll('{K}', K).replaceAll('{C}', C).replaceAll('{S}', S), 'g');

const NOT_REQUEST = /行政复议|诉讼|建议|提案|热线|12345|工单|来电|信访|咨询|留言|征询/;
const OTHER_SCOPE = /各县区|县区政府|各区县|各县\(市、区\)|各县市区|下属|所属|各乡镇|各街道/;
const CHANNELS = /网站|站点|门户|信息网|政府网|网页|网上|”网|微信|微博|公众号|新媒体|客户端|公报|报纸|报刊|电视|媒体/g;

/** A clause naming channels but not all of them (no "等", not web + others): the count is that channel's, not the all-channel total. */
function namesOneChannelOnly(clause: string): boolean {
  const canonical = (name: string) => (/网|门户/.test(name) ? 'web' : /微信|公众号/.test(name) ? 'wechat' : name);
  const names = new Set((clause.match(CHANNELS) ?? []).map(canonical));
  if (/等(自媒体|新媒体|媒体)/.test(clause)) return true;
  if (names.size === 0 || /各种|多种|不同渠道|等(不同|多种|各类)?(渠道|形式|途径|方式)/.test(clause)) return false;
  return !(names.has('web') && names.size > 1);
}

const GENERIC_OBJECT = /了|的|各类|各种|各项|政府|政务|工作|动态|主动公开|相关|信息|文件|稿件|数量|数据|共计|共|合计|为|达|有|数|条目|累计|约|近|超过|超/g;

/** "组织机构信息3条" is one category of the website's items, not its total (unless a list ends in 等). */
function namesACategory(object: string): boolean {
  return !/等/.test(object) && object.replace(GENERIC_OBJECT, '').replace(/\s/g, '').length > 0;
}

/** The comma clause before a match: rejections look here, not across the whole sentence. */
function clauseBefore(s: string, at: number): string {
  let i = at;
  while (i > 0 && at - i < 40 && !/[,，。；;:：\n]/.test(s[i - 1])) i--;
  return s.slice(i, at);
}

function sentenceBefore(s: string, at: number): string {
  let i = at;
  while (i > 0 && at - i < 120 && !/[。；;\n]/.test(s[i - 1])) i--;
  return s.slice(i, at);
}
const CAUSED_BY = /^.{0,2}(提起|引起|引发|产生|导致)/;
const T19: Template[] = ['table2019'];
const T21: Template[] = ['table2021'];
const VERB_MADE = '(制发|制定|发布|印发|出台|出台了|制定了|发布了)(并(主动)?公开)?';

const RULES: Rule[] = [
  // proactive disclosure
  { metric: 'p.website', re: rx(`(网站|门户网|网页|政府网|信息网|”网|子站点|信息公开平台|公开专栏){K}{0,25}?主动公开(?<obj>{K}{0,18}?){N}`), reject: /微信|微博|公众号|新媒体|客户端|抖音|视频号|栏目|专栏\d|网站\d+个|办结|申请|规章|规范性文件|建议|提案|解读|设置|个$/ },
  { metric: 'p.website', re: rx(`(网站|门户网|网页|政府网|信息网|”网|子站点|信息公开平台|公开专栏){K}{0,25}?(公开|发布|更新|刊发|发稿|推送)(?<obj>{K}{0,18}?){N}`), reject: /微信|微博|公众号|新媒体|客户端|抖音|视频号|栏目|专栏\d|网站\d+个|办结|申请|规章|规范性文件|建议|提案|解读|设置|个$/ },
  { metric: 'p.cumulative', re: rx(`(截至|截止|以来|至今|历年){C}{0,30}?累计{K}{0,12}?公开{K}{0,16}?{N}`), reject: /申请|网站/ },
  { metric: 'p.total', re: rx(`主动公开(了)?(?<obj>{K}{0,18}?)(信息|文件){K}{0,6}?{N}`), reject: /其中|申请|不予公开|[^各]类信息|类文件|规范性文件|名义|部门文件|其他途径|其他方式|其他渠道|其它|栏目/ },
  { metric: 'p.total', re: rx(`(共|全年|全年共)(计)?(发布|公开|生成)(了)?{K}{0,4}?{N}(的)?(政府|政务|各类)?信息`), reject: /申请/ },
  { metric: 'p.total', re: rx(`(公开|发布)(了)?(各类)?(的)?(政府|政务)?信息(共|共计|有)?{N}`), reject: /申请|其中|不予|其他途径|其他方式|其他渠道|其它|栏目/, rejectAfter: /^、/ },
  { metric: 'p.total', re: rx(`(共|全年)(在{K}{0,40}?)(发布|公开)(各类)?信息{N}`), reject: /申请/ },
  { metric: 'p.other_channels', uniqueGroup: 'channel', re: rx(`(其他方式|其他渠道|其它方式|其它渠道|其他途径|其它途径){K}{0,10}?{N}`), reject: /申请/ },
  { metric: 'p.other_channels', uniqueGroup: 'channel', re: rx(`(新媒体|微信|公众号|微博|自媒体|APP|客户端){K}{0,20}?(公开|发布|推送|推文){K}{0,10}?{N}`), reject: /申请|网站|其他方式|其他渠道|其他途径|不同渠道|等多种|各种/ },
  { metric: 'p.other_channels', uniqueGroup: 'channel', re: rx(`(发布|推送)(政务)?(微信|微博){N}`) },
  { metric: 'p.other_channels', uniqueGroup: 'channel', needs: /推文/, re: rx(`{N}推文`) },
  { metric: 'p.other_channels', uniqueGroup: 'channel', countOnly: true, re: rx(`(公报|新闻媒体|媒体|报刊|报纸)(上)?{K}{0,12}?(公开|发布|刊发|刊登){K}{0,10}?{N}`) },

  // narrative counterparts of the statutory table rows
  { metric: 'p.rules.issued', templates: T21, re: rx(`${VERB_MADE}{K}{0,14}?(政府)?规章{N}`), reject: /个$/ },
  { metric: 'p.normative.issued', templates: T21, re: rx(`${VERB_MADE}{K}{0,14}?(行政)?规范性文件{N}`), rejectAfter: /^[,，、]?(部门)?规范性文件/, reject: /个$/ },
  { metric: 'p.normative.issued', templates: T21, re: rx(`${VERB_MADE}{N}(政府|部门)?(行政)?规范性文件`) },
  { metric: 'p.normative.repealed', templates: T21, re: rx(`规范性文件{C}{0,12}?废止(了)?{K}{0,10}?{N}`), reject: /个$/ },
  { metric: 'p.normative.in_force', templates: T21, re: rx(`规范性文件{C}{0,30}?现行有效{K}{0,10}?{N}`) },
  { metric: 'p.normative.new_published', templates: T19, re: rx(`发布(了)?{K}{0,14}?(行政)?规范性文件{N}`), rejectAfter: /^[,，、]?(部门)?规范性文件/, reject: /个$/ },
  { metric: 'p.normative.new_made', templates: T19, re: rx(`(制发|制定|印发|出台)(了)?{K}{0,14}?(行政)?规范性文件{N}`), rejectAfter: /^[,，、]?(部门)?规范性文件/, reject: /个$/ },
  { metric: 'p.normative.new_made', templates: T19, needs: /规范性文件/, re: rx(`(制发|制定|印发|出台)(了)?{N}(政府|部门)?(行政)?规范性文件`) },
  { metric: 'p.license.decisions', templates: T21, re: rx(`行政许可(决定)?{N}`) },
  { metric: 'p.penalty.decisions', templates: T21, re: rx(`行政处罚(决定)?{N}`) },
  { metric: 'p.coercion.decisions', templates: T21, re: rx(`行政强制(决定)?{N}`) },

  // requests
  { metric: 'r.carried_in.total', re: rx(`(上年|上一年|上年度|上一年度)(度)?{K}{0,4}?结转{K}{0,14}?{N}`), reject: NOT_REQUEST },
  { metric: 'r.carried_in.total', re: rx(`结转上(一)?年度?{K}{0,10}?{N}`), reject: NOT_REQUEST },
  { metric: 'r.carried_in.total', re: rx(`接办上(一)?年(度)?{N}`) },
  { metric: 'r.carried_in.total', re: rx(`含\\d{4}年度?结转{N}`) },
  { metric: 'r.carried_in.total', re: rx(`\\d{4}年结转至\\d{4}年{N}`) },
  { metric: 'r.carried_out.total', re: rx(`(结转|转)(至)?(下|下一)年度?{K}{0,10}?{N}`), reject: NOT_REQUEST },
  { metric: 'r.carried_out.total', needs: /转/, re: rx(`{N}(结转|转)(至)?(下|下一|\\d{4})年度?`), reject: NOT_REQUEST },
  { metric: 'r.new.total', re: rx(`(受理|收到|接到|接收|新收)(了)?{K}{0,22}?(申请|请求)(事项)?{K}{0,6}?(共|共计|总数|数量为|数量)?{N}`), reject: /行政复议|诉讼|建议|提案|热线|12345|工单|来电|信访|咨询|留言|结转/, rejectAfter: /^[,，]?(其中|含)(上年|上一年)/ },
  { metric: 'r.new.total', re: rx(`(受理|收到|接到|接收)(了)?{K}{0,6}?{N}(的)?(政府信息公开|依申请公开|信息公开)?(的)?(申请|请求|信息)`), reject: NOT_REQUEST },
  { metric: 'r.new.total', re: /共受理(?<num>\d+)申请/g },
  { metric: 'r.new.total', re: /(收到|受理)(政府)?信息公开申请(?<num>\d+)(?=[,，。])/g },
  { metric: 'r.new.total', re: rx(`(^|[,，。)])(政府)?信息公开申请{N}[,，]申请内容`) },
  { metric: 'r.new.total', re: rx(`(共|全年共?)受理{N}`), reject: NOT_REQUEST },
  { metric: 'r.handled.total', re: rx(`(办结|答复)(完毕|完成)?(了)?{K}{0,18}?(申请){K}{0,6}?{N}`), reject: /行政复议|诉讼|建议|提案|热线|12345|工单|来电|信访|咨询|留言|征询|结转|受理|同比/, rejectAfter: /^[,，(（]?(其中)?.{0,3}结转/ },
  { metric: 'r.handled.total', re: rx(`(办理|处理)(完毕|完成)?(了)?{K}{0,18}?(申请){K}{0,6}?{N}`), reject: /行政复议|诉讼|建议|提案|热线|12345|工单|来电|信访|咨询|留言|征询|结转|受理|同比/, rejectAfter: /^[,，(（]?(其中)?.{0,3}结转|^.{0,40}结转下/ },
  { metric: 'r.handled.total', re: rx(`本年(度)?(办结|答复){N}`) },
  { metric: 'r.handled.total', re: rx(`(按时|已|按期|共|均已|当年|全部)(办结|答复|办理完成|办理完毕){N}`), reject: NOT_REQUEST },
  { metric: 'r.handled.total', re: rx(`[,，](办结|办理完成|办理完毕){N}`), reject: NOT_REQUEST },
  { metric: 'r.handled.total', needs: /办结|答复完毕|办理完毕/, re: rx(`[,，]{N}(已)?(办结|答复完毕|办理完毕)`), reject: NOT_REQUEST },
  { metric: 'r.carried_out.total', needs: /在办理|尚未办结/, re: rx(`[,，]{N}(正在办理|仍在办理|尚在办理|尚未办结)`), reject: NOT_REQUEST },
  { metric: 'r.granted.total', re: rx(`(予以公开|同意公开|全部公开){K}{0,3}?{N}`) },
  { metric: 'r.partial.total', re: rx(`部分公开{K}{0,3}?{N}`), reject: /予以公开及/ },
  { metric: 'r.partial.total', needs: /为部分公开/, re: rx(`{N}[,，](均)?为部分公开`) },
  { metric: 'r.denied.total.total', re: rx(`不予公开(?!信息|政府信息|的信息|类){K}{0,3}?{N}`) },
  { metric: 'r.unable.not_held.total', needs: /本机关不掌握/, re: rx(`{N}[,，]?(申请内容)?(为|均为|属于)本机关不掌握`) },
  { metric: 'r.unable.not_held.total', re: rx(`(信息不存在|不属于本(机关|单位|部门)|非本(机关|单位|部门)|不掌握){K}{0,12}?{N}`), sum: true, reject: /等原因/ },
  { metric: 'r.unable.need_creation.total', re: rx(`(没有现成信息|需要另行制作){K}{0,8}?{N}`) },
  { metric: 'r.unable.unclear.total', re: rx(`(申请内容(仍)?不明确){K}{0,8}?{N}`) },
  { metric: 'r.unable.total.total', re: rx(`无法提供{K}{0,3}?{N}`), reject: /不掌握|不存在/ },
  { metric: 'r.rejected.confirm_reissue.total', re: rx(`(确认或重新出具已获取信息){K}{0,8}?{N}`) },
  { metric: 'r.rejected.total.total', re: rx(`不予处理{K}{0,3}?{N}`) },
  { metric: 'r.other.total.total', re: rx(`其他处理{K}{0,3}?{N}`) },

  // review and litigation
  { metric: 'rv.total', re: rx(`行政复议(申请)?(案件)?{K}{0,3}?{N}`), reject: /诉讼|纠错|纠正/ },
  { metric: 'rv.total', needs: /行政复议/, re: rx(`{N}(的)?(被)?(因{K}{0,16}?)?(行政复议)(?!和|及|、)`) },
  { metric: 'rv.upheld', re: rx(`行政复议{S}{0,50}?{N}(被)?(结果)?维持`), reject: /诉讼(?!0)/ },
  { metric: 'rv.upheld', re: rx(`行政复议{S}{0,40}?维持(原)?(具体行政行为|答复|办理结果|结果|决定)?(的)?{N}`), reject: /诉讼(?!0)/ },
  { metric: 'rv.upheld', needs: /被行政复议/, re: rx(`{N}被行政复议(结果)?维持`) },
  { metric: 'rv.upheld', re: rx(`行政复议{N}[,，]?均(结果)?维持`) },
  { metric: 'rv.corrected', re: rx(`行政复议{S}{0,60}?{N}(被)?(结果)?(被)?纠正`), reject: /诉讼(?!0)/ },
  { metric: 'rv.corrected', re: rx(`行政复议{S}{0,60}?(结果)?(被)?纠正{N}`), reject: /诉讼(?!0)/ },
  { metric: 'rv.other', re: rx(`行政复议{S}{0,70}?{N}其他结果`), reject: /诉讼(?!0)/ },
  { metric: 'rv.pending', re: rx(`行政复议{S}{0,80}?{N}尚未审结`), reject: /诉讼(?!0)/ },
  { metric: 'rv.pending', re: rx(`行政复议{S}{0,80}?尚未审结{N}`), reject: /诉讼(?!0)/ },
  { metric: 'lit.total', re: rx(`(行政)?诉讼(的)?(案件)?(共)?{K}{0,5}?{N}`), reject: /复议后|纠错|纠正/ },

  // fees
  { metric: 'fee.collected_yuan', re: rx(`(收取|收费|收缴){K}{0,16}?{M}`), reject: /行政事业性收费/ },

  // statements of zero
  { metric: 'r.new.total', zero: true, re: rx(`(未|没有|无)(接到|收到|受理|发生|出现|有)(过)?{K}{0,16}?(政府信息公开|信息公开|依申请公开)(的)?(申请|请求)?`), reject: /纠错|纠正|因/, rejectAfter: CAUSED_BY },
  { metric: 'r.new.total', zero: true, re: rx(`没有依申请公开`) },
  { metric: 'rv.total', zero: true, re: rx(`(没有|未|无)(发生|出现|有)?{K}{0,30}?行政复议`), reject: /纠错|纠正/, rejectAfter: /^.{0,8}纠错/ },
  { metric: 'rv.total', zero: true, re: rx(`行政复议{K}{0,10}?(为零|为0|0件)`) },
  { metric: 'lit.total', zero: true, re: rx(`(没有|未|无)(发生|出现|有|被)?{K}{0,40}?(行政诉讼|诉讼案件|诉讼)`), reject: /纠错|纠正/, rejectAfter: /^纠错/ },
  { metric: 'p.total', zero: true, re: rx(`(暂未有|没有|未)主动公开(政府)?信息`) },
  { metric: 'fee.collected_yuan', zero: true, re: rx(`(未|没有|不|无)(收取|收)(任何)?{K}{0,20}?费`) },
  { metric: 'fee.collected_yuan', zero: true, re: rx(`没有{K}{0,12}?收费`) },
];

function numberOf(groups: Record<string, string | undefined>): number | null {
  const raw = groups.num ?? '';
  let value = /\d/.test(raw) ? Number(raw.replace(/,/g, '')) : parseChineseNumeral(raw);
  if (value === null || !Number.isFinite(value)) return null;
  if (groups.wan) value = timesTenThousand(value);
  return value;
}

export interface NarrativeOptions {
  /** Metrics already read from a table: the table wins. */
  known: Set<string>;
  template: Template | null;
}

export function extractNarrative(norm: NormText, options: NarrativeOptions): { values: Value[]; warnings: string[] } {
  const s = norm.s;
  const values: Value[] = [];
  const warnings: string[] = [];
  const done = new Set(options.known);
  const groupHits = new Map<string, Value[]>();
  for (const rule of RULES) {
    if (done.has(rule.metric)) continue;
    if (rule.templates && !(options.template && rule.templates.includes(options.template))) continue;
    if (rule.needs && !rule.needs.test(s)) continue;
    rule.re.lastIndex = 0;
    const found: Value[] = [];
    for (const m of s.matchAll(rule.re)) {
      const before = clauseBefore(s, m.index);
      if (rule.reject && (rule.reject.test(m[0]) || (!rule.uniqueGroup && rule.reject.test(before)))) continue;
      if (rule.rejectAfter?.test(s.slice(m.index + m[0].length, m.index + m[0].length + 48))) continue;
      if (rule.metric === 'p.website' && m.groups?.obj && namesACategory(m.groups.obj)) continue;
      if (rule.metric === 'p.total' && !rule.zero && namesOneChannelOnly(before + m[0])) continue;
      if (rule.metric === 'p.total' && /累计/.test(before + m[0]) && /截至|截止|以来|至今/.test(sentenceBefore(s, m.index))) continue;
      if (OTHER_SCOPE.test(before + m[0])) continue;
      if (rule.zero) {
        const { start, end } = sourceSpan(norm, m.index, m.index + m[0].length);
        found.push({ metric: rule.metric, value: 0, approx: false, derived: false, start, end, source: 'narrative' });
        break;
      }
      const g = m.groups ?? {};
      const value = numberOf(g);
      if (value === null) continue;
      const numAt = m.index + m[0].lastIndexOf(g.num!);
      const { start, end } = sourceSpan(norm, numAt, numAt + g.num!.length);
      const approx = Boolean(g.post) || g.pre === '约' || g.pre === '近' || g.pre === '超过' || g.pre === '超';
      found.push({ metric: rule.metric, value, approx, derived: false, start, end, source: 'narrative' });
      if (!rule.sum && !rule.uniqueGroup) break;
    }
    if (found.length === 0) continue;
    if (rule.uniqueGroup) {
      const hits = rule.countOnly ? found.map((v) => ({ ...v, metric: '' })) : found;
      groupHits.set(rule.uniqueGroup, [...(groupHits.get(rule.uniqueGroup) ?? []), ...hits]);
      continue;
    }
    done.add(rule.metric);
    if (found.length === 1) values.push(found[0]);
    else {
      const total = found.reduce((a, v) => a + v.value, 0);
      values.push({ ...found[0], value: total, derived: true, end: found[found.length - 1].end });
      warnings.push(`${rule.metric}: the sum of ${found.length} printed parts (${found.map((v) => v.value).join(' + ')})`);
    }
  }
  for (const [group, hits] of groupHits) {
    const distinct = [...new Map(hits.map((v) => [v.start, v])).values()];
    if (distinct.length === 1 && distinct[0].metric !== '' && !done.has(distinct[0].metric)) values.push(distinct[0]);
    else if (distinct.length > 1) warnings.push(`${group}: ${distinct.length} separate figures (${distinct.map((v) => v.value).join(', ')}) and no printed total; none recorded`);
  }
  return { values, warnings };
}
