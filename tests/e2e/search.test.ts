import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, PHONE } from '../support/browser.ts';
import { browserForFile } from '../support/test-browser.ts';

const baseURL = inject('baseURL');
const browser = browserForFile();
const { open } = browser;

/** Waits until the search page has finished the search for `q` (it marks each finished search). */
async function finished(page: Page, q: string, after = 0) {
  await page.waitForFunction(
    ([query, previous]) => {
      const app = document.querySelector<HTMLElement>('#search-app');
      return app?.dataset.searchQuery === query && Number(app.dataset.searchDone) > Number(previous);
    },
    [q, after] as const,
  );
}

const doneCount = async (page: Page) =>
  Number((await page.locator('#search-app').getAttribute('data-search-done')) ?? 0);

/** Types a query into the search page's box and presses Enter. */
async function submit(page: Page, q: string) {
  await page.locator('#search-app[data-search-done]').waitFor({ state: 'attached' });
  const before = await doneCount(page);
  await page.fill('#search-q', q);
  await page.press('#search-q', 'Enter');
  await finished(page, q, before);
}

const resultLinks = (page: Page) =>
  page.locator('#search-results h3 a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
const statusText = async (page: Page) => (await page.locator('#search-status').textContent()) ?? '';

/**
 * What people type, and the page that must be among the first three results:
 * full names, 2-character parts of names, streets in three forms, communities,
 * companies, topics, and mixed Chinese and Latin.
 */
const QUERIES: [kind: string, query: string, expected: string][] = [
  ['full name', '毓秀阁', '/brands/yuxiuge/'],
  ['full name', '红色南石', '/brands/hongse-nanshi/'],
  ['full name', '聚能江海', '/brands/juneng-jianghai/'],
  ['full name', '鹭江先锋哨', '/brands/lujiang-xianfeng-shao/'],
  ['full name', '和辉小区红色业委会', '/brands/hehui-hongse-yeweihui/'],
  ['full name', '科大讯飞华南党建红联', '/brands/kedaxunfei-honglian/'],
  ['full name', '江湾花苑加装电梯示范点', '/sites/jiangwan-huayuan-dianti/'],
  ['full name', '2026 年海珠区基层党建品牌征集令', '/campaigns/2026-call/'],
  ['2-character part', '毓秀', '/brands/yuxiuge/'],
  ['2-character part', '秀阁', '/brands/yuxiuge/'],
  ['2-character part', '南石', '/brands/hongse-nanshi/'],
  ['2-character part', '锋哨', '/brands/lujiang-xianfeng-shao/'],
  ['2-character part', '骑楼', '/brands/qilou-dangke/'],
  ['2-character part', '蟠龙', '/brands/panlong-xinjie/'],
  ['2-character part', '心愿', '/brands/weixinyuan-zhan/'],
  ['2-character part', '管家', '/brands/zhangzhe-hong-guanjia/'],
  ['part of a name', '数字经济', '/brands/pazhou-shifandai/'],
  ['street, short form', '江海', '/streets/jianghai/'],
  ['street, with 街', '江海街', '/streets/jianghai/'],
  ['street, full name', '江海街道', '/streets/jianghai/'],
  ['street, short form', '南石头', '/streets/nanshitou/'],
  ['street, with 街', '滨江街', '/streets/binjiang/'],
  ['street, full name', '江南中街道', '/streets/jiangnanzhong/'],
  ['community', '江湾社区', '/brands/jiangwan-6n/'],
  ['community', '万寿北社区', '/sites/wanshoubei-shequ-dangqun-zhan/'],
  ['community (not the street 南洲)', '南洲社区', '/sites/nanzhou-shequ-zhiyuan-zhan/'],
  ['community', '鹭江社区', '/sites/lujiang-xianfeng-zhan/'],
  ['company', '科大讯飞', '/brands/kedaxunfei-honglian/'],
  ['company', '树根互联', '/brands/shugen-honglian/'],
  ['company', '唯品会', '/sites/weipinhui-dangjian-zhendi/'],
  // The 揭榜挂帅 task is the topic's own page; the brand is found by its street and community too (below).
  ['topic', '加装电梯', '/campaigns/2026-jiebang/tasks/elevator/'],
  ['topic', '垃圾分类', '/brands/laji-fenlei-dudao/'],
  ['topic', '老旧小区改造', '/brands/laocheng-gengxin/'],
  ['topic', '生物岛', '/brands/shengwudao-kechuang/'],
  ['topic', '红色物业', '/brands/hongse-wuye/'],
  ['mixed', '5G', '/brands/shayuan-5g-wangge/'],
  ['mixed', 'AI', '/brands/kedaxunfei-honglian/'],
  ['mixed', 'ai 学习本', '/brands/kedaxunfei-honglian/'],
  ['mixed, full-width', 'ＡＩ', '/brands/kedaxunfei-honglian/'],
  ['mixed', '5G 智慧网格', '/brands/shayuan-5g-wangge/'],
  ['mixed', '6+N', '/brands/jiangwan-6n/'],
  ['street and topic', '滨江街道 加装电梯', '/brands/jiangwan-6n/'],
  ['street and topic, no space', '琶洲数字经济', '/brands/pazhou-shifandai/'],
  ['phrase', '“党建红联”', '/brands/kedaxunfei-honglian/'],
];

describe('the query table', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('/search/');
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('has at least 30 queries of every kind', () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(QUERIES.map(([, query]) => query)).size).toBe(QUERIES.length);
  });

  it.each(QUERIES)('%s: %s finds %s in the top 3', async (_, query, expected) => {
    await submit(page, query);
    const links = await resultLinks(page);
    expect(links.slice(0, 3), `${query}: ${links.slice(0, 5).join(' ')}`).toContain(expected);
  });
});

