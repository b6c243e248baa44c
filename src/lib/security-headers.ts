/**
 * The site's HTTP response headers, defined once: the Content-Security-Policy
 * and the other security headers, and the cache rules. Every deploy format is
 * rendered from here by `npm run headers` (scripts/security-headers.ts):
 * public/_headers (Netlify / Cloudflare Pages style), deploy/nginx.conf and the
 * nginx block in docs/deploy.md; tests/unit/security-headers.test.ts checks
 * they agree, and the browser tests serve the build with `headersFor`.
 *
 * Scripts: `script-src 'self'` plus the hashes of the only inline scripts the
 * site emits (two one-line scripts in MiniMap.astro and MapView.astro that
 * unhide the map frame before first paint). Styles: `style-src 'self'`, files
 * only (astro.config.mjs sets build.inlineStylesheets 'never', so no page has a
 * <style> element). The build (src/integrations/security-headers.ts) fails when
 * a page carries an inline script, <style> or style attribute its policy
 * would block (`allowsInline`), so the policy cannot silently drift.
 */
import { createHash } from 'node:crypto';
import { sitePath } from './site/url.ts';

/** sha256 of each inline script the site emits, in CSP source form. */
export const INLINE_SCRIPT_HASHES = [
  // MiniMap.astro: document.currentScript.previousElementSibling.hidden = false;
  "'sha256-J3iRR4x3nSwIK+NxZK0VPd9mLBXB9QnDf8gFZI8lwkY='",
  // MapView.astro: for (const element of document.querySelectorAll(…)) element.hidden = false;
  "'sha256-UX0zZuLHPhpgLgSFQi6HTJRRHOJqgj44vUI5qojdD30='",
];

/** The CSP source of inline code, as the browser hashes it: the exact text between the tags, or an attribute's value. */
export function inlineHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Tianditu tile hosts (t0–t7), used only when PUBLIC_TIANDITU_KEY is set; allowed so one policy fits both maps. */
const TIANDITU = 'https://*.tianditu.gov.cn';

export type Directives = Record<string, string[]>;

/** The public site: no inline script but the hashed ones, no eval except WebAssembly (Pagefind), nothing from elsewhere. */
export const SITE_CSP: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'", ...INLINE_SCRIPT_HASHES],
  // Stylesheets are files (build.inlineStylesheets 'never'), no style attributes (colours are SVG fills);
  // MapLibre and the islands style through the CSSOM (element.style), which CSP does not restrict.
  'style-src': ["'self'"],
  // MapLibre decodes images through blob: URLs; favicons and covers are files of the site.
  'img-src': ["'self'", 'data:', 'blob:', TIANDITU],
  'font-src': ["'self'"],
  'connect-src': ["'self'", TIANDITU],
  'worker-src': ["'self'", 'blob:'],
  'child-src': ["'self'", 'blob:'],
  'frame-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'manifest-src': ["'self'"],
};

/**
 * The CMS (/admin/): Decap talks to the Git host's API (or the local proxy on
 * 127.0.0.1 during `npm run cms`) and shows images from it.
 */
