// The HTTP side of `npm start` and `vite preview` (vite.config.ts): security headers on every
// response, the dataset and source reports served from their folders (never a file a symbolic
// link leads out of; a missing data file is a 404, never the app shell), and generic error pages
// that show no stack trace or server path.
import { createReadStream, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve, sep } from 'node:path';

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

/** Last in the chain: an error anywhere becomes a generic 500 (the server logs nothing of it to the client). */
export function genericErrors() {
  // Connect recognises an error handler by its four parameters.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  return (_error: unknown, _req: IncomingMessage, res: ServerResponse, _next: Next): void => sendError(res, 500);
}
