import type { Io, Output } from '../../src/ingest/output';

export interface CollectedOutput extends Output {
  text: string;
}

export function collectingOutput(isTTY = false): CollectedOutput {
  const output: CollectedOutput = {
    text: '',
    isTTY,
    write(chunk: string) {
      output.text += chunk;
      return true;
    },
    once: () => output,
  };
  return output;
}

export function collectOutput(): Io & { stdout: CollectedOutput; stderr: CollectedOutput } {
  return { stdout: collectingOutput(), stderr: collectingOutput() };
}
