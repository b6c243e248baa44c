/**
 * XLSX reading and writing through read-excel-file and write-excel-file
 * (MIT, small, no native code). Works on bytes: no file system access here.
 */
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';

/** A spreadsheet cell as the importer sees it. */
export type SheetCell = string | number | boolean | Date | null;

/**
 * The rows of the sheet named `preferred`, or of the first sheet. Dates come
 * back as Date objects, numbers as numbers.
 */
export async function readXlsx(bytes: Buffer, preferred?: string): Promise<SheetCell[][]> {
  const sheets = await readXlsxFile(bytes);
  const sheet = sheets.find((candidate) => candidate.sheet === preferred) ?? sheets[0];
  return (sheet?.data ?? []).map((row) => row.map((cell) => (cell ?? null) as SheetCell));
}

export interface SheetSpec {
  name: string;
  rows: readonly (readonly (string | number | null | undefined)[])[];
  /** Column widths in characters. */
  widths?: number[];
  /** Bold first row, frozen. */
  header?: boolean;
}

/** An XLSX workbook with the given sheets, as bytes. */
export async function writeXlsx(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const workbook = sheets.map((spec) => ({
    sheet: spec.name,
    columns: spec.widths?.map((width) => ({ width })),
    stickyRowsCount: spec.header ? 1 : undefined,
    data: spec.rows.map((row, index) =>
      row.map((value) =>
        value === null || value === undefined || value === ''
          ? null
          : {
              value,
              type: typeof value === 'number' ? Number : String,
              ...(spec.header && index === 0 ? { fontWeight: 'bold' as const } : {}),
            },
      ),
    ),
  }));
  return writeXlsxFile(workbook as never).toBuffer();
}
