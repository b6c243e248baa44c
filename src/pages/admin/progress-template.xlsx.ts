import type { APIRoute } from 'astro';
import { templateResponse, templateXlsx, XLSX_TYPE } from '../../lib/import/templates.ts';

/** The 进展报告 sheet as XLSX, for `npm run import:progress`: the header row and a 填写说明 sheet, from the schema. */
export const GET: APIRoute = async () => templateResponse(await templateXlsx('progress'), XLSX_TYPE);
