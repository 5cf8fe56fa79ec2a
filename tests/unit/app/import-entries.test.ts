// The page's import takes the entries ingest would read from the same folder: the same ids (the
// folder's name, then the path below it), truth folders, manifests and hidden entries left out,
// a file picked alone never skipped, a repeated id made unique, in id order.
import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importEntries, type PickedFile } from '../../../src/app/user/import-run';
import { collectInputFiles } from '../../../src/ingest/walk';
import { REPO_ROOT } from '../../helpers/paths';

const blob = new Blob(['x']);
const picked = (path: string, alone = false): PickedFile => ({ path, alone, file: blob });

async function folderAsPicked(dir: string): Promise<PickedFile[]> {
  const parent = resolve(dir, '..');
  const out: PickedFile[] = [];
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out.push(picked(relative(parent, path)));
    }
  };
  await walk(dir);
  return out.reverse();
}

describe('importEntries', () => {
  it('gives the ids ingest gives for the same folder', async () => {
    const dir = resolve(REPO_ROOT, 'data/corpus');
    const fromPage = importEntries(await folderAsPicked(dir)).map((e) => e.id);
    const fromIngest = (await collectInputFiles([dir])).map((f) => f.id).sort();
    expect(fromPage.length).toBeGreaterThan(100);
    expect(fromPage).toEqual(fromIngest);
  });

  it('skips what ingest skips in a folder, never a file picked alone', () => {
    const entries = importEntries([
      picked('reports/b.txt'),
      picked('reports/truth/b.json'),
      picked('reports/sub/.hidden.txt'),
      picked('reports/manifest.csv'),
      picked('reports/.git/x.txt'),
      picked('notes.json', true),
      picked('reports/a.html'),
    ]);
    expect(entries.map((e) => e.id)).toEqual(['notes.json', 'reports/a.html', 'reports/b.txt']);
  });

  it('makes a repeated id unique as ingest does', () => {
    expect(importEntries([picked('a.txt', true), picked('a.txt', true)]).map((e) => e.id)).toEqual(['a.txt', 'a.txt#2']);
  });
});
