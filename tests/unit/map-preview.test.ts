import { describe, expect, it } from 'vitest';
import { CLIENT_CLUSTER, clusterAt, project } from '../../src/lib/map/cluster.ts';
import { clusterRadius, mapPreview, POINT_RADIUS } from '../../src/lib/map/preview.ts';
import { scatterSites } from '../support/scatter.ts';

const STREETS = [
  { name: '滨江街道', lng: 113.282, lat: 23.113 },
  { name: '琶洲街道', lng: 113.37, lat: 23.1 },
  { name: '江海街道', lng: 113.31, lat: 23.09 },
  // Close to 江海: its name has to move or be left out.
  { name: '凤阳街道', lng: 113.311, lat: 23.0905 },
];
const BOX = { width: 360, height: 300, padding: 24, fontSize: 13 };

describe('the map preview (the drawing the map page shows before MapLibre loads)', () => {
  it('draws every site once, in a cluster or on its own, grouped as the live map groups them at that zoom', () => {
    for (const count of [0, 1, 45, 2_000]) {
      const sites = scatterSites(count, 7);
      const preview = mapPreview({ sites, streets: STREETS, ...BOX });
      expect(preview.siteCount, `${count} sites`).toBe(count);
      const live = clusterAt(project(sites), preview.zoom, CLIENT_CLUSTER);
      expect(preview.clusters.map((cluster) => cluster.count)).toEqual(live.clusters.map((cluster) => cluster.count));
      expect(preview.points).toHaveLength(live.singles.length);
    }
  });

  it('fits the sites inside the box with the padding, as fitBounds does', () => {
    // Two sites never merge, so the marks are the sites themselves.
    const preview = mapPreview({ sites: scatterSites(2, 7), streets: STREETS, ...BOX });
    const xs = preview.points.map((mark) => mark.x);
    const ys = preview.points.map((mark) => mark.y);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(BOX.padding - 0.1);
    expect(Math.max(...xs)).toBeLessThanOrEqual(BOX.width - BOX.padding + 0.1);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(BOX.padding - 0.1);
    expect(Math.max(...ys)).toBeLessThanOrEqual(BOX.height - BOX.padding + 0.1);
    // One side touches the padding: the fit is as tight as the box allows.
    const widthUsed = Math.max(...xs) - Math.min(...xs);
    const heightUsed = Math.max(...ys) - Math.min(...ys);
    expect(
      Math.max(widthUsed / (BOX.width - 2 * BOX.padding), heightUsed / (BOX.height - 2 * BOX.padding)),
    ).toBeGreaterThan(0.97);
  });

  it('does not zoom in past the live map’s cap for a single site', () => {
    const preview = mapPreview({ sites: scatterSites(1, 7), streets: STREETS, ...BOX });
    expect(preview.zoom).toBe(15);
    expect(preview.points[0]).toMatchObject({ x: BOX.width / 2, y: BOX.height / 2 });
  });

  it('places street names inside the box, clear of the marks and of each other, leaving out what does not fit', () => {
    const sites = scatterSites(45, 7);
    const preview = mapPreview({ sites, streets: STREETS, ...BOX });
    const boxOf = ({ x, y, name }: { x: number; y: number; name: string }) => {
      const half = (name.length * BOX.fontSize) / 2;
      return [x - half, y - BOX.fontSize / 2, x + half, y + BOX.fontSize / 2] as const;
    };
    const marks = [
      ...preview.clusters.map(({ x, y, radius }) => [x - radius, y - radius, x + radius, y + radius] as const),
      ...preview.points.map(
        ({ x, y }) => [x - POINT_RADIUS, y - POINT_RADIUS, x + POINT_RADIUS, y + POINT_RADIUS] as const,
      ),
    ];
    const overlap = (a: readonly number[], b: readonly number[]) =>
      (a[0] as number) < (b[2] as number) - 0.2 &&
      (a[2] as number) > (b[0] as number) + 0.2 &&
      (a[1] as number) < (b[3] as number) - 0.2 &&
      (a[3] as number) > (b[1] as number) + 0.2;
    expect(preview.streets.length).toBeGreaterThan(0);
    preview.streets.forEach((label, k) => {
      const box = boxOf(label);
      expect(box[0]).toBeGreaterThanOrEqual(0);
      expect(box[2]).toBeLessThanOrEqual(BOX.width);
      for (const mark of marks) expect(overlap(box, mark), `${label.name} over a mark`).toBe(false);
      for (const other of preview.streets.slice(k + 1)) expect(overlap(box, boxOf(other)), label.name).toBe(false);
    });
  });

  it('sizes clusters by count with the live map’s steps', () => {
    expect([3, 9, 10, 99, 100, 999, 1000, 50_000].map(clusterRadius)).toEqual([14, 14, 18, 18, 23, 23, 28, 28]);
  });

  it('keeps the district’s extent inside the box', () => {
    const { district } = mapPreview({ sites: scatterSites(45, 7), streets: STREETS, ...BOX });
    expect(district.x).toBeGreaterThanOrEqual(0);
    expect(district.y).toBeGreaterThanOrEqual(0);
    expect(district.x + district.width).toBeLessThanOrEqual(BOX.width + 0.1);
    expect(district.y + district.height).toBeLessThanOrEqual(BOX.height + 0.1);
    expect(district.width).toBeGreaterThan(0);
  });
});
