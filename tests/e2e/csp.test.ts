import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor } from '../../src/lib/security-headers.ts';
import { launchBrowser, PHONE } from '../support/browser.ts';
import { serveStatic } from '../support/static-server.ts';

/** The e2e build (made by global-setup), served again, this time with the deploy headers. */
const root = resolve('dist-e2e');
/** The sitemap's pages, as paths. */
const listed = readdirSync(root)
  .filter((name) => /^sitemap-\d+\.xml$/.test(name))
  .flatMap((name) => [...readFileSync(resolve(root, name), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)])
  .map((match) => new URL(match[1]).pathname);
/** The first entry page under a folder (e.g. /brands/<id>/). */
const first = (folder: string) => listed.find((path) => new RegExp(`^/${folder}/[^/]+/$`).test(path)) ?? `/${folder}/`;

/** One page of every type, and what to wait for on it. */
const PAGES: [string, string, ((page: Page) => Promise<void>)?][] = [
  ['home', '/'],
  ['brand', first('brands')],
  ['street', first('streets')],
  ['site (mini-map)', first('sites'), (page) => mapReady(page, '[data-mini-map]')],
  ['campaign', first('campaigns')],
  [
    'map (WebGL, once asked for)',
    '/map/',
    async (page) => {
      await page.locator('[data-map-activate]').click();
      await mapReady(page, '[data-map]');
    },
  ],
  [
    'search with a query',
    '/search/?q=党建',
    async (page) => {
      await page.waitForFunction(
        () => Number(document.querySelector<HTMLElement>('#search-app')?.dataset.searchDone) > 0,
      );
    },
  ],
  ['about', '/about/'],
  ['404', '/no-such-page/'],
  [
    'CMS',
    `/admin/${readdirSync(resolve(root, 'admin')).find((name) => !name.includes('.') && name !== 'judges')}/`,
    (page) => page.waitForTimeout(1500),
  ],
];

/** Waits until the map has loaded (its worker, WebGL and data) and settled, then checks it did not fail. */
async function mapReady(page: Page, selector: string) {
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  const state = page.locator(selector).first();
  await page.waitForFunction(
    (selector) => ['ready', 'failed'].includes(document.querySelector<HTMLElement>(selector)?.dataset.state ?? ''),
    selector,
    { timeout: 60_000 },
  );
  expect(await state.getAttribute('data-state')).toBe('ready');
  await page.waitForFunction(
    (selector) => {
      const map = (document.querySelector(selector) as unknown as { map?: import('maplibre-gl').Map }).map;
      return Boolean(map?.loaded() && map.areTilesLoaded());
    },
    selector,
    { timeout: 60_000, polling: 100 },
  );
}

/** Collects the page's CSP violations (scripts, styles, connections…) in window.cspViolations (run as an init script). */
function watchViolations() {
  const store = window as unknown as { cspViolations: string[] };
  store.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) =>
    store.cspViolations.push(
      `${event.effectiveDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
    ),
  );
}

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  server = await serveStatic(root, headersFor);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('with the Content-Security-Policy and security headers', () => {
  it('are sent by the test server', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('notices a violation (control: the same site with a policy lacking the inline-script hashes)', async () => {
    const strict = await serveStatic(root, (path) => ({
      ...headersFor(path),
      'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'",
    }));
    const context = await browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      await page.addInitScript(watchViolations);
      await page.goto(new URL('/map/', strict.url).href, { waitUntil: 'load' });
      await page.waitForTimeout(300);
      const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
      expect(violations.some((line) => line.startsWith('script-src'))).toBe(true);
    } finally {
      await context.close();
      await strict.close();
    }
  });

  it('blocks a <style> element and a style attribute added by a script, not element.style (control)', async () => {
    const context = await browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      await page.addInitScript(watchViolations);
      await page.goto(new URL('/', server.url).href, { waitUntil: 'load' });
      const colours = await page.evaluate(() => {
        const injected = document.createElement('style');
        injected.textContent = 'body { color: rgb(1, 2, 3) }';
        document.head.append(injected);
        const attribute = document.createElement('p');
        attribute.setAttribute('style', 'color: rgb(4, 5, 6)');
        const cssom = document.createElement('p');
        cssom.style.color = 'rgb(7, 8, 9)';
        document.body.append(attribute, cssom);
        return [document.body, attribute, cssom].map((element) => getComputedStyle(element).color);
      });
      await page.waitForTimeout(300);
      const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
      expect(colours[0]).not.toBe('rgb(1, 2, 3)');
      expect(colours[1]).not.toBe('rgb(4, 5, 6)');
      expect(colours[2]).toBe('rgb(7, 8, 9)');
      expect(violations.map((line) => line.split(' ')[0]).sort()).toEqual(['style-src-attr', 'style-src-elem']);
    } finally {
      await context.close();
    }
  });

  it.each(PAGES)('the %s page (%s) runs without a CSP violation', async (_name, path, ready) => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.addInitScript(watchViolations);
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) consoleErrors.push(message.text());
    });
    try {
      const response = await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
      expect(response?.headers()['content-security-policy'], path).toBeTruthy();
      await ready?.(page);
      await page.waitForTimeout(300);
      const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
      expect(violations, path).toEqual([]);
      expect(consoleErrors, path).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
