/**
 * The accessibility toolbar (无障碍, issue 16), in Chromium against the built site: one test per function, the
 * keyboard, persistence, the cost (its code loads only when opened), no JavaScript, the colour schemes under axe
 * on every page type, and the phone header with the toolbar open.
 */
import type { BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, PHONE } from '../support/browser.ts';
import { browserForFile } from '../support/test-browser.ts';

const baseURL = inject('baseURL');
const browser = browserForFile();
const url = (path: string) => new URL(path, baseURL).href;

/** One page of each type, from the sitemap. */
async function pageTypes(): Promise<string[]> {
  const index = await (await fetch(new URL('/sitemap-0.xml', baseURL))).text();
  const listed = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]).pathname);
  const first = (pattern: RegExp) => listed.find((candidate) => pattern.test(candidate)) ?? '/';
  const brand = first(/^\/brands\/(?!category\/|street\/|year\/|status\/)[^/]+\/$/);
  return [
    '/',
    '/brands/',
    first(/^\/brands\/category\/[^/]+\/$/),
    brand,
    `${brand}poster/`,
    '/streets/',
    first(/^\/streets\/[^/]+\/$/),
    '/sites/',
    first(/^\/sites\/[^/]+\/$/),
    first(/^\/belts\/[^/]+\/$/),
    '/map/',
    '/campaigns/',
    first(/^\/campaigns\/[^/]+\/$/),
    '/search/',
    '/stats/',
    '/about/',
    '/404.html',
  ];
}
const PAGES = await pageTypes();
const BRAND = PAGES[3];

const opener = (page: Page) => page.getByRole('button', { name: '无障碍' });
const toolbar = (page: Page) => page.getByRole('region', { name: '无障碍工具条' });
const control = (page: Page, name: string) => toolbar(page).getByRole('button', { name, exact: true });
/** An element's rendered text, whitespace collapsed: what the toolbar reads and captions (innerText, as it uses). */
const rendered = async (locator: Locator) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the toolbar reads
  (await locator.innerText()).replace(/\s+/g, ' ').trim();
const ids = async (page: Page) => (await axeViolations(page)).map((violation) => violation.id);

/** Records the page's CSP violations and what speechSynthesis is asked to say (run before any page script). */
function watch() {
  const store = window as unknown as {
    cspViolations: string[];
    spoken: { text: string; lang: string; rate: number }[];
    cancels: number;
  };
  store.cspViolations = [];
  store.spoken = [];
  store.cancels = 0;
  document.addEventListener('securitypolicyviolation', (event) =>
    store.cspViolations.push(`${event.effectiveDirective} ${event.blockedURI || 'inline'}`),
  );
  if (window.speechSynthesis) {
    // Observed, not spoken: the real API is called with the real utterances.
    window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
      store.spoken.push({ text: utterance.text, lang: utterance.lang, rate: utterance.rate });
    };
    const cancel = window.speechSynthesis.cancel.bind(window.speechSynthesis);
    window.speechSynthesis.cancel = () => {
      store.cancels++;
      cancel();
    };
  }
}

interface Opened {
  context: BrowserContext;
  page: Page;
  requests: string[];
}

async function openPage(path: string, options: BrowserContextOptions = PHONE, init?: () => void): Promise<Opened> {
  const context = await browser.newContext(options);
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.addInitScript(watch);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  await page.goto(url(path));
  return { context, page, requests };
}

const spoken = (page: Page) =>
  page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string; rate: number }[] }).spoken);
const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
const rootFont = (page: Page) =>
  page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const saved = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('a11y') ?? '{}'));

