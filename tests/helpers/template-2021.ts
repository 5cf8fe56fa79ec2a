// The official 2021 Word form (../shared/templates) filled in: every blank cell that is not the
// continuation of a vertical merge gets 1001, 1002, … in document order, and the title an issuer and year.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { REPO_ROOT } from './paths';

export const TEMPLATE_2021 = join(REPO_ROOT, '../shared/templates/template-2021-blank.docx');

export function readTemplate2021(): Uint8Array {
  return new Uint8Array(readFileSync(TEMPLATE_2021));
}

export function fillTemplate2021(bytes: Uint8Array, title = '淮安市洪泽区人民政府2023年政府信息公开工作年度报告'): { docx: Uint8Array; filled: number[] } {
  const files = unzipSync(bytes);
  let xml = strFromU8(files['word/document.xml']);
  const filled: number[] = [];
  xml = xml.replace(/<w:tc>[\s\S]*?<\/w:tc>/g, (cell) => {
    const text = [...cell.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').trim();
    if (text !== '' || /<w:vMerge(?: w:val="continue")?\/>/.test(cell)) return cell;
    const n = 1001 + filled.length;
    filled.push(n);
    return cell.replace(/<\/w:p>/, `<w:r><w:t>${n}</w:t></w:r></w:p>`);
  });
  xml = xml.replace('政府信息公开工作年度报告格式模板', title);
  files['word/document.xml'] = strToU8(xml);
  return { docx: zipSync(files), filled };
}
