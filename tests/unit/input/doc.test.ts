// The .doc reader (src/parse/input/doc.ts) on its own: no Node APIs, so a browser worker reads a
// .doc with the same code; Word's control characters; damaged compound files end with a reason.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_INPUT } from '../../../src/ingest/input-node';
import { parseDocument } from '../../../src/parse/input';
import { cleanWordText, readDoc } from '../../../src/parse/input/doc';
import { libreOfficeFiles, PRODUCER_FIXTURES } from '../../helpers/producers';

const docs = libreOfficeFiles().filter(({ file }) => file.name.endsWith('.doc'));

describe('reading .doc', () => {
  it('gives the same report with and without the Node options (the page reads .doc like the command line)', async () => {
    expect(docs.length).toBe(8);
    for (const { file, bytes } of docs) {
      const bare = await parseDocument(bytes, { fileName: file.name });
      const node = await parseDocument(bytes, { fileName: file.name, ...NODE_INPUT });
      expect(bare.status, `${file.name}: ${bare.error}`).toBe('ok');
      expect(bare.text).toBe(node.text);
      expect(bare.values).toEqual(node.values);
      expect(bare.facts.encoding).toBe('doc');
    }
  });

  it('writes a table row as one line of cells, an empty merged cell kept so the numbers keep their columns', () => {
    const read = readDoc(new Uint8Array(readFileSync(join(PRODUCER_FIXTURES, '2023-fujian-pingtan-zone-county.libreoffice.doc'))));
    expect(read.ok).toBe(true);
    const text = read.ok ? read.text : '';
    expect(text).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况\n | 自然人 | 法人或其他组织 | 总计\n');
    expect(text).toContain('一、本年新收政府信息公开申请数量 | 80 | 1 | 0 | 0 | 0 | 0 | 81\n');
    // quotation marks as printed (not turned into ASCII)
    expect(text).toContain('“平潭综合实验区党工委管委会”');
  });

  it("turns Word's marks into text: a field's result without its code, cell marks to tabs, a typed tab to a space", () => {
    expect(cleanWordText('共\u0013 = 12+3 \u0014\u0015件')).toBe('共件');
    expect(cleanWordText('共\u0013 PAGE \u00143\u0015页\r')).toBe('共3页\n');
    expect(cleanWordText('\u0013 IF \u0013 DOCPROPERTY x \u0014甲\u0015 \u0014乙\u0015')).toBe('乙');
    expect(cleanWordText('申请\t数量\u0007821\u0007\u0007')).toBe('申请 数量\t821\t\t');
    expect(cleanWordText('图\u0001表\u0008')).toBe('图表');
  });

  it('a damaged compound file is a reason, never a throw or a value', () => {
    const bytes = new Uint8Array(readFileSync(join(PRODUCER_FIXTURES, '2019-sichuan-lizhou-hexi-town.libreoffice.doc')));
    for (const cut of [600, 2048, Math.floor(bytes.length / 2)]) {
      const read = readDoc(bytes.subarray(0, cut));
      expect(read.ok, `cut at ${cut}`).toBe(false);
      if (!read.ok) expect(read.reason).toMatch(/^OLE document \(\.doc\/\.xls\) could not be read as Word: /);
    }
    // a FAT whose chains loop
    const looped = bytes.slice();
    const view = new DataView(looped.buffer);
    const fatSector = view.getUint32(0x4c, true);
    for (let k = 0; k < 128; k++) view.setUint32(512 * (fatSector + 1) + 4 * k, k, true);
    const read = readDoc(looped);
    expect(read.ok).toBe(false);
  });
});
