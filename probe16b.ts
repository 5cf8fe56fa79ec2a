import { extractNarrative } from './src/parse/extract/narrative';
import { normaliseText } from './src/parse/normalise/text';
const read = (text: string, year: number) => {
  const { values, warnings } = extractNarrative(normaliseText(text), { known: new Set(), template: null, year });
  return { m: new Map(values.map((v) => [v.metric, v.value])), warnings };
};
type E = Record<string, number | null>;
const H2 = '二、主动公开政府信息情况\n';
const H3 = '三、依申请公开政府信息情况\n';
const H5 = '五、因政府信息公开申请提起行政复议、行政诉讼的情况\n';
const T = '2017年，本局主动公开政府信息2546条。\n';
const R = '本年度共收到政府信息公开申请12件。\n';
const cases: [string, E][] = [
  [H2 + T + '其中，政府网站1070条、其他1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
  [H2 + T + '其中网站公开1070条，其他渠道公开1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
  [H2 + T + '政府网站：1070条；其他渠道：1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
  [H2 + T + '通过政府网站公开1070条，通过其他渠道公开1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
  [H2 + T + '网站发布1070条，微博、微信、公开栏等其他渠道发布1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
  [H2 + T + '政府网站公开1070条，政务微博、微信公众号、政府公报、公开栏等渠道公开1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
  [H2 + T + '1070条通过政府网站公开，1476条通过其他渠道公开。', { 'p.website': 1070, 'p.other_channels': 1476 }],
  [H2 + T + '在政府网站公开1070条，在其他渠道公开1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
  [H2 + T + '其中政府网站公开数为1070条，其他渠道公开数为1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
  [H2 + T + '公开渠道方面，政府网站1070条，其他渠道1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
  [H2 + T + '以上信息，经由政府网站公开的1070条，经由其他渠道公开的1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
  [H2 + T + '网站公开信息占大多数，共1070条；其他渠道公开1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
  [H2 + T + '政府网站仍是主渠道，发布1070条，其他渠道发布1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
  [H2 + '主动公开政府信息总数：2546条。', { 'p.total': 2546 }],
  [H2 + '全年共计主动公开2546条。', { 'p.total': 2546 }],
  [H2 + '本年度，本局共计向社会公开政府信息2546条。', { 'p.total': 2546 }],
  [H2 + '本年度新增主动公开政府信息2546条。', { 'p.total': 2546 }],
  [H2 + '本局主动公开政府信息2546条，同比增长5%。', { 'p.total': 2546 }],
  [H2 + '主动公开政府信息2546条，其中政策文件300条。', { 'p.total': 2546 }],
  [H2 + '本局2017年主动公开的信息数量为2546条。', { 'p.total': 2546 }],
  [H2 + '2546条，是本局2017年主动公开的政府信息数。', { 'p.total': 2546 }],
  [H2 + '本年度本局主动公开的政府信息达到2546条。', { 'p.total': 2546 }],
  [H2 + '全年主动发布各类政府信息2546条。', { 'p.total': 2546 }],
  [H2 + '通过各类渠道主动公开政府信息2546条。', { 'p.total': 2546 }],
  [H3 + R + '同意公开8件，部分公开2件，不予公开2件。', { 'r.granted.total': 8 }],
  [H3 + R + '办理结果：同意公开8件；部分公开2件。', { 'r.granted.total': 8 }],
  [H3 + R + '其中同意公开8件。', { 'r.granted.total': 8 }],
  [H3 + R + '其中予以公开的有8件。', { 'r.granted.total': 8 }],
  [H3 + R + '经审查，8件予以公开，2件部分公开，2件不予公开。', { 'r.granted.total': 8 }],
  [H3 + R + '对8件申请予以全部公开，对2件申请部分公开。', { 'r.granted.total': 8 }],
  [H3 + R + '8件为同意公开，2件为部分公开。', { 'r.granted.total': 8 }],
  [H3 + R + '答复结果为：公开8件，部分公开2件。', { 'r.granted.total': 8 }],
  [H3 + R + '全部公开：8件；部分公开：2件。', { 'r.granted.total': 8, 'r.partial.total': 2 }],
  [H3 + R + '依申请公开8件，部分公开2件。', { 'r.granted.total': 8 }],
  [H3 + R + '其中，依申请予以公开8件。', { 'r.granted.total': 8 }],
  [H3 + '本年度收到申请12件，已办结12件。', { 'r.handled.total': 12 }],
  [H3 + R + '已办结10件。', { 'r.handled.total': 10 }],
  [H3 + R + '办结10件。', { 'r.handled.total': 10 }],
  [H3 + R + '全年共办结10件。', { 'r.handled.total': 10 }],
  [H3 + R + '已按时答复10件。', { 'r.handled.total': 10 }],
  [H3 + R + '全部办结10件，均在法定期限内答复。', { 'r.handled.total': 10 }],
  [H3 + R + '已办结的申请10件。', { 'r.handled.total': 10 }],
  [H3 + R + '答复完毕10件。', { 'r.handled.total': 10 }],
  [H3 + R + '办结件数：10件。', { 'r.handled.total': 10 }],
  [H3 + R + '10件已答复。', { 'r.handled.total': 10 }],
  [H3 + R + '结转下年度2件。', { 'r.carried_out.total': 2 }],
  [H3 + R + '尚未办结2件。', { 'r.carried_out.total': 2 }],
  [H3 + R + '正在办理2件。', { 'r.carried_out.total': 2 }],
  [H3 + R + '2件正在办理中。', { 'r.carried_out.total': 2 }],
  [H3 + R + '转入下一年度办理的2件。', { 'r.carried_out.total': 2 }],
  [H3 + R + '2件转入下年度办理。', { 'r.carried_out.total': 2 }],
  [H3 + R + '年底仍在办理的2件。', { 'r.carried_out.total': 2 }],
  [H3 + R + '结转：2件。', { 'r.carried_out.total': 2 }],
  [H3 + R + '尚在办理中的申请有2件。', { 'r.carried_out.total': 2 }],
  [H3 + '全年受理申请12件，接收12件。', { 'r.new.total': 12 }],
  [H3 + '全年收到申请：12件。', { 'r.new.total': 12 }],
  [H3 + '申请总数：12件。', { 'r.new.total': 12 }],
  [H3 + '本年度依申请公开政府信息12件。', { 'r.new.total': 12 }],
  [H3 + '12件，为本年度受理的政府信息公开申请数。', { 'r.new.total': 12 }],
  [H3 + '本年度申请人提出申请12件。', { 'r.new.total': 12 }],
  [H3 + '本年度共有12件政府信息公开申请。', { 'r.new.total': 12 }],
  [H3 + '本年度共登记申请12件。', { 'r.new.total': 12 }],
  [H3 + '本年度本局受理的信息公开申请共计12件。', { 'r.new.total': 12 }],
  [H3 + '本年度政府信息公开申请数量为12件。', { 'r.new.total': 12 }],
  [H3 + '全年共受理依申请公开12件，同比增加2件。', { 'r.new.total': 12 }],
  [H5 + '行政复议2件，行政诉讼1件。', { 'rv.total': 2, 'lit.total': 1 }],
  [H5 + '本年度发生行政复议2件、行政诉讼1件。', { 'rv.total': 2, 'lit.total': 1 }],
  [H5 + '被申请行政复议2次，被提起行政诉讼1次。', { 'rv.total': 2, 'lit.total': 1 }],
  [H5 + '行政复议：2件；行政诉讼：1件。', { 'rv.total': 2, 'lit.total': 1 }],
  [H5 + '2件行政复议，1件行政诉讼。', { 'rv.total': 2, 'lit.total': 1 }],
  [H5 + '本局共收到行政复议申请2件，行政诉讼1件。', { 'rv.total': 2, 'lit.total': 1 }],
  [H5 + '本局作为被申请人的行政复议案件2件，作为被告的行政诉讼案件1件。', { 'rv.total': 2, 'lit.total': 1 }],
  [H5 + '申请人申请行政复议2件，提起行政诉讼1件。', { 'rv.total': 2, 'lit.total': 1 }],
  [H5 + '因政府信息公开引发行政复议2件，行政诉讼1件。', { 'rv.total': 2, 'lit.total': 1 }],
  [H5 + '行政复议案件2件，其中维持1件；行政诉讼案件1件。', { 'rv.total': 2, 'lit.total': 1 }],
  [H5 + '复议2件，诉讼1件。', { 'rv.total': 2, 'lit.total': 1 }],
  [H5 + '行政复议共2件，行政诉讼共1件。', { 'rv.total': 2, 'lit.total': 1 }],
  [H5 + '行政复议数为2件，行政诉讼数为1件。', { 'rv.total': 2, 'lit.total': 1 }],
  [H5 + '本年度本局涉及政府信息公开的行政复议有2件，行政诉讼有1件。', { 'rv.total': 2, 'lit.total': 1 }],
  [H5 + '本局本年度被申请政府信息公开行政复议2件，被提起政府信息公开行政诉讼1件。', { 'rv.total': 2, 'lit.total': 1 }],
  [H5 + '本年度未发生行政复议，发生行政诉讼1件。', { 'rv.total': 0, 'lit.total': 1 }],
  [H5 + '行政复议零件，行政诉讼零件。', { 'rv.total': 0, 'lit.total': 0 }],
  [H5 + '本年度行政复议和行政诉讼数均为零。', { 'rv.total': 0, 'lit.total': 0 }],
  [H5 + '发生行政复议案件2件（均维持原决定）和行政诉讼1件。', { 'rv.total': 2, 'lit.total': 1 }],
  [H5 + '政府信息公开行政复议2件、行政诉讼1件，均已审结。', { 'rv.total': 2, 'lit.total': 1 }],
];
let bad = 0;
for (const [t, e] of cases) {
  const { m, warnings } = read(t, 2017);
  const diffs = Object.entries(e).filter(([k, v]) => (m.get(k) ?? null) !== v).map(([k, v]) => `${k}: want ${v} got ${m.get(k) ?? null}`);
  if (diffs.length) { bad++; console.log('FAIL', JSON.stringify(t.split('\n').slice(1).join('/')), '\n   ', diffs.join('; '), warnings.length ? '\n    W ' + warnings.join(' | ') : ''); }
}
console.log(bad, 'of', cases.length, 'fail');
