/**
 * npm run import:submissions -- <sheet.csv|sheet.xlsx> [--campaign <id>] [--dry-run] [--replace] [--content <folder>]
 *
 * Imports sign-ups (the template on each campaign page) from a spreadsheet into content/; every row is checked by the content
 * validator first, and when any row has a problem each is printed as `第 N 行 列名：问题（改法）` and
 * nothing is written. Usage and options: scripts/lib/import-command.ts.
 */
import { importCommand } from './lib/import-command.ts';

await importCommand('submissions');
