/**
 * The build's list of the pages it published, written to `<dist>/publish-manifest.json`. The
 * publish step (scripts/publish.ts) compares it with the live release's before replacing the
 * live site, and refuses a release that would lose street pages or too many pages. It holds
 * page paths only, all of them public (the sitemap lists the same), so it ships with the site.
 */
import { writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFiles } from '../lib/html-scan.ts';

export const MANIFEST_FILE = 'publish-manifest.json';

export interface PublishManifest {
  version: 1;
  /** When the build finished, ISO 8601. */
  builtAt: string;
  /** Every page as its URL path (`/streets/longfeng/`, `/404.html`), sorted. */
  pages: string[];
}

/** The URL path of every HTML file in a build, sorted. */
export function pagesOf(dir: string): string[] {
  return [...htmlFiles(dir)]
    .map((file) => `/${relative(dir, file).split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

/** Writes the manifest of the build in `dir` and returns it. */
export function writeManifest(dir: string): PublishManifest {
  const manifest: PublishManifest = { version: 1, builtAt: new Date().toISOString(), pages: pagesOf(dir) };
  writeFileSync(`${dir}/${MANIFEST_FILE}`, `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

export function publishManifestIntegration(): AstroIntegration {
  return {
    name: 'haizhu:publish-manifest',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const manifest = writeManifest(fileURLToPath(dir));
        logger.info(`${MANIFEST_FILE}: ${manifest.pages.length} 个页面`);
      },
    },
  };
}
