import { parseArgs } from 'node:util';
import { parseYears } from '../generate/years';
import type { Io } from './output';
import { RunError } from './run-error';
import { UsageError } from './usage-error';

export const DEFAULT_OUT = 'data/build';

export const USAGE = `usage:
  gongkai parse [--json] <file|dir>...     parse reports and print a summary (or JSON Lines)
  gongkai ingest <file|dir>... [--out DIR] [--corrections FILE.csv] [--no-stored-answers]
                                           write the dataset (default --out ${DEFAULT_OUT}), applying corrections
                                           (--no-stored-answers: no arrow/stored/*, the page builds those answers)
  gongkai serve [DIR] [--port N] [--host H]
                                           serve the dashboard over a dataset folder (default ${DEFAULT_OUT})
  gongkai open <file|dir>... [--port N] [--host H]
                                           ingest into a cache folder (reused for the same files) and serve it
  gongkai generate --province NAME|CODE|all --years 2008-2024 --out DIR [--seed 1] [--scale 1.0] [--noise default|none]
                   [--copies 0.04] [--wordings tested|heldout|unseen|fresh]
                                           write synthetic reports (marked 合成数据) and their truth files
`;

export type Command =
  | { kind: 'help' }
  | { kind: 'parse'; json: boolean; inputs: string[] }
  | { kind: 'ingest'; out: string; inputs: string[]; corrections?: string; storedAnswers: boolean }
  | { kind: 'serve'; dir: string; host: string; port: number }
  | { kind: 'open'; inputs: string[]; host: string; port: number }
  | { kind: 'generate'; province: string; years: number[]; out: string; seed: number; scale: number; noise: 'default' | 'none'; copies?: number; wordings: 'tested' | 'heldout' | 'unseen' | 'fresh' };

/** node:util's parseArgs reports unknown options and missing values as TypeErrors. */
function usageErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

const HELP = { type: 'boolean', short: 'h' } as const;

export function parseCliArgs(argv: readonly string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined) throw new UsageError('missing command');
  if (name === 'help' || name === '--help' || name === '-h') return { kind: 'help' };
  if (name === 'parse') {
    const { values, positionals } = usageErrors(() =>
      parseArgs({ args: rest, options: { json: { type: 'boolean' }, help: HELP }, allowPositionals: true }),
    );
    if (values.help) return { kind: 'help' };
    if (positionals.length === 0) throw new UsageError('parse: no files or directories given');
    return { kind: 'parse', json: values.json === true, inputs: positionals };
  }
  if (name === 'ingest') {
    const { values, positionals } = usageErrors(() =>
      parseArgs({ args: rest, options: { out: { type: 'string', short: 'o' }, corrections: { type: 'string' }, 'no-stored-answers': { type: 'boolean' }, help: HELP }, allowPositionals: true }),
    );
    if (values.help) return { kind: 'help' };
    if (positionals.length === 0) throw new UsageError('ingest: no files or directories given');
    const out = values.out ?? DEFAULT_OUT;
    if (out === '') throw new UsageError('ingest: --out needs a directory');
    if (values.corrections === '') throw new UsageError('ingest: --corrections needs a file');
    return { kind: 'ingest', out, inputs: positionals, storedAnswers: values['no-stored-answers'] !== true, ...(values.corrections === undefined ? {} : { corrections: values.corrections }) };
  }
  if (name === 'serve' || name === 'open') return parseServeArgs(name, rest);
  if (name === 'generate') return parseGenerateArgs(rest);
  throw new UsageError(`unknown command: ${name}`);
}

export const DEFAULT_PORT = 4173;
export const DEFAULT_HOST = '127.0.0.1';

function parseServeArgs(name: 'serve' | 'open', rest: readonly string[]): Command {
  const { values, positionals } = usageErrors(() =>
    parseArgs({ args: [...rest], options: { port: { type: 'string', short: 'p' }, host: { type: 'string' }, help: HELP }, allowPositionals: true }),
  );
  if (values.help) return { kind: 'help' };
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '1') || !Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`${name}: bad --port "${values.port}" (1–65535)`);
  const host = values.host ?? DEFAULT_HOST;
  if (host === '') throw new UsageError(`${name}: --host needs an address`);
  if (name === 'open') {
    if (positionals.length === 0) throw new UsageError('open: no files or directories given');
    return { kind: 'open', inputs: positionals, host, port };
  }
  if (positionals.length > 1) throw new UsageError(`serve: one dataset folder, got ${positionals.length}`);
  return { kind: 'serve', dir: positionals[0] ?? DEFAULT_OUT, host, port };
}

