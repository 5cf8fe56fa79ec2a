import { parseArgs } from 'node:util';
import type { Io } from './output';
import { UsageError } from './usage-error';

export const DEFAULT_OUT = 'data/build';

export const USAGE = `usage:
  gongkai parse [--json] <file|dir>...     parse reports and print a summary (or JSON Lines)
  gongkai ingest <file|dir>... [--out DIR]  write the dataset (default --out ${DEFAULT_OUT})
`;

export type Command =
  | { kind: 'help' }
  | { kind: 'parse'; json: boolean; inputs: string[] }
  | { kind: 'ingest'; out: string; inputs: string[] };

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
      parseArgs({ args: rest, options: { out: { type: 'string', short: 'o' }, help: HELP }, allowPositionals: true }),
    );
    if (values.help) return { kind: 'help' };
    if (positionals.length === 0) throw new UsageError('ingest: no files or directories given');
    const out = values.out ?? DEFAULT_OUT;
    if (out === '') throw new UsageError('ingest: --out needs a directory');
    return { kind: 'ingest', out, inputs: positionals };
  }
  throw new UsageError(`unknown command: ${name}`);
}

const processIo: Io = { stdout: process.stdout, stderr: process.stderr };

/** Runs the CLI; resolves to the exit code (0 done, even with failed reports; 1 crashed; 2 usage). */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    const command = parseCliArgs(argv);
    if (command.kind === 'help') {
      io.stdout.write(USAGE);
    } else if (command.kind === 'parse') {
      const { runParse } = await import('./run-parse');
      await runParse(command.inputs, command.json, io);
    } else {
      const { runIngest } = await import('./run-ingest');
      await runIngest(command.inputs, command.out, io);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`gongkai: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr.write(`gongkai: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
