import type { APIRoute } from 'astro';
import { templateSheets } from '../../lib/import/columns.ts';
import { writeXlsx } from '../../lib/import/xlsx.ts';

/** The sign-up sheet as XLSX: a 申报 sheet with the header row, and a 填写说明 sheet, both from the submission schema. */
export const GET: APIRoute = async () => {
  const { header, instructions } = templateSheets();
  const bytes = await writeXlsx([
    { name: '申报', rows: [header], header: true, widths: header.map((label) => Math.max(12, label.length * 3)) },
    { name: '填写说明', rows: instructions, header: true, widths: [16, 10, 90] },
  ]);
  return new Response(new Uint8Array(bytes), {
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
};
