// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { CONTENT_DIR } from './src/content-dir.ts';
import { validateContentIntegration } from './src/integrations/validate-content.ts';
import { safeMarkdown } from './src/lib/safe-markdown.ts';

export default defineConfig({
  // Absolute URLs for the sitemap and sharing cards; set PUBLIC_SITE_URL in production.
  site: process.env.PUBLIC_SITE_URL ?? 'http://127.0.0.1:4321',
  outDir: process.env.OUT_DIR ?? 'dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [validateContentIntegration(CONTENT_DIR), react(), sitemap()],
  markdown: { processor: satteri({ mdastPlugins: [safeMarkdown] }) },
  devToolbar: { enabled: false },
});
