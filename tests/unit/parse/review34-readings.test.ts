// What review34 found read wrong in whole small reports (issue 10), each fixed by a principle: the wrong
// value gone, the right value kept, and right-reading counter-examples so a guard does not over-reach.
// Written by hand the way reports state them; no report of ../shared/corpus words these sentences so.
import { describe, expect, it } from 'vitest';
import { COUNTY, type Section, readSentence as read } from '../../helpers/narrative-report';

const REAL_R = '全年共受理政府信息公开申请25件，均予以公开。';

describe('W1: a 申请 qualified by another business is no disclosure request', () => {
  it('another business between the intake verb and 申请: no r.new.total nor r.handled.total, in any section', () => {
    const others = ['全年受理城乡低保申请120件。', '全年受理不动产登记申请2300件。', '全年受理公租房申请320件。', '全年受理临时救助申请86件。', '全年受理劳动仲裁申请56件。', '全年受理法律援助申请85件。', '全年收到社保转移申请230件。', '全年受理减免费用申请2件。', '全年受理退税申请45件。', '全年办理户籍迁移申请560件。', '全年办理费用减免申请1件。'];
    for (const section of ['P', 'R', 'X'] as const) {
      for (const sentence of others) {
        const got = read(section, sentence);
        expect({ section, sentence, received: got['r.new.total'], handled: got['r.handled.total'] }).toEqual({ section, sentence, received: undefined, handled: undefined });
      }
    }
  });

  it('the other business does not displace the disclosure requests beside it', () => {
    expect(read('R', `全年受理城乡低保申请120件，临时救助申请86件。${REAL_R}`, '某某县民政局')['r.new.total']).toBe(25);
    expect(read('X', '全年受理公租房申请320件，受理政府信息公开申请25件。')['r.new.total']).toBe(25);
    const handledToo = read('R', `全年办理户籍迁移申请560件。${REAL_R}`);
    expect([handledToo['r.new.total'], handledToo['r.handled.total']]).toEqual([25, undefined]);
  });

  it('a qualifier naming disclosure, an applicant, a way of applying, the law or nothing is still a disclosure request', () => {
    const requests = {
      '全年共受理政府信息公开申请25件。': 25,
      '全年受理申请25件。': 25,
      '全年收到申请25件。': 25,
      '全年共受理各类申请25件。': 25,
      '全年共受理涉及不动产登记的政府信息公开申请25件。': 25,
      '全年共受理群众申请25件。': 25,
      '全年共受理网上申请25件。': 25,
      '全年收到依据《条例》第13条提出的申请25件。': 25,
      '全年共收到政府信息申请25件。': 25,
      '本年度共受理信息申请25件。': 25,
      '全年共受理查阅申请25件。': 25,
      '本年度共受理政府信息查询申请25件。': 25,
      '本街道全年未收到依申请公开的申请。': 0,
      '本街道全年未收到公民、法人或者其他组织申请公开政府信息。': 0,
      '本年度，本街道没有收到此类申请。': 0,
      '本年度新收申请12件，上年结转2件。': 12,
    };
    for (const [sentence, received] of Object.entries(requests)) expect({ sentence, received: read('R', sentence, sentence.startsWith('本街道') ? '某某街道办事处' : COUNTY)['r.new.total'] }).toEqual({ sentence, received });
    const parts = read('R', '全年共受理政府信息公开申请25件，其中网上申请12件，当面申请13件。');
    expect(parts['r.new.total']).toBe(25);
    expect(read('R', '全年办理政府信息公开申请25件，均已办结。')['r.handled.total']).toBe(25);
  });
});

describe('W2: money other than the request fee, or a waiver, is no fee collected', () => {
  const fee = (section: Section, sentence: string) => read(section, sentence)['fee.collected_yuan'];
  it('a named other fee, levy, revenue or sum of charging: no fee.collected_yuan, in any section', () => {
    const others = ['全年行政事业性收费收入320万元。', '全年收费总额856万元。', '全年收取停车费12万元。', '全年收取水资源费56万元。', '全年收取学费、住宿费等320万元。', '全年公开行政事业性收费项目12项，收费金额856万元。', '全年减免收费120元。', '对经济困难的申请人减免收费120元。'];
    for (const section of ['F', 'P', 'X'] as const) for (const sentence of others) expect({ section, sentence, fee: fee(section, sentence) }).toEqual({ section, sentence, fee: undefined });
  });

  it('the other money no longer overrides the stated 0 or the request fee beside it', () => {
    expect(fee('F', '全年政府信息公开无收费，全县非税收入中行政事业性收费3200万元。')).toBe(0);
    expect(fee('F', '全年共收取水资源费56万元。全年收取政府信息公开检索费、复制费共计30元。')).toBe(30);
  });

  it('the request fee named by its kinds, by disclosure, by the applicant or bare is still read', () => {
    const fees = {
      '全年收取费用45元。': 45,
      '全年收取复印费45元。': 45,
      '全年收取政府信息公开费用45元。': 45,
      '全年收取信息处理费2次,共计150元。': 150,
      '按照国家规定标准，收取检索费、复制费共计45元，对2名低保户申请人免收费用。': 45,
      '全年共收取费用0.0045万元。': 45,
      '全年收取成本费45元。': 45,
      '全年共收取资料费45元。': 45,
    };
    for (const [sentence, yuan] of Object.entries(fees)) expect({ sentence, yuan: fee('F', sentence) }).toEqual({ sentence, yuan });
  });
});

