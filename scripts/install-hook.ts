/**
 * npm run install:hook -- <bare repository> [--checkout <dir>] [--main <branch>] [--force]
 *
 * Installs the ownership check as the server-side pre-receive hook of a bare
 * Git repository (a plain Git server: git-http-backend, git over SSH, or
 * Gitea's/GitLab's repository folders). It writes <repository>/hooks/pre-receive
 * (mode 0755), a small POSIX sh script that execs
 *
 *   <this Node binary> <checkout>/scripts/check-ownership.ts --pre-receive
 *
 * with the push's standard input and environment, so Git refuses the whole push
 * when any pushed commit goes beyond the pusher's rights (the pusher comes from
 * the server: GL_USERNAME, GITEA_PUSHER_NAME or REMOTE_USER; see docs/git-server.md).
 *
 * <checkout> defaults to the project this installer lives in. It must be a
 * checkout of the district's main branch with node_modules installed (npm ci),
 * kept up to date by the server's administrator: never the code being pushed.
 * The Node binary is the one running this installer (process.execPath), written
 * as an absolute path, so the hook does not depend on the server's PATH.
 *
 * An existing pre-receive hook written by someone else is left alone unless
 * --force is given (it is then kept as pre-receive.replaced-<time>).
 *
 * Exit codes: 0 installed (or --help), 2 refused (the reason is printed).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommand } from './lib/cli.ts';

/** The line that marks a hook as written by this installer (and so safe to replace). */
const HOOK_MARKER = '# haizhu-party-brands: pre-receive ownership check, written by scripts/install-hook.ts';

const USAGE = `用法：npm run install:hook -- <裸仓库路径> [--checkout <目录>] [--main <分支>] [--force]

把归属检查安装为裸仓库的服务器端 pre-receive 钩子：写入 <裸仓库>/hooks/pre-receive（权限 0755），
由它用当前的 Node 运行 <检出目录>/scripts/check-ownership.ts --pre-receive，
推送中只要有一个提交超出推送者的权限，Git 就拒绝整个推送。

  <裸仓库路径>        服务器上的裸仓库，例如 /srv/git/party-brands.git
  --checkout <目录>   钩子运行的检查脚本所在的检出（区级 main 分支，已运行 npm ci），
                      默认是本安装脚本所在的项目目录；不能是推送上来的代码
  --main <分支>       受保护的主分支名（传给检查脚本），默认 main
  --force             覆盖已有的、不是本脚本写的 pre-receive 钩子（旧钩子另存一份）
  --help              显示本说明

推送者的账号由服务器提供：GitLab 的 GL_USERNAME、Gitea 的 GITEA_PUSHER_NAME，
或 Web 服务器登录后的 REMOTE_USER（git-http-backend）。详见 docs/git-server.md。`;

function refuse(message: string): never {
  console.error(`没有安装 pre-receive 钩子：${message}\n\n运行 npm run install:hook -- --help 查看用法。`);
  process.exit(2);
}

interface Options {
  repository: string;
  checkout: string;
  main?: string;
  force: boolean;
}

function parseArgs(argv: string[]): Options {
  const { values, positionals } = parseCommand(
    {
      usage: USAGE,
      options: { checkout: { type: 'string' }, main: { type: 'string' }, force: { type: 'boolean', default: false } },
      positionals: { min: 1, max: 1, name: '裸仓库的路径，例如 npm run install:hook -- /srv/git/party-brands.git' },
    },
    argv,
  );
  const { checkout, main } = values;
  if (checkout === '' || main === '') refuse(`${checkout === '' ? '--checkout' : '--main'} 后面缺少值。`);
  if (main !== undefined && !/^[A-Za-z0-9._/-]+$/.test(main)) refuse(`分支名“${main}”不合法。`);
  const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  return {
    repository: resolve(positionals[0]),
    checkout: resolve(checkout ?? projectDir),
    main,
    force: values.force === true,
  };
}

const isDirectory = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** Runs git on the repository alone (no discovery upwards, no work tree): its output, or Git's complaint. */
function gitIn(repository: string, ...args: string[]): { out?: string; error?: string } {
  const env = { ...process.env };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_INDEX_FILE']) delete env[name];
  try {
    const out = execFileSync('git', [`--git-dir=${repository}`, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    });
    return { out: out.trim() };
  } catch (error) {
    const stderr = error && typeof error === 'object' && 'stderr' in error ? String(error.stderr).trim() : '';
    const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
    return { error: code === 'ENOENT' ? '找不到 git 命令（apt-get install git）' : stderr || String(error) };
  }
}

