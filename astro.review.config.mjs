// @ts-check
/**
 * The judges' review site: a separate Astro project under review/ that reuses
 * src/ (components, styles, lib) and reads the private collections (judges,
 * reviews) from the review content folder (REVIEW_CONTENT_DIR, a repository of
 * its own) through the validator. It builds, for one audience (REVIEW_AUDIENCE:
 * district, judge:<id> or street:<id>, src/lib/review/audience.ts), to
 * dist-review/ under the base path /review/, to be served behind that audience's
 * login; the public build (astro.config.mjs, src/pages) never includes it.
 *
 *   npm run build:review    (REVIEW_OUT_DIR to write elsewhere, CONTENT_DIR / REVIEW_CONTENT_DIR to read other content)
 *   npm run review          (build, then serve on http://127.0.0.1:4322/review/)
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { REVIEW_BASE } from './review/base.ts';
import { CONTENT_DIR } from './src/content-dir.ts';
import { reviewAudienceIntegration } from './src/integrations/review-audience.ts';
import { validateContentIntegration } from './src/integrations/validate-content.ts';

export default defineConfig({
  // Its own root keeps its generated .astro/ folder apart from the public site's.
  root: fileURLToPath(new URL('./review/', import.meta.url)),
  srcDir: fileURLToPath(new URL('./review/', import.meta.url)),
  publicDir: fileURLToPath(new URL('./review/public/', import.meta.url)),
  outDir: resolve(process.env.REVIEW_OUT_DIR ?? 'dist-review'),
  cacheDir: process.env.ASTRO_CACHE_DIR ?? fileURLToPath(new URL('./node_modules/.astro-review/', import.meta.url)),
  base: REVIEW_BASE,
  site: process.env.REVIEW_SITE_URL ?? 'http://127.0.0.1:4322',
  trailingSlash: 'always',
  // Styles as files, as in the public build, so its policy (docs/deploy.md) needs no 'unsafe-inline'.
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [validateContentIntegration(CONTENT_DIR), reviewAudienceIntegration(CONTENT_DIR)],
  server: { host: '127.0.0.1', port: 4322 },
  devToolbar: { enabled: false },
  vite: { cacheDir: fileURLToPath(new URL('./node_modules/.vite-review/', import.meta.url)) },
});
