/**
 * Smoke test of the documented nginx configuration (deploy/nginx.conf, the block
 * in docs/deploy.md): nginx on 127.0.0.1 serving the e2e build (dist-e2e, built by
 * global-setup), checked for headers, cache rules, MIME types, gzip and the 404.
 * nginx must be installed (.ci/run installs nginx-light): without it this fails.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE, headersFor } from '../../src/lib/security-headers.ts';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'].find((path) => existsSync(path));
const root = resolve('dist-e2e');
let prefix: string;
let nginx: ChildProcess | undefined;
let base: string;
let log = '';

const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

beforeAll(async () => {
  if (!NGINX) throw new Error('nginx is not installed: apt-get install -y nginx-light (.ci/run does this)');
  const port = await freePort();
  prefix = mkdtempSync(join(tmpdir(), 'nginx-smoke-'));
  for (const dir of ['tmp', 'logs']) mkdirSync(join(prefix, dir));
  // The documented server block, with only its root and listen changed.
  const server = readFileSync('deploy/nginx.conf', 'utf8')
    .replace(/^ {2}root .*;$/m, `  root ${root};`)
    .replace(/^ {2}listen .*;$/m, `  listen 127.0.0.1:${port};`);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `  ${name}_temp_path ${prefix}/tmp/${name};`)
    .join('\n');
  writeFileSync(
    join(prefix, 'nginx.conf'),
    [
      process.getuid?.() === 0 ? 'user root;' : '',
      'worker_processes 1;',
      'daemon off;',
      `pid ${prefix}/nginx.pid;`,
      `error_log ${prefix}/logs/error.log;`,
      'events { worker_connections 64; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  access_log off;',
      temp,
      server,
      '}',
      '',
    ].join('\n'),
  );
  nginx = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'logs/error.log')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  nginx.stderr?.on('data', (chunk) => {
    log += chunk;
  });
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited (${nginx.exitCode}): ${log}`);
    try {
      await fetch(base);
      break;
    } catch {
      if (i > 100) throw new Error(`nginx did not start: ${log}`);
      await new Promise((done) => setTimeout(done, 50));
    }
  }
});

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((done) => nginx?.once('exit', done));
    nginx.kill('SIGQUIT');
    await exited;
  }
  if (prefix) rmSync(prefix, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => fetch(new URL(path, base), { redirect: 'manual', ...init });

function expectHeaders(response: Response, pathname: string) {
  for (const [name, value] of Object.entries(headersFor(pathname))) {
    expect(response.headers.get(name), `${name} on ${pathname}`).toBe(value);
  }
}

describe('nginx with deploy/nginx.conf', () => {
  const asset = readdirSync(join(root, '_astro')).find((name) => name.endsWith('.js'));
  const worker = readdirSync(join(root, '_astro')).find((name) => name.endsWith('.mjs'));
  const street = readdirSync(join(root, 'admin')).find((name) => !name.includes('.') && name !== 'judges');

  it.each(['/', '/about/', '/map/', '/search/'])('serves %s with the security headers, revalidated', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expectHeaders(response, path);
    expect(response.headers.get('cache-control')).toBe(CACHE.html);
    expect(await response.text()).toContain('<html lang="zh-CN"');
  });

  it('gives the CMS its own policy', async () => {
    const response = await get(`/admin/${street}/`);
    expect(response.status).toBe(200);
    expectHeaders(response, `/admin/${street}/`);
    expect(response.headers.get('content-security-policy')).not.toBe(headersFor('/')['Content-Security-Policy']);
  });

  it('caches hashed assets for a year, with the right types (the MapLibre worker .mjs included)', async () => {
    for (const name of [asset, worker]) {
      const response = await get(`/_astro/${name}`);
      expect(response.status, name).toBe(200);
      expect(response.headers.get('content-type'), name).toMatch(/javascript/);
      expect(response.headers.get('cache-control')).toBe(CACHE.hashed);
      expectHeaders(response, `/_astro/${name}`);
    }
  });

  it('caches the search index and map data briefly', async () => {
    for (const path of ['/pagefind/pagefind.js', '/map-data.json']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe(CACHE.short);
    }
  });

  it('answers a missing page with the 404 page and the headers', async () => {
    const response = await get('/no-such-page/');
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(readFileSync(join(root, '404.html'), 'utf8'));
    expect(response.headers.get('content-security-policy')).toBe(headersFor('/')['Content-Security-Policy']);
  });

  it('adds the trailing slash with a relative redirect, and compresses text', async () => {
    const redirect = await get('/about');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/about/');
    const compressed = await get('/', { headers: { 'accept-encoding': 'gzip' } });
    expect(compressed.headers.get('content-encoding')).toBe('gzip');
  });
});
