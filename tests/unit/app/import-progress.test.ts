import { describe, expect, it } from 'vitest';
import { countDone, countSize, countSizes, fileKind, MIN_FILES_DONE, newMeasure, secondsLeft, SIZE_SLICE, type ParseMeasure } from '../../../src/app/user/import-progress';

type File = { path: string; size: number };
/** Counts `files` done at the times given (ms since the start). */
function doneAt(measure: ParseMeasure, files: readonly File[], times: readonly number[]): ParseMeasure {
  files.forEach((file, i) => countDone(measure, file, times[i]));
  return measure;
}
/** The files' measure with every size read. */
function sized(files: readonly File[]): ParseMeasure {
  const measure = newMeasure(files.map((f) => f.path));
  for (const f of files) countSize(measure, f.path, f.size);
  return measure;
}

describe('time left of an import', () => {
  it('tells PDFs, Word files and text apart by name', () => {
    expect(['a.PDF', 'b.docx', 'c.doc', 'd.txt', 'e.html', 'f.mht'].map(fileKind)).toEqual(['pdf', 'word', 'word', 'text', 'text', 'text']);
  });

  it("leaves the workers' start out: the audit's 20 files (17 text, 2 PDFs, 1 Word) said 520 s left at 3 s of a 12 s job", () => {
    const texts = Array.from({ length: 17 }, (_, i) => ({ path: `t${i}.txt`, size: 8_000 }));
    const pdfs = [{ path: 'a.pdf', size: 1_500_000 }, { path: 'b.pdf', size: 1_200_000 }];
    const word = { path: 'c.docx', size: 60_000 };
    const measure = sized([...texts, ...pdfs, word]);
    // The first text file done at 3 s (the workers started), the rest of the text 0.2 s apart.
    doneAt(measure, texts.slice(0, 1), [3_000]);
    // The old estimate (the rate of all bytes done over all time) was 3 s × 2.84 MB ÷ 8 kB ≈ 1,000 s.
    expect(secondsLeft(measure, 3_000)).toBeNull();
    doneAt(measure, texts.slice(1), texts.slice(1).map((_, i) => 3_200 + 200 * i));
    // No PDF nor Word file measured yet: nothing said, whatever the text files' rate.
    expect(secondsLeft(measure, 6_400)).toBeNull();
    doneAt(measure, [word, pdfs[0]], [7_000, 9_000]);
    // Every kind left (one PDF) measured: 6 s after the first file for 16 × 8 kB + 60 kB + 1.5 MB.
    const left = secondsLeft(measure, 9_000)!;
    expect(left).toBe(Math.ceil(((9_000 - 3_000) / (16 * 8_000 + 60_000 + 1_500_000)) * 1_200_000 / 1000));
    expect(left).toBeLessThanOrEqual(5);
    doneAt(measure, [pdfs[1]], [12_000]);
    expect(secondsLeft(measure, 12_000)).toBe(0);
  });

  it('says nothing before a few files are done and a second is measured after the first', () => {
    const files = Array.from({ length: 10 }, (_, i) => ({ path: `${i}.txt`, size: 1_000 }));
    const measure = sized(files);
    expect(secondsLeft(measure, 500)).toBeNull();
    doneAt(measure, files.slice(0, MIN_FILES_DONE), [2_000, 2_100, 2_200]);
    expect(secondsLeft(measure, 2_200)).toBeNull();
    doneAt(measure, files.slice(MIN_FILES_DONE, 5), [2_600, 3_000]);
    // 4 files (4 kB) in the 1 s after the first: 5 files left, about 2 s.
    expect(secondsLeft(measure, 3_000)).toBe(2);
  });

  it("says nothing while a file's size is unread (the bytes left unknown), then what every size gives", () => {
    const files = Array.from({ length: 10 }, (_, i) => ({ path: `${i}.txt`, size: 1_000 }));
    // Sizes read as the files are sent: the last one's only after 5 files are done.
    const measure = newMeasure(files.map((f) => f.path));
    expect(measure.kinds.text.files).toBe(10);
    for (const f of files.slice(0, 9)) countSize(measure, f.path, f.size);
    doneAt(measure, files.slice(0, 5), [2_000, 2_250, 2_500, 2_750, 3_000]);
    expect(secondsLeft(measure, 3_000)).toBeNull();
    countSize(measure, files[9].path, 31_000);
    // 4 kB in the 1 s after the first; 4 × 1 kB + 31 kB left: 9 s (not the 2 s ten 1 kB files would give).
    expect(secondsLeft(measure, 3_000)).toBe(9);
  });

  it('reads the sizes a slice at a time after letting the page go, and stops when told', async () => {
    const files = Array.from({ length: 2 * SIZE_SLICE + 1 }, (_, i) => ({ path: `${i}.txt`, file: new Blob(['x'.repeat(i % 7)]) }));
    const bytes = files.reduce((n, f) => n + f.file.size, 0);
    const measure = newMeasure(files.map((f) => f.path));
    const reading = countSizes(measure, files, () => false);
    // Nothing read before the page's thread is let go: the first files are sent first.
    expect(measure.kinds.text.sized).toBe(0);
    await reading;
    expect(measure.kinds.text).toMatchObject({ files: files.length, sized: files.length, bytes });
    const stopped = newMeasure(files.map((f) => f.path));
    let slices = 0;
    await countSizes(stopped, files, () => ++slices > 1);
    expect(stopped.kinds.text.sized).toBe(SIZE_SLICE);
  });
});
