/**
 * Colours of the map, defined once: the style paints with them and the legend
 * shows them. Every site colour keeps at least 3:1 contrast (WCAG 2.2, 1.4.11
 * non-text contrast) against both schematic backgrounds; a unit test checks it.
 */
import type { SiteType } from '../../schema/index.ts';

export const SITE_TYPE_COLOURS: Record<SiteType, string> = {
  'service-centre': '#b3121b',
  'demo-point': '#a34a00',
  'red-station': '#9c1a73',
  enterprise: '#1f56b0',
  'belt-stop': '#00695c',
  other: '#4d5561',
};

export const MAP_COLOURS = {
  /** Water-like wash around the district. */
  background: '#e6edf0',
  /** The district's extent: a soft rectangle behind the points, not a boundary. */
  districtFill: '#f7f4ee',
  /** Clusters: dark slate (unlike any site colour), with white numbers. */
  cluster: '#22313f',
  clusterText: '#ffffff',
  /** Street names on the schematic. */
  streetLabel: '#3d4650',
  streetLabelHalo: '#f7f4ee',
  /** A demonstration belt's route and its numbered stops. */
  belt: '#8a5a00',
  beltText: '#ffffff',
  /** Ring around each point, so neighbours stay apart. */
  pointStroke: '#ffffff',
} as const;

/** Relative luminance of a #rrggbb colour (WCAG 2.x definition). */
export function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Contrast ratio between two #rrggbb colours, 1–21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
