const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * What `npm start` (and `gongkai serve`) prints once listening: every address, and a plain warning
 * when that is more than this machine. `setting` names how the host was chosen.
 */
export function startMessage(host: string, port: number, local: readonly string[], network: readonly string[], setting = `HOST=${host}`): string {
  const urls = [...local, ...network];
  if (urls.length === 0) urls.push(`http://${host.includes(':') ? `[${host}]` : host}:${port}/`);
  const lines = ['Gongkai 公开 is serving the dashboard at:', ...urls.map((url) => `  ${url}`)];
  if (!LOOPBACK.has(host)) {
    const all = host === '0.0.0.0' || host === '::';
    lines.push(
      all
        ? `${setting}: listening on every network interface, so anyone who can reach this machine can open the dashboard and its source reports.`
        : `${setting}: reachable from the network at that address, not only from this machine.`,
    );
  }
  lines.push('(Ctrl+C to stop)');
  return lines.join('\n');
}
