/**
 * The map's data: built at build time from the public catalog (so it carries
 * public fields only), written as a compact columnar JSON file, and decoded in
 * the browser into plain site records and small GeoJSON features.
 *
 * Compact, because the map must stay fast with tens of thousands of sites:
 * - each site's fields are columns (arrays), so no key is repeated per site;
 * - streets, site types, brands, categories and belts are tables, and a site
 *   refers to them by index;
 * - coordinates are integers in units of 1e-5° (about 1 m), sorted along a
 *   space-filling curve and stored as differences from the previous site, so
 *   most are small numbers that gzip well.
 * - names, addresses and brands, needed only for a popup, are in separate
 *   details files of a few hundred sites each, loaded when a popup opens.
 * The browser hands MapLibre features with only an index and a type.
 *
 * Browser code imports this module, so it never imports the schema's values
 * (that would bring zod along): the builder gets the type and category lists
 * as arguments.
 */

import type { BrandCategory, SiteType } from '../../schema/index.ts';
import type { Catalog } from '../catalog.ts';

export const MAP_DATA_FORMAT = 'haizhu-map-data/2';
/** Coordinate units per degree: 1e-5° is about 1.1 m here. */
export const COORDINATE_SCALE = 1e5;
/** Sites per details file: a popup loads one file of about this many sites' names and addresses. */
export const DETAIL_CHUNK = 500;

/**
 * The file `/map-data.json`: what the map needs to draw and filter every site.
 * Names, addresses and brands are in the details files (see MapDetails).
 */
export interface CompactMapData {
  format: typeof MAP_DATA_FORMAT;
  /** Integer coordinates are `(degrees - origin) * scale`. */
  origin: [number, number];
  scale: number;
  /** Sites per details file; site `i` is in file `floor(i / chunk)`. */
  chunk: number;
  /** Tables that sites refer to by index. */
  types: SiteType[];
  categories: BrandCategory[];
  streets: { id: string[]; name: string[]; lng: number[]; lat: number[] };
  belts: { id: string[]; name: string[] };
  sites: {
    /** Longitude units, each the difference from the previous site's. */
    x: number[];
    /** Latitude units, likewise. */
    y: number[];
    type: number[];
    street: number[];
    /** The categories of the site's brands as bits: bit k set for categories[k]. */
    categories: number[];
    /** Belt stops as [site index, belt index, order along the route]. */
    belt: [number, number, number][];
  };
}

/** The file `/map-data/<n>.json`: the text of sites n × chunk … (n + 1) × chunk − 1. */
export interface MapDetails {
  format: typeof MAP_DATA_FORMAT;
  /** Index of the first site in this file. */
  first: number;
  id: string[];
  name: string[];
  address: string[];
  /** Brands per site, as indices into this file's own brand table. */
  brands: number[][];
  brandTable: { id: string[]; title: string[]; category: number[] };
}

/** One site as the map uses it, decoded. Public fields only. */
export interface MapSite {
  /** Position in the decoded list; the feature id in MapLibre. */
  index: number;
  lng: number;
  lat: number;
  type: SiteType;
  street: string;
  streetName: string;
  /** Categories of its brands, without repeats. */
  categories: BrandCategory[];
  belt?: { id: string; name: string; order: number };
}

/** A site's text, from its details file. */
export interface SiteDetail {
  id: string;
  name: string;
  address: string;
  brands: MapBrand[];
}

export interface MapBrand {
  id: string;
  title: string;
  category: BrandCategory;
}

export interface MapStreet {
  id: string;
  name: string;
  lng: number;
  lat: number;
}

export interface MapBelt {
  id: string;
  name: string;
}

/** The decoded data: what the map page works with. */
export interface MapModel {
  sites: MapSite[];
  streets: MapStreet[];
  belts: MapBelt[];
  /** The category table, for decoding details files. */
  categories: BrandCategory[];
  /** Sites per details file. */
  chunk: number;
}

/** The parts of the catalog the map reads: public items only (see src/data/public.ts). */
export type MapCatalog = Pick<Catalog, 'streets' | 'brands' | 'belts' | 'sites' | 'brandsOfSite'>;

/** The compact data and its details files, built together so their site order agrees. */
export interface MapDataFiles {
  data: CompactMapData;
  details: MapDetails[];
}

export interface MapTables {
  /** Site types in schema order (Object.keys(SITE_TYPES)). */
  types: readonly SiteType[];
  /** Brand categories in schema order (Object.keys(BRAND_CATEGORIES)). */
  categories: readonly BrandCategory[];
  /** Sites per details file. */
  chunk?: number;
}

