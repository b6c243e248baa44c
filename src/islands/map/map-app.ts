/**
 * The full map of /map/: every public site, clustered, coloured by type, with
 * popups, filters (from the page's controls), a belt route view, "fit to
 * results" and "locate me". Loaded by loader.ts only once the map is asked
 * for (see startFullMap there) and WebGL2 is there.
 */
import {
  type GeoJSONSource,
  type LngLatBoundsLike,
  type MapGeoJSONFeature,
  type Map as MapLibreMap,
  Marker,
  NavigationControl,
  Popup,
  type RasterTileSource,
  ScaleControl,
} from 'maplibre-gl';
import { DISTRICT_BOUNDS } from '../../lib/geo.ts';
import { CLIENT_CLUSTER, type Cluster, clusterAt, clustersToGeoJSON, project } from '../../lib/map/cluster.ts';
import { SITE_TYPE_COLOURS } from '../../lib/map/colours.ts';
import {
  beltToGeoJSON,
  boundsOf,
  type CompactMapData,
  decodeDetails,
  decodeMapData,
  detailFileOf,
  type MapDetails,
  type MapModel,
  type MapSite,
  type SiteDetail,
  streetsToGeoJSON,
} from '../../lib/map/map-data.ts';
import { applyFilters } from '../../lib/map/map-filters.ts';
import { type BasemapConfig, contextData, MAP_IDS, mapStyle, tiandituTiles } from '../../lib/map/style.ts';
import { sitePath } from '../../lib/site/url.ts';
import type { Controls } from './controls.ts';
import { createMap } from './maplibre.ts';

export interface MapAppConfig {
  /** URL of the compact map data (or, for the benchmark's baseline, of a plain GeoJSON file). */
  data: string;
  /** Folder of the details files, under the base, e.g. /map-data/. */
  details: string;
  /** `geojson`: hand the URL straight to MapLibre (the plain baseline `npm run bench:map` compares against). */
  format?: 'compact' | 'geojson';
  basemap: BasemapConfig;
  labels: { types: Record<string, string> };
}

/** The map element, with the MapLibre map on it for tests and debugging. */
export type MapElement = HTMLElement & { map?: MapLibreMap };

const DISTRICT: LngLatBoundsLike = [
  [DISTRICT_BOUNDS.west, DISTRICT_BOUNDS.south],
  [DISTRICT_BOUNDS.east, DISTRICT_BOUNDS.north],
];
const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Builds the map into `container`. `data` is the already started fetch of the
 * map data. Resolves false when the map cannot start (the caller falls back).
 */