export const ADMIN_CSP: Directives = {
  'default-src': ["'self'"],
  // Decap validates its configuration with ajv, which compiles each schema with new Function: without
  // 'unsafe-eval' the CMS stops at “Error loading the CMS configuration” (EvalError).
  'script-src': ["'self'", "'unsafe-eval'"],
  // Decap's components are styled by emotion and react-toastify, which inject <style> elements at run time;
  // a nonce would need a server to vary it per response, and the site is static files.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:', 'https:', 'http://127.0.0.1:*', 'http://localhost:*'],
  'media-src': ["'self'", 'blob:', 'https:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'", 'https:', 'http://127.0.0.1:*', 'http://localhost:*'],
  'worker-src': ["'self'", 'blob:'],
  'frame-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The judges' review build (dist-review/, served under /review/ behind a login): plain pages with
 * stylesheets and no script at all (astro.review.config.mjs writes styles as files).
 */
export const REVIEW_CSP: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Inline code in a page, as CSP tells it apart. */
export type Inline = 'script' | 'style' | 'style attribute';

/** The directives that govern each kind of inline code, most specific first (CSP Level 3 fallback). */
const GOVERNING: Record<Inline, string[]> = {
  script: ['script-src-elem', 'script-src', 'default-src'],
  style: ['style-src-elem', 'style-src', 'default-src'],
  'style attribute': ['style-src-attr', 'style-src', 'default-src'],
};

/**
 * Whether a policy lets a piece of inline code run or apply, as the browser decides: by its hash (for an
 * attribute only with 'unsafe-hashes'), else by 'unsafe-inline', which a directive listing hashes ignores.
 */
export function allowsInline(directives: Directives, kind: Inline, text: string): boolean {
  const name = GOVERNING[kind].find((candidate) => directives[candidate]);
  if (!name) return true;
  const sources = directives[name];
  const hashes = sources.filter((source) => /^'sha(256|384|512)-/.test(source));
  if (!hashes.length) return sources.includes("'unsafe-inline'");
  return (kind !== 'style attribute' || sources.includes("'unsafe-hashes'")) && hashes.includes(inlineHash(text));
}

export function cspString(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** Headers every response carries. */
const COMMON: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // The map's locate button is the only feature that asks for anything.
  'Permissions-Policy': 'geolocation=(self), camera=(), microphone=(), payment=(), usb=()',
  'X-Frame-Options': 'DENY',
};

/** Cache rules, by path prefix. */
export const CACHE = {
  /** HTML and anything not listed below: always revalidated. */
  html: 'no-cache',
  /** /_astro/: file names carry a content hash. */
  hashed: 'public, max-age=31536000, immutable',
  /** /pagefind/ and the map data: rebuilt with every publish, names not all hashed. */
  short: 'public, max-age=300, must-revalidate',
};

export const HASHED_PREFIX = '/_astro/';
export const SHORT_CACHE_PREFIXES = ['/pagefind/', '/map-data/', '/map-data.json', '/search-vocabulary.json'];
export const ADMIN_PREFIX = '/admin/';

export type Section = 'site' | 'admin';

export const sectionOf = (pathname: string): Section => (pathname.startsWith(ADMIN_PREFIX) ? 'admin' : 'site');

/** The Content-Security-Policy of a section, as directives. */
export const cspOf = (section: Section): Directives => (section === 'admin' ? ADMIN_CSP : SITE_CSP);

/** The security headers for a section of the site. */
export function securityHeaders(section: Section): Record<string, string> {
  return {
    'Content-Security-Policy': cspString(cspOf(section)),
    ...COMMON,
    // Decap signs in through a popup that reports back to this window.
    'Cross-Origin-Opener-Policy': section === 'admin' ? 'same-origin-allow-popups' : 'same-origin',
  };
}

/** The judges' web editor inside a review build: `<base>admin/` (review/cms.ts), under the portal's sub-path if any. */
export const isReviewAdmin = (pathname: string): boolean =>
  /^(?:\/[^/]+)*\/review\/(?:(?:judge|street)\/[^/]+\/)?admin\//.test(pathname);

/**
 * Every header the host sends for the review build: its policy, never cached, never indexed. The
 * judges' web editor in it (`<base>admin/`) has the CMS's policy, as /admin/ has on the public site.
 */
export function reviewHeaders(pathname = ''): Record<string, string> {
  const admin = isReviewAdmin(pathname);
  return {
    'Content-Security-Policy': cspString(admin ? ADMIN_CSP : REVIEW_CSP),
    ...COMMON,
    'Cross-Origin-Opener-Policy': admin ? 'same-origin-allow-popups' : 'same-origin',
    'Cache-Control': 'no-store',
    'X-Robots-Tag': 'noindex, nofollow',
  };
}

export function cacheControlFor(pathname: string): string {
  if (pathname.startsWith(HASHED_PREFIX)) return CACHE.hashed;
  if (SHORT_CACHE_PREFIXES.some((prefix) => pathname.startsWith(prefix))) return CACHE.short;
  return CACHE.html;
}

/** Every header the host sends for a path: what _headers and nginx.conf encode, and what the test server sends. */
export function headersFor(pathname: string): Record<string, string> {
  return { ...securityHeaders(sectionOf(pathname)), 'Cache-Control': cacheControlFor(pathname) };
}

const GENERATED = 'Generated by `npm run headers` from src/lib/security-headers.ts: edit that module, not this file.';

/**
 * public/_headers, Cloudflare Pages style (`! Name` detaches a header set by an
 * earlier rule, so /admin/ gets its own policy instead of both). Its paths are under
 * `base`, the build's PUBLIC_BASE_PATH (a build under a sub-path writes its own, src/integrations/security-headers.ts).
 */
export function renderHeadersFile(base = '/'): string {
  const block = (pattern: string, headers: Record<string, string>, detach: string[] = []) =>
    [
      pattern,
      ...detach.map((name) => `  ! ${name}`),
      ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`),
    ].join('\n');
  const site = securityHeaders('site');
  const admin = securityHeaders('admin');
  const adminOnly = Object.fromEntries(Object.entries(admin).filter(([name, value]) => site[name] !== value));
  return [
    `# ${GENERATED}`,
    block(sitePath('/*', base), { ...site, 'Cache-Control': CACHE.html }),
    block(sitePath(`${HASHED_PREFIX}*`, base), { 'Cache-Control': CACHE.hashed }, ['Cache-Control']),
    ...SHORT_CACHE_PREFIXES.map((prefix) =>
      block(sitePath(prefix.endsWith('/') ? `${prefix}*` : prefix, base), { 'Cache-Control': CACHE.short }, [
        'Cache-Control',
      ]),
    ),
    block(sitePath(`${ADMIN_PREFIX}*`, base), adminOnly, Object.keys(adminOnly)),
    '',
  ].join('\n\n');
}

const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * An nginx server block serving the live release (current, which npm run publish switches) with these headers and cache rules.
 * nginx drops server-level add_header lines in any location that has its own,
 * so each location repeats the full set (`always`: on 404s too).
 */
const addHeaders = (values: Record<string, string>, indent: string) =>
  Object.entries(values)
    .map(([name, value]) => `${indent}add_header ${name} ${quote(value)} always;`)
    .join('\n');

/**
 * With a `base` other than `/` (PUBLIC_BASE_PATH, the site under a sub-path of the portal), every location is under
 * `base` and maps onto the build by `alias` (`root` then names the build's folder), so nothing is served outside it:
 * the portal's web team copies these locations into its own server block (docs/deploy.md). They are `^~`, so a
 * portal's own regex locations (`location ~* \.js$ { … }`) never take the site's files.
 */
export function renderNginx(root = '/srv/haizhu/current', listen = '80', base = '/'): string {
  const prefixed = base !== '/';
  const folder = root.endsWith('/') ? root : `${root}/`;
  // A site path (`/_astro/`, `= /map-data.json`) as this server's location, and the alias it maps to under a base.
  const location = (match: string, pathname: string, extra: string[] = [], nested: string[] = []) => {
    const [modifier, path] = match.startsWith('= ') ? ['= ', match.slice(2)] : [prefixed ? '^~ ' : '', match];
    return [
      `  location ${modifier}${sitePath(path, base)} {`,
      // In the portal's server block, the site's 404 page answers for the site's paths only.
      ...(prefixed
        ? [`    alias ${folder}${path.slice(1)};`, `    error_page 404 ${sitePath('/404.html', base)};`]
        : []),
      ...extra.map((line) => `    ${line}`),
      addHeaders(headersFor(pathname), '    '),
      ...nested.map((line) => `    ${line}`),
      '  }',
    ].join('\n');
  };
  // A regex location inside an aliased one maps by its capture (nginx appends nothing to such an alias).
  const mjs = prefixed
    ? `location ~ ^${sitePath(HASHED_PREFIX, base)}(.+\\.mjs)$ { alias ${folder}${HASHED_PREFIX.slice(1)}$1; types { } default_type text/javascript; }`
    : 'location ~ \\.mjs$ { types { } default_type text/javascript; }';
  return [
    `# ${GENERATED}`,
    prefixed
      ? `# The site under ${base}: copy these locations into the portal's server block; replace the alias folders (the built dist/).`
      : '# Replace root (the built dist/) and listen; put TLS in front or add ssl lines here.',
    'server {',
    `  listen ${listen};`,
    '  server_name _;',
    ...(prefixed ? [] : [`  root ${root};`]),
    '  index index.html;',
    '  charset utf-8;',
    '  server_tokens off;',
    '  absolute_redirect off;',
    '  # Precompressed files written by scripts/precompress.ts (file.gz next to file); on-the-fly gzip otherwise.',
    '  gzip_static on;',
    '  gzip on;',
    '  gzip_comp_level 6;',
    '  gzip_types text/css application/javascript text/javascript application/json image/svg+xml application/xml text/plain application/wasm;',
    '  # With ngx_brotli installed, uncomment: brotli_static on;',
    ...(prefixed ? [] : ['  error_page 404 /404.html;']),
    location('/', '/index.html', ['try_files $uri $uri/ =404;']),
    // Debian's mime.types lacks .mjs (MapLibre's worker): served as octet-stream, nosniff would block it.
    // The nested block has no add_header of its own, so it inherits this location's.
    location(HASHED_PREFIX, `${HASHED_PREFIX}x.js`, [], [mjs]),
    location('/pagefind/', '/pagefind/x'),
    location('/map-data/', '/map-data/x'),
    location('= /map-data.json', '/map-data.json'),
    location('= /search-vocabulary.json', '/search-vocabulary.json'),
    location(ADMIN_PREFIX, `${ADMIN_PREFIX}x`, ['try_files $uri $uri/ =404;']),
    '}',
    '',
  ].join('\n');
}

/**
 * The nginx location serving the review build under /review/, only to visitors the Git host's
 * OAuth proxy (oauth2-proxy, on 127.0.0.1:4180) lets through: see docs/deploy.md.
 */
export function renderReviewLocation(root = '/srv/haizhu/dist-review/', base = '/review/'): string {
  return [
    `location ${base} {`,
    '  auth_request /oauth2/auth;',
    '  error_page 401 = /oauth2/sign_in?rd=$request_uri;',
    `  alias ${root};`,
    '  try_files $uri $uri/ =404;',
    addHeaders(reviewHeaders(), '  '),
    '}',
    '',
  ].join('\n');
}

/** One audience's review build behind a login of its own (docs/deploy.md, “One site per audience”). */
export interface ReviewAudienceSite {
  /** REVIEW_AUDIENCE of the build: `district`, `judge:<id>` or `street:<id>`. */
  audience: string;
  /** Its base path (review/base.ts): /review/, /review/judge/<id>/, /review/street/<id>/. */
  base: string;
  /** The folder the build was written to (REVIEW_OUT_DIR), with a trailing slash. */
  root: string;
  /** The htpasswd file holding this audience's accounts only. */
  userFile: string;
}

/**
 * The nginx locations serving each audience's review build under its own base path, each with
 * its own basic-auth account list, so one audience's account is refused every other audience's
 * pages (nginx picks the longest matching prefix: /review/judge/<id>/ is never the district's
 * /review/). Over TLS only.
 */
export function renderReviewAudienceLocations(sites: readonly ReviewAudienceSite[]): string {
  return sites
    .map((site) =>
      [
        `# REVIEW_AUDIENCE=${site.audience}`,
        `location ${site.base} {`,
        `  auth_basic ${quote(`评审工作台 ${site.audience}`)};`,
        `  auth_basic_user_file ${site.userFile};`,
        `  alias ${site.root};`,
        '  try_files $uri $uri/ =404;',
        addHeaders(reviewHeaders(), '  '),
        // The judges' web editor, where the build has one: the CMS's policy (the login is inherited).
        `  location ${site.base}admin/ {`,
        `    alias ${site.root}admin/;`,
        '    try_files $uri $uri/ =404;',
        addHeaders(reviewHeaders(`${site.base}admin/`), '    '),
        '  }',
        '}',
        '',
      ].join('\n'),
    )
    .join('\n');
}
