// Precompressed assets (scripts/precompress.ts) served by the preview server
// (scripts/server-middleware.ts): the DuckDB wasm goes out as brotli or gzip when the client
// accepts it, as is when it does not, with the right type, Vary and cache headers.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressBoth, precompressDir } from '../../scripts/precompress';
import { acceptedEncodings } from '../../scripts/server-middleware';
import { makeTempDir } from '../helpers/ingest-fixture';
import { REPO_ROOT } from '../helpers/paths';
import { startPreview, type Preview } from '../helpers/preview-server';

const WASM = resolve(REPO_ROOT, 'node_modules/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm');
const HASHED_WASM = 'assets/duckdb-eh-Ab12_cD3.wasm';
const SCRIPT = 'assets/index-Zz98_yX7.js';

let tmp: string;
let dist: string;
let server: Preview;

beforeAll(async () => {
  tmp = makeTempDir('gongkai-precompressed-');
  dist = join(tmp, 'dist');
  const data = join(tmp, 'build');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  mkdirSync(data);
  writeFileSync(join(dist, 'index.html'), `<!doctype html><title>app shell</title>${'<!-- padding -->'.repeat(100)}`);
  writeFileSync(join(dist, SCRIPT), 'export const x = 1;\n'.repeat(200));
  writeFileSync(join(dist, 'assets/tiny-Qq11_rR2.js'), 'export {};\n');
  copyFileSync(WASM, join(dist, HASHED_WASM));
  writeFileSync(join(data, 'manifest.json'), '{"schema_version":1}');
  await precompressDir(dist);
  server = await startPreview(dist, data);
}, 180_000);

afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** A raw GET: Node's fetch would decode the body and hide Content-Encoding. */
function rawGet(path: string, acceptEncoding?: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((done, fail) => {
    const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
    httpGet(new URL(path, server.url), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    }).on('error', fail);
  });
}

describe('precompressed assets', () => {
  it('writes .br and .gz beside compressible files, none beside a tiny one', () => {
    const original = readFileSync(join(dist, HASHED_WASM));
    expect(brotliDecompressSync(readFileSync(join(dist, `${HASHED_WASM}.br`))).equals(original)).toBe(true);
    expect(gunzipSync(readFileSync(join(dist, `${HASHED_WASM}.gz`))).equals(original)).toBe(true);
    expect(() => readFileSync(join(dist, 'assets/tiny-Qq11_rR2.js.br'))).toThrow(/ENOENT/);
  });

  it('compresses deterministically: same bytes in, same bytes out', async () => {
    const input = Buffer.from('政府信息公开工作年度报告 '.repeat(500));
    const [a, b] = await Promise.all([compressBoth(input), compressBoth(input)]);
    expect(a.br.equals(b.br)).toBe(true);
    expect(a.gzip.equals(b.gzip)).toBe(true);
    expect(brotliDecompressSync(a.br).equals(input)).toBe(true);
  });

  it('sends the wasm as brotli when the client accepts br, and the bytes decompress to the original', async () => {
    const original = readFileSync(WASM);
    const response = await rawGet(HASHED_WASM, 'gzip, deflate, br');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toBe('application/wasm');
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
    expect(response.body.length).toBeLessThan(original.length / 4);
    expect(brotliDecompressSync(response.body).equals(original)).toBe(true);
  });

  it('sends gzip when only gzip is accepted, and the raw file when nothing is', async () => {
    const original = readFileSync(WASM);
    const gzipped = await rawGet(HASHED_WASM, 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).equals(original)).toBe(true);
    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const plain = await rawGet(HASHED_WASM, accept);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding'], String(accept)).toBeUndefined();
      expect(plain.headers['content-type']).toBe('application/wasm');
      expect(plain.headers.vary).toBe('Accept-Encoding');
      expect(plain.body.equals(original)).toBe(true);
    }
  });

  it('revalidates the app shell and unhashed names; caches hashed scripts for a year', async () => {
    for (const path of ['', 'index.html']) {
      const shell = await rawGet(path, 'br');
      expect(shell.headers['cache-control'], path).toBe('no-cache');
      expect(shell.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(shell.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(shell.body).toString()).toContain('<title>app shell</title>');
    }
    const script = await rawGet(SCRIPT, 'gzip');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(script.body).toString()).toBe('export const x = 1;\n'.repeat(200));
    const data = await rawGet('data/manifest.json', 'br');
    expect(data.headers['cache-control']).toBe('no-cache');
    expect(data.body.toString()).toBe('{"schema_version":1}');
  });
});

describe('Accept-Encoding', () => {
  it('honours q=0 refusals and the wildcard', () => {
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip')).toEqual(['gzip']);
    expect(acceptedEncodings('br;q=0, *')).toEqual(['gzip']);
    expect(acceptedEncodings('*;q=0.5')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings(undefined)).toEqual([]);
  });
});
