import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, PHONE } from './browser.ts';

/**
 * Registers one test per path, each with its own report line: the page at `origin` + path has a
 * title and one h1, fits a 320 px screen, passes axe (WCAG 2.2 A and AA) and requests nothing
 * from any other origin. One browser serves all the paths.
 */
export function checkEveryPage(origin: string, paths: string[]): void {
  let browser: Browser;
  let page: Page;
  const foreign: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ ...PHONE, viewport: { width: 320, height: 640 } });
    context.on('request', (request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(paths)('%s', (path) => {
    it('has a title and one h1, fits a 320 px screen, passes axe (WCAG 2.2 A and AA) and requests nothing from elsewhere', async () => {
      const before = foreign.length;
      await page.goto(new URL(path, origin).href, { waitUntil: 'load' });
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
}
