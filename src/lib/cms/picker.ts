/**
 * The coordinate picker's logic, apart from the map: reading a pasted pair in
 * any of the three datums, and saying what was done to it. The conversions
 * themselves are the map's (src/lib/map/datum.ts); the rule for a valid point
 * is the schema's (pointSchema).
 */
import { pointSchema } from '../../schema/index.ts';
import { isInsideDistrict, type LngLat } from '../geo.ts';
import { chineseMessages } from '../issues.ts';
import { DATUM_LABELS, type Datum, distanceMetres, parsePastedPoint, roundCoordinate } from '../map/datum.ts';

export type PasteResult = { ok: true; point: LngLat; message: string } | { ok: false; message: string };

/** Converts a pasted coordinate pair from `datum` to WGS-84 and explains the result in Chinese. */
export function convertPaste(text: string, datum: Datum): PasteResult {
  const parsed = parsePastedPoint(text, datum);
  if (!parsed.ok) return parsed;
  const { point } = parsed;
  let message = `东经 ${point.lng}，北纬 ${point.lat}`;
  if (datum !== 'wgs84') {
    const [first, second] = (text.match(/[-+]?\d+(?:\.\d+)?/g) ?? []).map(Number) as [number, number];
    const pasted = parsed.swapped ? { lng: second, lat: first } : { lng: first, lat: second };
    const moved = Math.round(distanceMetres(pasted, point));
    message = `已从 ${DATUM_LABELS[datum]} 转换为 WGS-84：${message}（移动约 ${moved} 米）`;
  }
  if (parsed.swapped) message += '；粘贴的是“纬度,经度”，已按“经度,纬度”填入';
  if (!isInsideDistrict(point)) message += '；注意：这个位置不在海珠区内，请检查';
  return { ok: true, point, message };
}

/** A point from whatever the editor holds (a plain object or an Immutable map), or undefined. */
export function toPoint(value: unknown): LngLat | undefined {
  const plain =
    value && typeof (value as { toJS?: unknown }).toJS === 'function' ? (value as { toJS(): unknown }).toJS() : value;
  if (!plain || typeof plain !== 'object') return undefined;
  const { lng, lat } = plain as Record<string, unknown>;
  const number = (item: unknown) => (typeof item === 'number' ? item : typeof item === 'string' ? Number(item) : NaN);
  const point = { lng: number(lng), lat: number(lat) };
  return Number.isFinite(point.lng) && Number.isFinite(point.lat) ? point : undefined;
}

/** Why a point cannot be saved, in the schema's words, or undefined when it can. */
export function pointProblem(value: unknown): string | undefined {
  const point = toPoint(value);
  if (!point) return '请在地图上点选位置，或填写经度和纬度';
  const parsed = pointSchema.safeParse(point, { error: chineseMessages });
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

/** A point rounded to six decimals (about 0.1 m), as content stores it. */
export const roundPoint = (point: LngLat): LngLat => ({
  lng: roundCoordinate(point.lng),
  lat: roundCoordinate(point.lat),
});
