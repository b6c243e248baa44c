import { describe, expect, it } from 'vitest';
import { convertPaste, pointProblem, roundPoint, toPoint } from '../../src/lib/cms/picker.ts';
import { distanceMetres, gcj02ToBd09, wgs84ToGcj02 } from '../../src/lib/map/datum.ts';

/** 龙凤街党群服务中心 (content/sites/longfeng), WGS-84. */
const site = { lng: 113.25345, lat: 23.10025 };

describe('coordinate picker: pasted coordinates', () => {
  it('converts a GCJ-02 pair copied from AMap or Tencent back to WGS-84 within a metre', () => {
    const gcj = wgs84ToGcj02(site);
    // GCJ-02 sits several hundred metres off in Guangzhou: the reason for the paste box.
    expect(distanceMetres(gcj, site)).toBeGreaterThan(300);
    const result = convertPaste(`${gcj.lng.toFixed(6)},${gcj.lat.toFixed(6)}`, 'gcj02');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(distanceMetres(result.point, site)).toBeLessThan(1);
    expect(result.message).toMatch(/^已从 GCJ-02.*转换为 WGS-84：东经 113\.2\d+，北纬 23\.1\d+（移动约 \d+ 米）$/);
  });

  it('converts a BD-09 pair copied from Baidu Maps back to WGS-84 within a metre', () => {
    const bd = gcj02ToBd09(wgs84ToGcj02(site));
    expect(distanceMetres(bd, site)).toBeGreaterThan(800);
    const result = convertPaste(`${bd.lng.toFixed(6)}, ${bd.lat.toFixed(6)}`, 'bd09');
    expect(result.ok && distanceMetres(result.point, site)).toBeLessThan(1);
    expect(result.ok && result.message).toContain('BD-09');
  });

  it('keeps WGS-84 as pasted (rounded to six decimals) and reads latitude-first pairs', () => {
    expect(convertPaste('113.2534512345,23.1002512345', 'wgs84')).toEqual({
      ok: true,
      point: { lng: 113.253451, lat: 23.100251 },
      message: '东经 113.253451，北纬 23.100251',
    });
    const swapped = convertPaste('23.10025，113.25345', 'wgs84');
    expect(swapped).toMatchObject({ ok: true, point: site });
    expect(swapped.message).toContain('已按“经度,纬度”填入');
  });

  it('explains what is wrong with unusable text, and warns about a point outside the district', () => {
    expect(convertPaste('龙凤街', 'gcj02')).toMatchObject({ ok: false, message: expect.stringContaining('两个数字') });
    expect(convertPaste('200,100', 'wgs84')).toMatchObject({ ok: false });
    expect(convertPaste('116.397,39.909', 'gcj02').message).toContain('不在海珠区内');
  });
});

describe('coordinate picker: the value', () => {
  it('reads plain and Immutable-like values and rounds points', () => {
    expect(toPoint({ lng: 113.3, lat: 23.1 })).toEqual({ lng: 113.3, lat: 23.1 });
    expect(toPoint({ toJS: () => ({ lng: '113.3', lat: '23.1' }) })).toEqual({ lng: 113.3, lat: 23.1 });
    expect(toPoint(undefined)).toBeUndefined();
    expect(toPoint({ lng: 'x', lat: 1 })).toBeUndefined();
    expect(roundPoint({ lng: 113.12345678, lat: 23.98765432 })).toEqual({ lng: 113.123457, lat: 23.987654 });
  });

  it("refuses a point with the schema's own message", () => {
    expect(pointProblem(site)).toBeUndefined();
    expect(pointProblem({ lng: 23.1, lat: 113.3 })).toContain('经度和纬度可能写反了');
    expect(pointProblem({ lng: 116.397, lat: 39.909 })).toContain('不在海珠区范围内');
    expect(pointProblem(undefined)).toContain('请在地图上点选位置');
  });
});
