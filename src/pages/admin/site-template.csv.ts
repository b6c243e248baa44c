import type { APIRoute } from 'astro';
import { CSV_TYPE, templateCsv, templateResponse } from '../../lib/import/templates.ts';

/** The 阵地 sheet as CSV (UTF-8 with BOM for Excel), for `npm run import:sites`: the header row, from the schema. */
export const GET: APIRoute = () => templateResponse(templateCsv('sites'), CSV_TYPE);
