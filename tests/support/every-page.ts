import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, PHONE } from './browser.ts';

/**
 * Registers one test per path, each with its own report line: the page at `origin` + path has a
 * title and one h1, fits a 320 px screen, passes axe (WCAG 2.2 A and AA), requests nothing
 * from any other origin and breaks no rule of the Content-Security-Policy it is served with.
 * One browser serves all the paths.
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
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.effectiveDirective} ${event.blockedURI || 'inline'}`),
      );
    });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(paths)('%s', (path) => {
    it('has a title and one h1, fits a 320 px screen, passes axe (WCAG 2.2 A and AA), requests nothing from elsewhere and breaks no CSP rule', async () => {
      const before = foreign.length;
      const response = await page.goto(new URL(path, origin).href, { waitUntil: 'load' });
      expect(await response?.headerValue('content-security-policy')).toBeTruthy();
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
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