export async function mountMap(
  container: MapElement,
  config: MapAppConfig,
  controls: Controls,
  data: Promise<unknown>,
): Promise<boolean> {
  performance.mark('map:library');
  if (config.format === 'geojson') return mountPlain(container, config);
  const model = decodeMapData((await data) as CompactMapData);
  let filters = controls.filters();
  let shown = applyFilters(model.sites, filters);
  const streetLabels = streetsToGeoJSON(model.streets);
  // Clusters are computed here for the current zoom and view (see cluster.ts).
  const projected = project(model.sites);
  const included = new Uint8Array(model.sites.length);
  const include = () => {
    included.fill(0);
    for (const site of shown) included[site.index] = 1;
  };
  include();
  let clusters: Cluster[] = [];
  let computed: { level: number; bounds: [number, number, number, number] } | undefined;

  // The map starts without a style: its camera (fitted to the sites) tells which clusters to draw,
  // and the style then arrives with them, so MapLibre loads the sites once.
  const created = createMap({
    container,
    bounds: boundsFor(shown),
    fitBoundsOptions: { padding: 40, maxZoom: 15 },
    maxBounds: [
      [DISTRICT_BOUNDS.west - 0.3, DISTRICT_BOUNDS.south - 0.2],
      [DISTRICT_BOUNDS.east + 0.3, DISTRICT_BOUNDS.north + 0.2],
    ],
    minZoom: 9,
    maxZoom: 18,
    // Labels appear at once: a fade would cost extra frames before the map settles.
    fadeDuration: 0,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    // Full text on wide screens, a toggle on phones.
    attributionControl: {},
  });
  if (!created) return false;
  const map: MapLibreMap = created;
  container.map = map;

  /** The clusters and sites for the current view, or undefined when the last ones still cover it. */
  const siteFeatures = (force: boolean) => {
    const zoom = map.getZoom();
    const level = Math.floor(zoom);
    const view = map.getBounds();
    const [west, south, east, north] = [view.getWest(), view.getSouth(), view.getEast(), view.getNorth()];
    if (
      !force &&
      computed?.level === level &&
      west >= computed.bounds[0] &&
      south >= computed.bounds[1] &&
      east <= computed.bounds[2] &&
      north <= computed.bounds[3]
    ) {
      return undefined;
    }
    // A margin of one view on every side, so panning a little needs no update.
    const [dx, dy] = [east - west, north - south];
    const bounds: [number, number, number, number] = [west - dx, south - dy, east + dx, north + dy];
    // A belt's few stops are never merged: the route shows each one, numbered.
    const options = filters.belt ? { ...CLIENT_CLUSTER, noClusterFrom: 0 } : CLIENT_CLUSTER;
    const result = clusterAt(projected, zoom, options, bounds, (index) => included[index] === 1);
    clusters = result.clusters;
    computed = { level, bounds };
    return clustersToGeoJSON(result, (index) => model.sites[index]);
  };
  const refresh = (force = false) => {
    const features = siteFeatures(force);
    if (features) (map.getSource(MAP_IDS.sites) as GeoJSONSource | undefined)?.setData(features as never);
  };

  map.setStyle(
    mapStyle(config.basemap, {
      sites: siteFeatures(true),
      streets: streetLabels,
      belt: filters.belt ? beltToGeoJSON(model.sites, filters.belt) : undefined,
      cluster: 'client',
    }),
  );
  markFirstIdle(map);
  map.on('moveend', () => refresh());
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');

  const details = detailsLoader(config.details, model);
  const labels = config.labels;
  let popup: Popup | undefined;

  const setCount = () => {
    container.dataset.visibleSites = String(shown.length);
    controls.setStatus(shown.length);
  };
  controls.takeOverCount();
  setCount();

  const fitToResults = () => {
    const bounds = boundsFor(shown);
    map.fitBounds(bounds, { padding: 40, maxZoom: 15, animate: !reducedMotion() });
  };

  controls.onChange((next) => {
    filters = next;
    shown = applyFilters(model.sites, filters);
    include();
    popup?.remove();
    refresh(true);
    (map.getSource(MAP_IDS.context) as GeoJSONSource).setData(
      contextData({
        schematic: config.basemap.kind === 'schematic',
        streets: streetLabels,
        belt: filters.belt ? beltToGeoJSON(model.sites, filters.belt) : undefined,
      }) as never,
    );
    setCount();
    fitToResults();
  });

  // A click on a cluster zooms in to its sites; a click on a site opens its popup.
  const zoomInto = (cluster: Cluster) => {
    const current = map.getZoom();
    const camera = map.cameraForBounds(cluster.bounds, { padding: 60, maxZoom: CLIENT_CLUSTER.noClusterFrom });
    map.easeTo({
      center: camera?.center ?? [cluster.lng, cluster.lat],
      zoom: Math.min(map.getMaxZoom(), Math.max(camera?.zoom ?? 0, current + 1)),
      animate: !reducedMotion(),
    });
  };
  const clusterOf = (feature: MapGeoJSONFeature | undefined) => clusters[feature?.properties.cluster_id as number];
  const siteOf = (feature: MapGeoJSONFeature | undefined) => {
    const index = feature?.properties.i as number | undefined;
    return index === undefined ? undefined : model.sites[index];
  };
  map.on('click', MAP_IDS.clusters, (event) => {
    const cluster = clusterOf(event.features?.[0]);
    if (cluster) zoomInto(cluster);
  });
  const openFromFeature = (event: { features?: MapGeoJSONFeature[] }) => {
    const site = siteOf(event.features?.[0]);
    if (site) void openPopup(site, false);
  };
  map.on('click', MAP_IDS.points, openFromFeature);
  map.on('click', MAP_IDS.beltStops, openFromFeature);

  // The keyboard does what a click does: MapLibre pans with the arrow keys and zooms with + and -;
  // Enter or Space acts on the mark nearest the centre of the map, where a cross shows while it has focus.
  const canvas = map.getCanvas();
  const keysHelp = container.closest('[data-map-frame]')?.querySelector<HTMLElement>('[data-map-keys]');
  if (keysHelp) {
    keysHelp.hidden = false;
    canvas.setAttribute('aria-describedby', keysHelp.id);
  }
  canvas.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    const centre = map.project(map.getCenter());
    const reach = 40;
    const near = map
      .queryRenderedFeatures(
        [
          [centre.x - reach, centre.y - reach],
          [centre.x + reach, centre.y + reach],
        ],
        { layers: [MAP_IDS.clusters, MAP_IDS.points, MAP_IDS.beltStops] },
      )
      .map((feature) => {
        const [lng, lat] = (feature.geometry as unknown as { coordinates: [number, number] }).coordinates;
        return { feature, distance: map.project([lng, lat]).dist(centre) };
      })
      .sort((a, b) => a.distance - b.distance)[0]?.feature;
    const cluster = near?.layer.id === MAP_IDS.clusters ? clusterOf(near) : undefined;
    const site = cluster ? undefined : siteOf(near);
    if (cluster) {
      zoomInto(cluster);
      controls.announce(`十字处有 ${cluster.count} 个阵地，已放大地图。`);
    } else if (site) {
      void openPopup(site, true, undefined, canvas);
    } else {
      controls.announce('十字处没有阵地：请用方向键移动地图，或用 + 和 - 缩放。');
    }
  });

  for (const layer of [MAP_IDS.clusters, MAP_IDS.points, MAP_IDS.beltStops]) {
    map.on('mouseenter', layer, () => {
      map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', layer, () => {
      map.getCanvas().style.cursor = '';
    });
  }

  /** Opens a site's popup; with `focus`, its link takes focus, and Escape closes it and returns focus to `returnTo`. */
  async function openPopup(site: MapSite, focus: boolean, expectedId?: string, returnTo?: HTMLElement) {
    popup?.remove();
    const body = document.createElement('div');
    body.className = 'map-popup';
    body.textContent = '正在加载…';
    const current = new Popup({ closeButton: true, maxWidth: '19rem', focusAfterOpen: false })
      .setLngLat([site.lng, site.lat])
      .setDOMContent(body)
      .addTo(map);
    popup = current;
    if (focus) {
      current.getElement().addEventListener('keydown', (event) => {
        if (event.key !== 'Escape') return;
        current.remove();
        returnTo?.focus();
      });
    }
    let detail: SiteDetail | undefined;
    try {
      detail = await details(site.index);
    } catch {
      body.textContent = '阵地信息加载失败，请稍后再试。';
      return;
    }
    if (popup !== current || !detail) return;
    if (expectedId && detail.id !== expectedId) return;
    body.replaceChildren(...popupContent(site, detail, labels));
    if (focus) body.querySelector('a')?.focus();
  }

  // The list's "在地图上查看" buttons: fly to the site and open its popup, for keyboard and screen-reader users.
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('[data-show-site]');
    if (!button) return;
    const lng = Number(button.dataset.lng);
    const lat = Number(button.dataset.lat);
    const id = button.dataset.showSite ?? '';
    const candidates = model.sites.filter((site) => Math.abs(site.lng - lng) < 2e-5 && Math.abs(site.lat - lat) < 2e-5);
    void (async () => {
      let site = candidates[0];
      for (const candidate of candidates) {
        if ((await details(candidate.index))?.id === id) site = candidate;
      }
      if (!site) return;
      container.scrollIntoView({ block: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' });
      map.jumpTo({ center: [site.lng, site.lat], zoom: Math.max(map.getZoom(), CLIENT_CLUSTER.noClusterFrom) });
      await openPopup(site, true, id, button);
    })();
  });

  for (const button of document.querySelectorAll<HTMLElement>('[data-show-site]')) button.hidden = false;
  document.querySelector('[data-map-fit]')?.addEventListener('click', fitToResults);
  setupLocate(map, controls);
  setupImagery(map, config.basemap);
  return true;
}

