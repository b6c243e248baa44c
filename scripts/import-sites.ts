/**
 * npm run import:sites -- <sheet.csv|sheet.xlsx> [--dry-run] [--replace] [--content <folder>]
 *
 * Imports demonstration sites from a spreadsheet (the template at /admin/site-template.xlsx or .csv,
 * generated from the schema) into content/sites/<街道>/<编号>.yaml, with the same
 * importer as the sign-ups (src/lib/import/): every row is checked by the content validator first;
 * when any row has a problem, each is printed as `第 N 行 列名：问题（改法）` and nothing is written.
 */
import { runImport } from '../src/lib/import/command.ts';
import { parseCommand, runMain } from './lib/cli.ts';

const USAGE = `用法：npm run import:sites -- <阵地表.xlsx 或 .csv> [--dry-run] [--replace] [--content 内容文件夹]
把阵地表（模板：网站的 /admin/site-template.xlsx 或 .csv）导入为 content/sites/<街道>/<编号>.yaml。
每一行先按内容检查的规则检查，任何一行有问题就列出全部问题（第 N 行 列名：问题（改法）），不写入任何文件。
编号一列可不填：按名称自动生成（例如 毓秀阁 → yuxiuge）。
  --dry-run           只检查，列出将要新建的文件，不写入
  --replace           覆盖已有的同名阵地（默认拒绝）
  --content <文件夹>  导入到另一个内容文件夹（默认 CONTENT_DIR 或 content/）`;

const { values, positionals } = parseCommand({
  usage: USAGE,
  options: {
    content: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    replace: { type: 'boolean', default: false },
  },
  positionals: { min: 1, max: 1, name: '参数 <阵地表.xlsx 或 .csv>' },
});

await runMain('导入阵地', () =>
  runImport({
    collection: 'sites',
    sheetPath: positionals[0],
    contentDir: values.content ?? process.env.CONTENT_DIR ?? 'content',
    dryRun: values['dry-run'],
    replace: values.replace,
  }),
);
