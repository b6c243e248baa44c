import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';

/**
 * Builds the site with `npx astro build` and the given environment (e.g. a
 * CONTENT_DIR and OUT_DIR); throws with the build's own output when it fails.
 * `config` builds another Astro project, e.g. the review site's
 * `astro.review.config.mjs` (which writes to REVIEW_OUT_DIR).
 * NODE_ENV is production, as in `npm run build`: Vitest sets it to `test`, and a
 * build inheriting that bundles development React into the CMS (4x its size).
 */
export function buildSite(env: Record<string, string> = {}, config?: string): void {
  // Builds from a temporary content copy get their own content cache beside their output.
  const outDir = env.OUT_DIR ?? env.REVIEW_OUT_DIR;
  const cache = env.CONTENT_DIR && outDir ? { ASTRO_CACHE_DIR: join(dirname(outDir), '.astro-cache') } : {};
  const result = spawnSync('npx', ['astro', 'build', ...(config ? ['--config', config] : []), '--silent'], {
    env: { ...process.env, NODE_ENV: 'production', ...cache, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`astro build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`.slice(-8000));
  }
}
