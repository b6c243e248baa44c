import type { APIRoute } from 'astro';
import { templateSheets } from '../../lib/import/columns.ts';
import { stringifyCsv } from '../../lib/import/csv.ts';

/** The sign-up sheet as CSV (UTF-8 with BOM for Excel): the header row, generated from the submission schema. */
export const GET: APIRoute = () =>
  new Response(stringifyCsv([templateSheets().header], { bom: true }), {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
