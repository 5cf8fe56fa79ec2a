// The bodies that publish reports: every real division of a province valid in a year (from the
// gazetteer: province, cities, counties/districts, towns/streets) and the departments of its city
// and county governments (names from DEPARTMENTS below, a deterministic number per government).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDivisionsCsv } from '../jurisdictions/csv';
import { GAZETTEER_DIR } from '../jurisdictions/load-node';
import type { DivisionLevel, DivisionRow, GazetteerMeta } from '../jurisdictions/types';
import { unitHash } from './prng';

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  /** Governments above it, province first (not itself). */
  ancestors: Division[];
  first: number;
  last: number | null;
}

export interface Department {
  /** The government it belongs to. */
  gov: Division;
  /** Stable key of the department (file names, seeds). */
  slug: string;
  /** Its name in the year (机构改革 2018–2019 renamed many). */
  name: string;
  /** Activity relative to an average department (公安, 自然资源 and 住建 receive the most requests). */
  weight: number;
}

interface DepartmentSpec {
  slug: string;
  /** Name before the 2018–2019 reform (reports for 2018 and earlier), when different. */
  old?: string;
  name: string;
  weight: number;
  /** First reporting year (bodies set up by the reform); none before. */
  from?: number;
  /** Last reporting year (bodies merged away by the reform). */
  until?: number;
  /** Only in city governments. */
  cityOnly?: boolean;
}

const REFORM = 2019;

