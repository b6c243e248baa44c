import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Pagefind's prebuilt search interfaces: the site has its own search page, so these are not shipped. */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/**
 * Builds the search index with Pagefind's Node API once Astro has written the
 * site (into OUT_DIR or dist/), as part of every `astro build`. Only the
 * regions the detail pages mark with data-pagefind-body are indexed (brands,
 * sites, streets, calls), all as zh-CN. A failure stops the build: a site
 * whose search page finds nothing must not be published.
 */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'haizhu:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const pagefind = await import('pagefind');
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
          if (added.page_count === 0) throw new Error(`Pagefind found no pages to index in ${outDir}`);
          const output = join(outDir, 'pagefind');
          const written = await index.writeFiles({ outputPath: output });
          if (written.errors.length)
            throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          for (const name of readdirSync(output)) if (UNUSED.test(name)) rmSync(join(output, name));
          // Pages without a data-pagefind-body region (lists, about, search) are read but not indexed.
          const entry = JSON.parse(readFileSync(join(output, 'pagefind-entry.json'), 'utf8')) as {
            languages: Record<string, { page_count: number }>;
          };
          const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
          if (indexed === 0) throw new Error('Pagefind indexed no pages: no page has a data-pagefind-body region');
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(`Indexed ${indexed} of ${added.page_count} pages for search in ${seconds} s`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
