/**
 * npm run screenshots: the first screen of the home, a brand, the map and the search page on a
 * 390 px phone (2× pixels), as the README shows them, written to docs/screenshots/. Against a
 * fresh build served with the production headers (CSP included), in the browser tests' Chromium.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { headersFor } from '../src/lib/security-headers.ts';
import { launchBrowser, PHONE } from '../tests/support/browser.ts';
import { buildSite } from '../tests/support/build.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { fail, parseCommand, requireProjectRoot } from './lib/cli.ts';

const SHOTS = [
  { name: 'home', path: '/' },
  { name: 'brand', path: '/brands/yuxiuge/' },
  { name: 'map', path: '/map/' },
  // With results: the page marks each finished search on #search-app.
  { name: 'search', path: `/search/?q=${encodeURIComponent('加装电梯')}`, ready: '#search-app[data-search-done]' },
];
parseCommand({
  usage: `用法：npm run screenshots
构建网站，在 390 像素宽的手机视口中截取首页、品牌页、地图和搜索页的第一屏，写入 docs/screenshots/（README 中展示）。`,
});
requireProjectRoot('npm run screenshots');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  fail(
    `找不到 Chromium：${chromium} 不存在。安装它（apt-get install chromium），或用 CHROMIUM_PATH 指向已有的 Chromium。`,
  );
}
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
