#!/usr/bin/env node
// Runs the bundled CLI (./cli-bundle.mjs) when it is fresh or can be built, else the sources through tsx.
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// `parse` over a few thousand short files spends about a third of its CPU before V8 has optimised
// the parser (bench:parse-stages' cold-start curve), much of it in TurboFan compiling. Without
// inlining it compiles less: 2,000 short files ~8 % fewer CPU-seconds (3.72 → 3.41, five runs
// each in turns), steady-state parsing unchanged (1,260–1,425 reports/CPU-s either way), output
// byte-identical. Other commands keep V8's defaults (not measured for them).
if (process.argv[2] === 'parse') setFlagsFromString('--max-inlined-bytecode-size-cumulative=0');

// A closed pipe (`gongkai parse --json dir | head`) ends the run quietly instead of with a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

/** Commands that start Vite's preview server run from the sources: Vite does not apply vite.config.ts's plugins when started from the bundle. */
const UNBUNDLED = new Set(['serve', 'open']);

async function bundledMain() {
  if (process.env.GONGKAI_NO_BUNDLE === '1' || UNBUNDLED.has(process.argv[2])) return null;
  try {
    const { buildBundle, freshBundle } = await import('./cli-bundle.mjs');
    const entry = freshBundle() ?? (await buildBundle());
    return (await import(pathToFileURL(entry).href)).main;
  } catch {
    return null;
  }
}

let main = await bundledMain();
if (!main) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/ingest/cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));
