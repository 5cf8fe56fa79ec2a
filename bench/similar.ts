// Copied-report detection on a generated province: the similarity stage's time (shingling as
// reports arrive, then sketches, LSH and exact confirmation) and its recall and precision on the
// copies the generator planted (truth `copied_from`: every two generated reports that print the
// same narrative are a pair to find).
//
//   npx tsx bench/similar.ts [--province 宁夏 --years 2017-2021 --scale 0.05 --seed 1] [--dir DIR]
//
// Generated reports are cached under tmp/bench-similar/ (keyed by the arguments), or read from --dir.
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { cpus, loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runGenerate } from '../src/generate/run';
import type { Truth } from '../src/generate/report';
import { proseOf } from '../src/generate/prose';
import { parseYears } from '../src/generate/years';
import { readReportsInOrder } from '../src/ingest/read-report';
import { similarReport } from '../src/ingest/arrow-tables';
import { SimilarityIndex, type SimilarPair, type SimilarReport } from '../src/ingest/similar/similar-pairs';
import { collectInputFiles } from '../src/ingest/walk';
import { parseReport } from '../src/parse';
import { plantedPairs } from './planted-pairs';

export { plantedPairs };

const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    province: { type: 'string', default: '宁夏' },
    years: { type: 'string', default: '2017-2021' },
    seed: { type: 'string', default: '1' },
    scale: { type: 'string', default: '0.05' },
    dir: { type: 'string' },
  },
});
/** The report id of a generated file's ingest id (`gsim/64/2017/640000-gov-2017.txt`). */
const truthId = (id: string): string => basename(id).replace(/\.(txt|html)$/, '');
const log = (line: string) => process.stdout.write(`${line}\n`);

export function scorePairs(found: readonly SimilarPair[], planted: ReadonlySet<string>): { recall: number; precision: number; truePositives: number; falsePositives: string[]; missed: string[] } {
  const keys = new Set(found.map((p) => [p.a.id, p.b.id].sort().join(" ")));
  const hits = [...keys].filter((k) => planted.has(k));
  return {
    recall: planted.size === 0 ? 1 : hits.length / planted.size,
    precision: keys.size === 0 ? 1 : hits.length / keys.size,
    truePositives: hits.length,
    falsePositives: [...keys].filter((k) => !planted.has(k)),
    missed: [...planted].filter((k) => !keys.has(k)),
  };
}

