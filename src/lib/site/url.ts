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

const viteEnv = (import.meta as { env?: { BASE_URL?: string; SSR?: boolean } }).env;

/**
 * The base this build is served under (astro.config.mjs sets Astro's `base` from PUBLIC_BASE_PATH): in the
 * browser, Astro's BASE_URL, which Vite writes into the bundle; on the server (pages as they render, scripts,
 * tests), PUBLIC_BASE_PATH itself, since Astro's server-side import.meta.env is read through process.env, where a
 * stray BASE_URL (Vitest sets one, so may a CI) would win over the base. The review build's own bases are
 * review/base.ts's, passed to sitePath explicitly.
 */
export const BASE_PATH = normaliseBasePath(
  viteEnv && !viteEnv.SSR ? viteEnv.BASE_URL : globalThis.process?.env.PUBLIC_BASE_PATH,
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
