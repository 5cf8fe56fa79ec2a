// The CLI bundled into plain JavaScript (esbuild, which tsx ships with), so that a start does not
// transpile src/ again: bin/gongkai.mjs runs the bundle when it is fresh, else builds it (a few
// tenths of a second, once per change of the sources) and falls back to tsx when that fails.
// The bundle lives in node_modules/.cache/gongkai-cli/<key>/, one folder per build, never
// rewritten in place (a running CLI loads chunks and its workers' entry later); current.json
// names the newest and lists every source file it was built from with its size and mtime.
// Packages stay external (loaded from node_modules as they are). Run `npm run build:cli` to build
// ahead; GONGKAI_NO_BUNDLE=1 runs the sources through tsx.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = join(import.meta.dirname, '..');
const CACHE = join(ROOT, 'node_modules/.cache/gongkai-cli');
const CURRENT = join(CACHE, 'current.json');
/** The entry points: the CLI and the parse worker thread (found beside the chunk of parse-pool.ts). */
const ENTRIES = { cli: 'src/ingest/cli.ts', 'parse-worker': 'src/ingest/parse-worker-main.ts' };
/** Keep their own `import.meta.url`: it names the bundled worker beside them. */
const BUNDLE_RELATIVE = new Set(['src/ingest/parse-pool.ts']);
/** Older builds kept this long (a CLI started from one may still be running). */
const KEEP_OLD_MS = 24 * 3600 * 1000;

const stamp = (file) => {
  const st = statSync(join(ROOT, file));
  return [file, st.size, st.mtimeMs];
};

/** The entry module of the current bundle when every source it was built from is unchanged, else null. */
export function freshBundle() {
  try {
    const current = JSON.parse(readFileSync(CURRENT, 'utf8'));
    for (const [file, size, mtime] of current.inputs) {
      const [, s, m] = stamp(file);
      if (s !== size || m !== mtime) return null;
    }
    const entry = join(CACHE, current.key, 'cli.mjs');
    return existsSync(entry) ? entry : null;
  } catch {
    return null;
  }
}

/** The project's modules (src/, scripts/) see their own location (the gazetteer's folder, dist/, the pdf.js package), not the bundle's. */
const sourceLocation = {
  name: 'source-location',
  setup(build) {
    build.onLoad({ filter: /\.(ts|tsx|mts|mjs|js)$/ }, (args) => {
      const file = relative(ROOT, args.path).split('\\').join('/');
      if (file.startsWith('..') || file.split('/').includes('node_modules')) return undefined;
      let contents = readFileSync(args.path, 'utf8');
      contents = contents.replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)));
      if (!BUNDLE_RELATIVE.has(file)) contents = contents.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: /\.tsx$/.test(args.path) ? 'tsx' : /\.m?ts$/.test(args.path) ? 'ts' : 'js' };
    });
  },
};

/** Builds the bundle and makes it current; returns its entry module. */
export async function buildBundle() {
  const esbuild = await import('esbuild');
  mkdirSync(CACHE, { recursive: true });
  const tmp = join(CACHE, `.build-${process.pid}-${Date.now()}`);
  try {
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: ENTRIES,
      outdir: tmp,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunk-[hash]',
      metafile: true,
      logLevel: 'silent',
      plugins: [sourceLocation],
    });
    const inputs = Object.keys(result.metafile.inputs).sort().map(stamp);
    const key = createHash('sha256')
      .update(JSON.stringify(inputs))
      .update(readdirSync(tmp).sort().map((f) => `${f}\0${readFileSync(join(tmp, f), 'utf8')}`).join('\0'))
      .digest('hex')
      .slice(0, 16);
    const dir = join(CACHE, key);
    if (existsSync(dir)) rmSync(tmp, { recursive: true, force: true });
    else renameSync(tmp, dir);
    const next = `${CURRENT}.${process.pid}`;
    writeFileSync(next, JSON.stringify({ key, inputs }));
    renameSync(next, CURRENT);
    pruneOld(key);
    return join(dir, 'cli.mjs');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function pruneOld(keep) {
  const now = Date.now();
  for (const name of readdirSync(CACHE)) {
    if (name === keep || name === 'current.json') continue;
    const path = join(CACHE, name);
    try {
      if (now - statSync(path).mtimeMs > KEEP_OLD_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // another process pruned it
    }
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const entry = await buildBundle();
  console.log(`built ${relative(ROOT, entry)}`);
}
