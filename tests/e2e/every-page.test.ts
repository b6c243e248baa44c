import { describe, expect, inject, it } from 'vitest';
import { checkEveryPage } from '../support/every-page.ts';

const baseURL = inject('baseURL');

/** Every page the sitemap lists, as paths. */
async function sitemapPaths(): Promise<string[]> {
  const locations = async (path: string) => {
    const xml = await (await fetch(new URL(path, baseURL))).text();
    return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]).pathname);
  };
  const paths: string[] = [];
  for (const map of await locations('/sitemap-index.xml')) paths.push(...(await locations(map)));
  return paths;
}

// Read at collection time, so each page is a test of its own with its own report line.
const pages = [...(await sitemapPaths()), '/404.html'];

describe('the sitemap', () => {
  it('lists brands, streets, sites, campaigns and the about page', () => {
    for (const prefix of ['/brands/', '/streets/', '/sites/', '/campaigns/', '/about/']) {
      expect(
        pages.some((path) => path.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
    expect(pages.length).toBeGreaterThan(50);
  });
});

checkEveryPage(baseURL, pages);
