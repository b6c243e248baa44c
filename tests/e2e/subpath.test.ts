/**
 * The site deployed under a sub-path of the district portal, for real: built with
 * PUBLIC_BASE_PATH=/zt/dangjian/ and served by nginx with the locations `npm run headers -- --base`
 * gives the portal's web team (src/lib/security-headers.ts), under that prefix only, so the
 * server root answers 404 and anything that still points at it fails. A crawl from the entry page
 * opens every page it can reach in Chromium: every link and every request answers 200, axe finds no
 * violation, nothing comes from another origin and no CSP rule is broken. Then search finds a
 * brand, the map loads its data and draws, the CMS entry page loads its configuration, and
 * check:links passes on the build. The footer shows the three record numbers, as text links.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED_LINK_HOSTS, checkLinks } from '../../scripts/check-links.ts';
import { renderHeadersFile, renderNginx } from '../../src/lib/security-headers.ts';
import { axeViolations, launchBrowser, PHONE } from '../support/browser.ts';
import { buildSite } from '../support/build.ts';
import { type Nginx, startNginx } from '../support/nginx.ts';

const BASE = '/zt/dangjian/';
const outDir = resolve('dist-e2e-subpath');
const RECORDS = {
  PUBLIC_ICP: '粤ICP备12345678号',
  PUBLIC_POLICE_RECORD: '粤公网安备 44010502000000号',
  PUBLIC_SITE_CODE: '4401050001',
};

let nginx: Nginx;
let origin = '';
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;
/** Every response from the site's origin, by URL: its status (the last one, if fetched twice). */
const statuses = new Map<string, number>();
/** Requests that failed outright, and requests to any other origin. */
const failed: string[] = [];
const foreign: string[] = [];