/** Builds the map data and its details files from the public catalog. */
export function buildMapData(catalog: MapCatalog, tables: MapTables): MapDataFiles {
  const types = [...tables.types];
  const categories = [...tables.categories];
  const chunk = tables.chunk ?? DETAIL_CHUNK;
  const streetIndex = new Map(catalog.streets.map((street, index) => [street.id, index]));
  const beltIndex = new Map(catalog.belts.map((belt, index) => [belt.id, index]));

  let minLng = 113.2;
  let minLat = 23;
  for (const site of catalog.sites) {
    minLng = Math.min(minLng, site.data.point.lng);
    minLat = Math.min(minLat, site.data.point.lat);
  }
  const origin: [number, number] = [Math.floor(minLng), Math.floor(minLat)];
  const quantise = (value: number, base: number) => Math.round((value - base) * COORDINATE_SCALE);
  const located = catalog.sites.map((site) => {
    const x = quantise(site.data.point.lng, origin[0]);
    const y = quantise(site.data.point.lat, origin[1]);
    return { site, x, y, h: hilbert(x, y) };
  });
  located.sort((a, b) => a.h - b.h || (a.site.id < b.site.id ? -1 : a.site.id > b.site.id ? 1 : 0));

  const data: CompactMapData = {
    format: MAP_DATA_FORMAT,
    origin,
    scale: COORDINATE_SCALE,
    chunk,
    types,
    categories,
    streets: {
      id: catalog.streets.map((street) => street.id),
      name: catalog.streets.map((street) => street.data.name),
      lng: catalog.streets.map((street) => street.data.point.lng),
      lat: catalog.streets.map((street) => street.data.point.lat),
    },
    belts: {
      id: catalog.belts.map((belt) => belt.id),
      name: catalog.belts.map((belt) => belt.data.name),
    },
    sites: { x: [], y: [], type: [], street: [], categories: [], belt: [] },
  };
  const details: MapDetails[] = [];

  const columns = data.sites;
  let previous = { x: 0, y: 0 };
  let file: MapDetails | undefined;
  let fileBrands = new Map<string, number>();
  located.forEach(({ site, x, y }, index) => {
    if (index % chunk === 0) {
      file = {
        format: MAP_DATA_FORMAT,
        first: index,
        id: [],
        name: [],
        address: [],
        brands: [],
        brandTable: { id: [], title: [], category: [] },
      };
      fileBrands = new Map();
      details.push(file);
    }
    const current = file as MapDetails;
    columns.x.push(x - previous.x);
    columns.y.push(y - previous.y);
    previous = { x, y };
    columns.type.push(types.indexOf(site.data.type));
    columns.street.push(streetIndex.get(site.data.street) ?? -1);
    const brands = catalog.brandsOfSite(site.id);
    let bits = 0;
    for (const brand of brands) bits |= 1 << categories.indexOf(brand.data.category);
    columns.categories.push(bits);
    const belt = site.data.belt ? beltIndex.get(site.data.belt.belt) : undefined;
    if (site.data.belt && belt !== undefined) columns.belt.push([index, belt, site.data.belt.order]);

    current.id.push(site.id);
    current.name.push(site.data.name);
    current.address.push(site.data.address);
    current.brands.push(
      brands.map((brand) => {
        let local = fileBrands.get(brand.id);
        if (local === undefined) {
          local = current.brandTable.id.length;
          fileBrands.set(brand.id, local);
          current.brandTable.id.push(brand.id);
          current.brandTable.title.push(brand.data.title);
          current.brandTable.category.push(categories.indexOf(brand.data.category));
        }
        return local;
      }),
    );
  });
  return { data, details };
}

/** Decodes the compact data into site records (in the browser, and in tests). */
export function decodeMapData(data: CompactMapData): MapModel {
  if (data.format !== MAP_DATA_FORMAT) throw new Error(`unknown map data format: ${String(data.format)}`);
  const streets: MapStreet[] = data.streets.id.map((id, index) => ({
    id,
    name: data.streets.name[index] as string,
    lng: data.streets.lng[index] as number,
    lat: data.streets.lat[index] as number,
  }));
  const belts: MapBelt[] = data.belts.id.map((id, index) => ({ id, name: data.belts.name[index] as string }));
  // Category lists are shared between sites with the same bits.
  const categoryLists = new Map<number, BrandCategory[]>();
  const categoriesOf = (bits: number) => {
    let list = categoryLists.get(bits);
    if (!list) {
      list = data.categories.filter((_, k) => bits & (1 << k));
      categoryLists.set(bits, list);
    }
    return list;
  };

  const columns = data.sites;
  const count = columns.x.length;
  const sites: MapSite[] = new Array(count);
  let x = 0;
  let y = 0;
  for (let index = 0; index < count; index++) {
    x += columns.x[index] as number;
    y += columns.y[index] as number;
    const street = streets[columns.street[index] as number];
    sites[index] = {
      index,
      lng: round6(data.origin[0] + x / data.scale),
      lat: round6(data.origin[1] + y / data.scale),
      type: data.types[columns.type[index] as number] as SiteType,
      street: street?.id ?? '',
      streetName: street?.name ?? '',
      categories: categoriesOf(columns.categories[index] as number),
    };
  }
  for (const [index, belt, order] of columns.belt) {
    const site = sites[index];
    const info = belts[belt];
    if (site && info) site.belt = { id: info.id, name: info.name, order };
  }
  return { sites, streets, belts, categories: data.categories, chunk: data.chunk };
}

/** Which details file holds site `index`. */
export const detailFileOf = (model: Pick<MapModel, 'chunk'>, index: number) => Math.floor(index / model.chunk);

