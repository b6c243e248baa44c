import type { APIRoute } from 'astro';
import { templateResponse, templateXlsx, XLSX_TYPE } from '../../lib/import/templates.ts';

/** The 品牌 sheet as XLSX, for `npm run import:brands`: a 品牌 sheet with the header row and a 填写说明 sheet, from the schema. */
export const GET: APIRoute = async () => templateResponse(await templateXlsx('brands'), XLSX_TYPE);