describe('the 无障碍 control and its cost', () => {
  it('is not shown without JavaScript, and the page is unchanged and readable', async () => {
    const { context, page } = await openPage('/', { ...PHONE, javaScriptEnabled: false });
    await expect(opener(page).isVisible()).resolves.toBe(false);
    await expect(page.locator('h1').isVisible()).resolves.toBe(true);
    await expect(page.locator('#a11y-toolbar').count()).resolves.toBe(0);
    await context.close();
  });

  it('loads the toolbar’s code only when opened, from this origin only, and breaks no CSP rule', async () => {
    const { context, page, requests } = await openPage(BRAND);
    await expect(opener(page).isVisible()).resolves.toBe(true);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((request) => /toolbar\.[\w-]+\.js/.test(request))).toEqual([]);
    await expect(opener(page).getAttribute('aria-expanded')).resolves.toBe('false');
    await opener(page).click();
    await toolbar(page).waitFor();
    expect(requests.filter((request) => /toolbar\.[\w-]+\.js/.test(request))).toHaveLength(1);
    expect(requests.filter((request) => !request.startsWith(baseURL) && !request.startsWith('data:'))).toEqual([]);
    await expect(opener(page).getAttribute('aria-expanded')).resolves.toBe('true');
    expect(await cspViolations(page)).toEqual([]);
    await opener(page).click();
    await expect.poll(() => toolbar(page).isVisible()).toBe(false);
    await expect(opener(page).getAttribute('aria-expanded')).resolves.toBe('false');
    await context.close();
  });
});

describe.each([320, 390])('on a %i px phone, with the toolbar open', (width) => {
  it.each([
    ['normal', false],
    ['大字模式', true],
  ] as const)(
    '%s: the header keeps its height limit, the toolbar covers none of the page, nothing scrolls sideways',
    async (_mode, elder) => {
      const { context, page } = await openPage(
        BRAND,
        { ...PHONE, viewport: { width, height: 844 } },
        elder ? () => localStorage.setItem('elder-mode', 'on') : undefined,
      );
      const header = () =>
        page.evaluate(() => document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0);
      const closed = await header();
      expect(closed).toBeLessThanOrEqual(elder ? 150 : 112);
      const before = await page.evaluate(() => document.querySelector('h1')?.getBoundingClientRect().top ?? 0);
      await opener(page).click();
      await toolbar(page)
        .waitFor({ timeout: 10_000 })
        .catch(async (error) => {
          // Report what the page saw: was the control pressed, did the toolbar's code load?
          const state = await page.evaluate(() => ({
            expanded: document.querySelector('[data-a11y-open]')?.getAttribute('aria-expanded'),
            bar: Boolean(document.querySelector('#a11y-toolbar')),
            hidden: document.querySelector<HTMLElement>('#a11y-toolbar')?.hidden,
            scripts: performance.getEntriesByType('resource').map((entry) => entry.name.split('/').pop()),
          }));
          throw new Error(`${error}\n${JSON.stringify(state)}`);
        });
      expect(await header()).toBe(closed);
      console.log(`header at ${width} px${elder ? ' in 大字模式' : ''}: ${closed} px, toolbar open or closed`);
      const boxes = await page.evaluate(() => {
        const bar = document.querySelector('#a11y-toolbar')?.getBoundingClientRect();
        const main = document.querySelector('main')?.getBoundingClientRect();
        const header = document.querySelector('.site-header')?.getBoundingClientRect();
        return {
          barTop: bar?.top ?? 0,
          barBottom: bar?.bottom ?? 0,
          mainTop: main?.top ?? 0,
          headerBottom: header?.bottom ?? 0,
        };
      });
      // In the flow between the header and the page: the page moves down under it, nothing is overlaid.
      expect(boxes.barTop).toBeGreaterThanOrEqual(boxes.headerBottom - 0.5);
      expect(boxes.mainTop).toBeGreaterThanOrEqual(boxes.barBottom - 0.5);
      expect(await page.evaluate(() => document.querySelector('h1')?.getBoundingClientRect().top ?? 0)).toBeGreaterThan(
        before,
      );
      expect(await scrollWidth(page)).toBeLessThanOrEqual(width);
      expect(await ids(page)).toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
      await context.close();
    },
  );
});

