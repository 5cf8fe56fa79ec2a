// The parser as it was at a commit: its src/parse, src/shared and src/jurisdictions (whose city
// levels the parser reads) unpacked from git into tmp/ once, then imported, for benches that time
// or compare the old parser beside the working tree's.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { parseReport } from '../src/parse';

const ROOT = join(import.meta.dirname, '..');

export async function parserAtCommit(ref: string, folderPrefix: string): Promise<typeof parseReport> {
  const commit = execFileSync('git', ['rev-parse', '--short=12', ref], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = join(ROOT, 'tmp', `${folderPrefix}-${commit}`);
  if (!existsSync(join(dir, 'src/parse/index.ts'))) {
    mkdirSync(dir, { recursive: true });
    const archive = execFileSync('git', ['archive', commit, 'src/parse', 'src/shared', 'src/jurisdictions'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
  }
  return ((await import(pathToFileURL(join(dir, 'src/parse/index.ts')).href)) as { parseReport: typeof parseReport }).parseReport;
}
