/**
 * npm run check:content [-- <content folder>]
 * Validates every content file and cross-reference; prints each problem as
 * `path:line field: message (fix)` and exits 1 when there is any.
 */
import { resolve } from 'node:path';
import { fileExistsIn, fileTextIn, readContentFiles } from '../src/lib/content-files.ts';
import { formatReport } from '../src/lib/report.ts';
import { validateContent } from '../src/lib/validate.ts';

const contentDir = process.argv[2] ?? process.env.CONTENT_DIR ?? 'content';
try {
  const files = readContentFiles(resolve(contentDir));
  const { problems } = validateContent(files, {
    displayRoot: contentDir.replace(/\/$/, ''),
    exists: fileExistsIn(resolve(contentDir)),
    readText: fileTextIn(resolve(contentDir)),
  });
  const report = formatReport(problems, files.length);
  (problems.length ? console.error : console.log)(report);
  process.exitCode = problems.length ? 1 : 0;
} catch (error) {
  console.error(`内容检查无法完成：${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