describe('read-aloud (语音)', () => {
  it('reads the main content in zh-CN at the chosen speed, and stops', async () => {
    const { context, page } = await openPage(BRAND);
    await opener(page).click();
    await control(page, '朗读正文').click();
    const calls = await spoken(page);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((call) => call.lang === 'zh-CN' && call.rate === 1)).toBe(true);
    // SpeechSynthesisUtterance.rate is a float: 1.3 reads back as 1.2999…
    const isFast = (rate: number) => Math.abs(rate - 1.3) < 0.001;
    const h1 = await rendered(page.locator('main h1'));
    expect(calls.map((call) => call.text).join('')).toContain(h1);
    expect(calls.map((call) => call.text).join('')).not.toContain('无障碍工具条');
    await toolbar(page).getByLabel('语速').selectOption({ label: '快' });
    await control(page, '朗读正文').click();
    const fast = (await spoken(page)).slice(calls.length);
    expect(fast.length).toBeGreaterThan(0);
    expect(fast.every((call) => call.lang === 'zh-CN' && isFast(call.rate))).toBe(true);
    const cancels = await page.evaluate(() => (window as unknown as { cancels: number }).cancels);
    await control(page, '停止').click();
    await expect(page.evaluate(() => (window as unknown as { cancels: number }).cancels)).resolves.toBe(cancels + 1);
    await context.close();
  });

  it('指读 reads the element focused or pointed at', async () => {
    const { context, page } = await openPage(BRAND, { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    await opener(page).click();
    await control(page, '指读').click();
    await expect(control(page, '指读').getAttribute('aria-pressed')).resolves.toBe('true');
    const link = page.locator('main a').first();
    await link.focus();
    const text = await rendered(link);
    await expect.poll(async () => (await spoken(page)).at(-1)).toEqual({ text, lang: 'zh-CN', rate: 1 });
    await page.locator('main h1').hover();
    const h1 = await rendered(page.locator('main h1'));
    await expect.poll(async () => (await spoken(page)).at(-1)?.text, { timeout: 3000 }).toBe(h1);
    // Remembered: on the next page 指读 is on before the toolbar is opened.
    await page.goto(url('/about/'));
    // The toolbar's code, loaded at once for 指读, puts its live region in the page.
    await page.waitForFunction(() => document.querySelector('body > [role="status"]'));
    await page.locator('main h1').hover();
    await expect.poll(async () => (await spoken(page)).at(-1)?.text, { timeout: 5000 }).toBe('关于本站');
    await context.close();
  });

  it('is marked 不支持 where the browser has no speech', async () => {
    const { context, page } = await openPage(BRAND, PHONE, () => {
      // As in a browser without speech: gone from the window and from Window's prototype, wherever it lives.
      for (const holder of [window, Window.prototype] as unknown as Record<string, unknown>[]) {
        delete holder.speechSynthesis;
        delete holder.SpeechSynthesisUtterance;
      }
    });
    expect(await page.evaluate(() => 'speechSynthesis' in window)).toBe(false);
    await opener(page).click();
    await toolbar(page).waitFor();
    await expect(toolbar(page).getByText('不支持').isVisible()).resolves.toBe(true);
    await expect(control(page, '朗读正文').count()).resolves.toBe(0);
    await page.keyboard.press('Alt+Shift+KeyR');
    await expect.poll(() => page.getByRole('status').last().textContent()).toContain('不支持');
    expect(await ids(page)).toEqual([]);
    await context.close();
  });
});

describe('zoom (放大/缩小)', () => {
  it('goes from 1.1× to 2× in steps, never scrolls sideways at 320 px, and is remembered', async () => {
    const { context, page } = await openPage(BRAND, { ...PHONE, viewport: { width: 320, height: 640 } });
    const normal = await rootFont(page);
    await opener(page).click();
    await control(page, '放大').click();
    expect((await rootFont(page)) / normal).toBeCloseTo(1.1, 2);
    for (let i = 0; i < 6; i++) if (await control(page, '放大').isEnabled()) await control(page, '放大').click();
    expect((await rootFont(page)) / normal).toBeCloseTo(2, 2);
    await expect(toolbar(page).getByText('200%').isVisible()).resolves.toBe(true);
    await expect(control(page, '放大').isDisabled()).resolves.toBe(true);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(320);
    for (const path of ['/', '/about/', '/stats/', PAGES[6], PAGES[12]]) {
      await page.goto(url(path));
      expect((await rootFont(page)) / normal, path).toBeCloseTo(2, 2);
      expect(await scrollWidth(page), path).toBeLessThanOrEqual(320);
    }
    await opener(page).click();
    await control(page, '缩小').click();
    expect((await rootFont(page)) / normal).toBeCloseTo(1.75, 2);
    expect(await saved(page)).toMatchObject({ zoom: 1.75 });
    await context.close();
  });
});

describe('large pointer (大鼠标), crosshair (十字线), caption bar (大字幕)', () => {
  const desktop = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' };

  it('大鼠标 sets a large pointer image, remembered before first paint', async () => {
    const { context, page } = await openPage('/', desktop);
    const cursor = () => page.evaluate(() => getComputedStyle(document.body).cursor);
    expect(await cursor()).toBe('auto');
    await opener(page).click();
    await control(page, '大鼠标').click();
    await expect(control(page, '大鼠标').getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await cursor()).toMatch(/^url\("data:image\/svg\+xml,.*width='64'/);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.classList.contains('a11y-pointer'))).toBe(true);
    expect(await cursor()).toMatch(/^url\(/);
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  });

  it('十字线 draws two lines through the pointer, which take no clicks', async () => {
    const { context, page } = await openPage('/', desktop);
    await opener(page).click();
    await control(page, '十字线').click();
    await page.mouse.move(300, 420);
    const lines = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.a11y-cross')].map((line) => {
          const box = line.getBoundingClientRect();
          return {
            x: Math.round(box.left + box.width / 2),
            y: Math.round(box.top + box.height / 2),
            w: box.width,
            h: box.height,
            events: getComputedStyle(line).pointerEvents,
          };
        }),
      );
    const [horizontal, vertical] = await lines();
    expect(horizontal.y).toBeCloseTo(420, -1);
    expect(horizontal.w).toBe(1280);
    expect(vertical.x).toBeCloseTo(300, -1);
    expect(vertical.h).toBe(800);
    expect(horizontal.events).toBe('none');
    // Remembered: the next page loads the toolbar's code at once and shows the lines.
    await page.goto(url('/about/'));
    await page.mouse.move(500, 200);
    await expect.poll(async () => (await lines()).length).toBe(2);
    await context.close();
  });

  it('大字幕 shows the text under the pointer or focus in at least 40 px, and never covers the page’s end', async () => {
    const { context, page } = await openPage(BRAND, { ...PHONE, viewport: { width: 390, height: 844 } });
    await opener(page).click();
    await control(page, '大字幕').click();
    const bar = page.locator('.a11y-caption-bar');
    await expect(bar.isVisible()).resolves.toBe(true);
    expect(await bar.evaluate((node) => Number.parseFloat(getComputedStyle(node).fontSize))).toBeGreaterThanOrEqual(40);
    await page.locator('main h1').hover();
    const h1 = await rendered(page.locator('main h1'));
    await expect.poll(() => bar.textContent()).toBe(h1.length > 60 ? `${h1.slice(0, 59)}…` : h1);
    await page.locator('main a').first().focus();
    const link = await rendered(page.locator('main a').first());
    await expect.poll(() => bar.textContent()).toBe(link.length > 60 ? `${link.slice(0, 59)}…` : link);
    // The page has room at its end for the bar: scrolled to the bottom, the footer ends above it.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const room = await page.evaluate(() => {
      const footer = document.querySelector('.site-footer p:last-child')?.getBoundingClientRect().bottom ?? 0;
      const top = document.querySelector('.a11y-caption-bar')?.getBoundingClientRect().top ?? 0;
      return top - footer;
    });
    expect(room).toBeGreaterThanOrEqual(0);
    expect(await ids(page)).toEqual([]);
    await context.close();
  });
});

