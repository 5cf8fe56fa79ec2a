// Many ways to state each narrative fact, in the forms real reports of the corpora use
// (../shared/corpus: 主动公开政府信息…条, 共受理…申请…件, 因政府信息公开…行政复议…件, 收取…费用…元).
// Two sets: `tested`, printed by default and read exactly by the parser (tests hold it to that),
// and `heldout`, printed only with `gongkai generate --wordings heldout` for the accuracy
// benchmark, never by tests, so a parser tuned on the tested set is measured on words it has
// not seen. `s` is how the body names itself or its area (我区, 全市), `y` the year, `n` the
// printed count with its unit.
export type WordingSet = 'tested' | 'heldout';
/** What `--wordings` chooses: one of these sets, or `unseen` / `fresh` (src/generate/phrasing-unseen.ts, phrasing-fresh.ts; benchmark only). */
export type Wordings = WordingSet | 'unseen' | 'fresh';

type Say<A extends unknown[]> = (...args: A) => string;
export type Phrasings<A extends unknown[]> = Record<WordingSet, Say<A>[]>;

/** 主动公开 total (the channel split, when printed, follows as its own sentence). */
export const PROACTIVE_TOTAL: Phrasings<[y: number, s: string, n: string]> = {
  tested: [
    (y, s, n) => `${y}年，${s}共主动公开政府信息${n}。`,
    (y, s, n) => `${y}年，${s}通过各种形式主动公开政府信息${n}。`,
    (_y, s, n) => `本年度${s}共主动公开政府信息${n}。`,
    (_y, s, n) => `全年${s}主动公开政府信息总数为${n}。`,
    (y, s, n) => `${y}年，${s}新增主动公开政府信息${n}。`,
  ],
  heldout: [
    (y, s, n) => `${y}年度，${s}通过政府网站等渠道主动公开各类政府信息${n}。`,
    (y, s, n) => `${y}年，${s}依法主动向社会公开各类政府信息${n}。`,
    (y, s, n) => `${y}年，${s}主动公开政府信息数为${n}。`,
    (_y, s, n) => `${s}全年累计主动公开政府信息${n}，内容涵盖机构职能、政策法规、规划计划等方面。`,
  ],
};

export const PROACTIVE_CHANNELS: Phrasings<[web: number, other: number]> = {
  tested: [(web, other) => `其中通过政府网站公开${web}条，通过其他方式公开${other}条。`],
  heldout: [(web, other) => `其中，在政府门户网站发布${web}条，通过政务微博、微信、公开栏等其他渠道发布${other}条。`],
};

export const REQUESTS_NEW: Phrasings<[y: number, s: string, n: string]> = {
  tested: [
    (y, s, n) => `${y}年，${s}收到政府信息公开申请${n}。`,
    (_y, s, n) => `全年${s}共受理政府信息公开申请${n}。`,
    (_y, s, n) => `本年度${s}新收到政府信息公开申请${n}。`,
    (y, s, n) => `${y}年度，${s}共受理依申请公开政府信息${n}。`,
    (y, s, n) => `${y}年，${s}共收到各类政府信息公开申请共计${n}。`,
  ],
  heldout: [
    (y, s, n) => `${y}年，${s}共收到${n}依申请公开请求。`,
    (y, s, n) => `${y}年，${s}收到群众通过邮寄、网络提交的政府信息公开申请${n}。`,
  ],
};

export const REQUESTS_NONE: Phrasings<[y: number, s: string]> = {
  tested: [(y, s) => `${y}年，${s}未收到政府信息公开申请。`, (_y, s) => `本年度${s}没有收到政府信息公开申请。`],
  heldout: [(_y, s) => `全年${s}未收到依申请公开政府信息的申请。`, (y, s) => `${y}年，${s}政府信息公开申请数为零。`],
};

/** The outcome list: its opening words and the labels of granted, partial, denied and not held. */
export const OUTCOMES: Record<WordingSet, { lead: string; labels: [string, string, string, string] }[]> = {
  tested: [
    { lead: '其中', labels: ['予以公开', '部分公开', '不予公开', '信息不存在'] },
    { lead: '其中，', labels: ['同意公开', '同意部分公开', '不予公开', '信息不存在'] },
    { lead: '答复情况为：', labels: ['予以公开', '部分公开', '不予公开', '所申请信息不存在'] },
  ],
  heldout: [
    { lead: '从办理结果看，', labels: ['公开', '部分公开', '不予公开', '非本机关掌握'] },
    { lead: '已答复的申请中，', labels: ['提供信息', '部分提供', '不予提供', '信息不存在'] },
  ],
};

export const HANDLED: Phrasings<[n: number]> = {
  tested: [(n) => `全部申请均依法依规答复，共办结${n}件。`, (n) => `已全部按时办结，共答复${n}件。`, (n) => `全年共办结政府信息公开申请${n}件。`],
  heldout: [(n) => `共办结${n}件，办结率100%。`, (n) => `均在法定期限内答复，答复${n}件。`],
};

export const CARRIED_OUT: Phrasings<[n: number]> = {
  tested: [(n) => `结转下年度办理${n}件。`, (n) => `另有${n}件结转至下年度继续办理。`],
  heldout: [(n) => `尚有${n}件在办理中，将于下年度答复。`],
};

export const FEE: Phrasings<[yuan: number]> = {
  tested: [(v) => `本年度共收取检索、复制费用${v}元。`],
  heldout: [(v) => `全年收取政府信息公开检索、复制、邮寄等费用${v}元。`, (v) => `全年收取信息检索、复制费用共计${v}元。`],
};

export const FEE_NONE: Phrasings<[y: number, s: string]> = {
  tested: [() => '本年度未收取任何费用。', () => '本年度没有收取政府信息公开相关费用。', (y, s) => `${y}年，${s}未收取政府信息公开检索、复制、邮寄等费用。`],
  heldout: [() => '本年度政府信息公开工作未收取费用，也无减免情况。'],
};

export const REVIEW: Phrasings<[y: number, s: string, rv: number, lit: number]> = {
  tested: [
    (_y, _s, rv, lit) => `本年度因政府信息公开被申请行政复议${rv}件，被提起行政诉讼${lit}件。`,
    (_y, _s, rv, lit) => `全年发生因政府信息公开引起的行政复议${rv}件、行政诉讼${lit}件。`,
    (y, s, rv, lit) => `${y}年，${s}因政府信息公开申请被申请行政复议${rv}件，被提起行政诉讼${lit}件。`,
    (_y, _s, rv, lit) => `本年度涉及政府信息公开的行政复议案件${rv}件，行政诉讼案件${lit}件。`,
  ],
  heldout: [
    (_y, _s, rv, lit) => `因政府信息公开申请引发行政复议${rv}件，行政诉讼${lit}件。`,
    (_y, s, rv, lit) => `${s}因政府信息公开工作被申请行政复议的有${rv}件，被起诉的有${lit}件。`,
  ],
};

export const REVIEW_NONE: Phrasings<[y: number, s: string]> = {
  tested: [
    () => '本年度没有因政府信息公开被申请行政复议、被提起行政诉讼的情况。',
    () => '全年未发生因政府信息公开引起的行政复议和行政诉讼。',
    () => '本年度无政府信息公开行政复议、行政诉讼案件。',
    (y, s) => `${y}年，${s}未发生因政府信息公开申请提起的行政复议、行政诉讼案件。`,
  ],
  heldout: [() => '本年度未发生政府信息公开方面的行政复议和行政诉讼。', (_y, s) => `${s}没有因政府信息公开而被申请复议或起诉的情况。`],
};
