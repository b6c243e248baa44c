/**
 * Clustering in the page, for the current zoom only.
 *
 * MapLibre can cluster a GeoJSON source itself, but then its worker indexes
 * every site at every zoom before the first frame: with tens of thousands of
 * sites that is most of the time to a usable map. Here the page groups the
 * sites that are near each other on screen into grid cells (each cluster is
 * drawn at its members' centre), keeps only those in and around the view,
 * and hands MapLibre a few hundred features. It redoes this (a few
 * milliseconds for 50,000 sites) when the zoom level changes, the view moves
 * away, or the filters change.
 */

/** Web Mercator world size in pixels at zoom 0 for MapLibre's 512-pixel tiles. */
const WORLD = 512;

export interface ClusterOptions {
  /** Cell size in screen pixels: sites in one cell merge. */
  cell: number;
  /** From this zoom on (inclusive) nothing merges. */
  noClusterFrom: number;
  /** A cell with fewer sites shows them one by one. */
  minPoints: number;
}

export const CLIENT_CLUSTER: ClusterOptions = { cell: 60, noClusterFrom: 15, minPoints: 3 };

/** Sites projected once to Web Mercator units (0–1), for quick clustering at any zoom. */
export interface Projected {
  /** Site index (into the decoded site list) of each entry. */
  index: Int32Array;
  x: Float64Array;
  y: Float64Array;
}

export function mercatorX(lng: number): number {
  return (lng + 180) / 360;
}

export function mercatorY(lat: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
}

export function project(sites: readonly { index: number; lng: number; lat: number }[]): Projected {
  const index = new Int32Array(sites.length);
  const x = new Float64Array(sites.length);
  const y = new Float64Array(sites.length);
  sites.forEach((site, k) => {
    index[k] = site.index;
    x[k] = mercatorX(site.lng);
    y[k] = mercatorY(site.lat);
  });
  return { index, x, y };
}

export interface Cluster {
  /** Number of sites. */
  count: number;
  lng: number;
  lat: number;
  /** The members' extent [west, south, east, north], to zoom to on a click. */
  bounds: [number, number, number, number];
}

export interface ClusterResult {
  /** Groups of `minPoints` or more. */
  clusters: Cluster[];
  /** Site indices shown on their own. */
  singles: number[];
}

const lngOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/**
 * Groups `projected` sites (optionally only those with `include[index]`) at
 * `zoom`, within `bounds` [west, south, east, north] when given.
 */
export function clusterAt(
  projected: Projected,
  zoom: number,
  options: ClusterOptions = CLIENT_CLUSTER,
  bounds?: [number, number, number, number],
  include?: (index: number) => boolean,
): ClusterResult {
  const level = Math.floor(zoom);
  const scale = (WORLD * 2 ** level) / options.cell;
  const [minX, maxX, minY, maxY] = bounds
    ? [mercatorX(bounds[0]), mercatorX(bounds[2]), mercatorY(bounds[3]), mercatorY(bounds[1])]
    : [-Infinity, Infinity, -Infinity, Infinity];
  const cells = new Map<number, number[]>();
  const singles: number[] = [];
  const merging = level < options.noClusterFrom;
  const columns = Math.ceil(scale) + 1;
  for (let k = 0; k < projected.index.length; k++) {
    const site = projected.index[k] as number;
    if (include && !include(site)) continue;
    const x = projected.x[k] as number;
    const y = projected.y[k] as number;
    if (x < minX || x > maxX || y < minY || y > maxY) continue;
    if (!merging) {
      singles.push(site);
      continue;
    }
    const key = Math.floor(y * scale) * columns + Math.floor(x * scale);
    const cell = cells.get(key);
    if (cell) cell.push(k);
    else cells.set(key, [k]);
  }
  const clusters: Cluster[] = [];
  for (const members of cells.values()) {
    if (members.length < options.minPoints) {
      for (const k of members) singles.push(projected.index[k] as number);
      continue;
    }
    let sumX = 0;
    let sumY = 0;
    let [west, east, north, south] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const k of members) {
      const x = projected.x[k] as number;
      const y = projected.y[k] as number;
      sumX += x;
      sumY += y;
      west = Math.min(west, x);
      east = Math.max(east, x);
      north = Math.min(north, y);
      south = Math.max(south, y);
    }
    clusters.push({
      count: members.length,
      lng: lngOf(sumX / members.length),
      lat: latOf(sumY / members.length),
      bounds: [lngOf(west), latOf(south), lngOf(east), latOf(north)],
    });
  }
  singles.sort((a, b) => a - b);
  return { clusters, singles };
}

/** 1234 → "1.2k", as MapLibre's own clusters label themselves. */
export function abbreviate(count: number): string {
  if (count >= 10_000) return `${Math.round(count / 1000)}k`;
  if (count >= 1000) return `${(Math.round(count / 100) / 10).toString()}k`;
  return String(count);
}

/** The clusters and single sites as GeoJSON for a plain (unclustered) MapLibre source. */
export function clustersToGeoJSON(
  result: ClusterResult,
  site: (index: number) => { lng: number; lat: number; type: string } | undefined,
) {
  const features: {
    type: 'Feature';
    id: number;
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: Record<string, string | number | boolean>;
  }[] = [];
  result.clusters.forEach((cluster, k) => {
    features.push({
      type: 'Feature',
      // Negative ids for clusters, so they never clash with site indices.
      id: -(k + 1),
      geometry: { type: 'Point', coordinates: [cluster.lng, cluster.lat] },
      properties: {
        cluster: true,
        cluster_id: k,
        point_count: cluster.count,
        point_count_abbreviated: abbreviate(cluster.count),
      },
    });
  });
  for (const index of result.singles) {
    const found = site(index);
    if (!found) continue;
    features.push({
      type: 'Feature',
      id: index,
      geometry: { type: 'Point', coordinates: [found.lng, found.lat] },
      properties: { i: index, type: found.type },
    });
  }
  return { type: 'FeatureCollection' as const, features };
}
