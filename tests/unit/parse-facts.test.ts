// Report facts: issuer, jurisdiction, level, scope, year, published. The texts are real lines
// of the shipped corpus (data/corpus), shortened, plus the hard cases the corpus holds once.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse';
import { findPublished, issuerFacts, jurisdictionOf, levelOf } from '../../src/parse/extract/facts';
import { leadingOrgan, readOrgan } from '../../src/parse/extract/organ';
import { normaliseText } from '../../src/parse/normalise/text';

/** The facts the parser reports for a text (a report must speak of 信息公开 to be read at all). */
const facts = (text: string) => {
  const f = parseReport(text + '\n三、政府信息公开工作存在的主要问题').facts;
  return { issuer: f.issuer, jurisdiction: f.jurisdiction, level: f.level };
};
const BODY = '\n一、总体情况\n本年度主动公开政府信息12条。\n';

describe('names of bodies', () => {
  it('reads the chain of places and the organ', () => {
    expect(readOrgan('广州市海珠区人民政府江南中街道办事处')).toMatchObject({
      kind: 'government', places: ['广州市', '海珠区', '江南中街道'], jurisdiction: '江南中街道', placeLevel: 'town',
    });
    expect(readOrgan('麻阳苗族自治县板栗树乡人民政府')).toMatchObject({ kind: 'government', jurisdiction: '板栗树乡', placeLevel: 'town' });
    expect(readOrgan('石柱土家族自治县')).toMatchObject({ kind: 'government', jurisdiction: '石柱土家族自治县', placeLevel: 'county' });
    expect(readOrgan('上海市')).toMatchObject({ placeLevel: 'province' });
    expect(readOrgan('北京市东城区审计局')).toMatchObject({ kind: 'department', jurisdiction: '东城区', placeLevel: 'county' });
    expect(readOrgan('道县文广新局')).toMatchObject({ kind: 'department', jurisdiction: '道县' });
    expect(readOrgan('站前区政府办公室')).toMatchObject({ kind: 'office', jurisdiction: '站前区' });
    expect(readOrgan('荆门市人民政府研究室')).toMatchObject({ kind: 'department', jurisdiction: '荆门市' });
    expect(readOrgan('城口县人民政府机关')).toMatchObject({ kind: 'government', jurisdiction: '城口县', placeLevel: 'county' }); // pages/2020-chongqing-chengkou-county
    // streets named after a road or a work: 文化, 建设, 工业 are organ words elsewhere (generated 640104003 银川市兴庆区文化街街道)
    expect(readOrgan('银川市兴庆区文化街街道办事处')).toMatchObject({ kind: 'government', jurisdiction: '文化街街道', placeLevel: 'town' });
    // generated whole provinces (bench/facts-generated.ts, 河北): a district named …园区 the gazetteer holds, an ethnic
    // township whose stem holds 镇, a street whose name holds 市 where no city of that name is known
    expect(readOrgan('张家口市下花园区交通运输局')).toMatchObject({ kind: 'department', jurisdiction: '下花园区', placeLevel: 'county' });
    expect(readOrgan('涞源县营镇回族乡人民政府')).toMatchObject({ kind: 'government', jurisdiction: '营镇回族乡', placeLevel: 'town' });
    expect(readOrgan('保定市安国市祁州药市街道办事处')).toMatchObject({ kind: 'government', jurisdiction: '祁州药市街道', placeLevel: 'town' });
    expect(readOrgan('汕尾市城区遮浪街道办事处')).toMatchObject({ kind: 'government', places: ['汕尾市', '城区', '遮浪街道'], placeLevel: 'town' });
    expect(readOrgan('新乡市红旗区向阳小区街道办事处')).toMatchObject({ kind: 'government', jurisdiction: '向阳小区街道', placeLevel: 'town' });
    expect(readOrgan('全市社区街道办事处')).toBeNull();
    expect(readOrgan('广东省广州市街道办事处')?.jurisdiction).not.toBe('广州市街道'); // a known city is no street's stem
    expect(readOrgan('建设路街道办事处')).toMatchObject({ kind: 'government', jurisdiction: '建设路街道', placeLevel: 'town' });
    expect(readOrgan('成都市武侯区工业街道')).toMatchObject({ jurisdiction: '工业街道', placeLevel: 'town' });
    expect(readOrgan('开展文化街道')).toBeNull();
    // a city or county whose name holds a town suffix, a town whose name holds 旗, an ethnic township, a 矿区 or 林区
    // district (generated 内蒙古 reports: 丰镇市 read as 丰镇 + 市巨宝庄镇, 甘旗卡镇 as 甘旗 + 卡镇)
    expect(readOrgan('景德镇市人民政府')).toMatchObject({ kind: 'government', jurisdiction: '景德镇市', placeLevel: 'city' });
    expect(readOrgan('乌兰察布市丰镇市巨宝庄镇人民政府')).toMatchObject({ places: ['乌兰察布市', '丰镇市', '巨宝庄镇'], placeLevel: 'town' });
    expect(readOrgan('长沙市宁乡市人民政府')).toMatchObject({ jurisdiction: '宁乡市', placeLevel: 'county' });
    expect(readOrgan('平乡县人民政府')).toMatchObject({ jurisdiction: '平乡县', placeLevel: 'county' });
    expect(readOrgan('城关镇市场监督管理所')).toMatchObject({ jurisdiction: '城关镇' });
    expect(readOrgan('太仆寺旗红旗镇人民政府')).toMatchObject({ places: ['太仆寺旗', '红旗镇'], placeLevel: 'town' });
    expect(readOrgan('红旗街道办事处')).toMatchObject({ kind: 'government', jurisdiction: '红旗街道', placeLevel: 'town' });
    expect(readOrgan('科尔沁左翼后旗甘旗卡镇人民政府')).toMatchObject({ places: ['科尔沁左翼后旗', '甘旗卡镇'] });
    expect(readOrgan('阿荣旗得力其尔鄂温克民族乡人民政府')).toMatchObject({ jurisdiction: '得力其尔鄂温克民族乡', placeLevel: 'town' });
    expect(readOrgan('包头市白云鄂博矿区人民政府')).toMatchObject({ jurisdiction: '白云鄂博矿区', placeLevel: 'county' });
    expect(readOrgan('邯郸市峰峰矿区人民政府')).toMatchObject({ jurisdiction: '峰峰矿区', placeLevel: 'county' });
    expect(readOrgan('神农架林区人民政府')).toMatchObject({ jurisdiction: '神农架林区' });
    // generated 江西 reports: 东乡区, 万年县, 石镇镇 (a one-character town stem and its suffix)
    expect(readOrgan('抚州市东乡区人民政府')).toMatchObject({ jurisdiction: '东乡区', placeLevel: 'county' });
    expect(readOrgan('上饶市万年县人民政府')).toMatchObject({ jurisdiction: '万年县', placeLevel: 'county' });
    expect(readOrgan('邯郸市永年区')).toMatchObject({ jurisdiction: '永年区' });
    expect(readOrgan('2020年万年县')).toBeNull();
    expect(readOrgan('合肥市包河区万年埠街道')).toMatchObject({ jurisdiction: '万年埠街道', placeLevel: 'town' });
    expect(readOrgan('万年县石镇镇人民政府')).toMatchObject({ places: ['万年县', '石镇镇'], placeLevel: 'town' });
    // generated 云南 reports: an autonomous county starting with 镇, a 2-character 盟 that is no league, ethnic townships
    expect(readOrgan('普洱市镇沅彝族哈尼族拉祜族自治县公安局')).toMatchObject({ kind: 'department', jurisdiction: '镇沅彝族哈尼族拉祜族自治县', placeLevel: 'county' });
    expect(readOrgan('普洱市西盟佤族自治县财政局')).toMatchObject({ jurisdiction: '西盟佤族自治县', placeLevel: 'county' });
    expect(readOrgan('呼伦贝尔盟鄂温克族自治旗')).toMatchObject({ places: ['呼伦贝尔盟', '鄂温克族自治旗'] });
    expect(readOrgan('保山市隆阳区芒宽彝族傣族乡人民政府')).toMatchObject({ jurisdiction: '芒宽彝族傣族乡', placeLevel: 'town' });
    expect(readOrgan('少数民族乡')).toBeNull();
    // generated 吉林/湖南/广东 reports: 绿园区 (a district, not a zone), 津市市, 三乡镇, 汕尾市城区
    expect(readOrgan('长春市绿园区人民政府')).toMatchObject({ jurisdiction: '绿园区', placeLevel: 'county' });
    expect(readOrgan('该园区')).toBeNull();
    expect(readOrgan('常德市津市市嘉山街道办事处')).toMatchObject({ places: ['常德市', '津市市', '嘉山街道'], placeLevel: 'town' });
    expect(readOrgan('津市市市场监督管理局')).toMatchObject({ kind: 'department', jurisdiction: '津市市' });
    expect(readOrgan('中山市三乡镇人民政府')).toMatchObject({ jurisdiction: '三乡镇', placeLevel: 'town' });
    expect(readOrgan('城镇乡村')).toBeNull();
    // generated 河南/山西/浙江 reports: 红旗区, 社旗县 (no banner has a one-character stem), 辉县市, 桐乡街道, 阳泉市矿区, 铜陵市郊区
    expect(readOrgan('新乡市红旗区人民政府')).toMatchObject({ jurisdiction: '红旗区', placeLevel: 'county' });
    expect(readOrgan('南阳市社旗县')).toMatchObject({ jurisdiction: '社旗县', placeLevel: 'county' });
    expect(readOrgan('新乡市辉县市北云门镇人民政府')).toMatchObject({ places: ['新乡市', '辉县市', '北云门镇'] });
    expect(readOrgan('嘉兴市桐乡街道')).toMatchObject({ jurisdiction: '桐乡街道', placeLevel: 'town' });
    expect(readOrgan('阳泉市矿区人民政府')).toMatchObject({ jurisdiction: '矿区', placeLevel: 'county' });
    expect(readOrgan('铜陵市郊区人民政府')).toMatchObject({ jurisdiction: '郊区', placeLevel: 'county' });
    expect(readOrgan('全县街道')).toBeNull();
    // generated 黑龙江 reports: 金林区, 新林区, 北林区 (林区 districts), 梅里斯达斡尔族区
    expect(readOrgan('伊春市金林区')).toMatchObject({ jurisdiction: '金林区', placeLevel: 'county' });
    expect(readOrgan('大兴安岭地区新林区')).toMatchObject({ jurisdiction: '新林区', placeLevel: 'county' });
    expect(readOrgan('齐齐哈尔市梅里斯达斡尔族区人民政府')).toMatchObject({ jurisdiction: '梅里斯达斡尔族区', placeLevel: 'county' });
    expect(readOrgan('该林区')).toBeNull();
    expect(readOrgan('金矿区')).toBeNull();
    expect(readOrgan('汕尾市城区人民政府')).toMatchObject({ places: ['汕尾市', '城区'], jurisdiction: '城区', placeLevel: 'county' });
    expect(readOrgan('汕尾市城区教育局')).toMatchObject({ kind: 'department', jurisdiction: '城区' });
    expect(readOrgan('临夏回族自治州东乡族自治县人民政府')).toMatchObject({ jurisdiction: '东乡族自治县', placeLevel: 'county' }); // 东乡 holds 乡
    expect(readOrgan('临夏回族自治州积石山保安族东乡族撒拉族自治县')).toMatchObject({ jurisdiction: '积石山保安族东乡族撒拉族自治县' });
    expect(readOrgan('重点林区')).toBeNull();
    expect(readOrgan('煤矿矿区')).toBeNull();
    expect(readOrgan('住房和城乡建设街道')).toBeNull();
  });

  it('gives a district department, a city bureau’s district branch and a street its own government', () => {
    expect(readOrgan('广州市越秀区市场监督管理局')?.jurisdiction).toBe('越秀区'); // not 越秀区市
    expect(readOrgan('广州市花都区住房和城乡建设局')?.jurisdiction).toBe('花都区'); // 城乡 is no 乡
    expect(readOrgan('广州市城市管理和综合执法局')?.jurisdiction).toBe('广州市'); // 城市 is no 市
    expect(readOrgan('广州市公安局增城区分局')).toMatchObject({ kind: 'department', jurisdiction: '增城区' });
    expect(readOrgan('广州市规划和自然资源局花都区分局')?.jurisdiction).toBe('花都区');
    expect(readOrgan('大石街')).toMatchObject({ kind: 'government', jurisdiction: '大石街道', placeLevel: 'town' });
    expect(readOrgan('驼峰路街道办事处')).toMatchObject({ kind: 'government', jurisdiction: '驼峰路街道' });
  });

  it('reads a district government joined with its development zone as one government', () => {
    expect(readOrgan('广州市黄埔区人民政府 广州开发区管委会')).toMatchObject({
      name: '广州市黄埔区人民政府广州开发区管委会', kind: 'government', jurisdiction: '黄埔区', placeLevel: 'county',
    });
    // a zone's committee alone belongs to no government its name gives
    expect(readOrgan('番禺经济技术开发区管委会')).toMatchObject({ kind: 'department', jurisdiction: null });
    expect(readOrgan('广州市花都汽车城管理委员会')).toMatchObject({ kind: 'department', jurisdiction: null });
  });

  it('does not split a name at a town suffix inside it (pages/2024-guangxi-xixiangtang-xixiangtang-town)', () => {
    expect(readOrgan('南宁市西乡塘区西乡塘街道')).toMatchObject({ places: ['南宁市', '西乡塘区', '西乡塘街道'], jurisdiction: '西乡塘街道', placeLevel: 'town' });
    expect(readOrgan('西乡塘区人民政府')).toMatchObject({ jurisdiction: '西乡塘区', placeLevel: 'county' });
  });

  it('gives a department of a zone named by no government the zone as its jurisdiction (complete/2019-fujian-pingtan-public-security-bureau-department)', () => {
    expect(readOrgan('平潭综合实验区公安局')).toMatchObject({ kind: 'department', jurisdiction: '平潭综合实验区' });
    expect(readOrgan('平潭综合实验区交通与建设局')).toMatchObject({ kind: 'department', jurisdiction: '平潭综合实验区' });
    // a zone named by its kind alone names no place; a district's zone department keeps the district
    expect(readOrgan('高新区财政局')?.jurisdiction ?? null).toBeNull();
    expect(readOrgan('广州市黄埔区广州开发区财政局')?.jurisdiction).toBe('黄埔区');
  });

  it('reads a zone named alone as the county-level government of its area, never a zone named by its kind (complete/*-fujian-pingtan-zone-county, pages/2021-tianjin-binhai-high-tech-zone-county)', () => {
    expect(readOrgan('平潭综合实验区')).toMatchObject({ kind: 'government', jurisdiction: '平潭综合实验区', placeLevel: 'county' });
    expect(readOrgan('天津滨海高新技术产业开发区')).toMatchObject({ kind: 'government', jurisdiction: '天津滨海高新技术产业开发区', placeLevel: 'county' });
    expect(readOrgan('平潭综合实验区管委会办公室')).toMatchObject({ kind: 'department', jurisdiction: '平潭综合实验区' });
    expect(readOrgan('高新区')).toBeNull();
    expect(readOrgan('平潭综合实验区人民政府')).toBeNull(); // a zone has no 人民政府
    expect(leadingOrgan('平潭综合实验区管委会办公室 时间:2012-04-11')?.name).toBe('平潭综合实验区管委会办公室');
  });

  it('reads 赣县区 and 沙市区 as one district (pages/2021-jiangxi-ganxian-administrative-approval-bureau-department)', () => {
    expect(readOrgan('赣县区行政审批局')).toMatchObject({ jurisdiction: '赣县区', placeLevel: 'county' });
    expect(readOrgan('荆州市沙市区人民政府')).toMatchObject({ jurisdiction: '沙市区' });
  });

  it('gives a city named alone the level the gazetteer knows it at, and no level when it knows it at both or not at all', () => {
    expect(readOrgan('兴仁市人民政府')?.placeLevel).toBe('county'); // pages/2022-guizhou-xingren-county
    expect(readOrgan('临夏市人民政府')?.placeLevel).toBe('county'); // pages/2023-gansu-linxia-county
    expect(readOrgan('广州市人民政府')?.placeLevel).toBe('city');
    expect(readOrgan('巢湖市人民政府')?.placeLevel ?? null).toBeNull(); // a prefecture until 2011, a county-level city since
    expect(readOrgan('广州市增城市人民政府')?.placeLevel).toBe('county'); // under a city
    expect(readOrgan('贵州省兴仁市人民政府')?.placeLevel).toBe('county'); // under its province
    expect(readOrgan('广东省广州市人民政府')?.placeLevel).toBe('city');
  });

  it('cuts an internal unit back to its body', () => {
    expect(readOrgan('无锡市锡山区人民政府厚桥街道党政办公室综合科')).toMatchObject({ name: '无锡市锡山区人民政府厚桥街道', jurisdiction: '厚桥街道' });
    expect(readOrgan('新九镇党政办')?.name).toBe('新九镇');
  });

  it('refuses junk and names without a place', () => {
    for (const junk of ['现公布伊春市', '由广州市海珠区人民政府编制的', '由广州市', '广州市政务公开工作办公室关于编制发布', '现向社会公布广州市',
      '我局', '区档案局', '市人民政府办公室', '亚洲官网住房和城乡建设局', 'bet365亚洲官网', '广州市人民政府办公室关于做好', '荆门市人民政府办公室综合荆门市行政区域内总体情况']) {
      expect(readOrgan(junk), junk).toBeNull();
    }
  });

  it('reads the subject of a sentence', () => {
    expect(leadingOrgan('广州市交通运输局在广州市委、市政府正确领导下')?.name).toBe('广州市交通运输局');
    expect(leadingOrgan('海珠区认真贯彻落实')?.name).toBe('海珠区');
    expect(leadingOrgan('越秀区在市委、市政府的正确领导下')?.name).toBe('越秀区'); // not 越秀区在市委
    expect(leadingOrgan('东宝区政府信息公开工作在区委、区政府的指导下')?.name).toBe('东宝区');
    expect(leadingOrgan('白云区政府坚持以习近平')?.name).toBe('白云区政府');
    expect(leadingOrgan('番禺区人民政府办公室严格对照')).toMatchObject({ name: '番禺区人民政府办公室', kind: 'office' });
    expect(leadingOrgan('广州市规划和自然资源局花都区分局严格按照')?.name).toBe('广州市规划和自然资源局花都区分局');
    expect(leadingOrgan('海珠区充分发挥海珠区政府门户网站作用')?.name).toBe('海珠区');
    expect(leadingOrgan('我局认真贯彻')).toBeNull();
  });
});

