/**
 * npm run import:progress -- <sheet.csv|sheet.xlsx> --campaign <征集令> [--dry-run] [--replace] [--content <folder>]
 *
 * Imports progress reports (进展) on claimed tasks, one row per report, into content/progress/; every
 * row is checked by the content validator first, and when any row has a problem each is printed as
 * `第 N 行 列名：问题（改法）` and nothing is written. Usage and options: scripts/lib/import-command.ts.
 */
import { importCommand } from './lib/import-command.ts';

await importCommand('progress');
