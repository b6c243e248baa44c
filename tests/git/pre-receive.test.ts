/**
 * The ownership check as a real Git server's pre-receive hook.
 *
 * One server for the whole file: nginx (tests/support/nginx.ts) on 127.0.0.1 with
 * one basic-auth account per office, passing the authenticated REMOTE_USER to
 * git-http-backend behind fcgiwrap (Debian: nginx-light, fcgiwrap, git). The bare
 * repository is seeded with a small valid content set and a synthetic
 * cms/owners.yaml, and the hook is installed with the real installer
 * (`npm run install:hook`). Then offices push over HTTP from clones, every commit
 * forging the district as its author and committer, and each case asserts whether
 * Git refused the push, what the hook said (the `remote:` lines) and that the
 * server's refs did not move after a refusal.
 *
 * The installer's own refusals (no argument, not a bare repository, a checkout
 * without the script or node_modules, someone else's hook) are tested first,
 * without the server; so is a hook whose paths need quoting.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Nginx, startNginx } from '../support/nginx.ts';

const PROJECT = resolve('.');
const FCGIWRAP = '/usr/sbin/fcgiwrap';
const HTTP_BACKEND = '/usr/lib/git-core/git-http-backend';
const REPO = 'party-brands.git';

/** Basic-auth accounts; `stranger` can log in to the web server but is not in cms/owners.yaml. */
const PASSWORDS: Record<string, string> = {
  'haizhu-district': 'district-secret',
  'longfeng-office': 'longfeng secret:1',
  'chigang-office': 'chigang-secret',
  'judge-a': 'judge-secret',
  stranger: 'stranger-secret',
  // The same office with other capitals: Git hosts treat user names case-insensitively.
  'LongFeng-Office': 'capitals-secret',
};

/** Every office commit claims to be the district's: the check must not care. */
const FORGED = {
  GIT_AUTHOR_NAME: '海珠区委组织部',
  GIT_AUTHOR_EMAIL: 'haizhu-district@example.gov.cn',
  GIT_COMMITTER_NAME: 'haizhu-district',
  GIT_COMMITTER_EMAIL: 'haizhu-district@example.gov.cn',
};
const DISTRICT = {
  GIT_AUTHOR_NAME: '区级管理员',
  GIT_AUTHOR_EMAIL: 'admin@example.gov.cn',
  GIT_COMMITTER_NAME: '区级管理员',
  GIT_COMMITTER_EMAIL: 'admin@example.gov.cn',
};

const OWNERS = `# 测试用的内容归属表
district:
  name: 海珠区委组织部（测试）
  accounts:
    - haizhu-district
streets:
  longfeng:
    accounts:
      - longfeng-office
  chigang:
    accounts:
      - chigang-office
judges:
  judge-a:
    accounts:
      - judge-a
`;

const CAMPAIGN = `id: 2026-call
title: 2026 年测试征集令
organiser: 海珠区委组织部（测试）
description: 测试用征集令：只为验证推送钩子而设，并非正式发布的通知，内容均为示例。
opens: '2026-09-01'
closes: '2026-10-15'
eligibility:
- 全区各街道党工委
rubric:
- id: impact
  name: 实际成效
  weight: 60
  scale: 10
- id: innovation
  name: 创新特色
  weight: 40
  scale: 10
stages:
- stage: submission
  start: '2026-09-01'
  end: '2026-10-15'
- stage: review
  start: '2026-11-01'
  end: '2026-11-30'
judges:
- judge-a
sample: true
`;

const street = (id: string, code: string, name: string, lng: number, lat: number) => `id: ${id}
code: "${code}"
name: ${name}街道
shortName: ${name}
point:
  lng: ${lng}
  lat: ${lat}
intro: 测试用街道条目：只为验证推送钩子而设，内容均为示例。
`;

const site = (street: string, name: string, lng: number, lat: number) => `id: ${street}-zhongxin
name: ${name}街党群服务中心（示例）
type: service-centre
street: ${street}
address: 海珠区测试路 1 号
point:
  lng: ${lng}
  lat: ${lat}
sample: true
`;

const brand = (street: string, id: string, title: string, extra = '') => `---
id: ${id}
title: ${title}
street: ${street}
organisation: ${title}所在街道党工委
category: other
tagline: 测试用的街道品牌条目
summary: 测试用品牌条目：只为验证推送钩子而设，内容均为示例，不代表真实情况。
year: 2026
status: submitted
${extra}sample: true
---

测试正文。
`;

const signUp = (street: string, id: string, stage: string, extra = '') => `---
id: ${id}
campaign: 2026-call
street: ${street}
organisation: 测试街道党工委
title: 测试申报项目
category: other
summary: 测试用申报：只为验证推送钩子而设，内容均为示例，不代表真实情况。
stage: ${stage}
${extra}sample: true
---

测试正文。
`;

