// Prose lines broken inside their sentence at no fixed width (a writer's or converter's line break):
// joined for the sentence readers; headings, titles, list items, table rows and indented paragraphs
// keep their lines. The real example: real/2020-hubei-xiaogan-government-office-department
// (2020年,市人民政府办公室⏎认真贯彻落实…); the heading kept: real/2020-guangdong-guangming-gongming-town.
import { describe, expect, it } from 'vitest';
import { joinBrokenSentences } from '../../../src/parse/normalise/paragraphs';
import { normaliseText } from '../../../src/parse/normalise/text';
import { parseReport } from '../../../src/parse';

const joined = (text: string) => joinBrokenSentences(normaliseText(text)).s;

describe('prose lines broken inside a sentence', () => {
  it('a line holding a comma and ending mid-sentence goes on with the next line', () => {
    expect(joined('2020年,市人民政府办公室\n认真贯彻落实中央和省市全面推进政务公开各项决策部署。')).toBe('2020年,市人民政府办公室认真贯彻落实中央和省市全面推进政务公开各项决策部署。');
    expect(joined('全年主动公开政府信息1234条，\n其中政府网站公开1000条。')).not.toContain('\n');
  });

  it('headings, titles, list items, table rows and indented paragraphs keep their lines', () => {
    for (const text of [
      '(一)重视政民互动交流,回应社会民生关切\n公明街道注重门户网站的政务微信微博等政民互动平台的建设。',
      '某某县人民政府2015年政府信息公开工作年度报告\n根据《条例》规定，现公布本报告。',
      '主动公开政府信息1234条，其中：\n1.政府网站公开1000条；',
      '主动公开政府信息1234条，其中\n(1)政府网站公开1000条；',
      '指标,数量\n政府网站 | 1000',
      '全年主动公开政府信息1234条，推进政务公开\n　　二是加强平台建设。',
    ]) expect(joined(text).split('\n').length, text).toBe(2);
  });

  it('a sentence broken across lines is read whole, its source span on the printed figure', () => {
    const text = ['某某县人民政府2015年政府信息公开工作年度报告', '二、主动公开政府信息情况', '2015年，我县主动公开政府', '信息1234条，其中政府网站公开1000条，', '其他方式公开234条。', '某某县人民政府', '2016年3月1日'].join('\n');
    const parsed = parseReport(text);
    const got = Object.fromEntries(parsed.values.filter((v) => !v.derived).map((v) => [v.metric, v]));
    expect([got['p.total']?.value, got['p.website']?.value, got['p.other_channels']?.value]).toEqual([1234, 1000, 234]);
    expect(parsed.text.slice(got['p.total'].start, got['p.total'].end)).toBe('1234');
  });
});
