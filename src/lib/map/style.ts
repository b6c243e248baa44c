/**
 * MapLibre styles for the two basemaps, and the layers the site draws on top.
 *
 * - Schematic (default): drawn from the project's own data only, with no key
 *   and no network: a background, the district's extent as a soft rectangle
 *   (an extent, not a boundary: publishing boundaries needs map review), the
 *   street names at their points, and the sites on top. It is a 示意图.
 * - Tianditu (production, with a key): the official basemap's raster tiles,
 *   vector map `vec_w` + labels `cva_w`, or imagery `img_w` + `cia_w`, credited
 *   with Tianditu and its review number (审图号).
 *
 * Neither style has `glyphs`: MapLibre then draws every label, Chinese
 * included, with the browser's own fonts, and fetches no font files.
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { DISTRICT_BOUNDS } from '../geo.ts';
import { MAP_COLOURS, SITE_TYPE_COLOURS } from './colours.ts';

/** Local font families, tried in order (MapLibre uses `text-font` as CSS families when there are no glyphs). */
export const MAP_FONTS = ['Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'Source Han Sans SC', 'sans-serif'];

/** Source and layer ids, shared by the style and the page script. */
export const MAP_IDS = {
  sites: 'sites',
  /** One source for everything but the sites: district extent, street names, belt route and stops. */
  context: 'context',
  clusters: 'site-clusters',
  clusterCount: 'site-cluster-count',
  points: 'site-points',
  pointLabels: 'site-labels',
  beltRoute: 'belt-route',
  beltStops: 'belt-stops',
  beltNumbers: 'belt-numbers',
  streetLabels: 'street-labels',
  districtExtent: 'district-extent',
  background: 'background',
  basemap: 'tianditu',
  basemapLabels: 'tianditu-labels',
} as const;

/** MapLibre's own clustering (plain mode only): three or more points within 30 px merge, up to zoom 14. */
export const CLUSTER = { radius: 30, maxZoom: 14, minPoints: 3 } as const;

/** What the layers start with; the page can replace either source's data later. */
export interface OverlayData {
  /** GeoJSON of the sites (features with `type` and `i`), or a URL. */
  sites: unknown;
  /** GeoJSON of the street label points (drawn on the schematic only). */
  streets?: FeatureCollectionLike;
  /** GeoJSON of a belt route and its stops (kind: route | stop). */
  belt?: FeatureCollectionLike;
  /**
   * Clusters: `'client'` when the page computes them (the full map: see
   * cluster.ts), `true` to let MapLibre cluster the source (the plain
   * baseline of npm run bench:map), none for a mini-map with a few points.
   */
  cluster?: boolean | 'client';
}

/** Any GeoJSON FeatureCollection (kept loose: callers build them as plain objects). */
export interface FeatureCollectionLike {
  type: string;
  features: readonly { properties?: unknown }[];
}

/** Says on the map itself that the default basemap is a schematic, not a standard map. */
export const SCHEMATIC_ATTRIBUTION = '示意图：仅示意阵地大致位置，不是标准地图，不表示行政区界线';

/** Cluster circle radius by member count: `[radius, from count, radius, …]`, a MapLibre `step` expression's stops. */
export const CLUSTER_RADIUS_STEPS = [14, 10, 18, 100, 23, 1000, 28] as const;

/** Circle colour by site type, from the one colour table. */
export const siteColourExpression = () =>
  ['match', ['get', 'type'], ...Object.entries(SITE_TYPE_COLOURS).flat(), SITE_TYPE_COLOURS.other] as unknown as string;

/** The district's extent as a rectangle polygon, with a margin so edge points sit inside. */
export function districtExtent(margin = 0.006) {
  const { west, east, south, north } = DISTRICT_BOUNDS;
  const [w, e, s, n] = [west - margin, east + margin, south - margin, north + margin];
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [w, s],
              [e, s],
              [e, n],
              [w, n],
              [w, s],
            ],
          ],
        },
        properties: { kind: 'district' },
      },
    ],
  };
}

/**
 * The context source's data: on the schematic, the district extent and the
 * street names (kind: district, street); on either basemap, the belt route and
 * stops (kind: route, stop). One source instead of three means fewer tiles for
 * MapLibre's worker to cut and fewer frames before the map settles.
 */
export function contextData(options: {
  schematic: boolean;
  streets?: FeatureCollectionLike;
  belt?: FeatureCollectionLike;
}) {
  const tagged = (collection: FeatureCollectionLike | undefined, kind?: string) =>
    (collection?.features ?? []).map((feature) =>
      kind ? { ...feature, properties: { ...(feature.properties as object), kind } } : feature,
    );
  return {
    type: 'FeatureCollection' as const,
    features: [
      ...(options.schematic ? [...districtExtent().features, ...tagged(options.streets, 'street')] : []),
      ...tagged(options.belt),
    ],
  };
}

