import { describe, expect, it } from 'vitest';
import { buildCatalog, type Item } from '../../src/lib/catalog.ts';
import {
  beltStops,
  beltToGeoJSON,
  boundsOf,
  buildMapData,
  decodeDetails,
  decodeMapData,
  detailFileOf,
  type MapDataFiles,
  type SiteDetail,
  sitesToGeoJSON,
  streetsToGeoJSON,
  toPlainGeoJSON,
} from '../../src/lib/map/map-data.ts';
import {
  type Belt,
  BRAND_CATEGORIES,
  type Brand,
  type BrandCategory,
  SITE_TYPES,
  type Site,
  type SiteType,
  type Street,
} from '../../src/schema/index.ts';

const item = <T>(id: string, data: T): Item<T> => ({ id, data, entry: undefined });
const TABLES = {
  types: Object.keys(SITE_TYPES) as SiteType[],
  categories: Object.keys(BRAND_CATEGORIES) as BrandCategory[],
};

const street = (id: string, code: string, name: string, lng: number, lat: number) =>
  item<Street>(id, {
    id,
    code,
    name,
    shortName: name.replace('街道', ''),
    point: { lng, lat },
    intro: '简介简介简介简介简介',
  });

const brand = (id: string, street: string, category: BrandCategory, sites: string[] = []) =>
  item<Brand>(id, {
    id,
    title: `品牌${id}`,
    street,
    organisation: '党工委',
    category,
    tagline: '一句话介绍',
    summary: 'CANARY-BRAND-SUMMARY',
    gallery: [],
    tags: ['CANARY-TAG'],
    year: 2022,
    status: 'selected',
    figures: [],
    sites,
    sample: false,
  });

const site = (id: string, fields: Partial<Site> & Pick<Site, 'street' | 'point'>) =>
  item<Site>(id, {
    id,
    name: `阵地${id}`,
    type: 'demo-point',
    address: `海珠区某路${id}号`,
    brands: [],
    photos: [{ src: 'images/x.svg', alt: 'CANARY-PHOTO-ALT' }],
    hours: 'CANARY-HOURS',
    community: 'CANARY-COMMUNITY',
    sample: true,
    ...fields,
  });

function catalog() {
  const streets = [
    street('longfeng', '440105009', '龙凤街道', 113.2557, 23.1017),
    street('pazhou', '440105015', '琶洲街道', 113.3695, 23.1025),
  ];
  const brands = [
    brand('yuxiuge', 'longfeng', 'governance', ['longfeng-centre']),
    brand('digital', 'pazhou', 'digital-economy'),
    brand('growth', 'pazhou', 'high-quality'),
  ];
  const belts = [
    item<Belt>('belt', { id: 'belt', name: '琶洲示范带', description: '示范带简介示范带简介', sample: false }),
  ];
  const sites = [
    site('longfeng-centre', { street: 'longfeng', type: 'service-centre', point: { lng: 113.25573, lat: 23.10171 } }),
    // Linked from the site's side only, and to two brands of different categories.
    site('pazhou-b', {
      street: 'pazhou',
      type: 'belt-stop',
      point: { lng: 113.371234, lat: 23.104567 },
      brands: ['digital', 'growth'],
      belt: { belt: 'belt', order: 2 },
    }),
    site('pazhou-a', {
      street: 'pazhou',
      type: 'belt-stop',
      point: { lng: 113.365, lat: 23.1011 },
      brands: ['digital'],
      belt: { belt: 'belt', order: 1 },
    }),
    site('pazhou-c', {
      street: 'pazhou',
      type: 'enterprise',
      point: { lng: 113.38, lat: 23.099 },
      brands: ['no-such-brand'],
      belt: { belt: 'belt', order: 3 },
    }),
  ];
  // A field no schema has (as if a private one slipped through): the map must not read it.
  (sites[0]?.data as unknown as Record<string, unknown>).contactPhone = 'CANARY-PRIVATE-PHONE';
  return buildCatalog({ streets, brands, belts, sites, campaigns: [], submissions: [] });
}

function allDetails(files: MapDataFiles) {
  const model = decodeMapData(files.data);
  const details = new Map<number, SiteDetail>();
  for (const file of files.details)
    for (const [index, detail] of decodeDetails(file, model.categories)) details.set(index, detail);
  return { model, details };
}

