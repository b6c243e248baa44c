import { spawnSync } from 'node:child_process';

/**
 * Builds the site with `npx astro build` and the given environment (e.g. a
 * CONTENT_DIR and OUT_DIR); throws with the build's own output when it fails.
 */
export function buildSite(env: Record<string, string> = {}): void {
  const result = spawnSync('npx', ['astro', 'build', '--silent'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`astro build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`.slice(-8000));
  }
}
