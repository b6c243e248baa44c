/**
 * Script injection through content: a copy of content/ gets a brand, a site and a
 * street whose Markdown and YAML carry script (script tags, event handlers,
 * javascript: links, HTML in titles and taglines, an SVG image with a script),
 * is built into a temporary folder, and the output is checked: as HTML (nothing
 * executable from content reaches it) and in Chromium (no dialog, no payload runs).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { references } from '../../scripts/check-links.ts';
import { inlineBlockedByCsp } from '../../src/integrations/security-headers.ts';
import { fileExistsIn, fileTextIn, readContentFiles } from '../../src/lib/content-files.ts';
import { runs, tags } from '../../src/lib/html-scan.ts';
import { formatProblem } from '../../src/lib/report.ts';
import { headersFor } from '../../src/lib/security-headers.ts';
import { validateContent } from '../../src/lib/validate.ts';
import { launchBrowser, PHONE } from '../support/browser.ts';
import { buildSite } from '../support/build.ts';
import { serveStatic } from '../support/static-server.ts';

/** Each payload sets window.__pwned (or opens a dialog) if it ever runs. */
const INLINE = '<script>window.__pwned=1;alert(1)</script><img src=x onerror="window.__pwned=1">';
/** Short ones for fields the validator limits to 30 or 40 characters (titles, taglines). */
const SHORT_HANDLER = '<img src=x onerror=alert(1)>';
const SHORT_SCRIPT = '<script>window.__pwned=1</script>';
const MARKDOWN = [
  INLINE,
  '',
  '<svg onload="window.__pwned=1"><script>window.__pwned=1</script></svg>',
  '',
  '<a href="javascript:window.__pwned=1">raw link</a> <iframe src="javascript:alert(1)"></iframe>',
  '',
  '[a link](javascript:window.__pwned=1) [another](JaVaScRiPt:alert(1)) [data](data:text/html,<script>alert(1)</script>)',
  '',
  '![an image](javascript:alert(1)) [by reference][evil]',
  '',
  '[evil]: javascript:alert(1)',
  '',
].join('\n');
/** A harmless drawing, for the build. */
const PLAIN_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450"><rect width="800" height="450" fill="#a50f15"/></svg>';

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450" viewBox="0 0 800 450" onload="window.__pwned=1">' +
  '<script>window.__pwned=1;alert(1)</script><rect width="800" height="450" fill="#a50f15"/></svg>';

