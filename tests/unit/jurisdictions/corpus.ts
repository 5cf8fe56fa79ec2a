// The shared corpus's truth files with an issuer, and each report's first lines as context
// (decoded and, for HTML, reduced to text with the parser's own functions). Used by the
// resolver tests and by bench/resolver.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeBytes } from '../../../src/parse/decode/bytes';
import { htmlToText, looksLikeHtml } from '../../../src/parse/decode/html';

export const CORPUS_DIR = resolve(import.meta.dirname, '../../../../shared/corpus');
export const FIRST_CHARS = 300;

export interface TruthCase {
  id: string;
  folder: string;
  issuer: string;
  jurisdiction: string | null;
  divisionCode: string | null;
  level: string | null;
  province: string | null;
  parent: string | null;
  year: number | null;
  firstLines: string;
}

export function firstLinesOf(path: string): string {
  if (/\.pdf$/i.test(path)) return '';
  const decoded = decodeBytes(new Uint8Array(readFileSync(path)));
  if (!decoded.ok) return '';
  const text = looksLikeHtml(decoded.text, path) ? htmlToText(decoded.text) : decoded.text;
  return text.slice(0, FIRST_CHARS);
}

export function truthCases(dir = CORPUS_DIR): TruthCase[] {
  if (!existsSync(dir)) throw new Error(`shared corpus not found at ${dir}`);
  const out: TruthCase[] = [];
  for (const folder of readdirSync(dir).sort()) {
    const truthDir = join(dir, folder, 'truth');
    if (!existsSync(truthDir)) continue;
    const reports = readdirSync(join(dir, folder));
    for (const f of readdirSync(truthDir).filter((x) => x.endsWith('.json')).sort()) {
      const t = JSON.parse(readFileSync(join(truthDir, f), 'utf8')) as Record<string, unknown>;
      if (typeof t.issuer !== 'string' || !t.issuer) continue;
      const id = f.replace(/\.json$/, '');
      const report = reports.find((r) => r.startsWith(id + '.'));
      const str = (k: string) => (typeof t[k] === 'string' && t[k] !== '' ? (t[k] as string) : null);
      out.push({
        id,
        folder,
        issuer: t.issuer,
        jurisdiction: str('jurisdiction'),
        divisionCode: str('division_code'),
        level: str('level'),
        province: str('province'),
        parent: str('parent'),
        year: typeof t.year === 'number' ? t.year : null,
        firstLines: report ? firstLinesOf(join(dir, folder, report)) : '',
      });
    }
  }
  return out;
}