describe('issuer, jurisdiction and level of a report', () => {
  it('reads the title, with the body before or after the year', () => {
    expect(facts('广州市越秀区市场监督管理局2022年政府信息公开工作年度报告' + BODY)).toEqual({
      issuer: '广州市越秀区市场监督管理局', jurisdiction: '越秀区', level: 'department',
    });
    expect(facts('2015年广州市环境保护局政府信息公开年度报告' + BODY)).toEqual({ issuer: '广州市环境保护局', jurisdiction: '广州市', level: 'department' });
    expect(facts('2018年荆门市人民政府信息公开工作年度报告' + BODY)).toEqual({ issuer: '荆门市人民政府', jurisdiction: '荆门市', level: 'city' });
    expect(facts('广州市花都区梯面镇人民政府2024年政府信息公开工作年度报告' + BODY)).toEqual({ issuer: '广州市花都区梯面镇人民政府', jurisdiction: '梯面镇', level: 'town' });
  });

  it('reads a title split over lines', () => {
    expect(facts('孝感市人民政府办公室\n2020年政府信息公开工作年度报告\n根据《中华人民共和国政府信息公开条例》要求,现公开本报告。' + BODY)).toEqual({
      issuer: '孝感市人民政府办公室', jurisdiction: '孝感市', level: 'department',
    });
    expect(facts('广州市花都区花东镇人民政府2024年政府\n信息公开工作年度报告' + BODY)).toMatchObject({ issuer: '广州市花都区花东镇人民政府', level: 'town' });
    expect(facts('www.panzhihua.gov.cn\n盐边县新九镇人民政府\n关于2021年度政府信息公开工作的年度报告' + BODY)).toMatchObject({ issuer: '盐边县新九镇人民政府', jurisdiction: '新九镇' });
  });

  it('reads traditional characters and pinyin glosses as simplified', () => {
    expect(facts('廣州市荔灣區人民政府多寶街道辦事處2020年政府信息公開工作年度報告' + BODY)).toEqual({
      issuer: '广州市荔湾区人民政府多宝街道办事处', jurisdiction: '多宝街道', level: 'town',
    });
    expect(facts('廣(guǎng)州市花都區財(cái)政局2020年政府信息公開工作年度報告' + BODY)).toMatchObject({ issuer: '广州市花都区财政局', jurisdiction: '花都区' });
  });

  it('strips the wrappers around a name in running text', () => {
    const text = (line: string) => facts(`\n${line}\n一、概述\n本年度主动公开政府信息12条。`);
    expect(text('根据《中华人民共和国政府信息公开条例》的规定,现公布广州市人民政府办公厅2020年政府信息公开工作年度报告。')).toEqual({
      issuer: '广州市人民政府办公厅', jurisdiction: '广州市', level: 'department',
    });
    expect(text('根据《条例》要求,现向社会公布广州市信访局2022年政府信息公开工作年度报告。')).toMatchObject({ issuer: '广州市信访局' });
    expect(text('本报告是根据《条例》要求,由广州市海珠区人民政府编制的2014年政府信息公开年度报告。')).toEqual({
      issuer: '广州市海珠区人民政府', jurisdiction: '海珠区', level: 'county',
    });
    expect(text('本年度报告是根据《条例》要求,由无锡市锡山区人民政府厚桥街道党政办公室综合科编制。')).toEqual({
      issuer: '无锡市锡山区人民政府厚桥街道', jurisdiction: '厚桥街道', level: 'town',
    });
  });

  it('reads the signature, at the end or under the title', () => {
    expect(facts('露水河镇2017年政府信息公开工作年度报告' + BODY + '\n抚松县露水河镇人民政府\n\n                 2018年3月16日')).toEqual({
      issuer: '抚松县露水河镇人民政府', jurisdiction: '露水河镇', level: 'town',
    });
    expect(facts('\n广州市人民政府\n2015年3月\n本年度报告由广州市政府办公厅综合各区政府和市政府各部门的年度报告编写而成。' + BODY)).toMatchObject({
      issuer: '广州市人民政府', level: 'city',
    });
  });

  it('gives a government’s report issued by its office the government’s level', () => {
    const r = facts('站前区2017年度政府信息公开工作年度报告\n2017年,站前区政府高度重视政府信息公开工作。我区主动公开信息120条。\n站前区政府办公室\n二〇一八年二月九日');
    expect(r).toEqual({ issuer: '站前区政府办公室', jurisdiction: '站前区', level: 'county' });
    // compiled by a centre, the text speaking of 我区
    expect(facts('一、总体情况\n本报告是根据《条例》要求,由东宝区大数据中心编制的2020年度政府信息公开年度报告。\n今年以来,我区政府信息公开工作在区委、区政府的指导下开展。')).toEqual({
      issuer: '东宝区大数据中心', jurisdiction: '东宝区', level: 'county',
    });
  });

  it('names a county’s government when its title names only the place; a town keeps its name', () => {
    expect(facts('石柱土家族自治县2024年政府信息公开工作年度报告' + BODY)).toEqual({ issuer: '石柱土家族自治县人民政府', jurisdiction: '石柱土家族自治县', level: 'county' });
    expect(facts('2022年上海市政府信息公开工作年度报告' + BODY + '本年度报告电子版可从上海市人民政府网站下载。')).toEqual({
      issuer: '上海市人民政府', jurisdiction: '上海市', level: 'province',
    });
    expect(facts('2009年度下管镇政府信息公开年度报告' + BODY)).toEqual({ issuer: '下管镇', jurisdiction: '下管镇', level: 'town' });
    // the formal name as the text writes it
    expect(facts('广州市海珠区江南中街道2020年政府信息公开年度报告\n一、总体情况\n2020年,在区委、区政府的正确领导下,海珠区人民政府江南中街道办事处认真贯彻执行《条例》。')).toEqual({
      issuer: '海珠区人民政府江南中街道办事处', jurisdiction: '江南中街道', level: 'town',
    });
  });

  it('keeps a place a title names alone as printed when the text writes out no fuller name and the place has no 人民政府 (pages/2024-neimenggu-xinganmeng-city, 2023-yunnan-jinning-erjie-town)', () => {
    expect(facts('兴安盟2024年政府信息公开工作年度报告' + BODY)).toEqual({ issuer: '兴安盟', jurisdiction: '兴安盟', level: 'city' });
    expect(facts('天津滨海高新技术产业开发区2021年度政府信息公开工作报告' + BODY)).toEqual({
      issuer: '天津滨海高新技术产业开发区', jurisdiction: '天津滨海高新技术产业开发区', level: 'county',
    });
    // a written-out name dropping the title's parents is no fuller name
    expect(facts('昆明市晋宁区二街镇2023年政府信息公开工作年度报告\n一、总体情况\n2023年,二街镇人民政府充分保障群众的知情权。')).toEqual({
      issuer: '昆明市晋宁区二街镇', jurisdiction: '二街镇', level: 'town',
    });
  });

  it('takes the publisher or the compiling office of the place a title names alone (complete/2011-, 2015-fujian-pingtan-zone-county)', () => {
    expect(facts('平潭综合实验区2011年政府信息公开工作年度报告\n发布机构: 平潭综合实验区管委会办公室\n' + BODY)).toEqual({
      issuer: '平潭综合实验区管委会办公室', jurisdiction: '平潭综合实验区', level: 'county',
    });
    expect(facts('平潭综合实验区2015年度政府信息公开工作年度报告\n根据《条例》的要求,我区管委会办公室编制完成了本报告。' + BODY)).toEqual({
      issuer: '平潭综合实验区管委会办公室', jurisdiction: '平潭综合实验区', level: 'county',
    });
    // a publisher of another place is not the issuer
    expect(facts('平潭综合实验区2017年度政府信息公开工作年度报告\n来源:平潭县人民政府\n' + BODY).issuer).toBe('平潭综合实验区');
  });

  it('takes the body signing inline for a place a title names alone, in a text whose lines were lost (complete/2012-fujian-pingtan-zone-county)', () => {
    const head = '标题: 平潭综合实验区2012年政府信息公开工作年度报告\n发布机构: 平潭综合实验区管委会\n当前位置： 首页 平潭综合实验区2012年政府信息公开工作年度报告 来源：平潭综合实验区管委会 相关链接： --> ';
    expect(facts(head + '平潭综合实验区管委会办公室 二〇一三年一月 本报告主要根据《条例》编制。' + BODY)).toEqual({
      issuer: '平潭综合实验区管委会办公室', jurisdiction: '平潭综合实验区', level: 'county',
    });
    // a date after a name inside a sentence is no signature
    expect(facts(head + '平潭综合实验区管委会办公室于 2013年1月 印发本报告。' + BODY).issuer).toBe('平潭综合实验区');
  });

  it('takes a government’s office for the issuer only when it both published and compiled the report (panel/2018-hubei-jingmen-city, 2017-guangdong-guangzhou-city)', () => {
    expect(facts('2018年荆门市人民政府信息公开工作年度报告\n来源:荆门市人民政府办公室\n本报告根据《条例》要求,由荆门市人民政府办公室综合荆门市行政区域内总体情况编制而成。' + BODY)).toEqual({
      issuer: '荆门市人民政府办公室', jurisdiction: '荆门市', level: 'city',
    });
    expect(facts('广州市人民政府2017年政府信息公开工作年度报告\n发布机构: 广州市人民政府办公厅\n本报告是根据《条例》的规定,由广州市人民政府编制的2017年度政府信息公开年度报告。' + BODY).issuer).toBe('广州市人民政府');
    // compiled by the office under a title naming the government: the government (pdf2/2023-jiangsu-hongze-county)
    expect(facts('洪泽区人民政府\n2023 年政府信息公开工作年度报告\n本报告由淮安市洪泽区人民政府办公室根据《条例》要求编制此报告。' + BODY).issuer).toBe('洪泽区人民政府');
  });

  it('gives an office compiling its area’s reports its government’s level, title or not (panel/2018-hubei-jingmen-city, complete/2011-fujian-pingtan-zone-county, titles cut)', () => {
    expect(facts('来源:荆门市人民政府办公室\n本报告根据《条例》要求,由荆门市人民政府办公室综合荆门市行政区域内总体情况编制而成。' + BODY)).toEqual({
      issuer: '荆门市人民政府办公室', jurisdiction: '荆门市', level: 'city',
    });
    expect(facts('来源：平潭综合实验区管委会办公室 本报告主要根据《条例》以及平潭综合实验区管委会及各工作部门、平潭县各乡镇人民政府的政府信息公开年度报告编制。' + BODY)).toMatchObject({
      issuer: '平潭综合实验区管委会办公室', level: 'county',
    });
    // a department compiling the area's report the page publishes for its government (panel/2020-hubei-jingmen-duodao-county, title cut)
    expect(facts('来源:掇刀区人民政府\n日期:2021-01-27 15:14\n本报告根据《条例》和省、市政府有关工作要求,由掇刀区行政审批局综合掇刀区行政区域内总体情况编制而成。' + BODY)).toEqual({
      issuer: '掇刀区人民政府', jurisdiction: '掇刀区', level: 'county',
    });
    expect(facts('来源:掇刀区人民政府\n本报告由掇刀区行政审批局编制。\n一、总体情况\n2020年,我局主动公开政府信息12条。').issuer).toBe('掇刀区行政审批局');
    // an office's own report compiles nothing of the area: a department
    expect(facts('来源:荆门市人民政府办公室\n本报告根据《条例》要求,由荆门市人民政府办公室编制。' + BODY).level).toBe('department');
  });

  it('keeps a bureau speaking of its city a department (panel/2022-guangdong-guangzhou-petition-bureau-department, cut before its 我局)', () => {
    expect(facts('根据《条例》要求,现向社会公布广州市信访局2022年政府信息公开工作年度报告。\n一、总体情况\n2022年,广州市信访局坚持以习近平新时代中国特色社会主义思想为指导,结合我市信访工作实际,认真履行政务公开职责。')).toEqual({
      issuer: '广州市信访局', jurisdiction: '广州市', level: 'department',
    });
  });

  it('gives the place a report speaks as, from its government’s office as contact, and no issuer (pages/2021-shandong-qingdao-city, 2021-jiangxi-tonggu-county)', () => {
    expect(facts('本报告根据《条例》编制。如对本报告有任何疑问,请与青岛市人民政府办公厅联系(地址:青岛市市南区香港中路11号)。\n一、总体情况\n2021年,我市深入贯彻落实国家、省关于推进政务公开的部署要求。')).toEqual({
      issuer: null, jurisdiction: '青岛市', level: 'city',
    });
    expect(facts('如对本报告有任何疑问,请与铜鼓县政府办政务公开股联系。\n一、总体情况\n2021年,我县按照《条例》积极推进公开。')).toEqual({ issuer: null, jurisdiction: '铜鼓县', level: 'county' });
    // …unless it says it is the report of 本级政府: that place's government (pages/2021-jiangxi-tonggu-county)
    expect(facts('特向社会公布2021年度本级政府信息公开年度报告。如对本报告有任何疑问,请与铜鼓县政府办政务公开股联系。\n一、总体情况\n2021年,我县按照《条例》积极推进公开。')).toEqual({
      issuer: '铜鼓县人民政府', jurisdiction: '铜鼓县', level: 'county',
    });
    // a department's report with the government's office as contact: nothing
    expect(facts('如对本报告有任何疑问,请与青岛市人民政府办公厅联系。\n一、总体情况\n2021年,我局主动公开信息12条。').jurisdiction).toBeNull();
  });

  it('gives the one place of its kind the head names to a report that names no body and speaks as such a place (panel/2020-guangdong-guangzhou-liwan-county, real/2018-shandong-yanzhou-caohe-town, pages/2025-shanghai-baoshan-youyilu-town)', () => {
    expect(facts('一、总体情况\n本年度,我区按照国家、省、市关于政务公开工作的要求推进公开。2020年,我区以荔湾区人民政府网站为主要公开平台,指导区属各单位参考《广东省政府信息公开申请办理答复规范》。')).toEqual({
      issuer: null, jurisdiction: '荔湾区', level: 'county',
    });
    expect(facts('一、政府信息公开工作概述\n2018年我镇在区政府的统一领导下,紧紧围绕镇党委、政府中心工作推进公开。在“济宁市兖州区政府门户网站”上开辟的漕河镇微信公众号接链接,发布公开信息。')).toEqual({
      issuer: null, jurisdiction: '漕河镇', level: 'town',
    });
    // a street office speaking as 街道 at the start of its clauses
    expect(facts('一、总体情况\n2025年,街道收到依申请公开政府信息19件。完成街道重大行政决策事项目录公开,完成《友谊路街道主动公开事项目录》编制。')).toEqual({
      issuer: null, jurisdiction: '友谊路街道', level: 'town',
    });
    // its government's name written out as a body: the issuer (panel/2019-guangdong-guangzhou-panyu-dashi-town)
    expect(facts('一、总体情况\n2019年,本街道办事处认真贯彻落实《条例》,严格执行《番禺区2019年政务公开工作要点分工方案》。及时、主动在大石街道办事处专属网页上主动公开信息。')).toEqual({
      issuer: '大石街道办事处', jurisdiction: '大石街道', level: 'town',
    });
    // a 市 the gazetteer does not know is words of a sentence (每期市政府常务会议): 广州市 is the one city (panel/2015-guangdong-guangzhou-city)
    expect(facts('一、概述\n在党中央、国务院和广东省委、省政府的正确领导下,我市紧紧围绕中心工作推进公开。每期市政府常务会议议题内容通过网站公开。开设“广州市政府部门权责清单”专栏。')).toEqual({
      issuer: null, jurisdiction: '广州市', level: 'city',
    });
    // two districts named, or a report speaking as a department too: nothing
    expect(facts('一、总体情况\n2020年,我区以荔湾区人民政府网站为主要公开平台,并向天河区学习经验。').jurisdiction).toBeNull();
    expect(facts('一、总体情况\n2020年,我局在我区以荔湾区人民政府网站为主要公开平台。我局主动公开信息。').jurisdiction).toBeNull();
  });

  it('takes the fuller name the head writes out for a name read from running text (pages/2025-neimenggu-zhalaiteqi-baoligenhua-town)', () => {
    expect(facts('全文包括扎赉特旗宝力根花苏木人民政府信息公开总体情况。\n一、总体情况\n2025年,宝力根花苏木人民政府坚持以习近平新时代中国特色社会主义思想为指导。')).toEqual({
      issuer: '扎赉特旗宝力根花苏木人民政府', jurisdiction: '宝力根花苏木', level: 'town',
    });
    // another body's name holding the same words is no fuller form of it
    expect(facts('一、总体情况\n2025年,宝力根花苏木人民政府坚持以习近平新时代中国特色社会主义思想为指导。').issuer).toBe('宝力根花苏木人民政府');
  });

  it('reads the publisher under its column heading and a subject after a year without a comma (pages/2009-gansu-liangzhou-zhangyi-town, 2020-liaoning-shenhe-county)', () => {
    expect(facts('索引号 | 公开方式 | 发布机构 |\n116223010139324488/2010-00023 | 主动公开 | 凉州区张义镇人民政府 |\n一、概述\n2009年,张义镇人民政府信息公开工作严格按照《条例》开展。')).toEqual({
      issuer: '凉州区张义镇人民政府', jurisdiction: '张义镇', level: 'town',
    });
    // the office compiles, the government speaks: the government's report, as when it titles it (pdf2/2023-jiangsu-hongze-county)
    expect(facts('本年度报告是根据《条例》相关要求,由沈阳市沈河区人民政府办公室编制而成。\n一、总体情况\n2020年沈河区人民政府按照有关要求推进公开。')).toEqual({
      issuer: '沈河区人民政府', jurisdiction: '沈河区', level: 'county',
    });
    // …unless the office also publishes the page (panel/2018-hubei-jingmen-city)
    expect(facts('来源:沈河区人民政府办公室\n本年度报告是根据《条例》相关要求,由沈河区人民政府办公室编制而成。\n一、总体情况\n2020年沈河区人民政府按照有关要求推进公开。').issuer).toBe('沈河区人民政府办公室');
  });

  it('does not take a place’s website or an office inside it for the government’s name (pages/2009-zhejiang-yiwu-yiting-town, 2012-zhejiang-ninghai-yuexi-town)', () => {
    expect(facts('2009年度义亭镇政府信息公开年度报告' + BODY + '本报告的电子版可在义亭镇人民政府网站下载。')).toMatchObject({ issuer: '义亭镇', level: 'town' });
    expect(facts('宁海县越溪乡2012年政府信息公开年度报告' + BODY + '如对本报告有任何疑问,请与越溪乡人民政府党政综合办联系。')).toMatchObject({ issuer: '宁海县越溪乡', jurisdiction: '越溪乡' });
  });

  it('reads the body named with its other name in brackets before 编制 (pages/2017-zhejiang-jianggan-…)', () => {
    expect(facts('本年报是根据《条例》要求,由江干区行政审批服务管理办公室(公共资源交易管理委员会办公室)编制的2017年度政府信息公开工作年度报告。' + BODY)).toMatchObject({
      issuer: '江干区行政审批服务管理办公室', jurisdiction: '江干区', level: 'department',
    });
  });

  it('reads the body whose year of work the report is made of (pages/2010-jiangsu-xishan-justice-bureau-department)', () => {
    expect(facts('本年报是根据政府信息公开工作年度报告要求,依据锡山区司法局2010年政府信息公开工作情况编制。' + BODY)).toMatchObject({
      issuer: '锡山区司法局', jurisdiction: '锡山区', level: 'department',
    });
  });

  it('reads 人民政府 whose 政府 is also 政府信息公开’s (pages/2021-yunnan-chuxiong-xishelu-town)', () => {
    expect(facts('本报告依据《条例》要求,汇总2021年度,由西舍路镇人民政府信息公开工作编制而成。' + BODY)).toMatchObject({ issuer: '西舍路镇人民政府', level: 'town' });
  });

  it('reads the department given as the report’s contact, never an office inside a body (pages/2021-hubei-laifeng-…)', () => {
    expect(facts('编制我单位2021年政府信息公开工作年度报告。如有疑问请与来凤县政务服务和大数据管理局(地址:来凤县政务服务中心501室)。' + BODY)).toMatchObject({
      issuer: '来凤县政务服务和大数据管理局', jurisdiction: '来凤县', level: 'department',
    });
    // a government's office, an office inside a centre, a disclosure office: not the issuer
    expect(facts('本报告根据《条例》编制。如对本报告有任何疑问,请与青岛市人民政府办公厅联系(地址:香港中路11号)。' + BODY).issuer).toBeNull();
    expect(facts('如有疑问,请与安庆市招商中心办公室联系。' + BODY).issuer).toBeNull();
    // the office of a department stands for it when the report calls itself by the department's word (pages/2021-anhui-anqing-…, 2010-fujian-minhou-…)
    expect(facts('结合我中心实际撰写。如有疑问,请与安庆市招商中心办公室联系。' + BODY)).toEqual({ issuer: '安庆市招商中心', jurisdiction: '安庆市', level: 'department' });
    expect(facts('特向社会公布我局2010年度信息公开工作年度报告。如对本报告有任何疑问,请与闽侯县水利局政府信息公开工作领导小组办公室联系。' + BODY)).toMatchObject({ issuer: '闽侯县水利局', jurisdiction: '闽侯县' });
    expect(facts('本报告根据《条例》编制。如有疑问,请与平潭综合实验区政府信息公开工作办公室联系。' + BODY).issuer).toBeNull();
  });

  it('reads the subject of the first sentence when nothing else names the body', () => {
    expect(facts('一、总体情况\n2021年,海珠区认真贯彻落实《中华人民共和国政府信息公开条例》。')).toEqual({ issuer: '海珠区', jurisdiction: '海珠区', level: 'county' });
    expect(facts('一、总体情况\n2021年,大石街深入贯彻落实党的十九大精神。')).toEqual({ issuer: '大石街', jurisdiction: '大石街道', level: 'town' });
    expect(facts('一、总体情况\n2022年,在区委区政府的正确领导下,广东从化经济开发区管理委员会认真贯彻执行《条例》。我委收到申请0宗。')).toEqual({
      issuer: '广东从化经济开发区管理委员会', jurisdiction: null, level: 'department',
    });
    expect(facts('一、总体情况\n2020年,根据国务院、省政府的有关部署,黄埔区 广州开发区政务公开工作办公室(下称我办)积极开展政务公开工作。2020年,我区通过区门户网站主动公开信息8466条;我区(含各部门)共收到申请1586宗。')).toEqual({
      issuer: '黄埔区广州开发区政务公开工作办公室', jurisdiction: '黄埔区', level: 'county',
    });
  });

  it('reads the subject of a first sentence opening with 按照/根据…, without a year (seeds/2019-liaoning-fuxin-city)', () => {
    expect(facts('按照省政府办公厅的工作部署,阜新市政府认真贯彻落实《中华人民共和国政府信息公开条例》,扎实开展政府信息公开工作。')).toEqual({
      issuer: '阜新市政府', jurisdiction: '阜新市', level: 'city',
    });
    // a circumstance whose subject is no body is passed over for the next sentence that names one
    expect(facts('根据上级要求,现将有关情况报告如下:\n2018年,马庙镇认真贯彻落实《条例》。')).toMatchObject({ issuer: '马庙镇', level: 'town' });
  });

  it('prefers a fuller form of a name from the page', () => {
    expect(facts('来源:广州市南沙区审计局发布日期:2022-01-19\n一、总体情况\n2021年,南沙区审计局以习近平新时代中国特色社会主义思想为指导。')).toMatchObject({
      issuer: '广州市南沙区审计局', jurisdiction: '南沙区',
    });
    // the announced name keeps the city its title dropped (pages/2019-guangdong-rongcheng-xinxing-town)
    expect(facts('榕城区新兴街道办事处2019年政府信息公开工作年度报告\n根据《条例》的规定,现公布揭阳市榕城区新兴街道办事处2019年政府信息公开工作年度报告。' + BODY)).toMatchObject({
      issuer: '揭阳市榕城区新兴街道办事处', level: 'town',
    });
  });

  it('reads a publisher field as a whole name before its leading government (panel/2021-hubei-jingmen-research-office-department, title cut)', () => {
    expect(facts('来源:荆门市人民政府研究室\n日期:2022-01-24 15:51\n一、总体情况\n2021年,市政府研究室根据《条例》要求推进公开。' + BODY)).toEqual({
      issuer: '荆门市人民政府研究室', jurisdiction: '荆门市', level: 'department',
    });
    expect(facts('来源:上海市人民政府新闻办公室\n一、总体情况\n2022年,我办主动公开政府信息12条。')).toMatchObject({ issuer: '上海市人民政府新闻办公室', level: 'department' });
    // a field running on past the name still gives the name it starts with
    expect(facts('2014年度政府信息公开工作年度报告 来源：平潭县人民政府 时间：2015-01-02' + BODY).issuer).toBe('平潭县人民政府');
  });

  it('does not read an enumeration’s words as the place a town report speaks as (generated 361121109 花厅镇: 三是加大乡村振兴…)', () => {
    expect(facts('一、总体情况\n2016年,我镇进一步规范信息发布。一是围绕城市管理工作公开办事指南;三是加大乡村振兴信息公开力度。').jurisdiction).toBeNull();
  });

  it('does not take another government named in the text for the issuer', () => {
    // a town working under its county; a report quoting its superior's notice
    expect(facts('一、总体情况\n2018年,在兖州区人民政府的统一领导下,我镇按照《条例》要求推进政务公开。我镇主动公开信息39条。')).toEqual({
      issuer: null, jurisdiction: null, level: 'town',
    });
    expect(facts('一、总体情况\n2021年,冲口街道认真贯彻落实《广州市政务公开工作办公室关于编制发布2021年政府信息公开工作年度报告的函》等文件的要求。')).toEqual({
      issuer: '冲口街道', jurisdiction: '冲口街道', level: 'town',
    });
    expect(facts('广州市人民政府办公厅关于2019年政府信息公开工作年度报告的通知\n一、总体情况\n2019年,我局主动公开信息12条。')).toEqual({
      issuer: null, jurisdiction: null, level: 'department',
    });
  });

  it('reads a name and date signed on one line', () => {
    expect(facts('2019年政府信息公开工作年度报告' + BODY + '\n沙洋县人民政府办公室    2020年1月20日')).toMatchObject({ issuer: '沙洋县人民政府办公室', jurisdiction: '沙洋县' });
  });

  it('does not take the compiler of another document, a linked report or the portal for the issuer', () => {
    expect(facts('一、总体情况\n根据由广东省人民政府办公厅编制的《政务公开工作指引》,我局扎实推进政府信息公开。我局主动公开信息12条。')).toEqual({
      issuer: null, jurisdiction: null, level: 'department',
    });
    expect(facts('上一篇:海珠区2019年政府信息公开工作年度报告\n一、总体情况\n2020年,我局主动公开政府信息12条。')).toMatchObject({ issuer: null, level: 'department' });
    expect(facts('来源:广州市人民政府\n一、总体情况\n2022年,我局认真贯彻《条例》,我局主动公开政府信息12条。')).toEqual({
      issuer: null, jurisdiction: null, level: 'department',
    });
    // the portal of another kind of place than the one the report speaks as (complete/2014-fujian-pingtan-zone-county
    // without its title: 来源：平潭县人民政府 on a report of the zone, 我区管委会办公室编制完成了本报告)
    expect(facts('来源:平潭县人民政府\n一、概述\n2014年,我区认真贯彻《条例》,主动公开政府信息12条。').issuer).toBeNull();
    expect(facts('来源:溆浦县人民政府\n一、总体情况\n2021年,我镇认真贯彻《条例》,主动公开政府信息12条。').issuer).toBeNull();
    // the portal of the place the report speaks as is its government
    expect(facts('来源:溆浦县人民政府\n一、总体情况\n2021年,我县认真贯彻《条例》,主动公开政府信息12条。').issuer).toBe('溆浦县人民政府');
  });

  it('gives a department naming itself only as 我局 the government it says it serves, and no issuer (panel/2023-guangdong-guangzhou-liwan-public-security-bureau-department, 2024-…-tianhe-bureau-department, 2021-…-panyu-civil-service-bureau-department)', () => {
    expect(facts('一、总体情况\n2023年度,我局在荔湾区委、区政府和市公安局的正确领导下,在荔湾区政务公开工作办公室的指导下推进公开。')).toEqual({
      issuer: null, jurisdiction: '荔湾区', level: 'department',
    });
    expect(facts('一、总体情况\n2024年,我局在区委、区政府的正确领导下,按照2024年天河区政务公开各项工作要求,不断强化信息公开意识。').jurisdiction).toBe('天河区');
    expect(facts('一、总体情况\n2021年我局通过“广州市番禺区人民政府”网主动公开的政府信息有8条。').jurisdiction).toBe('番禺区');
    // a city's plan (按照市政务公开工作部署要求) names no place; two governments named: none
    expect(facts('一、总体情况\n2022年,我局按照市政务公开工作部署要求,加大主动公开力度。').jurisdiction).toBeNull();
    expect(facts('一、总体情况\n2023年度,我局在荔湾区委、区政府的正确领导下,按照2023年天河区政务公开各项工作要求推进公开。').jurisdiction).toBeNull();
    // a department named without its place as the subject: a department's report (panel/2021-guangdong-guangzhou-huadu-science-industry-commerce-bureau-department)
    expect(facts('一、总体情况\n区科技工业商务信息化局本年度主动公开政府信息229条。')).toEqual({ issuer: null, jurisdiction: null, level: 'department' });
    // its own website named by its organ word alone (panel/2022-guangdong-guangzhou-health-commission-department)
    expect(facts('一、总体情况\n(一)认真落实主动公开。截至12月31日,通过委网站主动公开信息4751条。').level).toBe('department');
    expect(facts('一、总体情况\n(一)认真落实主动公开。截至12月31日,通过区政府网站主动公开信息4751条。').level).toBeNull();
  });

  it('reads the department a 我局 report says the report is of, in a sentence opening with its name or 本报告为, and nothing else of the kind', () => {
    // the wording class of a report's own name further down (电子版 lines: complete/2011-…-2019-fujian-pingtan-*)
    const BUREAU = '一、总体情况\n2019年,我局认真贯彻《中华人民共和国政府信息公开条例》,主动公开政府信息120条,依申请公开5件。\n';
    expect(facts(BUREAU + '本报告为广州市民政局2019年政府信息公开工作年度报告,电子版可在局网站下载。')).toEqual({
      issuer: '广州市民政局', jurisdiction: '广州市', level: 'department',
    });
    expect(facts('广州市民政局2019年政府信息公开工作年度报告已经局务会审议通过。\n' + BUREAU).issuer).toBe('广州市民政局');
    // a parent's report the branch's data go into, another document's title, a link list, two bodies
    expect(facts(BUREAU + '我局数据已纳入广州市公安局2019年政府信息公开工作年度报告。').issuer).toBeNull();
    expect(facts(BUREAU + '按照《广州市民政局2019年政府信息公开工作年度报告编制方案》执行。').issuer).toBeNull();
    expect(facts(BUREAU + '相关链接\n广州市财政局2019年政府信息公开工作年度报告\n').issuer).toBeNull();
    expect(facts(BUREAU + '本报告为广州市民政局2019年政府信息公开工作年度报告。广州市财政局2019年政府信息公开工作年度报告另行发布。').issuer).toBeNull();
    // the organ word must be the one the report calls itself by (我局, not 委员会)
    expect(facts(BUREAU + '本报告为广州市卫生健康委员会2019年政府信息公开工作年度报告。').issuer).toBeNull();
    // page furniture is not read: a portal's sponsor or banner may be another 局
    expect(facts(BUREAU + '主办单位:广州市政务服务数据管理局').issuer).toBeNull();
    expect(facts('广州市政务服务数据管理局\n' + BUREAU).issuer).toBeNull();
  });

  it('takes no report-like line below the report’s first paragraph for its title (a link to another report)', () => {
    const text = '一、总体情况\n2019年,我局认真贯彻《条例》,主动公开政府信息120条,依申请公开5件,均按时答复。\n上一页 下一页\n广州市财政局2019年政府信息公开工作年度报告\n';
    expect(facts(text)).toEqual({ issuer: null, jurisdiction: null, level: 'department' });
    // above the first paragraph it is the title
    expect(facts('广州市财政局2019年政府信息公开工作年度报告\n' + text.split('\n').slice(0, 2).join('\n')).issuer).toBe('广州市财政局');
  });

  it('gives a report naming no body the one province it names when it counts the province’s own units’ work (pages/2011-xizang-xizang-province)', () => {
    const xizang =
      '二、主动公开政府信息的情况\n各政府机关按照《条例》规定,主动公开政府信息。\n自治区直属机关主动公开政府信息16848条,全文电子化率为86.1%。各行署、拉萨市人民政府主动公开政府信息36171条。\n' +
      '规范性文件方面,公开了《西藏自治区产业与企业发展资金管理办法》、《西藏自治区就业困难人员认定办法》。\n';
    expect(facts(xizang)).toEqual({ issuer: null, jurisdiction: '西藏自治区', level: 'province' });
    // a department counting (我厅) or a city speaking (我市) is no province's report
    expect(facts(xizang.replace('各政府机关', '我厅')).level).not.toBe('province');
    expect(facts(xizang + '我市主动公开政府信息12条。\n').level).not.toBe('province');
    // two provinces named: which one is not said
    expect(facts(xizang + '参照《四川省就业困难人员认定办法》。\n').jurisdiction).toBeNull();
    // no count of the province's own units: nothing to go on
    expect(facts(xizang.replace('自治区直属机关主动公开政府信息16848条,', '')).jurisdiction).toBeNull();
  });

  it('never reads a sentence’s verb or a page label into a place, on pages cut before their title (pages/2020-liaoning-liaozhong-county, 2020-shaanxi-shanyang-county, 2024-neimenggu-ewenkeqi-yimin-town)', () => {
    expect(facts('2020年,通过辽中区人民政府网站、政务新媒体等多种渠道和方式发布信息,其中,通过政府网站发布信息11829条。' + BODY).issuer).toBeNull();
    expect(readOrgan('通过辽中区人民政府')).toBeNull();
    expect(readOrgan('结合伊敏苏木')).toBeNull();
    expect(readOrgan('发布市政府')).toBeNull();
    expect(facts('名  称 山阳县人民政府2020年政府信息公开工作年度报告' + BODY)).toEqual({ issuer: '山阳县人民政府', jurisdiction: '山阳县', level: 'county' });
    // the short places a guard could take for sentence words stay places
    expect(readOrgan('称多县人民政府')?.jurisdiction).toBe('称多县');
    expect(readOrgan('即墨区人民政府')?.jurisdiction).toBe('即墨区');
  });

  it('does not take a verb and 区 of 区委/区管委会 in running text for a place (complete/2015-, 2016-, 2018-fujian-pingtan-zone-county cut before the title)', () => {
    const speaks = '一、总体情况\n我区主动公开政府信息120条。\n';
    expect(facts(speaks + '成立“四局三中心”(即区环境与国土资源局等)。\n').jurisdiction).toBeNull();
    expect(facts(speaks + '处置网络舆情70多件,受到区管委会领导的肯定。\n').jurisdiction).toBeNull();
    expect(facts(speaks + '出让公告等公示,设置棚户区改造专栏重点公开。\n').jurisdiction).toBeNull();
  });

  it('leaves the issuer null rather than keep junk', () => {
    // a mirror site replaced the name in the title; the first sentence still has it
    expect(facts('bet365亚洲官网 2020年政府信息公开工作年度报告\n一、总体情况\n2020年,花都区紧紧围绕贯彻落实党中央的决策部署。')).toEqual({
      issuer: '花都区', jurisdiction: '花都区', level: 'county',
    });
    expect(facts('bet365亚洲官网 住房和城乡建设局2023年政府信息公开工作年度报告\n一、总体情况\n2023年,区住房城乡建设局认真贯彻执行《条例》。我局主动公开信息8条。')).toEqual({
      issuer: null, jurisdiction: null, level: 'department',
    });
    expect(facts('一、总体情况\n2021年,市发改委全面落实中央和省市关于推进政务公开工作的有关决策。')).toMatchObject({ issuer: null, jurisdiction: null });
  });

  it('reads the level from the report, the name alone gives only the name\'s level', () => {
    const s = normaliseText('站前区2017年度政府信息公开工作年度报告\n我区主动公开信息120条。\n站前区政府办公室\n二〇一八年二月九日').s;
    const f = issuerFacts(s);
    expect(f.level).toBe('county'); // the office issues the government's report
    expect(f.jurisdiction).toBe('站前区');
    expect(jurisdictionOf(f.issuer)).toBe('站前区');
    expect(levelOf(f.issuer)).toBe('department'); // the same name without its report
    expect(issuerFacts(normaliseText('站前区政府办公室\n2018年2月9日\n我办主动公开信息。').s).level).toBe('department');
    expect(levelOf('广州市公安局增城区分局')).toBe('department');
  });
});

