// The preview server (the same config `npm start` serves with): headers, 400/404 and generic
// error pages, source reports as inert text, links out of the served folders refused.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../scripts/server-middleware';
import { startMessage } from '../../scripts/start-message';
import { makeTempDir } from '../helpers/ingest-fixture';
import { startPreview, type Preview } from '../helpers/preview-server';

let tmp: string;
let server: Preview;

beforeAll(async () => {
  tmp = makeTempDir('gongkai-server-');
  const dist = join(tmp, 'dist');
  const data = join(tmp, 'build');
  const sources = join(tmp, 'sources');
  mkdirSync(dist);
  mkdirSync(data);
  mkdirSync(join(sources, 'corpus'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app shell</title>');
  writeFileSync(join(data, 'manifest.json'), '{"schema_version":1}');
  writeFileSync(join(sources, 'corpus', 'report.html'), '<script>alert(1)</script>政府信息公开');
  writeFileSync(join(tmp, 'secret.txt'), 'SECRET');
  symlinkSync(join(tmp, 'secret.txt'), join(sources, 'corpus', 'leak.txt'));
  symlinkSync(join(tmp, 'secret.txt'), join(data, 'leak.json'));
  server = await startPreview(dist, data, sources);
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const get = (path: string) => fetch(new URL(path, server.url), { redirect: 'manual' });

describe('preview server', () => {
  it('answers a malformed URL with a bare 400: no stack trace, no server path', async () => {
    for (const path of ['data/%E0%A4%A', '%E0%A4%A', 'sources/%ff']) {
      const response = await get(path);
      expect(response.status).toBe(400);
      expect(await response.text()).toBe('400 Bad Request\n');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers a missing data file with 404, never the app shell', async () => {
    for (const path of ['data/arrow/facts_wide/99.arrows', 'data/nothing.json', 'data/', 'sources/corpus/missing.txt', 'data/..%2F..%2F..%2Fetc%2Fpasswd']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toBe('404 Not Found\n');
    }
  });

  it('never serves a file a symbolic link leads out of the served folder to', async () => {
    for (const path of ['sources/corpus/leak.txt', 'data/leak.json']) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('SECRET');
    }
  });

  it('sends the security headers on every response: app shell, data and errors', async () => {
    for (const path of ['', 'data/manifest.json', 'index.html', 'data/nothing.json']) {
      const response = await get(path);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-frame-options'), path).toBeNull();
    }
    const data = await get('data/manifest.json');
    expect(data.status).toBe(200);
    expect(await data.json()).toEqual({ schema_version: 1 });
  });

  it('serves a source report as inert plain text', async () => {
    const response = await get('sources/corpus/report.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  });
});

describe('start message', () => {
  it('lists every address and says plainly when every interface listens', () => {
    expect(startMessage('0.0.0.0', 4173, ['http://localhost:4173/'], ['http://192.168.1.5:4173/', 'http://10.0.0.2:4173/'])).toBe(
      [
        'Gongkai 公开 is serving the dashboard at:',
        '  http://localhost:4173/',
        '  http://192.168.1.5:4173/',
        '  http://10.0.0.2:4173/',
        'HOST=0.0.0.0: listening on every network interface, so anyone who can reach this machine can open the dashboard and its source reports.',
        '(Ctrl+C to stop)',
      ].join('\n'),
    );
    expect(startMessage('192.168.1.5', 8080, [], ['http://192.168.1.5:8080/'], '--host 192.168.1.5').split('\n')[2]).toBe(
      '--host 192.168.1.5: reachable from the network at that address, not only from this machine.',
    );
    expect(startMessage('127.0.0.1', 4173, ['http://127.0.0.1:4173/'], [])).toBe('Gongkai 公开 is serving the dashboard at:\n  http://127.0.0.1:4173/\n(Ctrl+C to stop)');
  });
});
