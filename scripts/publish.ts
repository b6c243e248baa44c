/**
 * npm run publish -- <build folder> <target> [--dry-run]
 *
 * Publishes a build as a new release beside the live one, then switches to it in one step:
 * 1. the guard: the build's page manifest against the live release's (scripts/lib/publish-guard.ts);
 * 2. rsync into <target>/releases/.partial-<name>/ (files unchanged since the live release are
 *    hard links to it), renamed to releases/<name>/ once complete;
 * 3. <target>/current switched to it by a rename(2) (scripts/lib/release.ts);
 * 4. all but the newest PUBLISH_KEEP_RELEASES releases deleted (the live one never).
 * Until step 3 the live site is untouched, whatever fails; `npm run rollback` goes back one release.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE, type PublishManifest } from '../src/integrations/publish-manifest.ts';
import { fail, parseCommand, requireBuild, runMain, usageError } from './lib/cli.ts';
import { compare, guardSettings, OVERRIDE_HINT, refusalsOf } from './lib/publish-guard.ts';
import {
  parseTarget,
  prune,
  quote,
  readLive,
  readState,
  releaseName,
  switchTo,
  TargetMissing,
  type TargetState,
} from './lib/release.ts';

const USAGE = `用法：npm run publish -- <构建文件夹> <目标> [--dry-run]
把 npm run build 写好的网站（通常是 dist）发布到目标：本机文件夹（如 /srv/haizhu），或 用户@主机:/路径（经 rsync 和 ssh）。
先上传到 <目标>/releases/<时间-提交>/，再一步把 <目标>/current 指向它；nginx 的 root 应为 <目标>/current。
发布前与线上版本的页面清单比较：会删除街道页面、或删除超过 10% 页面的发布被拒绝，线上网站不变。
  --dry-run   只比较页面清单，不上传
环境变量：
  PUBLISH_ALLOW_SHRINK=1          本次允许删除页面（确认是有意删除时）
  PUBLISH_MAX_REMOVED_PERCENT=10  允许删除的页面比例上限
  PUBLISH_KEEP_RELEASES=5         保留的版本数（至少 2，回滚要用上一个）
  PUBLISH_SSH="ssh -i 密钥"        远程目标使用的 ssh 命令（默认 ssh）
回滚到上一个版本：npm run rollback -- <目标>。退出码：0 已发布，1 被拒绝或失败，2 用法错误。`;

const { values, positionals } = parseCommand({
  usage: USAGE,
  options: { 'dry-run': { type: 'boolean', default: false } },
  positionals: { min: 2, max: 2, name: '参数：需要 <构建文件夹> <目标> 两个' },
});
const [dist, targetSpec] = positionals;
const settings = guardSettings();
if (typeof settings === 'string') usageError(USAGE, settings);
const keepRaw = process.env.PUBLISH_KEEP_RELEASES?.trim() || '5';
const keep = Number(keepRaw);
if (!Number.isInteger(keep) || keep < 2) {
  usageError(USAGE, `PUBLISH_KEEP_RELEASES 应为不小于 2 的整数（保留的版本数），现在是“${keepRaw}”`);
}

/** The commit being published, for the release's name: the CI's, else the checkout's, else none. */
function commit(): string | undefined {
  const fromCi = process.env.CI_COMMIT_SHORT_SHA || process.env.GITHUB_SHA?.slice(0, 8);
  if (fromCi) return fromCi;
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  return git.status === 0 ? git.stdout.trim() : undefined;
}

function readManifest(text: string, where: string): PublishManifest {
  let manifest: PublishManifest | undefined;
  try {
    manifest = JSON.parse(text) as PublishManifest;
  } catch {
    manifest = undefined;
  }
  if (manifest?.version !== 1 || !Array.isArray(manifest.pages)) {
    fail(`${where} 不是可读的页面清单（JSON，由 npm run build 写出）：重新构建，或检查它是否被改动过。没有发布。`);
  }
  return manifest;
}

