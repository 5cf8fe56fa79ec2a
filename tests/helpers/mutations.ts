// Hostile and unlucky variants of real reports, for the fuzz test (tests/unit/hardening/fuzz.test.ts)
// and the larger fuzz benchmark (bench/fuzz.ts). Seeded: the same seed gives the same bytes.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as OpenCC from 'opencc-js';
import { encodeGbk } from './gbk';
import { encodeBig5, encodeUtf16 } from './legacy-encode';
import { REPO_ROOT } from './paths';

export const CORPUS_ROOT = resolve(REPO_ROOT, '../shared/corpus');

export interface CorpusFile {
  id: string;
  bytes: Uint8Array;
  html: boolean;
}

/** Every text and HTML report of the shared corpus (PDFs aside), in a fixed order. */
export function corpusFiles(folders = ['seeds', 'real', 'panel', 'pages', 'complete']): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const folder of folders) {
    for (const name of readdirSync(join(CORPUS_ROOT, folder)).sort()) {
      if (!/\.(txt|html?)$/.test(name)) continue;
      files.push({ id: `${folder}/${name}`, bytes: readFileSync(join(CORPUS_ROOT, folder, name)), html: /\.html?$/.test(name) });
    }
  }
  return files;
}

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Mutant {
  kind: string;
  bytes: Uint8Array;
  html: boolean;
}

export interface MutationSizes {
  /** Length of an inserted run of digits. */
  digitRun: number;
  /** Depth of the nesting wrapped around a report. */
  nesting: number;
  /** Times a report is repeated on one line. */
  longLineRepeats: number;
}

export const CI_SIZES: MutationSizes = { digitRun: 2_000, nesting: 3_000, longLineRepeats: 20 };
export const BENCH_SIZES: MutationSizes = { digitRun: 40_000, nesting: 400_000, longLineRepeats: 500 };

const utf8 = new TextEncoder();
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const NUMERALS = '〇零一二两三四五六七八九十百千万亿';
let traditional: ((text: string) => string) | undefined;
const toTraditional = () => (traditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));

function insertAt(bytes: Uint8Array, at: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at), at + insert.length);
  return out;
}

/** A character boundary of the UTF-8 text at or after `at` (inserted text stays valid UTF-8). */
function charBoundary(bytes: Uint8Array, at: number): number {
  let i = Math.min(at, bytes.length);
  while (i < bytes.length && (bytes[i] & 0xc0) === 0x80) i++;
  return i;
}

function tryEncode(encode: () => Uint8Array): Uint8Array | null {
  try {
    return encode();
  } catch {
    return null;
  }
}

export const MUTATION_KINDS = [
  'bit-flips', 'byte-flip-one', 'cut', 'splice', 'digits', 'numerals', 'gbk', 'big5', 'utf16le-nobom', 'utf16be-bom',
  'doubled', 'nul-bytes', 'one-long-line', 'digit-run', 'deep-nesting', 'crlf-and-indent',
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

/** One mutant of `file` (`other` is a second report for splices), or null when the kind does not apply. */
export function mutate(file: CorpusFile, other: CorpusFile, kind: MutationKind, random: () => number, sizes: MutationSizes): Mutant | null {
  const { bytes } = file;
  const pick = (n: number) => Math.floor(random() * n);
  const at = (b: Uint8Array) => charBoundary(b, pick(b.length + 1));
  const html = file.html;
  switch (kind) {
    case 'bit-flips': {
      const out = bytes.slice();
      const flips = 1 + pick(8);
      for (let i = 0; i < flips; i++) out[pick(out.length)] ^= 1 << pick(8);
      return { kind, bytes: out, html };
    }
    case 'byte-flip-one': {
      const out = bytes.slice();
      out[pick(out.length)] = pick(256);
      return { kind, bytes: out, html };
    }
    case 'cut':
      return { kind, bytes: bytes.slice(0, pick(bytes.length)), html };
    case 'splice': {
      const a = pick(bytes.length);
      const b = pick(other.bytes.length);
      const out = new Uint8Array(a + other.bytes.length - b);
      out.set(bytes.subarray(0, a));
      out.set(other.bytes.subarray(b), a);
      return { kind, bytes: out, html: html || other.html };
    }
    case 'digits': {
      const run = Array.from({ length: 1 + pick(40) }, () => String(pick(10))).join('');
      return { kind, bytes: insertAt(bytes, at(bytes), utf8.encode(run)), html };
    }
    case 'numerals': {
      const run = Array.from({ length: 1 + pick(20) }, () => NUMERALS[pick(NUMERALS.length)]).join('');
      return { kind, bytes: insertAt(bytes, at(bytes), utf8.encode(run)), html };
    }
    case 'gbk': {
      const out = tryEncode(() => encodeGbk(text(bytes).replace(/[\ufeff\u00a0]/g, ' ')));
      return out && { kind, bytes: out, html };
    }
    case 'big5':
      // A mirror site in traditional characters: converted first, as such sites are.
      return { kind, bytes: encodeBig5(toTraditional()(text(bytes))), html };
    case 'utf16le-nobom':
      return { kind, bytes: encodeUtf16(text(bytes).replace(/^\ufeff/, ''), 'le'), html };
    case 'utf16be-bom':
      return { kind, bytes: encodeUtf16(`\ufeff${text(bytes).replace(/^\ufeff/, '')}`, 'be'), html };
    case 'doubled': {
      const out = new Uint8Array(bytes.length * 2);
      out.set(bytes);
      out.set(bytes, bytes.length);
      return { kind, bytes: out, html };
    }
    case 'nul-bytes': {
      let out = bytes;
      for (let i = 0, n = 1 + pick(5); i < n; i++) out = insertAt(out, at(out), new Uint8Array(1 + pick(3)));
      return { kind, bytes: out, html };
    }
    case 'one-long-line':
      return { kind, bytes: utf8.encode(text(bytes).replace(/\r?\n/g, ' ').repeat(sizes.longLineRepeats)), html };
    case 'digit-run':
      return { kind, bytes: insertAt(bytes, at(bytes), utf8.encode('1'.repeat(sizes.digitRun))), html };
    case 'deep-nesting': {
      const body = html ? text(bytes) : `<p>${text(bytes).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>')}</p>`;
      return { kind, bytes: utf8.encode(`<html><body>${'<div>'.repeat(sizes.nesting)}${body}${'</div>'.repeat(sizes.nesting)}</body></html>`), html: true };
    }
    case 'crlf-and-indent':
      return { kind, bytes: utf8.encode(text(bytes).replace(/\r?\n/g, '  \r\n    ')), html };
  }
}
