/**
 * What `npm run import:submissions`, `import:sites` and `import:brands` do
 * once their arguments are read: read the sheet (CSV in UTF-8 or Excel's GBK,
 * or XLSX), import it with the shared importer, print every problem as
 * `第 N 行 列名：问题（改法）` and write nothing while any row is wrong, or
 * write every file (none when --dry-run). Every failure is one Chinese message
 * with what to do, never a stack trace. Returns the exit code.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { DISTRICT_CONTENT_DIR } from '../../content-dir.ts';
import { fileExistsIn, readContentFolder, readGuardedFolder } from '../content-files.ts';
import { ContentRefused } from '../content-guard.ts';
import { SHEETS, type SheetCollection } from './columns.ts';
import { decodeCsvBytes, parseCsv } from './csv.ts';
import { formatRowProblem, importSheet } from './importer.ts';
import { readXlsx, type SheetCell } from './xlsx.ts';

export interface ImportCommand {
  collection: SheetCollection;
  sheetPath: string;
  /** The content folder (default CONTENT_DIR or content/). */
  contentDir: string;
  /** The district content folder, where sign-ups' contacts go (default DISTRICT_CONTENT_DIR); sign-ups only. */
  districtDir?: string;
  defaults?: Record<string, string | undefined>;
  dryRun?: boolean;
  replace?: boolean;
  /** Where messages go (the console by default; tests collect them). */
  log?: (line: string) => void;
  error?: (line: string) => void;
}

/** The sheet's rows, or a message saying why it cannot be read. */
export async function readSheet(
  sheetPath: string,
  sheetName: string,
  noun = '',
): Promise<{ table: SheetCell[][] } | { message: string; code: number }> {
  const extension = extname(sheetPath).toLowerCase();
  if (!existsSync(sheetPath) || !statSync(sheetPath).isFile()) {
    return {
      message: `找不到${noun}表 ${sheetPath}：检查文件名，以及是否在它所在的文件夹里运行（当前目录 ${process.cwd()}）。`,
      code: 1,
    };
  }
  if (extension !== '.csv' && extension !== '.xlsx') {
    const hint = extension === '.xls' || extension === '.et' || extension === '.wps' ? '旧版 Excel/WPS 格式' : '';
    return {
      message: `不支持的文件类型“${extension || sheetPath}”${hint ? `（${hint}）` : ''}：请用 .xlsx 或 .csv（Excel、WPS 可“另存为”这两种格式）`,
      code: 2,
    };
  }
  try {
    const bytes = readFileSync(sheetPath);
    const table = extension === '.csv' ? parseCsv(decodeCsvBytes(bytes)) : await readXlsx(bytes, sheetName);
    return { table };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const fix =
      extension === '.xlsx' ? '（文件可能已损坏或不是 Excel 文件：用 Excel 或 WPS 打开后重新另存为 .xlsx）' : '';
    return { message: `无法读取 ${sheetPath}：${reason}${fix}`, code: 2 };
  }
}

export async function runImport(command: ImportCommand): Promise<number> {
  const log = command.log ?? ((line: string) => console.log(line));
  const error = command.error ?? ((line: string) => console.error(line));
  const sheet = SHEETS[command.collection];
  const { noun } = sheet;
  const read = await readSheet(command.sheetPath, sheet.sheetName, noun);
  if ('message' in read) {
    error(read.message);
    return read.code;
  }
  const { contentDir } = command;
  const root = resolve(contentDir);
  // A mistyped --content must not start a new content folder beside the real one.
  let existing: ReturnType<typeof readGuardedFolder>['files'];
  try {
    existing = readGuardedFolder(contentDir).files;
  } catch (problem) {
    if (!(problem instanceof ContentRefused)) throw problem;
    error(`${problem.message}\n没有导入任何${noun}。`);
    return 1;
  }
  // A sheet with private columns (a sign-up's contact) writes them to the district repository, which must be here.
  const districtDir = (command.districtDir ?? DISTRICT_CONTENT_DIR).replace(/\/+$/, '');
  const hasPrivate = sheet.columns.some((column) => column.collection);
  if (hasPrivate && !existsSync(districtDir)) {
    error(`找不到区级仓库的数据文件夹 ${districtDir}：联系人和联系电话只导入到只有区级能读取的区级仓库。
先克隆区级仓库（或用 npm run setup:district-content 建立示例），或用 --district 指定它的 content 文件夹。没有导入任何${noun}。`);
    return 1;
  }
  const result = importSheet(command.collection, read.table, {
    defaults: command.defaults,
    existing,
    exists: fileExistsIn(root),
    replace: command.replace,
    displayRoot: contentDir.replace(/\/+$/, ''),
    ...(hasPrivate ? { existingPrivate: readContentFolder(resolve(districtDir)).files, privateRoot: districtDir } : {}),
  });
  if (result.problems.length) {
    for (const problem of result.problems) error(formatRowProblem(problem));
    const rows = new Set(result.problems.map((problem) => problem.row)).size;
    error(`\n导入未完成：${rows} 行中有 ${result.problems.length} 个问题，没有写入任何文件。改正表格后重新导入。`);
    return 1;
  }
  // Every file with the folder it goes to: the sign-ups to the content folder, their contacts to the district's.
  const targets = [
    ...result.files.map((file) => ({ file, dir: contentDir })),
    ...result.privateFiles.map((file) => ({ file, dir: districtDir })),
  ];
  if (command.dryRun) {
    for (const { file, dir } of targets)
      log(`${result.replaced.includes(file.path) ? '将覆盖' : '将新建'} ${dir}/${file.path}`);
    log(`\n检查通过：${result.rows} 份${noun}都可以导入（--dry-run，没有写入文件）。`);
    return 0;
  }
  // Every file is written beside its place first and then renamed into it, so a failed write leaves nothing behind.
  const staged: { temporary: string; target: string; path: string; dir: string }[] = [];
  let writing = contentDir;
  try {
    for (const { file, dir } of targets) {
      writing = dir;
      const target = join(resolve(dir), file.path);
      mkdirSync(dirname(target), { recursive: true });
      const temporary = `${target}.import-${process.pid}`;
      writeFileSync(temporary, file.text);
      staged.push({ temporary, target, path: file.path, dir });
    }
  } catch (problem) {
    for (const { temporary } of staged) rmSync(temporary, { force: true });
    const reason = problem instanceof Error ? problem.message : String(problem);
    error(`无法写入 ${writing}：${reason}
没有导入任何${noun}（检查文件夹的写入权限和磁盘空间后重新导入）。`);
    return 1;
  }
  for (const { temporary, target, path, dir } of staged) {
    renameSync(temporary, target);
    log(`${result.replaced.includes(path) ? '覆盖' : '新建'} ${dir}/${path}`);
  }
  log(`\n导入完成：${result.files.length} 份${noun}。运行 npm run check:content 复查，然后提交。`);
  if (result.privateFiles.length)
    log(`联系人写入了区级仓库 ${districtDir}：在那里另行提交（它不属于各街道办都能读取的网站仓库）。`);
  return 0;
}
