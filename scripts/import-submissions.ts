/**
 * npm run import:submissions -- <sheet.csv|sheet.xlsx> [--campaign <id>] [--dry-run] [--replace] [--content <folder>]
 *
 * Imports sign-ups from a spreadsheet (the download template on each campaign
 * page, CSV or XLSX) into content/submissions/<campaign>/<street>/<id>.md.
 * Every row is checked by the content validator first; when any row has a
 * problem, each is printed as `第 N 行 列名：问题（改法）` and nothing is written.
 */
import { runImport } from '../src/lib/import/command.ts';
import { parseCommand, runMain } from './lib/cli.ts';

const USAGE = `用法：npm run import:submissions -- <申报表.csv 或 .xlsx> [--campaign 征集令编号] [--dry-run] [--replace] [--content 内容文件夹]
把申报表（各征集令页面上的模板）导入为 content/submissions/<征集令>/<街道>/<编号>.md。每一行先按内容检查的规则检查，
任何一行有问题就列出全部问题（第 N 行 列名：问题（改法）），不写入任何文件。
  --campaign <编号>   表格里没有“征集令”列时，全部导入到这个征集令
  --dry-run           只检查，不写入
  --replace           覆盖已有的同名申报（默认拒绝）
  --content <文件夹>  导入到另一个内容文件夹（默认 CONTENT_DIR 或 content/）`;

const { values, positionals } = parseCommand({
  usage: USAGE,
  options: {
    campaign: { type: 'string' },
    content: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    replace: { type: 'boolean', default: false },
  },
  positionals: { min: 1, max: 1, name: '参数 <申报表.csv 或 .xlsx>' },
});

async function main(): Promise<number> {
  return runImport({
    collection: 'submissions',
    sheetPath: positionals[0],
    contentDir: values.content ?? process.env.CONTENT_DIR ?? 'content',
    defaults: { campaign: values.campaign },
    dryRun: values['dry-run'],
    replace: values.replace,
  });
}

await runMain('导入申报', main);
