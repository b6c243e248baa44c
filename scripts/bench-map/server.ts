/**
 * A static server for the map benchmark that compresses like a production
 * host (gzip, level 6, for text types) and lets the benchmark swap files in:
 * the synthetic map data in place of the built one, and a variant of the map
 * page for the plain GeoJSON baseline.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
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
  '.xml': 'application/xml; charset=utf-8',
};
const COMPRESSED = new Set(['.html', '.css', '.js', '.mjs', '.json', '.geojson', '.svg', '.xml']);

export interface BenchServer {
  url: string;
  /** Every response since the last reset: path and bytes sent (after compression). */
  log: { path: string; bytes: number }[];
  close: () => Promise<void>;
}

/**
 * Serves `root`; a path in `overrides` is answered with that content instead
 * (a Buffer or string). Compressed bodies are cached, as a CDN would.
 */
export async function serveForBench(root: string, overrides: Map<string, string | Buffer>): Promise<BenchServer> {
  const cache = new Map<string, Buffer>();
  const log: BenchServer['log'] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let body: Buffer | undefined;
    const extension = path.endsWith('/') ? '.html' : extname(path);
    let type = TYPES[extension] ?? 'application/octet-stream';
    const override = overrides.get(path);
    if (override !== undefined) {
      body = Buffer.from(override);
    } else {
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) {
        response.writeHead(403).end();
        return;
      }
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      body = readFileSync(file);
      type = TYPES[extname(file)] ?? type;
    }
    const gzip = COMPRESSED.has(extension) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (gzip) {
      let compressed = cache.get(path);
      if (!compressed) {
        compressed = gzipSync(body, { level: 6 });
        cache.set(path, compressed);
      }
      response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'cache-control': 'no-store' });
      response.end(compressed);
      log.push({ path, bytes: compressed.length });
    } else {
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
      log.push({ path, bytes: body.length });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
