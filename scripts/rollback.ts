/**
 * npm run rollback -- <target> [--to <release>] [--list]
 *
 * Points <target>/current back at the release before it (or the one named), in the same one
 * rename(2) the publish uses (scripts/lib/release.ts). Nothing is deleted, so a rollback can
 * itself be undone with --to.
 */
import { fail, parseCommand, runMain } from './lib/cli.ts';
import { parseTarget, readState, switchTo, TargetMissing, type TargetState } from './lib/release.ts';

const USAGE = `用法：npm run rollback -- <目标> [--to <版本>] [--list]
把线上网站切回上一个发布的版本：<目标>/current 改指 releases/ 里的前一个版本（一步切换，不删除任何版本）。
<目标> 与 npm run publish 的相同：本机文件夹，或 用户@主机:/路径。
  --to <版本>   切到指定的版本（releases/ 里的文件夹名），例如撤销一次回滚
  --list        只列出各个版本，标出线上的那个
退出码：0 已回滚（或已列出），1 没有可回滚的版本，2 用法错误。`;

const { values, positionals } = parseCommand({
  usage: USAGE,
  options: { to: { type: 'string' }, list: { type: 'boolean', default: false } },
  positionals: { min: 1, max: 1, name: '参数 <目标>' },
});
const [targetSpec] = positionals;

await runMain('回滚', () => {
  const target = parseTarget(targetSpec);
  let state: TargetState;
  try {
    state = readState(target);
  } catch (error) {
    if (error instanceof TargetMissing)
      fail(`找不到目标 ${targetSpec}：它还没有发布过（npm run publish），或路径写错了。`);
    throw error;
  }
  const { current, releases } = state;
  if (values.list) {
    if (!releases.length) console.log(`${targetSpec} 没有任何版本。`);
    for (const name of releases) console.log(`${name === current ? '* ' : '  '}${name}`);
    return 0;
  }
  if (!current) fail(`${targetSpec}/current 不是指向 releases/ 里某个版本的链接，没有可回滚的线上版本。`);
  const index = releases.indexOf(current);
  const to = values.to ?? (index > 0 ? releases[index - 1] : undefined);
  if (!to) fail(`线上版本 ${current} 已是 ${targetSpec} 最早的版本，没有更早的可以回滚。`);
  if (!releases.includes(to)) fail(`没有版本“${to}”。${targetSpec} 的版本：${releases.join('、')}`);
  if (to === current) fail(`${to} 已是线上版本，没有切换。`);
  switchTo(target, to);
  console.log(
    `已回滚：${targetSpec}/current → releases/${to}（原来是 ${current}）。撤销：npm run rollback -- ${targetSpec} --to ${current}`,
  );
  return 0;
});