/** Departments in the order a government is likely to have them: a government with k departments has the first k its seed picks from the head of this list. */
export const DEPARTMENTS: readonly DepartmentSpec[] = [
  { slug: 'gongan', name: '公安局', weight: 3 },
  { slug: 'jiaoyu', name: '教育局', weight: 1.5 },
  { slug: 'caizheng', name: '财政局', weight: 1.2 },
  { slug: 'renshe', name: '人力资源和社会保障局', weight: 2 },
  { slug: 'ziran', old: '国土资源局', name: '自然资源局', weight: 4 },
  { slug: 'shengtai', old: '环境保护局', name: '生态环境局', weight: 1.5 },
  { slug: 'zhujian', old: '住房和城乡建设局', name: '住房和城乡建设局', weight: 3 },
  { slug: 'jiaotong', name: '交通运输局', weight: 1.2 },
  { slug: 'shuili', name: '水利局', weight: 0.8 },
  { slug: 'nongye', old: '农业局', name: '农业农村局', weight: 1 },
  { slug: 'shangwu', name: '商务局', weight: 0.6 },
  { slug: 'weijian', old: '卫生和计划生育委员会', name: '卫生健康委员会', weight: 1.2 },
  { slug: 'shijian', old: '工商行政管理局', name: '市场监督管理局', weight: 2 },
  { slug: 'yingji', old: '安全生产监督管理局', name: '应急管理局', weight: 0.8 },
  { slug: 'minzheng', name: '民政局', weight: 1 },
  { slug: 'sifa', name: '司法局', weight: 0.7 },
  { slug: 'fagai', old: '发展和改革局', name: '发展和改革局', weight: 1 },
  { slug: 'gongxin', old: '工业和信息化局', name: '工业和信息化局', weight: 0.6 },
  { slug: 'wenlv', old: '文化广电新闻出版局', name: '文化旅游和广播电视局', weight: 0.6 },
  { slug: 'tongji', name: '统计局', weight: 0.5 },
  { slug: 'shenji', name: '审计局', weight: 0.5 },
  { slug: 'linye', old: '林业局', name: '林业局', weight: 0.5, until: 2018 },
  { slug: 'tuiyi', name: '退役军人事务局', weight: 0.6, from: REFORM },
  { slug: 'yibao', name: '医疗保障局', weight: 0.8, from: REFORM },
  { slug: 'xinfang', name: '信访局', weight: 0.7 },
  { slug: 'kexue', old: '科学技术局', name: '科学技术局', weight: 0.4 },
  { slug: 'tiyu', name: '体育局', weight: 0.3, cityOnly: true },
  { slug: 'chengguan', old: '城市管理局', name: '城市管理综合行政执法局', weight: 1.2 },
  { slug: 'shenpi', name: '行政审批局', weight: 0.8, from: 2016 },
  { slug: 'zhijian', name: '质量技术监督局', weight: 0.6, until: 2018 },
  { slug: 'shiyao', name: '食品药品监督管理局', weight: 0.6, until: 2018 },
  { slug: 'renfang', name: '人民防空办公室', weight: 0.3 },
  { slug: 'dangan', name: '档案局', weight: 0.4 },
  { slug: 'minzu', name: '民族宗教事务局', weight: 0.3 },
  { slug: 'guoziw', name: '国有资产监督管理委员会', weight: 0.4, cityOnly: true },
  { slug: 'gongjijin', name: '住房公积金管理中心', weight: 0.7 },
  { slug: 'jiguan', name: '机关事务管理局', weight: 0.3 },
  { slug: 'zhengwu', name: '政务服务中心', weight: 0.5 },
  { slug: 'ziyuan', name: '公共资源交易中心', weight: 0.4 },
  { slug: 'xiangcun', old: '扶贫开发办公室', name: '乡村振兴局', weight: 0.5 },
  { slug: 'laoling', name: '老龄工作委员会办公室', weight: 0.2 },
  { slug: 'dizhen', name: '地震局', weight: 0.2, cityOnly: true },
  { slug: 'qixiang', name: '气象局', weight: 0.2 },
  { slug: 'yancao', name: '烟草专卖局', weight: 0.2 },
  { slug: 'shuiwu', name: '税务局', weight: 0.8 },
  { slug: 'tongjidd', name: '调查队', weight: 0.2, cityOnly: true },
  { slug: 'youzheng', name: '邮政管理局', weight: 0.2, cityOnly: true },
  { slug: 'jiankang', name: '疾病预防控制中心', weight: 0.4 },
  { slug: 'shuiwu2', name: '水务局', weight: 0.5, cityOnly: true },
  { slug: 'huanjing', name: '环境卫生管理处', weight: 0.3 },
  { slug: 'jiaoguan', name: '交通管理支队', weight: 0.5, cityOnly: true },
  { slug: 'xiaofang', name: '消防救援支队', weight: 0.3, from: REFORM, cityOnly: true },
  { slug: 'lvyou', name: '旅游发展委员会', weight: 0.3, until: 2018 },
  { slug: 'guihua', name: '规划局', weight: 1.5, until: 2018 },
  { slug: 'fangchan', name: '房产局', weight: 1.5 },
  { slug: 'nongji', name: '农业机械化管理局', weight: 0.2 },
  { slug: 'jingxin', name: '经济合作局', weight: 0.3 },
  { slug: 'jinrong', name: '金融发展局', weight: 0.3, from: 2015 },
  { slug: 'dashuju', name: '大数据管理局', weight: 0.3, from: 2019 },
  { slug: 'yuanlin', name: '园林局', weight: 0.3, cityOnly: true },
  { slug: 'lvyouj', name: '粮食和物资储备局', weight: 0.2, from: REFORM, cityOnly: true },
  { slug: 'liangshi', name: '粮食局', weight: 0.2, until: 2018, cityOnly: true },
  { slug: 'wenwu', name: '文物局', weight: 0.2, cityOnly: true },
  { slug: 'shiyan', name: '渔业局', weight: 0.2 },
  { slug: 'hanghai', name: '港口与口岸局', weight: 0.2, cityOnly: true },
  { slug: 'nengyuan', name: '能源局', weight: 0.2, cityOnly: true },
  { slug: 'tushu', name: '图书馆', weight: 0.1 },
  { slug: 'bowu', name: '博物馆', weight: 0.1, cityOnly: true },
  { slug: 'jiuzhu', name: '社会保险事业管理中心', weight: 0.5 },
  { slug: 'yiyuan', name: '中心医院', weight: 0.3 },
  { slug: 'dangxiao', name: '行政学院', weight: 0.1, cityOnly: true },
  { slug: 'jianyu', name: '戒毒所', weight: 0.1, cityOnly: true },
  { slug: 'zhengyan', name: '政府研究室', weight: 0.1 },
  { slug: 'waiban', name: '外事办公室', weight: 0.1, cityOnly: true },
  { slug: 'taiban', name: '台湾事务办公室', weight: 0.1 },
  { slug: 'fazhi', name: '法制办公室', weight: 0.3, until: 2018 },
  { slug: 'jinban', name: '金融工作办公室', weight: 0.2, until: 2018 },
  { slug: 'zhaoshang', name: '招商局', weight: 0.2 },
  { slug: 'lvyouju', name: '旅游局', weight: 0.3, until: 2018 },
  { slug: 'xumu', name: '畜牧兽医局', weight: 0.3 },
  { slug: 'dongwei', name: '动物卫生监督所', weight: 0.1 },
  { slug: 'shuibao', name: '水土保持局', weight: 0.1 },
  { slug: 'zhengshou', name: '房屋征收管理办公室', weight: 0.8 },
  { slug: 'budongchan', name: '不动产登记中心', weight: 0.8, from: 2016 },
  { slug: 'tuchu', name: '土地储备中心', weight: 0.4 },
  { slug: 'zhongcai', name: '劳动人事争议仲裁院', weight: 0.3 },
  { slug: 'jiuye', name: '就业服务局', weight: 0.3 },
  { slug: 'yibaozx', name: '医疗保险管理中心', weight: 0.3 },
  { slug: 'zonghezf', name: '综合行政执法局', weight: 0.6, from: REFORM },
  { slug: 'yingshang', name: '营商环境建设局', weight: 0.4, from: 2018 },
  { slug: 'nongjing', name: '农村经济管理站', weight: 0.1 },
  { slug: 'shuiwenj', name: '水文局', weight: 0.1, cityOnly: true },
  { slug: 'gonglu', name: '公路管理局', weight: 0.2 },
  { slug: 'cheguan', name: '车辆管理所', weight: 0.3, cityOnly: true },
  { slug: 'difangzhi', name: '地方志办公室', weight: 0.1 },
  { slug: 'nongkai', name: '农业综合开发办公室', weight: 0.1, until: 2018 },
];

