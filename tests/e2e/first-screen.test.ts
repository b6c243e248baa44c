import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, PHONE } from '../support/browser.ts';
import { browserForFile } from '../support/test-browser.ts';

const baseURL = inject('baseURL');
const browser = browserForFile();

/** One page of each type: the first of each kind the sitemap lists (as `npm run audit` picks them), and the rest. */
async function pageTypes(): Promise<[string, string][]> {
  const index = await (await fetch(new URL('/sitemap-0.xml', baseURL))).text();
  const listed = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]).pathname);
  const first = (pattern: RegExp) => {
    const path = listed.find((candidate) => pattern.test(candidate));
    if (!path) throw new Error(`no page in the sitemap matches ${pattern}`);
    return path;
  };
  const brand = first(/^\/brands\/(?!category\/|street\/|year\/|status\/)[^/]+\/$/);
  const site = first(/^\/sites\/[^/]+\/$/);
  return [
    ['home', '/'],
    ['brand list', '/brands/'],
    ['brand filter', first(/^\/brands\/category\/[^/]+\/$/)],
    ['brand', brand],
    ['brand poster', `${brand}poster/`],
    ['street list', '/streets/'],
    ['street', first(/^\/streets\/[^/]+\/$/)],
    ['site list', '/sites/'],
    ['site', site],
    ['site poster', `${site}poster/`],
    ['belt', first(/^\/belts\/[^/]+\/$/)],
    ['map', '/map/'],
    ['call list', '/campaigns/'],
    ['call', first(/^\/campaigns\/[^/]+\/$/)],
    ['search', '/search/'],
    ['statistics', '/stats/'],
    ['about', '/about/'],
    ['not found', '/404.html'],
  ];
}

const PAGES = await pageTypes();
const pathOf = (type: string) => PAGES.find(([name]) => name === type)?.[1] ?? '/';

/**
 * The issue's limits. On a phone the header takes at most 112 px (150 px in 大字模式), and the h1 starts
 * within 48 px under that: room for the breadcrumbs (112 + 48 = the first 160 px). On a desktop the header
 * is one row. A 1280 px window at 200 % zoom lays out like a 640 px one with twice the pixels: held to the
 * phone's limits.
 */
const SCREENS = [
  { name: '320 px', width: 320, header: { normal: 112, elder: 150 } },
  { name: '390 px', width: 390, header: { normal: 112, elder: 150 } },
  { name: '1280 px at 200 % zoom', width: 640, zoom: 2, header: { normal: 112, elder: 150 } },
  { name: '1280 px', width: 1280, header: { normal: 80, elder: 80 } },
];
const ABOVE_H1 = 48;

const contextFor = (width: number, zoom?: number): BrowserContextOptions =>
  zoom
    ? { viewport: { width, height: 400 }, deviceScaleFactor: zoom, locale: 'zh-CN' }
    : width < 1024
      ? { ...PHONE, viewport: { width, height: 844 } }
      : { viewport: { width, height: 800 }, locale: 'zh-CN' };

/** Elements that reach past either side of a `width` px viewport, leaving out those inside a box that clips or scrolls them. */
const overflowing = (page: Page, width: number) =>
  page.evaluate((width) => {
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    return [...document.body.querySelectorAll('*')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.left < -0.5 || box.right > width + 0.5) && !clipped(element);
      })
      .map((element) => {
        const box = element.getBoundingClientRect();
        return `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> ${Math.round(box.left)}–${Math.round(box.right)}`;
      });
  }, width);

