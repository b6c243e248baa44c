/**
 * npm run screenshots: the first screen of the home, a brand, the map and the search page on a
 * 390 px phone (2× pixels), as the README shows them, written to docs/screenshots/. Against a
 * fresh build served with the production headers (CSP included), in the browser tests' Chromium.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { headersFor } from '../src/lib/security-headers.ts';
import { launchBrowser, PHONE } from '../tests/support/browser.ts';
import { buildSite } from '../tests/support/build.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const SHOTS = [
  { name: 'home', path: '/' },
  { name: 'brand', path: '/brands/yuxiuge/' },
  { name: 'map', path: '/map/' },
  // With results: the page marks each finished search on #search-app.
  { name: 'search', path: `/search/?q=${encodeURIComponent('加装电梯')}`, ready: '#search-app[data-search-done]' },
];
const outDir = resolve('dist-screenshots');
const shotsDir = resolve('docs/screenshots');

console.log('Building into dist-screenshots/ …');
buildSite({ OUT_DIR: outDir });
const server = await serveStatic(outDir, headersFor);
const browser = await launchBrowser();
mkdirSync(shotsDir, { recursive: true });
try {
  const page = await (await browser.newContext(PHONE)).newPage();
  for (const shot of SHOTS) {
    const response = await page.goto(new URL(shot.path, server.url).href, { waitUntil: 'networkidle' });
    if (response?.status() !== 200) throw new Error(`${shot.path} answered ${response?.status()}`);
    if (shot.ready) await page.locator(shot.ready).waitFor({ state: 'attached' });
    const file = resolve(shotsDir, `${shot.name}.png`);
    await page.screenshot({ path: file });
    console.log(`${shot.path} → ${file}`);
  }
} finally {
  await browser.close();
  await server.close();
}
