import { extractNarrative } from './src/parse/extract/narrative';
import { normaliseText } from './src/parse/normalise/text';
const read = (text: string, year: number) => {
  const { values, warnings } = extractNarrative(normaliseText(text), { known: new Set(), template: null, year });
  return { m: new Map(values.map((v) => [v.metric, v.value])), warnings };
};
type E = Record<string, number | null>;
const H2 = '二、主动公开政府信息情况\n';
const T = '2017年，本局主动公开政府信息2546条。\n';
const cases: [string, E][] = [
  [H2 + T + '其中，政府网站公开1070条，通过档案馆、图书馆等查阅点公开1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
  [H2 + T + '其中，政府网站公开1070条，通过公示栏公开1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
  [H2 + T + '其中，政府网站公开1070条，通过政务服务中心公开1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
  [H2 + T + '其中，政府网站公开1070条，通过新闻发布会发布1476条。', { 'p.website': 1070 }],
  [H2 + T + '其中，政府网站公开1070条，通过政府公报、新闻发布会、广播电视、报刊等其他方式公开1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
  [H2 + T + '其中，政府网站公开1070条，通过公开栏、电子显示屏、档案馆等其他途径公开1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
  [H2 + T + '其中，门户网站公开1070条；政务微博、微信公众号等新媒体公开1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
  [H2 + T + '网站：1070条。其他：1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
  [H2 + T + '政府网站1070条，占42%；其他渠道1476条，占58%。', { 'p.website': 1070, 'p.other_channels': 1476 }],
  [H2 + '主动公开政府信息条数为2546。', { 'p.total': 2546 }],
  ['三、依申请公开情况\n本年度受理政府信息公开申请件数为12。', { 'r.new.total': 12 }],
  ['五、行政复议情况\n行政复议案件数为2，行政诉讼案件数为1。', { 'rv.total': 2, 'lit.total': 1 }],
  ['本年度共有12件政府信息公开申请。', { 'r.new.total': 12 }],
  ['复议2件，诉讼1件。', { 'rv.total': 2, 'lit.total': 1 }],
  ['未经复议直接起诉2件。', { 'rv.total': null }],
  ['复议后起诉1件。', { 'rv.total': null }],
  // negatives: a list of channels after something not disclosed, or after a stock
  [H2 + '截至2017年底，累计主动公开政府信息25460条。\n其中，政府网站10700条、其他14760条。', { 'p.website': null, 'p.other_channels': null }],
  [H2 + '本年度共接待来访群众120人次。\n其中，政府网站1070条。', { 'p.website': null }],
  [H2 + '本年度共编发政务信息300条。\n其中，政府网站采用120条，市委办采用50条。', { 'p.website': null }],
  ['三、依申请公开情况\n本年度共收到政府信息公开申请12件。\n其中，网站申请8件，其他4件。', { 'p.website': null, 'p.other_channels': null, 'r.new.total': 12 }],
  [H2 + '本年度通过政府网站主动公开政府信息1070条。\n政府网站：1070条。', { 'p.website': 1070 }],
  ['时间：2017年12月31日前，共受理申请12件。', { 'r.new.total': 12 }],
];
let bad = 0;
for (const [t, e] of cases) {
  const { m, warnings } = read(t, 2017);
  const diffs = Object.entries(e).filter(([k, v]) => (m.get(k) ?? null) !== v).map(([k, v]) => `${k}: want ${v} got ${m.get(k) ?? null}`);
  if (diffs.length) { bad++; console.log('FAIL', JSON.stringify(t), '\n   ', diffs.join('; '), warnings.length ? '\n    W ' + warnings.join(' | ') : ''); }
}
console.log(bad, 'of', cases.length, 'fail');