/** Loads details files on demand, each once. */
function detailsLoader(base: string, model: MapModel) {
  const files = new Map<number, Promise<Map<number, SiteDetail>>>();
  return async (index: number) => {
    const file = detailFileOf(model, index);
    let loading = files.get(file);
    if (!loading) {
      loading = fetch(`${base}${file}.json`)
        .then((response) => {
          if (!response.ok) throw new Error(`${response.status} ${response.url}`);
          return response.json() as Promise<MapDetails>;
        })
        .then((json) => decodeDetails(json, model.categories));
      loading.catch(() => files.delete(file));
      files.set(file, loading);
    }
    return (await loading).get(index);
  };
}

/** The popup's content, built as DOM nodes (no HTML strings, so no markup from data). */
function popupContent(site: MapSite, detail: SiteDetail, labels: MapAppConfig['labels']): Node[] {
  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) => {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  };
  const link = (href: string, text: string) => {
    const anchor = element('a', text);
    anchor.href = href;
    return anchor;
  };
  const title = element('p', undefined, 'map-popup-title');
  title.append(link(sitePath(`/sites/${detail.id}/`), detail.name));
  const kind = element('p', undefined, 'map-popup-kind');
  const swatch = element('span', undefined, 'map-swatch');
  swatch.style.background = SITE_TYPE_COLOURS[site.type];
  kind.append(swatch, `${labels.types[site.type] ?? site.type} · ${site.streetName}`);
  const nodes: Node[] = [title, kind];
  if (site.belt) nodes.push(element('p', `${site.belt.name} 第 ${site.belt.order} 站`));
  nodes.push(element('p', `地址：${detail.address}`));
  if (detail.brands.length) {
    const brands = element('p', '品牌：');
    detail.brands.forEach((brand, position) => {
      if (position) brands.append('、');
      brands.append(link(sitePath(`/brands/${brand.id}/`), brand.title));
    });
    nodes.push(brands);
  }
  const more = element('p');
  more.append(link(sitePath(`/sites/${detail.id}/`), '查看阵地详情'));
  nodes.push(more);
  return nodes;
}

