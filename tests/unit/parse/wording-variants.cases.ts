// Wordings a careful reader meets in reports of many provinces, written as variants of the facts'
// sentences (other verbs, word orders, numerals, approximations, totals and parts, negations,
// other scopes, stocks, other years), each with what it states: a value, or null when the
// sentence states no value for the metric. Reports on 2023 unless a case says otherwise.
import type { Template } from '../../../src/parse/types';

export interface WordingCase {
  text: string;
  expect: Record<string, number | null>;
  year?: number;
  template?: Template;
}

export const CASES: WordingCase[] = [
  // the year's total, in many forms
  { text: '2023年,本机关共主动公开政府信息1,236条。', expect: { 'p.total': 1236 } },
  { text: '本年度主动公开各类政府信息共计一千二百条。', expect: { 'p.total': 1200 } },
  { text: '全年共主动公开政府信息1.2万余条,有效保障了群众知情权。', expect: { 'p.total': 12000 } },
  { text: '本年度我局主动公开信息数量为356条。', expect: { 'p.total': 356 } },
  { text: '2023年,我镇通过各种渠道主动公开政府信息近300条。', expect: { 'p.total': 300 } },
  { text: '全年主动公开政府信息3456条,同比增长12.5%。', expect: { 'p.total': 3456 } },
  { text: '全年主动公开政府信息总数达到5678条。', expect: { 'p.total': 5678 } },
  { text: '我县2023年度共公开政府信息4521条。', expect: { 'p.total': 4521 } },
  { text: '本年度主动公开的政府信息共有812条。', expect: { 'p.total': 812 } },
  { text: '今年以来,共主动公开政府信息689条。', expect: { 'p.total': 689, 'p.cumulative': null } },
  { text: '全年共发布政府信息528条。', expect: { 'p.total': 528 } },
  { text: '主动公开政府信息1200条,比上年增加200条。', expect: { 'p.total': 1200 } },
  { text: '主动公开政府信息1200条,其中政策文件300条、政策解读150条。', expect: { 'p.total': 1200 } },
  { text: '全年累计主动公开政府信息2156条,其中通过政府网站公开1890条,通过政务新媒体公开266条。', expect: { 'p.total': 2156, 'p.website': 1890, 'p.other_channels': 266, 'p.cumulative': null } },
  { text: '2023年主动公开政府信息321条,全文电子化率100%。', expect: { 'p.total': 321 } },
  // not the year's total
  { text: '全市各县区共主动公开政府信息12万条。', expect: { 'p.total': null } },
  { text: '各乡镇(街道)主动公开政府信息3200条。', expect: { 'p.total': null } },
  { text: '市直各部门共主动公开政府信息8900条。', expect: { 'p.total': null } },
  { text: '2022年主动公开政府信息980条。', expect: { 'p.total': null } },
  { text: '主动公开政府信息较上年减少35条。', expect: { 'p.total': null } },
  { text: '2023年1月至11月,主动公开政府信息456条。', expect: { 'p.total': null } },
  { text: '上半年,我局主动公开政府信息120条。', expect: { 'p.total': null } },
  { text: '第一季度主动公开政府信息88条。', expect: { 'p.total': null } },
  { text: '编制主动公开目录15项。', expect: { 'p.total': null } },
  { text: '依申请公开政府信息35条。', expect: { 'p.total': null } },
  { text: '发布政策解读信息56条。', expect: { 'p.total': null } },
  { text: '在政府网站主动公开政府信息1200条。', expect: { 'p.total': null, 'p.website': 1200 } },
  { text: '主动公开政府信息的比例达到95%。', expect: { 'p.total': null } },
  { text: '全年不予公开政府信息3条。', expect: { 'p.total': null } },
  { text: '计划明年主动公开政府信息1000条以上。', expect: { 'p.total': null } },
  { text: '转发上级政府信息230条。', expect: { 'p.total': null } },
  // the website's share
  { text: '政府门户网站发布信息3456条。', expect: { 'p.website': 3456 } },
  { text: '通过县政府门户网站公开政府信息2,345条。', expect: { 'p.website': 2345 } },
  { text: '全年在区政府门户网站共发布各类信息1.5万条。', expect: { 'p.website': 15000 } },
  { text: '政府网站访问量达123456人次。', expect: { 'p.website': null, 'p.total': null } },
  { text: '政府网站共开设栏目45个。', expect: { 'p.website': null } },
  { text: '各乡镇在政府网站公开信息560条。', expect: { 'p.website': null } },
  // the other channels' share
  { text: '其中通过政府网站公开1070条,通过其他方式公开1476条。', expect: { 'p.website': 1070, 'p.other_channels': 1476 } },
  { text: '通过政府网站发布信息5000条,通过政务微博、微信公众号等新媒体发布信息2300条。', expect: { 'p.website': 5000, 'p.other_channels': 2300 } },
  { text: '通过政务微博发布信息320条,通过政务微信发布信息560条。', expect: { 'p.other_channels': null } },
  { text: '召开新闻发布会12场。', expect: { 'p.other_channels': null } },
  // the stock since the beginning
  { text: '截至2023年12月31日,累计主动公开政府信息23456条。', expect: { 'p.cumulative': 23456, 'p.total': null } },
  { text: '截至2023年底,我局累计主动公开政府信息5万余条。', expect: { 'p.cumulative': 50000, 'p.total': null } },
  { text: '自2008年以来累计主动公开政府信息8765条。', expect: { 'p.cumulative': 8765, 'p.total': null } },
  { text: '截至2022年底,累计主动公开政府信息7000条。', expect: { 'p.cumulative': null } },
  // requests
  { text: '全年共收到政府信息公开申请45件,较上年增加5件。', expect: { 'r.new.total': 45 } },
  { text: '本年度新收政府信息公开申请12件,上年结转3件。', expect: { 'r.new.total': 12, 'r.carried_in.total': 3 } },
  { text: '2023年,共受理依申请公开事项8件,均已按时办结。', expect: { 'r.new.total': 8 } },
  { text: '2023年,我办未收到政府信息公开申请。', expect: { 'r.new.total': 0 } },
  { text: '本年度无依申请公开事项。', expect: { 'r.new.total': 0 } },
  { text: '全年共受理群众来电来访126件。', expect: { 'r.new.total': null } },
  { text: '12345热线工单办结98件。', expect: { 'r.handled.total': null, 'r.new.total': null } },
  { text: '收到政府信息公开申请一十二件。', expect: { 'r.new.total': 12 } },
  { text: '全年办结政府信息公开申请40件,结转下年度办理5件。', expect: { 'r.handled.total': 40, 'r.carried_out.total': 5 } },
  { text: '从办理结果看,予以公开15件,部分公开3件,不予公开2件。', expect: { 'r.granted.total': 15, 'r.partial.total': 3, 'r.denied.total.total': 2 } },
  { text: '2022年共收到政府信息公开申请30件。', expect: { 'r.new.total': null } },
  { text: '全区各街道共收到政府信息公开申请60件。', expect: { 'r.new.total': null } },
  { text: '受理行政审批事项2356件。', expect: { 'r.new.total': null } },
  // review, litigation, fees
  { text: '收到行政复议申请2件。', expect: { 'rv.total': 2, 'r.new.total': null } },
  { text: '未发生因政府信息公开引起的行政复议和行政诉讼。本年度无其他事项。', expect: { 'rv.total': 0, 'lit.total': 0 } },
  { text: '本年度我单位没有因政府信息公开工作被申请行政复议或提起行政诉讼的情况。', expect: { 'rv.total': 0, 'lit.total': 0 } },
  { text: '本年度未收取任何费用。', expect: { 'fee.collected_yuan': 0 } },
  // round two: document numbers, parts in parentheses, averages, changes, other requests
  { text: '根据《关于做好政务公开工作的通知》(县政办发〔2023〕15号)要求,全年主动公开政府信息450条。', expect: { 'p.total': 450 } },
  { text: '通过政府网站、政务微博、微信公众号等渠道主动公开政府信息3200条。', expect: { 'p.total': 3200, 'p.website': null, 'p.other_channels': null } },
  { text: '全年主动公开政府信息3200条。其中,政府网站发布1800条,政务新媒体发布1400条。', expect: { 'p.total': 3200, 'p.website': 1800, 'p.other_channels': 1400 } },
  { text: '主动公开政府信息760条次。', expect: { 'p.total': 760 } },
  { text: '公开人事任免信息12条、财政预决算信息8条。', expect: { 'p.total': null } },
  { text: '全年主动公开政府信息同比增加320条。', expect: { 'p.total': null } },
  { text: '比2022年多公开政府信息300条。', expect: { 'p.total': null } },
  { text: '平均每月主动公开政府信息100条。', expect: { 'p.total': null } },
  { text: '每周更新发布信息不少于5条。', expect: { 'p.total': null } },
  { text: '累计发布政务微博3200条。', expect: { 'p.other_channels': null, 'p.cumulative': null } },
  { text: '收到公民、法人或其他组织提出的政府信息公开申请7件,已全部按时答复。', expect: { 'r.new.total': 7 } },
  { text: '共受理政府信息公开申请二十三件。', expect: { 'r.new.total': 23 } },
  { text: '全年受理政府信息公开申请较上年增加8件。', expect: { 'r.new.total': null } },
  { text: '全年受理各类申请100件,其中政府信息公开申请6件。', expect: { 'r.new.total': 6 } },
  { text: '全年共收到申请10件,其中政府信息公开申请6件。', expect: { 'r.new.total': 6 } },
  { text: '各县(市、区)共受理政府信息公开申请523件。', expect: { 'r.new.total': null } },
  { text: '全市共受理政府信息公开申请1234件。', expect: { 'r.new.total': 1234 } },
  { text: '因政府信息公开申请引起行政复议1件,维持原决定1件。', expect: { 'rv.total': 1 } },
  { text: '行政复议0件,行政诉讼0件。', expect: { 'rv.total': 0, 'lit.total': 0 } },
  { text: '2022年未收到政府信息公开申请。', expect: { 'r.new.total': null } },
  { text: '2022年发生行政复议案件1件。', expect: { 'rv.total': null } },
  { text: '本年度收取信息处理费0元。', expect: { 'fee.collected_yuan': 0 } },
  { text: '截至目前,我局累计主动公开政府信息1770条,其中2023年度主动公开政府信息202条。', expect: { 'p.cumulative': 1770, 'p.total': 202 } },
  { text: '截至目前,通过门户网站主动公开政府信息32条。', expect: { 'p.total': null, 'p.website': null, 'p.cumulative': null } },
  { text: '截至2023年12月31日共主动公开政府信息778余条。', expect: { 'p.total': null, 'p.cumulative': null } },
];
