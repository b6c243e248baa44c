import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, PHONE } from '../support/browser.ts';
import { browserForFile } from '../support/test-browser.ts';

const baseURL = inject('baseURL');
const BRAND = '/brands/dangyuan-zerenqu/';
const browser = browserForFile();
let page: Page;

beforeAll(async () => {
  page = await (await browser.newContext({ ...PHONE, viewport: { width: 320, height: 640 } })).newPage();
});

describe('share card', () => {
  it('a brand page points og:image at a 1200×630 PNG and has a short description', async () => {
    await page.goto(new URL(BRAND, baseURL).href);
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(image).toMatch(/\/og\/brands\/dangyuan-zerenqu\.png$/);
    const response = await fetch(new URL(new URL(image ?? '').pathname, baseURL));
    expect(response.status).toBe(200);
    const metadata = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', 1200, 630]);
    await expect(page.locator('meta[property="og:title"]').getAttribute('content')).resolves.not.toContain(
      '海珠党建品牌',
    );
    const description = (await page.locator('meta[property="og:description"]').getAttribute('content')) ?? '';
    expect([...description].length).toBeLessThanOrEqual(100);
  });
});

describe.each([BRAND, '/sites/binjiang-dangqun-zhongxin/'])('poster of %s', (detail) => {
  it('is linked as 打印海报, has a QR code of the page, passes axe and prints on one A4 page', async () => {
    await page.goto(new URL(detail, baseURL).href);
    await page.getByRole('link', { name: '打印海报' }).click();
    await page.waitForURL(`**${detail}poster/`);
    expect(await page.locator('h1').count()).toBe(1);
    const qr = page.locator('svg.qr[role="img"]');
    await expect(qr.getAttribute('data-qr')).resolves.toMatch(new RegExp(`${detail.replaceAll('/', '\\/')}$`));
    await expect(qr.locator('path').getAttribute('d')).resolves.toMatch(/^M\d/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect((await axeViolations(page)).map((violation) => violation.id)).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    // The QR code prints at least 50 mm wide (≈ 189 CSS px) so a phone reads it from a wall.
    expect((await qr.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(189);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const text = pdf.toString('latin1');
    expect(text.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    // A4 is 595 × 842 points.
    const box = text.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\]/);
    expect([Math.round(Number(box?.[1])), Math.round(Number(box?.[2]))]).toEqual([595, 842]);
    await page.emulateMedia({ media: 'screen' });
  });
});
