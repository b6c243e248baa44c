import type { APIRoute } from 'astro';
import { getCatalog } from '../data/public.ts';
import { buildVocabulary } from '../lib/search/query.ts';

/**
 * The names the search page recognises in a query (streets in every form,
 * communities), from public content: /search-vocabulary.json.
 */
export const GET: APIRoute = async () => {
  const catalog = await getCatalog();
  const vocabulary = buildVocabulary(
    catalog.streets.map((street) => street.data),
    catalog.sites.map((site) => site.data),
  );
  return new Response(JSON.stringify(vocabulary), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
