import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, PHONE } from '../support/browser.ts';

const baseURL = inject('baseURL');
let browser: Browser;
let pages: string[] = [];

/** Every page the sitemap lists, as paths. */
async function sitemapPaths(): Promise<string[]> {
  const index = await (await fetch(new URL('/sitemap-index.xml', baseURL))).text();
  const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]).pathname);
  const paths: string[] = [];
  for (const map of maps) {
    const xml = await (await fetch(new URL(map, baseURL))).text();
    paths.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]).pathname));
  }
  return paths;
}

beforeAll(async () => {
  browser = await launchBrowser();
  pages = [...(await sitemapPaths()), '/404.html'];
});
afterAll(async () => {
  await browser?.close();
});

describe('every page of the site', () => {
  it('is listed in the sitemap (brands, streets, sites and campaigns included)', () => {
    for (const prefix of ['/brands/', '/streets/', '/sites/', '/campaigns/', '/about/']) {
      expect(
        pages.some((path) => path.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
    expect(pages.length).toBeGreaterThan(50);
  });

  it('passes axe (WCAG 2.2 A and AA) with zero violations, fits a 320 px screen and requests nothing from elsewhere', async () => {
    const context = await browser.newContext({ ...PHONE, viewport: { width: 320, height: 640 } });
    const foreign: string[] = [];
    context.on('request', (request) => {
      if (!request.url().startsWith(baseURL) && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    const page = await context.newPage();
    const failures: string[] = [];
    for (const path of pages) {
      await page.goto(new URL(path, baseURL).href, { waitUntil: 'load' });
      const title = await page.title();
      const h1s = await page.locator('h1').count();
      if (!title || h1s !== 1) failures.push(`${path}: title "${title}", ${h1s} h1 elements`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) failures.push(`${path}: ${overflow}px wider than a 320px screen`);
      for (const violation of await axeViolations(page)) {
        failures.push(
          `${path}: ${violation.id} (${violation.help}) at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        );
      }
    }
    await context.close();
    expect(failures).toEqual([]);
    expect(foreign).toEqual([]);
  });
});
