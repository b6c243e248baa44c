/**
 * The map data of this build, built once from the public catalog (the privacy
 * projection has already run) and shared by the endpoints and pages.
 * The leading underscore keeps this file out of the routes.
 */
import { getCatalog } from '../../data/public.ts';
import { buildMapData, type MapDataFiles } from '../../lib/map/map-data.ts';
import { basemapConfig } from '../../lib/map/style.ts';
import { BRAND_CATEGORIES, type BrandCategory, SITE_TYPES, type SiteType } from '../../schema/index.ts';

let files: Promise<MapDataFiles> | undefined;

export function publicMapData(): Promise<MapDataFiles> {
  files ??= getCatalog().then((catalog) =>
    buildMapData(catalog, {
      types: Object.keys(SITE_TYPES) as SiteType[],
      categories: Object.keys(BRAND_CATEGORIES) as BrandCategory[],
    }),
  );
  return files;
}

/** The basemap this build uses: Tianditu when PUBLIC_TIANDITU_KEY is set, otherwise the offline schematic. */
export const basemap = () =>
  basemapConfig({
    PUBLIC_TIANDITU_KEY: import.meta.env.PUBLIC_TIANDITU_KEY,
    PUBLIC_TIANDITU_REVIEW_NUMBER: import.meta.env.PUBLIC_TIANDITU_REVIEW_NUMBER,
    PUBLIC_MAP_IMAGERY: import.meta.env.PUBLIC_MAP_IMAGERY,
  });

/** Chinese labels the browser code shows (it does not import the schema): site types, in popups. */
export const mapLabels = { types: SITE_TYPES };

/** JSON responses for the static endpoints. */
export const json = (value: unknown) =>
  new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json; charset=utf-8' } });