describe('text-only view (纯文本) and reset (重置)', () => {
  it('纯文本 hides pictures and maps, keeps the text in one column and passes axe; 重置 puts everything back', async () => {
    const { context, page } = await openPage(BRAND, { ...PHONE, viewport: { width: 320, height: 640 } });
    const images = () =>
      page.evaluate(
        () => [...document.querySelectorAll('main img')].filter((img) => img.getBoundingClientRect().width > 0).length,
      );
    expect(await images()).toBeGreaterThan(0);
    await opener(page).click();
    await control(page, '纯文本').click();
    expect(await images()).toBe(0);
    await expect(page.locator('main h1').isVisible()).resolves.toBe(true);
    expect(await ids(page)).toEqual([]);
    await page.reload();
    expect(await images()).toBe(0);
    await opener(page).click();
    await control(page, '大鼠标').click();
    await control(page, '放大').click();
    await control(page, '黑底黄字').click();
    await control(page, '大字模式').click();
    await control(page, '重置').click();
    const state = await page.evaluate(() => ({
      classes: [...document.documentElement.classList].sort(),
      zoom: document.documentElement.getAttribute('data-zoom'),
      scheme: document.documentElement.getAttribute('data-scheme'),
    }));
    expect(state).toEqual({ classes: ['a11y-ready'], zoom: null, scheme: null });
    expect(await saved(page)).toMatchObject({ zoom: 1, scheme: 'default', pointer: false, textOnly: false });
    await expect(page.evaluate(() => localStorage.getItem('elder-mode'))).resolves.toBe('off');
    expect(await images()).toBeGreaterThan(0);
    await context.close();
  });
});