function parseGenerateArgs(rest: readonly string[]): Command {
  const { values, positionals } = usageErrors(() =>
    parseArgs({
      args: [...rest],
      options: {
        province: { type: 'string' },
        years: { type: 'string' },
        out: { type: 'string', short: 'o' },
        seed: { type: 'string' },
        scale: { type: 'string' },
        noise: { type: 'string' },
        copies: { type: 'string' },
        wordings: { type: 'string' },
        help: HELP,
      },
      allowPositionals: true,
    }),
  );
  if (values.help) return { kind: 'help' };
  if (positionals.length > 0) throw new UsageError(`generate: unexpected argument ${positionals[0]}`);
  if (!values.province) throw new UsageError('generate: --province is required (a name such as 辽宁省, a two-digit code such as 21, or all)');
  if (!values.years) throw new UsageError('generate: --years is required (e.g. 2008-2024)');
  const years = parseYears(values.years);
  if (!years) throw new UsageError(`generate: bad --years "${values.years}" (e.g. 2008-2024, 2019 or 2017,2019-2021; years 2008–2030)`);
  if (!values.out) throw new UsageError('generate: --out needs a directory');
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`generate: bad --seed "${values.seed}" (a non-negative integer)`);
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10) throw new UsageError(`generate: bad --scale "${values.scale}" (a number above 0, at most 10)`);
  const noise = values.noise ?? 'default';
  if (noise !== 'default' && noise !== 'none') throw new UsageError(`generate: bad --noise "${noise}" (default or none)`);
  const copies = values.copies === undefined ? undefined : Number(values.copies);
  if (copies !== undefined && (!Number.isFinite(copies) || copies < 0 || copies > 0.5)) throw new UsageError(`generate: bad --copies "${values.copies}" (a share from 0 to 0.5)`);
  const wordings = values.wordings ?? 'tested';
  if (wordings !== 'tested' && wordings !== 'heldout' && wordings !== 'unseen' && wordings !== 'fresh') throw new UsageError(`generate: bad --wordings "${wordings}" (tested, heldout, unseen or fresh)`);
  return { kind: 'generate', province: values.province, years, out: values.out, seed, scale, noise, copies, wordings };
}

const processIo: Io = { stdout: process.stdout, stderr: process.stderr };

/**
 * Runs the CLI; resolves to the exit code (0 done, even with failed reports; 1 crashed; 2 usage).
 * `serve` and `open` resolve once listening; the server keeps the process running until stopped.
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    const command = parseCliArgs(argv);
    if (command.kind === 'help') {
      io.stdout.write(USAGE);
    } else if (command.kind === 'parse') {
      const { runParse } = await import('./run-parse');
      await runParse(command.inputs, command.json, io);
    } else if (command.kind === 'ingest') {
      const { runIngest } = await import('./run-ingest');
      await runIngest(command.inputs, command.out, io, { corrections: command.corrections, storedAnswers: command.storedAnswers });
    } else if (command.kind === 'serve' || command.kind === 'open') {
      const { runServe, runOpen } = await import('../serve/run-serve');
      const address = { host: command.host, port: command.port };
      if (command.kind === 'serve') await runServe(command.dir, address, io);
      else await runOpen(command.inputs, address, io);
    } else {
      const { runGenerate, GenerateOptionError } = await import('../generate/run');
      const options = { province: command.province, years: command.years, out: command.out, seed: command.seed, scale: command.scale, noise: command.noise, copies: command.copies, wordings: command.wordings };
      try {
        const done = await runGenerate(options, (line) => io.stderr.write(`${line}\n`));
        io.stdout.write(`generated ${done.reports} reports (${done.bytes} bytes) in ${done.seconds.toFixed(1)} s → ${options.out}\n`);
      } catch (error) {
        if (error instanceof GenerateOptionError) throw new UsageError(error.message);
        throw error;
      }
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`gongkai: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof RunError) {
      io.stderr.write(`gongkai: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`gongkai: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
