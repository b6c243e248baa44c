/**
 * npm run import:submissions -- <sheet.csv|sheet.xlsx> [--campaign <id>] [--dry-run] [--replace] [--content <folder>]
 *
 * Imports sign-ups from a spreadsheet (the download template on each campaign
 * page, CSV or XLSX) into content/submissions/<campaign>/<street>/<id>.md.
 * Every row is checked by the content validator first; when any row has a
 * problem, each is printed as `第 N 行 列名：问题（改法）` and nothing is written.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileExistsIn, readContentFiles } from '../src/lib/content-files.ts';
import { CsvError, decodeCsvBytes, parseCsv } from '../src/lib/import/csv.ts';
import { formatRowProblem, importSubmissions } from '../src/lib/import/submissions.ts';
import { readXlsx, type SheetCell } from '../src/lib/import/xlsx.ts';

const USAGE =
  '用法：npm run import:submissions -- <申报表.csv 或 .xlsx> [--campaign 征集令编号] [--dry-run 只检查不写入] [--replace 覆盖已有申报]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      campaign: { type: 'string' },
      content: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      replace: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const sheetPath = positionals[0];
  const contentDir = values.content ?? process.env.CONTENT_DIR ?? 'content';
  const extension = extname(sheetPath).toLowerCase();
  let table: SheetCell[][];
  try {
    const bytes = readFileSync(sheetPath);
    if (extension === '.csv') table = parseCsv(decodeCsvBytes(bytes));
    else if (extension === '.xlsx') table = await readXlsx(bytes, '申报');
    else {
      console.error(`不支持的文件类型“${extension || sheetPath}”：请用 .csv 或 .xlsx（Excel 可“另存为”这两种格式）`);
      return 2;
    }
  } catch (error) {
    const reason = error instanceof CsvError ? error.message : error instanceof Error ? error.message : String(error);
    console.error(`无法读取 ${sheetPath}：${reason}`);
    return 2;
  }

  const root = resolve(contentDir);
  const result = importSubmissions(table, {
    campaign: values.campaign,
    existing: readContentFiles(root),
    exists: fileExistsIn(root),
    replace: values.replace,
    displayRoot: contentDir.replace(/\/+$/, ''),
  });
  if (result.problems.length) {
    for (const problem of result.problems) console.error(formatRowProblem(problem));
    const rows = new Set(result.problems.map((problem) => problem.row)).size;
    console.error(
      `\n导入未完成：${rows} 行中有 ${result.problems.length} 个问题，没有写入任何文件。改正表格后重新导入。`,
    );
    return 1;
  }
  if (values['dry-run']) {
    console.log(`检查通过：${result.rows} 份申报都可以导入（--dry-run，没有写入文件）。`);
    return 0;
  }
  for (const file of result.files) {
    const target = join(root, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.text);
    console.log(`${result.replaced.includes(file.path) ? '覆盖' : '新建'} ${contentDir}/${file.path}`);
  }
  console.log(`\n导入完成：${result.files.length} 份申报。运行 npm run check:content 复查，然后提交。`);
  return 0;
}

process.exitCode = await main();
