import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/ingest/usage-error';
import { collectInputFiles, collectSortedInputs, type InputFile, type InputFileList, isSkippedDirectory, isSkippedFile } from '../../../src/ingest/walk';
import { makeTempDir } from '../../helpers/ingest-fixture';

let tmp: string;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

function touch(...parts: string[]): string {
  const path = join(tmp, ...parts);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, 'x');
  return path;
}

describe('skip rules', () => {
  it('skips truth folders, corpus manifests, JSON and hidden entries only', () => {
    expect(isSkippedDirectory('truth')).toBe(true);
    expect(isSkippedDirectory('.git')).toBe(true);
    expect(isSkippedDirectory('truths')).toBe(false);
    expect(isSkippedFile('manifest.csv')).toBe(true);
    expect(isSkippedFile('2019.JSON')).toBe(true);
    expect(isSkippedFile('.DS_Store')).toBe(true);
    for (const name of ['a.txt', 'a.htm', 'a.html', 'a.pdf', 'a', 'other.csv', 'manifest.txt']) expect(isSkippedFile(name)).toBe(false);
  });
});

describe('collectInputFiles', () => {
  it('walks folders recursively in sorted order with ids relative to the input', async () => {
    touch('corpus', 'b.txt');
    touch('corpus', 'a.html');
    touch('corpus', 'sub', 'z.htm');
    touch('corpus', 'sub', 'notes.docx');
    touch('corpus', 'truth', 'a.json');
    touch('corpus', 'truth', 'c.txt');
    touch('corpus', 'manifest.csv');
    touch('corpus', 'c.json');
    const files = await collectInputFiles([join(tmp, 'corpus')]);
    expect(files.map((f) => f.id)).toEqual(['corpus/a.html', 'corpus/b.txt', 'corpus/sub/notes.docx', 'corpus/sub/z.htm']);
    expect(files.map((f) => f.path)).toEqual([
      join(tmp, 'corpus', 'a.html'),
      join(tmp, 'corpus', 'b.txt'),
      join(tmp, 'corpus', 'sub', 'notes.docx'),
      join(tmp, 'corpus', 'sub', 'z.htm'),
    ]);
    expect(files.every((f) => f.error === undefined)).toBe(true);
  });

  it('keeps an explicitly named file even when a walk would skip it', async () => {
    const json = touch('x', 'facts.json');
    expect(await collectInputFiles([json])).toEqual([{ path: json, id: 'facts.json' }]);
  });

  it('lists each file once and tells apart equal ids from different inputs', async () => {
    const a = touch('one', 'same', 'r.txt');
    const b = touch('two', 'same', 'r.txt');
    const files = await collectInputFiles([join(tmp, 'one', 'same'), join(tmp, 'two', 'same'), a]);
    expect(files).toEqual([
      { path: a, id: 'same/r.txt' },
      { path: b, id: 'same/r.txt#2' },
    ]);
  });

  it('follows a symlinked folder once and survives a cycle', async () => {
    touch('root', 'r.txt');
    symlinkSync(join(tmp, 'root'), join(tmp, 'root', 'loop'));
    const files = await collectInputFiles([join(tmp, 'root')]);
    expect(files.map((f) => f.id)).toEqual(['root/r.txt']);
  });

  it('throws a usage error for a missing input', async () => {
    await expect(collectInputFiles([join(tmp, 'missing')])).rejects.toBeInstanceOf(UsageError);
  });
});

describe('collectSortedInputs', () => {
  const all = (list: InputFileList) => Array.from({ length: list.length }, (_, i) => list.at(i));
  const sortedById = (files: InputFile[]) => [...files].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  it('gives the files of one folder as collectInputFiles does, sorted by id (refused links and a relative input included)', async () => {
    touch('corpus', 'a.txt');
    touch('corpus', 'a', 'x.htm');
    touch('corpus', '二〇一九', '海珠区.html');
    touch('corpus', 'z', 'deep', 'er', 'r.pdf');
    touch('outside.txt');
    symlinkSync(join(tmp, 'outside.txt'), join(tmp, 'corpus', 'out.txt'));
    symlinkSync(join(tmp, 'nowhere'), join(tmp, 'corpus', 'broken.txt'));
    symlinkSync(join(tmp, 'corpus', 'a'), join(tmp, 'corpus', 'b'));
    for (const input of [join(tmp, 'corpus'), `${join(tmp, 'corpus')}/`, relative(process.cwd(), join(tmp, 'corpus'))]) {
      const expected = sortedById(await collectInputFiles([input]));
      expect(expected.map((f) => f.id)).toEqual(['corpus/a.txt', 'corpus/a/x.htm', 'corpus/broken.txt', 'corpus/out.txt', 'corpus/z/deep/er/r.pdf', 'corpus/二〇一九/海珠区.html']);
      expect(expected.filter((f) => f.error).length).toBe(2);
      const list = await collectSortedInputs([input]);
      expect(all(list)).toEqual(expected);
      expect(list.at(list.length)).toBeUndefined();
    }
  });

  it('gives several inputs and a single file as collectInputFiles does', async () => {
    const a = touch('one', 'same', 'r.txt');
    touch('two', 'same', 'r.txt');
    const inputs = [join(tmp, 'one', 'same'), join(tmp, 'two', 'same'), a];
    expect(all(await collectSortedInputs(inputs))).toEqual(sortedById(await collectInputFiles(inputs)));
    expect(all(await collectSortedInputs([a]))).toEqual([{ path: a, id: 'r.txt' }]);
    await expect(collectSortedInputs([join(tmp, 'missing')])).rejects.toBeInstanceOf(UsageError);
  });
});