function boundsFor(sites: readonly MapSite[]): LngLatBoundsLike {
  const box = boundsOf(sites);
  if (!box) return DISTRICT;
  // A single site (or sites on one spot) gets a little room around it.
  const pad = 0.002;
  return [
    [box[0] - pad, box[1] - pad],
    [box[2] + pad, box[3] + pad],
  ];
}

/** "定位我的位置": shown only where the browser can and may locate (secure page, not denied). */
function setupLocate(map: MapLibreMap, controls: Controls) {
  const button = document.querySelector<HTMLButtonElement>('[data-map-locate]');
  if (!button || !('geolocation' in navigator) || !window.isSecureContext) return;
  const show = () => {
    button.hidden = false;
  };
  if (navigator.permissions?.query) {
    navigator.permissions
      .query({ name: 'geolocation' })
      .then((state) => {
        if (state.state !== 'denied') show();
      })
      .catch(show);
  } else {
    show();
  }
  let marker: Marker | undefined;
  button.addEventListener('click', () => {
    controls.announce('正在定位…');
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        const here: [number, number] = [coords.longitude, coords.latitude];
        marker?.remove();
        marker = new Marker({ color: '#0b57d0' }).setLngLat(here).addTo(map);
        map.flyTo({ center: here, zoom: 15, animate: !reducedMotion() });
        controls.announce('已定位到您的位置（蓝色标记）。');
      },
      () => controls.announce('无法获取您的位置，请检查浏览器的定位权限。'),
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  });
}

/** The 影像地图 toggle (PUBLIC_MAP_IMAGERY): Tianditu imagery img_w + cia_w instead of vec_w + cva_w. */
function setupImagery(map: MapLibreMap, basemap: BasemapConfig) {
  const button = document.querySelector<HTMLButtonElement>('[data-map-imagery]');
  const key = basemap.kind === 'tianditu' ? basemap.key : undefined;
  if (!button || !key) return;
  button.hidden = false;
  button.addEventListener('click', () => {
    const imagery = button.getAttribute('aria-pressed') !== 'true';
    (map.getSource(MAP_IDS.basemap) as RasterTileSource).setTiles(tiandituTiles(imagery ? 'img' : 'vec', key));
    (map.getSource(MAP_IDS.basemapLabels) as RasterTileSource).setTiles(tiandituTiles(imagery ? 'cia' : 'cva', key));
    button.setAttribute('aria-pressed', String(imagery));
  });
}

/** The plain baseline for `npm run bench:map`: clustered GeoJSON straight from a URL, nothing else. */
function mountPlain(container: MapElement, config: MapAppConfig): boolean {
  const map = createMap({
    container,
    style: mapStyle(config.basemap, { sites: config.data, cluster: true }),
    bounds: DISTRICT,
    fitBoundsOptions: { padding: 40 },
    fadeDuration: 0,
    attributionControl: { compact: false },
  });
  if (!map) return false;
  container.map = map;
  markFirstIdle(map);
  return true;
}

/** A performance mark when the map first settles (read by npm run bench:map, and by any RUM tool). */
function markFirstIdle(map: MapLibreMap) {
  performance.mark('map:created');
  map.once('load', () => performance.mark('map:load'));
  map.once('idle', () => performance.mark('map:first-idle'));
}