let work: string;
let out: string;
let browser: Browser | undefined;
let server: { url: string; close: () => Promise<void> } | undefined;
const PAGES = [
  '/brands/xss-brand/',
  '/sites/xss-site/',
  '/streets/binjiang/',
  '/brands/',
  '/sites/',
  '/search/?q=pwned',
];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'injection-'));
  const content = join(work, 'content');
  out = join(work, 'dist');
  cpSync('content', content, { recursive: true });
  const yamlString = (value: string) => JSON.stringify(value);

  // A brand: HTML in the title and tagline, script in the body. Its cover starts as a plain drawing: an SVG
  // carrying script is refused by the validator (asserted below), so the build would not even start.
  const brand = readFileSync(join(content, 'brands/binjiang/jiangwan-6n.md'), 'utf8')
    .replace(/^id: .*$/m, 'id: xss-brand')
    .replace(/^title: .*$/m, `title: ${yamlString(SHORT_HANDLER)}`)
    .replace(/^tagline: .*$/m, `tagline: ${yamlString(SHORT_SCRIPT)}`)
    .replace(/^summary: .*$/m, `summary: ${yamlString(`摘要 ${INLINE} <a href="javascript:alert(1)">x</a>`)}`)
    .replace(/^(\s*)src: images\/jiangwan-6n-cover\.svg$/m, '$1src: images/xss-cover.svg')
    .replace(/^(\s*alt: ).*示意插图$/m, `$1${yamlString(`封面 "><script>window.__pwned=1</script>`)}`);
  writeFileSync(join(content, 'brands/binjiang/xss-brand.md'), `${brand.trimEnd()}\n\n${MARKDOWN}`);
  writeFileSync(join(content, 'brands/binjiang/images/xss-cover.svg'), PLAIN_SVG);

  // A site: HTML in its name, address and hours.
  const site = readFileSync(join(content, 'sites/binjiang/binjiang-dangqun-zhongxin.yaml'), 'utf8')
    .replace(/^id: .*$/m, 'id: xss-site')
    .replace(/^name: .*$/m, `name: ${yamlString(SHORT_HANDLER)}`)
    .replace(/^address: .*$/m, `address: ${yamlString(SHORT_SCRIPT)}`)
    .replace(/^hours: .*$/m, `hours: ${yamlString(`<svg onload="window.__pwned=1">`)}`);
  writeFileSync(join(content, 'sites/binjiang/xss-site.yaml'), site);

  // A street: HTML in its introduction.
  const street = join(content, 'streets/binjiang.yaml');
  writeFileSync(
    street,
    readFileSync(street, 'utf8').replace(/^intro: .*$/m, `intro: ${yamlString(`街道简介 ${INLINE}`)}`),
  );

  buildSite({ CONTENT_DIR: content, OUT_DIR: out });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

describe('content with script injection', () => {
  it('is built, and shown as text on the pages that carry it', () => {
    const brand = readFileSync(join(out, 'brands/xss-brand/index.html'), 'utf8');
    expect(brand).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(brand).toContain('&lt;script&gt;window.__pwned=1');
    expect(readFileSync(join(out, 'sites/xss-site/index.html'), 'utf8')).toContain(
      '&lt;img src=x onerror=alert(1)&gt;',
    );
    expect(readFileSync(join(out, 'streets/binjiang/index.html'), 'utf8')).toContain('街道简介');
  });

  it('puts no script, event handler or javascript: URL from content into any page', () => {
    const problems: string[] = [];
    for (const file of htmlFiles(out)) {
      const html = readFileSync(file, 'utf8');
      const page = file.slice(out.length);
      for (const tag of tags(html)) {
        const src = tag.attributes.src;
        if (tag.name === 'script' && src !== undefined && !/^\/(?!\/)/.test(src))
          problems.push(`${page}: script from ${src}`);
        if (tag.name === 'script' && runs(tag) && tag.text?.includes('__pwned'))
          problems.push(`${page}: payload script`);
        for (const name of Object.keys(tag.attributes)) {
          if (/^on/.test(name)) problems.push(`${page}: ${tag.source.slice(0, 120)}`);
        }
      }
      for (const { url, tag } of references(html)) {
        if (/^\s*(javascript|vbscript|data:text\/html)/i.test(url)) problems.push(`${page}: <${tag}> ${url}`);
      }
    }
    problems.push(...inlineBlockedByCsp(out));
    expect(problems).toEqual([]);
  });

  it('runs none of the payloads in Chromium (no dialog, window.__pwned unset)', async () => {
    server = await serveStatic(out);
    browser = await launchBrowser();
    const context = await browser.newContext(PHONE);
    const dialogs: string[] = [];
    const page = await context.newPage();
    page.on('dialog', async (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.message()}`);
      await dialog.dismiss();
    });
    for (const path of PAGES) {
      await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
      // Hover and tap everything an onmouseover/onclick payload could sit on.
      await page.mouse.move(100, 300);
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), path).toBeUndefined();
    }
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('refuses an SVG image that carries script before anything is built', () => {
    const content = join(work, 'content');
    writeFileSync(join(content, 'brands/binjiang/images/xss-cover.svg'), SVG);
    const { problems } = validateContent(readContentFiles(content), {
      exists: fileExistsIn(content),
      readText: fileTextIn(content),
    });
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^content\/brands\/binjiang\/xss-brand\.md:\d+ cover\.src: SVG 图片 images\/xss-cover\.svg 含有脚本/,
      ),
    ]);
  });

  it('keeps the script inside an SVG that reached the server by another route from running, under the site’s CSP', async () => {
    // Defence in depth: the same file dropped into the output, opened directly.
    writeFileSync(join(out, '_astro', 'xss-cover.svg'), SVG);
    const csp = await serveStatic(out, headersFor);
    const context = await (browser as Browser).newContext(PHONE);
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    try {
      await page.goto(`${csp.url}/_astro/xss-cover.svg`, { waitUntil: 'load' });
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
      await csp.close();
    }
  });
});
