// Adversarial sentences written by hand (no report says them so; each class is one a careful
// reader must get right): parts before their total, the total after its parts, parts only,
// another scope, last year, figures before their channel. Each is read through the whole
// narrative extractor with its expected reading; null: the metric must not be read (a part, or
// a role not proven, gives no value, never a guess).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/parse';
import { extractNarrative } from '../../../src/parse/extract/narrative';
import { normaliseText } from '../../../src/parse/normalise/text';

const read = (text: string, year: number) => {
  const { values } = extractNarrative(normaliseText(text), { known: new Set(), template: null, year });
  return new Map(values.map((v) => [v.metric, v.value]));
};

type Expect = Record<string, number | null>;
const CLASSES: Record<string, [string, Expect][]> = {
  'parts before their total': [
    ['当面申请3件、网络申请5件、信函申请2件，合计收到政府信息公开申请10件。', { 'r.new.total': 10 }],
    ['本年度共收到政府信息公开申请10件，其中当面申请3件、网络申请5件、信函申请2件。', { 'r.new.total': 10 }],
    ['2018年共受理政府信息公开申请12件，其中网上申请8件。', { 'r.new.total': 12 }],
    ['全年新收申请十二件，其中当面申请三件。', { 'r.new.total': 12 }],
    ['申请总量为12件，其中网上申请8件、当面申请4件。', { 'r.new.total': 12 }],
    ['本年度收到政府信息公开申请12件，其中自然人申请8件。', { 'r.new.total': 12 }],
    ['予以公开的申请共7件，其中网上申请5件。', { 'r.granted.total': 7 }],
  ],
  'a heading governs the figures on the line under it': [
    ['主动公开\n公开8件，部分公开2件，不予公开1件。', { 'r.granted.total': null }],
    ['依申请公开办理结果\n公开8件，部分公开2件，不予公开1件。', { 'r.granted.total': 8 }],
  ],
  'the total after its parts': [
    ['网上申请7件，当面申请5件，共计12件。', { 'r.new.total': 12 }],
    ['受理申请数量：当面3件，网络5件，信函2件，合计10件。', { 'r.new.total': 10 }],
    ['当面申请和网上申请共12件。', { 'r.new.total': 12 }],
    ['通过当面、网络、信函等方式共收到政府信息公开申请15件。', { 'r.new.total': 15 }],
    // the parts do not add up to it: which total it is, unproven
    ['网上申请7件，当面申请5件，共计13件。', { 'r.new.total': null }],
  ],
  'several ways named together: one figure for all of them': [
    ['本年度收到群众通过邮寄、网络提交的政府信息公开申请8件。', { 'r.new.total': 8 }],
    ['本年度受理自然人和法人提出的申请12件。', { 'r.new.total': 12 }],
  ],
  'parts only': [
    ['本年度收到当面申请3件、网络申请5件、信函申请2件。', { 'r.new.total': null }],
    ['本年度通过当面方式收到申请3件，通过网络收到申请5件。', { 'r.new.total': null }],
    ['本年度受理网上申请6件。', { 'r.new.total': null }],
    ['全年通过信函方式受理政府信息公开申请4件。', { 'r.new.total': null }],
    ['从申请方式看，当面申请3件，网络申请5件，信函申请2件。', { 'r.new.total': null }],
    ['收到当面、网络、信函申请分别为3件、5件、2件。', { 'r.new.total': null }],
    ['本年度收到自然人申请8件、法人申请4件。', { 'r.new.total': null }],
    ['本年度通过政府网站在线申请平台收到申请5件。', { 'r.new.total': null }],
    ['其中网上申请8件，当面申请4件。', { 'r.new.total': null }],
    ['网上申请中予以公开5件。', { 'r.granted.total': null }],
    ['通过政府网站公开1070条，通过政务微信公开900条、政务微博公开576条。', { 'p.other_channels': null }],
  ],
  'another scope': [
    ['全市各级行政机关共受理政府信息公开申请1200件，本机关受理申请14件。', { 'r.new.total': 14 }],
    ['全县各乡镇共受理申请40件。', { 'r.new.total': null }],
    ['县直部门共受理申请40件。', { 'r.new.total': null }],
    ['下属单位收到申请4件。', { 'r.new.total': null }],
    ['收到政府信息公开申请12件，其中本级8件，下属单位4件。', { 'r.new.total': 12 }],
    ['全市各部门共发生行政复议案件20件，本机关发生行政复议2件。', { 'rv.total': 2 }],
    ['各乡镇主动公开信息800条，本级主动公开信息2546条。', { 'p.total': 2546 }],
    ['全市共受理政府信息公开申请1200件，我局受理14件。', { 'r.new.total': 14 }],
    ['全市政府系统共收到申请1200件，本局收到申请14件。', { 'r.new.total': 14 }],
    ['市政府各部门共收到申请1200件。', { 'r.new.total': null }],
    ['所属单位受理申请20件，本级受理申请14件。', { 'r.new.total': 14 }],
    ['本局及下属单位共受理申请34件。', { 'r.new.total': null }],
    ['县直各部门和各乡镇共受理申请300件，县政府办公室受理14件。', { 'r.new.total': 14 }],
    ['市本级受理申请14件，各区县受理申请300件。', { 'r.new.total': 14 }],
    ['全省各级行政机关共收到申请1.2万件。', { 'r.new.total': null }],
  ],
  'last year': [
    ['上年度共受理政府信息公开申请9件，本年度受理12件。', { 'r.new.total': 12 }],
    ['去年收到申请9件。', { 'r.new.total': null }],
    ['上一年度行政复议2件，本年度行政复议1件。', { 'rv.total': 1 }],
    ['上年主动公开信息2246条，今年主动公开信息2546条。', { 'p.total': 2546 }],
    ['上年结转2件。', { 'r.carried_out.total': null }],
    ['2017年结转至2018年的申请3件。', { 'r.carried_out.total': null }],
    ['2017年共受理申请9件，2018年共受理申请12件。', { 'r.new.total': 12 }],
    ['本年度新收政府信息公开申请12件，较上年增加3件。', { 'r.new.total': 12 }],
  ],
  'outcomes bound to their verb': [
    ['办结的申请中，予以公开7件，部分公开2件，不予公开1件。', { 'r.granted.total': 7, 'r.partial.total': 2, 'r.denied.total.total': 1 }],
    ['答复结果中，同意公开7件、同意部分公开2件、不同意公开1件。', { 'r.granted.total': 7, 'r.partial.total': 2, 'r.denied.total.total': 1 }],
    ['在已办结的申请中，7件予以公开，2件部分公开。', { 'r.granted.total': 7, 'r.partial.total': 2 }],
    ['本年度收到申请12件，办结11件，结转下年度1件。', { 'r.new.total': 12, 'r.handled.total': 11, 'r.carried_out.total': 1 }],
    ['本年度收到申请12件，已办结11件，尚有1件正在办理。', { 'r.handled.total': 11, 'r.carried_out.total': 1 }],
    ['对收到的申请已全部按期答复，共计11件。', { 'r.handled.total': 11 }],
    ['11件申请已经办理完毕。', { 'r.handled.total': 11 }],
    ['办结上年结转申请2件。', { 'r.handled.total': null }],
    ['年末仍有２件申请在办理中。', { 'r.carried_out.total': 2 }],
    ['2件被申请行政复议。', { 'rv.total': 2 }],
    ['较上年增加予以公开3件。', { 'r.granted.total': null }],
  ],
  // after a sentence giving the year's requests (本年度共收到政府信息公开申请12件。)
  'outcomes after the requests, in other words': [
    ['其中，同意公开的申请为7件。', { 'r.granted.total': 7 }],
    ['经审核，7件全部公开，2件部分公开。', { 'r.granted.total': 7, 'r.partial.total': 2 }],
    ['答复情况为：全部公开七件，部分公开两件，不予公开一件。', { 'r.granted.total': 7, 'r.partial.total': 2, 'r.denied.total.total': 1 }],
    ['依法予以公开的共7件，占58.3%。', { 'r.granted.total': 7 }],
    ['予以公开率为58.3%。', { 'r.granted.total': null }],
    ['上年予以公开5件，本年予以公开7件。', { 'r.granted.total': 7 }],
    ['各乡镇予以公开20件。', { 'r.granted.total': null }],
    ['所有申请均已办结。', { 'r.handled.total': null }],
    ['办结数量为11件，办结率91.7%。', { 'r.handled.total': 11 }],
    ['年内答复完毕11件，余下1件结转下一年度。', { 'r.handled.total': 11, 'r.carried_out.total': 1 }],
    ['1件因需第三方意见延期答复，转入2019年办理。', { 'r.carried_out.total': 1 }],
    ['截至年底尚有1件未办结。', { 'r.carried_out.total': 1 }],
    ['结转到下一年度继续办理的有一件。', { 'r.carried_out.total': 1 }],
    ['下一年度继续办理1件。', { 'r.carried_out.total': 1 }],
    ['1件顺延至下年度办理。', { 'r.carried_out.total': 1 }],
    ['在答复的12件申请中，同意公开的7件。', { 'r.granted.total': 7 }],
    ['申请答复结果为：公开7件，部分公开2件。', { 'r.granted.total': 7, 'r.partial.total': 2 }],
    ['其中予以公开的占58%，计7件。', { 'r.granted.total': 7 }],
    ['向申请人公开信息7件。', { 'r.granted.total': null }],
    ['依申请公开政府信息7件。', { 'r.granted.total': null }],
    ['年底前尚未答复完毕的有1件。', { 'r.carried_out.total': 1 }],
    ['去年结转至今年的申请2件。', { 'r.carried_out.total': null }],
    ['2019年1月将办理完毕剩余1件。', { 'r.carried_out.total': null }],
  ].map(([text, expected]) => [`本年度共收到政府信息公开申请12件。${text as string}`, expected as Expect]),
  // after the year's requests: a qualified act, a part of the year, a sub-count under 其中
  'sub-counts of an act': [
    ['办结11件，其中按时办结10件。', { 'r.handled.total': 11 }],
    ['其中按时办结10件，超期办结1件。', { 'r.handled.total': null }],
    ['予以公开7件，其中涉及征地信息3件。', { 'r.granted.total': 7 }],
    ['办理结果：予以公开7件；部分公开2件；不予公开1件；无法提供1件；结转下年度1件。', { 'r.granted.total': 7, 'r.partial.total': 2, 'r.denied.total.total': 1, 'r.carried_out.total': 1 }],
    ['全部予以公开的7件，部分予以公开的2件。', { 'r.granted.total': 7, 'r.partial.total': 2 }],
    ['共答复12件，其中同意公开7件。', { 'r.handled.total': 12, 'r.granted.total': 7 }],
    ['当年办结11件，另有1件因涉及第三方需征求意见，延期至2019年答复。', { 'r.handled.total': 11, 'r.carried_out.total': 1 }],
    ['已答复11件，1件在法定期限内正在办理。', { 'r.handled.total': 11, 'r.carried_out.total': 1 }],
    ['答复办结率为91.7%。', { 'r.handled.total': null }],
    ['在法定时限内办结11件，办结率100%。', { 'r.handled.total': 11 }],
    ['比上年多办结3件。', { 'r.handled.total': null }],
    ['12月份办结3件。', { 'r.handled.total': null }],
    ['上半年办结5件。', { 'r.handled.total': null }],
  ].map(([text, expected]) => [`本年度共收到政府信息公开申请12件。${text as string}`, expected as Expect]),
  'numbers that are not the fact': [
    ['根据宁政办发〔2018〕12号文件要求，全年共受理政府信息公开申请12件。', { 'r.new.total': 12 }],
    ['2018年3月15日受理申请1件。', { 'r.new.total': null }],
    ['截至2018年12月31日，共受理政府信息公开申请12件。', { 'r.new.total': 12 }],
    ['受理申请12件，联系电话0951-5012345。', { 'r.new.total': 12 }],
    ['按照《条例》第二十四条规定，办结申请11件。', { 'r.handled.total': 11 }],
    ['全年主动公开政府信息2546条，公开率100%，电子化率98.5%。', { 'p.total': 2546 }],
    ['共收到申请12件，占全市申请总量的1%。', { 'r.new.total': 12 }],
    ['本年度政府信息公开申请情况：共12件，其中网上申请8件。', { 'r.new.total': 12 }],
    ['行政复议申请情况：共2件。', { 'r.new.total': null }],
  ],
  'the requests as a whole, in other words': [
    ['本年度共受理政府信息公开申请1,205件，同比增长12%。', { 'r.new.total': 1205 }],
    ['本年度政府信息公开申请数同比下降10%，为12件。', { 'r.new.total': 12 }],
    ['12件政府信息公开申请均已受理。', { 'r.new.total': 12 }],
    ['本年度收到政府信息公开申请12件，较上年的9件有所增加。', { 'r.new.total': 12 }],
    ['与2017年的9件相比，2018年收到申请12件。', { 'r.new.total': 12 }],
    ['全市共受理政府信息公开申请1200件，其中市本级受理300件。', { 'r.new.total': 1200 }],
  ],
  'proactive totals and channel shares in other words': [
    ['本年度我局共对外公开政府信息2546条。', { 'p.total': 2546 }],
    ['全年主动公开的政府信息总数为2546条。', { 'p.total': 2546 }],
    ['主动公开政府信息方面，全年共计2546条。', { 'p.total': 2546 }],
    ['2018年度，主动公开政府信息数：2546条。', { 'p.total': 2546 }],
    ['主动公开政府信息2546条（上年为2300条）。', { 'p.total': 2546 }],
    ['共有2546条信息被主动公开。', { 'p.total': 2546 }],
    ['主动公开政府信息两千五百四十六条，其中网站发布一千零七十条。', { 'p.total': 2546, 'p.website': 1070 }],
    ['主动公开政府信息２５４６条。', { 'p.total': 2546 }],
    ['全县各部门共主动公开政府信息25460条，其中本机关主动公开2546条。', { 'p.total': 2546 }],
    ['其中，通过政府门户网站公开1070条，占42%；通过其他途径公开1476条，占58%。', { 'p.website': 1070, 'p.other_channels': 1476 }],
    ['按公开渠道分，政府网站1070条，其他渠道1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
    ['主动公开信息2546条，其中网站1070条、其他1476条。', { 'p.total': 2546, 'p.website': 1070, 'p.other_channels': 1476 }],
    // a bare 其他 after a kind (not a channel) is another kind
    ['主动公开信息2546条，其中政策文件1070条、其他1476条。', { 'p.website': null, 'p.other_channels': null }],
    ['通过政务微信公众号公开信息300条。', { 'p.other_channels': null }],
    ['全年主动公开政府信息2546条。政府网站发布1070条。政务新媒体发布1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
    ['全年主动公开政府信息2546条，网站公开1070条，其余通过微博、微信等渠道公开。', { 'p.website': 1070, 'p.other_channels': null }],
    ['全年主动公开政府信息2546条，其中1070条通过政府网站发布，1476条通过政务新媒体等其他渠道发布。', { 'p.website': 1070, 'p.other_channels': 1476 }],
    ['通过政府网站公开信息一千零七十条，通过其他渠道公开一千四百七十六条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
    ['利用政府网站公开1,070条，利用报刊、广播、电视等其他方式公开1,476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
    ['通过其他渠道公开的信息较上年增加200条。', { 'p.other_channels': null }],
    ['各乡镇通过其他方式公开信息300条。', { 'p.other_channels': null }],
    ['截至2018年底，累计主动公开政府信息12,000条。', { 'p.cumulative': 12000, 'p.total': null }],
  ],
  'reviews and suits: outcomes are parts': [
    ['因政府信息公开被申请行政复议维持2件。', { 'rv.total': null }],
    ['行政复议结果：维持2件。', { 'rv.total': null }],
    ['行政复议案件较上年减少2件。', { 'rv.total': null }],
    ['行政诉讼败诉1件。', { 'lit.total': null }],
    ['截至目前累计发生行政复议12件。', { 'rv.total': null }],
    ['2017年发生行政复议3件。', { 'rv.total': null }],
    ['行政复议申请人共2人次。', { 'rv.total': null }],
    ['收到行政复议申请二件，均维持原答复。', { 'rv.total': 2 }],
    ['发生行政复议2起、行政诉讼1起。', { 'rv.total': 2, 'lit.total': 1 }],
    ['本年度被提起行政复议2件，被提起行政诉讼1件。', { 'rv.total': 2, 'lit.total': 1 }],
    ['行政复议2件中，维持1件，纠正1件。', { 'rv.total': 2 }],
    ['行政复议0件，较上年减少2件。', { 'rv.total': 0 }],
  ],
  'figures given to several concepts at once (分别, 各)': [
    ['本年度申请中，予以公开、部分公开、不予公开分别为7件、2件、1件。', { 'r.granted.total': 7, 'r.partial.total': 2, 'r.denied.total.total': 1 }],
    ['本年度收到、办结政府信息公开申请分别为12件、11件。', { 'r.new.total': 12, 'r.handled.total': 11 }],
    ['行政复议、行政诉讼分别为2件、1件。', { 'rv.total': 2, 'lit.total': 1 }],
    ['行政复议和行政诉讼分别有2件和1件。', { 'rv.total': 2, 'lit.total': 1 }],
    ['行政复议和行政诉讼各1件。', { 'rv.total': 1, 'lit.total': 1 }],
    // two concepts, three figures: which is whose is not said
    ['本年度申请中，予以公开、部分公开分别为7件、2件、1件。', { 'r.granted.total': null, 'r.partial.total': null, 'r.denied.total.total': null }],
    ['2017年、2018年分别受理申请9件、12件。', { 'r.new.total': null }],
    ['各县区行政复议、行政诉讼分别为20件、10件。', { 'rv.total': null, 'lit.total': null }],
    // figures of an outcome (corrected, upheld), not the cases' totals
    ['行政复议、行政诉讼分别被纠错0件、1件。', { 'rv.total': null, 'lit.total': null }],
    ['行政复议、行政诉讼分别维持原行政行为2件、1件。', { 'rv.total': null, 'lit.total': null }],
    // two 分别 sentences giving one concept two figures: none, never the first
    ['行政复议、行政诉讼分别为2件、1件。行政复议、行政诉讼分别为3件、4件。', { 'rv.total': null, 'lit.total': null }],
    ['行政复议、行政诉讼分别为2件、1件。行政复议、行政诉讼分别为2件、1件。', { 'rv.total': 2, 'lit.total': 1 }],
  ],
  'figures before their channel': [
    ['主动公开信息2546条，其中1070条在政府网站公开，其余1476条通过其他渠道公开。', { 'p.total': 2546, 'p.website': 1070, 'p.other_channels': 1476 }],
    ['2546条政府信息通过各种渠道予以主动公开。', { 'p.total': 2546 }],
    ['2546条政府信息通过政府网站予以主动公开。', { 'p.total': null }],
    ['2018年，本局主动公开政府信息2546条。\n有1070条通过政府网站公开，有1476条通过其他渠道公开。', { 'p.website': 1070, 'p.other_channels': 1476 }],
    ['有1476条通过微信公众号公开。', { 'p.other_channels': null }],
  ],
  // the received figure is the handled one when all of them are said done right after it, and
  // nothing was carried (a year before 2019's revised regulation, no 结转 in the text)
  'one figure, two roles: all of the year\'s requests done': [
    ['本年度共受理依申请公开2件，均已答复。', { 'r.new.total': 2, 'r.handled.total': 2 }],
    ['2018年收到政府信息公开申请12件，已全部按时办结。', { 'r.new.total': 12, 'r.handled.total': 12 }],
    ['全年共受理政府信息公开申请12件，全部依法予以答复，其中予以公开7件。', { 'r.new.total': 12, 'r.handled.total': 12, 'r.granted.total': 7 }],
    ['本年度收到12件申请，均已办结。', { 'r.new.total': 12, 'r.handled.total': 12 }],
    // not all said done, or the done ones counted apart
    ['共受理政府信息公开申请12件，已答复。', { 'r.new.total': 12, 'r.handled.total': null }],
    ['共受理政府信息公开申请12件，已答复10件，2件正在办理。', { 'r.handled.total': 10 }],
    ['共受理政府信息公开申请12件，均已答复或正在办理中。', { 'r.new.total': 12, 'r.handled.total': null }],
    ['共受理政府信息公开申请12件（含上年结转2件），均已答复。', { 'r.handled.total': null }],
    ['共受理政府信息公开申请12件，均已受理登记。', { 'r.new.total': 12, 'r.handled.total': null }],
    ['本年度共收到政府信息公开申请12件。所有申请均已办结。', { 'r.new.total': 12, 'r.handled.total': null }],
    ['当面申请3件，均已答复。', { 'r.new.total': null, 'r.handled.total': null }],
  ],
  // a label and its figure joined by a colon are one item, as 〈label〉〈figure〉 would be
  "a label's colon": [
    ['主动公开政府信息总数：2546条。', { 'p.total': 2546 }],
    ['2018年，本局主动公开政府信息2546条。\n政府网站：1070条；其他渠道：1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
    ['行政复议：2件；行政诉讼：1件。', { 'rv.total': 2, 'lit.total': 1 }],
    ['申请总数：12件。', { 'r.new.total': 12 }],
    ['本年度共收到政府信息公开申请12件。\n全部公开：8件；部分公开：2件。', { 'r.granted.total': 8, 'r.partial.total': 2 }],
    // a date's colon joins nothing it should not
    ['时间：2018年12月31日前，共受理申请12件。', { 'r.new.total': 12 }],
  ],
  // a count noun gives a bare number its unit
  'a count noun before a bare number': [
    ['二、主动公开政府信息情况\n主动公开政府信息条数为2546。', { 'p.total': 2546 }],
    ['本年度受理政府信息公开申请件数为12。', { 'r.new.total': 12 }],
    ['行政复议案件数为2，行政诉讼案件数为1。', { 'rv.total': 2, 'lit.total': 1 }],
    // a number with no count noun, or one that goes on (a percent): nothing
    ['主动公开政府信息比例为25%。', { 'p.total': null }],
    ['主动公开政府信息数量为2546。', { 'p.total': null }],
  ],
  // a list of channels and their figures, with no act of its own, breaks down the statement of the year's disclosed items before it (across a line break)
  'a list of channels after the disclosed total': [
    ['二、主动公开政府信息情况\n2018年，本局主动公开政府信息2546条。\n其中，政府网站1070条、其他1476条。', { 'p.total': 2546, 'p.website': 1070, 'p.other_channels': 1476 }],
    ['2018年，本局主动公开政府信息2546条。\n公开渠道方面，政府网站1070条，其他渠道1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
    ['2018年，本局主动公开政府信息2546条。\n政府网站1070条，占42%；其他渠道1476条，占58%。', { 'p.website': 1070, 'p.other_channels': 1476 }],
    ['主动公开方面，共公开政府信息2546条，其中网站公开1070条、其他渠道1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
    ['2018年，本局主动公开政府信息2546条。\n其中，政府网站公开1070条，通过公示栏公开1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
    ['2018年，本局主动公开政府信息2546条。\n其中，政府网站公开1070条，通过档案馆、图书馆等查阅点公开1476条。', { 'p.website': 1070, 'p.other_channels': 1476 }],
    // after a stock, after something else than disclosure, after requests, or with an act of its own that is no disclosure: nothing
    ['截至2018年底，累计主动公开政府信息25460条。\n其中，政府网站10700条、其他14760条。', { 'p.website': null, 'p.other_channels': null }],
    ['本年度共接待来访群众120人次。\n其中，政府网站1070条。', { 'p.website': null }],
    ['本年度共编发政务信息300条。\n其中，政府网站采用120条，市委办采用50条。', { 'p.website': null }],
    ['本年度共收到政府信息公开申请12件。\n其中，网站申请8件，其他4件。', { 'r.new.total': 12, 'p.website': null, 'p.other_channels': null }],
    ['2018年，本局主动公开政府信息2546条。\n网站公开信息占大多数，共1070条；其他渠道公开1476条。', { 'p.website': null }],
  ],
  // a heading's words never bind a figure of the next line; a gloss in parentheses belongs to the figure before it
  'headings and glosses': [
    ['五、因政府信息公开申请提起行政复议、行政诉讼的情况\n2件行政复议，1件行政诉讼。', { 'rv.total': 2, 'lit.total': 1 }],
    ['五、行政复议、行政诉讼情况\n发生行政复议案件2件（均维持原决定）和行政诉讼1件。', { 'rv.total': 2, 'lit.total': 1 }],
    ['复议2件，诉讼1件。', { 'rv.total': 2, 'lit.total': 1 }],
    ['未经复议直接起诉2件。', { 'rv.total': null }],
    ['复议后起诉1件。', { 'rv.total': null }],
  ],
  // the information as the subject of its disclosure counted, its count nominalised (公开数量, 信息量, 总计)
  'the disclosed information counted as a subject': [
    ['政府信息主动公开数量：2546条。', { 'p.total': 2546 }],
    ['主动公开信息量为2546条。', { 'p.total': 2546 }],
    ['主动公开政府信息总计2546条。', { 'p.total': 2546 }],
    ['政府网站信息主动公开数量：1070条。', { 'p.total': null }],
    ['主动公开政策文件总计120条。', { 'p.total': null }],
    ['2017年政府信息主动公开数量：2546条。', { 'p.total': null }],
  ],
  // an act of handling put in the next year: still open at this year's end
  'handled in the next year': [
    ['本年度共收到政府信息公开申请12件。\n另有2件申请因需补正材料，将在下一年度答复。', { 'r.carried_out.total': 2 }],
    ['本年度共收到政府信息公开申请12件，办结10件，另有2件下年度办理。', { 'r.handled.total': 10, 'r.carried_out.total': 2 }],
    ['上年结转的2件申请已于本年度答复。', { 'r.carried_out.total': null }],
    ['计划下一年度办理政府信息公开申请20件。', { 'r.carried_out.total': null }],
  ],
  'received: 接受, 新增': [
    ['本年度接受政府信息公开申请12件。', { 'r.new.total': 12 }],
    ['全年新增政府信息公开申请12件。', { 'r.new.total': 12 }],
    ['全年政府信息公开申请较上年新增3件。', { 'r.new.total': null }],
  ],
  // a list naming the other outcomes beside a bare 公开 is the outcomes of requests
  'a list of outcomes': [
    ['本年度共收到政府信息公开申请12件。\n公开8件，部分公开2件，不予公开2件。', { 'r.granted.total': 8, 'r.partial.total': 2, 'r.denied.total.total': 2 }],
    ['主动公开政府信息124条、依申请公开173条、不予公开52条。', { 'r.granted.total': null, 'r.denied.total.total': null }],
    ['本年度公开8件。', { 'r.granted.total': null }],
  ],
  // none said of being applied against (被申请行政复议) is the reviews', never the requests'
  'none of the reviews is no statement of the requests': [
    ['本年度没有被申请行政复议和提起行政诉讼的情况。', { 'r.new.total': null, 'rv.total': 0, 'lit.total': 0 }],
    ['本年度未收到申请行政复议。', { 'r.new.total': null, 'rv.total': 0 }],
    ['本年度没有收到政府信息公开申请。', { 'r.new.total': 0 }],
  ],
  // a pattern's figure is what the one recogniser says it is; one figure for reviews and suits together is neither's
  'not a count, or two cases together': [
    ['依据《行政复议法》第9条，本年度发生行政复议2件。', { 'rv.total': 2 }],
    ['依据《行政复议法》第9条办理。', { 'rv.total': null }],
    ['本年度行政复议、行政诉讼共3件。', { 'rv.total': null, 'lit.total': null }],
    ['提起行政复议和行政诉讼2件。', { 'rv.total': null, 'lit.total': null }],
    // none of both is none of each (../shared/corpus/pages/2022-xinjiang-xinshi-county: 产生行政复议及行政诉讼0件)
    ['本年度产生行政复议及行政诉讼0件。', { 'rv.total': 0, 'lit.total': 0 }],
    ['全年发生政府信息公开行政复议2起、行政诉讼1起。', { 'rv.total': 2, 'lit.total': 1 }],
    ['本年度行政复议0件，行政诉讼2件。', { 'rv.total': 0, 'lit.total': 2 }],
  ],
  // a statement of none: the negation bound to the event noun, for the year and the body, gives 0 for
  // every metric it covers; never on a condition, for a part (除…以外, one kind of request) or another year
  'statements of none, as a class': [
    ['本年度我局未发生政府信息公开行政复议和行政诉讼。', { 'rv.total': 0, 'lit.total': 0 }],
    ['本年度本机关未被申请行政复议，未被提起行政诉讼。', { 'rv.total': 0, 'lit.total': 0 }],
    ['本年度我局政府信息公开方面未发生一起行政复议或行政诉讼。', { 'rv.total': 0, 'lit.total': 0 }],
    ['本年度我局没有收到一件政府信息公开申请。', { 'r.new.total': 0 }],
    ['全年我局从未收到过政府信息公开申请。', { 'r.new.total': 0 }],
    ['本年度不存在依申请公开的情况。', { 'r.new.total': 0 }],
    ['本年度我局零申请。', { 'r.new.total': 0 }],
    ['本年度未收到申请，无收费，无复议诉讼。', { 'r.new.total': 0, 'fee.collected_yuan': 0, 'rv.total': 0, 'lit.total': 0 }],
    ['本年度未收到有关政府信息公开的申请。', { 'r.new.total': 0 }],
    ['如未收到申请，则不予统计。', { 'r.new.total': null }],
    ['若全年未发生行政复议，应当在报告中说明。', { 'rv.total': null }],
    ['本年度未收到涉及不动产登记的信息公开申请。', { 'r.new.total': null }],
    // a qualifier that names disclosure is the whole (../shared/corpus/pages/2010-jiangsu-xiangcheng-county, real/2013-hunan-daoxian-culture-bureau-department)
    ['本单位2018年度未发生针对本部门有关政府信息公开事务的行政复议案、行政诉讼案和有关的申诉案。', { 'rv.total': 0, 'lit.total': 0 }],
    ['2018年度没有关于信息公开的收费及减免情况。', { 'fee.collected_yuan': 0 }],
    ['本年度未收取除复印费以外的费用。', { 'fee.collected_yuan': null }],
    ['本年度未发生行政复议被纠错的情况。', { 'rv.total': null }],
    ['2017年未发生行政复议。', { 'rv.total': null }],
    ['申请的信息不存在的依申请公开事项2件。', { 'r.new.total': null }],
  ],
  // a parenthesis right after a count opens its breakdown: its figures are parts, never the total
  'a breakdown in parentheses after the count': [
    ['主动公开政府信息2546条（政府网站1070条、其他渠道1476条）。', { 'p.total': 2546, 'p.website': 1070, 'p.other_channels': 1476 }],
    ['主动公开政府信息2546条(政府网站1070条,其他渠道1476条),依申请公开12件。', { 'p.total': 2546, 'p.website': 1070, 'p.other_channels': 1476 }],
    ['主动公开政府信息2546条（含往年信息），政府网站1070条。', { 'p.total': 2546, 'p.website': null }],
    ['收到政府信息公开申请12件（网上申请5件、当面申请7件）。', { 'r.new.total': 12 }],
    ['发生行政复议案件2件（均维持原决定）和行政诉讼1件。', { 'rv.total': 2, 'lit.total': 1 }],
  ],
  'the requests after their figure': [
    ['本年度共有12件政府信息公开申请。', { 'r.new.total': 12 }],
    ['本年度共有12件政府信息公开申请被转办。', { 'r.new.total': null }],
  ],
};

for (const [name, cases] of Object.entries(CLASSES)) {
  describe(`adversarial: ${name}`, () => {
    for (const [text, expected] of cases) {
      for (const [metric, value] of Object.entries(expected)) {
        it(`${metric} ${value === null ? 'not read' : `= ${value}`}: ${text}`, () => {
          expect(read(text, 2018).get(metric) ?? null).toBe(value);
        });
      }
    }
  });
}

describe('one figure, two roles, in real reports and in years with carried requests', () => {
  const real = (path: string) => new Map(parseReport(readFileSync(join(import.meta.dirname, '../../..', path))).values.map((v) => [v.metric, v.value]));
  it('reads 共受理依申请公开2件,均已答复 as received and handled (data/corpus/seeds/2017-liaoning-yingkou-zhanqian-county.txt)', () => {
    const v = real('data/corpus/seeds/2017-liaoning-yingkou-zhanqian-county.txt');
    expect([v.get('r.new.total'), v.get('r.handled.total')]).toEqual([2, 2]);
  });
  it('marks the handled figure read from 均已答复 as inferred, never as printed (data/corpus/seeds/2017-liaoning-yingkou-zhanqian-county.txt)', () => {
    const values = parseReport(readFileSync(join(import.meta.dirname, '../../..', 'data/corpus/seeds/2017-liaoning-yingkou-zhanqian-county.txt'))).values;
    const handled = values.find((v) => v.metric === 'r.handled.total')!;
    const received = values.find((v) => v.metric === 'r.new.total')!;
    expect([handled.inferred, received.inferred]).toEqual([true, undefined]);
    expect([handled.start, handled.end]).toEqual([received.start, received.end]);
  });
  it('reads no handled figure from 共收到…申请1件,已全部答复 in a report on 2024 (data/corpus/real/2024-gansu-gangu-government-office-department.txt)', () => {
    const v = real('data/corpus/real/2024-gansu-gangu-government-office-department.txt');
    expect([v.get('r.new.total'), v.get('r.handled.total')]).toEqual([1, undefined]);
  });
  it('reads no handled figure in a hand-made report on 2022: carried requests may be among those handled', () => {
    const { values } = extractNarrative(normaliseText('2022年共收到政府信息公开申请12件，均已按时答复。'), { known: new Set(), template: null, year: 2022 });
    const v = new Map(values.map((x) => [x.metric, x.value]));
    expect([v.get('r.new.total'), v.get('r.handled.total')]).toEqual([12, undefined]);
  });
});

describe("adversarial: the issuer's own field before its information is no kind of it", () => {
  const readAs = (text: string, issuer: string | null) => {
    const { values } = extractNarrative(normaliseText(text), { known: new Set(), template: null, year: 2018, issuer });
    return new Map(values.map((v) => [v.metric, v.value]));
  };
  const CASES: [string, string | null, Expect][] = [
    ['2018年主动公开财政政府信息120条。', '某县财政局', { 'p.total': 120 }],
    ['2018年主动公开财政政府信息120条。', null, { 'p.total': null }],
    ['2018年主动公开财政政府信息120条。', '某县公安局', { 'p.total': null }],
    ['2018年主动公开人事任免信息12条。', '某县人力资源和社会保障局', { 'p.total': null }],
    ['2018年,依托县政府门户网站,我局及时公开各类信息。全年主动公开财政政府信息120条。', '某县财政局', { 'p.website': 120, 'p.total': null }],
    ['2018年,依托县政府门户网站和微信公众号,我局及时公开各类信息。全年主动公开财政政府信息120条。', '某县财政局', { 'p.website': null }],
  ];
  for (const [text, issuer, expected] of CASES) {
    for (const [metric, value] of Object.entries(expected)) {
      it(`${metric} ${value === null ? 'not read' : `= ${value}`} (issuer ${issuer ?? 'unknown'}): ${text}`, () => {
        expect(readAs(text, issuer).get(metric) ?? null).toBe(value);
      });
    }
  }
});

// The channel catalogue names physical places (档案馆, 图书馆, 政务服务中心) as other channels: real
// sentences naming them with a kind of document or an act that is no disclosure stay unread.
describe('the channel catalogue in real reports', () => {
  const pages = (id: string) => new Map(parseReport(readFileSync(join(import.meta.dirname, '../../../../shared/corpus/pages', `${id}.txt`)), { fileName: `${id}.txt` }).values.map((v) => [v.metric, v.value]));
  it('reads the website, not 通过市图书馆、市档案馆、市政务服务中心公开政策文件157件 (../shared/corpus/pages/2022-hebei-shijiazhuang-government-office-department)', () => {
    const v = pages('2022-hebei-shijiazhuang-government-office-department');
    expect([v.get('p.website'), v.get('p.other_channels')]).toEqual([13679, undefined]);
  });
  it('reads no other channels from 向市政务服务大厅、市档案馆、市图书馆寄送纸质文件576件 (../shared/corpus/pages/2021-tianjin-tianjin-development-reform-commission-department)', () => {
    const v = pages('2021-tianjin-tianjin-development-reform-commission-department');
    expect([v.get('p.total'), v.get('p.other_channels')]).toEqual([1812, undefined]);
  });
  it('reads the catalogue words as other channels (adversarial)', () => {
    const { values } = extractNarrative(normaliseText('2018年，本局主动公开政府信息2546条，其中通过政府网站公开1070条，通过公示栏、政务服务中心等其他途径公开1476条。'), { known: new Set(), template: null, year: 2018 });
    expect(values.find((v) => v.metric === 'p.other_channels')?.value).toBe(1476);
  });
});
