// Proactive disclosure in sentences: the year's total, the website's share, the other
// channels' share and the stock since the beginning. Rules are data: see ./engine.ts.
import type { ScoredRule } from './engine';

/** An example no real report has (the rule says why): written by hand, marked so. */
const INVENTED = 'invented: no report in ../shared/corpus words it so';
/** What no count of the year's disclosed items can be. */
const NEVER = ['request', 'otherScope', 'sharedScope', 'bodyAfterStock', 'distributive', 'change', 'negated', 'listItem', 'issuedAs', 'asOfNow', 'kindsBeforeTotal', 'outcomeItem', 'outcomeNote', 'requestChannel', 'publicity'] as const;
/** What no count of disclosed items can be either, rarely met (items sent to another body: sentUp): asked last (a feature is read only when asked). */
const LATE = ['partOfYear', 'plan', 'average', 'modal', 'sentUp'] as const;
/** What no count of the year's items (the total or a channel's share) can be. */
const NOT_THE_YEARS = ['otherYear', 'lastYearWord', 'asOfDate', 'platform', 'runningTotal', 'manyYears'] as const;

export const PROACTIVE_RULES: ScoredRule[] = [
  {
    metric: 'p.total',
    requires: ['itemUnit', 'disclosed'],
    requiresOneOf: ['informationWord', 'noObject'],
    excludes: [...NEVER, ...NOT_THE_YEARS, 'cumulative', 'stockBeforeNew', 'part', 'category', 'columns', 'columnSentence', 'webOnly', 'otherOnly', 'otherChannelsShare', 'sentenceChannel', 'sentenceWeb', 'paragraphWeb', 'scopeSplit', 'stockOrYear', ...LATE],
    prefers: { proactive: 2, totalWord: 1, allChannels: 1, governmentInformation: 1 },
    examples: [
      { from: 'seeds/2013-heilongjiang-yichun-city', text: '2013年,全市主动公开政府信息81536条,其中,市政府门户网站', value: 81536 },
      { from: 'seeds/2017-liaoning-yingkou-zhanqian-county', text: '通过各种形式主动公开政府信息2546条。其中通过政府网站公开1070条,通过其他方式公开1476条。', value: 2546 },
      { from: 'panel/2024-guangdong-guangzhou-huadu-timian-town', text: '拓宽我镇政务公开渠道,2024年共发布358篇信息。', value: 358 },
      { from: 'panel/2019-guangdong-guangzhou-sasac-department', text: '2019年我委通过网站、微信、微博等不同渠道主动公开信息3970条,其中:概况', value: 3970 },
      { from: 'pages/2021-shaanxi-xian-city', text: '全年主动公开政策文件1490件,规划计划', value: null },
      { from: 'pages/2022-xinjiang-wuqia-government-office-department', text: '在政府网站主动公开信息2959条,其中:政务公开信息2463条,政务', value: null },
      { from: 'pages/2021-shandong-qingdao-city', text: '2021年全市通过青岛政务网发布政府信息18184条,比2020年', value: null },
      { from: 'pages/2010-fujian-minhou-water-resources-bureau-department', text: '截至2010年底,我局主动公开政府信息历年累计52条', value: null },
      { from: 'pages/2020-shanghai-putuo-yichuanlu-town', text: '2020年累计主动公开政府信息275条,全文电子化率达100%,其中,本年度新增的主动公开政府信息32条。', value: 32 },
      // the report's own year named after a stock as of now (the report on 2019)
      { from: 'complete/2019-fujian-pingtan-public-security-bureau-department', text: '截至目前,我局在平潭综合实验区管委会门户网站累计主动公开公安政府信息1770条,全文电子化达100%,其中2019年度我局共主动公开政府信息202条,比升11.6%。', year: 2019, value: 202 },
      { from: 'complete/2019-fujian-pingtan-public-security-bureau-department', text: '截至目前,我局在平潭综合实验区管委会门户网站累计主动公开公安政府信息1770条,全文电子化达100%,其中2019年度我局共主动公开政府信息202条,比升11.6%。', year: 2018, value: null },
      // another body's platform, a scope's share, a day before the year's end
      { from: 'pages/2025-yunnan-jianshui-miandian-town', text: '持续拓宽公开覆盖面,全年在云南省政府采购网公开信息7条。', value: null },
      { from: 'pages/2009-heilongjiang-heilongjiang-province', text: '省政府及直属部门仅通过公开目录主动公开政府信息2.6万余条,比上年增加2千余条;各市(地)主动公开政府信息21万条,比上年增加6万条。', value: null },
      // 截至 the year's end, 共, no 累计 nor a word of the year: the year's count or the stock, the text does not say (both truths mark it doubtful)
      { from: 'panel/2015-guangdong-guangzhou-environmental-protection-bureau-department', text: '截止2015年12月31日,我局主动公开政府信息共1682条,全文电子化达100%。', value: null },
      { from: 'pages/2017-zhejiang-jianggan-administrative-approval-office-department', text: '截至2017年12月31日共主动公开政府信息778余条。公开的主要内容有机构概况', value: null },
      { from: 'panel/2022-guangdong-guangzhou-yuexiu-market-regulation-bureau-department', text: '截至2022年12月31日,我局在区政府信息网主动公开政府信息171条次', value: null },
      // a topic's items, in a sentence that opened with the column or topic
      // a kind named by a duty (应主动公开的) in a breakdown
      { from: 'complete/2019-fujian-pingtan-finance-bureau-department', text: '2019年制作、获取政府信息总数330条,其中主动公开政府信息90条,作为依申请公开信息数161条。在主动公开的90条政府信息中,财政预决算报告信息5条;工作进展动态和其他应主动公开的政府信息25条。', year: 2019, value: 90 },
      { from: 'panel/2021-guangdong-guangzhou-panyu-county', text: '专栏下设置“六稳”“六保”专项工作专题,重点围绕精准防控、维护市场稳定工作等发布相关政策、推进情况等信息150多条,助力企业渡难关。', value: null },
      // 累计 with no span of the year: a running total since some start, not the year's (the year's 累计 is read: 全年累计, 2015年共累计)
      { from: 'panel/2021-guangdong-guangzhou-panyu-county', text: '组织、指导、监督各有关单位按目录加载内容,累计加载信息2446条,发现公开不准确的,立即督促整改。', value: null },
      { from: INVENTED, text: '我局累计主动公开政府信息5600条。', value: null },
      // the other channels' share, the website not named with them, is never the whole (main read 1476 as the total, in two roles)
      { from: INVENTED, text: '通过其他方式主动公开政府信息1476条。', value: null },
      { from: INVENTED, text: '通过政府网站主动公开政府信息1070条，通过其他方式主动公开政府信息1476条，全年共主动公开2546条。', value: 2546 },
      { from: INVENTED, text: '全年在政府网站和其他渠道共主动公开政府信息2546条。', value: 2546 },
      { from: INVENTED, text: '我县主动公开政府信息累计达5600条，其中2015年主动公开326条。', year: 2015, value: 326 },
      { from: INVENTED, text: '2015年共累计主动公开政府信息326条。', year: 2015, value: 326 },
      { from: 'complete/2022-fujian-pingtan-transport-construction-bureau-department', text: '2022年7月正式开通“平潭交通建设局”官方微信公众号,累计发送了230条信息,2022年关注用户达310人', year: 2022, value: null },
    ],
  },
  {
    // The figure before its object (共有3050条政府信息主动公开), or in a clause of its own after the subject (…数量同比增长10%,达到3300条).
    // No report of ../shared/corpus (253 files) words the year's total either way: the positive
    // examples are invented, marked so (the real 在主动公开的198条政府信息中 is read by the first rule: the year's whole).
    metric: 'p.total',
    requires: ['itemUnit'],
    requiresOneOf: ['objectAfter', 'continuesTotal'],
    excludes: [...NEVER, ...NOT_THE_YEARS, 'cumulative', 'stockBeforeNew', 'stockOrYear', 'part', 'columnSentence', 'scopeSplit', ...LATE],
    examples: [
      { from: INVENTED, text: '本年度共有3050条政府信息主动公开。', value: 3050 },
      { from: INVENTED, text: '本年度2546条政府信息通过各种渠道予以主动公开。', value: 2546 },
      { from: INVENTED, text: '本年度2546条政府信息通过政府网站予以主动公开。', value: null },
      { from: INVENTED, text: '2023年主动公开政府信息数量同比增长10%,达到3300条。', year: 2023, value: 3300 },
      { from: INVENTED, text: '通过政府网站主动公开政府信息数量同比增长10%,达到3300条。', year: 2023, value: null },
      { from: INVENTED, text: '各乡镇共有3050条政府信息主动公开。', value: null },
      // the year's proactive disclosure as the topic of the clause before (主动公开方面，全年共…; …政府信息，总数为…)
      { from: INVENTED, text: '主动公开方面，全年共1520条。', value: 1520 },
      { from: INVENTED, text: '本年度主动公开的政府信息，总数为1520条。', value: 1520 },
      { from: INVENTED, text: '主动公开规范性文件方面，全年共20条。', value: null },
      // the act after the figure in other words (得到主动公开, 予以公开, 向社会公开; 将/把 N条…公开)
      { from: INVENTED, text: '全年1520条信息得到主动公开。', value: 1520 },
      { from: INVENTED, text: '全年共将1520条政府信息主动向社会公开。', value: 1520 },
      { from: INVENTED, text: '全年共有120条政府信息通过政府网站予以公开。', value: null },
      // the items of proactive disclosure as the whole object after the figure, whatever the verb (产生, 梳理, 形成)
      { from: INVENTED, text: '全年共产生1520条主动公开政府信息。', value: 1520 },
      { from: INVENTED, text: '全年共通过政府网站产生1520条主动公开政府信息。', value: null },
      // items sent to another body: disclosed only where the text says so
      { from: INVENTED, text: '全年共报送1520条主动公开政府信息。', value: null },
      { from: INVENTED, text: '全年共报送1520条主动公开政府信息，均已在政府网站公开。', value: 1520 },
      { from: INVENTED, text: '2022年主动公开政府信息数量同比增长10%,达到3300条。', year: 2023, value: null },
    ],
  },
  {
    // The year's new items after the stock (截至…共主动公开615条,今年新增94条).
    metric: 'p.total',
    requires: ['itemUnit', 'yearNew'],
    excludes: [...NEVER, 'otherYear', 'platform', 'cumulative', 'part', 'category', 'webOnly', 'otherOnly', 'scopeSplit', ...LATE],
    examples: [
      { from: 'pages/2012-zhejiang-ninghai-yuexi-town', text: '截至2012年12月30日,我乡在县政府网站共主动公开政府信息615条,今年新增94条。', value: 94 },
      { from: 'pages/2010-fujian-minhou-water-resources-bureau-department', text: '截至2010年底,我局主动公开政府信息历年累计52条,其中2010年新增主动公开政府信息14条。', value: 14 },
      { from: 'panel/2021-guangdong-guangzhou-huadu-science-industry-commerce-bureau-department', text: '规章制度比上年新增5条。', value: null },
    ],
  },
  {
    // The year's own figure marked so after a stock, with or without a verb (截至2015年底，累计主动公开政府信息15200条，其中本年度1520条).
    // ('change' is not excluded: 较上年末增加 after a stock is what the year added to it)
    metric: 'p.total',
    requires: ['itemUnit', 'yearPartAfterStock'],
    excludes: [...NEVER.filter((f) => f !== 'change'), 'otherYear', 'platform', 'category', 'webOnly', 'otherOnly', 'scopeSplit', ...LATE],
    examples: [
      { from: INVENTED, text: '截至2015年底，累计主动公开政府信息15200条，其中本年度1520条。', year: 2015, value: 1520 },
      { from: INVENTED, text: '历年累计公开政府信息15200条（其中2015年1520条）。', year: 2015, value: 1520 },
      { from: INVENTED, text: '截至目前，已累计主动公开政府信息15200条，较上年末增加1520条。', year: 2015, value: 1520 },
      { from: INVENTED, text: '累计主动公开政府信息达15200条，本年度为1520条。', year: 2015, value: 1520 },
      { from: INVENTED, text: '截至2015年底，累计主动公开政府信息15200条，其中2014年1520条。', year: 2015, value: null },
      { from: INVENTED, text: '全年主动公开政府信息1520条，其中本年度新增的政策文件120条。', year: 2015, value: null },
    ],
  },
  {
    metric: 'p.website',
    // several sites' different figures (平台新增88条,官网公开383条) are shares of a total not printed
    unique: true,
    requires: ['itemUnit', 'webOnly'],
    requiresOneOf: ['disclosed', 'part', 'byChannel', 'channelList'],
    excludes: [...NEVER, ...NOT_THE_YEARS, 'cumulative', 'stockBeforeNew', 'stockOrYear', 'categoryBesidesNews', 'partOfAKind', 'columns', 'listHead', 'breakdownHead', 'siteOutput', 'exceedsWhole', ...LATE],
    prefers: { proactive: 1, information: 1, part: 1 },
    examples: [
      { from: 'seeds/2017-liaoning-yingkou-zhanqian-county', text: '主动公开政府信息2546条。其中通过政府网站公开1070条,通过其他方式公开1476条。', value: 1070 },
      { from: 'pages/2021-shandong-qingdao-city', text: '2021年全市通过青岛政务网发布政府信息18184条,比2020年', value: 18184 },
      { from: 'panel/2021-guangdong-guangzhou-panyu-county', text: '2021年,在区政府门户网站共发布各类信息4.16万条。', value: 41600 },
      { from: 'pages/2020-shaanxi-shanyang-county', text: '通过县政府门户网站、融媒体中心、县政务服务中心等平台主动公开政府信息6391条,其中', value: null },
      { from: 'pages/2012-zhejiang-ninghai-yuexi-town', text: '截至2012年12月30日,我乡在县政府网站共主动公开政府信息615条,今年新增94条。', value: null },
      { from: 'pages/2022-shanxi-gaoping-government-office-department', text: '2022年,在高平市人民政府门户网站发布政务动态类信息226条,发布市政府及政府办文件及解读信息66条。', value: null },
      { from: 'pages/2024-guangxi-qinzhou-government-office-department', text: '2024年,在市人民政府门户网站主动公开文件62件、政策解读18件,微博推送信息319条。', value: null },
      { from: 'real/2017-hubei-shayang-county', text: '主动公开政府信息共计14189条,其中政府网站公开5419条、政务微信公开3914条、其他方式公开4856条。', value: 5419 },
      // another year's figure: read only in a report on that year
      { from: 'pages/2009-gansu-liangzhou-zhangyi-town', text: '此外,2010年我镇通过门户网站公开各类政府信息24余条。', year: 2009, value: null },
      { from: 'pages/2009-gansu-liangzhou-zhangyi-town', text: '此外,2010年我镇通过门户网站公开各类政府信息24余条。', year: 2010, value: 24 },
      // the whole classified by kind, wherever posted
      { from: 'complete/2011-fujian-pingtan-county', text: '2011年,在平潭综合实验区管委会网站主动公开的425条政府信息中,机构职能、主要职能、办事程序信息148条,占34.8%;', value: null },
      // a count of kinds before the clause's total
      { from: 'pages/2022-xinjiang-urumqi-city', text: '全年依托市政府门户网站集中公开七大类48项信息共8989条。', value: 8989 },
      // the columns named in a parenthesis gloss the site's whole
      { from: 'real/2015-hunan-hengyang-land-resources-bureau-department', text: '我局网站2015年度主动公开政务信息(包括:政务公开、办事服务、国土业务、政民互动等4个一级栏目,组织机构、新闻动态、公示公告、地价信息、在线查询、信访投诉等33个二级栏目)共计76855条。其中,政务公开703条。', value: 76855 },
      // one kind of a list by commas (the next item another kind), not the site's whole
      { from: 'pages/2020-neimenggu-wuhai-industry-information-bureau-department', text: '2020年度主动公开政府信息总数2942条。通过局门户网站公开政府信息公开52条,其他信息2167条,局微博发布信息541条。', value: null },
      { from: 'pages/2019-hunan-hetang-guihua-town', text: '全年在荷塘区政府门户网站公开信息77条,收到1份政府信息公开申请。', value: 77 },
      // 截至 the year's end without 共: the year's figure (the stock would say 累计 or 共)
      { from: 'panel/2022-guangdong-guangzhou-yuexiu-market-regulation-bureau-department', text: '截至2022年12月31日,我局在区政府信息网主动公开政府信息171条次', value: 171 },
      // a verbless list of channels right after the year's disclosed items (no report of ../shared/corpus words it so: invented)
      { from: INVENTED, text: '2018年，本局主动公开政府信息2546条。\n其中，政府网站1070条、其他1476条。', value: 1070 },
      { from: INVENTED, text: '2018年，本局主动公开政府信息2546条。\n政府网站：1070条；其他渠道：1476条。', value: 1070 },
      { from: INVENTED, text: '截至2018年底，累计主动公开政府信息25460条。\n其中，政府网站10700条、其他14760条。', value: null },
      { from: INVENTED, text: '本年度共编发政务信息300条。\n其中，政府网站采用120条，市委办采用50条。', value: null },
      // the same list in the whole's own period, after 其中, or a colon right after the whole's count
      { from: INVENTED, text: '本年度主动公开政府信息1234条，其中，政府网站1000条，其他渠道234条。', value: 1000 },
      { from: INVENTED, text: '全年通过各种渠道主动公开政府信息1234条：政府网站1000条，其他渠道234条。', value: 1000 },
      { from: INVENTED, text: '全年主动公开政府信息856条，网站700条，其他渠道156条。', value: 700 },
      { from: INVENTED, text: '全年主动公开政府信息856条，政务动态700条，其他156条。', value: null },
      { from: INVENTED, text: '截至年底，累计主动公开政府信息25460条，其中，政府网站10700条、其他14760条。', value: null },
      { from: INVENTED, text: '本年度共编发政务信息300条，其中，政府网站采用120条，市委办采用50条。', value: null },
      // the site's whole output beside the body's own figure (no report of ../shared/corpus words it so: invented)
      { from: INVENTED, text: '我局本年度主动公开政府信息326条，县政府网站全年发布信息12560条。', value: null },
      { from: INVENTED, text: '本年度，市政府门户网站共发布信息12560条，其中我局主动公开326条。', value: null },
      { from: INVENTED, text: '我局本年度主动公开政府信息326条，其中在县政府网站发布信息300条。', value: 300 },
      // a category's whole, or what was disclosed on request, before 其中: that kind's breakdown, no channel share of the year's (review24)
      { from: INVENTED, text: '本年度主动公开规范性文件二十件，其中政府网站二十件，其他渠道五件。', value: null },
      { from: INVENTED, text: '本年度依申请公开政府信息20条，其中政府网站15条，其他渠道5条。', value: null },
      // two sites' figures: neither is the website's share
      { from: 'panel/2022-guangdong-guangzhou-petition-bureau-department', text: '我局主动公开各类政府信息808条,其中在市政府信息公开平台新增88条,在广州信访局官网公开383条,在“广州信访”微信公众号上公开337条。', value: null },
    ],
  },
  {
    // The sentence named the website as its means first (依托政府网站,…主动公开…135条): the figure is the website's.
    metric: 'p.website',
    unique: true,
    requires: ['itemUnit', 'disclosed', 'informationWord'],
    requiresOneOf: ['sentenceWeb', 'paragraphWeb'],
    excludes: [...NEVER, ...NOT_THE_YEARS, 'cumulative', 'stockBeforeNew', 'stockOrYear', 'part', 'categoryBesidesNews', 'columns', 'listHead', 'breakdownHead', 'moreFiguresAfter', 'exceedsWhole', ...LATE],
    examples: [
      { from: 'complete/2024-fujian-pingtan-public-security-bureau-department', text: '同时,依托实验区政府网站,依法及时向社会主动公开我局政府信息,全年累计主动公开涵盖公安机关办事程序、便民政策、人事任免、计划总结、重点领域动态等政府信息135条,有效保障了群众的知情权和监督权。', value: 135 },
      { from: 'pages/2025-shanghai-baoshan-youyilu-town', text: '2025年,严格按照《条例》《规定》,依托区政府门户网站,街道主动公开公文类信息、重大行政决策、财政信息、建议提案办理结果、小区加装电梯项目设计方案公示公告等事项政府信息累计76条,全文电子化率达100%。', value: 76 },
      { from: 'pages/2024-guangxi-xixiangtang-xixiangtang-town', text: '线上,通过城区政府门户网站西乡塘街道办事处专栏,主动向社会各界公开有关信息71条,涉及工作动态、通知公告、政策法规、财政管理等各类信息。', value: 71 },
      { from: 'panel/2024-guangdong-guangzhou-huadu-huadong-town', text: '(一)主动公开情况。以花都区政府门户网站为政务公开的主要平台,规范设置组织机构、规范性文件、政务动态、财政预决算和工作报告等栏目,动态更新人事任免、土地征迁、社会民生、财政预决算等政府信息120条。', value: 120 },
      { from: 'pages/2024-hebei-shanhaiguan-nanguan-town', text: '本年度通过政府网站、政府信息公开平台,主动公开各类政府信息273条,涵盖工作部署、镇街动态。', value: null },
      // the paragraph's first sentence named the website as its means, the next goes on with the year's count; the issuer's field (公安) names whose information, no kind of it
      { from: 'complete/2021-fujian-pingtan-public-security-bureau-department', issuer: '平潭综合实验区公安局', text: '2021年,依托实验区门户网站,我局以充分保障人民群众知情权、参与权和表达权为准绳,更新完善公安栏目,对涉及公众生产生活和群众关心的公安政务信息,严格按照政府信息公开目录和保密要求,逐条审查、科学界定,凡属应当公开的信息,均依法及时向社会公开,确保及时到位、格式规范、分类准确,做到信息公开透明。全年累计公开公安政府信息184条,全文电子化达100%,内容覆盖办事程序、便民政策、人事任免、计划总结、重点领域动态等重要工作信息,有效保障了群众的知情权和监督权。', value: 184 },
      { from: 'complete/2022-fujian-pingtan-public-security-bureau-department', issuer: '平潭综合实验区公安局', text: '2022年,依托实验区政府网站,我局以充分保障人民群众知情权、参与权和表达权为原则,不断更新完善公安栏目,按照政府信息公开目录和保密要求,科学界定各类涉及公众生产生活和群众关心的公安政务信息及应当公开的其他类信息,严格落实逐条审查工作要求,依法及时向社会公开,确保信息发布到位、格式规范、分类准确。全年累计主动公开公安政府信息179条,全文电子化达100%。', value: 179 },
      // another body's field is a kind of information
      { from: INVENTED, issuer: '某市财政局', text: '2021年,依托实验区门户网站,我局及时向社会公开信息。全年累计公开公安政府信息184条。', value: null },
      // the sentence before named the website and other channels, or the figure's sentence has a subject of its own
      { from: INVENTED, text: '2021年,依托政府网站和政务微信公众号,我局及时向社会公开信息。全年主动公开政府信息184条。', value: null },
      { from: INVENTED, text: '2021年,依托政府门户网站,我局及时向社会公开信息。各乡镇全年主动公开政府信息184条。', value: null },
      { from: 'pages/2022-xinjiang-shayibake-county', text: '2022年度我区在政府门户网站上发布政务新闻共804条,主动公开政府信息数共计449条,包括:机构领导及机构设置78条。', value: null },
      { from: 'panel/2020-guangdong-guangzhou-huadu-finance-bureau-department', text: '依托区政府门户网站,及时发布相关信息,做好主动公开工作,定期主动公开各项各类信息,发布工作动态信息44条,发布重点领域信息10条。', value: null },
    ],
  },
  {
    metric: 'p.other_channels',
    requires: ['itemUnit', 'disclosedOrByChannel'],
    requiresOneOf: ['otherChannelsPhrase', 'otherOnly'],
    unique: true,
    excludes: [...NEVER, ...NOT_THE_YEARS, 'cumulative', 'category', 'webOnly', 'allChannels', 'pressNotOther', 'openChannelList', 'itemShortOfWhole', 'restBesideOthers', 'paperCopies', 'partOfAKind', 'exceedsWhole', ...LATE],
    // one share among several: not the other channels' whole, yet no other share beside it is either
    rivalWhen: ['openChannelList', 'itemShortOfWhole', 'restBesideOthers'],
    // one account or kind of account is the other channels' share only beside the website's
    alongside: { metric: 'p.website', unless: ['otherChannelsPhrase', 'severalOtherChannels'] },
    prefers: { otherChannelsPhrase: 2, part: 1 },
    examples: [
      { from: 'seeds/2017-liaoning-yingkou-zhanqian-county', text: '其中通过政府网站公开1070条,通过其他方式公开1476条。', value: 1476 },
      { from: 'panel/2020-guangdong-guangzhou-finance-bureau-department', text: '2020年,通过网站主动公开信息1056条,通过微信公众号主动公开信息341条,及时', value: 341 },
      // beside a rough website figure an account's figure is a highlight, not the rest of the year's items
      { from: 'pages/2024-guangxi-xixiangtang-xixiangtang-town', text: '线上,通过城区政府门户网站西乡塘街道办事处专栏,主动向社会各界公开有关信息71条,涉及工作动态、通知公告等各类信息。线下,通过街道便民服务中心政务公开专区、小区公告栏以及城区“一中心两馆”主动公开政府信息文件93份。', value: null },
      { from: 'pages/2020-liaoning-shenhe-county', text: '全年通过政府网站公开政府信息数13000余条,“幸福沈河”“沈河教育”“沈河普法”等微信公众号发布信息3460余条。', value: null },
      { from: 'complete/2025-fujian-pingtan-zone-county', text: '2025年,通过实验区政府门户网站累计主动公开政府信息7700余条,公开科技创新、营商环境、重大项目、民生保障等重点领域信息2000余条,通过“平潭发布”公众号发布信息672条,有效保障群众知情权、监督权。', value: null },
      { from: 'pages/2019-sichuan-lizhou-hexi-town', text: '“利州河西发布V”、微信公众号“河之西”分别发布各类信息92条、30条', value: null },
      { from: 'pages/2021-tianjin-tianjin-development-reform-commission-department', text: '通过门户网站、微信公众号、微博等渠道公开各类信息1812条,其中', value: null },
      // one account beside the website's share, or several kinds together; not one account alone
      { from: 'panel/2022-guangdong-guangzhou-petition-bureau-department', text: '我局主动公开各类政府信息808条,其中在市政府信息公开平台新增88条,在广州信访局官网公开383条,在“广州信访”微信公众号上公开337条。', value: 337 },
      { from: 'panel/2018-guangdong-guangzhou-haizhu-changgang-town', text: '6.政府工作报告2条;其他信息10条;运用微信、微博发布信息102条', value: 102 },
      { from: 'pages/2020-henan-xincai-county', text: '2020年,县政府办公室主动公开政府信息2603条。其中,政务(动态)类信息1688条,概括类信息336条,其他信息579条,通过政务微信公开政府信息39条。', value: null },
      // a breakdown by kind after the year's total, its last item 其他: another kind, no channel (a bare 其他 is the other channels only after the website's item)
      { from: 'real/2020-guangdong-guangming-gongming-town', text: '2020年,公明街道主动公开各类政府信息总数达498条,其中政务动态261条,其他信息237条', value: null },
      { from: 'panel/2019-guangdong-guangzhou-sasac-department', text: '2019年我委通过网站、微信、微博等不同渠道主动公开信息3970条,其中:概况类信息5条,部门文件类信息2条,财政预决算信息5条,动态类信息3913条,其他信息45条', value: null },
      // one account's stock broken down (its items reposted): no channel share of the year's
      { from: 'pages/2024-ningxia-xingqing-qianjinjie-town', text: '通过兴庆区政府网站主动公开信息71条。截至2024年12月31日,前进街官方微博共累计发布微博120条,其中发布原创微博11条,转发微博109条;收到微博投诉12条', year: 2024, value: null },
      { from: INVENTED, text: '主动公开信息2546条，其中网站1070条、其他1476条。', value: 1476 },
      { from: INVENTED, text: '2018年，本局主动公开政府信息2546条。\n政府网站：1070条；其他渠道：1476条。', value: 1476 },
      { from: INVENTED, text: '本年度共收到政府信息公开申请12件。\n其中，网站申请8件，其他4件。', value: null },
      { from: INVENTED, text: '主动公开政府信息500条，其中：政府网站420条；政务微博80条。', value: 80 },
      { from: INVENTED, text: '全年主动公开政府信息856条，网站公开700条，其他途径156条。', value: 156 },
      { from: INVENTED, text: '本年度主动公开规范性文件20件，其中政府网站20件，其他渠道5件。', value: null },
      { from: INVENTED, text: '本年度共收到政府信息公开申请12件，其中：网站申请8件；其他4件。', value: null },
      // an open list of channels named before: the other channels' item is still the rest beside the website
      { from: INVENTED, text: '全年通过政府网站、政务微博等渠道主动公开政府信息1234条，其中政府网站公开1000条，其他渠道公开234条。', value: 234 },
      // …but after another channel's item it is the rest beside both (review19a D)
      { from: INVENTED, text: '全年通过政府网站、政务微博等渠道主动公开政府信息856条，其中政府网站公开700条，政务微博公开100条，其他渠道公开56条。', value: null },
      // …and so after another channel's item in a plain list: the rest beside both, and no other item is every other channel either
      { from: INVENTED, text: '全年主动公开政府信息856条，其中：政府网站700条；政务微博100条；其他渠道56条。', value: null },
      { from: INVENTED, text: '全年主动公开政府信息856条。\n其中：政府网站700条；微信公众号100条；其他方式56条。', value: null },
      { from: 'complete/2012-fujian-pingtan-zone-county', text: '通过“中国平潭网”门户网站公开政府信息3636条。截至12月14日,新浪中国平潭官方微博共发布微博1288条,拥有粉丝10659名。', value: null },
    ],
  },
  {
    // The press's figures (新闻媒体发布信息3条, 公报刊登…112件) are no body's other-channel total,
    // but next to one they show it is one of several.
    metric: 'p.other_channels',
    requires: ['itemUnit', 'disclosed', 'pressOnly'],
    excludes: [...NEVER, 'cumulative', 'category', 'exceedsWhole', ...LATE],
    unique: true,
    countsOnly: true,
    examples: [
      { from: 'panel/2021-guangdong-guangzhou-conghua-government-affairs-bureau-department', text: '政府信息公开指南信息1条。通过新闻媒体发布信息3条。', value: null },
    ],
  },
  {
    // An other channel named earlier in the sentence (通过“广州12345”微信公众号,推送178条推文):
    // perhaps that channel's figure; it shows the channel figures are several, never recorded.
    metric: 'p.other_channels',
    requires: ['itemUnit', 'disclosed', 'sentenceOtherChannel'],
    // whatever kind it counts (编发市政府公报12期,公开政策文件50件), it is another channel's figure
    excludes: [...NEVER, 'cumulative', 'part', 'exceedsWhole', ...LATE],
    unique: true,
    countsOnly: true,
    examples: [
      { from: 'panel/2019-guangdong-guangzhou-government-services-data-bureau-department', text: '通过“广州政务”微信公众号发布工作信息248条。通过“广州12345”微信公众号,推送178条推文,图文', value: null },
      { from: 'pages/2022-hebei-shijiazhuang-government-office-department', text: '全年通过市政府网站共公开各类政府信息13679条;市政府政务新媒体及时发布政务要闻、重要新闻、政策信息、服务资讯等内容,共编发微博微信稿件3295篇;编发市政府公报12期,公开政策文件50件;', value: null },
    ],
  },
  {
    // The figure before its channel and act (上述信息中，X条在政府网站公开，Y条通过其他方式公开).
    // No report of ../shared/corpus puts a channel's figure before its channel: the examples are invented, marked so.
    metric: 'p.website',
    unique: true,
    requires: ['itemUnit', 'webAfter'],
    excludes: [...NEVER, ...NOT_THE_YEARS, 'cumulative', 'stockOrYear', 'exceedsWhole', ...LATE],
    examples: [
      { from: INVENTED, text: '上述信息中，1070条在政府网站公开，1476条通过其他方式公开。', value: 1070 },
      { from: INVENTED, text: '上述信息中，1070条在政府网站公开，1476条通过微信公众号公开。', value: 1070 },
      { from: INVENTED, text: '1070条在政府网站上被浏览。', value: null },
      // drafts put out for comment: a consultation, not a disclosure (review24)
      { from: INVENTED, text: '共有1000条信息在政府网站上公开征求意见。', value: null },
    ],
  },
  {
    // As the website's figure before its channel: no real report has it; the examples are invented, marked so.
    metric: 'p.other_channels',
    unique: true,
    requires: ['itemUnit', 'otherAfter'],
    excludes: [...NEVER, ...NOT_THE_YEARS, 'cumulative', 'stockOrYear', 'pressNotOther', 'exceedsWhole', ...LATE],
    alongside: { metric: 'p.website', unless: ['otherChannelsPhrase'] },
    examples: [
      { from: INVENTED, text: '上述信息中，1070条在政府网站公开，1476条通过其他方式公开。', value: 1476 },
      { from: INVENTED, text: '主动公开信息2546条，其中1070条在政府网站公开，其余1476条通过其他渠道公开。', value: 1476 },
      { from: INVENTED, text: '1476条通过微信公众号公开。', value: null },
    ],
  },
  {
    metric: 'p.cumulative',
    requires: ['itemUnit', 'disclosed'],
    requiresOneOf: ['cumulative', 'stockBeforeNew', 'stockBeforeOwnYear', 'stockAfterYears'],
    // a stock as of now is a stock when it says 累计 (截至目前…累计主动公开…1770条)
    excludes: [...NEVER.filter((f) => f !== 'asOfNow'), 'otherOnly', 'stockOfAnotherYear', ...LATE],
    examples: [
      { from: 'seeds/2017-jilin-fusong-lushuihe-town', text: '截至2017年12月31日,通过电子政务平台累计主动公开政府信息1205条(被主流媒体', value: 1205 },
      { from: 'pages/2010-fujian-minhou-water-resources-bureau-department', text: '截至2010年底,我局主动公开政府信息历年累计52条,其中2010年新增主动公开政府信息14条。', value: 52 },
      { from: 'panel/2020-guangdong-guangzhou-human-resources-social-security-bureau-department', text: '2020年累计发布政务微信225条,重点推送', value: null },
      { from: 'pages/2012-zhejiang-ninghai-yuexi-town', text: '截至2012年12月30日,我乡在县政府网站共主动公开政府信息615条,今年新增94条。', value: 615 },
      { from: 'pages/2020-shanghai-putuo-yichuanlu-town', text: '2020年累计主动公开政府信息275条,全文电子化率达100%,其中,本年度新增的主动公开政府信息32条。', value: 275 },
      // as of now with 累计: the stock; without it (nor 共) no stock is stated
      { from: 'complete/2019-fujian-pingtan-public-security-bureau-department', text: '截至目前,我局在平潭综合实验区管委会门户网站累计主动公开公安政府信息1770条,全文电子化达100%,其中2019年度我局共主动公开政府信息202条,比升11.6%。', year: 2019, value: 1770 },
      { from: 'pages/2018-jiangxi-yuanzhou-xicun-town', text: '截至目前,通过袁州区政府部门公开网站主动公开政府信息32条。', year: 2018, value: null },
      // the stock as of another year's end (the same sentence in the report on that year reads it)
      { from: 'pages/2009-gansu-liangzhou-zhangyi-town', text: '截止2009年12月31日,我镇通过区政府信息公开系统主动公开政府信息累计14条,全部为网上公开。', year: 2010, value: null },
      { from: 'pages/2009-gansu-liangzhou-zhangyi-town', text: '截止2009年12月31日,我镇通过区政府信息公开系统主动公开政府信息累计14条,全部为网上公开。', year: 2009, value: 14 },
      // a running total beside the year's own figure, after it or before its 其中 (no report of ../shared/corpus words it so: invented)
      { from: INVENTED, text: '本年度主动公开政府信息326条，累计公开5600条。', year: 2015, value: 5600 },
      { from: INVENTED, text: '我县主动公开政府信息累计达5600条，其中2015年主动公开326条。', year: 2015, value: 5600 },
      { from: INVENTED, text: '我县主动公开政府信息累计达5600条，其中2014年主动公开326条。', year: 2015, value: null },
      { from: INVENTED, text: '我局累计主动公开政府信息5600条。', value: null },
    ],
  },
  {
    // 累计 alone after the year's figure, its act the clause before's (全年主动公开政府信息1520条，累计达12560条)
    metric: 'p.cumulative',
    requires: ['itemUnit', 'stockAfterYear'],
    excludes: [...NEVER, 'otherOnly', 'stockOfAnotherYear', ...LATE],
    examples: [
      { from: INVENTED, text: '全年主动公开政府信息1520条，累计达12560条。', year: 2015, value: 12560 },
      { from: INVENTED, text: '本年度新增主动公开政府信息1520条，累计达12560条。', year: 2015, value: 12560 },
      { from: INVENTED, text: '全年受理政府信息公开申请25件，累计达120件。', year: 2015, value: null },
    ],
  },
];