const SEED: Record<string, string> = {
  'README.md': '# 测试仓库\n',
  'src/hello.ts': "export const hello = '你好';\n",
  'cms/owners.yaml': OWNERS,
  // A test folder names its own streets (src/lib/content-guard.ts); everything else it needs is here.
  'content/district.yaml': 'streets: [longfeng, chigang]\n',
  'content/streets/longfeng.yaml': street('longfeng', '440105009', '龙凤', 113.2557, 23.1017),
  'content/streets/chigang.yaml': street('chigang', '440105001', '赤岗', 113.3196, 23.1026),
  'content/sites/longfeng/longfeng-zhongxin.yaml': site('longfeng', '龙凤', 113.2535, 23.1003),
  'content/sites/chigang/chigang-zhongxin.yaml': site('chigang', '赤岗', 113.3195, 23.1025),
  'content/campaigns/2026-call.yaml': CAMPAIGN,
  'content/judges/judge-a.yaml':
    'id: judge-a\ncode: 评审专家A\nname: 测试评委甲\naffiliation: 测试单位（示例）\nconflicts: []\n',
  'content/brands/longfeng/yuxiuge.md': brand('longfeng', 'yuxiuge', '毓秀阁'),
  'content/brands/chigang/lujiang.md': brand('chigang', 'lujiang', '鹭江先锋'),
  'content/submissions/2026-call/longfeng/yuxiuge-2026.md': signUp('longfeng', 'yuxiuge-2026', 'submitted'),
  'content/submissions/2026-call/chigang/lujiang-2026.md': signUp('chigang', 'lujiang-2026', 'shortlisted'),
  'content/reviews/2026-call/judge-a/lujiang-2026.yaml':
    'judge: judge-a\nsubmission: lujiang-2026\nscores:\n  impact: 8\n  innovation: 7\ncomment: 测试评语。\n',
};

let tmp = '';
/** The environment every git command of the test runs with: no user or system config, never a prompt. */
let gitEnv: Record<string, string> = {};

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

function run(command: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Result {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? tmp,
    env: options.env ?? gitEnv,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: result.stdout + result.stderr };
}