describe('scope: a body’s own report or an area summary', () => {
  const scope = (text: string) => parseReport(text + '\n三、政府信息公开工作存在的主要问题').facts.scope;
  it('reads an area summary from what only a summary prints (panel/2020-guangdong-guangzhou-haizhu-county, 2017-, 2019-guangdong-guangzhou-city)', () => {
    const county = '海珠区人民政府2020年政府信息公开工作年度报告\n一、总体情况\n2020年海珠区人民政府共收到政府信息公开申请417宗。';
    expect(scope(county)).toBe('self');
    // one unit's figures left out of the totals: the totals are several units'
    expect(scope(county + '(广州市规划和自然资源局海珠区分局数据未纳入上述统计)')).toBe('area');
    // the same said with 未计入 (the sign's pattern runs only when one of the two words is in the text)
    expect(scope(county + '(区卫生健康局数据未计入以上统计)')).toBe('area');
    const city = '广州市人民政府2017年政府信息公开工作年度报告\n一、总体情况\n2017年,广州市人民政府认真贯彻落实《条例》。';
    expect(scope(city)).toBe('self');
    expect(scope(city + '在全市各单位的努力下,我市政务公开取得一定成效。')).toBe('area');
    expect(scope(city + '推进行政执法信息公开,全市各级行政执法主体统一通过“广东省行政执法信息公示平台”向社会公开各类行政执法信息40万条。')).toBe('area');
    // a department's report is its own, whatever it says of the city
    expect(scope('广州市民政局2017年政府信息公开工作年度报告\n一、总体情况\n在全市各单位的努力下,我局主动公开信息。')).toBe('self');
  });

  it('reads a count by the area’s own units as a summary’s (pages/2011-xizang-xizang-province)', () => {
    expect(scope('西藏自治区2011年政府信息公开工作年度报告\n一、总体情况\n自治区直属机关主动公开政府信息16848条。')).toBe('area');
    expect(scope('某市2020年政府信息公开工作年度报告\n一、总体情况\n市直各部门共主动公开政府信息5230条。')).toBe('area');
    expect(scope('某市2020年政府信息公开工作年度报告\n一、总体情况\n市政府主动公开政府信息523条。')).toBe('self');
  });

  it('does not take a city speaking as the city (广州市坚持…) for a summary: cities’ own reports speak so too (panel/2020-, 2023-guangdong-guangzhou-city)', () => {
    expect(scope('广州市2020年政府信息公开工作年度报告\n一、总体情况\n2020年,广州市坚持以习近平新时代中国特色社会主义思想为指导。')).toBe('self');
    expect(scope('广州市人民政府2023年政府信息公开工作年度报告\n一、总体情况\n2023年,广州市政府坚持以习近平新时代中国特色社会主义思想为指导。')).toBe('self');
    expect(scope('花都区2020年政府信息公开工作年度报告\n一、总体情况\n2020年,花都区紧紧围绕贯彻落实党中央的决策部署。')).toBe('self');
  });
});

