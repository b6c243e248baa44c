/**
 * A small, still map on a street, brand or site page: its points on the same
 * basemap as /map/, centred on them. No gestures (the page scrolls past it);
 * the link beside it opens the full map.
 */
import { boundsOf, type MapStreet, streetsToGeoJSON } from '../../lib/map/map-data.ts';
import { type BasemapConfig, mapStyle } from '../../lib/map/style.ts';
import type { MapElement } from './map-app.ts';
import { createMap, MAP_LOCALE } from './maplibre.ts';

export interface MiniMapConfig {
  points: { lng: number; lat: number; type: string; name?: string }[];
  /** Where to centre when there are no points (a street's point). */
  centre?: { lng: number; lat: number };
  streets: MapStreet[];
  basemap: BasemapConfig;
  /** What the map shows; MapLibre gives its canvas this name. */
  label: string;
}

export function mountMiniMap(container: MapElement, config: MiniMapConfig): boolean {
  const box = boundsOf(config.points);
  const pad = 0.003;
  const centre = config.centre ?? config.points[0] ?? { lng: 113.32, lat: 23.09 };
  const map = createMap({
    container,
    style: mapStyle(config.basemap, {
      sites: {
        type: 'FeatureCollection',
        features: config.points.map((point) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [point.lng, point.lat] },
          properties: point.name ? { type: point.type, name: point.name } : { type: point.type },
        })),
      },
      streets: streetsToGeoJSON(config.streets),
      cluster: false,
    }),
    ...(box && config.points.length > 1
      ? {
          bounds: [
            [box[0] - pad, box[1] - pad],
            [box[2] + pad, box[3] + pad],
          ] as [[number, number], [number, number]],
          fitBoundsOptions: { padding: 24, maxZoom: 15 },
        }
      : { center: [centre.lng, centre.lat] as [number, number], zoom: config.points.length ? 14.5 : 13.5 }),
    interactive: false,
    locale: { ...MAP_LOCALE, 'Map.Title': config.label },
    fadeDuration: 0,
    attributionControl: { compact: true },
  });
  if (!map) return false;
  container.map = map;
  return true;
}
