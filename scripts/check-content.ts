/**
 * npm run check:content [-- <content folder>]
 * Validates every content file and cross-reference; prints each problem as
 * `path:line field: message (fix)` and exits 1 when there is any, or when the
 * folder itself is missing or far too small (src/lib/content-guard.ts).
 */
import { contentReport } from '../src/lib/content-files.ts';
import { parseCommand, runMain } from './lib/cli.ts';

const USAGE = `用法：npm run check:content [-- <内容文件夹>]
检查内容文件夹（默认 CONTENT_DIR 或 content/）里的每个文件和每个引用，列出所有问题（文件:行 字段: 问题 (改法)）。
内容文件夹不存在、缺少街道、品牌或阵地，或街道少于 src/district.ts 的名单时拒绝（测试用的文件夹可以在根目录的
district.yaml 里写自己的街道名单）。退出码：0 通过，1 有问题，2 用法错误。`;

const { positionals } = parseCommand({ usage: USAGE, positionals: { max: 1 } });
const contentDir = positionals[0] ?? process.env.CONTENT_DIR ?? 'content';

await runMain('内容检查', () => {
  const { ok, report } = contentReport(contentDir);
  (ok ? console.log : console.error)(report);
  return ok ? 0 : 1;
});