/** Decodes one details file into the text of its sites, keyed by site index. */
export function decodeDetails(file: MapDetails, categories: readonly BrandCategory[]): Map<number, SiteDetail> {
  if (file.format !== MAP_DATA_FORMAT) throw new Error(`unknown map data format: ${String(file.format)}`);
  const table: MapBrand[] = file.brandTable.id.map((id, k) => ({
    id,
    title: file.brandTable.title[k] as string,
    category: categories[file.brandTable.category[k] as number] as BrandCategory,
  }));
  const result = new Map<number, SiteDetail>();
  file.id.forEach((id, k) => {
    result.set(file.first + k, {
      id,
      name: file.name[k] as string,
      address: file.address[k] as string,
      brands: (file.brands[k] ?? []).map((local) => table[local] as MapBrand),
    });
  });
  return result;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * Position along a Hilbert curve over a 2^16 grid: sites close on the ground
 * get close positions, so coordinate differences stay small.
 */
function hilbert(px: number, py: number): number {
  const n = 1 << 16;
  let x = Math.max(0, Math.min(n - 1, px));
  let y = Math.max(0, Math.min(n - 1, py));
  let d = 0;
  for (let s = n >> 1; s > 0; s >>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      [x, y] = [y, x];
    }
  }
  return d;
}

/** A GeoJSON point feature; kept local so this module needs no GeoJSON typings. */
export interface PointFeature<P> {
  type: 'Feature';
  id?: number;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: P;
}

export interface FeatureCollection<F> {
  type: 'FeatureCollection';
  features: F[];
}

/** What MapLibre gets per site: its index (to look the rest up) and its type (for the colour). */
export interface SiteFeatureProperties {
  i: number;
  type: SiteType;
}

/** One small point feature per site. */
export function sitesToGeoJSON(sites: readonly MapSite[]): FeatureCollection<PointFeature<SiteFeatureProperties>> {
  return {
    type: 'FeatureCollection',
    features: sites.map((site) => ({
      type: 'Feature',
      id: site.index,
      geometry: { type: 'Point', coordinates: [site.lng, site.lat] },
      properties: { i: site.index, type: site.type },
    })),
  };
}

/** Street name labels at the street points (schematic basemap). */
export function streetsToGeoJSON(streets: readonly MapStreet[]): FeatureCollection<PointFeature<{ name: string }>> {
  return {
    type: 'FeatureCollection',
    features: streets.map((street) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [street.lng, street.lat] },
      properties: { name: street.name },
    })),
  };
}

/** A belt's stops in route order. */
export function beltStops(sites: readonly MapSite[], beltId: string): MapSite[] {
  return sites
    .filter((site) => site.belt?.id === beltId)
    .sort((a, b) => (a.belt?.order ?? 0) - (b.belt?.order ?? 0) || a.index - b.index);
}

export interface BeltFeatureProperties {
  kind: 'route' | 'stop';
  /** The stop's number along the route, as its content says (stops only). */
  order?: number;
  i?: number;
}

/** A belt as GeoJSON: one line joining the stops in order, and each stop numbered. */
export function beltToGeoJSON(sites: readonly MapSite[], beltId: string) {
  const stops = beltStops(sites, beltId);
  const features: Array<
    | PointFeature<BeltFeatureProperties>
    | {
        type: 'Feature';
        geometry: { type: 'LineString'; coordinates: [number, number][] };
        properties: BeltFeatureProperties;
      }
  > = [];
  if (stops.length > 1) {
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: stops.map((stop) => [stop.lng, stop.lat]) },
      properties: { kind: 'route' },
    });
  }
  for (const stop of stops) {
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [stop.lng, stop.lat] },
      properties: { kind: 'stop', order: stop.belt?.order, i: stop.index },
    });
  }
  return { type: 'FeatureCollection' as const, features };
}

/**
 * Every public field of every site as one flat GeoJSON file: the plain format
 * the compact one is measured against (npm run bench:map), and an export.
 */
export function toPlainGeoJSON(model: MapModel, details: ReadonlyMap<number, SiteDetail>) {
  return {
    type: 'FeatureCollection' as const,
    features: model.sites.map((site) => {
      const detail = details.get(site.index);
      return {
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [site.lng, site.lat] },
        properties: {
          id: detail?.id ?? '',
          name: detail?.name ?? '',
          type: site.type,
          street: site.street,
          streetName: site.streetName,
          address: detail?.address ?? '',
          brands: detail?.brands.map((brand) => brand.id) ?? [],
          brandTitles: detail?.brands.map((brand) => brand.title) ?? [],
          categories: site.categories,
          ...(site.belt ? { belt: site.belt.id, beltOrder: site.belt.order } : {}),
        },
      };
    }),
  };
}

/** The bounding box [west, south, east, north] of some sites, or undefined for none. */
export function boundsOf(
  points: readonly { lng: number; lat: number }[],
): [number, number, number, number] | undefined {
  if (points.length === 0) return undefined;
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { lng, lat } of points) {
    west = Math.min(west, lng);
    east = Math.max(east, lng);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return [west, south, east, north];
}
