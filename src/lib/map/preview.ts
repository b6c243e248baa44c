/**
 * The map page's first view, drawn at build time: the schematic basemap (the
 * district's extent and the street names) with the sites grouped as the live
 * map groups them at the same zoom. It is plain SVG, so the page shows where
 * the sites are with no JavaScript, no WebGL and no library download;
 * MapLibre loads only when the visitor asks for the zoomable map
 * (src/islands/map/loader.ts).
 *
 * Geometry is Web Mercator with MapLibre's 512-pixel world, fitted to the sites
 * the way the live map's first view is (fitBounds with padding), in a fixed
 * box of `width` × `height` units that the page scales to its frame.
 */
import { DISTRICT_BOUNDS } from '../geo.ts';
import { abbreviate, CLIENT_CLUSTER, clusterAt, mercatorX, mercatorY, project } from './cluster.ts';
import { boundsOf } from './map-data.ts';
import { CLUSTER_RADIUS_STEPS, districtExtent } from './style.ts';

/** MapLibre's world size at zoom 0, in pixels (512-pixel tiles). */
const WORLD = 512;

/** A cluster's circle radius for its member count, as the live map's `step` expression draws it. */
export function clusterRadius(count: number): number {
  let radius: number = CLUSTER_RADIUS_STEPS[0];
  for (let k = 1; k < CLUSTER_RADIUS_STEPS.length; k += 2) {
    if (count >= CLUSTER_RADIUS_STEPS[k]) radius = CLUSTER_RADIUS_STEPS[k + 1] as number;
  }
  return radius;
}

export interface PreviewInput {
  sites: readonly { index: number; lng: number; lat: number; type: string }[];
  streets: readonly { name: string; lng: number; lat: number }[];
  /** The drawing's box, in units the page scales (about CSS pixels on a phone). */
  width: number;
  height: number;
  /** Space kept free around the sites, as the live map's fitBounds padding. */
  padding: number;
  /** Street-name size, for placing names without overlaps. */
  fontSize: number;
}

export interface MapPreview {
  width: number;
  height: number;
  /** The zoom the drawing corresponds to (the live map's clusters at this zoom are the same). */
  zoom: number;
  /** The district's extent (a soft rectangle, not a boundary), clipped to the box. */
  district: { x: number; y: number; width: number; height: number };
  /** Street names placed beside their points, clear of the marks and of each other; the rest are left out. */
  streets: { x: number; y: number; name: string }[];
  clusters: { x: number; y: number; count: number; label: string; radius: number }[];
  points: { x: number; y: number; type: string }[];
  /** Sites drawn in all (in clusters or alone). */
  siteCount: number;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** A single site's circle radius in the drawing. */
export const POINT_RADIUS = 6;

export function mapPreview({ sites, streets, width, height, padding, fontSize }: PreviewInput): MapPreview {
  const { west, south, east, north } = DISTRICT_BOUNDS;
  const box = boundsOf(sites) ?? [west, south, east, north];
  const [left, right] = [mercatorX(box[0]), mercatorX(box[2])];
  const [top, bottom] = [mercatorY(box[3]), mercatorY(box[1])];
  const scale = Math.min(
    (width - 2 * padding) / Math.max((right - left) * WORLD, 1e-9),
    (height - 2 * padding) / Math.max((bottom - top) * WORLD, 1e-9),
  );
  // The live map caps its first view at zoom 15 (a single site is not shown at street-corner scale).
  const zoom = Math.min(Math.log2(scale), 15);
  const pixels = WORLD * 2 ** zoom;
  const [centreX, centreY] = [(left + right) / 2, (top + bottom) / 2];
  const toX = (lng: number) => round((mercatorX(lng) - centreX) * pixels + width / 2);
  const toY = (lat: number) => round((mercatorY(lat) - centreY) * pixels + height / 2);

  const byIndex = new Map(sites.map((site) => [site.index, site]));
  const grouped = clusterAt(project(sites), zoom, CLIENT_CLUSTER);
  const clusters = grouped.clusters.map((cluster) => ({
    x: toX(cluster.lng),
    y: toY(cluster.lat),
    count: cluster.count,
    label: abbreviate(cluster.count),
    radius: clusterRadius(cluster.count),
  }));
  const points = grouped.singles.flatMap((index) => {
    const site = byIndex.get(index);
    return site ? [{ x: toX(site.lng), y: toY(site.lat), type: site.type }] : [];
  });

  const ring = districtExtent().features[0]?.geometry.coordinates[0] ?? [];
  const xs = ring.map(([lng]) => toX(lng as number));
  const ys = ring.map(([, lat]) => toY(lat as number));
  const clip = (value: number, max: number) => Math.min(Math.max(value, 0), max);
  const [x0, x1] = [clip(Math.min(...xs), width), clip(Math.max(...xs), width)];
  const [y0, y1] = [clip(Math.min(...ys), height), clip(Math.max(...ys), height)];

  return {
    width,
    height,
    zoom,
    district: { x: x0, y: y0, width: round(x1 - x0), height: round(y1 - y0) },
    streets: placeLabels(
      streets.map((street) => ({ x: toX(street.lng), y: toY(street.lat), name: street.name })),
      [...clusters, ...points.map((point) => ({ ...point, radius: POINT_RADIUS }))],
      { width, height, fontSize },
    ),
    clusters,
    points,
    siteCount: clusters.reduce((sum, cluster) => sum + cluster.count, 0) + points.length,
  };
}

type Box = [number, number, number, number];

const overlaps = (a: Box, b: Box) => a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];

/**
 * Places each street name beside its point, below, above, right or left (as
 * the live map's variable anchors do), in the first position that stays in the
 * box and clear of the marks and of names placed before it; a name with no
 * such place is left out, as MapLibre leaves it out. A CJK character is about
 * one em wide.
 */
function placeLabels(
  labels: { x: number; y: number; name: string }[],
  marks: { x: number; y: number; radius: number }[],
  { width, height, fontSize }: { width: number; height: number; fontSize: number },
) {
  const taken: Box[] = marks.map(({ x, y, radius }) => [x - radius, y - radius, x + radius, y + radius]);
  const placed: { x: number; y: number; name: string }[] = [];
  const offset = fontSize * 1.2;
  for (const label of labels) {
    const halfWidth = (label.name.length * fontSize) / 2;
    const halfHeight = fontSize / 2;
    const candidates = [
      [label.x, label.y + offset],
      [label.x, label.y - offset],
      [label.x + halfWidth + offset, label.y],
      [label.x - halfWidth - offset, label.y],
    ] as const;
    for (const [x, y] of candidates) {
      const box: Box = [x - halfWidth, y - halfHeight, x + halfWidth, y + halfHeight];
      const inside = box[0] >= 0 && box[1] >= 0 && box[2] <= width && box[3] <= height;
      if (!inside || taken.some((other) => overlaps(box, other))) continue;
      taken.push(box);
      placed.push({ x: round(x), y: round(y), name: label.name });
      break;
    }
  }
  return placed;
}
