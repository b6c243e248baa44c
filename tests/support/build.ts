import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';

/**
 * Builds the site with `npx astro build` and the given environment (e.g. a
 * CONTENT_DIR and OUT_DIR); throws with the build's own output when it fails.
 * NODE_ENV is production, as in `npm run build`: Vitest sets it to `test`, and a
 * build inheriting that bundles development React into the CMS (4x its size).
 */
export function buildSite(env: Record<string, string> = {}): void {
  // Builds from a temporary content copy get their own content cache beside their output.
  const cache = env.CONTENT_DIR && env.OUT_DIR ? { ASTRO_CACHE_DIR: join(dirname(env.OUT_DIR), '.astro-cache') } : {};
  const result = spawnSync('npx', ['astro', 'build', '--silent'], {
    env: { ...process.env, NODE_ENV: 'production', ...cache, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`astro build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`.slice(-8000));
  }
}
