// The work narrative of a report (what it did, its problems, its plans): sentences built from
// slots so that two bodies rarely write the same passage, as in real reports, while a report
// drawn from the same prose seed (a planted copy) repeats its source word for word. No digits:
// the prose never states a figure the parser could read.
import { Rng } from './prng';

/** The paragraphs of prose a report prints; `self` is substituted when printed (我区, 我局). */
export interface Prose {
  intro: string;
  work: string[];
  problems: string;
  next: string;
}

const OPENERS = [
  '认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外',
  '深入贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署',
  '按照上级政务公开工作要点的部署，围绕中心工作',
  '在上级政务公开办公室的指导下，紧扣年度目标任务',
  '以企业和群众的需求为导向，把政务公开融入行政权力运行全过程',
  '立足职能职责，对标对表年度政务公开工作要点',
  '坚持问题导向和目标导向相结合，以制度建设为抓手',
  '把政务公开作为建设法治政府、服务型政府的重要内容',
];
const AIMS = [
  '扎实推进政务公开各项工作',
  '持续深化重点领域信息公开',
  '不断提升政务公开质量和实效',
  '着力增强政府工作透明度',
  '切实保障人民群众的知情权、参与权、表达权和监督权',
  '推动政务公开工作提质增效',
  '进一步规范信息发布的程序和标准',
  '努力打造阳光透明的服务型机关',
];
const ORG = [
  '调整充实政务公开工作领导小组，明确分管领导和具体工作人员',
  '完善信息发布保密审查机制，严格执行先审查、后公开和一事一审制度',
  '将政务公开工作纳入年度绩效考核，压实各科室工作责任',
  '制定年度政务公开工作任务分解表，逐项明确牵头科室和完成时限',
  '建立信息公开联络员制度，各科室确定专人负责信息报送',
  '召开专题会议研究部署政务公开工作，听取工作进展情况汇报',
  '组织开展政务公开业务培训，邀请专家讲解条例要求和办理规范',
  '修订依申请公开办理规程，规范受理、登记、审核、答复各环节',
  '开展政务公开自查自纠，对照考核指标逐条查找短板',
  '健全政策解读与政策文件同步组织、同步审签、同步部署的工作机制',
];
const FIELDS = [
  '财政预决算', '重大建设项目', '公共资源交易', '社会救助', '就业创业', '教育领域', '医疗卫生', '食品药品安全',
  '生态环境保护', '安全生产', '征地拆迁', '保障性安居工程', '乡村振兴', '农村集体资产', '扶贫脱贫', '减税降费',
  '双随机一公开监管', '行政执法公示', '权责清单', '营商环境', '政府采购', '国有企业运营', '养老服务', '疫情防控',
  '文化旅游', '交通运输', '水利工程', '城市管理', '市场监管', '自然资源',
];
const FIELD_ACTS = [
  (f: string, ch: string) => `在${ch}开设${f}信息专栏，及时发布相关政策文件和工作动态`,
  (f: string, ch: string) => `围绕${f}工作，通过${ch}集中公开办事指南、办理流程和监督渠道`,
  (f: string) => `细化${f}信息公开目录，做到应公开尽公开、应细化尽细化`,
  (f: string, ch: string) => `主动回应社会关切，对${f}方面的热点问题通过${ch}予以解答`,
  (f: string) => `加大${f}信息公开力度，推动相关信息全过程、全链条公开`,
  (f: string, ch: string) => `依托${ch}做好${f}领域的政策发布和解读`,
  (f: string) => `对${f}的执行情况进行跟踪公开，接受社会监督`,
  (f: string) => `梳理${f}领域的公开事项清单，明确公开主体、公开内容和公开时限`,
];
const CHANNELS = [
  '政府门户网站', '政务微博', '政务微信公众号', '新闻发布会', '政务服务大厅', '公开栏', '广播电视', '政务新媒体矩阵',
  '报刊', '手机客户端', '村务公开栏', '便民服务中心', '政府公报', '政务服务网', '短视频平台',
];
const PLATFORM = [
  (ch: string) => `优化${ch}栏目设置，整合清理内容重复、更新缓慢的栏目`,
  (ch: string) => `加强${ch}的内容保障，建立信息更新台账，确保信息发布及时准确`,
  (ch: string) => `推进${ch}与政务服务平台融合，实现信息公开与办事服务一体化`,
  (ch: string) => `规范${ch}的运营管理，落实三审三校制度`,
  (ch: string) => `在${ch}设置查阅点，为群众查询政府信息提供便利`,
  (ch: string) => `利用${ch}开展政策宣传，扩大政务信息的覆盖面和影响力`,
];
const RESPONSE = [
  '通过在线访谈、政策问答等形式，用通俗易懂的语言解读政策',
  '对涉及群众切身利益的政策措施，在出台前公开征求社会意见',
  '邀请人大代表、政协委员和群众代表列席有关会议，增强决策透明度',
  '对网民留言做到件件有回复、事事有着落',
  '建立舆情收集研判和回应机制，及时澄清不实信息',
  '采用图表图解、音视频等方式开展多元化解读',
  '畅通政民互动渠道，认真办理群众来信来电',
  '落实重大行政决策预公开制度，扩大公众参与',
];
const PROBLEMS = [
  '公开内容的深度和广度还需进一步拓展',
  '政策解读的形式还不够丰富',
  '工作人员业务水平有待提高',
  '部分栏目更新不够及时',
  '公开平台的互动功能还需加强',
  '基层政务公开标准化规范化建设还不够深入',
  '依申请公开答复的规范性仍需提升',
  '主动回应社会关切的及时性有待加强',
  '信息公开与业务工作的结合还不够紧密',
  '公开信息的集中展示和检索还不够便捷',
  '对政务公开工作的考核评议还需细化',
  '部分科室对政务公开的重视程度不够',
];
const NEXT = [
  '进一步健全工作机制，明确责任分工',
  '加强业务培训，提升工作人员的能力水平',
  '丰富解读形式，增强政策解读的针对性',
  '持续加强平台建设和内容保障',
  '深化重点领域信息公开，回应群众关切',
  '规范依申请公开办理，提高答复质量',
  '加大督查考核力度，推动工作落到实处',
  '推进基层政务公开标准化规范化建设',
  '强化政策发布与解读同步联动',
  '完善政务公开目录，动态更新公开事项',
  '加强政务新媒体管理，提升传播效果',
  '拓展公众参与渠道，提升政民互动实效',
];
const ORDINALS = ['一是', '二是', '三是', '四是', '五是'];

