import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PHONE } from '../support/browser.ts';
import { browserForFile } from '../support/test-browser.ts';

const baseURL = inject('baseURL');
const browser = browserForFile();
const { open } = browser;

const cardCount = (page: Page) => page.locator('main .grid > li').count();

describe('home page', () => {
  it('introduces the showcase with figures counted from content and links to brands and streets', async () => {
    const page = await open('/');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    await expect(page.locator('h1').textContent()).resolves.toContain('一街道一品牌');
    const figures = await page.locator('.figures dd').allInnerTexts();
    expect(figures.length).toBeGreaterThanOrEqual(4);
    expect(figures[0]).toContain('18');
    await expect(page.locator('a[href^="/streets/"]').count()).resolves.toBeGreaterThanOrEqual(18);
    await expect(cardCount(page)).resolves.toBeGreaterThan(0);
    await page.context().close();
  });
});

describe('brand pages', () => {
  it('show the story, figures and the street of a real brand', async () => {
    const list = await open('/brands/');
    await list.getByRole('link', { name: '毓秀阁', exact: true }).first().click();
    await list.waitForURL(/\/brands\/[a-z0-9-]+\/$/);
    await expect(list.locator('h1').textContent()).resolves.toContain('毓秀阁');
    await expect(list.getByRole('heading', { name: '品牌故事' }).isVisible()).resolves.toBe(true);
    const story = (await list.locator('section[aria-labelledby="story-title"]').textContent()) ?? '';
    expect(story.replace('品牌故事', '').trim().length).toBeGreaterThan(50);
    await expect(list.getByRole('link', { name: '龙凤街道' }).first().isVisible()).resolves.toBe(true);
    await list.context().close();
  });

  it('mark sample entries with a 示例 badge', async () => {
    const page = await open('/brands/');
    const badges = await page.locator('main .badge-sample').count();
    expect(badges).toBeGreaterThan(0);
    await page.context().close();
  });
});

describe('brand filters', () => {
  it('narrow the list to one category, and the URL says which', async () => {
    const page = await open('/brands/');
    const all = await cardCount(page);
    await page
      .getByRole('navigation', { name: '筛选品牌' })
      .getByRole('link', { name: /^党建引领基层治理/ })
      .click();
    await page.waitForURL('**/brands/category/governance/');
    const filtered = await cardCount(page);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    const categories = await page.locator('main .grid .meta').allInnerTexts();
    for (const meta of categories) expect(meta).toContain('党建引领基层治理');
    await expect(page.locator('[aria-current="page"]', { hasText: '党建引领基层治理' }).count()).resolves.toBe(1);
    await page.context().close();
  });

  it('narrow the list by street', async () => {
    const page = await open('/brands/street/pazhou/');
    const streets = await page.locator('main .grid .meta').allInnerTexts();
    expect(streets.length).toBeGreaterThan(0);
    for (const meta of streets) expect(meta).toContain('琶洲街道');
    await page.context().close();
  });
});

describe('without JavaScript', () => {
  it('a visitor can go from the home page to a street, a brand and a site', async () => {
    const page = await open('/', { ...PHONE, javaScriptEnabled: false });
    await page
      .getByRole('link', { name: /^琶洲街道/ })
      .first()
      .click();
    await page.waitForURL('**/streets/pazhou/');
    await expect(page.locator('h1').textContent()).resolves.toBe('琶洲街道');
    await page.locator('main .grid a').first().click();
    await page.waitForURL(/\/brands\/[a-z0-9-]+\/$/);
    await expect(page.getByRole('heading', { name: '品牌故事' }).isVisible()).resolves.toBe(true);
    await page.goto(new URL('/sites/', baseURL).href);
    await page.locator('main .site-list a').first().click();
    await page.waitForURL(/\/sites\/[a-z0-9-]+\/$/);
    await expect(page.locator('main dl').textContent()).resolves.toContain('地址');
    await page.context().close();
  });
});

describe('campaign pages', () => {
  it('show the criteria with weights summing to 100, the timeline and the published results', async () => {
    const page = await open('/campaigns/');
    await page.locator('main .grid a').last().click();
    await page.waitForURL(/\/campaigns\/[a-z0-9-]+\/$/);
    const weights = await page.locator('table tbody td:nth-child(3)').allInnerTexts();
    expect(weights.reduce((sum, text) => sum + Number.parseFloat(text), 0)).toBe(100);
    await expect(page.locator('.timeline li').count()).resolves.toBeGreaterThan(1);
    await page.context().close();
  });
});

describe('the 404 page', () => {
  it('is served for unknown addresses with links back', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const response = await page.goto(new URL('/no-such-page/', baseURL).href);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toContain('找不到');
    await context.close();
  });
});

describe('the statistics page', () => {
  it('shows every chart label in full at 320 px, as its table and its spoken summary have it', async () => {
    const page = await open('/stats/', { ...PHONE, viewport: { width: 320, height: 640 } });
    const charts = page.locator('.chart');
    expect(await charts.count()).toBeGreaterThanOrEqual(4);
    for (const chart of await charts.all()) {
      const labels = await chart.locator('.bar-label').allTextContents();
      expect(labels).toEqual(await chart.locator('tbody th').allTextContents());
      const summary = (await chart.locator('[role="img"]').getAttribute('aria-label')) ?? '';
      for (const label of labels) expect(summary).toContain(label);
      // Within the chart's box and not clipped inside their own.
      const outside = await chart.evaluate((element) => {
        const frame = element.getBoundingClientRect();
        return [...element.querySelectorAll<HTMLElement>('.bar-label')]
          .filter((label) => {
            const box = label.getBoundingClientRect();
            return box.left < frame.left || box.right > frame.right || label.scrollWidth > label.clientWidth;
          })
          .map((label) => label.textContent);
      });
      expect(outside).toEqual([]);
    }
    // A round's full title wraps onto more lines rather than being cut.
    const round = page.locator('section[aria-labelledby="per-round"] .bar-label').first();
    const lines = await round.evaluate(
      (label) => label.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(label).lineHeight),
    );
    expect(lines).toBeGreaterThan(1.5);
    await page.context().close();
  });
});