describe('map data from the public catalog', () => {
  const files = buildMapData(catalog(), TABLES);
  const { model, details } = allDetails(files);

  it('has one site per public site, with positions within a metre', () => {
    const source = catalog().sites;
    expect(model.sites).toHaveLength(source.length);
    for (const original of source) {
      const index = [...details.entries()].find(([, detail]) => detail.id === original.id)?.[0];
      expect(index, original.id).toBeDefined();
      const decoded = model.sites[index as number];
      expect(Math.abs((decoded?.lng ?? 0) - original.data.point.lng)).toBeLessThan(1e-5);
      expect(Math.abs((decoded?.lat ?? 0) - original.data.point.lat)).toBeLessThan(1e-5);
      expect(decoded?.type).toBe(original.data.type);
      expect(decoded?.street).toBe(original.data.street);
    }
  });

  it('carries public fields only: id, name, type, street, brands, categories, belt stop and address — nothing else', () => {
    const text = JSON.stringify(files);
    for (const canary of [
      'CANARY-HOURS',
      'CANARY-COMMUNITY',
      'CANARY-PHOTO-ALT',
      'CANARY-PRIVATE-PHONE',
      'CANARY-BRAND-SUMMARY',
      'CANARY-TAG',
    ]) {
      expect(text).not.toContain(canary);
    }
    expect(Object.keys(files.data.sites).sort()).toEqual(['belt', 'categories', 'street', 'type', 'x', 'y']);
    for (const file of files.details) {
      expect(Object.keys(file).sort()).toEqual(['address', 'brandTable', 'brands', 'first', 'format', 'id', 'name']);
      expect(Object.keys(file.brandTable).sort()).toEqual(['category', 'id', 'title']);
    }
    const plain = toPlainGeoJSON(model, details);
    for (const feature of plain.features) {
      expect(Object.keys(feature.properties).sort()).toEqual(
        expect.arrayContaining([
          'address',
          'brandTitles',
          'brands',
          'categories',
          'id',
          'name',
          'street',
          'streetName',
          'type',
        ]),
      );
      expect(Object.keys(feature.properties).length).toBeLessThanOrEqual(11);
    }
  });

  it('links brands recorded on either side, keeps only known brands, and lists their categories', () => {
    const byId = (id: string) => [...details.entries()].find(([, detail]) => detail.id === id) as [number, SiteDetail];
    const [centre, centreDetail] = byId('longfeng-centre');
    expect(centreDetail.brands.map((b) => b.id)).toEqual(['yuxiuge']);
    expect(model.sites[centre]?.categories).toEqual(['governance']);
    const [b, bDetail] = byId('pazhou-b');
    expect(bDetail.brands.map((x) => x.title).sort()).toEqual(['品牌digital', '品牌growth']);
    expect(model.sites[b]?.categories.sort()).toEqual(['digital-economy', 'high-quality']);
    const [c, cDetail] = byId('pazhou-c');
    expect(cDetail.brands).toEqual([]);
    expect(model.sites[c]?.categories).toEqual([]);
    expect(model.sites[c]?.streetName).toBe('琶洲街道');
  });

  it('one small GeoJSON feature per site: its index and type, for the colour', () => {
    const geojson = sitesToGeoJSON(model.sites);
    expect(geojson.features).toHaveLength(model.sites.length);
    expect(new Set(geojson.features.map((feature) => feature.id)).size).toBe(model.sites.length);
    for (const feature of geojson.features) {
      expect(Object.keys(feature.properties).sort()).toEqual(['i', 'type']);
      const site = model.sites[feature.properties.i];
      expect(feature.geometry.coordinates).toEqual([site?.lng, site?.lat]);
    }
    expect(streetsToGeoJSON(model.streets).features.map((feature) => feature.properties.name)).toEqual([
      '龙凤街道',
      '琶洲街道',
    ]);
  });

  it('orders a belt’s stops by their order and joins them into one route', () => {
    const stops = beltStops(model.sites, 'belt');
    expect(stops.map((stop) => details.get(stop.index)?.id)).toEqual(['pazhou-a', 'pazhou-b', 'pazhou-c']);
    const geojson = beltToGeoJSON(model.sites, 'belt');
    const route = geojson.features.find((feature) => feature.properties.kind === 'route');
    expect(route?.geometry.coordinates).toEqual(stops.map((stop) => [stop.lng, stop.lat]));
    expect(
      geojson.features
        .filter((feature) => feature.properties.kind === 'stop')
        .map((feature) => feature.properties.order),
    ).toEqual([1, 2, 3]);
    expect(stops[0]?.belt).toEqual({ id: 'belt', name: '琶洲示范带', order: 1 });
    expect(beltToGeoJSON(model.sites, 'other').features).toEqual([]);
  });

  it('splits names and addresses into details files of `chunk` sites, found by index', () => {
    const small = buildMapData(catalog(), { ...TABLES, chunk: 2 });
    expect(small.details).toHaveLength(2);
    const decoded = decodeMapData(small.data);
    for (let index = 0; index < decoded.sites.length; index++) {
      const file = small.details[detailFileOf(decoded, index)];
      expect(file && decodeDetails(file, decoded.categories).has(index)).toBe(true);
    }
  });

  it('is compact: coordinates are small integer differences, and the file is JSON with no repeated keys per site', () => {
    expect(files.data.sites.x.every(Number.isInteger)).toBe(true);
    expect(files.data.sites.y.every(Number.isInteger)).toBe(true);
    // Keys appear once per column, not once per site (here `lng` is the streets table's column).
    expect(JSON.stringify(files.data).match(/"lng"/g)).toHaveLength(1);
  });

  it('works for an empty catalog, and gives bounds for the points it has', () => {
    const empty = buildMapData(
      buildCatalog({ streets: [], brands: [], belts: [], sites: [], campaigns: [], submissions: [] }),
      TABLES,
    );
    expect(decodeMapData(empty.data).sites).toEqual([]);
    expect(empty.details).toEqual([]);
    expect(boundsOf([])).toBeUndefined();
    expect(boundsOf(model.sites)).toEqual([113.25573, 23.099, 113.38, 23.10457]);
  });

  it('refuses data in an unknown format', () => {
    expect(() => decodeMapData({ ...files.data, format: 'other' as never })).toThrow(/format/);
  });
});
