/**
 * The downloadable templates of every spreadsheet the importer reads, as the
 * bytes a page endpoint serves: an .xlsx with the data sheet (the header row)
 * and a 填写说明 sheet (each column: required or not, how to fill it in), and
 * a .csv with the header row (UTF-8 with the byte-order mark Excel needs).
 * Both are generated from the column tables, hence from the schemas.
 */
import { type SheetCollection, templateSheets } from './columns.ts';
import { stringifyCsv } from './csv.ts';
import { writeXlsx } from './xlsx.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

export function templateCsv(collection: SheetCollection): string {
  return stringifyCsv([templateSheets(collection).header], { bom: true });
}

export async function templateXlsx(collection: SheetCollection): Promise<Uint8Array> {
  const { sheetName, header, instructions } = templateSheets(collection);
  const bytes = await writeXlsx([
    { name: sheetName, rows: [header], header: true, widths: header.map((label) => Math.max(12, label.length * 3)) },
    { name: '填写说明', rows: instructions, header: true, widths: [16, 10, 90] },
  ]);
  return new Uint8Array(bytes);
}

/** A template as a response (a static build writes its bytes; links give the Chinese file name with `download`). */
export function templateResponse(body: string | Uint8Array, type: string): Response {
  return new Response(body as BodyInit, { headers: { 'content-type': type } });
}
