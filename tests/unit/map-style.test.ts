import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { contrastRatio, MAP_COLOURS, SITE_TYPE_COLOURS } from '../../src/lib/map/colours.ts';
import {
  basemapConfig,
  contextData,
  MAP_IDS,
  mapStyle,
  SCHEMATIC_ATTRIBUTION,
  schematicStyle,
  tiandituAttribution,
  tiandituStyle,
} from '../../src/lib/map/style.ts';
import { SITE_TYPES } from '../../src/schema/index.ts';

const EMPTY = { type: 'FeatureCollection', features: [] };
const streets = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [113.2557, 23.1017] },
      properties: { name: '龙凤街道' },
    },
  ],
};

/** Every string anywhere in a value. */
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(strings)
        : [];

describe('the schematic basemap (default: no key, no network)', () => {
  const style = schematicStyle({ sites: EMPTY, streets, cluster: true });

  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style as never)).toEqual([]);
  });

  it('has no glyphs, sprite or tiles, and names no URL at all, so it loads nothing from anywhere', () => {
    expect(style).not.toHaveProperty('glyphs');
    expect(style).not.toHaveProperty('sprite');
    for (const source of Object.values(style.sources)) {
      expect(source.type).toBe('geojson');
      expect(source).not.toHaveProperty('tiles');
      expect(source).not.toHaveProperty('url');
    }
    expect(strings(style).filter((text) => /^(https?:)?\/\//.test(text))).toEqual([]);
  });

  it('draws background, the district extent (fill only, no outline), street names, then the sites on top', () => {
    const ids = style.layers.map((layer) => layer.id);
    expect(ids.slice(0, 3)).toEqual([MAP_IDS.background, MAP_IDS.districtExtent, MAP_IDS.streetLabels]);
    expect(ids.indexOf(MAP_IDS.points)).toBeGreaterThan(ids.indexOf(MAP_IDS.streetLabels));
    expect(ids).toEqual(
      expect.arrayContaining([MAP_IDS.clusters, MAP_IDS.clusterCount, MAP_IDS.beltRoute, MAP_IDS.beltNumbers]),
    );
    expect(style.layers.find((layer) => layer.id === MAP_IDS.districtExtent)?.type).toBe('fill');
    // No line layer draws any boundary: the only line is the belt route.
    expect(style.layers.filter((layer) => layer.type === 'line').map((layer) => layer.id)).toEqual([MAP_IDS.beltRoute]);
  });

  it('says it is a schematic (示意图) in its attribution', () => {
    const attributions = strings(
      Object.values(style.sources).map((source) => (source as { attribution?: string }).attribution),
    );
    expect(attributions.join()).toContain('示意图');
    expect(SCHEMATIC_ATTRIBUTION).toContain('不是标准地图');
  });

  it('clusters the full map’s sites, and not a mini-map’s', () => {
    expect(style.sources[MAP_IDS.sites]).toMatchObject({ type: 'geojson', cluster: true });
    const mini = schematicStyle({ sites: EMPTY, streets, cluster: false });
    expect(mini.sources[MAP_IDS.sites]).not.toHaveProperty('cluster');
    expect(mini.layers.some((layer) => layer.id === MAP_IDS.clusters)).toBe(false);
    expect(validateStyleMin(mini as never)).toEqual([]);
  });

  it('colours sites by type from the one colour table', () => {
    const points = style.layers.find((layer) => layer.id === MAP_IDS.points) as { paint: Record<string, unknown> };
    const colours = strings(points.paint['circle-color']);
    for (const [type, colour] of Object.entries(SITE_TYPE_COLOURS)) {
      expect(colours).toContain(type);
      expect(colours).toContain(colour);
    }
    expect(Object.keys(SITE_TYPE_COLOURS).sort()).toEqual(Object.keys(SITE_TYPES).sort());
  });

  it('puts the district extent, street names and belt into one context source, tagged by kind', () => {
    const data = contextData({
      schematic: true,
      streets,
      belt: { type: 'FeatureCollection', features: [{ properties: { kind: 'stop', order: 1 } }] },
    });
    expect(data.features.map((feature) => (feature.properties as { kind: string }).kind)).toEqual([
      'district',
      'street',
      'stop',
    ]);
    expect(contextData({ schematic: false, streets }).features).toEqual([]);
  });
});

describe('site colours', () => {
  it('keep at least 3:1 contrast against both schematic backgrounds (WCAG non-text contrast)', () => {
    for (const [type, colour] of Object.entries(SITE_TYPE_COLOURS)) {
      for (const ground of [MAP_COLOURS.background, MAP_COLOURS.districtFill]) {
        expect(contrastRatio(colour, ground), `${type} on ${ground}`).toBeGreaterThanOrEqual(3);
      }
    }
    expect(contrastRatio(MAP_COLOURS.cluster, MAP_COLOURS.districtFill)).toBeGreaterThanOrEqual(3);
  });

  it('keep numbers and labels readable (4.5:1)', () => {
    expect(contrastRatio(MAP_COLOURS.clusterText, MAP_COLOURS.cluster)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(MAP_COLOURS.beltText, MAP_COLOURS.belt)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(MAP_COLOURS.streetLabel, MAP_COLOURS.districtFill)).toBeGreaterThanOrEqual(4.5);
  });

  it('are distinct from each other', () => {
    expect(new Set(Object.values(SITE_TYPE_COLOURS)).size).toBe(Object.keys(SITE_TYPE_COLOURS).length);
  });
});