describe('the search page', () => {
  it('turns a street name into a filter: 江海街 finds only 江海街道 pages, not 滨江街', async () => {
    const page = await open('/search/');
    for (const query of ['江海', '江海街', '江海街道']) {
      await submit(page, query);
      const metas = await page.locator('#search-results .result-meta').allTextContents();
      const links = await resultLinks(page);
      expect(links.length).toBeGreaterThanOrEqual(3);
      expect(links[0]).toBe('/streets/jianghai/');
      for (const [index, meta] of metas.entries()) {
        if (links[index] !== '/streets/jianghai/') expect(meta, `${query}: ${links[index]}`).toContain('江海街道');
      }
      await expect(page.locator('#search-recognised').textContent()).resolves.toContain('江海街道');
    }
    // The name can be searched as text instead, in one step.
    const before = await doneCount(page);
    await page.getByRole('button', { name: '改为搜索文字“江海街道”' }).click();
    await finished(page, '"江海街道"', before);
    await expect(page.inputValue('#search-q')).resolves.toBe('"江海街道"');
    await page.context().close();
  });

  it('shows highlighted excerpts, never the hidden name parts, with type labels', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('毓秀阁')}`);
    await finished(page, '毓秀阁');
    const first = page.locator('#search-results li').first();
    await expect(first.locator('h3 a').getAttribute('href')).resolves.toBe('/brands/yuxiuge/');
    await expect(first.locator('.result-excerpt mark').count()).resolves.toBeGreaterThan(0);
    await expect(first.locator('.result-meta').textContent()).resolves.toContain('党建品牌');
    const excerpts = (await page.locator('#search-results .result-excerpt').allTextContents()).join('\n');
    expect(excerpts).not.toContain('毓秀 毓秀阁 秀阁');
    await page.context().close();
  });

  it('keeps the query in the address; the back button returns to the previous search', async () => {
    const page = await open('/search/');
    await submit(page, '毓秀阁');
    expect(new URL(page.url()).searchParams.get('q')).toBe('毓秀阁');
    await submit(page, '加装电梯');
    expect(new URL(page.url()).searchParams.get('q')).toBe('加装电梯');
    const before = await doneCount(page);
    await page.goBack();
    await finished(page, '毓秀阁', before);
    await expect(page.inputValue('#search-q')).resolves.toBe('毓秀阁');
    expect((await resultLinks(page))[0]).toBe('/brands/yuxiuge/');
    await page.context().close();
  });

  it('opens a shared address with its query and filters', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('加装电梯')}&type=${encodeURIComponent('党建品牌')}`);
    await finished(page, '加装电梯');
    const links = await resultLinks(page);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((link) => link?.startsWith('/brands/'))).toBe(true);
    await expect(
      page.locator('button[data-key="type"][data-value="党建品牌"]').getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await page.context().close();
  });

  it('filters with chips that show counts, work from the keyboard and go into the address', async () => {
    const page = await open('/search/');
    await submit(page, '数字经济');
    const total = (await resultLinks(page)).length;
    // The chips (and the filter index for their counts) wait until the panel is opened.
    await expect(page.locator('#search-filters button[data-key]').count()).resolves.toBe(0);
    await page.locator('#search-filters summary').click();
    const chip = page.locator('button[data-key="type"][data-value="党建品牌"]');
    await chip.waitFor();
    const label = (await chip.textContent()) ?? '';
    const count = Number(/（(\d+)）/.exec(label)?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(total);
    await chip.focus();
    const before = await doneCount(page);
    await page.keyboard.press('Enter');
    await finished(page, '数字经济', before);
    await expect(chip.getAttribute('aria-pressed')).resolves.toBe('true');
    // Focus stays on the chip that was pressed.
    await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.value)).resolves.toBe(
      '党建品牌',
    );
    const links = await resultLinks(page);
    expect(links.length).toBe(count);
    expect(links.every((link) => link?.startsWith('/brands/'))).toBe(true);
    expect(new URL(page.url()).searchParams.get('type')).toBe('党建品牌');
    await expect(statusText(page)).resolves.toContain(`找到 ${count} 条`);
    const back = await doneCount(page);
    await page.goBack();
    await finished(page, '数字经济', back);
    await expect(resultLinks(page)).resolves.toHaveLength(total);
    await page.context().close();
  });

  it('announces the result count to screen readers', async () => {
    const page = await open('/search/');
    const status = page.locator('#search-status');
    await expect(status.getAttribute('role')).resolves.toBe('status');
    await expect(status.getAttribute('aria-live')).resolves.toBe('polite');
    await submit(page, '垃圾分类');
    await expect(statusText(page)).resolves.toMatch(/找到 \d+ 条与“垃圾分类”相关的结果/);
    await page.context().close();
  });

  it('searches as the visitor types, without pressing Enter', async () => {
    const page = await open('/search/');
    await page.locator('#search-app[data-search-done]').waitFor({ state: 'attached' });
    await page.locator('#search-q').pressSequentially('科大讯飞', { delay: 30 });
    await finished(page, '科大讯飞');
    expect((await resultLinks(page)).slice(0, 3)).toContain('/brands/kedaxunfei-honglian/');
    expect(new URL(page.url()).searchParams.get('q')).toBe('科大讯飞');
    await page.context().close();
  });

  it('shows suggestions when empty: streets, categories and featured brands', async () => {
    const page = await open('/search/');
    const suggestions = page.locator('#search-suggestions');
    await suggestions.waitFor({ state: 'visible' });
    await expect(suggestions.locator('a[href^="/search/?q="]').count()).resolves.toBeGreaterThanOrEqual(18);
    await expect(suggestions.locator('a[href*="category="]').count()).resolves.toBeGreaterThan(0);
    await expect(suggestions.locator('a[href^="/brands/"]').count()).resolves.toBeGreaterThan(0);
    await expect(statusText(page)).resolves.toBe('');
    // A suggestion searches in place.
    const before = await doneCount(page);
    await suggestions.getByRole('link', { name: '江海街道' }).click();
    await finished(page, '江海街道', before);
    expect((await resultLinks(page))[0]).toBe('/streets/jianghai/');
    await expect(suggestions.isHidden()).resolves.toBe(true);
    await page.context().close();
  });

  it('says clearly when nothing is found, and offers the suggestions', async () => {
    const page = await open('/search/');
    await submit(page, 'qzxv 火星');
    await expect(statusText(page)).resolves.toContain('没有找到');
    await expect(resultLinks(page)).resolves.toHaveLength(0);
    await expect(page.locator('#search-suggestions').isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('shows more results on request and moves focus to the first new one', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('党建')}`);
    await finished(page, '党建');
    await expect(resultLinks(page)).resolves.toHaveLength(10);
    await page.getByRole('button', { name: /显示更多结果/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 10);
    await expect(
      page.evaluate(() => document.activeElement?.closest('li')?.parentElement?.children.length),
    ).resolves.toBeGreaterThan(10);
    expect(new URL(page.url()).searchParams.get('pages')).toBe('2');
    await page.context().close();
  });

  it('passes axe with results and all filters open', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('数字经济')}`);
    await finished(page, '数字经济');
    await page.locator('#search-filters summary').click();
    await page.locator('#search-filters button[data-key]').first().waitFor();
    const violations = await axeViolations(page);
    expect(violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('explains without JavaScript that search needs it, and links to the brand list and streets', async () => {
    const page = await open('/search/', { ...PHONE, javaScriptEnabled: false });
    const notice = page.locator('noscript .notice, .notice').filter({ hasText: 'JavaScript' });
    await expect(notice.isVisible()).resolves.toBe(true);
    await expect(notice.locator('a[href="/brands/"]').count()).resolves.toBe(1);
    await expect(notice.locator('a[href="/streets/"]').count()).resolves.toBe(1);
    await expect(notice.locator('a[href^="/streets/"]').count()).resolves.toBeGreaterThanOrEqual(19);
    await page.context().close();
  });
});

/** The header's 搜索 button, which opens its search box. */
const openHeaderSearch = (page: Page) => page.locator('.site-header summary', { hasText: '搜索' }).click();

describe('the header search box', () => {
  it('is a plain form on every page, one tap away, that opens the search page with the query', async () => {
    const context = await browser.newContext(PHONE);
    const requests: string[] = [];
    context.on('request', (request) => requests.push(new URL(request.url()).pathname));
    const page = await context.newPage();
    await page.goto(new URL('/brands/yuxiuge/', baseURL).href);
    const form = page.locator('header form[role="search"]');
    await expect(form.getAttribute('action')).resolves.toBe('/search/');
    await expect(form.getAttribute('method')).resolves.toBe('get');
    // Content pages do not load the search library.
    expect(requests.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
    await openHeaderSearch(page);
    await page.getByLabel('搜索品牌、街道、社区').fill('垃圾分类');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await finished(page, '垃圾分类');
    expect((await resultLinks(page)).slice(0, 3)).toContain('/brands/laji-fenlei-dudao/');
    await context.close();
  });

  it('works without JavaScript (it only navigates)', async () => {
    const page = await open('/', { ...PHONE, javaScriptEnabled: false });
    await openHeaderSearch(page);
    await page.getByLabel('搜索品牌、街道、社区').fill('毓秀阁');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('毓秀阁');
    await page.context().close();
  });
});
