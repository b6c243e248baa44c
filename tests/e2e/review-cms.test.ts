/**
 * One judge's web editor, as the judge's review build writes it (<base>admin/, review/cms.ts):
 * Decap over a copy of the review repository (decap-server, MODE=fs), served with the review
 * build's headers. The judge sees only the calls' own score sheets folders, and another judge's
 * sheet cannot be opened from it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewBase } from '../../review/base.ts';
import { REVIEW_SAMPLE } from '../../src/lib/review/setup.ts';
import { reviewHeaders } from '../../src/lib/security-headers.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildSite } from '../support/build.ts';
import { freePort } from '../support/nginx.ts';
import { serveStatic } from '../support/static-server.ts';

const AUDIENCE = 'judge:judge-a';
const base = reviewBase(AUDIENCE);
const OTHER_COMMENT = '特色较鲜明，建议补充量化成效材料。';

let work: string;
let proxy: ChildProcess | undefined;
let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'haizhu-review-cms-'));
  const repo = join(work, 'review-content');
  cpSync(REVIEW_SAMPLE, repo, { recursive: true });
  expect(readFileSync(join(repo, 'content/reviews/2022-first-round/judge-b/yuxiuge-2022.yaml'), 'utf8')).toContain(
    OTHER_COMMENT,
  );
  const port = await freePort();
  const root = join(work, 'site');
  buildSite(
    { REVIEW_AUDIENCE: AUDIENCE, REVIEW_OUT_DIR: join(root, base), REVIEW_CMS_PROXY_PORT: String(port) },
    'astro.review.config.mjs',
  );
  const script = createRequire(import.meta.url).resolve('decap-server/dist/index.js');
  proxy = spawn(process.execPath, [script], {
    env: {
      ...process.env,
      MODE: 'fs',
      GIT_REPO_DIRECTORY: repo,
      BIND_HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  for (let attempt = 0; ; attempt++) {
    const answer = await fetch(`http://127.0.0.1:${port}/api/v1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'info' }),
    }).catch(() => undefined);
    if (answer?.ok) break;
    if (attempt > 200) throw new Error('decap-server did not start');
    await new Promise((done) => setTimeout(done, 100));
  }
  server = await serveStatic(root, reviewHeaders);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { seen?: string[] }).seen?.push(event.effectiveDirective),
    );
    (window as unknown as { seen: string[] }).seen = [];
  });
  await page.goto(`${server.url}${base}admin/`);
  const login = page.getByRole('button', { name: '登录' });
  const collections = page.locator('a[href*="#/collections/"]').first();
  await login.or(collections).first().waitFor({ timeout: 60_000 });
  if (await login.isVisible()) await login.click();
  await collections.waitFor({ timeout: 60_000 });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  proxy?.kill();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a judge’s web editor', () => {
  it('lists only the judge’s own score sheet folders, one per call', async () => {
    const folders = page.locator('a[href*="#/collections/"]:not([href*="/new"]):not([href*="/entries/"])');
    const links = (await folders.allTextContents()).map((text) => text.trim());
    expect(links.length).toBeGreaterThan(0);
    for (const label of links) expect(label).toMatch(/^评审打分：/);
  });

  it('shows the judge’s own sheets, and none of another judge’s', async () => {
    await page.goto(`${server?.url}${base}admin/#/collections/reviews-2022-first-round`);
    await page.getByText('yuxiuge-2022').first().waitFor({ timeout: 30_000 });
    const cards = await page
      .locator('a[href*="/entries/"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(cards.length).toBe(5);
    for (const href of cards) expect(href).not.toContain('judge-b');
    await page.goto(`${server?.url}${base}admin/#/collections/reviews-2022-first-round/entries/judge-b/yuxiuge-2022`);
    await page.waitForTimeout(3000);
    expect(await page.locator('body').textContent()).not.toContain(OTHER_COMMENT);
  });

  it('runs under the CMS’s policy without a violation', async () => {
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([]);
  });
});
