import { once } from 'node:events';

/** The part of a writable stream the CLI uses; tests pass a plain collector. */
export interface Output {
  write(chunk: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
  isTTY?: boolean;
}

export interface Io {
  stdout: Output;
  stderr: Output;
}

/** Waits for `drain` when the buffer is full, so a long `parse --json` keeps memory flat. */
export async function writeOut(stream: Output, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream as unknown as NodeJS.EventEmitter, 'drain');
}
