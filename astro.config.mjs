// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { CONTENT_DIR } from './src/content-dir.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { publishManifestIntegration } from './src/integrations/publish-manifest.ts';
import { securityHeadersIntegration } from './src/integrations/security-headers.ts';
import { validateContentIntegration } from './src/integrations/validate-content.ts';
import { nestHeadings, safeMarkdown, scopedHeadingIds } from './src/lib/safe-markdown.ts';
import { normaliseBasePath, pathInSite } from './src/lib/site/url.ts';

// The path the site is served under: `/`, or a sub-path of the district portal such as /zt/dangjian/ (docs/deploy.md).
const base = normaliseBasePath(process.env.PUBLIC_BASE_PATH);

export default defineConfig({
  // Absolute URLs for the sitemap and sharing cards; set PUBLIC_SITE_URL in production.
  site: process.env.PUBLIC_SITE_URL ?? 'http://127.0.0.1:4321',
  base,
  outDir: process.env.OUT_DIR ?? 'dist',
  // A build from another content folder keeps its content cache apart, so the next build of content/ never
  // reuses entries whose files were in a folder since deleted (tests and benchmarks build from temp copies).
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  trailingSlash: 'always',
  // Component styles as .css files, never inlined as <style>: the CSP's style-src is 'self' with no hash list to
  // keep in step with every CSS edit (src/lib/security-headers.ts). The same bytes, cached across pages; pages with
  // component styles fetch a second small stylesheet in parallel with the global one.
  // Two pages at a time: share cards (sharp) and posters (QR codes) then overlap with rendering; measured
  // 10–25 % faster on 2 cores at 1,000 brands (docs/benchmarks.md).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 2 },
  integrations: [
    validateContentIntegration(CONTENT_DIR),
    react(),
    // The CMS pages (/admin/…) are tools for editors, and posters (…/poster/) print a page already listed.
    sitemap({
      filter: (page) => {
        const path = pathInSite(new URL(page).pathname, base);
        return !path.startsWith('/admin/') && !path.endsWith('/poster/');
      },
    }),
    pagefindIntegration(),
    securityHeadersIntegration(),
    // Last: the list of pages the publish guard compares with the live site's (scripts/publish.ts).
    publishManifestIntegration(),
  ],
  markdown: { processor: satteri({ mdastPlugins: [safeMarkdown, nestHeadings], hastPlugins: [scopedHeadingIds] }) },
  devToolbar: { enabled: false },
});