describe('the keyboard', () => {
  it('opens the toolbar with Alt+Shift+A into its first control, works every control, closes with Escape', async () => {
    const { context, page } = await openPage('/', { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    await page.keyboard.press('Alt+Shift+KeyA');
    await toolbar(page).waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('朗读正文');
    // Tab through to 大鼠标 and press it with Enter, 十字线 with Space.
    for (let i = 0; i < 12 && (await page.evaluate(() => document.activeElement?.textContent)) !== '大鼠标'; i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await expect(control(page, '大鼠标').getAttribute('aria-pressed')).resolves.toBe('true');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(control(page, '十字线').getAttribute('aria-pressed')).resolves.toBe('true');
    // The shortcuts are listed in the toolbar, folded under 快捷键.
    await toolbar(page).getByText('快捷键', { exact: true }).click();
    await expect(
      toolbar(page)
        .getByText(/X 十字线/)
        .isVisible(),
    ).resolves.toBe(true);
    await control(page, '十字线').focus();
    await page.keyboard.press('Escape');
    await expect(toolbar(page).isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('无障碍');
    await context.close();
  });

  it('runs each function by its shortcut without opening the toolbar, announcing what it did', async () => {
    const { context, page } = await openPage('/', { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const normal = await rootFont(page);
    const root = () =>
      page.evaluate(() => ({
        classes: [...document.documentElement.classList].sort(),
        zoom: document.documentElement.getAttribute('data-zoom'),
        scheme: document.documentElement.getAttribute('data-scheme'),
      }));
    await page.keyboard.press('Alt+Shift+Equal');
    await expect.poll(async () => (await root()).zoom).toBe('1.1');
    await page.keyboard.press('Alt+Shift+Equal');
    await page.keyboard.press('Alt+Shift+Minus');
    await expect.poll(async () => (await root()).zoom).toBe('1.1');
    await page.keyboard.press('Alt+Shift+KeyC');
    await expect.poll(async () => (await root()).scheme).toBe('dark');
    await expect.poll(() => page.getByRole('status').last().textContent()).toBe('黑底黄字');
    for (const [key, name] of [
      ['KeyM', 'a11y-pointer'],
      ['KeyW', 'a11y-text'],
      ['KeyZ', 'a11y-caption'],
      ['KeyE', 'elder'],
    ]) {
      await page.keyboard.press(`Alt+Shift+${key}`);
      await expect.poll(async () => (await root()).classes).toContain(name);
    }
    await page.keyboard.press('Alt+Shift+KeyX');
    await expect.poll(() => page.locator('.a11y-cross').count()).toBe(2);
    await page.keyboard.press('Alt+Shift+KeyR');
    await expect.poll(async () => (await spoken(page)).length).toBeGreaterThan(0);
    await page.keyboard.press('Alt+Shift+KeyF');
    await expect.poll(async () => (await saved(page)).follow).toBe(true);
    await expect(toolbar(page).isVisible()).resolves.toBe(false);
    await page.keyboard.press('Alt+Shift+Digit0');
    await expect.poll(root).toEqual({ classes: ['a11y-ready'], zoom: null, scheme: null });
    expect(await rootFont(page)).toBe(normal);
    await expect(page.locator('.a11y-cross').count()).resolves.toBe(0);
    // Without Alt+Shift nothing happens: plain letters stay the screen reader's.
    await page.keyboard.press('KeyC');
    await page.keyboard.press('Alt+KeyC');
    expect((await root()).scheme).toBeNull();
    await context.close();
  });
});

describe.each([
  ['黑底黄字', 'dark', 'rgb(0, 0, 0)'],
  ['白底黑字', 'light', 'rgb(255, 255, 255)'],
] as const)('colour scheme %s', (_label, scheme, background) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ ...PHONE, viewport: { width: 320, height: 640 } });
    await context.addInitScript(watch);
    await context.addInitScript((scheme) => localStorage.setItem('a11y', JSON.stringify({ scheme })), scheme);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
  });

  it.each(PAGES)('%s passes axe (contrast included) and the CSP, toolbar closed and open', async (path) => {
    await page.goto(url(path), { waitUntil: 'load' });
    expect(await page.evaluate(() => document.documentElement.dataset.scheme)).toBe(scheme);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(background);
    expect(await ids(page)).toEqual([]);
    await opener(page).click();
    await toolbar(page).waitFor();
    await expect(control(page, _label).getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await ids(page)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
  });
});

describe('the default scheme with the toolbar open', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ ...PHONE, viewport: { width: 320, height: 640 } });
    await context.addInitScript(watch);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
  });

  it.each(PAGES)('%s passes axe and the CSP with the toolbar open', async (path) => {
    await page.goto(url(path), { waitUntil: 'load' });
    await opener(page).click();
    await toolbar(page).waitFor();
    expect(await ids(page)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(320);
  });
});

