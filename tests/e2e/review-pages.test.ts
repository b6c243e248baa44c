import { readdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { checkEveryPage } from '../support/every-page.ts';

const reviewSites = inject('reviewSites');

/**
 * The review build has no sitemap (it is private): its pages are what a visitor reaches from its
 * entry page by following links under its base path. Returns the HTML pages and the links that
 * lead nowhere, as paths; attachments and other files are reached but not pages.
 */
async function crawl(origin: string, base: string): Promise<{ pages: string[]; broken: string[] }> {
  const found = new Set([base]);
  const pages: string[] = [];
  const broken: string[] = [];
  for (const path of found) {
    const response = await fetch(new URL(path, origin)).catch(() => undefined);
    if (!response?.ok) {
      broken.push(path);
      continue;
    }
    if (!response.headers.get('content-type')?.startsWith('text/html')) continue;
    // The judges' web editor is Decap's page, tested with the CMS (its score links are checked to lead there).
    if (path.startsWith(`${base}admin/`)) continue;
    pages.push(path);
    for (const match of (await response.text()).matchAll(/<a\s[^>]*?href="([^"]*)"/g)) {
      const target = new URL(match[1].replaceAll('&amp;', '&'), new URL(path, origin));
      if (target.origin === origin && target.pathname.startsWith(base)) found.add(target.pathname);
    }
  }
  return { pages, broken };
}

// Read at collection time, so each page is a test of its own with its own report line.
const crawled = await Promise.all(reviewSites.map(async (site) => ({ site, ...(await crawl(site.url, site.base)) })));

// Every audience's build: a judge's and a street office's are smaller than the district's, never empty.
const MINIMUM: Record<string, number> = { district: 20, judge: 5, street: 2 };

describe.each(crawled)('the review build for $site.audience', ({ site, pages, broken }) => {
  it('reaches every page it built by following links from its entry page', () => {
    const built = readdirSync(site.outDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file === 'index.html' || file.endsWith('/index.html'))
      .map((file) => site.base + file.slice(0, -'index.html'.length))
      .filter((path) => !path.startsWith(`${site.base}admin/`));
    expect(broken).toEqual([]);
    expect(pages.toSorted()).toEqual(built.toSorted());
    expect(pages.length).toBeGreaterThanOrEqual(MINIMUM[site.audience.split(':')[0]]);
  });
});

for (const { site, pages } of crawled) {
  describe(`${site.audience}`, () => checkEveryPage(site.url, pages));
}
