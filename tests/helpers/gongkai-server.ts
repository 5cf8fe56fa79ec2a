// `gongkai serve` / `gongkai open` spawned as a user runs them, on a free loopback port.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { BIN, REPO_ROOT } from './paths';
import { freePort } from './preview-server';

export interface Served {
  child: ChildProcess;
  /** http://127.0.0.1:PORT/ */
  url: string;
  stdout: string;
  stderr: string;
  /** The dataset folder the CLI named on stdout. */
  dataset(): string;
  stop(): Promise<void>;
}

/** Spawns `gongkai <args> --port <free> --host 127.0.0.1` and resolves once it says it is serving. */
export async function startGongkai(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, ...args, '--port', String(port), '--host', '127.0.0.1'], { cwd: REPO_ROOT, env });
  const served: Served = {
    child,
    url: `http://127.0.0.1:${port}/`,
    stdout: '',
    stderr: '',
    dataset: () => /^Dataset: (.+)$/m.exec(served.stdout)![1],
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
  child.stderr.on('data', (chunk: Buffer) => (served.stderr += chunk.toString()));
  try {
    await new Promise<void>((done, fail) => {
      child.stdout.on('data', (chunk: Buffer) => {
        served.stdout += chunk.toString();
        if (served.stdout.includes('(Ctrl+C to stop)')) done();
      });
      child.on('exit', (code) => fail(new Error(`gongkai ${args[0]} exited with ${code}:\n${served.stderr}`)));
    });
  } catch (error) {
    await served.stop();
    throw error;
  }
  return served;
}
