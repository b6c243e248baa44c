import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, PHONE } from '../support/browser.ts';
import { browserForFile } from '../support/test-browser.ts';

const baseURL = inject('baseURL');
const browser = browserForFile();
let context: BrowserContext;
let page: Page;

const PAGES = ['/', '/brands/dangyuan-zerenqu/', '/map/', '/stats/'];
const rootFontSize = (p: Page) =>
  p.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
// A mobile viewport widens window.innerWidth to the content, so compare with the width set, not with innerWidth.
const overflow = (p: Page) =>
  p.evaluate(() => document.documentElement.scrollWidth).then((width) => width - (p.viewportSize()?.width ?? 0));
const isElder = (p: Page) => p.evaluate(() => document.documentElement.classList.contains('elder'));
/** 大字模式 is in the accessibility toolbar (无障碍), which opens once per page. */
const toggle = (p: Page) => p.getByRole('region', { name: '无障碍工具条' }).getByRole('button', { name: '大字模式' });
const openToolbar = async (p: Page) => {
  await p.getByRole('button', { name: '无障碍' }).click();
  await toggle(p).waitFor();
};

beforeAll(async () => {
  context = await browser.newContext({ ...PHONE, viewport: { width: 320, height: 640 } });
  page = await context.newPage();
});

describe('elder mode (大字模式)', () => {
  it('is a real toggle button in the 无障碍 toolbar that enlarges text at least 1.25× and is remembered after a reload', async () => {
    await page.goto(new URL('/', baseURL).href);
    const normal = await rootFontSize(page);
    await openToolbar(page);
    await expect(toggle(page).getAttribute('aria-pressed')).resolves.toBe('false');
    await toggle(page).click();
    await expect(toggle(page).getAttribute('aria-pressed')).resolves.toBe('true');
    expect((await rootFontSize(page)) / normal).toBeGreaterThanOrEqual(1.25);
    await page.reload();
    expect(await isElder(page)).toBe(true);
    await openToolbar(page);
    await expect(toggle(page).getAttribute('aria-pressed')).resolves.toBe('true');
    expect((await rootFontSize(page)) / normal).toBeGreaterThanOrEqual(1.25);
  });

  it.each(PAGES)('%s fits 320 px and passes axe with elder mode on', async (path) => {
    await page.goto(new URL(path, baseURL).href);
    expect(await isElder(page)).toBe(true);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect((await axeViolations(page)).map((violation) => violation.id)).toEqual([]);
  });

  it('has its shortcut, Alt+Shift+E, with the toolbar closed', async () => {
    await page.goto(new URL('/', baseURL).href);
    await page.keyboard.press('Alt+Shift+KeyE');
    await expect.poll(() => isElder(page)).toBe(false);
    await page.keyboard.press('Alt+Shift+KeyE');
    await expect.poll(() => isElder(page)).toBe(true);
  });

  it('turns off again', async () => {
    await page.goto(new URL('/', baseURL).href);
    await openToolbar(page);
    await toggle(page).click();
    await page.reload();
    expect(await isElder(page)).toBe(false);
    await openToolbar(page);
    await expect(toggle(page).getAttribute('aria-pressed')).resolves.toBe('false');
  });
});

describe('200% zoom', () => {
  // A 1280 px desktop window at 200% zoom lays out like a 640 px one with twice the pixels.
  it.each(PAGES)('%s fits a 640 px viewport at device scale 2 and shows focus on the first link', async (path) => {
    const zoomed = await browser.newContext({
      viewport: { width: 640, height: 400 },
      deviceScaleFactor: 2,
      locale: 'zh-CN',
    });
    const p = await zoomed.newPage();
    await p.goto(new URL(path, baseURL).href);
    expect(await overflow(p)).toBeLessThanOrEqual(0);
    await p.keyboard.press('Tab');
    const outline = await p.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await zoomed.close();
  });
});