/** Departments per government at --scale 1 (inclusive ranges, picked per government by seed). */
export const DEPARTMENT_COUNT = { city: [62, 88], county: [54, 78] } as const;

export interface ProvinceUnits {
  province: Division;
  /** Every division of the province (any year), province first, codes ascending. */
  divisions: Division[];
}

let meta: GazetteerMeta | undefined;
function gazetteerMeta(): GazetteerMeta {
  meta ??= JSON.parse(readFileSync(join(GAZETTEER_DIR, 'meta.json'), 'utf8')) as GazetteerMeta;
  return meta;
}

/** Province rows that have counties in the gazetteer (not 台湾, 香港, 澳门). */
export function provinces(): DivisionRow[] {
  const rows = parseDivisionsCsv(readFileSync(join(GAZETTEER_DIR, 'divisions.csv'), 'utf8'), 'divisions.csv');
  const withCounties = new Set(rows.filter((r) => r.level === 'county' && r.kind === 'admin').map((r) => r.code.slice(0, 2)));
  return rows.filter((r) => r.level === 'province' && withCounties.has(r.code.slice(0, 2)));
}

/** Province by name (辽宁省, 辽宁) or two-digit code (21); null when unknown. */
export function findProvince(arg: string): DivisionRow | null {
  const all = provinces();
  const a = arg.trim();
  return all.find((p) => p.code.slice(0, 2) === a || p.code === a || p.name === a || p.name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '') === a) ?? null;
}