beforeAll(async () => {
  buildSite({
    OUT_DIR: outDir,
    ASTRO_CACHE_DIR: resolve('dist-e2e-subpath-cache'),
    PUBLIC_BASE_PATH: BASE,
    ...RECORDS,
  });
  nginx = await startNginx((port) => renderNginx(outDir, `127.0.0.1:${port}`, BASE));
  origin = nginx.url;
  browser = await launchBrowser();
  context = await browser.newContext({ ...PHONE, viewport: { width: 320, height: 640 } });
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) foreign.push(url);
  });
  context.on('response', (response) => {
    if (response.url().startsWith(origin)) statuses.set(response.url(), response.status());
  });
  context.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI || 'inline'}`),
    );
  });
});

afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
});

/**
 * Responses that were not 200, as `status url`; 304 is the answer to the browser revalidating its copy of a file
 * already fetched (HTML and elder-mode.js are `no-cache`), so it counts as found.
 */
const notOk = () =>
  [...statuses].filter(([, status]) => status !== 200 && status !== 304).map(([url, status]) => `${status} ${url}`);

async function open(path: string, page?: Page): Promise<Page> {
  const tab = page ?? (await context.newPage());
  const response = await tab.goto(new URL(path, origin).href, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  return tab;
}

describe(`the site under ${BASE}, served there only`, () => {
  it('answers 404 at the server root and for root paths the default build would use', async () => {
    for (const path of ['/', '/favicon.svg', '/brands/', '/_astro/', '/pagefind/pagefind.js', '/map-data.json'])
      expect((await fetch(new URL(path, origin))).status, path).toBe(404);
    expect((await fetch(new URL(BASE, origin))).status).toBe(200);
    const missing = await fetch(new URL(`${BASE}no-such-page/`, origin));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('找不到这个页面');
  });

  it('crawls every page from the entry page: every link and request 200, axe clean, nothing from elsewhere, no CSP violation', async () => {
    const page = await context.newPage();
    const queue = [`${origin}${BASE}`];
    const seen = new Set(queue);
    const links = new Set<string>();
    const problems: string[] = [];
    let editors = 0;
    while (queue.length) {
      const url = queue.shift() as string;
      const path = new URL(url).pathname;
      const response = await page.goto(url, { waitUntil: 'load' });
      if (response?.status() !== 200) problems.push(`${response?.status()} ${path}`);
      if (!(await response?.headerValue('content-security-policy'))) problems.push(`${path}: no CSP header`);
      for (const violation of await page.evaluate(
        () => (window as unknown as { cspViolations: string[] }).cspViolations,
      ))
        problems.push(`${path}: CSP ${violation}`);
      for (const violation of await axeViolations(page))
        problems.push(
          `${path}: axe ${violation.id} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        );
      // Links, and the forms' targets (the search box's /search/, the map's filters).
      const targets = await page
        .locator('a[href], form[action]')
        .evaluateAll((elements) =>
          elements.map((element) =>
            element instanceof HTMLFormElement ? element.action : (element as HTMLAnchorElement).href,
          ),
        );
      for (const href of targets) {
        const target = new URL(href);
        target.hash = '';
        if (target.origin !== origin) {
          if (!ALLOWED_LINK_HOSTS.includes(target.hostname)) problems.push(`${path}: link to ${href}`);
          continue;
        }
        links.add(target.href);
        target.search = '';
        // The editors are Decap, one 1.5 MB app per street: their pages are fetched below, one is opened by the CMS test.
        if (target.pathname.startsWith(`${BASE}admin/`)) {
          editors++;
          continue;
        }
        // Files (the spreadsheet templates) are downloads, fetched below; pages end in / (or are the 404 page).
        if (!/\/$|\.html$/.test(target.pathname)) continue;
        if (!seen.has(target.href)) {
          seen.add(target.href);
          queue.push(target.href);
        }
      }
    }
    for (const link of links) {
      const response = await fetch(link);
      if (response.status !== 200) problems.push(`link ${response.status} ${link}`);
      if (!new URL(link).pathname.startsWith(BASE)) problems.push(`link outside ${BASE}: ${link}`);
    }
    expect(problems).toEqual([]);
    expect(notOk()).toEqual([]);
    expect(failed).toEqual([]);
    expect(foreign).toEqual([]);
    // Every kind of page was reached: the crawl did not stop at a broken home page.
    for (const kind of ['brands/', 'streets/', 'sites/', 'campaigns/', 'belts/', 'map/', 'search/', 'about/', 'stats/'])
      expect(
        [...seen].some((url) => url.startsWith(`${origin}${BASE}${kind}`)),
        kind,
      ).toBe(true);
    expect(seen.size).toBeGreaterThan(100);
    expect(editors).toBeGreaterThan(0);
    console.log(`crawled ${seen.size} pages under ${BASE}, checked ${links.size} links`);
  }, 900_000);

  it('shows the record numbers in the footer, each linked to its register, with nothing fetched from it', async () => {
    const page = await open(BASE);
    const footer = page.locator('.site-footer');
    await expect(footer.getByText('网站标识码：4401050001').count()).resolves.toBe(1);
    expect(await footer.getByRole('link', { name: RECORDS.PUBLIC_ICP }).getAttribute('href')).toBe(
      'https://beian.miit.gov.cn/',
    );
    expect(await footer.getByRole('link', { name: RECORDS.PUBLIC_POLICE_RECORD }).getAttribute('href')).toBe(
      'https://beian.mps.gov.cn/#/query/webSearch?code=44010502000000',
    );
    expect(await footer.locator('img, script').count()).toBe(0);
    await page.close();
  });

  it('search finds a brand, with its result linked under the prefix', async () => {
    const page = await open(`${BASE}search/?q=${encodeURIComponent('毓秀阁')}`);
    await page.locator('#search-app[data-search-done]').waitFor({ state: 'attached', timeout: 60_000 });
    const first = page.locator('#search-results h3 a').first();
    expect(await first.textContent()).toContain('毓秀阁');
    expect(await first.getAttribute('href')).toBe(`${BASE}brands/yuxiuge/`);
    expect([...statuses.keys()].some((url) => url.startsWith(`${origin}${BASE}pagefind/fragment/`))).toBe(true);
    expect(notOk()).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('the map loads its data from under the prefix and draws its sites', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    const requested: string[] = [];
    page.on('response', (response) => requested.push(`${response.status()} ${new URL(response.url()).pathname}`));
    await open(`${BASE}map/`, page);
    await page.getByRole('button', { name: '打开可拖动、缩放的地图' }).click();
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('[data-map]')?.dataset.state === 'ready',
      null,
      {
        timeout: 60_000,
      },
    );
    await page.waitForFunction(
      () => {
        const map = (document.querySelector('[data-map]') as unknown as { map?: import('maplibre-gl').Map }).map;
        return Boolean(map?.loaded() && map.areTilesLoaded() && !map.isMoving());
      },
      null,
      { timeout: 60_000, polling: 100 },
    );
    expect(requested).toContain(`200 ${BASE}map-data.json`);
    expect(requested.filter((line) => !line.startsWith('200 '))).toEqual([]);
    const drawn = await page.evaluate(
      () =>
        (
          document.querySelector('[data-map]') as unknown as { map: import('maplibre-gl').Map }
        ).map.queryRenderedFeatures().length,
    );
    expect(drawn).toBeGreaterThan(0);
    await page.close();
  });

  it('the CMS entry page loads its configuration from beside it', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    const requested: string[] = [];
    page.on('response', (response) => requested.push(`${response.status()} ${response.url()}`));
    await open(`${BASE}admin/`, page);
    // Decap shows its login once the configuration has loaded and validated, an error page otherwise.
    await page.getByRole('button', { name: '登录' }).waitFor({ timeout: 60_000 });
    expect(requested).toContain(`200 ${origin}${BASE}admin/config.yml`);
    // Everything the editor loaded came from under the prefix, and answered 200.
    expect(requested.filter((line) => !line.startsWith(`200 ${origin}${BASE}`))).toEqual([]);
    await page.close();
  });

  it('passes check:links as a build served under the prefix; robots.txt, the sitemap and _headers are under it', async () => {
    expect(checkLinks(outDir)).toEqual([]);
    const robots = await (await fetch(new URL(`${BASE}robots.txt`, origin))).text();
    expect(robots).toContain(`Disallow: ${BASE}admin/\n`);
    expect(robots).toContain(`Sitemap: http://127.0.0.1:4321${BASE}sitemap-index.xml\n`);
    const sitemap = await (await fetch(new URL(`${BASE}sitemap-0.xml`, origin))).text();
    const locations = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]).pathname);
    expect(locations.length).toBeGreaterThan(50);
    expect(locations.filter((path) => !path.startsWith(BASE) || path.startsWith(`${BASE}admin/`))).toEqual([]);
    expect(readFileSync(join(outDir, '_headers'), 'utf8')).toBe(renderHeadersFile(BASE));
  });
});
