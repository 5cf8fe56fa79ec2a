// Fault injection for the crash tests (tests/integration/dataset-faults.test.ts), off unless
// GONGKAI_FAULT is set: `kill:<step>` dies with SIGKILL at that step, as a power cut or `kill -9`
// would; `enospc:<step>` fails there as a full disk does.
export function faultPoint(step: string): void {
  const fault = process.env.GONGKAI_FAULT;
  if (!fault) return;
  const [kind, at] = fault.split(':');
  if (at !== step) return;
  if (kind === 'kill') process.kill(process.pid, 'SIGKILL');
  if (kind === 'enospc') throw Object.assign(new Error(`ENOSPC: no space left on device, write (injected at ${step})`), { code: 'ENOSPC', errno: -28, syscall: 'write' });
}
