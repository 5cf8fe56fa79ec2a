const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** What `npm start` prints once listening: every address, and a plain warning when that is more than this machine. */
export function startMessage(host: string, port: number, local: readonly string[], network: readonly string[]): string {
  const urls = [...local, ...network];
  if (urls.length === 0) urls.push(`http://${host.includes(':') ? `[${host}]` : host}:${port}/`);
  const lines = ['Gongkai 公开 is serving the dashboard at:', ...urls.map((url) => `  ${url}`)];
  if (!LOOPBACK.has(host)) {
    const all = host === '0.0.0.0' || host === '::';
    lines.push(
      all
        ? `HOST=${host}: listening on every network interface, so anyone who can reach this machine can open the dashboard and its source reports.`
        : `HOST=${host}: reachable from the network at that address, not only from this machine.`,
    );
  }
  lines.push('(Ctrl+C to stop)');
  return lines.join('\n');
}