describe('W5: a whole reconsideration or litigation caseload is not the disclosure count', () => {
  const cases = (section: Section, sentence: string) => {
    const got = read(section, sentence);
    return [got['rv.total'], got['lit.total']];
  };
  it('a later disclosure part is the value wherever it stands, for suits as for reviews', () => {
    expect(cases('V', '全年共收到行政复议申请56件，受理52件，其中涉及政府信息公开的2件。')).toEqual([2, undefined]);
    expect(cases('V', '全年行政复议案件56件，涉及政府信息公开的仅2件。')).toEqual([2, undefined]);
    expect(cases('X', '全年发生行政诉讼案件32件，其中涉及政府信息公开的1件。')).toEqual([undefined, 1]);
    expect(cases('V', '全年作为被告的行政诉讼32件，其中政府信息公开类1件，已审结。')).toEqual([undefined, 1]);
    expect(cases('V', '全年县政府作为被告的行政诉讼案件32件，其中因政府信息公开引起的1件。')).toEqual([undefined, 1]);
  });

  it('courts, reviewing organs and cases handled in another body’s name count other bodies’ work', () => {
    for (const sentence of ['全县法院全年受理行政诉讼案件120件。', '全县行政复议机关共受理行政复议案件56件。', '全年以县政府名义办理行政复议案件56件。']) {
      for (const section of ['V', 'X'] as const) expect({ section, sentence, got: cases(section, sentence) }).toEqual({ section, sentence, got: [undefined, undefined] });
    }
  });

  it('counts of disclosure cases and outcomes of the body’s own cases still read', () => {
    expect(cases('V', '全年共收到行政复议申请56件，其中涉及政府信息公开的2件。')).toEqual([2, undefined]);
    expect(cases('V', '县政府全年办理行政复议案件56件，其中政府信息公开类2件。')).toEqual([2, undefined]);
    expect(cases('V', '全年涉及政府信息公开的行政复议2件，占全部行政复议案件56件的3.6%。')).toEqual([2, undefined]);
    expect(cases('V', '全年因政府信息公开引起的行政诉讼1件，行政复议0件。')).toEqual([0, 1]);
    expect(cases('V', '全年发生行政复议一起，行政诉讼两起。')).toEqual([1, 2]);
    expect(cases('V', '全年行政复议2件，均被复议机关维持。')).toEqual([2, undefined]);
  });
});

describe('W4: a span of many years makes a count no year’s figure, without 截至 or 累计 too', () => {
  it('自…至…, 《条例》施行以来, 至今, 近三年: no p.total nor r.new.total', () => {
    for (const sentence of ['自《条例》实施至今，共主动公开政府信息12560条。', '《条例》施行以来，全县共主动公开政府信息12560条。', '自2008年至2015年底，累计主动公开政府信息12560条。', '自2008年5月1日《条例》正式施行至2015年底，累计主动公开政府信息12560条。']) {
      expect({ sentence, total: read('P', sentence)['p.total'] }).toEqual({ sentence, total: undefined });
    }
    for (const sentence of ['近三年共受理政府信息公开申请62件，其中2015年25件。', '《条例》施行以来共受理政府信息公开申请62件。']) {
      expect({ sentence, received: read('R', sentence)['r.new.total'] }).toEqual({ sentence, received: undefined });
    }
  });

  it('the year’s own span is none: 今年以来, 2015年以来, the year’s figure beside a stock', () => {
    expect(read('P', '今年以来，全县共主动公开政府信息1520条。')['p.total']).toBe(1520);
    expect(read('P', '2015年以来，全县共主动公开政府信息1520条。')['p.total']).toBe(1520);
    expect(read('P', '全年主动公开政府信息1520条，历年累计公开12560条。')['p.total']).toBe(1520);
    expect(read('R', '今年以来，共受理政府信息公开申请25件。')['r.new.total']).toBe(25);
    expect(read('R', '全年共受理政府信息公开申请25件，上年结转2件。')['r.carried_in.total']).toBe(2);
  });
});

describe('W3: in 由/从 A 增加到/增至/减少为 B, A is the value before the change, never the year’s', () => {
  it('the from-value is not read', () => {
    expect(read('R', '全年共受理政府信息公开申请从17件增至25件。')['r.new.total']).not.toBe(17);
    expect(read('R', '同意公开的申请由12件增加到18件。')['r.granted.total']).not.toBe(12);
    expect(read('R', '与2014年相比，申请数量由17件增加到25件，同意公开由12件增加到18件。')['r.granted.total']).not.toBe(12);
  });

  it('a change by an amount and the year’s figure beside a change still read', () => {
    const got = read('R', '全年共受理政府信息公开申请25件，比上年增加8件，其中同意公开18件，比上年增加6件。');
    expect([got['r.new.total'], got['r.granted.total']]).toEqual([25, 18]);
    expect(read('R', '全年共受理政府信息公开申请25件，不予公开的由上年的6件减少为4件。')['r.new.total']).toBe(25);
    expect(read('P', '全年主动公开政府信息1520条，比上年增加168条。')['p.total']).toBe(1520);
  });
});
