import type { APIRoute } from 'astro';
import { CSV_TYPE, templateCsv, templateResponse } from '../../lib/import/templates.ts';

/** The 进展报告 sheet as CSV (UTF-8 with BOM for Excel), for `npm run import:progress`: the header row, from the schema. */
export const GET: APIRoute = () => templateResponse(templateCsv('progress'), CSV_TYPE);
