/**
 * The browser of a browser test file (vitest only: it registers hooks, so the
 * scripts that share browser.ts do not import it).
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { launchBrowser, PHONE } from './browser.ts';

export interface TestBrowser {
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
  /** Opens `path` of the site under test in a new context (phone-sized unless told) and checks it answered 200. */
  open: (path: string, options?: BrowserContextOptions) => Promise<Page>;
}

/** One Chromium for the test file: launched before its tests, closed after them. Call it at the top level. */
export function browserForFile(): TestBrowser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const newContext = (options?: BrowserContextOptions) => {
    if (!browser) throw new Error('The browser is launched in beforeAll: open contexts from hooks and tests');
    return browser.newContext(options);
  };
  return {
    newContext,
    async open(path, options = PHONE) {
      const page = await (await newContext(options)).newPage();
      const response = await page.goto(new URL(path, inject('baseURL')).href);
      expect(response?.status(), path).toBe(200);
      return page;
    },
  };
}
