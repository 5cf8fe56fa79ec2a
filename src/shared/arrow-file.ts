// The page's table files: Arrow IPC streams, gzip-compressed at ingest and decompressed by the data
// worker (DecompressionStream), so a static host serves ~1/12 of the bytes with no Content-Encoding
// set up. Isomorphic: ingest and the page's import write them with the same deterministic
// compressor (fflate, no timestamp), so the same rows give the same bytes anywhere.
import { gunzipSync, gzipSync } from 'fflate';

export const ARROW_FILE_SUFFIX = '.arrows.gz';

/**
 * gzip level of the files. Measured on the shipped and a generated province dataset (bench/file-formats.ts):
 * level 6 is within 2 % of level 9's size at about half its time.
 */
export const ARROW_GZIP_LEVEL = 6;

/** The stored bytes of an Arrow IPC stream. */
export const encodeArrowFile = (ipc: Uint8Array): Uint8Array => gzipSync(ipc, { level: ARROW_GZIP_LEVEL, mtime: 0 });

const isGzip = (bytes: Uint8Array): boolean => bytes.byteLength >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * A stored file must arrive as stored: a host that sends `.gz` files with Content-Encoding makes
 * the browser decompress them on the way, and the manifest's hash could no longer be checked.
 */
export function assertStoredEncoding(path: string, bytes: Uint8Array): void {
  if (path.endsWith('.gz') && !isGzip(bytes)) {
    throw new Error(
      `${path} did not arrive as gzip data: the web server probably sends .gz files with a Content-Encoding header, so the browser decompressed it; serve .gz files as they are (no Content-Encoding)`,
    );
  }
}

/** The Arrow IPC stream of a stored file (streaming decompression: the browser's native inflate). */
export async function decodeArrowFile(path: string, bytes: Uint8Array): Promise<Uint8Array> {
  if (!path.endsWith('.gz')) return bytes;
  assertStoredEncoding(path, bytes);
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The same, synchronously (Node tools and tests). */
export function decodeArrowFileSync(path: string, bytes: Uint8Array): Uint8Array {
  if (!path.endsWith('.gz')) return bytes;
  assertStoredEncoding(path, bytes);
  return gunzipSync(bytes);
}
