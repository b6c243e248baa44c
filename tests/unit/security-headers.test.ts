import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../../scripts/security-headers.ts';
import { headersFor, renderNginx } from '../../src/lib/security-headers.ts';

/** The headers public/_headers gives a path (Cloudflare Pages rules: later rules add, `! Name` detaches). */
function fromHeadersFile(text: string, pathname: string): Record<string, string> {
  const result: Record<string, string> = {};
  let applies = false;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) {
      const pattern = line.trim();
      applies = pattern.endsWith('*') ? pathname.startsWith(pattern.slice(0, -1)) : pathname === pattern;
    } else if (applies) {
      const detach = /^\s+! (.+)$/.exec(line);
      if (detach) delete result[detach[1]];
      else {
        const [, name, value] = /^\s+([^:]+): (.*)$/.exec(line) ?? [];
        result[name] = value;
      }
    }
  }
  return result;
}

/** The headers deploy/nginx.conf gives a path: the longest matching prefix location (or an exact `=` match). */
function fromNginx(text: string, pathname: string): Record<string, string> {
  const blocks = [...text.matchAll(/location (=\s)?(\S+) \{([^}]*)\}/g)].map(([, exact, prefix, body]) => ({
    exact: Boolean(exact),
    prefix,
    headers: Object.fromEntries(
      [...body.matchAll(/add_header (\S+) "((?:[^"\\]|\\.)*)" always;/g)].map(([, name, value]) => [
        name,
        value.replace(/\\(.)/g, '$1'),
      ]),
    ),
  }));
  const match =
    blocks.find((block) => block.exact && block.prefix === pathname) ??
    blocks
      .filter((block) => !block.exact && pathname.startsWith(block.prefix))
      .sort((a, b) => b.prefix.length - a.prefix.length)[0];
  return match?.headers ?? {};
}

const PATHS = [
  '/',
  '/brands/x/',
  '/404.html',
  '/_astro/client.abc123.js',
  '/pagefind/pagefind.js',
  '/map-data.json',
  '/map-data/0.json',
  '/search-vocabulary.json',
  '/admin/',
  '/admin/pazhou/',
];

describe('security headers', () => {
  it('public/_headers, deploy/nginx.conf and docs/deploy.md are generated from the module (npm run headers)', () => {
    for (const [path, text] of Object.entries(generatedFiles())) expect(readFileSync(path, 'utf8'), path).toBe(text);
  });

  it.each(PATHS)('_headers and nginx.conf send the same headers as headersFor(%s)', (pathname) => {
    const expected = headersFor(pathname);
    expect(fromHeadersFile(readFileSync('public/_headers', 'utf8'), pathname)).toEqual(expected);
    expect(fromNginx(renderNginx(), pathname)).toEqual(expected);
  });

  it('forbids inline script except hashed, objects and framing; the CMS gets its own policy', () => {
    const site = headersFor('/')['Content-Security-Policy'];
    expect(site).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(site).not.toContain("'unsafe-inline' 'sha");
    expect(site).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(site).toContain("object-src 'none'");
    expect(site).toContain("frame-ancestors 'none'");
    expect(headersFor('/')['Permissions-Policy']).toContain('geolocation=(self)');
    expect(headersFor('/admin/')['Content-Security-Policy']).not.toBe(site);
    expect(headersFor('/admin/')['Content-Security-Policy']).not.toContain("'unsafe-inline' 'self'");
  });
});
