import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, PHONE } from '../support/browser.ts';

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

let browser: Browser;
let context: BrowserContext;
let page: Page;
const foreign: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ ...PHONE, viewport: { width: 320, height: 640 } });
  context.on('request', (request) => {
    if (!request.url().startsWith(baseURL) && !request.url().startsWith('data:')) foreign.push(request.url());
  });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

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

describe.each(pages)('%s', (path) => {
  it('has a title and one h1, fits a 320 px screen, passes axe (WCAG 2.2 A and AA) and requests nothing from elsewhere', async () => {
    const before = foreign.length;
    await page.goto(new URL(path, baseURL).href, { waitUntil: 'load' });
    expect(await page.title()).not.toBe('');
    expect(await page.locator('h1').count()).toBe(1);
    // Against the 320 px set, not window.innerWidth: a mobile viewport widens innerWidth to fit wide content.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const violations = (await axeViolations(page)).map(
      (violation) =>
        `${violation.id} (${violation.help}) at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
    expect(violations).toEqual([]);
    expect(foreign.slice(before)).toEqual([]);
  });
});