export function loadProvince(code2: string): ProvinceUnits {
  const rows = parseDivisionsCsv(readFileSync(join(GAZETTEER_DIR, 'divisions.csv'), 'utf8'), 'divisions.csv').filter(
    (r) => r.code.startsWith(code2) && r.kind === 'admin',
  );
  let towns: DivisionRow[] = [];
  try {
    towns = parseDivisionsCsv(readFileSync(join(GAZETTEER_DIR, 'towns', `${code2}.csv`), 'utf8'), `towns/${code2}.csv`).filter((r) => r.kind === 'admin');
  } catch {
    towns = [];
  }
  const floors = gazetteerMeta().floors;
  const byCode = new Map<string, Division>();
  const divisions: Division[] = [];
  // parents come before children: province, city, county, town; codes ascending within a level
  const order = { province: 0, city: 1, county: 2, town: 3 } as const;
  const all = [...rows, ...towns].sort((a, b) => order[a.level] - order[b.level] || a.code.localeCompare(b.code) || a.first - b.first);
  for (const row of all) {
    const parent = row.parent ? byCode.get(row.parent) : undefined;
    if (row.level !== 'province' && !parent) continue; // under a placeholder that is not kept
    // a unit whose first year is its level's first snapshot may be older: valid from the start
    const floor = row.level === 'town' ? floors.town : floors.county;
    const division: Division = {
      code: row.code,
      name: row.name,
      level: row.level,
      ancestors: parent ? [...parent.ancestors, parent] : [],
      first: row.first <= floor ? 0 : row.first,
      last: row.last,
    };
    divisions.push(division);
    byCode.set(row.code, division); // a renamed unit: the later row wins as a parent
  }
  const province = divisions.find((d) => d.level === 'province');
  if (!province) throw new Error(`no province ${code2} in the gazetteer`);
  return { province, divisions };
}

/** Whether a division (and every government above it) exists in `year`. */
export function validIn(d: Division, year: number): boolean {
  const inRange = (x: Division) => x.first <= year && (x.last === null || x.last >= year);
  return inRange(d) && d.ancestors.every(inRange);
}

/**
 * The divisions that publish in `year`: one per code (a renamed unit's current name), towns
 * thinned to `scale` (kept when their seeded hash is below it).
 */
export function divisionsIn(units: ProvinceUnits, year: number, seed: number, scale: number): Division[] {
  const byCode = new Map<string, Division>();
  for (const d of units.divisions) {
    if (!validIn(d, year)) continue;
    if (d.level === 'town' && scale < 1 && unitHash(seed, 'town', d.code) >= scale) continue;
    byCode.set(d.code, d); // rows are in first-year order: the later name wins
  }
  return [...byCode.values()];
}

/** The departments of a city or county government in `year`. */
export function departmentsOf(gov: Division, year: number, seed: number, scale: number): Department[] {
  if (gov.level !== 'city' && gov.level !== 'county') return [];
  const [lo, hi] = DEPARTMENT_COUNT[gov.level];
  const base = lo + Math.floor(unitHash(seed, 'departments', gov.code) * (hi - lo + 1));
  const want = Math.max(scale > 0 ? 1 : 0, Math.round(base * scale));
  // a stable preference order per government: the head of the list first, shuffled slightly
  const ranked = DEPARTMENTS.map((spec, i) => ({ spec, key: i + 12 * unitHash(seed, 'rank', gov.code, spec.slug) }))
    .filter(({ spec }) => !(spec.cityOnly && gov.level !== 'city'))
    .sort((a, b) => a.key - b.key || a.spec.slug.localeCompare(b.spec.slug));
  const out: Department[] = [];
  for (const { spec } of ranked.slice(0, want)) {
    if ((spec.from && year < spec.from) || (spec.until && year > spec.until)) continue;
    out.push({ gov, slug: spec.slug, name: year < REFORM && spec.old ? spec.old : spec.name, weight: spec.weight });
  }
  return out;
}
