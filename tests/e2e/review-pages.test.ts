import { readdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { REVIEW_BASE } from '../../review/base.ts';
import { checkEveryPage } from '../support/every-page.ts';

const reviewURL = inject('reviewURL');
const reviewOutDir = inject('reviewOutDir');

/**
 * The review build has no sitemap (it is private): its pages are what a visitor reaches from its
 * entry page by following links under its base path. Returns the HTML pages and the links that
 * lead nowhere, as paths; attachments and other files are reached but not pages.
 */
async function crawl(): Promise<{ pages: string[]; broken: string[] }> {
  const found = new Set([REVIEW_BASE]);
  const pages: string[] = [];
  const broken: string[] = [];
  for (const path of found) {
    const response = await fetch(new URL(path, reviewURL)).catch(() => undefined);
    if (!response?.ok) {
      broken.push(path);
      continue;
    }
    if (!response.headers.get('content-type')?.startsWith('text/html')) continue;
    pages.push(path);
    for (const match of (await response.text()).matchAll(/<a\s[^>]*?href="([^"]*)"/g)) {
      const target = new URL(match[1].replaceAll('&amp;', '&'), new URL(path, reviewURL));
      if (target.origin === reviewURL && target.pathname.startsWith(REVIEW_BASE)) found.add(target.pathname);
    }
  }
  return { pages, broken };
}

// Read at collection time, so each page is a test of its own with its own report line.
const { pages, broken } = await crawl();

describe('the review build', () => {
  it('reaches every page it built by following links from its entry page', () => {
    const built = readdirSync(reviewOutDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file === 'index.html' || file.endsWith('/index.html'))
      .map((file) => REVIEW_BASE + file.slice(0, -'index.html'.length));
    expect(broken).toEqual([]);
    expect(pages.toSorted()).toEqual(built.toSorted());
    expect(pages.length).toBeGreaterThan(20);
  });
});

checkEveryPage(reviewURL, pages);
