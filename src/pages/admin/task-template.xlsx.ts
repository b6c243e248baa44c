import type { APIRoute } from 'astro';
import { templateResponse, templateXlsx, XLSX_TYPE } from '../../lib/import/templates.ts';

/** The 揭榜任务 sheet as XLSX, for `npm run import:tasks`: the header row and a 填写说明 sheet, from the schema. */
export const GET: APIRoute = async () => templateResponse(await templateXlsx('tasks'), XLSX_TYPE);