/** The layers drawn over either basemap: belt route, clusters, points, labels. */
export function overlayLayers(options: { cluster: boolean }): LayerSpecification[] {
  const font = MAP_FONTS;
  const unclustered = options.cluster ? (['!', ['has', 'point_count']] as const) : undefined;
  const layers: LayerSpecification[] = [
    {
      id: MAP_IDS.beltRoute,
      type: 'line',
      source: MAP_IDS.context,
      filter: ['==', ['get', 'kind'], 'route'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': MAP_COLOURS.belt, 'line-width': 4, 'line-opacity': 0.85 },
    },
  ];
  if (options.cluster) {
    layers.push(
      {
        id: MAP_IDS.clusters,
        type: 'circle',
        source: MAP_IDS.sites,
        filter: ['has', 'point_count'],
        paint: {
          'circle-color': MAP_COLOURS.cluster,
          'circle-opacity': 0.9,
          'circle-radius': ['step', ['get', 'point_count'], ...CLUSTER_RADIUS_STEPS],
          'circle-stroke-color': MAP_COLOURS.pointStroke,
          'circle-stroke-width': 2,
        },
      },
      {
        id: MAP_IDS.clusterCount,
        type: 'symbol',
        source: MAP_IDS.sites,
        filter: ['has', 'point_count'],
        layout: {
          'text-field': ['get', 'point_count_abbreviated'],
          'text-font': font,
          'text-size': 14,
          'text-allow-overlap': true,
          'text-ignore-placement': true,
        },
        paint: { 'text-color': MAP_COLOURS.clusterText },
      },
    );
  }
  layers.push(
    {
      id: MAP_IDS.points,
      type: 'circle',
      source: MAP_IDS.sites,
      ...(unclustered ? { filter: unclustered as never } : {}),
      paint: {
        'circle-color': siteColourExpression(),
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 6, 16, 10],
        'circle-stroke-color': MAP_COLOURS.pointStroke,
        'circle-stroke-width': 2,
      },
    },
    ...(options.cluster
      ? []
      : [
          {
            // Names beside the points of a mini-map (its features carry `name`; the full map's do not).
            id: MAP_IDS.pointLabels,
            type: 'symbol',
            source: MAP_IDS.sites,
            filter: ['has', 'name'],
            layout: {
              'text-field': ['get', 'name'],
              'text-font': font,
              'text-size': 13,
              'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
              'text-radial-offset': 1,
              'text-max-width': 10,
            },
            paint: {
              'text-color': MAP_COLOURS.streetLabel,
              'text-halo-color': MAP_COLOURS.streetLabelHalo,
              'text-halo-width': 1.5,
            },
          } satisfies LayerSpecification,
        ]),
    {
      id: MAP_IDS.beltStops,
      type: 'circle',
      source: MAP_IDS.context,
      filter: ['==', ['get', 'kind'], 'stop'],
      paint: {
        'circle-color': MAP_COLOURS.belt,
        'circle-radius': 11,
        'circle-stroke-color': MAP_COLOURS.pointStroke,
        'circle-stroke-width': 2,
      },
    },
    {
      id: MAP_IDS.beltNumbers,
      type: 'symbol',
      source: MAP_IDS.context,
      filter: ['==', ['get', 'kind'], 'stop'],
      layout: {
        'text-field': ['to-string', ['get', 'order']],
        'text-font': font,
        'text-size': 13,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': MAP_COLOURS.beltText },
    },
  );
  return layers;
}

function overlaySources(data: OverlayData, schematic: boolean): StyleSpecification['sources'] {
  return {
    [MAP_IDS.context]: {
      type: 'geojson',
      data: contextData({ schematic, streets: data.streets, belt: data.belt }) as never,
      ...(schematic ? { attribution: SCHEMATIC_ATTRIBUTION } : {}),
    },
    [MAP_IDS.sites]: {
      type: 'geojson',
      data: data.sites as never,
      ...(data.cluster === true
        ? {
            cluster: true,
            clusterRadius: CLUSTER.radius,
            clusterMaxZoom: CLUSTER.maxZoom,
            clusterMinPoints: CLUSTER.minPoints,
          }
        : {}),
    },
  };
}

/** The default, offline basemap: a schematic of the district from the site's own data. */
export function schematicStyle(data: OverlayData): StyleSpecification {
  return {
    version: 8,
    name: '海珠区示意图',
    sources: {
      ...overlaySources(data, true),
    },
    layers: [
      { id: MAP_IDS.background, type: 'background', paint: { 'background-color': MAP_COLOURS.background } },
      {
        id: MAP_IDS.districtExtent,
        type: 'fill',
        source: MAP_IDS.context,
        filter: ['==', ['get', 'kind'], 'district'],
        paint: { 'fill-color': MAP_COLOURS.districtFill },
      },
      {
        id: MAP_IDS.streetLabels,
        type: 'symbol',
        source: MAP_IDS.context,
        filter: ['==', ['get', 'kind'], 'street'],
        layout: {
          'text-field': ['get', 'name'],
          'text-font': MAP_FONTS,
          'text-size': ['interpolate', ['linear'], ['zoom'], 11, 12, 15, 16],
          'text-padding': 4,
          // Beside the street's point, where its sites and clusters usually sit.
          'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
          'text-radial-offset': 1.6,
        },
        paint: {
          'text-color': MAP_COLOURS.streetLabel,
          'text-halo-color': MAP_COLOURS.streetLabelHalo,
          'text-halo-width': 1.5,
        },
      },
      ...overlayLayers({ cluster: Boolean(data.cluster) }),
    ],
  };
}

export interface TiandituOptions {
  /** The browser key (tk) from the Tianditu console. */
  key: string;
  /** The basemap's review number, e.g. GS(2024)0568号, as published by Tianditu; empty when not configured. */
  reviewNumber?: string;
  /** Imagery (`img_w` + `cia_w`) instead of the vector map (`vec_w` + `cva_w`). */
  imagery?: boolean;
}

/** A Tianditu WMTS tile URL template in Web Mercator, over the eight tile hosts t0–t7. */
export function tiandituTiles(layer: 'vec' | 'cva' | 'img' | 'cia', key: string): string[] {
  return Array.from(
    { length: 8 },
    (_, host) =>
      `https://t${host}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}` +
      `&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`,
  );
}

/** The attribution Tianditu's terms ask for: its name and the basemap's review number. */
export function tiandituAttribution(reviewNumber = ''): string {
  const review = reviewNumber.trim()
    ? `审图号：${escapeHtml(reviewNumber.trim())}`
    : '审图号未配置（请设置 PUBLIC_TIANDITU_REVIEW_NUMBER）';
  return `<a href="https://www.tianditu.gov.cn/" target="_blank" rel="noopener">天地图</a> ${review}`;
}

/** The production basemap: Tianditu raster tiles, with the site's layers on top. */
export function tiandituStyle(options: TiandituOptions, data: OverlayData): StyleSpecification {
  const [base, labels] = options.imagery ? (['img', 'cia'] as const) : (['vec', 'cva'] as const);
  const raster = (layer: typeof base | typeof labels, attribution?: string) => ({
    type: 'raster' as const,
    tiles: tiandituTiles(layer, options.key),
    tileSize: 256,
    minzoom: 1,
    maxzoom: 18,
    ...(attribution ? { attribution } : {}),
  });
  return {
    version: 8,
    name: options.imagery ? '天地图影像' : '天地图矢量',
    sources: {
      [MAP_IDS.basemap]: raster(base, tiandituAttribution(options.reviewNumber)),
      [MAP_IDS.basemapLabels]: raster(labels),
      ...overlaySources(data, false),
    },
    layers: [
      { id: MAP_IDS.background, type: 'background', paint: { 'background-color': MAP_COLOURS.background } },
      { id: MAP_IDS.basemap, type: 'raster', source: MAP_IDS.basemap },
      { id: MAP_IDS.basemapLabels, type: 'raster', source: MAP_IDS.basemapLabels },
      ...overlayLayers({ cluster: Boolean(data.cluster) }),
    ],
  };
}

/** Which basemap the build uses, from the PUBLIC_* settings. */
export interface BasemapConfig {
  kind: 'schematic' | 'tianditu';
  key?: string;
  reviewNumber?: string;
  /** Offer the imagery basemap as a toggle. */
  imageryToggle?: boolean;
}

/** Reads the basemap settings: Tianditu only when a key is set. */
export function basemapConfig(env: Record<string, string | undefined>): BasemapConfig {
  const key = env.PUBLIC_TIANDITU_KEY?.trim();
  if (!key) return { kind: 'schematic' };
  const imagery = (env.PUBLIC_MAP_IMAGERY ?? '').trim().toLowerCase();
  return {
    kind: 'tianditu',
    key,
    reviewNumber: env.PUBLIC_TIANDITU_REVIEW_NUMBER?.trim() ?? '',
    imageryToggle: ['1', 'true', 'yes', 'toggle', 'on'].includes(imagery),
  };
}

/** The style for a configuration. */
export function mapStyle(config: BasemapConfig, data: OverlayData, imagery = false): StyleSpecification {
  return config.kind === 'tianditu' && config.key
    ? tiandituStyle({ key: config.key, reviewNumber: config.reviewNumber, imagery }, data)
    : schematicStyle(data);
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string,
  );
}
