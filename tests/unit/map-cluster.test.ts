import { describe, expect, it } from 'vitest';
import {
  abbreviate,
  CLIENT_CLUSTER,
  clusterAt,
  clustersToGeoJSON,
  mercatorX,
  mercatorY,
  project,
} from '../../src/lib/map/cluster.ts';
import { scatterSites } from '../support/scatter.ts';

const total = (result: ReturnType<typeof clusterAt>) =>
  result.singles.length + result.clusters.reduce((sum, cluster) => sum + cluster.count, 0);

describe('clustering in the page', () => {
  const sites = scatterSites(5000);
  const projected = project(sites);

  it('accounts for every site exactly once, at every zoom', () => {
    for (const zoom of [9, 11, 12.6, 14, 15, 17]) {
      const result = clusterAt(projected, zoom);
      expect(total(result), `zoom ${zoom}`).toBe(sites.length);
      expect(new Set(result.singles).size).toBe(result.singles.length);
    }
  });

  it('merges more at low zoom, and not at all from zoom 15', () => {
    const low = clusterAt(projected, 10);
    const mid = clusterAt(projected, 13);
    expect(low.clusters.length).toBeGreaterThan(0);
    expect(low.clusters.length).toBeLessThan(mid.clusters.length + mid.singles.length);
    const high = clusterAt(projected, CLIENT_CLUSTER.noClusterFrom);
    expect(high.clusters).toEqual([]);
    expect(high.singles).toHaveLength(sites.length);
  });

  it('draws a cluster at its members’ centre, with an extent that holds them all', () => {
    const result = clusterAt(projected, 11);
    for (const cluster of result.clusters) {
      const [west, south, east, north] = cluster.bounds;
      expect(cluster.lng).toBeGreaterThanOrEqual(west - 1e-9);
      expect(cluster.lng).toBeLessThanOrEqual(east + 1e-9);
      expect(cluster.lat).toBeGreaterThanOrEqual(south - 1e-9);
      expect(cluster.lat).toBeLessThanOrEqual(north + 1e-9);
      expect(cluster.count).toBeGreaterThanOrEqual(CLIENT_CLUSTER.minPoints);
      // One cell: at most `cell` pixels across at this zoom.
      const pixels = (mercatorX(east) - mercatorX(west)) * 512 * 2 ** 11;
      expect(pixels).toBeLessThanOrEqual(CLIENT_CLUSTER.cell + 1e-6);
    }
  });

  it('keeps sites of a cell with fewer than minPoints on their own', () => {
    const two = project([
      { index: 0, lng: 113.3, lat: 23.1 },
      { index: 1, lng: 113.30001, lat: 23.10001 },
    ]);
    expect(clusterAt(two, 10)).toEqual({ clusters: [], singles: [0, 1] });
    const three = project([
      { index: 0, lng: 113.3, lat: 23.1 },
      { index: 1, lng: 113.30001, lat: 23.10001 },
      { index: 2, lng: 113.30002, lat: 23.1 },
    ]);
    const result = clusterAt(three, 10);
    expect(result.singles).toEqual([]);
    expect(result.clusters).toHaveLength(1);
    expect(result.clusters[0]?.count).toBe(3);
    expect(result.clusters[0]?.lng).toBeCloseTo(113.30001, 6);
  });

  it('keeps only sites inside the bounds and those the filter includes', () => {
    const bounds: [number, number, number, number] = [113.3, 23.07, 113.35, 23.09];
    const inside = sites.filter(
      (site) => site.lng >= 113.3 && site.lng <= 113.35 && site.lat >= 23.07 && site.lat <= 23.09,
    );
    expect(total(clusterAt(projected, 16, CLIENT_CLUSTER, bounds))).toBe(inside.length);
    const even = clusterAt(projected, 16, CLIENT_CLUSTER, undefined, (index) => index % 2 === 0);
    expect(even.singles.every((index) => index % 2 === 0)).toBe(true);
    expect(even.singles).toHaveLength(sites.length / 2);
  });

  it('projects to Web Mercator', () => {
    expect(mercatorX(-180)).toBe(0);
    expect(mercatorX(0)).toBe(0.5);
    expect(mercatorY(0)).toBeCloseTo(0.5, 12);
    expect(mercatorY(23.1)).toBeLessThan(0.5);
  });
});

describe('cluster features for MapLibre', () => {
  it('label clusters like MapLibre does and give single sites their index and type', () => {
    const sites = [
      { index: 0, lng: 113.3, lat: 23.1, type: 'red-station' },
      { index: 1, lng: 113.30001, lat: 23.1, type: 'red-station' },
      { index: 2, lng: 113.30002, lat: 23.1, type: 'red-station' },
      { index: 3, lng: 113.39, lat: 23.06, type: 'enterprise' },
    ];
    const result = clusterAt(project(sites), 12);
    const geojson = clustersToGeoJSON(result, (index) => sites[index]);
    const cluster = geojson.features.find((feature) => feature.properties.cluster);
    expect(cluster?.properties).toEqual({ cluster: true, cluster_id: 0, point_count: 3, point_count_abbreviated: '3' });
    expect(cluster?.id).toBeLessThan(0);
    const single = geojson.features.find((feature) => !feature.properties.cluster);
    expect(single).toMatchObject({
      id: 3,
      properties: { i: 3, type: 'enterprise' },
      geometry: { coordinates: [113.39, 23.06] },
    });
  });

  it('abbreviates large counts', () => {
    expect([abbreviate(7), abbreviate(999), abbreviate(1234), abbreviate(25_400)]).toEqual(['7', '999', '1.2k', '25k']);
  });
});