describe('year and publishing date', () => {
  it('takes the year of the title over a later misprint', () => {
    const r = parseReport('2016年广州市公安局增城区分局政府信息公开工作年度报告\n2017-01-24 来源: 本网\n本报告是由广州市公安局增城区分局编制的2017年度政府信息公开年度报告。' + BODY);
    expect(r.facts).toMatchObject({ year: 2016, published: '2017-01-24', issuer: '广州市公安局增城区分局', jurisdiction: '增城区' });
  });

  it('takes the body’s year over a plan for the next year on a page cut before its title (pages/2014-guizhou-sinan-tingziba-town)', () => {
    const text = '我镇政府信息公开主要采用网络形式发布。2014年我镇主动公开政府信息数160条。\n六、改进措施\n2015年政府信息公开工作我们将采取以下措施。\n亭子坝镇人民政府\n2015年1月10日';
    expect(parseReport(text).facts).toMatchObject({ year: 2014, published: '2015-01-10' });
    // a report's name with its year still wins over the body
    expect(parseReport('2015年度政府信息公开工作年度报告\n2014年我镇主动公开政府信息160条。').facts.year).toBe(2015);
  });

  it('ignores a year in the page furniture', () => {
    const r = parseReport('归档时间:2022年01月31日\n您现在的位置:首页 > 政务公开 > 政府信息公开年报 > 各部门 > 2021\n一、总体情况\n2021年,南沙区审计局主动公开政府信息55条。2021年我局未收到政府信息公开申请。');
    expect(r.facts.year).toBe(2021);
  });

  it('reads the page date printed on its own line or before 来源', () => {
    expect(findPublished('2015年广州市环境保护局政府信息公开年度报告\n• 听全文\n• 2016-01-21\n• 来源:本网\n')).toBe('2016-01-21');
    expect(findPublished('2015年广州市增城区人民政府政府信息公开工作年度报告\n2016-02-18 来源: 本网\n')).toBe('2016-02-18');
    expect(findPublished('文号: | 公开日期: | 2015-07-27 16:32 | |\n')).toBe('2015-07-27');
    expect(findPublished('正文\n抚松县露水河镇人民政府\n2018年3月16日')).toBe('2018-03-16');
    expect(findPublished('虹山乡人民政府2011年度信息公开的报告\n    时间:2012-04-12 10:47\n')).toBe('2012-04-12'); // pages/2011-fujian-luojiang-hongshan-town
    expect(findPublished('2020年宜川路街道政府信息公开工作年度报告\n2021年01月29日 来源: 上海普陀\n')).toBe('2021-01-29');
    expect(findPublished('银川市人民政府办公室2022年政府信息公开工作年度报告\n银川市人民政府门户网站 www.yinchuan.gov.cn 2023-01-28 \n')).toBe('2023-01-28');
    // a statistics period is no publishing date
    expect(findPublished('本报告统计时间:2021年1月1日至12月31日。\n')).toBeNull();
    expect(findPublished('时间:2021年1月1日至2021年12月31日\n')).toBeNull();
    expect(findPublished('2021年工作报告\n第一部分 统计截至 2022-01-01\n')).toBeNull(); // a line ending with a date is a page's only on a site's line
  });
});
