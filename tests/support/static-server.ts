/**
 * The one local static server of the tests and the scripts (the e2e setup, the
 * CSP and injection tests, `npm run audit`, `npm run bench:map`,
 * `npm run bench:search`). It lives with the test support code because it is
 * tooling, never shipped: the scripts already take their browser and build
 * helpers from this folder.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface Gzip {
  /** zlib level, 1–9. */
  level: number;
  /** File endings (with the dot) compressed when the client accepts gzip. */
  extensions: readonly string[];
}

/**
 * What the documented nginx host compresses (deploy/nginx.conf: gzip_comp_level 6,
 * HTML always, and gzip_types: CSS, JavaScript, JSON, SVG, XML, plain text, wasm).
 */
export const HOST_GZIP: Gzip = {
  level: 6,
  extensions: ['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.wasm'],
};

/** One response as it went out: the request path, status, headers and body bytes (after compression). */
export interface Sent {
  path: string;
  status: number;
  headers: Record<string, string>;
  bytes: number;
}

export interface ServeOptions {
  /** Compress text like a host or CDN; compressed bodies are cached per file, as a CDN does. */
  gzip?: Gzip;
  /** Content answered for a request path instead of the file there (or of no file at all). */
  overrides?: ReadonlyMap<string, string | Buffer>;
  /** Called for every response, e.g. to count bytes on the wire. */
  onResponse?: (sent: Sent) => void;
}

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/** What answers a path: the body, the name its type and compression go by, and the status. */
async function resolveBody(root: string, path: string, overrides: ServeOptions['overrides']) {
  const override = overrides?.get(path);
  if (override !== undefined) {
    return { status: 200, name: path.endsWith('/') ? `${path}index.html` : path, body: Buffer.from(override) };
  }
  let file = normalize(join(root, path));
  if (!file.startsWith(root)) return { status: 403, name: '', body: Buffer.alloc(0) };
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (existsSync(file)) return { status: 200, name: file, body: await readFile(file) };
  const notFound = join(root, '404.html');
  return { status: 404, name: notFound, body: existsSync(notFound) ? await readFile(notFound) : Buffer.alloc(0) };
}

/**
 * Serves a built site from `root` on 127.0.0.1 the way a static host does
 * (directory index, the site's 404 page), with extra response headers for each
 * request path if given (e.g. `headersFor`: security and cache headers).
 */
export async function serveStatic(
  root: string,
  headers?: (pathname: string) => Record<string, string>,
  { gzip, overrides, onResponse }: ServeOptions = {},
): Promise<StaticServer> {
  const compressed = new Map<string, Buffer>();
  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const { status, name, body: raw } = await resolveBody(root, path, overrides);
    const sent: Record<string, string> = {
      ...headers?.(path),
      'content-type': TYPES[extname(name)] ?? 'application/octet-stream',
    };
    let body: Buffer = raw;
    const accepts = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (gzip?.extensions.includes(extname(name)) && accepts && raw.length) {
      body = compressed.get(name) ?? gzipSync(raw, { level: gzip.level });
      compressed.set(name, body);
      sent['content-encoding'] = 'gzip';
    }
    sent['content-length'] = String(body.length);
    response.writeHead(status, sent);
    response.end(request.method === 'HEAD' ? undefined : body);
    onResponse?.({ path, status, headers: sent, bytes: request.method === 'HEAD' ? 0 : body.length });
  };
  const server = createServer((request, response) => {
    // A file removed between the check and the read (a rebuild) ends the response, not the server.
    answer(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
