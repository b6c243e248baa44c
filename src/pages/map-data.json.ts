import type { APIRoute } from 'astro';
import { json, publicMapData } from './map/_map-data.ts';

/** /map-data.json: every public site's position, type, street, categories and belt stop (see src/lib/map/map-data.ts). */
export const GET: APIRoute = async () => json((await publicMapData()).data);
