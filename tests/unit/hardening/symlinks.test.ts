import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runIngest } from '../../../src/ingest/run-ingest';
import { BROKEN_LINK_ERROR, collectInputFiles, OUTSIDE_LINK_ERROR } from '../../../src/ingest/walk';
import { collectOutput } from '../../helpers/collect-output';
import { makeTempDir } from '../../helpers/ingest-fixture';
import { requireSeeds } from '../../helpers/paths';
import { decodeArrowFileSync } from '../../../src/shared/arrow-file';

const SECRET = '政府信息公开工作年度报告 SECRET-OUTSIDE-THE-INPUT-FOLDER 共收到政府信息公开申请5件';
let tmp: string;
let input: string;
beforeEach(() => {
  tmp = makeTempDir();
  input = join(tmp, 'reports');
  mkdirSync(join(input, 'inner'), { recursive: true });
  mkdirSync(join(tmp, 'elsewhere'));
  const seed = readdirSync(requireSeeds()).find((name) => name.endsWith('.txt'))!;
  copyFileSync(join(requireSeeds(), seed), join(input, 'inner', 'a.txt'));
  writeFileSync(join(tmp, 'elsewhere', 'secret.txt'), SECRET);
  symlinkSync(join(tmp, 'elsewhere', 'secret.txt'), join(input, 'out-file.txt'));
  symlinkSync(join(tmp, 'elsewhere'), join(input, 'out-dir'));
  symlinkSync('inner/a.txt', join(input, 'in-file.txt'));
  symlinkSync(join(tmp, 'nowhere.txt'), join(input, 'broken.txt'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const filesUnder = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

describe('symbolic links leaving the input folder', () => {
  it('are rows with the reason; links inside the folder are followed', async () => {
    const files = await collectInputFiles([input]);
    expect(files.map((f) => [f.id, f.error ?? null])).toEqual([
      ['reports/broken.txt', BROKEN_LINK_ERROR],
      ['reports/in-file.txt', null],
      ['reports/inner/a.txt', null],
      ['reports/out-dir', OUTSIDE_LINK_ERROR],
      ['reports/out-file.txt', OUTSIDE_LINK_ERROR],
    ]);
  });

  it('are never read into the dataset', async () => {
    const out = join(tmp, 'build');
    await runIngest([input], out, collectOutput(), { storedAnswers: false });
    // The table files read as the page reads them (decompressed).
    const read = (path: string) => Buffer.from(decodeArrowFileSync(path, readFileSync(path)));
    const everything = filesUnder(out).filter((path) => path.endsWith('.arrows.gz') || path.endsWith('.json'));
    expect(everything.length).toBeGreaterThan(5);
    for (const path of everything) expect(read(path).includes('SECRET-OUTSIDE')).toBe(false);
    const reports = everything.filter((p) => p.includes('/arrow/reports/')).map(read);
    expect(reports.some((bytes) => bytes.includes(OUTSIDE_LINK_ERROR))).toBe(true);
  });
});
