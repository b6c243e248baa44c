import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE, headersFor } from '../../src/lib/security-headers.ts';
import { HOST_GZIP, type Sent, type StaticServer, serveStatic } from '../support/static-server.ts';

const root = mkdtempSync(join(tmpdir(), 'haizhu-static-server-'));
const PAGE = `<!doctype html><title>首页</title>${'<p>海珠区党建品牌</p>'.repeat(50)}`;
const SCRIPT = `export const x = ${JSON.stringify('a'.repeat(2000))};`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
mkdirSync(join(root, '_astro'));
writeFileSync(join(root, 'index.html'), PAGE);
writeFileSync(join(root, '404.html'), '<!doctype html><title>找不到页面</title>');
writeFileSync(join(root, '_astro', 'app.abc123.js'), SCRIPT);
writeFileSync(join(root, 'logo.png'), PNG);

/** A raw GET: no automatic decompression, so the test sees what went over the wire. */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers as Record<string, string>,
          body: Buffer.concat(chunks),
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}

const GZIP = { 'accept-encoding': 'gzip, deflate, br' };
let host: StaticServer;
let plain: StaticServer;
let bench: StaticServer;
const sent: Sent[] = [];

beforeAll(async () => {
  // As npm run audit serves the build: like the production host.
  host = await serveStatic(root, headersFor, { gzip: HOST_GZIP });
  plain = await serveStatic(root);
  bench = await serveStatic(root, undefined, {
    gzip: { level: 1, extensions: ['.json'] },
    overrides: new Map([['/data.json', JSON.stringify({ sites: Array(200).fill('江海街道') })]]),
    onResponse: (response) => sent.push(response),
  });
});
afterAll(async () => {
  await Promise.all([host?.close(), plain?.close(), bench?.close()]);
  rmSync(root, { recursive: true, force: true });
});

describe('the static server, served like the production host', () => {
  it('gzips pages and scripts for a client that accepts gzip', async () => {
    const page = await get(`${host.url}/`, GZIP);
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(Number(page.headers['content-length'])).toBe(page.body.length);
    expect(page.body.length).toBeLessThan(Buffer.byteLength(PAGE));
    expect(gunzipSync(page.body).toString()).toBe(PAGE);
    const script = await get(`${host.url}/_astro/app.abc123.js`, GZIP);
    expect(script.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(script.body).toString()).toBe(SCRIPT);
  });

  it('sends text as it is to a client that does not accept gzip, and never compresses images', async () => {
    const page = await get(`${host.url}/`);
    expect(page.headers['content-encoding']).toBeUndefined();
    expect(page.body.toString()).toBe(PAGE);
    const image = await get(`${host.url}/logo.png`, GZIP);
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.body).toEqual(PNG);
  });

  it('sends the production headers: CSP and the cache rule of each path', async () => {
    for (const path of ['/', '/_astro/app.abc123.js', '/logo.png']) {
      const response = await get(`${host.url}${path}`, GZIP);
      for (const [name, value] of Object.entries(headersFor(path))) {
        expect(response.headers[name.toLowerCase()], `${name} of ${path}`).toBe(value);
      }
    }
    expect((await get(`${host.url}/`)).headers['cache-control']).toBe(CACHE.html);
    expect((await get(`${host.url}/_astro/app.abc123.js`)).headers['cache-control']).toBe(CACHE.hashed);
    expect((await get(`${host.url}/`)).headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers a missing path with the site’s 404 page, headers included', async () => {
    const missing = await get(`${host.url}/no-such-page/`, GZIP);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-security-policy']).toBe(headersFor('/no-such-page/')['Content-Security-Policy']);
    expect(gunzipSync(missing.body).toString()).toContain('找不到页面');
  });
});

describe('the static server without options (the browser tests)', () => {
  it('serves files as they are, with no extra headers', async () => {
    const page = await get(`${plain.url}/`, GZIP);
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBeUndefined();
    expect(page.headers['content-security-policy']).toBeUndefined();
    expect(page.body.toString()).toBe(PAGE);
    expect((await get(`${plain.url}/index.html`)).body.toString()).toBe(PAGE);
    expect((await get(`${plain.url}/missing.js`)).status).toBe(404);
  });
});

describe('the static server for the benchmarks', () => {
  it('answers an overridden path with its content, compressed only for the given types, and reports bytes sent', async () => {
    sent.length = 0;
    const data = await get(`${bench.url}/data.json`, GZIP);
    expect(data.status).toBe(200);
    expect(data.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(data.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(data.body).toString()).sites).toHaveLength(200);
    const page = await get(`${bench.url}/`, GZIP);
    expect(page.headers['content-encoding']).toBeUndefined();
    await get(`${bench.url}/gone.json`, GZIP);
    expect(sent.map(({ path, status, bytes }) => ({ path, status, bytes }))).toEqual([
      { path: '/data.json', status: 200, bytes: data.body.length },
      { path: '/', status: 200, bytes: Buffer.byteLength(PAGE) },
      { path: '/gone.json', status: 404, bytes: expect.any(Number) },
    ]);
    expect(sent[0].headers['content-encoding']).toBe('gzip');
  });
});