// Local particulars: the villages, communities and projects a report names, as real ones do.
const PLACE_CHARS = [...'东西南北新安平和兴华阳山河湖桥庄营堡源泉林丰盛宁康福寿永昌明德胜利民乐义仁光辉金石龙凤鸣青松柳杨桃李花园田家台岗坪沟湾洼'];
const PLACE_KINDS = ['村', '社区', '片区', '园区', '小区'];
const PROJECTS = ['道路改造工程', '污水管网建设', '老旧小区改造', '安置房建设', '农田水利设施', '文化广场建设', '便民市场改造', '养老服务中心建设', '学校扩建工程', '卫生院改建', '垃圾中转站建设', '人居环境整治'];
const LOCAL = [
  (p: string, q: string) => `在${p}、${q}设立政务公开专区，为群众就近查阅政府信息提供便利`,
  (p: string, q: string) => `以${p}为试点推进基层政务公开标准化，并在${q}推广`,
  (p: string, q: string) => `对${p}、${q}的村务、居务公开情况开展督导检查`,
  (p: string, q: string) => `组织${p}和${q}的群众代表参加政府开放日活动`,
  (p: string, q: string) => `在${p}召开政策解读现场会，${q}的群众代表列席`,
];
const PROJECT_ACTS = [
  (x: string) => `及时公开${x}的招标、施工和验收信息`,
  (x: string) => `对${x}的资金使用情况进行公示`,
  (x: string) => `就${x}公开征求周边群众意见`,
  (x: string) => `在项目现场设置公示牌，公开${x}的建设内容和监督电话`,
];

/** Some distinct items of a list, in the order drawn. */
function draw<T>(r: Rng, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  for (let i = 0; i < n && pool.length > 0; i++) out.push(pool.splice(Math.floor(r.next() * pool.length), 1)[0]);
  return out;
}

const listed = (items: readonly string[]): string => items.map((s, i) => `${ORDINALS[i]}${s}`).join('；') + '。';

/** The prose of one seed (the report's own identity, or the one it copies). `{self}` marks where the body's self-reference goes. */
export function proseOf(seed: number, source: string): Prose {
  const r = Rng.of(seed, 'prose', source);
  const intro = `{self}${r.pick(OPENERS)}，${draw(r, AIMS, 2).join('，')}。${draw(r, ORG, r.int(2, 3)).join('；')}。`;
  const fields = draw(r, FIELDS, r.int(3, 5));
  // Names from a second stream, seeded apart: two sources whose 32-bit seeds collide (FNV over
  // similar ids does, a few times in a province) must still not print the same narrative.
  const q = Rng.of(source, seed, 'prose-names');
  const place = () => `${q.pick(PLACE_CHARS)}${q.pick(PLACE_CHARS)}${q.pick(PLACE_KINDS)}`;
  const project = () => `${q.pick(PLACE_CHARS)}${q.pick(PLACE_CHARS)}${q.pick(PROJECTS)}`;
  const local = Array.from({ length: r.int(2, 3) }, () => r.pick(LOCAL)(place(), place()));
  const projects = Array.from({ length: r.int(2, 3) }, () => r.pick(PROJECT_ACTS)(project()));
  const work = [
    listed(fields.map((f) => r.pick(FIELD_ACTS)(f, r.pick(CHANNELS)))),
    `${local.join('；')}。${projects.join('，')}。`,
    `${draw(r, CHANNELS, 2).map((ch) => r.pick(PLATFORM)(ch)).join('；')}。${draw(r, RESPONSE, 2).join('；')}。`,
  ];
  const problems = listed(draw(r, PROBLEMS, r.int(2, 3)));
  const next = `下一步，{self}将${draw(r, NEXT, r.int(2, 4)).join('，')}，切实提升政务公开工作水平。`;
  return { intro, work, problems, next };
}

export const withSelf = (text: string, self: string): string => text.replaceAll('{self}', self);
