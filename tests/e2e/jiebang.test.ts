/**
 * The public board of a 揭榜挂帅 call and one task's page: who took each task up (shortlisted claims
 * only), commitments against the latest figures as charts with tables, milestones, the district's
 * acceptance. Read with and without JavaScript, at 320 px, under axe.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, PHONE } from '../support/browser.ts';
import { browserForFile } from '../support/test-browser.ts';

const { open } = browserForFile();

const CALL = '/campaigns/2026-jiebang/';
const TASK = '/campaigns/2026-jiebang/tasks/elevator/';
const NARROW = { ...PHONE, viewport: { width: 320, height: 640 } };

/**
 * Layout and axe run scripts in the page, so they are checked with JavaScript; without it the same
 * static markup (these pages have no island) must still carry everything.
 */
const layoutAndAxe = async (page: Page, scripted: boolean) => {
  if (!scripted) return;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  expect((await axeViolations(page)).map((violation) => violation.id)).toEqual([]);
};

describe.each([
  ['with JavaScript', NARROW, true],
  ['without JavaScript', { ...NARROW, javaScriptEnabled: false }, false],
])('the 揭榜挂帅 board %s', (_, options, scripted) => {
  it('lists every task with its shortlisted claims, charts with tables, acceptance; fits 320 px and passes axe', async () => {
    const page = await open(CALL, options);
    const board = page.locator('section[aria-labelledby="tasks-title"]');
    await expect(board.locator('article.task').count()).resolves.toBe(5);
    const text = (await board.textContent()) ?? '';
    // Shortlisted claims are public; a draft (昌岗) and a submitted sign-up (官洲) are not yet.
    for (const shown of ['龙凤街道', '瑞宝街道', '沙园街道', '琶洲街道', '挂帅：街道党工委书记', '需整改', '通过']) {
      expect(text, shown).toContain(shown);
    }
    for (const hidden of ['昌岗街道', '官洲街道', '一梯一议', '数据池赋能']) expect(text, hidden).not.toContain(hidden);
    // Each chart has a spoken summary and the same figures as a captioned table.
    const charts = board.locator('[role="img"]');
    await expect(charts.count()).resolves.toBe(4);
    await expect(charts.first().getAttribute('aria-label')).resolves.toMatch(/加装电梯承诺 12台，已完成 7台（58%）/);
    await expect(board.locator('table caption').count()).resolves.toBe(4);
    await layoutAndAxe(page, scripted);
    // From the board to the task's page.
    await board.getByRole('link', { name: '老旧小区加装电梯' }).click();
    await page.waitForURL(`**${TASK}`);
    await page.context().close();
  });

  it("shows a task's problem, targets, each claim's commitments, milestones and reports; passes axe", async () => {
    const page = await open(TASK, options);
    await expect(page.locator('h1').textContent()).resolves.toContain('老旧小区加装电梯');
    const main = (await page.locator('main').textContent()) ?? '';
    for (const shown of [
      '问题描述',
      '预期成效',
      '龙凤街道',
      '工作节点',
      '完成意愿摸查',
      '进展报告',
      '尚未验收',
      '通过',
    ]) {
      expect(main, shown).toContain(shown);
    }
    expect(main).not.toContain('昌岗街道');
    const table = page.getByRole('table', { name: /龙凤街道“电梯加装议事厅”承诺目标完成情况/ });
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toMatch(/加装电梯\s+12 台\s+7 台（2026年9月30日报告）\s+58%/);
    // Reports newest first.
    const reports = await page.locator('.reports > li h4').allInnerTexts();
    expect(reports.map((title) => title.slice(0, 10))).toEqual(['2026年9月30日', '2026年6月30日']);
    await layoutAndAxe(page, scripted);
    await page.context().close();
  });
});

it('has no page for a task the call does not list', async () => {
  const response = await fetch(new URL('/campaigns/2026-jiebang/tasks/unknown/', inject('baseURL')));
  expect(response.status).toBe(404);
});
