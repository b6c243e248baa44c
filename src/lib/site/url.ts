/**
 * The one place the site's internal URLs are made. The site may be served under a sub-path of the
 * district portal (PUBLIC_BASE_PATH, e.g. `/zt/dangjian/`), so no page, island or generated file
 * writes a root path by hand: each goes through `sitePath`.
 */

/** A base path in the one form the site uses: a leading and a trailing slash (`/` or `/zt/dangjian/`). */
export function normaliseBasePath(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * The base this build is served under: Astro's `base` (its BASE_URL) where Vite compiles the code (pages and
 * islands), PUBLIC_BASE_PATH where plain Node runs it (scripts, tests).
 */
export const BASE_PATH = normaliseBasePath(
  (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? process.env.PUBLIC_BASE_PATH,
);

/** A site path (`/brands/x/`, `/_astro/a.css`, `/`) as served under `base`: `/zt/dangjian/brands/x/`. */
export function sitePath(path: string, base: string = BASE_PATH): string {
  return `${base}${path.replace(/^\/+/, '')}`;
}

/**
 * A served path (`/zt/dangjian/brands/x/`, as Astro.url.pathname has it) as the site path it stands for
 * (`/brands/x/`): what a page compares with its navigation. A path outside `base` is returned as it is.
 */
export function pathInSite(pathname: string, base: string = BASE_PATH): string {
  return pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname;
}

/**
 * A site path as an absolute URL on `site` (PUBLIC_SITE_URL, an origin): canonical links, share cards, QR codes,
 * the sitemap's address in robots.txt. `site`'s own path is ignored; the path comes from `base`.
 */
export function absoluteUrl(path: string, site: string | URL, base: string = BASE_PATH): string {
  return new URL(sitePath(path, base), site).href;
}