await runMain('发布', () => {
  requireBuild(dist);
  const manifestPath = join(dist, MANIFEST_FILE);
  if (!existsSync(manifestPath)) {
    fail(
      `${dist} 里没有 ${MANIFEST_FILE}：它不是本项目 npm run build 的结果（或是旧版本构建的）。先运行 npm run build。`,
    );
  }
  const next = readManifest(readFileSync(manifestPath, 'utf8'), manifestPath);
  if (!next.pages.length) fail(`${manifestPath} 里没有任何页面：这次构建是空的，不发布。`);

  const target = parseTarget(targetSpec);
  // releases/ and current beside the system's own folders: surely a mistyped target.
  if (target.root === '/')
    usageError(USAGE, `目标 ${targetSpec} 是根目录，不能发布到这里：写网站所在的文件夹，例如 /srv/haizhu`);
  let state: TargetState;
  try {
    state = readState(target);
  } catch (error) {
    if (!(error instanceof TargetMissing)) throw error;
    state = { currentIsNotRelease: false, releases: [] };
  }
  if (state.currentIsNotRelease) {
    fail(
      `${targetSpec}/current 存在，但不是指向 releases/ 里某个版本的符号链接，不能原子切换。` +
        `把 nginx 的 root 改为 ${target.root}/current 之前，先把它移走（例如 mv current current.old），再发布。`,
    );
  }

  const liveText = state.current ? readLive(target, MANIFEST_FILE) : undefined;
  if (!state.current) console.log(`${targetSpec} 还没有线上版本：首次发布，不比较页面清单。`);
  else if (liveText === undefined) console.log(`线上版本 ${state.current} 没有页面清单（旧的发布方式），这次不比较。`);
  else {
    const comparison = compare(readManifest(liveText, `线上的 ${MANIFEST_FILE}`), next);
    const refusals = refusalsOf(comparison, settings);
    console.log(
      `与线上版本 ${state.current} 比较：${next.pages.length} 个页面，新增 ${comparison.added.length} 个，删除 ${comparison.removed.length} 个。`,
    );
    if (refusals.length && !settings.allowShrink) {
      console.error(
        [`没有发布，线上网站不变：`, ...refusals.map((reason) => `  - ${reason}`), OVERRIDE_HINT].join('\n'),
      );
      return 1;
    }
    for (const reason of refusals) console.warn(`警告（PUBLISH_ALLOW_SHRINK=1，仍然发布）：${reason}`);
  }
  if (values['dry-run']) {
    console.log('--dry-run：检查通过，没有上传。');
    return 0;
  }

  const name = releaseName(state.releases, commit());
  const partial = `releases/.partial-${name}`;
  target.sh('mkdir -p releases', { create: true });
  const ssh = target.host ? ['-e', process.env.PUBLISH_SSH || 'ssh'] : [];
  // Unchanged files become hard links to the live release's: a publish costs only what changed.
  const linkDest = state.current ? ['--checksum', `--link-dest=../${state.current}`] : [];
  const rsync = spawnSync(
    'rsync',
    ['-a', '--delete', ...linkDest, ...ssh, `${dist}/`, target.rsyncPath(`${partial}/`)],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (rsync.error || rsync.status !== 0) {
    try {
      target.sh(`rm -rf ${quote(partial)}`);
    } catch {
      // Unreachable host: the next publish's prune removes what is left of the upload.
    }
    fail(
      rsync.error
        ? `无法运行 rsync：${rsync.error.message}（apt-get install rsync）。没有发布，线上网站不变。`
        : `上传失败（rsync 退出码 ${rsync.status}）。没有发布，线上网站不变。`,
    );
  }
  target.sh(`mv ${quote(partial)} ${quote(`releases/${name}`)}`);
  switchTo(target, name);
  const removed = prune(target, keep);
  console.log(
    [
      `已发布：${targetSpec}/current → releases/${name}（${next.pages.length} 个页面）。`,
      removed.length ? `删除了较早的版本：${removed.join('、')}。` : '',
      `保留最近 ${keep} 个版本；回到上一个版本：npm run rollback -- ${targetSpec}`,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return 0;
});
