/**
 * Sign-ups from a spreadsheet (the form street offices already fill in) to
 * submission files: the shared importer (importer.ts) with the sign-up
 * columns, and the call given on the command line when the sheet has no
 * 征集令 column. Pure: the caller reads the sheet and writes the files.
 */

import { type ImportResult, importSheet, type SheetImportOptions } from './importer.ts';
import type { SheetCell } from './xlsx.ts';

export { formatRowProblem, type ImportResult, normaliseDate, type RowProblem } from './importer.ts';

export interface ImportOptions extends Omit<SheetImportOptions, 'defaults'> {
  /** The call the sign-ups answer; required unless the sheet has a 征集令 column. */
  campaign?: string;
}

/** Turns the rows of a sheet (header first) into submission files, or row-level problems. */
export function importSubmissions(table: readonly (readonly SheetCell[])[], options: ImportOptions): ImportResult {
  const { campaign, ...rest } = options;
  return importSheet('submissions', table, { ...rest, defaults: { campaign } });
}