describe('text spacing (MIIT: line spacing at least 1.3, paragraph spacing larger)', () => {
  it.each([
    ['normal', false],
    ['大字模式', true],
  ] as const)('%s: every paragraph of a brand, the about page and the home page', async (_mode, elder) => {
    const { context, page } = await openPage(
      '/',
      PHONE,
      elder ? () => localStorage.setItem('elder-mode', 'on') : undefined,
    );
    let pairs = 0;
    for (const path of ['/', BRAND, '/about/']) {
      await page.goto(url(path));
      const spacing = await page.evaluate(() =>
        [...document.querySelectorAll('main p')].map((p) => {
          const style = getComputedStyle(p);
          const size = Number.parseFloat(style.fontSize);
          const line = Number.parseFloat(style.lineHeight) / size;
          // Paragraph spacing, where a paragraph follows another: its first baseline to the last one's, in em.
          const next = p.nextElementSibling;
          const gap =
            next?.tagName === 'P' ? next.getBoundingClientRect().top - p.getBoundingClientRect().bottom : undefined;
          return { line, paragraph: gap === undefined ? undefined : line + gap / size };
        }),
      );
      expect(spacing.length, path).toBeGreaterThan(0);
      for (const { line, paragraph } of spacing) {
        expect(line, path).toBeGreaterThanOrEqual(1.3);
        if (paragraph !== undefined) expect(paragraph, path).toBeGreaterThan(line);
      }
      pairs += spacing.filter((measure) => measure.paragraph !== undefined).length;
    }
    expect(pairs).toBeGreaterThan(0);
    await context.close();
  });
});