async function main(): Promise<void> {
  let dir = args.dir;
  if (!dir) {
    const years = parseYears(args.years!);
    if (!years) throw new Error(`bad --years ${args.years}`);
    dir = join(ROOT, 'tmp/bench-similar', `${args.province}-${args.years}-s${args.seed}-x${args.scale}`);
    if (!existsSync(join(dir, 'generate.json'))) {
      log(`generating ${args.province} ${args.years} at scale ${args.scale} into ${dir} …`);
      const done = await runGenerate({ province: args.province!, years, out: dir, seed: Number(args.seed), scale: Number(args.scale), noise: 'default' });
      log(`generated ${done.reports} reports in ${done.seconds.toFixed(1)} s`);
    }
  }
  const files = (await collectInputFiles([dir])).filter((f) => !f.path.includes(`${dir}/truth/`) && /\.(txt|html)$/.test(f.path));
  files.sort((a, b) => (a.id < b.id ? -1 : 1));
  const pathOf = new Map(files.map((f) => [f.id, f.path]));
  const index = new SimilarityIndex();
  let parseMs = 0;
  let addMs = 0;
  // What the stage reads of each parsed report, kept beside the generated set: timing the stage
  // again needs no second parse of 150,000 reports.
  const cache = `${dir.replace(/\/$/, '')}.similar-input.jsonl`;
  if (existsSync(cache)) {
    for await (const line of createInterface({ input: createReadStream(cache) })) {
      const [report, text] = JSON.parse(line) as [SimilarReport, string];
      const now = performance.now();
      index.add(report, text);
      addMs += performance.now() - now;
    }
  } else {
    const out = createWriteStream(cache);
    let t = performance.now();
    for await (const record of readReportsInOrder(files)) {
      const now = performance.now();
      parseMs += now - t;
      const report = similarReport(record);
      index.add(report, record.parsed.text);
      t = performance.now();
      addMs += t - now;
      if (!out.write(`${JSON.stringify([report, record.parsed.text])}\n`)) await once(out, 'drain');
      t = performance.now();
    }
    out.end();
    await once(out, 'finish');
  }
  let textMs = 0;
  const started = performance.now();
  const { pairs: found, stats } = index.pairs((ids) => {
    const t0 = performance.now();
    const texts = new Map([...ids].map((id) => [id, parseReport(readFileSync(pathOf.get(id)!), { fileName: basename(pathOf.get(id)!) }).text]));
    textMs += performance.now() - t0;
    return texts;
  });
  const pairsMs = performance.now() - started - textMs;
  const truths = files.map((f) => JSON.parse(readFileSync(join(dir, 'truth', `${truthId(f.id)}.json`), 'utf8')) as Truth);
  const pairs = found.map((p) => ({ ...p, a: { ...p.a, id: truthId(p.a.id) }, b: { ...p.b, id: truthId(p.b.id) } }));
  const planted = plantedPairs(truths);
  const score = scorePairs(pairs, planted);
  const byKind = (kind: string) => pairs.filter((p) => p.kind === kind).length;
  log(`reports ${stats.reports} (compared ${stats.compared}; boilerplate: shingles in more than ${stats.boilerplateDf} reports)`);
  log(parseMs > 0 ? `parse + resolve ${(parseMs / 1000).toFixed(1)} s (not the similarity stage)` : `parsed reports read from ${cache}`);
  log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  log(`similarity stage ${((addMs + pairsMs) / 1000).toFixed(1)} s: shingling ${(addMs / 1000).toFixed(1)} s, sketch + LSH + confirm + spans ${(pairsMs / 1000).toFixed(1)} s (${stats.candidates} candidate pairs, ${stats.oversizedBuckets} oversized buckets)`);
  log(`pairs ${pairs.length}: same_body ${byKind('same_body')}, same_year ${byKind('same_year')}, other ${byKind('other')}`);
  log(`planted pairs ${planted.size}: recall ${(score.recall * 100).toFixed(1)} %, precision ${(score.precision * 100).toFixed(1)} %`);
  const sims = pairs.map((p) => p.similarity).sort((a, b) => a - b);
  if (sims.length) log(`similarity of found pairs: min ${sims[0].toFixed(3)}, median ${sims[Math.floor(sims.length / 2)].toFixed(3)}`);
  const pairOf = (k: string) => pairs.find((p) => [p.a.id, p.b.id].sort().join(' ') === k)!;
  // A pair the truth does not plant may still print one narrative: two prose seeds that collide.
  const seed = (JSON.parse(readFileSync(join(dir, 'generate.json'), 'utf8')) as { seed: number }).seed;
  const truthOf = new Map(truths.map((t) => [t.id, t]));
  const proseKey = (id: string) => JSON.stringify(proseOf(seed, truthOf.get(id)?.copied_from?.report ?? id));
  const samePrinted = score.falsePositives.filter((k) => {
    const [a, b] = k.split(' ');
    return proseKey(a) === proseKey(b);
  });
  log(`of the ${score.falsePositives.length} pairs not planted, ${samePrinted.length} print the very same generated narrative (the generator's prose seeds collided)`);
  for (const k of score.falsePositives.filter((x) => !samePrinted.includes(x)).slice(0, 8)) log(`  false positive: ${k} (similarity ${pairOf(k).similarity.toFixed(3)}, containment ${pairOf(k).containment.toFixed(3)}, ${pairOf(k).kind})`);
  for (const k of score.missed.slice(0, 8)) log(`  missed: ${k}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
