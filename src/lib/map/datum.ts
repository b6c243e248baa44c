/**
 * Datum conversions for coordinates copied from Chinese web maps.
 *
 * Content stores WGS-84 (equal to CGCS2000, Tianditu's datum, at this scale).
 * AMap/Gaode and Tencent show GCJ-02, which sits roughly 500–600 m off in
 * Guangzhou; Baidu shows BD-09, a further offset of GCJ-02. These functions
 * convert such coordinates once, on the way in (imports, the CMS picker's
 * paste box). The GCJ-02 forward formula is the published one; its inverse is
 * found by iteration to well under a metre.
 */
import type { LngLat } from '../geo.ts';

export type Datum = 'wgs84' | 'gcj02' | 'bd09';

/** Chinese names of the datums, for the picker's choice. */
export const DATUM_LABELS: Record<Datum, string> = {
  wgs84: 'WGS-84 / CGCS2000（天地图、GPS）',
  gcj02: 'GCJ-02（高德、腾讯地图）',
  bd09: 'BD-09（百度地图）',
};

/** Krasovsky 1940 semi-major axis and eccentricity squared, as the GCJ-02 formula uses them. */
const A = 6378245.0;
const EE = 0.006693421622965943;
const X_PI = (Math.PI * 3000.0) / 180.0;

/** GCJ-02 is only offset inside mainland China's rough box; elsewhere it equals WGS-84. */
export function isOutsideChina({ lng, lat }: LngLat): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function offsetLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function offsetLng(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

/** WGS-84 → GCJ-02 (the published forward formula). */
export function wgs84ToGcj02(point: LngLat): LngLat {
  if (isOutsideChina(point)) return { ...point };
  const { lng, lat } = point;
  let dLat = offsetLat(lng - 105.0, lat - 35.0);
  let dLng = offsetLng(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lng: lng + dLng, lat: lat + dLat };
}

/**
 * GCJ-02 → WGS-84 by fixed-point iteration: guess, shift forward, correct by
 * the miss. Converges to ~1e-9° (well under a millimetre) in a few rounds.
 */
export function gcj02ToWgs84(point: LngLat): LngLat {
  if (isOutsideChina(point)) return { ...point };
  let guess = { lng: point.lng, lat: point.lat };
  for (let round = 0; round < 30; round++) {
    const shifted = wgs84ToGcj02(guess);
    const dLng = point.lng - shifted.lng;
    const dLat = point.lat - shifted.lat;
    guess = { lng: guess.lng + dLng, lat: guess.lat + dLat };
    if (Math.abs(dLng) < 1e-10 && Math.abs(dLat) < 1e-10) break;
  }
  return guess;
}

/** BD-09 → GCJ-02 (Baidu's published offset, inverted). */
export function bd09ToGcj02({ lng, lat }: LngLat): LngLat {
  const x = lng - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  return { lng: z * Math.cos(theta), lat: z * Math.sin(theta) };
}

/** GCJ-02 → BD-09. */
export function gcj02ToBd09({ lng, lat }: LngLat): LngLat {
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * X_PI);
  return { lng: z * Math.cos(theta) + 0.0065, lat: z * Math.sin(theta) + 0.006 };
}

/** BD-09 → WGS-84. */
export function bd09ToWgs84(point: LngLat): LngLat {
  return gcj02ToWgs84(bd09ToGcj02(point));
}

/** Any supported datum → WGS-84. */
export function toWgs84(point: LngLat, datum: Datum): LngLat {
  if (datum === 'gcj02') return gcj02ToWgs84(point);
  if (datum === 'bd09') return bd09ToWgs84(point);
  return { ...point };
}

/** Great-circle distance in metres (haversine), to state conversion accuracy in tests and messages. */
export function distanceMetres(a: LngLat, b: LngLat): number {
  const R = 6371008.8;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

/** Six decimals are about 0.1 m: more would be false precision. */
export const roundCoordinate = (value: number) => Math.round(value * 1e6) / 1e6;

export type ParsedPoint = { ok: true; point: LngLat; swapped: boolean; datum: Datum } | { ok: false; message: string };

const NUMBER = /[-+]?\d+(?:\.\d+)?/g;

/**
 * Reads a pasted coordinate pair such as `113.3196,23.1026` (AMap, Baidu),
 * `113.3196, 23.1026`, `23.1026，113.3196` (latitude first, as Google and
 * some apps copy it) or `经度113.3196 纬度23.1026`, converts it from `datum`
 * to WGS-84 and rounds it to six decimals. Latitude-first pairs are recognised
 * because a latitude cannot exceed 90; `swapped` says when that happened.
 */
export function parsePastedPoint(text: string, datum: Datum = 'wgs84'): ParsedPoint {
  const numbers = (text.match(NUMBER) ?? []).map(Number);
  if (numbers.length !== 2) {
    return {
      ok: false,
      message: `请粘贴“经度,纬度”两个数字，例如 113.3196,23.1026（读到 ${numbers.length} 个数字）`,
    };
  }
  let [lng, lat] = numbers as [number, number];
  let swapped = false;
  if (Math.abs(lng) <= 90 && Math.abs(lat) > 90) {
    [lng, lat] = [lat, lng];
    swapped = true;
  }
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    return { ok: false, message: `坐标 ${numbers.join(', ')} 超出经纬度范围（经度 −180–180，纬度 −90–90）` };
  }
  const wgs = toWgs84({ lng, lat }, datum);
  return { ok: true, point: { lng: roundCoordinate(wgs.lng), lat: roundCoordinate(wgs.lat) }, swapped, datum };
}