function checkRepository(repository: string): string {
  if (!existsSync(repository)) refuse(`路径 ${repository} 不存在。`);
  if (!isDirectory(repository)) refuse(`${repository} 不是文件夹，更不是裸 Git 仓库。`);
  const bare = gitIn(repository, 'rev-parse', '--is-bare-repository');
  if (bare.out !== 'true') {
    if (existsSync(join(repository, '.git')))
      refuse(
        `${repository} 是带工作区的 Git 仓库，不是裸仓库。钩子要装在服务器上接收推送的裸仓库里（git init --bare）。`,
      );
    if (bare.out === 'false')
      refuse(`${repository} 是一个带工作区的仓库的 .git 文件夹，不是裸仓库（core.bare 不是 true）。`);
    refuse(`${repository} 不是 Git 仓库${bare.error ? `（git：${bare.error.split('\n')[0]}）` : ''}。`);
  }
  // Git runs hooks from core.hooksPath when it is set (in the repository, or globally on the server).
  const hooks = gitIn(repository, 'rev-parse', '--git-path', 'hooks');
  const hooksDir = resolve(repository, hooks.out || 'hooks');
  const expected = join(repository, 'hooks');
  if (hooksDir !== expected) {
    refuse(
      `这个仓库的 core.hooksPath 指向 ${hooksDir}，Git 不会运行 ${expected} 里的钩子。` +
        '请把本钩子放进那个文件夹，或取消 core.hooksPath（GitLab 请按 docs/git-server.md 用 custom_hooks）。',
    );
  }
  return expected;
}

function checkCheckout(checkout: string): string {
  if (!isDirectory(checkout)) refuse(`检出目录 ${checkout} 不存在。`);
  const script = join(checkout, 'scripts', 'check-ownership.ts');
  if (!existsSync(script))
    refuse(`检出目录 ${checkout} 里没有 scripts/check-ownership.ts：--checkout 要指向本项目区级 main 分支的检出。`);
  if (!readFileSync(script, 'utf8').includes('--pre-receive'))
    refuse(`${script} 还不支持 --pre-receive：请先把检出更新到区级 main 的最新版本（git pull --ff-only）。`);
  if (!isDirectory(join(checkout, 'node_modules')))
    refuse(`检出目录 ${checkout} 里没有 node_modules：请先在那里运行 npm ci。`);
  return script;
}

/** A word for POSIX sh, in single quotes ('\'' for a quote inside). */
const shellQuote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

function hookScript(node: string, script: string, main?: string): string {
  const args = ['--pre-receive', ...(main ? ['--main', main] : [])].map(shellQuote).join(' ');
  return [
    '#!/bin/sh',
    HOOK_MARKER,
    '# 归属检查：按推送者（GL_USERNAME、GITEA_PUSHER_NAME 或 REMOTE_USER）和推送前 main 上的',
    '# cms/owners.yaml 检查每个推送的提交，有一个超出权限就拒绝整个推送。重新安装：npm run install:hook。',
    `node=${shellQuote(node)}`,
    `script=${shellQuote(script)}`,
    'if [ ! -x "$node" ] || [ ! -f "$script" ]; then',
    '  echo "归属检查无法运行：找不到 $node 或 $script，推送被拒绝。请服务器管理员检查检出目录（npm ci）并重新运行 npm run install:hook。" >&2',
    '  exit 1',
    'fi',
    `exec "$node" "$script" ${args}`,
    '',
  ].join('\n');
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const hooksDir = checkRepository(options.repository);
  const script = checkCheckout(options.checkout);
  const node = process.execPath;
  const target = join(hooksDir, 'pre-receive');
  let replaced: string | undefined;
  if (existsSync(target)) {
    const current = readFileSync(target, 'utf8');
    if (!current.includes(HOOK_MARKER)) {
      if (!options.force)
        refuse(
          `${target} 已经存在，而且不是本脚本写的钩子，没有覆盖它。请先看看它做什么；确定要替换，加 --force（旧钩子会另存一份）。`,
        );
      replaced = `${target}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(target, replaced);
    }
  }
  if (!isDirectory(hooksDir)) refuse(`${hooksDir} 不存在（裸仓库应当有 hooks 文件夹）。`);
  const text = hookScript(node, script, options.main);
  const temporary = `${target}.tmp-${process.pid}`;
  writeFileSync(temporary, text, { mode: 0o755 });
  chmodSync(temporary, 0o755);
  renameSync(temporary, target);
  console.log(`已安装 pre-receive 钩子：${target}（权限 0755）`);
  if (replaced) console.log(`原来的钩子另存为：${replaced}`);
  console.log(`  Node：    ${node}`);
  console.log(`  检查脚本：${script}`);
  console.log(`  主分支：  ${options.main ?? 'main'}`);
  console.log(
    '\n检出目录要一直是区级 main 的检出并装好依赖（git pull --ff-only && npm ci），推送者账号由服务器提供' +
      '（GL_USERNAME、GITEA_PUSHER_NAME 或 REMOTE_USER）。详见 docs/git-server.md。\n',
  );
  console.log(text);
}

main();
