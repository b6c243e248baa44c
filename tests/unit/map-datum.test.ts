import { describe, expect, it } from 'vitest';
import {
  bd09ToGcj02,
  bd09ToWgs84,
  distanceMetres,
  gcj02ToBd09,
  gcj02ToWgs84,
  parsePastedPoint,
  toWgs84,
  wgs84ToGcj02,
} from '../../src/lib/map/datum.ts';

/**
 * Reference values published with two widely used implementations of the same
 * formulas: coordtransform (wandergis, JavaScript; Tiananmen, 116.404, 39.915)
 * and eviltransform (googollee; Shenzhen, Shanghai, Beijing pairs), and one
 * real-world BD-09/GCJ-02 pair (Beijing railway station).
 */
const close = (actual: { lng: number; lat: number }, expected: [number, number], digits = 9) => {
  expect(actual.lng).toBeCloseTo(expected[0], digits);
  expect(actual.lat).toBeCloseTo(expected[1], digits);
};

describe('GCJ-02 (AMap, Tencent) and WGS-84', () => {
  it('converts WGS-84 to GCJ-02 as the reference implementations do', () => {
    close(wgs84ToGcj02({ lng: 116.404, lat: 39.915 }), [116.41024449916938, 39.91640428150164]);
    close(wgs84ToGcj02({ lng: 113.912316, lat: 22.543847 }), [113.9171764808363, 22.540796131694766]);
    close(wgs84ToGcj02({ lng: 121.5272106, lat: 31.1774276 }), [121.531541859215, 31.17530398364597]);
    close(wgs84ToGcj02({ lng: 116.377817, lat: 39.911954 }), [116.38404722455657, 39.91334545536069]);
  });

  it('inverts GCJ-02 to WGS-84 within a couple of metres of the one-step inverse, and exactly by the forward formula', () => {
    // coordtransform's gcj02towgs84(116.404, 39.915) is a one-step estimate, good to a few metres.
    const back = gcj02ToWgs84({ lng: 116.404, lat: 39.915 });
    expect(distanceMetres(back, { lng: 116.39775550083061, lat: 39.91359571849836 })).toBeLessThan(3);
    close(wgs84ToGcj02(back), [116.404, 39.915]);
  });

  it('inverts GCJ-02 to WGS-84 to well under a metre (iteratively)', () => {
    for (const [wgsLng, wgsLat, gcjLng, gcjLat] of [
      [113.912316, 22.543847, 113.9171764808363, 22.540796131694766],
      [121.5272106, 31.1774276, 121.531541859215, 31.17530398364597],
      [116.377817, 39.911954, 116.38404722455657, 39.91334545536069],
    ] as const) {
      const back = gcj02ToWgs84({ lng: gcjLng, lat: gcjLat });
      expect(distanceMetres(back, { lng: wgsLng, lat: wgsLat })).toBeLessThan(0.01);
    }
  });

  it('round-trips every street point of Haizhu to within a centimetre, and the offset there is about 500–600 m', () => {
    const streets = [
      [113.3196, 23.1026],
      [113.2557, 23.1017],
      [113.3695, 23.1025],
      [113.3395, 23.0646],
    ] as const;
    for (const [lng, lat] of streets) {
      const gcj = wgs84ToGcj02({ lng, lat });
      const offset = distanceMetres(gcj, { lng, lat });
      expect(offset).toBeGreaterThan(450);
      expect(offset).toBeLessThan(700);
      expect(distanceMetres(gcj02ToWgs84(gcj), { lng, lat })).toBeLessThan(0.01);
    }
  });

  it('leaves points outside China unchanged', () => {
    expect(wgs84ToGcj02({ lng: 2.35, lat: 48.85 })).toEqual({ lng: 2.35, lat: 48.85 });
    expect(gcj02ToWgs84({ lng: 2.35, lat: 48.85 })).toEqual({ lng: 2.35, lat: 48.85 });
  });
});

describe('BD-09 (Baidu)', () => {
  it('converts between BD-09 and GCJ-02 as the reference implementation does', () => {
    close(bd09ToGcj02({ lng: 116.404, lat: 39.915 }), [116.39762729119315, 39.90865673957631]);
    close(gcj02ToBd09({ lng: 116.404, lat: 39.915 }), [116.41036949371029, 39.92133699351021]);
  });

  it('matches a published real-world pair: Beijing railway station, BD-09 (116.43351, 39.90851) = GCJ-02 (116.42703, 39.90245)', () => {
    // Both given to 5 decimals (about 1 m), so agreement within 2 m is all they can show.
    expect(
      distanceMetres(bd09ToGcj02({ lng: 116.43351, lat: 39.90851 }), { lng: 116.42703, lat: 39.90245 }),
    ).toBeLessThan(2);
    expect(
      distanceMetres(gcj02ToBd09({ lng: 116.42703, lat: 39.90245 }), { lng: 116.43351, lat: 39.90851 }),
    ).toBeLessThan(2);
  });

  it('round-trips a Haizhu point WGS-84 → GCJ-02 → BD-09 → WGS-84', () => {
    const point = { lng: 113.2707, lat: 23.1047 };
    const bd = gcj02ToBd09(wgs84ToGcj02(point));
    expect(distanceMetres(bd09ToWgs84(bd), point)).toBeLessThan(0.05);
    expect(distanceMetres(toWgs84(bd, 'bd09'), point)).toBeLessThan(0.05);
  });
});

describe('parsePastedPoint (the CMS picker’s paste box)', () => {
  it('reads "lng,lat" in any common punctuation and keeps WGS-84 as it is, rounded to 6 decimals', () => {
    for (const text of ['113.3196,23.1026', '113.3196, 23.1026', ' 113.3196，23.1026 ', '经度113.3196 纬度23.1026']) {
      expect(parsePastedPoint(text)).toEqual({
        ok: true,
        point: { lng: 113.3196, lat: 23.1026 },
        swapped: false,
        datum: 'wgs84',
      });
    }
  });

  it('recognises latitude first and says so', () => {
    const parsed = parsePastedPoint('23.1026, 113.3196');
    expect(parsed).toMatchObject({ ok: true, swapped: true, point: { lng: 113.3196, lat: 23.1026 } });
  });

  it('converts a GCJ-02 or BD-09 paste to WGS-84', () => {
    const wgs = { lng: 113.3196, lat: 23.1026 };
    const gcj = wgs84ToGcj02(wgs);
    const fromGcj = parsePastedPoint(`${gcj.lng},${gcj.lat}`, 'gcj02');
    expect(fromGcj.ok && distanceMetres(fromGcj.point, wgs)).toBeLessThan(0.2);
    const bd = gcj02ToBd09(gcj);
    const fromBd = parsePastedPoint(`${bd.lng},${bd.lat}`, 'bd09');
    expect(fromBd.ok && distanceMetres(fromBd.point, wgs)).toBeLessThan(0.2);
  });

  it('refuses text without exactly two numbers, or numbers out of range, with a Chinese message', () => {
    for (const text of ['', '113.3', '113.3,23.1,5', '200,95']) {
      const parsed = parsePastedPoint(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/[经纬坐标]/);
    }
  });
});
