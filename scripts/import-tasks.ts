/**
 * npm run import:tasks -- <sheet.csv|sheet.xlsx> --campaign <征集令> [--dry-run] [--replace] [--content <folder>]
 *
 * Imports a call's list of tasks (揭榜任务), one row per task, into the call's file (the list replaced as a whole); every
 * row is checked by the content validator first, and when any row has a problem each is printed as
 * `第 N 行 列名：问题（改法）` and nothing is written. Usage and options: scripts/lib/import-command.ts.
 */
import { importCommand } from './lib/import-command.ts';

await importCommand('tasks');
