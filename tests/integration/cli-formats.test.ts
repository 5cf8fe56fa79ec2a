// `gongkai parse --json` and `ingest` on a folder mixing text, HTML, PDF, DOCX, a .doc that is not
// Word, RTF and a scanned PDF: values with sources for every readable file, a reason for the rest.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { decodeArrowFileSync } from '../../src/shared/arrow-file';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/ingest-fixture';
import { BIN, REPO_ROOT } from '../helpers/paths';
import { writePdf } from '../helpers/pdf-writer';
import { fillTemplate2021, readTemplate2021 } from '../helpers/template-2021';

const SHARED = join(REPO_ROOT, '../shared/corpus');
let root: string;
let dir: string;

const gongkai = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });

beforeAll(() => {
  root = makeTempDir();
  dir = join(root, 'mixed');
  mkdirSync(dir);
  copyFileSync(join(SHARED, 'seeds/2019-liaoning-fuxin-city.txt'), join(dir, '2019-liaoning-fuxin-city.txt'));
  copyFileSync(join(SHARED, 'complete/2024-fujian-pingtan-zone-county.html'), join(dir, 'b-report.html'));
  copyFileSync(join(SHARED, 'pdf/2024-jiangsu-huaian-city.pdf'), join(dir, 'c-report.pdf'));
  writeFileSync(join(dir, 'd-report.docx'), fillTemplate2021(readTemplate2021()).docx);
  const ole = new Uint8Array(1024);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  writeFileSync(join(dir, 'e-not-word.doc'), ole);
  writeFileSync(join(dir, 'f-report.rtf'), '{\\rtf1\\ansi report}');
  writeFileSync(join(dir, 'g-scan.pdf'), writePdf({ pages: [''], image: true }));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a folder of mixed formats', () => {
  it('parse --json: values with sources for the readable files, a reason for the others', () => {
    const run = gongkai('parse', '--json', dir);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    const byName = Object.fromEntries(lines.map((l) => [l.file.split('/').pop(), l]));
    expect(Object.keys(byName).sort()).toEqual(readdirSync(dir).sort());
    for (const name of ['2019-liaoning-fuxin-city.txt', 'b-report.html', 'c-report.pdf', 'd-report.docx']) {
      expect(byName[name].status, name).toBe('ok');
      expect(byName[name].values.length, name).toBeGreaterThan(50);
    }
    expect(byName['c-report.pdf'].facts.encoding).toBe('pdf');
    const penalty = byName['c-report.pdf'].values.find((v: { metric: string }) => v.metric === 'p.penalty.decisions');
    expect(penalty).toMatchObject({ value: 3985758, source: 'table', pdf: { page: 4, x: 249.2 } });
    expect(byName['d-report.docx'].values.find((v: { metric: string }) => v.metric === 'r.new.total').value).toBe(1017);
    expect(byName['e-not-word.doc']).toMatchObject({ status: 'failed', error: expect.stringMatching(/could not be read as Word/) });
    expect(byName['f-report.rtf']).toMatchObject({ status: 'failed', error: expect.stringMatching(/^unsupported format: RTF/) });
    expect(byName['g-scan.pdf']).toMatchObject({ status: 'failed', error: expect.stringMatching(/^scanned or unreadable text layer: needs OCR/) });
  });

  it('ingest keeps each PDF value with its page and box', () => {
    const out = join(root, 'build');
    const run = gongkai('ingest', dir, '--out', out);
    expect(run.status).toBe(0);
    const files = readdirSync(join(out, 'arrow/values'));
    const rows = files.flatMap((f) => tableFromIPC(decodeArrowFileSync(f, readFileSync(join(out, 'arrow/values', f)))).toArray().map((r) => r.toJSON()));
    const boxed = rows.filter((r) => r.pdf_page !== null);
    expect(new Set(boxed.map((r) => r.report_id))).toEqual(new Set(['mixed/c-report.pdf']));
    expect(boxed.find((r) => r.metric === 'p.penalty.decisions')).toMatchObject({ value: 3985758, pdf_page: 4, pdf_x: 249.2 });
  });
});
