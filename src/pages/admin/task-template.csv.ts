import type { APIRoute } from 'astro';
import { CSV_TYPE, templateCsv, templateResponse } from '../../lib/import/templates.ts';

/** The 揭榜任务 sheet as CSV (UTF-8 with BOM for Excel), for `npm run import:tasks`: the header row, from the schema. */
export const GET: APIRoute = () => templateResponse(templateCsv('tasks'), CSV_TYPE);
