/**
 * The map in a real browser: Debian Chromium with SwiftShader WebGL, against
 * the built site. Checks that it draws, that clusters and sites respond to
 * clicks, that filters change the count and the address, that it works from
 * the keyboard, that without WebGL or JavaScript the list stands in for it,
 * and that in the default (schematic) mode nothing is requested from elsewhere.
 */
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { MAP_COLOURS, SITE_TYPE_COLOURS } from '../../src/lib/map/colours.ts';
import { browserForFile } from '../support/test-browser.ts';

const baseURL = inject('baseURL');
const browser = browserForFile();

const DESKTOP: BrowserContextOptions = { viewport: { width: 1100, height: 900 }, locale: 'zh-CN' };

interface Opened {
  page: Page;
  context: BrowserContext;
  /** Every URL the page (and its workers) requested from another origin. */
  foreign: string[];
  /** Every URL requested at all. */
  requests: string[];
}

async function open(path: string, options: BrowserContextOptions = DESKTOP, init?: () => void): Promise<Opened> {
  const context = await browser.newContext(options);
  if (init) await context.addInitScript(init);
  const foreign: string[] = [];
  const requests: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    requests.push(url);
    if (!url.startsWith(baseURL) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  const page = await context.newPage();
  const response = await page.goto(new URL(path, baseURL).href);
  expect(response?.status(), path).toBe(200);
  return { page, context, foreign, requests };
}

/** Waits until the map on the page has loaded and first settled. */
async function mapReady(page: Page, selector = '[data-map]') {
  await page.waitForFunction(
    (selector) => document.querySelector<HTMLElement>(selector)?.dataset.state === 'ready',
    selector,
    {
      timeout: 60_000,
    },
  );
  await page.waitForFunction(
    (selector) => {
      const map = (document.querySelector(selector) as unknown as { map?: import('maplibre-gl').Map }).map;
      return Boolean(map?.loaded() && map.areTilesLoaded() && !map.isMoving());
    },
    selector,
    { timeout: 60_000, polling: 100 },
  );
}

/** Asks for the zoomable map (the button over the drawing) and waits until it has settled. */
async function openLiveMap(page: Page) {
  await page.getByRole('button', { name: '打开可拖动、缩放的地图' }).click();
  await mapReady(page);
}

/** Runs `action`, then waits for the map's next `idle`. */
async function untilIdle(page: Page, action: () => Promise<unknown>) {
  await page.evaluate(() => {
    const map = (document.querySelector('[data-map]') as unknown as { map: import('maplibre-gl').Map }).map;
    (window as unknown as { idle: Promise<void> }).idle = new Promise((resolve) => map.once('idle', () => resolve()));
  });
  await action();
  await page.evaluate(() => (window as unknown as { idle: Promise<void> }).idle);
}

const zoom = (page: Page) =>
  page.evaluate(() =>
    (document.querySelector('[data-map]') as unknown as { map: import('maplibre-gl').Map }).map.getZoom(),
  );

/** Page pixel of the first rendered feature of a layer, or undefined. */
async function featurePixel(page: Page, layer: string) {
  const point = await page.evaluate((layer) => {
    const element = document.querySelector('[data-map]') as HTMLElement & { map: import('maplibre-gl').Map };
    const { map } = element;
    const canvas = map.getCanvas().getBoundingClientRect();
    const features = map
      .queryRenderedFeatures({ layers: [layer] })
      .map((feature) => {
        const [lng, lat] = (feature.geometry as unknown as { coordinates: [number, number] }).coordinates;
        const pixel = map.project([lng, lat]);
        return { x: canvas.left + pixel.x, y: canvas.top + pixel.y };
      })
      // Away from the edges and the controls in the corners.
      .filter(
        ({ x, y }) => x > canvas.left + 60 && x < canvas.right - 60 && y > canvas.top + 60 && y < canvas.bottom - 60,
      );
    return features[0];
  }, layer);
  return point;
}

/** Counts the screenshot's pixels near each given colour, and those unlike the two backgrounds. */
async function pixelCounts(page: Page, png: Buffer, colours: string[]) {
  return page.evaluate(
    async ({ data, colours, backgrounds }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      const rgb = (hex: string) => [1, 3, 5].map((offset) => Number.parseInt(hex.slice(offset, offset + 2), 16));
      const near = (index: number, [r, g, b]: number[]) =>
        Math.abs((pixels[index] as number) - (r as number)) +
          Math.abs((pixels[index + 1] as number) - (g as number)) +
          Math.abs((pixels[index + 2] as number) - (b as number)) <
        24;
      const targets = colours.map(rgb);
      const grounds = backgrounds.map(rgb);
      const counts = targets.map(() => 0);
      let other = 0;
      for (let index = 0; index < pixels.length; index += 4) {
        targets.forEach((target, k) => {
          if (near(index, target)) counts[k] = (counts[k] as number) + 1;
        });
        if (!grounds.some((ground) => near(index, ground))) other++;
      }
      return { counts, other, total: pixels.length / 4 };
    },
    { data: png.toString('base64'), colours, backgrounds: [MAP_COLOURS.background, MAP_COLOURS.districtFill] },
  );
}

describe('the map page (/map/)', () => {
  it('first shows every site on a drawing made at build time, and downloads no map library until asked', async () => {
    const { page, context, requests, foreign } = await open('/map/');
    await page.waitForLoadState('load');
    const drawing = page.getByRole('img', { name: /阵地分布示意图/ });
    await expect(drawing.isVisible()).resolves.toBe(true);
    const listed = await page.locator('[data-site-item]').count();
    await expect(
      drawing.getAttribute('aria-labelledby').then((id) => page.locator(`#${id}`).textContent()),
    ).resolves.toContain(`共 ${listed} 个阵地`);
    // Every site is drawn once: on its own, or counted in a cluster.
    const drawn = await page.evaluate(() => {
      const svg = document.querySelector('[data-map-preview]') as SVGElement;
      const counts = [...svg.querySelectorAll('.map-preview-count')].map((text) => Number(text.textContent));
      return svg.querySelectorAll('circle').length - counts.length + counts.reduce((sum, count) => sum + count, 0);
    });
    expect(drawn).toBe(listed);
    expect(requests.filter((url) => /maplibre|map-data/.test(url))).toEqual([]);
    await openLiveMap(page);
    expect(requests.some((url) => /\/_astro\/maplibre[^/]*\.js$/.test(url))).toBe(true);
    // The live map replaces the drawing.
    await expect(page.locator('[data-map-preview]').count()).resolves.toBe(0);
    await expect(page.locator('[data-map-activate]').count()).resolves.toBe(0);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('draws the schematic: coloured points and clusters on the backdrop, with a legend, the 示意图 note and no foreign request', async () => {
    const { page, context, foreign, requests } = await open('/map/');
    await openLiveMap(page);
    const shot = await page.locator('[data-map]').screenshot();
    const { counts, other, total } = await pixelCounts(page, shot, [
      SITE_TYPE_COLOURS['service-centre'],
      MAP_COLOURS.cluster,
    ]);
    expect(other / total, 'share of pixels that are not background').toBeGreaterThan(0.005);
    expect(counts[0], 'pixels of service-centre red').toBeGreaterThan(50);
    await expect(page.locator('.map-schematic').textContent()).resolves.toBe('示意图');
    await expect(page.locator('.maplibregl-ctrl-attrib').textContent()).resolves.toContain('示意图');
    const legend = await page.getByRole('list', { name: '图例' }).textContent();
    for (const label of ['党群服务中心', '示范点', '红色驿站', '企业党建阵地', '示范带站点'])
      expect(legend).toContain(label);
    // The library came from this site, once the visitor asked for the map.
    expect(requests.some((url) => /\/_astro\/maplibre[^/]*\.js$/.test(url))).toBe(true);
    expect(requests.some((url) => url.endsWith('/map-data.json'))).toBe(true);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('zooms in when a cluster is clicked', async () => {
    const { page, context } = await open('/map/');
    await openLiveMap(page);
    let cluster = await featurePixel(page, 'site-clusters');
    for (let tries = 0; !cluster && tries < 3; tries++) {
      // Zoom out until some sites cluster.
      await untilIdle(page, () =>
        page.evaluate(() => {
          const { map } = document.querySelector('[data-map]') as unknown as { map: import('maplibre-gl').Map };
          map.jumpTo({ zoom: map.getZoom() - 1 });
        }),
      );
      cluster = await featurePixel(page, 'site-clusters');
    }
    expect(cluster, 'a cluster on screen').toBeDefined();
    const before = await zoom(page);
    await untilIdle(page, () => page.mouse.click(cluster?.x ?? 0, cluster?.y ?? 0));
    await page.waitForFunction(
      (before) =>
        (document.querySelector('[data-map]') as unknown as { map: import('maplibre-gl').Map }).map.getZoom() > before,
      before,
    );
    expect(await zoom(page)).toBeGreaterThan(before);
    await context.close();
  });

  it('opens a popup for a clicked site, with links to the site and its brand', async () => {
    const { page, context } = await open('/map/');
    await openLiveMap(page);
    // Close enough that every site is its own point.
    await untilIdle(page, () =>
      page.evaluate(() => {
        const { map } = document.querySelector('[data-map]') as unknown as { map: import('maplibre-gl').Map };
        map.jumpTo({ zoom: 15, center: map.getCenter() });
      }),
    );
    let site = await featurePixel(page, 'site-points');
    if (!site) {
      // Centre on some site if none is in view at this zoom.
      await untilIdle(page, () =>
        page.evaluate(async () => {
          const { map } = document.querySelector('[data-map]') as unknown as { map: import('maplibre-gl').Map };
          const data = (await (await fetch('/map-data.json')).json()) as {
            origin: number[];
            scale: number;
            sites: { x: number[]; y: number[] };
          };
          map.jumpTo({
            center: [
              data.origin[0] + (data.sites.x[0] as number) / data.scale,
              data.origin[1] + (data.sites.y[0] as number) / data.scale,
            ],
            zoom: 15,
          });
        }),
      );
      site = await featurePixel(page, 'site-points');
    }
    expect(site, 'a site on screen').toBeDefined();
    await page.mouse.click(site?.x ?? 0, site?.y ?? 0);
    const title = page.locator('.maplibregl-popup .map-popup-title a');
    await title.waitFor();
    const name = (await title.textContent()) ?? '';
    const href = (await title.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/sites\/[a-z0-9-]+\/$/);
    const popup = (await page.locator('.maplibregl-popup').textContent()) ?? '';
    expect(popup).toContain('地址：');
    const brandLinks = await page.locator('.maplibregl-popup a[href^="/brands/"]').count();
    await title.click();
    await page.waitForURL(`**${href}`);
    await expect(page.locator('h1').textContent()).resolves.toContain(name);
    if (brandLinks) expect(await page.locator(`main a[href^="/brands/"]`).count()).toBeGreaterThan(0);
    await context.close();
  });

  it('filters by street, type, category and belt, reflects them in the address, and reads them back from it', async () => {
    const { page, context } = await open('/map/');
    await openLiveMap(page);
    const count = () => page.locator('[data-map]').getAttribute('data-visible-sites').then(Number);
    const listed = () => page.locator('[data-site-item]:not([hidden])').count();
    const total = await count();
    expect(total).toBeGreaterThan(5);
    expect(await listed()).toBe(total);

    await untilIdle(page, () => page.getByLabel('街道', { exact: true }).selectOption('pazhou'));
    await page.waitForURL('**/map/?street=pazhou');
    const pazhou = await count();
    expect(pazhou).toBeGreaterThan(0);
    expect(pazhou).toBeLessThan(total);
    expect(await listed()).toBe(pazhou);
    await expect(page.locator('[data-map-status]').textContent()).resolves.toContain(`琶洲街道：共 ${pazhou} 个阵地`);
    // Every point on the map is now in 琶洲.
    const rendered = await page.evaluate(() => {
      const { map } = document.querySelector('[data-map]') as unknown as { map: import('maplibre-gl').Map };
      return map
        .querySourceFeatures('sites')
        .reduce((sum, feature) => sum + Number(feature.properties.point_count ?? 1), 0);
    });
    expect(rendered).toBeGreaterThanOrEqual(pazhou);

    await untilIdle(page, () => page.getByLabel('阵地类型', { exact: true }).selectOption('service-centre'));
    await page.waitForURL('**/map/?street=pazhou&type=service-centre');
    expect(await count()).toBeLessThan(pazhou);

    // A shared address opens the same view.
    const { page: shared, context: other } = await open('/map/?street=pazhou&type=service-centre');
    await mapReady(shared);
    await expect(shared.getByLabel('街道', { exact: true }).inputValue()).resolves.toBe('pazhou');
    await expect(shared.locator('[data-map]').getAttribute('data-visible-sites').then(Number)).resolves.toBe(
      await count(),
    );
    await other.close();

    await untilIdle(page, () => page.getByRole('button', { name: '清除筛选' }).click());
    await page.waitForURL((url) => url.search === '');
    expect(await count()).toBe(total);

    await untilIdle(page, () => page.getByLabel('品牌类别', { exact: true }).selectOption('digital-economy'));
    const digital = await count();
    expect(digital).toBeGreaterThan(0);
    expect(digital).toBeLessThan(total);
    await context.close();
  });

  it('opens the zoomable map when a filter changes, since the drawing shows every site', async () => {
    const { page, context } = await open('/map/');
    await page.getByLabel('街道', { exact: true }).selectOption('pazhou');
    await mapReady(page);
    const listed = await page.locator('[data-site-item]:not([hidden])').count();
    await expect(page.locator('[data-map]').getAttribute('data-visible-sites').then(Number)).resolves.toBe(listed);
    await context.close();
  });

  it('shows a demonstration belt as a numbered route with its stops listed in order beside the map', async () => {
    const { page, context } = await open('/map/');
    const belt = await page.locator('#map-belt option:not([value=""])').first().getAttribute('value');
    expect(belt).toBeTruthy();
    await page.goto(new URL(`/map/?belt=${belt}`, baseURL).href);
    await mapReady(page);
    const panel = page.locator(`[data-belt-panel="${belt}"]`);
    await expect(panel.isVisible()).resolves.toBe(true);
    const numbers = (await panel.locator('.belt-number').allTextContents()).map((text) => Number(text.trim()));
    expect(numbers.length).toBeGreaterThan(1);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const drawn = await page.evaluate(() => {
      const { map } = document.querySelector('[data-map]') as unknown as { map: import('maplibre-gl').Map };
      return {
        route: map.queryRenderedFeatures({ layers: ['belt-route'] }).length,
        stops: map
          .queryRenderedFeatures({ layers: ['belt-stops'] })
          .map((feature) => Number(feature.properties.order))
          .sort((a, b) => a - b),
      };
    });
    expect(drawn.route).toBeGreaterThan(0);
    expect([...new Set(drawn.stops)]).toEqual(numbers);
    await context.close();
  });

  it('can be used from the keyboard: the map opens from its button with focus on it, and 在地图上查看 opens a site’s popup with focus on its link', async () => {
    const { page, context } = await open('/map/');
    await page.getByRole('button', { name: '打开可拖动、缩放的地图' }).focus();
    await page.keyboard.press('Enter');
    await mapReady(page);
    await page.waitForFunction(() => document.activeElement?.classList.contains('maplibregl-canvas'));
    for (const label of ['街道', '阵地类型', '品牌类别', '示范带']) {
      await expect(page.getByLabel(label, { exact: true }).count()).resolves.toBe(1);
    }
    await expect(page.getByRole('button', { name: '放大地图' }).count()).resolves.toBe(1);
    await expect(page.getByRole('region', { name: /示范阵地地图/ }).count()).resolves.toBe(1);
    const button = page.locator('[data-site-item] [data-show-site]').first();
    const id = await button.getAttribute('data-show-site');
    await button.focus();
    await page.keyboard.press('Enter');
    const link = page.locator('.maplibregl-popup .map-popup-title a');
    await link.waitFor();
    await expect(link.getAttribute('href')).resolves.toBe(`/sites/${id}/`);
    await page.waitForFunction(() => document.activeElement?.closest('.maplibregl-popup') !== null);
    // Escape closes it and gives focus back to the button.
    await page.keyboard.press('Escape');
    await expect(page.locator('.maplibregl-popup').count()).resolves.toBe(0);
    await page.waitForFunction((id) => document.activeElement?.getAttribute('data-show-site') === id, id);
    await context.close();
  });

  it('from the keyboard, Enter on the map zooms into the cluster at its centre and opens the site there', async () => {
    const { page, context } = await open('/map/');
    await page.getByRole('button', { name: '打开可拖动、缩放的地图' }).focus();
    await page.keyboard.press('Enter');
    await mapReady(page);
    const canvas = page.locator('.maplibregl-canvas');
    await expect(
      canvas.getAttribute('aria-describedby').then((id) => page.locator(`#${id}`).textContent()),
    ).resolves.toContain('回车键');
    /** Centres the map on the first rendered feature of a layer (zooming out until there is one), and says where. */
    const centreOn = (layer: string) =>
      untilIdle(page, () =>
        page.evaluate((layer) => {
          const { map } = document.querySelector('[data-map]') as unknown as { map: import('maplibre-gl').Map };
          for (let tries = 0; tries < 4; tries++) {
            const feature = map.queryRenderedFeatures({ layers: [layer] })[0];
            if (feature) {
              map.jumpTo({ center: (feature.geometry as unknown as { coordinates: [number, number] }).coordinates });
              return;
            }
            map.jumpTo({ zoom: map.getZoom() - 1 });
          }
        }, layer),
      );

    await centreOn('site-clusters');
    const before = await zoom(page);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (before) =>
        (document.querySelector('[data-map]') as unknown as { map: import('maplibre-gl').Map }).map.getZoom() > before,
      before,
    );
    await expect(page.locator('[data-map-status]').textContent()).resolves.toMatch(/十字处有 \d+ 个阵地/);

    await untilIdle(page, () =>
      page.evaluate(() => {
        const { map } = document.querySelector('[data-map]') as unknown as { map: import('maplibre-gl').Map };
        map.jumpTo({ zoom: 16 });
      }),
    );
    await centreOn('site-points');
    await canvas.focus();
    await page.keyboard.press('Enter');
    const link = page.locator('.maplibregl-popup .map-popup-title a');
    await link.waitFor();
    await page.waitForFunction(() => document.activeElement?.closest('.maplibregl-popup') !== null);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.classList.contains('maplibregl-canvas'));
    await context.close();
  });
});

describe('without WebGL or JavaScript', () => {
  it('keeps the drawing and the list of sites grouped by street, says why, and does not download the map library', async () => {
    const { page, context, requests } = await open('/map/', DESKTOP, () => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (type === 'webgl' || type === 'webgl2' || type === 'experimental-webgl') return null;
        return (original as (...args: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
    });
    await page.getByRole('button', { name: '打开可拖动、缩放的地图' }).click();
    const note = page.locator('[data-map-fallback]');
    await note.waitFor({ state: 'visible' });
    await expect(note.textContent()).resolves.toContain('WebGL');
    await expect(page.locator('[data-map-preview]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-map-activate]').count()).resolves.toBe(0);
    const groups = await page.locator('[data-site-group] h3').count();
    expect(groups).toBeGreaterThan(3);
    await expect(page.locator('[data-site-item] a[href^="/sites/"]').count()).resolves.toBeGreaterThan(5);
    // The filters still narrow the list.
    const all = await page.locator('[data-site-item]:not([hidden])').count();
    await page.getByLabel('街道', { exact: true }).selectOption('pazhou');
    expect(await page.locator('[data-site-item]:not([hidden])').count()).toBeLessThan(all);
    expect(requests.filter((url) => /maplibre/.test(url))).toEqual([]);
    await context.close();
  });

  it('without JavaScript, shows the drawing and the list with addresses and links, and no form or map button', async () => {
    const { page, context } = await open('/map/', { ...DESKTOP, javaScriptEnabled: false });
    await expect(page.locator('[data-map-preview]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-map-activate]').isHidden()).resolves.toBe(true);
    await expect(page.locator('[data-map-filters]').isHidden()).resolves.toBe(true);
    const first = page.locator('[data-site-item]').first();
    await expect(first.locator('a[href^="/sites/"]').count()).resolves.toBe(1);
    await expect(first.textContent()).resolves.toMatch(/海珠区|路|号/);
    await expect(page.locator('[data-site-group] h3 a[href^="/streets/"]').count()).resolves.toBeGreaterThan(3);
    await context.close();
  });
});

describe('mini-maps', () => {
  it('a site page draws its point once the map scrolls into view, with nothing from elsewhere', async () => {
    const { page: list, context } = await open('/sites/');
    const href = (await list.locator('main .site-list a').first().getAttribute('href')) ?? '';
    const { page, context: other, foreign } = await open(href);
    await page.locator('[data-mini-map]').scrollIntoViewIfNeeded();
    await mapReady(page, '[data-mini-map]');
    const shot = await page.locator('[data-mini-map]').screenshot();
    const { other: drawn, total } = await pixelCounts(page, shot, []);
    expect(drawn / total).toBeGreaterThan(0.002);
    await expect(page.locator('.mini-map-block a[href^="/map/?street="]').count()).resolves.toBe(1);
    expect(foreign).toEqual([]);
    await context.close();
    await other.close();
  });

  it('a street page and a brand page show a mini-map', async () => {
    for (const path of ['/streets/pazhou/']) {
      const { page, context } = await open(path);
      await page.locator('[data-mini-map]').scrollIntoViewIfNeeded();
      await mapReady(page, '[data-mini-map]');
      const brand = await page.locator('main .grid a[href^="/brands/"]').first().getAttribute('href');
      await context.close();
      if (!brand) continue;
      const { page: brandPage, context: other } = await open(brand);
      const mini = brandPage.locator('[data-mini-map]');
      if (await mini.count()) {
        await mini.scrollIntoViewIfNeeded();
        await mapReady(brandPage, '[data-mini-map]');
      }
      await other.close();
    }
  });
});
