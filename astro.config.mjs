// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { CONTENT_DIR } from './src/content-dir.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { validateContentIntegration } from './src/integrations/validate-content.ts';
import { nestHeadings, safeMarkdown } from './src/lib/safe-markdown.ts';

export default defineConfig({
  // Absolute URLs for the sitemap and sharing cards; set PUBLIC_SITE_URL in production.
  site: process.env.PUBLIC_SITE_URL ?? 'http://127.0.0.1:4321',
  outDir: process.env.OUT_DIR ?? 'dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [
    validateContentIntegration(CONTENT_DIR),
    react(),
    // The CMS pages (/admin/…) are tools for editors, not pages of the site.
    sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/admin/') }),
    pagefindIntegration(),
  ],
  markdown: { processor: satteri({ mdastPlugins: [safeMarkdown, nestHeadings] }) },
  devToolbar: { enabled: false },
});