function git(cwd: string, args: string[], identity: Record<string, string> = FORGED): string {
  const result = run('git', args, { cwd, env: { ...gitEnv, ...identity } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} (${cwd}) failed:\n${result.output}`);
  return result.stdout.trim();
}

function write(dir: string, path: string, text: string) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

function edit(dir: string, path: string, change: (text: string) => string) {
  const before = read(dir, path);
  const after = change(before);
  expect(after, `the edit of ${path} changes it`).not.toBe(before);
  write(dir, path, after);
}

/** Adds a line at the end of a file (a Markdown body's last paragraph, or a YAML comment). */
function append(dir: string, path: string, line: string) {
  edit(dir, path, (text) => `${text}${path.endsWith('.md') ? '' : '# '}${line}\n`);
}

function commit(dir: string, message: string, identity: Record<string, string> = FORGED): string {
  git(dir, ['add', '-A'], identity);
  git(dir, ['commit', '-q', '-m', message], identity);
  return git(dir, ['rev-parse', 'HEAD']);
}

// The server.
let nginx: Nginx | undefined;
let fcgiwrap: ChildProcess | undefined;
let bare = '';
let clones = 0;

/** A fresh clone of the server's repository as it is now (read from disk: only pushes go over HTTP). */
function clone(): string {
  const dir = join(tmp, 'clones', String(++clones));
  git(tmp, ['clone', '-q', bare, dir]);
  return dir;
}

const url = (account: string, password = PASSWORDS[account]) =>
  `http://${encodeURIComponent(account)}:${encodeURIComponent(password)}@127.0.0.1:${nginx?.port}/${REPO}`;

/** `git push` over HTTP as an account; the result, whether Git succeeded or not. */
function push(dir: string, account: string, refspecs: string[] = ['HEAD:refs/heads/main'], extra: string[] = []) {
  return run('git', [...extra, 'push', url(account), ...refspecs], { cwd: dir });
}

/** The server's refs, one `<sha> <ref>` per line. */
const refs = () => git(bare, ['for-each-ref', '--format=%(objectname) %(refname)']);
const serverMain = () => git(bare, ['rev-parse', 'refs/heads/main']);

/** What the hook printed, as git relays it to the pusher. */
const remote = (result: Result) =>
  result.output
    .split('\n')
    .filter((line) => line.startsWith('remote:'))
    .join('\n');

function expectRefused(result: Result, refsBefore: string, ...reasons: RegExp[]) {
  expect(result.status, result.output).not.toBe(0);
  expect(result.output).toMatch(/pre-receive hook declined/);
  const said = remote(result);
  expect(said, result.output).toMatch(/拒绝/);
  for (const reason of reasons) expect(said, `the hook's reasons name ${reason}`).toMatch(reason);
  expect(refs(), 'the server refs are unchanged').toBe(refsBefore);
}

function expectAccepted(result: Result, dir: string, ref = 'refs/heads/main') {
  expect(result.status, result.output).toBe(0);
  expect(git(bare, ['rev-parse', ref])).toBe(git(dir, ['rev-parse', 'HEAD']));
}

/** Paths in the hook's output come after ✗ (refused) or ✓ (allowed). */
const refusedLine = (path: string) => new RegExp(`✗ ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

function sha1Password(password: string) {
  return `{SHA}${createHash('sha1').update(password).digest('base64')}`;
}

/** The installer run as npm runs it (the Node that runs this test is the project's Node 24). */
function installer(...args: string[]) {
  return run(process.execPath, [join(PROJECT, 'scripts/install-hook.ts'), ...args], {
    cwd: PROJECT,
    env: { ...gitEnv },
  });
}

const STACK_TRACE = /^\s+at .+[:(]\d+:\d+\)?$/m;

function seedRepository(name: string): string {
  const seed = join(tmp, `seed-${name}`);
  mkdirSync(seed, { recursive: true });
  git(seed, ['init', '-q', '-b', 'main'], DISTRICT);
  for (const [path, text] of Object.entries(SEED)) write(seed, path, text);
  commit(seed, '测试内容', DISTRICT);
  const target = join(tmp, 'repos', name);
  git(tmp, ['clone', '-q', '--bare', seed, target], DISTRICT);
  return target;
}

beforeAll(async () => {
  for (const tool of [FCGIWRAP, HTTP_BACKEND]) {
    if (!existsSync(tool)) throw new Error(`${tool} is missing: apt-get install -y nginx-light fcgiwrap git`);
  }
  tmp = mkdtempSync(join(tmpdir(), 'haizhu-pre-receive-'));
  const home = join(tmp, 'home');
  mkdirSync(home);
  writeFileSync(
    join(home, '.gitconfig'),
    '[user]\n\tname = test\n\temail = test@example.invalid\n[core]\n\tquotePath = false\n[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n[credential]\n\thelper =\n',
  );
  gitEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    LANG: 'C.UTF-8',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
  };
  bare = seedRepository(REPO);

  // The seed is valid content, so every refusal below is the ownership check's, not the validator's.
  const seedCheck = run(
    process.execPath,
    [join(PROJECT, 'scripts/check-content.ts'), join(tmp, `seed-${REPO}/content`)],
    {
      cwd: PROJECT,
      env: { ...gitEnv },
    },
  );
  expect(seedCheck.status, seedCheck.output).toBe(0);

  // The real installer, through its npm script.
  const install = run('npm', ['run', '--silent', 'install:hook', '--', bare], {
    cwd: PROJECT,
    env: { ...process.env, HOME: home } as Record<string, string>,
  });
  expect(install.status, install.output).toBe(0);

  const passwords = Object.entries(PASSWORDS)
    .map(([account, password], index) => `${account}:${index % 2 ? sha1Password(password) : `{PLAIN}${password}`}`)
    .join('\n');
  writeFileSync(join(tmp, 'htpasswd'), `${passwords}\n`);

  // fcgiwrap gets no environment of ours: the hook learns the pusher only from what nginx passes.
  const socket = join(tmp, 'fcgiwrap.sock');
  fcgiwrap = spawn(FCGIWRAP, ['-s', `unix:${socket}`], { env: { PATH: '/usr/bin:/bin' }, stdio: 'ignore' });
  for (let attempt = 0; !existsSync(socket); attempt++) {
    if (fcgiwrap.exitCode !== null || attempt > 200) throw new Error(`fcgiwrap did not start (${fcgiwrap.exitCode})`);
    await new Promise((done) => setTimeout(done, 25));
  }

  nginx = await startNginx(
    (port) => `
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    location / {
      auth_basic "haizhu party-brands git";
      auth_basic_user_file ${join(tmp, 'htpasswd')};
      client_max_body_size 0;
      fastcgi_pass unix:${socket};
      fastcgi_param SCRIPT_FILENAME ${HTTP_BACKEND};
      fastcgi_param GIT_PROJECT_ROOT ${join(tmp, 'repos')};
      fastcgi_param GIT_HTTP_EXPORT_ALL "";
      fastcgi_param PATH_INFO $uri;
      fastcgi_param REMOTE_USER $remote_user;
      fastcgi_param REMOTE_ADDR $remote_addr;
      fastcgi_param REQUEST_METHOD $request_method;
      fastcgi_param QUERY_STRING $query_string;
      fastcgi_param CONTENT_TYPE $content_type;
      fastcgi_param CONTENT_LENGTH $content_length;
    }
  }`,
  );
});

afterAll(async () => {
  await nginx?.stop();
  if (fcgiwrap && fcgiwrap.exitCode === null && fcgiwrap.signalCode === null) {
    const exited = new Promise((done) => fcgiwrap?.once('exit', done));
    fcgiwrap.kill('SIGTERM');
    await exited;
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('npm run install:hook', () => {
  it('prints its usage for --help and exits 0', () => {
    const result = installer('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/用法：npm run install:hook -- <裸仓库路径>/);
  });

  it.each([
    ['no argument', [], /缺少裸仓库的路径/],
    ['a path that does not exist', ['/nonexistent/party-brands.git'], /不存在/],
    ['an unknown option', ['--frobnicate'], /不认识的选项 --frobnicate/],
  ])('refuses %s with exit 2 and a Chinese message, no stack trace', (_name, args, message) => {
    const result = installer(...(args as string[]));
    expect(result.status, result.output).toBe(2);
    expect(result.stderr).toMatch(message as RegExp);
    // A mistake in the arguments is answered with the usage; anything else says nothing was installed.
    expect(result.stderr).toMatch(/用法|没有安装 pre-receive 钩子/);
    expect(result.output).not.toMatch(STACK_TRACE);
  });

  it('refuses a repository with a work tree, and a folder that is no repository', () => {
    const work = clone();
    const withTree = installer(work);
    expect(withTree.status, withTree.output).toBe(2);
    expect(withTree.stderr).toMatch(/带工作区的 Git 仓库，不是裸仓库/);
    const dotGit = installer(join(work, '.git'));
    expect(dotGit.status, dotGit.output).toBe(2);
    expect(dotGit.stderr).toMatch(/不是裸仓库/);
    const folder = join(tmp, 'just-a-folder');
    mkdirSync(folder);
    const plain = installer(folder);
    expect(plain.status, plain.output).toBe(2);
    expect(plain.stderr).toMatch(/不是 Git 仓库/);
    for (const result of [withTree, dotGit, plain]) expect(result.output).not.toMatch(STACK_TRACE);
    expect(existsSync(join(work, '.git/hooks/pre-receive'))).toBe(false);
  });

  it('refuses a checkout without scripts/check-ownership.ts, or without node_modules', () => {
    const target = seedRepository('installer-checkout.git');
    const empty = join(tmp, 'empty-checkout');
    mkdirSync(empty);
    const noScript = installer(target, '--checkout', empty);
    expect(noScript.status, noScript.output).toBe(2);
    expect(noScript.stderr).toMatch(/没有 scripts\/check-ownership\.ts/);

    const noModules = join(tmp, 'checkout-without-modules');
    mkdirSync(noModules);
    symlinkSync(join(PROJECT, 'scripts'), join(noModules, 'scripts'));
    const result = installer(target, `--checkout=${noModules}`);
    expect(result.status, result.output).toBe(2);
    expect(result.stderr).toMatch(/没有 node_modules：请先在那里运行 npm ci/);
    for (const refusal of [noScript, result]) expect(refusal.output).not.toMatch(STACK_TRACE);
    expect(existsSync(join(target, 'hooks/pre-receive'))).toBe(false);
  });

  it('leaves a pre-receive hook that is not its own unless --force, then keeps a copy', () => {
    const target = seedRepository('installer-foreign.git');
    const foreign = '#!/bin/sh\n# someone else\nexit 0\n';
    writeFileSync(join(target, 'hooks/pre-receive'), foreign, { mode: 0o755 });
    const refused = installer(target);
    expect(refused.status, refused.output).toBe(2);
    expect(refused.stderr).toMatch(/已经存在，而且不是本脚本写的钩子/);
    expect(refused.stderr).toMatch(/--force/);
    expect(read(target, 'hooks/pre-receive')).toBe(foreign);

    const forced = installer(target, '--force');
    expect(forced.status, forced.output).toBe(0);
    expect(forced.stdout).toMatch(/原来的钩子另存为/);
    const kept = readdirSync(join(target, 'hooks')).filter((name) => name.startsWith('pre-receive.replaced-'));
    expect(kept).toHaveLength(1);
    expect(read(target, `hooks/${kept[0]}`)).toBe(foreign);
    expect(read(target, 'hooks/pre-receive')).toMatch(/scripts\/install-hook\.ts/);

    // Its own hook it simply rewrites.
    const again = installer(target);
    expect(again.status, again.output).toBe(0);
    expect(readdirSync(join(target, 'hooks')).filter((name) => name.startsWith('pre-receive.replaced-'))).toHaveLength(
      1,
    );
  });

  it('writes an executable sh hook naming this Node and the checkout, quoted, that really runs the check', () => {
    const target = seedRepository('installer-quoting.git');
    // A checkout whose path needs quoting: spaces, a quote, $ and a backtick.
    const checkout = join(tmp, "区级 检出 it's $HOME `x`");
    mkdirSync(checkout);
    for (const name of ['scripts', 'src', 'node_modules', 'package.json', 'cms']) {
      symlinkSync(join(PROJECT, name), join(checkout, name));
    }
    const result = installer(target, '--checkout', checkout);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(/已安装 pre-receive 钩子/);
    const hookPath = join(target, 'hooks/pre-receive');
    expect(statSync(hookPath).mode & 0o777).toBe(0o755);
    const hook = read(target, 'hooks/pre-receive');
    expect(hook.startsWith('#!/bin/sh\n')).toBe(true);
    expect(hook).toContain(`node='${process.execPath}'`);
    expect(hook).toContain(`script='${checkout.replaceAll("'", "'\\''")}/scripts/check-ownership.ts'`);
    expect(hook).toMatch(/exec "\$node" "\$script" '--pre-receive'/);
    const syntax = run('sh', ['-n', hookPath]);
    expect(syntax.status, syntax.output).toBe(0);

    // A local push runs the hook with the pusher's environment, where GitLab and Gitea set their variables.
    const work = join(tmp, 'quoting-work');
    git(tmp, ['clone', '-q', target, work]);
    append(work, 'content/brands/longfeng/yuxiuge.md', '龙凤自己的修改。');
    commit(work, '龙凤改自己的品牌');
    const own = run('git', ['push', 'origin', 'HEAD:main'], {
      cwd: work,
      env: { ...gitEnv, GL_USERNAME: 'longfeng-office' },
    });
    expect(own.status, own.output).toBe(0);
    expect(remote(own)).toMatch(/longfeng-office（GL_USERNAME；街道 longfeng）/);
    append(work, 'content/brands/chigang/lujiang.md', '龙凤改了赤岗。');
    commit(work, '龙凤改赤岗的品牌');
    const other = run('git', ['push', 'origin', 'HEAD:main'], {
      cwd: work,
      env: { ...gitEnv, GITEA_PUSHER_NAME: 'longfeng-office' },
    });
    expect(other.status, other.output).not.toBe(0);
    expect(remote(other)).toMatch(/longfeng-office（GITEA_PUSHER_NAME；街道 longfeng）/);
    expect(remote(other)).toMatch(refusedLine('content/brands/chigang/lujiang.md'));
  });

  it("checks the first push to an empty repository against the checkout's own map", () => {
    const target = join(tmp, 'repos', 'installer-empty.git');
    git(tmp, ['init', '-q', '--bare', target]);
    const install = installer(target);
    expect(install.status, install.output).toBe(0);
    const work = join(tmp, 'empty-work');
    // This project's map governs the offices' repository, which holds no judge or score.
    mkdirSync(work, { recursive: true });
    git(work, ['init', '-q', '-b', 'main'], DISTRICT);
    for (const [path, text] of Object.entries(SEED)) {
      if (!/^content\/(judges|reviews)\//.test(path)) write(work, path, text);
    }
    commit(work, '网站仓库的内容', DISTRICT);
    const as = (account: string) =>
      run('git', ['push', target, 'HEAD:refs/heads/main'], { cwd: work, env: { ...gitEnv, REMOTE_USER: account } });
    // cms/owners.yaml of this project: longfeng-office is an office there, haizhu-district the district.
    const office = as('longfeng-office');
    expect(office.status, office.output).not.toBe(0);
    expect(remote(office)).toMatch(refusedLine('cms/owners.yaml'));
    expect(git(target, ['for-each-ref'])).toBe('');
    const district = as('haizhu-district');
    expect(district.status, district.output).toBe(0);
    expect(git(target, ['rev-parse', 'main'])).toBe(git(work, ['rev-parse', 'HEAD']));
  });
});

describe('pushes over HTTP to nginx + git-http-backend with the hook', () => {
  it('answers 401 to a wrong password or none, and a wrong password moves no ref', async () => {
    const before = refs();
    const infoRefs = `http://127.0.0.1:${nginx?.port}/${REPO}/info/refs?service=git-receive-pack`;
    expect((await fetch(infoRefs)).status).toBe(401);
    const wrong = `Basic ${Buffer.from('longfeng-office:wrong').toString('base64')}`;
    expect((await fetch(infoRefs, { headers: { authorization: wrong } })).status).toBe(401);
    const right = `Basic ${Buffer.from(`longfeng-office:${PASSWORDS['longfeng-office']}`).toString('base64')}`;
    expect((await fetch(infoRefs, { headers: { authorization: right } })).status).toBe(200);

    const dir = clone();
    append(dir, 'content/brands/longfeng/yuxiuge.md', '密码错误时的修改。');
    commit(dir, '密码错误');
    const result = run('git', ['push', url('longfeng-office', 'wrong'), 'HEAD:refs/heads/main'], { cwd: dir });
    expect(result.status, result.output).not.toBe(0);
    expect(result.output).toMatch(/Authentication failed|401/);
    expect(refs()).toBe(before);
  });

  it("accepts an office's edit of its own brand (author and committer forged as the district)", () => {
    const dir = clone();
    append(dir, 'content/brands/longfeng/yuxiuge.md', '龙凤街道更新了品牌介绍。');
    commit(dir, '更新毓秀阁介绍');
    const result = push(dir, 'longfeng-office');
    expectAccepted(result, dir);
    expect(remote(result)).toMatch(/longfeng-office（REMOTE_USER；街道 longfeng）/);
    expect(remote(result)).toMatch(/✓ content\/brands\/longfeng\/yuxiuge\.md/);
  });

  it("refuses an office's edit of another street's brand, whatever the author or the headers claim", () => {
    const before = refs();
    const dir = clone();
    append(dir, 'content/brands/chigang/lujiang.md', '龙凤冒充区级改了赤岗的品牌。');
    commit(dir, '区级：更新鹭江先锋');
    const result = push(dir, 'longfeng-office', undefined, [
      '-c',
      'http.extraHeader=Gl-Username: haizhu-district',
      '-c',
      'http.extraHeader=Remote-User: haizhu-district',
    ]);
    expectRefused(result, before, refusedLine('content/brands/chigang/lujiang.md'), /街道 chigang 的文件夹/);
    expect(remote(result)).toMatch(/longfeng-office（REMOTE_USER；街道 longfeng）/);
  });

  it('refuses an office editing the ownership map or a district file', () => {
    const before = refs();
    const dir = clone();
    edit(dir, 'cms/owners.yaml', (text) =>
      text.replace('      - chigang-office', '      - chigang-office\n      - longfeng-office'),
    );
    edit(dir, 'content/campaigns/2026-call.yaml', (text) =>
      text.replace("closes: '2026-10-15'", "closes: '2026-12-31'"),
    );
    commit(dir, '延长截止日期');
    const result = push(dir, 'chigang-office');
    expectRefused(
      result,
      before,
      refusedLine('cms/owners.yaml'),
      /内容归属表只有区级账号可以修改/,
      refusedLine('content/campaigns/2026-call.yaml'),
      /这是区级文件/,
    );
  });

  it('accepts a new brand filed as submitted by its office', () => {
    const dir = clone();
    write(dir, 'content/brands/longfeng/xinpinpai.md', brand('longfeng', 'xinpinpai', '新品牌'));
    commit(dir, '申报新品牌');
    expectAccepted(push(dir, 'longfeng-office'), dir);
  });

  it.each([
    [
      'its sign-up moved to stage selected',
      (dir: string) =>
        edit(dir, 'content/submissions/2026-call/longfeng/yuxiuge-2026.md', (text) =>
          text.replace('stage: submitted', 'stage: selected'),
        ),
      'content/submissions/2026-call/longfeng/yuxiuge-2026.md',
      /stage/,
    ],
    [
      'its sign-up given a brand',
      (dir: string) =>
        edit(dir, 'content/submissions/2026-call/longfeng/yuxiuge-2026.md', (text) =>
          text.replace('stage: submitted\n', 'stage: submitted\nbrand: yuxiuge\n'),
        ),
      'content/submissions/2026-call/longfeng/yuxiuge-2026.md',
      /brand/,
    ],
    [
      'a new brand filed with status selected',
      (dir: string) =>
        write(
          dir,
          'content/brands/longfeng/zixuan.md',
          brand('longfeng', 'zixuan', '自选品牌').replace('status: submitted', 'status: selected'),
        ),
      'content/brands/longfeng/zixuan.md',
      /status/,
    ],
    [
      'its brand given a round',
      (dir: string) =>
        edit(dir, 'content/brands/longfeng/yuxiuge.md', (text) =>
          text.replace('status: submitted\n', 'status: submitted\nround: 2026-call\n'),
        ),
      'content/brands/longfeng/yuxiuge.md',
      /round/,
    ],
  ])('refuses self-promotion: %s', (_name, change, path, field) => {
    const before = refs();
    const dir = clone();
    change(dir);
    commit(dir, '自己提升');
    expectRefused(push(dir, 'longfeng-office'), before, refusedLine(path), field);
  });

  it('refuses a symbolic link in the office’s own folder', () => {
    const before = refs();
    const dir = clone();
    mkdirSync(join(dir, 'content/brands/longfeng/images'), { recursive: true });
    symlinkSync('../../../../cms/owners.yaml', join(dir, 'content/brands/longfeng/images/cover.svg'));
    commit(dir, '封面图');
    expectRefused(
      push(dir, 'longfeng-office'),
      before,
      refusedLine('content/brands/longfeng/images/cover.svg'),
      /符号链接/,
    );
  });

  it('refuses an executable file in the office’s own folder', () => {
    const before = refs();
    const dir = clone();
    write(dir, 'content/brands/longfeng/images/run.sh', '#!/bin/sh\necho hi\n');
    chmodSync(join(dir, 'content/brands/longfeng/images/run.sh'), 0o755);
    commit(dir, '脚本');
    expect(git(dir, ['ls-files', '-s', 'content/brands/longfeng/images/run.sh'])).toMatch(/^100755 /);
    expectRefused(
      push(dir, 'longfeng-office'),
      before,
      refusedLine('content/brands/longfeng/images/run.sh'),
      /可执行文件/,
    );
  });

  it.each([
    ['a longer street name', 'content/brands/longfeng-x/yuxiuge.md'],
    ['other capitals', 'content/Brands/longfeng/yuxiuge.md'],
    ['a zero-width space', 'content/brands/longfeng\u200b/yuxiuge.md'],
    ['a folder beside content/', 'contents/brands/longfeng/yuxiuge.md'],
  ])('refuses a look-alike folder (%s)', (_name, path) => {
    const before = refs();
    const dir = clone();
    write(dir, path, read(dir, 'content/brands/longfeng/yuxiuge.md'));
    commit(dir, '看起来像自己的文件夹');
    expectRefused(push(dir, 'longfeng-office'), before, refusedLine(path));
  });

  it('checks every commit: a bad commit followed by one that undoes it is refused', () => {
    const before = refs();
    const dir = clone();
    const original = read(dir, 'content/brands/chigang/lujiang.md');
    append(dir, 'content/brands/chigang/lujiang.md', '偷偷改了又改回来。');
    const bad = commit(dir, '改赤岗');
    write(dir, 'content/brands/chigang/lujiang.md', original);
    commit(dir, '改回来');
    expect(git(dir, ['diff', '--stat', 'origin/main', 'HEAD'])).toBe('');
    const result = push(dir, 'longfeng-office');
    expectRefused(
      result,
      before,
      new RegExp(`提交 ${bad.slice(0, 10)}`),
      refusedLine('content/brands/chigang/lujiang.md'),
    );
  });

  it('refuses a bad commit pushed to a new branch, and a tag pushed by an office', () => {
    const before = refs();
    const dir = clone();
    append(dir, 'content/brands/chigang/lujiang.md', '在新分支上改赤岗。');
    commit(dir, '新分支');
    expectRefused(
      push(dir, 'longfeng-office', ['HEAD:refs/heads/cms/brands/lujiang']),
      before,
      refusedLine('content/brands/chigang/lujiang.md'),
    );
    const tagged = clone();
    git(tagged, ['tag', 'v-longfeng']);
    expectRefused(push(tagged, 'longfeng-office', ['refs/tags/v-longfeng']), before, /只有区级账号可以推送标签/);
  });

  it("lets an office delete or rewrite its own branch, never another office's", () => {
    const chigang = clone();
    append(chigang, 'content/brands/chigang/lujiang.md', '赤岗的草稿。');
    commit(chigang, '赤岗的草稿');
    expectAccepted(
      push(chigang, 'chigang-office', ['HEAD:refs/heads/cms/brands/lujiang']),
      chigang,
      'refs/heads/cms/brands/lujiang',
    );
    const before = refs();
    const longfeng = clone();
    expectRefused(
      push(longfeng, 'longfeng-office', [':refs/heads/cms/brands/lujiang']),
      before,
      /这个分支上有别人的修改/,
    );
    append(longfeng, 'content/brands/longfeng/yuxiuge.md', '龙凤的修改。');
    commit(longfeng, '龙凤覆盖赤岗的分支');
    expectRefused(
      push(longfeng, 'longfeng-office', ['+HEAD:refs/heads/cms/brands/lujiang']),
      before,
      /这个分支上有别人的修改/,
    );
    // Its own draft branch an office may discard, as Decap does when an unpublished entry is deleted.
    expectAccepted(
      push(longfeng, 'longfeng-office', ['HEAD:refs/heads/cms/brands/yuxiuge']),
      longfeng,
      'refs/heads/cms/brands/yuxiuge',
    );
    const discarded = push(longfeng, 'longfeng-office', [':refs/heads/cms/brands/yuxiuge']);
    expect(discarded.status, discarded.output).toBe(0);
    expect(refs()).not.toContain('refs/heads/cms/brands/yuxiuge');
    expect(push(chigang, 'chigang-office', [':refs/heads/cms/brands/lujiang']).status).toBe(0);
  });

  it('accepts an office merging the newer main into its work; refuses a merge that edits another street', () => {
    const office = clone();
    const evil = clone();
    // The district moves main on meanwhile.
    const district = clone();
    edit(district, 'content/campaigns/2026-call.yaml', (text) =>
      text.replace('- 全区各街道党工委', '- 全区各街道党工委\n- 区直机关各部门党组织'),
    );
    commit(district, '扩大申报范围', DISTRICT);
    expectAccepted(push(district, 'haizhu-district'), district);

    edit(office, 'content/brands/longfeng/yuxiuge.md', (text) => text.replace('year: 2026', 'year: 2025'));
    commit(office, '改年份');
    git(office, ['pull', '-q', '--no-rebase', '--no-edit', 'origin', 'main']);
    expect(git(office, ['rev-list', '--parents', '-n', '1', 'HEAD']).split(' ')).toHaveLength(3);
    expectAccepted(push(office, 'longfeng-office'), office);

    const before = refs();
    edit(evil, 'content/brands/longfeng/yuxiuge.md', (text) =>
      text.replace('tagline: 测试用的街道品牌条目', 'tagline: 合并里的修改'),
    );
    commit(evil, '改口号');
    git(evil, ['fetch', '-q', 'origin']);
    git(evil, ['merge', '-q', '--no-ff', '--no-commit', 'origin/main']);
    append(evil, 'content/brands/chigang/lujiang.md', '藏在合并提交里的修改。');
    git(evil, ['add', '-A']);
    git(evil, ['commit', '-q', '--no-edit']);
    expectRefused(push(evil, 'longfeng-office'), before, refusedLine('content/brands/chigang/lujiang.md'));
  });

  it("refuses an office's force-push that drops a newer district commit, and its deletion of main", () => {
    const office = clone();
    const district = clone();
    edit(district, 'content/streets/chigang.yaml', (text) => `${text}# 区级的新提交\n`);
    commit(district, '区级更新街道', DISTRICT);
    expectAccepted(push(district, 'haizhu-district'), district);

    const before = refs();
    append(office, 'content/brands/longfeng/yuxiuge.md', '强制推送的修改。');
    commit(office, '强制推送');
    expectRefused(push(office, 'longfeng-office', ['+HEAD:refs/heads/main']), before, /不是快进/);
    expectRefused(push(office, 'longfeng-office', [':refs/heads/main']), before, /只有区级账号可以删除 main/);
    expect(serverMain()).toBe(git(district, ['rev-parse', 'HEAD']));
  });

  it('accepts the same force-push from the district', () => {
    const district = clone();
    const office = clone();
    append(office, 'content/brands/longfeng/yuxiuge.md', '随后被区级撤掉的修改。');
    commit(office, '龙凤的修改');
    expectAccepted(push(office, 'longfeng-office'), office);

    append(district, 'content/brands/chigang/lujiang.md', '区级改写历史。');
    commit(district, '区级改写', DISTRICT);
    const result = push(district, 'haizhu-district', ['+HEAD:refs/heads/main']);
    expectAccepted(result, district);
    // The office's commit is gone from main: the district may rewrite it.
    const dropped = run('git', ['merge-base', '--is-ancestor', git(office, ['rev-parse', 'HEAD']), 'main'], {
      cwd: bare,
    });
    expect(dropped.status).toBe(1);
  });

  it('accepts the district changing code outside content/, an executable script included', () => {
    const dir = clone();
    edit(dir, 'src/hello.ts', (text) => text.replace('你好', '您好'));
    write(dir, 'scripts/deploy.sh', '#!/bin/sh\necho deploy\n');
    chmodSync(join(dir, 'scripts/deploy.sh'), 0o755);
    commit(dir, '网站代码', DISTRICT);
    const result = push(dir, 'haizhu-district');
    expectAccepted(result, dir);
    expect(remote(result)).toMatch(/✓ scripts\/deploy\.sh/);
  });

  it('refuses an office changing code, and the district pushing a link under content/', () => {
    const before = refs();
    const office = clone();
    edit(office, 'src/hello.ts', (text) => text.replace(/'.*'/, "'被街道改了'"));
    commit(office, '改代码');
    expectRefused(push(office, 'chigang-office'), before, refusedLine('src/hello.ts'), /这是区级文件/);

    const district = clone();
    symlinkSync('../../cms/owners.yaml', join(district, 'content/streets/link.yaml'));
    commit(district, '链接', DISTRICT);
    expectRefused(push(district, 'haizhu-district'), before, refusedLine('content/streets/link.yaml'), /符号链接/);
  });

  it('refuses an account the web server knows but the ownership map does not', () => {
    const before = refs();
    const dir = clone();
    edit(dir, 'content/brands/longfeng/yuxiuge.md', (text) =>
      text.replace('sample: true', 'tags:\n- 陌生人\nsample: true'),
    );
    commit(dir, '陌生人的修改');
    const result = push(dir, 'stranger');
    expectRefused(result, before, /stranger/, /不在 cms\/owners\.yaml 中/);
  });

  it("accepts a judge's own score sheet and refuses the judge's edit of a brand", () => {
    const dir = clone();
    edit(dir, 'content/reviews/2026-call/judge-a/lujiang-2026.yaml', (text) => text.replace('impact: 8', 'impact: 9'));
    commit(dir, '调整评分');
    expectAccepted(push(dir, 'judge-a'), dir);

    const before = refs();
    append(dir, 'content/brands/chigang/lujiang.md', '评委改了品牌。');
    commit(dir, '评委改品牌');
    expectRefused(push(dir, 'judge-a'), before, refusedLine('content/brands/chigang/lujiang.md'));
  });

  it('matches accounts case-insensitively (LongFeng-Office is longfeng-office)', () => {
    const dir = clone();
    append(dir, 'content/brands/longfeng/xinpinpai.md', '大写账号的修改。');
    commit(dir, '大写账号');
    const result = push(dir, 'LongFeng-Office');
    expectAccepted(result, dir);
    expect(remote(result)).toMatch(/LongFeng-Office（REMOTE_USER；街道 longfeng）/);
  });

  it('leaves no temporary hook or quarantine objects behind', () => {
    expect(readdirSync(join(bare, 'hooks')).filter((name) => name.includes('.tmp-'))).toEqual([]);
    const objects = readdirSync(join(bare, 'objects'));
    expect(objects.filter((name) => name.startsWith('incoming-') || name.startsWith('tmp_objdir'))).toEqual([]);
  });
});
