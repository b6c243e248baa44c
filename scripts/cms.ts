/**
 * npm run cms: edit this repository in Decap CMS with no account.
 *
 * Builds the site (with its /admin/ pages), serves it on 127.0.0.1, and starts
 * Decap's local proxy (decap-server) over this repository in Git mode, so
 * saving an entry makes a branch cms/<collection>/<slug> with a commit, and
 * publishing it merges into main: the editorial workflow, locally.
 *
 * Git mode commits with `git add .`, i.e. everything in the work tree, so
 * this refuses to start unless the work tree is clean: an untracked or
 * modified file would otherwise be swept into the first entry saved.
 *
 *   npm run cms                  build, then serve the site and the proxy
 *   npm run cms -- --dev         astro dev instead of a build (live reload, slower first load)
 *   npm run cms -- --no-build    serve the existing dist/
 *
 * Ports: CMS_SITE_PORT (default 4321) and CMS_PROXY_PORT (default 8081).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseCommand } from './lib/cli.ts';

const { values } = parseCommand({
  usage: `用法：npm run cms [-- --dev | --no-build]
在本机用 Decap CMS 编辑这个仓库，不需要账号：构建网站，在 127.0.0.1 上提供，并以 Git 模式启动 Decap 本地代理
（保存即在 cms/… 分支上提交，“发布”合并进主分支）。工作区必须干净。
  --dev        用 astro dev 代替构建（实时刷新，首次打开较慢）
  --no-build   直接使用已有的 dist/
端口：CMS_SITE_PORT（默认 4321）、CMS_PROXY_PORT（默认 8081）。按 Ctrl+C 停止。`,
  options: { dev: { type: 'boolean', default: false }, 'no-build': { type: 'boolean', default: false } },
});
const dev = values.dev;
const build = !dev && !values['no-build'];
const sitePort = process.env.CMS_SITE_PORT || '4321';
const proxyPort = process.env.CMS_PROXY_PORT || '8081';
const branch = process.env.CMS_BRANCH || 'main';
const repo = process.cwd();

function refuse(message: string): never {
  console.error(`\nnpm run cms 没有启动：${message}\n`);
  process.exit(1);
}

// Git's own errors stay quiet: each failure below is explained in Chinese instead.
const git = (...gitArgs: string[]) =>
  execFileSync('git', gitArgs, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trimEnd();

// 1. The guard: decap-server's Git mode commits the whole work tree.
try {
  git('rev-parse', '--show-toplevel');
} catch {
  refuse('当前目录不是 Git 仓库。');
}
const status = git('status', '--porcelain=v1', '--untracked-files=all');
if (status) {
  const lines = status.split('\n');
  refuse(
    [
      '工作区不干净。Decap 的 Git 模式用 “git add .” 提交整个工作区，下面这些文件会被混进第一条保存的内容里：',
      ...lines.slice(0, 30).map((line) => `  ${line}`),
      ...(lines.length > 30 ? [`  ……还有 ${lines.length - 30} 个`] : []),
      '请先提交、删除或在 .gitignore 中忽略它们（git stash -u 可以暂存），再运行 npm run cms。',
    ].join('\n'),
  );
}
const current = git('branch', '--show-current');
if (current !== branch) refuse(`当前分支是“${current || '（无）'}”，请先 git switch ${branch}。`);
try {
  git('config', 'user.name');
  git('config', 'user.email');
} catch {
  refuse('Git 没有设置提交者（git config user.name / user.email），Decap 保存时无法提交。');
}

const children: ChildProcess[] = [];
function stop(code = 0) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

function run(command: string, commandArgs: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(command, commandArgs, { cwd: repo, env: { ...process.env, ...env }, stdio: 'inherit' });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (signal === 'SIGTERM') return;
    console.error(`${command} ${commandArgs.join(' ')} 已退出（${code ?? signal}），内容管理停止。`);
    stop(code || 1);
  });
  return child;
}

const siteEnv = { CMS_PROXY_PORT: proxyPort, CMS_BRANCH: branch };

// 2. The site, with the admin pages pointing at this proxy.
if (build) {
  console.log('构建网站（含 /admin/ 内容管理页面）……');
  execFileSync('npx', ['astro', 'build'], { cwd: repo, env: { ...process.env, ...siteEnv }, stdio: 'inherit' });
}
if (!dev && !existsSync(`${repo}/${process.env.OUT_DIR ?? 'dist'}/admin/index.html`)) {
  refuse('没有找到构建好的 /admin/ 页面，请去掉 --no-build 重新运行。');
}

// 3. Decap's proxy over this repository, Git mode (editorial workflow).
const server = createRequire(import.meta.url).resolve('decap-server/dist/index.js');
run(process.execPath, [server], {
  MODE: 'git',
  GIT_REPO_DIRECTORY: repo,
  BIND_HOST: '127.0.0.1',
  PORT: proxyPort,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
});

// 4. The site itself.
run(
  'npx',
  dev
    ? ['astro', 'dev', '--host', '127.0.0.1', '--port', sitePort]
    : ['astro', 'preview', '--host', '127.0.0.1', '--port', sitePort],
  siteEnv,
);

const base = `http://127.0.0.1:${sitePort}`;
const ready = async () => {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      const [site, proxy] = await Promise.all([
        fetch(`${base}/admin/`),
        fetch(`http://127.0.0.1:${proxyPort}/api/v1`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ action: 'info' }),
        }),
      ]);
      if (site.ok && proxy.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
};
if (await ready()) {
  console.log(
    [
      '',
      `内容管理已启动（Decap 本地代理 127.0.0.1:${proxyPort}，Git 模式，分支 ${branch}）：`,
      `  区级      ${base}/admin/`,
      `  龙凤街道  ${base}/admin/longfeng/   （每个街道一个：/admin/<街道编号>/）`,
      `  评委      ${base}/admin/judges/`,
      '保存会在 cms/… 分支上提交，“发布”后合并进主分支。按 Ctrl+C 停止。',
    ].join('\n'),
  );
} else {
  console.error('网站或 Decap 代理没有按时启动。');
  stop(1);
}
