/**
 * A change to the content in plain Chinese, for the district officer who reviews a merge request:
 *
 *   npm run describe:change -- origin/main..HEAD      # or --base <rev> --head <rev>
 *
 * Per entry, who changed what, in the schema's labels (src/lib/content/describe-change.ts); private
 * fields are named, never shown. The change is the net diff from the merge base, as a merge request
 * would bring it in. Exit codes: 0 printed, 2 usage or Git error.
 */
import { git, headersAt, netChanges } from '../src/lib/access/git-changes.ts';
import { describeChanges } from '../src/lib/content/describe-change.ts';

const USAGE = `用法：npm run describe:change -- <目标分支>..<提交>   或   --base <提交> --head <提交>
用中文列出这次修改：谁新增、修改或删除了哪个条目，改了哪些字段（不公开的字段只写名称）。`;

function parseArgs(argv: string[]): { base: string; head: string } {
  let base = '';
  let head = 'HEAD';
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if ((arg === '--base' || arg === '--head') && argv[index + 1] && !argv[index + 1].startsWith('--')) {
      if (arg === '--base') base = argv[++index];
      else head = argv[++index];
    } else if (arg.includes('..') && !arg.startsWith('-')) {
      [base, head = 'HEAD'] = arg.split(/\.{2,3}/);
      head ||= 'HEAD';
    } else throw new Error(`不认识的参数“${arg}”`);
  }
  if (!base) throw new Error('缺少提交范围，例如 origin/main..HEAD');
  return { base, head };
}

try {
  const { base, head } = parseArgs(process.argv.slice(2));
  const streets = headersAt(git, head, 'content/streets');
  const streetNames = new Map([...streets].map(([id, data]) => [id, String(data.name ?? id)]));
  const lines = describeChanges(netChanges(git, base, head), { streetNames });
  console.log(lines.length ? lines.join('\n') : '这次没有修改任何文件。');
} catch (error) {
  const stderr = error instanceof Error && 'stderr' in error ? String(error.stderr).trim() : '';
  console.error(`无法列出修改：${stderr || (error instanceof Error ? error.message : String(error))}\n\n${USAGE}`);
  process.exitCode = 2;
}
