import type { APIRoute, GetStaticPaths } from 'astro';
import type { MapDetails } from '../../lib/map/map-data.ts';
import { json, publicMapData } from '../map/_map-data.ts';

/** /map-data/<n>.json: names, addresses and brands of a few hundred sites, loaded when a popup opens. */
export const getStaticPaths = (async () => {
  const { details } = await publicMapData();
  return details.map((file, chunk) => ({ params: { chunk: String(chunk) }, props: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: MapDetails }> = ({ props }) => json(props.file);
