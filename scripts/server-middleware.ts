// The HTTP side of `npm start` and `vite preview` (vite.config.ts): security headers on every
// response, the dataset and source reports served from their folders (never a file a symbolic
// link leads out of; a missing data file is a 404, never the app shell), and generic error pages
// that show no stack trace or server path.
import { createReadStream, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve, sep } from 'node:path';
import { SUFFIX, type Encoding } from './precompress';

/**
 * What the built app needs: its own scripts, workers and fetches; WebAssembly compiled from
 * fetched bytes (DuckDB-WASM); images from canvas/SVG exports (data:, blob:); inline style
 * attributes set by ECharts and React. No frame-ancestors: charts are embedded in other sites
 * with `&embed=1`.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** A source report is shown as text; even opened directly it may run nothing. */
const SOURCE_POLICY = "default-src 'none'; sandbox";

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.arrows': 'application/vnd.apache.arrow.stream',
  '.parquet': 'application/vnd.apache.parquet',
  '.txt': 'text/plain; charset=utf-8',
  '.html': 'text/plain; charset=utf-8',
  '.htm': 'text/plain; charset=utf-8',
};

export interface Mount {
  /** URL path segment, e.g. `/data/`. */
  prefix: string;
  /** null: nothing is served below the prefix (every path a 404). */
  dir: string | null;
}

type Next = (error?: unknown) => void;
type Handler = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 500: 'Internal Server Error' };

/** A plain page with the status and nothing else: no path, no stack. */
export function sendError(res: ServerResponse, status: number): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = `${status} ${STATUS_TEXT[status] ?? 'Error'}\n`;
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', String(Buffer.byteLength(body)));
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}

/** The request path decoded, or null when it is not valid percent-encoding (e.g. `/data/%E0%A4%A`). */
export function decodedPath(url: string | undefined): string | null {
  try {
    return decodeURIComponent((url ?? '/').split('?')[0]);
  } catch {
    return null;
  }
}

/** Headers on every response; malformed URLs answered 400 before anything else sees them. */
export function securityHeaders(options: { csp: boolean }): Handler {
  return (req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (options.csp) res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    if (decodedPath(req.url) === null || (req.url ?? '').includes('\0')) return sendError(res, 400);
    next();
  };
}

const isInside = (path: string, dir: string): boolean => path === dir || path.startsWith(dir + sep);

/** Serves each mount's files; anything below a mount that is not a file inside its folder is a 404. */
export function serveMounts(mounts: readonly Mount[]): Handler {
  return (req, res, next) => {
    const path = decodedPath(req.url);
    if (path === null) return sendError(res, 400);
    const mount = mounts.find((m) => path.includes(m.prefix));
    if (!mount) return next();
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405);
    if (mount.dir === null) return sendError(res, 404);
    const requested = resolve(mount.dir, path.slice(path.indexOf(mount.prefix) + mount.prefix.length));
    let file: string;
    let size: number;
    try {
      // The real paths: the dataset folder is a link to its current version, and a link inside
      // the folder that leads out of it is not followed.
      const root = realpathSync(mount.dir);
      if (!isInside(resolve(requested), resolve(mount.dir))) return sendError(res, 404);
      file = realpathSync(requested);
      const info = statSync(file);
      if (!isInside(file, root) || !info.isFile()) return sendError(res, 404);
      size = info.size;
    } catch {
      return sendError(res, 404);
    }
    const ext = file.slice(file.lastIndexOf('.')).toLowerCase();
    res.setHeader('Content-Type', CONTENT_TYPES[ext] ?? 'application/octet-stream');
    res.setHeader('Content-Length', String(size));
    res.setHeader('Cache-Control', 'no-cache');
    if (mount.prefix.startsWith('/sources/')) res.setHeader('Content-Security-Policy', SOURCE_POLICY);
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file)
      .on('error', () => sendError(res, 500))
      .pipe(res);
  };
}

/** The built app's own files (dist/), by extension; anything else is left to Vite's static server. */
const APP_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.arrows': 'application/vnd.apache.arrow.stream',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Vite's output names carry a content hash (`index-B1x2_c3D.js`): such a file never changes. */
const HASHED_ASSET = /^\/assets\/[^/]+-[\w-]{8}\.[a-z0-9]+$/i;

/** The encodings the client accepts, best first: `br;q=0` and `*;q=0` are refusals. */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name) accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const allowed = (name: Encoding) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return (['br', 'gzip'] as const).filter(allowed);
}

/**
 * Serves dist/'s files with their brotli or gzip copy (scripts/precompress.ts) when the client
 * accepts it, and caches hashed asset names for a year; index.html and the rest are revalidated.
 * A path that is not a file of dist/ goes on to Vite (SPA fallback, 404).
 */
export function servePrecompressed(distDir: string): Handler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const path = decodedPath(req.url);
    if (path === null) return sendError(res, 400);
    const name = path.endsWith('/') ? `${path}index.html` : path;
    const type = APP_TYPES[name.slice(name.lastIndexOf('.')).toLowerCase()];
    if (!type) return next();
    let file: string;
    try {
      const root = realpathSync(distDir);
      file = realpathSync(resolve(root, `.${name}`));
      if (!isInside(file, root) || !statSync(file).isFile()) return next();
    } catch {
      return next();
    }
    let served = file;
    const encoding = acceptedEncodings(req.headers['accept-encoding']).find((e) => {
      try {
        return statSync(file + SUFFIX[e]).isFile();
      } catch {
        return false;
      }
    });
    if (encoding) {
      served = file + SUFFIX[encoding];
      res.setHeader('Content-Encoding', encoding);
    }
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Length', String(statSync(served).size));
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Cache-Control', HASHED_ASSET.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (req.method === 'HEAD') return void res.end();
    createReadStream(served)
      .on('error', () => sendError(res, 500))
      .pipe(res);
  };
}

/** Last in the chain: an error anywhere becomes a generic 500 (the server logs nothing of it to the client). */
export function genericErrors() {
  // Connect recognises an error handler by its four parameters.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  return (_error: unknown, _req: IncomingMessage, res: ServerResponse, _next: Next): void => sendError(res, 500);
}
