import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../../scripts/security-headers.ts';
import { inlineBlockedByCsp } from '../../src/integrations/security-headers.ts';
import {
  ADMIN_CSP,
  allowsInline,
  headersFor,
  inlineHash,
  isReviewAdmin,
  renderHeadersFile,
  renderNginx,
  renderReviewLocation,
  reviewHeaders,
  SITE_CSP,
} from '../../src/lib/security-headers.ts';

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

/** The headers an nginx config gives a path: the longest matching prefix location (`^~` or plain), or an exact `=` match. */
function fromNginx(text: string, pathname: string): Record<string, string> {
  const blocks = [...text.matchAll(/location (=\s|\^~\s)?(\S+) \{([^}]*)\}/g)].map(([, modifier, prefix, body]) => ({
    exact: modifier === '= ',
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

  it.each(PATHS)(
    'under a sub-path, _headers and nginx send headersFor(%s) at /zt/dangjian/…, and alias the build',
    (pathname) => {
      const base = '/zt/dangjian/';
      const served = `/zt/dangjian${pathname}`;
      const nginx = renderNginx('/srv/haizhu/current/', '80', base);
      expect(fromHeadersFile(renderHeadersFile(base), served)).toEqual(headersFor(pathname));
      expect(fromNginx(nginx, served)).toEqual(headersFor(pathname));
      // Nothing of the site's is served outside the sub-path.
      expect(fromHeadersFile(renderHeadersFile(base), pathname)).toEqual({});
      expect(fromNginx(nginx, pathname)).toEqual({});
    },
  );

  it("maps each location under a sub-path onto the build by alias, the 404 page and MapLibre's .mjs included", () => {
    const nginx = renderNginx('/srv/haizhu/current', '80', '/zt/dangjian/');
    expect(nginx).not.toMatch(/^\s*root /m);
    // The site's 404 page for the site's paths only, never for the rest of the portal.
    expect(nginx).not.toMatch(/^ {2}error_page/m);
    expect(nginx).toContain(
      'location ^~ /zt/dangjian/ {\n    alias /srv/haizhu/current/;\n    error_page 404 /zt/dangjian/404.html;',
    );
    expect(nginx).toContain('location = /zt/dangjian/map-data.json {\n    alias /srv/haizhu/current/map-data.json;');
    expect(nginx).toContain(
      'location ~ ^/zt/dangjian/_astro/(.+\\.mjs)$ { alias /srv/haizhu/current/_astro/$1; types { } default_type text/javascript; }',
    );
    expect(renderNginx()).toBe(renderNginx('/srv/haizhu/current', '80', '/'));
  });

  it.each([
    ['/review/admin/', true],
    ['/review/judge/judge-a/admin/config.yml', true],
    ['/zt/dangjian/review/admin/', true],
    ['/zt/dangjian/review/street/nanshitou/admin/', true],
    ['/review/', false],
    ['/zt/dangjian/review/campaigns/x/', false],
    ['/admin/', false],
  ])("the review build's editor, under a sub-path too: %s → %s", (pathname, admin) => {
    expect(isReviewAdmin(pathname)).toBe(admin);
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

  it('allows the public site styles from its own files only; the CMS keeps the eval and inline styles Decap needs', () => {
    expect(SITE_CSP['style-src']).toEqual(["'self'"]);
    expect(Object.keys(SITE_CSP).filter((name) => name.startsWith('style-src'))).toEqual(['style-src']);
    expect(headersFor('/brands/x/')['Content-Security-Policy']).toContain("; style-src 'self';");
    expect(ADMIN_CSP['script-src']).toEqual(["'self'", "'unsafe-eval'"]);
    expect(ADMIN_CSP['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('serves the review build with no script, no inline style, never cached and never indexed, behind the login', () => {
    const review = reviewHeaders();
    expect(review['Content-Security-Policy']).toMatch(/^default-src 'self'; script-src 'self'; style-src 'self';/);
    expect(review['Content-Security-Policy']).not.toContain('unsafe');
    expect(review['Cache-Control']).toBe('no-store');
    expect(review['X-Robots-Tag']).toBe('noindex, nofollow');
    const location = renderReviewLocation();
    expect(location).toContain('auth_request /oauth2/auth;');
    for (const [name, value] of Object.entries(review))
      expect(location).toContain(`add_header ${name} "${value}" always;`);
  });
});

describe('allowsInline: what a policy lets run or apply, as the browser decides', () => {
  const script = 'document.currentScript.previousElementSibling.hidden = false;';
  const css = '.a{color:red}';

  it('runs an inline script whose hash is listed, and no other', () => {
    const policy = { 'script-src': ["'self'", inlineHash(script)] };
    expect(allowsInline(policy, 'script', script)).toBe(true);
    expect(allowsInline(policy, 'script', `${script} `)).toBe(false);
    expect(allowsInline(SITE_CSP, 'script', 'alert(1)')).toBe(false);
  });

  it('applies no <style> and no style attribute on the public site, both on /admin/', () => {
    expect(allowsInline(SITE_CSP, 'style', css)).toBe(false);
    expect(allowsInline(SITE_CSP, 'style attribute', 'color:red')).toBe(false);
    expect(allowsInline(ADMIN_CSP, 'style', css)).toBe(true);
    expect(allowsInline(ADMIN_CSP, 'style attribute', 'color:red')).toBe(true);
  });

  it('follows CSP fallbacks: -elem and -attr directives, then default-src', () => {
    expect(allowsInline({ 'default-src': ["'self'"] }, 'style', css)).toBe(false);
    expect(allowsInline({ 'default-src': ["'unsafe-inline'"] }, 'script', 'x()')).toBe(true);
    const split = { 'style-src': ["'self'"], 'style-src-attr': ["'unsafe-inline'"] };
    expect(allowsInline(split, 'style attribute', 'color:red')).toBe(true);
    expect(allowsInline(split, 'style', css)).toBe(false);
    expect(allowsInline({}, 'style', css)).toBe(true);
  });

  it("ignores 'unsafe-inline' beside a hash, and hashes a style attribute only with 'unsafe-hashes'", () => {
    const hashed = { 'style-src': ["'self'", "'unsafe-inline'", inlineHash(css), inlineHash('color:red')] };
    expect(allowsInline(hashed, 'style', css)).toBe(true);
    expect(allowsInline(hashed, 'style', '.b{}')).toBe(false);
    expect(allowsInline(hashed, 'style attribute', 'color:red')).toBe(false);
    hashed['style-src'].push("'unsafe-hashes'");
    expect(allowsInline(hashed, 'style attribute', 'color:red')).toBe(true);
  });
});

describe('inlineBlockedByCsp: the build check', () => {
  it('lists inline code each page’s policy blocks: public pages by the site policy, /admin/ by its own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csp-inline-'));
    try {
      mkdirSync(join(dir, 'brands/x'), { recursive: true });
      mkdirSync(join(dir, 'admin'));
      writeFileSync(
        join(dir, 'brands/x/index.html'),
        [
          '<html><head><style>.a{color:red}</style><script type="application/json">{"a":1}</script></head><body>',
          '<p style="color:#b3121b">x</p><script type="module" src="/_astro/a.js"></script>',
          '<script>alert(1)</script><svg><rect fill="#b3121b"/></svg></body></html>',
        ].join(''),
      );
      writeFileSync(join(dir, 'admin/index.html'), '<html><head><style>.a{}</style></head><body></body></html>');
      const problems = inlineBlockedByCsp(dir).map((line) => line.split(' ').slice(0, 3).join(' '));
      expect(problems).toEqual([
        `brands/x/index.html: style ${inlineHash('.a{color:red}')}`,
        'brands/x/index.html: style attribute',
        `brands/x/index.html: script ${inlineHash('alert(1)')}`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
