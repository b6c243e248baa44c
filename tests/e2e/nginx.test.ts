/**
 * Smoke test of the documented nginx configuration (deploy/nginx.conf, the block
 * in docs/deploy.md): nginx on 127.0.0.1 serving the e2e build (dist-e2e, built by
 * global-setup), checked for headers, cache rules, MIME types, gzip and the 404.
 * nginx must be installed (.ci/run installs nginx-light): without it this fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE, headersFor } from '../../src/lib/security-headers.ts';
import { documentedServer, type Nginx, startNginx } from '../support/nginx.ts';

const root = resolve('dist-e2e');
let nginx: Nginx | undefined;
let base: string;

beforeAll(async () => {
  nginx = await startNginx((port) => documentedServer(root, port));
  base = nginx.url;
});

afterAll(async () => {
  await nginx?.stop();
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
