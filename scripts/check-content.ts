/**
 * npm run check:content [-- <content folder>]
 * Validates every content file and cross-reference; prints each problem as
 * `path:line field: message (fix)` and exits 1 when there is any.
 */
import { validateContentDir } from '../src/lib/content-files.ts';
import { formatReport } from '../src/lib/report.ts';

const contentDir = process.argv[2] ?? process.env.CONTENT_DIR ?? 'content';
try {
  const { problems, fileCount } = validateContentDir(contentDir);
  const report = formatReport(problems, fileCount);
  (problems.length ? console.error : console.log)(report);
  process.exitCode = problems.length ? 1 : 0;
} catch (error) {
  console.error(`内容检查无法完成：${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
