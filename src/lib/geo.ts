/** A longitude/latitude pair in WGS-84 (CGCS2000 at this scale). */
export interface LngLat {
  lng: number;
  lat: number;
}

/**
 * Haizhu District's extent (WGS-84), from shared/facts/streets.md, and the
 * padding allowed around it before a point is taken for a mistake.
 */
export const DISTRICT_BOUNDS = {
  west: 113.236,
  east: 113.415,
  south: 23.046,
  north: 23.117,
  padding: 0.02,
} as const;

export function isInsideDistrict({ lng, lat }: LngLat): boolean {
  const { west, east, south, north, padding } = DISTRICT_BOUNDS;
  return lng >= west - padding && lng <= east + padding && lat >= south - padding && lat <= north + padding;
}
