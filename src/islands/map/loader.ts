/**
 * The only map code a page loads up front (a few KB). It wires the /map/
 * page's filters and list at once, and starts its zoomable map on request; a
 * mini-map starts when it scrolls into view. Either checks for WebGL2 and only
 * then downloads MapLibre and the map data. Without WebGL2, or if MapLibre
 * cannot start the GPU, the server-rendered drawing and list stay, with a note
 * saying why.
 */
import stylesUrl from 'maplibre-gl/dist/maplibre-gl.css?url';
import { type Controls, setupControls } from './controls.ts';
import type { MapAppConfig, MapElement } from './map-app.ts';
import type { MiniMapConfig } from './mini-map.ts';
import { hasWebGL2 } from './webgl.ts';

/** Shows the map's fallback note (the list below is already there). */
function showNote(container: HTMLElement, reason: string) {
  const frame = container.closest<HTMLElement>('[data-map-frame]') ?? container;
  const note = frame.parentElement?.querySelector<HTMLElement>('[data-map-fallback]');
  if (note) {
    note.textContent = reason;
    note.hidden = false;
  }
}

/** Hides a mini-map and says why; the page around it lists the same places. */
function fallBack(container: HTMLElement, reason: string) {
  (container.closest<HTMLElement>('[data-map-frame]') ?? container).hidden = true;
  showNote(container, reason);
}

/**
 * MapLibre's stylesheet, added only when a map is about to load (imported as a
 * URL, so the build does not put it on every page that has a map).
 */
function loadStyles() {
  if (document.querySelector('link[data-maplibre-styles]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = stylesUrl;
  link.dataset.maplibreStyles = '';
  document.head.append(link);
}

const PREVIEW_ONLY = '您的浏览器不支持 WebGL，无法打开可缩放的地图；上图为示意图，各阵地见下方列表。';
const FAILED = '可缩放的地图未能加载；上图为示意图，各阵地见下方列表。';

/**
 * Runs `start` once the element is on screen (at once if it already is). Not before: MapLibre costs a phone
 * ~440 KB and seconds of CPU, which a visitor who reads the top of the page and never scrolls to the map
 * should not pay (with a 200 px head start, a street page's map below its short first screen loaded at once).
 */
function whenVisible(element: Element, start: () => void) {
  const box = element.getBoundingClientRect();
  const inView = box.top < window.innerHeight && box.bottom > 0 && box.width > 0;
  if (inView || !('IntersectionObserver' in window)) {
    start();
    return;
  }
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      observer.disconnect();
      start();
    }
  });
  observer.observe(element);
}

function readConfig<T>(element: HTMLElement): T {
  return JSON.parse(element.dataset.mapConfig ?? '{}') as T;
}

/**
 * The zoomable map of /map/ starts on request, over the drawing the page
 * already shows (MapPreview.astro): from the button under it, a tap on the
 * drawing, a change of filters, or an address that carries filters (a shared
 * view). Until then the page downloads no map library. If the map cannot
 * start, the drawing and the list stay, with a note saying why.
 */
function startFullMap(container: MapElement, controls: Controls) {
  const config = readConfig<MapAppConfig>(container);
  const frame = container.closest<HTMLElement>('[data-map-frame]');
  const button = frame?.querySelector<HTMLButtonElement>('[data-map-activate]') ?? null;
  const preview = container.querySelector<SVGElement>('[data-map-preview]');
  let started = false;

  const keepPreview = (reason: string) => {
    button?.remove();
    showNote(container, reason);
  };
  const start = () => {
    if (started) return;
    started = true;
    performance.mark('map:activate');
    if (!hasWebGL2()) {
      keepPreview(PREVIEW_ONLY);
      return;
    }
    container.dataset.state = 'loading';
    if (button) button.textContent = '正在打开地图…';
    loadStyles();
    // The data and the library download side by side.
    const data =
      config.format === 'geojson'
        ? Promise.resolve(undefined)
        : fetch(config.data).then((response) => {
            if (!response.ok) throw new Error(`${response.status} ${response.url}`);
            return response.json();
          });
    data.catch(() => undefined);
    import('./map-app.ts')
      .then(({ mountMap }) => mountMap(container, config, controls, data))
      .then((ok) => {
        container.dataset.state = ok ? 'ready' : 'failed';
        if (!ok) {
          keepPreview(PREVIEW_ONLY);
          return;
        }
        const hadFocus = button !== null && document.activeElement === button;
        preview?.remove();
        button?.remove();
        frame?.querySelector('[data-map-schematic="preview"]')?.remove();
        // Keyboard users land on the map, where the arrow keys pan and +/- zoom.
        if (hadFocus) container.map?.getCanvas().focus();
      })
      .catch((error: unknown) => {
        console.error(error);
        container.dataset.state = 'failed';
        keepPreview(FAILED);
      });
  };

  if (button) {
    button.hidden = false;
    button.addEventListener('click', start);
  }
  preview?.addEventListener('click', start);
  controls.onChange(start);
  if (Object.keys(controls.filters()).length > 0) start();
}

function startMiniMap(container: MapElement) {
  const config = readConfig<MiniMapConfig>(container);
  whenVisible(container, () => {
    if (!hasWebGL2()) {
      fallBack(container, '您的浏览器不支持 WebGL，无法显示地图。');
      return;
    }
    loadStyles();
    import('./mini-map.ts')
      .then(({ mountMiniMap }) => {
        const ok = mountMiniMap(container, config);
        container.dataset.state = ok ? 'ready' : 'failed';
        if (!ok) fallBack(container, '地图未能加载。');
      })
      .catch(() => fallBack(container, '地图未能加载。'));
  });
}

const app = document.querySelector<HTMLElement>('[data-map-app]');
if (app) {
  const controls = setupControls(app);
  const container = app.querySelector<MapElement>('[data-map]');
  if (container) startFullMap(container, controls);
}
for (const mini of document.querySelectorAll<MapElement>('[data-mini-map]')) startMiniMap(mini);