describe.each(SCREENS)('at $name', ({ width, zoom, header }) => {
  describe.each([
    ['normal', false],
    ['大字模式', true],
  ] as const)('%s', (_mode, elder) => {
    const headerLimit = elder ? header.elder : header.normal;
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await browser.newContext(contextFor(width, zoom));
      if (elder) await context.addInitScript(() => localStorage.setItem('elder-mode', 'on'));
      page = await context.newPage();
    });
    afterAll(async () => {
      await context.close();
    });
    it.each(PAGES)(
      `%s (%s): header at most ${headerLimit} px${width < 1024 ? `, h1 within ${headerLimit + ABOVE_H1} px` : ''}, nothing wider than the screen`,
      async (_type, path) => {
        await page.goto(new URL(path, baseURL).href);
        const measured = await page.evaluate(() => ({
          elder: document.documentElement.classList.contains('elder'),
          header: document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0,
          h1: (document.querySelector('h1')?.getBoundingClientRect().top ?? 0) + window.scrollY,
          scrollWidth: document.documentElement.scrollWidth,
        }));
        expect(measured.elder).toBe(elder);
        expect(measured.header).toBeGreaterThan(0);
        expect(measured.header).toBeLessThanOrEqual(headerLimit);
        if (width < 1024) expect(measured.h1).toBeLessThanOrEqual(headerLimit + ABOVE_H1);
        expect(measured.scrollWidth).toBeLessThanOrEqual(width);
        expect(await overflowing(page, width)).toEqual([]);
      },
    );
  });
});

describe('the header on a phone', () => {
  const menu = (page: Page) => page.locator('.site-header summary', { hasText: '菜单' });
  const search = (page: Page) => page.locator('.site-header summary', { hasText: '搜索' });
  const navigation = (page: Page) => page.getByRole('navigation', { name: '主导航' });

  it('folds the navigation behind 菜单: a labelled 44 px control that opens it, with the current section marked', async () => {
    const page = await browser.open(pathOf('brand'));
    const box = await menu(page).boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(44);
    expect(box?.height).toBeGreaterThanOrEqual(44);
    await expect(navigation(page).isVisible()).resolves.toBe(false);
    await menu(page).click();
    await expect(navigation(page).isVisible()).resolves.toBe(true);
    await expect(navigation(page).locator('[aria-current="page"]').textContent()).resolves.toBe('党建品牌');
    expect((await axeViolations(page)).map((violation) => violation.id)).toEqual([]);
    await page.context().close();
  });

  it('opens and closes 菜单 from the keyboard, and its links follow it in the tab order', async () => {
    const page = await browser.open('/about/');
    await menu(page).focus();
    await page.keyboard.press('Enter');
    await expect(navigation(page).isVisible()).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('首页');
    await menu(page).focus();
    await page.keyboard.press('Space');
    await expect(navigation(page).isVisible()).resolves.toBe(false);
    await page.context().close();
  });

  it('opens 菜单 without JavaScript (search without it: search.test.ts)', async () => {
    const page = await browser.open('/', { ...PHONE, javaScriptEnabled: false });
    await menu(page).click();
    await navigation(page).getByRole('link', { name: '示范阵地' }).click();
    await page.waitForURL('**/sites/');
    await page.context().close();
  });

  it('closes 菜单 when 搜索 opens; the open search box fits the screen and passes axe', async () => {
    const page = await browser.open('/');
    await menu(page).click();
    await search(page).click();
    await expect(page.getByRole('searchbox', { name: '搜索品牌、街道、社区' }).isVisible()).resolves.toBe(true);
    await expect(navigation(page).isVisible()).resolves.toBe(false);
    expect(await overflowing(page, 390)).toEqual([]);
    expect((await axeViolations(page)).map((violation) => violation.id)).toEqual([]);
    await page.context().close();
  });
});

describe('the header on a desktop', () => {
  it('shows the navigation in its one row, with no 菜单; in 大字模式 at 1024 px it folds behind 菜单 again', async () => {
    const context = await browser.newContext(contextFor(1280));
    const page = await context.newPage();
    await page.goto(new URL('/', baseURL).href);
    await expect(page.getByRole('navigation', { name: '主导航' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.site-header summary', { hasText: '菜单' }).isVisible()).resolves.toBe(false);
    await page.setViewportSize({ width: 1024, height: 800 });
    // 大字模式 is in the accessibility toolbar (无障碍), under the header: the header's height is its own.
    await page.getByRole('button', { name: '无障碍' }).click();
    await page.getByRole('region', { name: '无障碍工具条' }).getByRole('button', { name: '大字模式' }).click();
    const height = await page.evaluate(() => document.querySelector('.site-header')?.getBoundingClientRect().height);
    expect(height).toBeLessThanOrEqual(80);
    await expect(page.locator('.site-header summary', { hasText: '菜单' }).isVisible()).resolves.toBe(true);
    await context.close();
  });
});
