import type { APIRoute } from 'astro';
import { CSV_TYPE, templateCsv, templateResponse } from '../../lib/import/templates.ts';

/** The 品牌 sheet as CSV (UTF-8 with BOM for Excel), for `npm run import:brands`: the header row, from the schema. */
export const GET: APIRoute = () => templateResponse(templateCsv('brands'), CSV_TYPE);
