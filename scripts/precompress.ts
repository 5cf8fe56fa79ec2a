// Brotli and gzip copies of every compressible file in dist/, written beside it (`x.wasm.br`,
// `x.wasm.gz`), so `vite preview` / `npm start` (scripts/server-middleware.ts) and any static host
// can send the small variant. Deterministic: same input bytes, same output bytes.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text and WebAssembly compress well; images, fonts in woff2, pdf.js' binary CMaps do not. */
export const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.wasm', '.svg', '.arrows', '.map', '.txt', '.webmanifest']);
/** Below this size the headers cost more than the saving. */
const MIN_BYTES = 1024;
/** Report sources are served as inert text by the middleware, never precompressed. */
const SKIPPED_DIRS = new Set(['sources']);

export type Encoding = 'br' | 'gzip';
export const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

export const isCompressible = (name: string): boolean => COMPRESSIBLE.has(name.slice(name.lastIndexOf('.')).toLowerCase());

/** Quality 11 costs ~150 s on the 34 MB DuckDB wasm for 5.19 MB; 9 with a 16 MB window takes ~18 s for 5.89 MB. */
const LARGE_FILE_BYTES = 1 << 20;

/** Both encodings of `bytes`; gzip's header carries no time or name, so the bytes are reproducible. */
export async function compressBoth(bytes: Buffer): Promise<Record<Encoding, Buffer>> {
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: bytes.length > LARGE_FILE_BYTES ? 9 : constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_GENERIC,
      },
    }),
    gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  return { br, gzip: gz };
}

async function* filesBelow(dir: string, top = true): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!(top && SKIPPED_DIRS.has(entry.name))) yield* filesBelow(path, false);
    } else if (entry.isFile()) yield path;
  }
}

/** Writes `.br` and `.gz` beside each compressible file of `dir`; a variant not smaller than the original is not written. */
export async function precompressDir(dir: string): Promise<{ files: number; rawBytes: number; brBytes: number }> {
  const files: string[] = [];
  for await (const file of filesBelow(dir)) if (isCompressible(file)) files.push(file);
  // All at once: zlib works on libuv's thread pool, so the two DuckDB wasm files compress side by side.
  const sizes = await Promise.all(files.map(precompressFile));
  const written = sizes.filter((s) => s !== null);
  return { files: written.length, rawBytes: written.reduce((n, s) => n + s.raw, 0), brBytes: written.reduce((n, s) => n + s.br, 0) };
}

async function precompressFile(file: string): Promise<{ raw: number; br: number } | null> {
  const bytes = await readFile(file);
  if (bytes.length < MIN_BYTES) return null;
  const variants = await compressBoth(bytes);
  for (const encoding of ['br', 'gzip'] as const) {
    if (variants[encoding].length < bytes.length) await writeFile(file + SUFFIX[encoding], variants[encoding]);
  }
  return { raw: bytes.length, br: Math.min(variants.br.length, bytes.length) };
}

/** Runs after every plugin's writeBundle (the dataset copy included), once the build is complete. */
export function precompressPlugin(): Plugin {
  let outDir = 'dist';
  let root = process.cwd();
  return {
    name: 'gongkai-precompress',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = config.build.outDir;
    },
    async closeBundle() {
      await precompressDir(resolve(root, outDir));
    },
  };
}