describe('the Tianditu basemap (production, with a key)', () => {
  const style = tiandituStyle({ key: 'KEY123', reviewNumber: 'GS(2099)0000号' }, { sites: EMPTY, cluster: true });

  it('is a valid MapLibre style without glyphs', () => {
    expect(validateStyleMin(style as never)).toEqual([]);
    expect(style).not.toHaveProperty('glyphs');
  });

  it('uses vec_w with cva_w labels on the eight Tianditu hosts, in Web Mercator, with the key', () => {
    const base = style.sources[MAP_IDS.basemap] as { tiles: string[]; type: string };
    const labels = style.sources[MAP_IDS.basemapLabels] as { tiles: string[] };
    expect(base.type).toBe('raster');
    expect(base.tiles).toHaveLength(8);
    expect(base.tiles[0]).toBe(
      'https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY123',
    );
    expect(base.tiles[7]).toMatch(/^https:\/\/t7\.tianditu\.gov\.cn\/vec_w\//);
    expect(labels.tiles[0]).toMatch(/\/cva_w\/wmts\?.*LAYER=cva&.*tk=KEY123$/);
  });

  it('uses img_w with cia_w for imagery', () => {
    const imagery = tiandituStyle({ key: 'K', imagery: true }, { sites: EMPTY });
    expect((imagery.sources[MAP_IDS.basemap] as { tiles: string[] }).tiles[0]).toContain('/img_w/wmts?');
    expect((imagery.sources[MAP_IDS.basemapLabels] as { tiles: string[] }).tiles[0]).toContain('LAYER=cia');
  });

  it('calls no provider but Tianditu', () => {
    const hosts = strings(style)
      .filter((text) => /^https?:\/\//.test(text))
      .map((url) => new URL(url.replace(/[{}]/g, '')).hostname);
    expect(hosts.length).toBeGreaterThan(0);
    for (const host of hosts) expect(host).toMatch(/^t[0-7]\.tianditu\.gov\.cn$|^www\.tianditu\.gov\.cn$/);
  });

  it('credits Tianditu with the configured review number, or says to configure one', () => {
    const attribution = (style.sources[MAP_IDS.basemap] as { attribution: string }).attribution;
    expect(attribution).toContain('天地图');
    expect(attribution).toContain('审图号：GS(2099)0000号');
    expect(tiandituAttribution('')).toContain('PUBLIC_TIANDITU_REVIEW_NUMBER');
    expect(tiandituAttribution('')).not.toMatch(/GS\(\d{4}\)/);
    expect(tiandituAttribution('<b>x</b>')).not.toContain('<b>');
  });

  it('draws the same site layers over it, and no schematic extent or street labels', () => {
    const ids = style.layers.map((layer) => layer.id);
    expect(ids).toEqual(
      expect.arrayContaining([MAP_IDS.basemap, MAP_IDS.basemapLabels, MAP_IDS.points, MAP_IDS.clusters]),
    );
    expect(ids).not.toContain(MAP_IDS.districtExtent);
    expect(ids).not.toContain(MAP_IDS.streetLabels);
  });
});

describe('basemap configuration from PUBLIC_* variables', () => {
  it('is the schematic without a key, and Tianditu with one', () => {
    expect(basemapConfig({})).toEqual({ kind: 'schematic' });
    expect(basemapConfig({ PUBLIC_TIANDITU_KEY: '  ' })).toEqual({ kind: 'schematic' });
    expect(
      basemapConfig({
        PUBLIC_TIANDITU_KEY: 'k',
        PUBLIC_TIANDITU_REVIEW_NUMBER: ' GS(2099)0000号 ',
        PUBLIC_MAP_IMAGERY: 'true',
      }),
    ).toEqual({ kind: 'tianditu', key: 'k', reviewNumber: 'GS(2099)0000号', imageryToggle: true });
    expect(basemapConfig({ PUBLIC_TIANDITU_KEY: 'k' }).imageryToggle).toBe(false);
  });

  it('picks the style to match', () => {
    expect(mapStyle({ kind: 'schematic' }, { sites: EMPTY }).name).toBe('海珠区示意图');
    expect(mapStyle({ kind: 'tianditu', key: 'k' }, { sites: EMPTY }).name).toBe('天地图矢量');
    expect(mapStyle({ kind: 'tianditu', key: 'k' }, { sites: EMPTY }, true).name).toBe('天地图影像');
  });
});
