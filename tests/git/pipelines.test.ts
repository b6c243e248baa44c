/**
 * .gitlab-ci.yml, run for real: gitlab-ci-local (npm) executes its jobs on this
 * machine (`--force-shell-executor`: the jobs' `image:` is not pulled, the
 * scripts run in bash here), each job in its own copy of the checkout
 * (`--shell-isolation`, like a fresh runner), with artifacts passed between
 * jobs as GitLab does. No job is stubbed: every `npm ci`, the ownership check
 * in a worktree of the target branch, the content validation, the unit tests,
 * the build and `npm run publish` run as written.
 *
 * The repository under test is a throwaway copy of this checkout: `git clone`
 * of HEAD, plus one commit holding the working tree's versions of the files
 * under test (UNDER_TEST: the pipeline files, their two tests and
 * docs/deploy.md; changed, deleted or new), staged with `git add -A`
 * into a separate index file of the clone, so this checkout's own index and
 * files are only read. Everything else is HEAD, so other unfinished work in the
 * checkout does not change the result; `PIPELINES_TEST_TREE=all` takes the whole
 * working tree instead (every change and untracked file .gitignore allows). On a
 * clean checkout (CI) there is no such commit: HEAD is the code under test. The
 * result is `main` of a bare "origin" (the GitLab project); the cases push
 * branches to it.
 *
 * 1. A merge request from longfeng-office that edits a chigang brand: the
 *    `ownership` job fails and its log names the file.
 * 2. A merge request from longfeng-office that edits its own brand: the
 *    `ownership` job passes, naming the file as the office's own.
 * 3. The district merges it and pushes main: the whole main pipeline runs
 *    (`ownership:push` with --push, `validate`, `build`, `publish`), and
 *    `npm run publish` puts the build's dist/ as a release in a local
 *    DEPLOY_TARGET folder with `current` pointing at it; nginx serves
 *    `<target>/current` with deploy/nginx.conf, and the changed brand page
 *    answers 200 with the new text.
 *
 * For each case gitlab-ci-local first lists the pipeline the event makes
 * (`--list-json`, the rules evaluated by the same code that runs the jobs): a
 * merge request gets exactly `ownership` and `validate`, the push to main the
 * four jobs above. The merge-request cases then run only `ownership` (`--job`):
 * it alone decides a refusal, and `validate` of case 2 would run the very tree
 * that case 3 validates (the merge commit's tree is the merge request's; the
 * test checks it), so running it twice would only cost time.
 *
 * Speed: npm ci is most of the time. The jobs use this machine's npm cache
 * (`npm_config_cache`, what a warm GitLab `cache:` gives; the jobs already
 * pass --prefer-offline), so no package is downloaded. Durations are printed.
 * The temporary folder is in memory (/dev/shm) when there is room: the
 * node_modules written and deleted by each npm ci then cost no disk I/O.
 * Only 127.0.0.1 and that one temporary folder (removed at the end, with the
 * trusted worktrees, gitlab-ci-local's state folders and the published copy).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedServer, type Nginx, startNginx } from '../support/nginx.ts';

const PROJECT = resolve('.');
/** What this test is about: taken from the working tree when it differs from HEAD (see above). */
const UNDER_TEST = [
  '.gitlab-ci.yml',
  '.github/workflows',
  'tests/unit/workflows.test.ts',
  'tests/git/pipelines.test.ts',
  'docs/deploy.md',
];
const WHOLE_TREE = process.env.PIPELINES_TEST_TREE === 'all';
const CROSS_FILE = 'content/brands/chigang/lujiang-xianfeng-shao.md';
const OWN_FILE = 'content/brands/longfeng/yuxiuge.md';
const OWN_PAGE = '/brands/yuxiuge/';
/** Text the office adds to its own brand; the published page must show it. */
const MARKER = `管道测试：龙凤街道办在自己的品牌页补充的一段话（${Date.now()}）。`;

/** Every commit claims the district as author and committer: the check must read the pusher, not these. */
const FORGED = {
  GIT_AUTHOR_NAME: '海珠区委组织部',
  GIT_AUTHOR_EMAIL: 'haizhu-district@example.gov.cn',
  GIT_COMMITTER_NAME: '海珠区委组织部',
  GIT_COMMITTER_EMAIL: 'haizhu-district@example.gov.cn',
};

let root = '';
let work = '';
let origin = '';
let jobTmp = '';
let deployTarget = '';
let npmCache = '';
let nginx: Nginx | undefined;
let running: ChildProcess | undefined;
const durations: string[] = [];

/**
 * The environment of gitlab-ci-local and so of every job: this process's, without what would make the
 * jobs behave unlike a runner's (Vitest's and npm's own variables, NODE_ENV, a CI system's identity
 * variables, which the check reads), with TMPDIR inside the test folder (the jobs' mktemp worktrees).
 */
function jobEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (
      /^(VITEST|npm_|NODE_ENV$|NODE_OPTIONS$|CI$|CI_|GITLAB_|GITHUB_|GITEA_|GL_|REMOTE_USER$|FORCE_COLOR$)/i.test(name)
    )
      continue;
    env[name] = value;
  }
  return { ...env, TMPDIR: jobTmp, NO_COLOR: '1', GIT_TERMINAL_PROMPT: '0' };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...FORGED, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

function commitFile(path: string, message: string): string {
  git(work, 'add', '--', path);
  git(work, 'commit', '-q', '-m', message);
  return git(work, 'rev-parse', 'HEAD');
}

function appendParagraph(path: string, text: string) {
  const file = join(work, path);
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n${text}\n`);
}

interface Run {
  code: number | null;
  /** Everything gitlab-ci-local printed: every job's lines, prefixed with the job's name, and the summary. */
  output: string;
  seconds: number;
  /** Job name → PASS / FAIL, from the summary. */
  jobs: Record<string, string>;
}

/** A pipeline's event: its CI variables (as GitLab would set them) and the predefined ones it has not. */
interface Event {
  variables: Record<string, string>;
  unset?: string[];
}

/**
 * `npx gitlab-ci-local <args>` on the work clone as it is checked out now, with the event's variables.
 * Its state folder (each job's copy of the checkout, artifacts, logs) is `<root>/state-<name>`, beside the
 * clone, not in it (its default): a job's copy inside the clone would sit under the clone's own
 * tsconfig.json, which Vite then reads too, and `astro build` fails (“Tsconfig not found
 * astro/tsconfigs/strict”: the clone has no node_modules). A runner never nests checkouts like that.
 */
async function gitlabCiLocal(name: string, event: Event, extra: string[]) {
  const all = { ...event.variables, npm_config_cache: npmCache };
  const args = [
    'gitlab-ci-local',
    '--cwd',
    relative(PROJECT, work),
    '--state-dir',
    relative(work, join(root, `state-${name}`)),
    '--force-shell-executor',
    '--no-color',
    '--ignore-predefined-vars',
    Object.keys(all).join(','),
    ...Object.entries(all).flatMap(([key, value]) => ['--variable', `${key}=${value}`]),
    ...(event.unset ?? []).flatMap((key) => ['--unset-variable', key]),
    ...extra,
  ];
  let stdout = '';
  let output = '';
  const code = await new Promise<number | null>((done, fail) => {
    // Its own process group, so that afterAll can stop it and its jobs if a case times out.
    const child = spawn('npx', args, { cwd: PROJECT, env: jobEnvironment(), detached: true, stdio: 'pipe' });
    running = child;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', fail);
    child.on('close', (status) => done(status));
  });
  running = undefined;
  return { code, stdout, output };
}

/** The jobs the event's pipeline would have (rules evaluated, nothing run). */
async function jobsOf(event: Event): Promise<string[]> {
  const { code, stdout, output } = await gitlabCiLocal('list', event, ['--list-json']);
  rmSync(join(root, 'state-list'), { recursive: true, force: true });
  expect(code, output).toBe(0);
  const jobs = JSON.parse(stdout.slice(stdout.search(/^\[/m))) as { name: string; when: string }[];
  return jobs.filter((job) => job.when !== 'never').map((job) => job.name);
}

/** Runs the event's pipeline, or only `job`: each job in its own copy, artifacts passed as GitLab does. */
async function pipeline(name: string, event: Event, job?: string): Promise<Run> {
  const started = performance.now();
  const { code, output } = await gitlabCiLocal(name, event, [
    '--shell-isolation',
    '--no-artifacts-to-source',
    '--timestamps',
    ...(job ? [job] : []),
  ]);
  const seconds = (performance.now() - started) / 1000;
  // Everything is in `output`: free the run's folders now (each job's copy with its node_modules, and the
  // trusted worktrees), whether the case then passes or not.
  cleanRun(name);
  const jobs: Record<string, string> = {};
  // The summary: ` PASS  [ 1.2 min] validate` (with --timestamps).
  for (const match of output.matchAll(/^ (PASS|FAIL|WARN) {2}(?:\[[^\]]*\] )?(\S+)\s*$/gm)) jobs[match[2]] = match[1];
  const perJob = [...output.matchAll(/^\[[^\]]*\] (\S+)\s+finished in (.+?)(?:\s+FAIL.*)?$/gm)].map(
    (match) => `${match[1]} ${match[2].trim()}`,
  );
  durations.push(`${name}: ${seconds.toFixed(1)} s (${perJob.join(', ')})`);
  console.log(`pipeline ${name}: ${seconds.toFixed(1)} s; jobs ${perJob.join(', ')}`);
  return { code, output, seconds, jobs };
}

/** Frees what a run left (each job's copy with its node_modules, the trusted worktrees) once it is read. */
function cleanRun(name: string) {
  rmSync(join(root, `state-${name}`), { recursive: true, force: true });
  for (const entry of readdirSync(jobTmp)) rmSync(join(jobTmp, entry), { recursive: true, force: true });
}

const failureText = (run: Run) => `exit ${run.code}, jobs ${JSON.stringify(run.jobs)}\n${run.output.slice(-6000)}`;

/**
 * Where the temporary folder goes: memory (/dev/shm) when it has room, else the system's temporary folder.
 * Each run writes and deletes a node_modules (~0.8 GB, 40,000 files) per npm ci; on a shared, busy disk
 * that I/O, not the jobs' work, is most of the time. PIPELINES_TMP chooses another place.
 */
function temporaryBase(): string {
  if (process.env.PIPELINES_TMP) return process.env.PIPELINES_TMP;
  try {
    const { bavail, bsize } = statfsSync('/dev/shm');
    if (bavail * bsize > 6 * 1024 ** 3) return '/dev/shm';
  } catch {
    // no /dev/shm here
  }
  return tmpdir();
}

beforeAll(() => {
  root = mkdtempSync(join(temporaryBase(), 'haizhu-pipelines-'));
  work = join(root, 'work');
  origin = join(root, 'origin.git');
  jobTmp = join(root, 'tmp');
  deployTarget = join(root, 'www', 'haizhu');
  mkdirSync(jobTmp);
  npmCache = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();

  git(root, 'clone', '-q', '--no-hardlinks', PROJECT, work);
  // gitlab-ci-local's default GITLAB_USER_LOGIN comes from user.email: make it the district's, so a case
  // passes only if the office's login given to the pipeline (as GitLab gives it) is what the check reads.
  git(work, 'config', 'user.email', 'haizhu-district@example.gov.cn');
  git(work, 'config', 'user.name', '海珠区委组织部');
  git(work, 'checkout', '-q', '-B', 'main');
  // The working tree's versions of the files under test (or of everything), as one commit of the clone,
  // staged in a separate index file that starts from HEAD: this checkout's own index and files are only read.
  const snapshot = {
    ...process.env,
    ...FORGED,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_DIR: join(work, '.git'),
    GIT_WORK_TREE: PROJECT,
    GIT_INDEX_FILE: join(root, 'snapshot-index'),
  };
  const inSnapshot = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: PROJECT,
      env: snapshot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  inSnapshot('read-tree', 'HEAD');
  inSnapshot('add', '-A', '--', ...(WHOLE_TREE ? ['.'] : UNDER_TEST));
  const tree = inSnapshot('write-tree');
  if (tree !== git(work, 'rev-parse', 'HEAD^{tree}')) {
    const what = WHOLE_TREE ? 'the working tree' : UNDER_TEST.join(', ');
    const commit = inSnapshot('commit-tree', tree, '-p', 'HEAD', '-m', `Uncommitted: ${what} from ${PROJECT}`);
    // Tracked by the clone's index, files deleted in the working tree are deleted here too.
    git(work, 'reset', '-q', '--hard', commit);
  }
  rmSync(join(root, 'snapshot-index'), { force: true });
  expect(git(work, 'status', '--porcelain')).toBe('');
  git(root, 'clone', '-q', '--bare', work, origin);
  git(work, 'remote', 'set-url', 'origin', origin);
  git(work, 'fetch', '-q', 'origin');
  git(work, 'remote', 'set-head', 'origin', 'main');
  git(work, 'branch', '-q', '--set-upstream-to=origin/main', 'main');
});

afterAll(async () => {
  if (running?.pid && running.exitCode === null) {
    try {
      process.kill(-running.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await nginx?.stop();
  if (durations.length) console.log(`pipeline durations:\n  ${durations.join('\n  ')}`);
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('.gitlab-ci.yml run by gitlab-ci-local', () => {
  // GitLab sets no CI_COMMIT_BRANCH in a merge-request pipeline (gitlab-ci-local would set the checked-out one).
  const mergeRequest = (account: string, branch: string): Event => ({
    variables: {
      GITLAB_USER_LOGIN: account,
      CI_PIPELINE_SOURCE: 'merge_request_event',
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
      CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: branch,
      CI_MERGE_REQUEST_IID: '1',
      CI_MERGE_REQUEST_EVENT_TYPE: 'detached',
    },
    unset: ['CI_COMMIT_BRANCH'],
  });
  const fileLine = (job: string, mark: string, path: string) =>
    new RegExp(`^\\[[^\\]]*\\] ${job}\\s+> +${mark} ${path.replaceAll('.', '\\.')}（`, 'm');

  it('a merge request of a street office that changes another street is refused, naming the file', async () => {
    git(work, 'checkout', '-q', '-b', 'longfeng-cross', 'main');
    appendParagraph(CROSS_FILE, '龙凤街道办改了赤岗街道的品牌页。');
    commitFile(CROSS_FILE, '龙凤：修改赤岗的品牌');
    git(work, 'push', '-q', 'origin', 'longfeng-cross');
    const event = mergeRequest('longfeng-office', 'longfeng-cross');
    expect(await jobsOf(event)).toEqual(['ownership', 'validate']);

    const run = await pipeline('mr-cross', event, 'ownership');
    expect(run.code, failureText(run)).not.toBe(0);
    expect(run.jobs, failureText(run)).toEqual({ ownership: 'FAIL' });
    // The check ran in the trusted worktree, as the office (not the commit's forged author), and names the file.
    expect(run.output).toMatch(/^\[[^\]]*\] ownership\s+> 归属检查：longfeng-office（GITLAB_USER_LOGIN/m);
    expect(run.output).toMatch(fileLine('ownership', '✗', CROSS_FILE));
    expect(run.output).toContain('拒绝：');
    expect(git(work, 'worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
  });

  it('a merge request of a street office that changes only its own street passes', async () => {
    git(work, 'checkout', '-q', '-b', 'longfeng-own', 'main');
    appendParagraph(OWN_FILE, MARKER);
    commitFile(OWN_FILE, '龙凤：补充毓秀阁的介绍');
    git(work, 'push', '-q', 'origin', 'longfeng-own');
    const event = mergeRequest('longfeng-office', 'longfeng-own');
    expect(await jobsOf(event)).toEqual(['ownership', 'validate']);

    const run = await pipeline('mr-own', event, 'ownership');
    expect(run.code, failureText(run)).toBe(0);
    expect(run.jobs, failureText(run)).toEqual({ ownership: 'PASS' });
    expect(run.output).toMatch(/^\[[^\]]*\] ownership\s+> 归属检查：longfeng-office（GITLAB_USER_LOGIN/m);
    expect(run.output).toMatch(fileLine('ownership', '✓', OWN_FILE));
    // Before the check, the change in plain Chinese for the district's reviewer.
    expect(run.output).toMatch(/ownership\s+> 龙凤街道 修改了党建品牌「毓秀阁」：正文/);
    expect(run.output).not.toMatch(/^\[[^\]]*\] ownership\s+> +✗/m);
    expect(run.output).toContain('通过：');
  });

  it('main, pushed by the district: ownership:push, validate, build, publish to a folder that nginx serves', async () => {
    git(work, 'checkout', '-q', 'main');
    const before = git(work, 'rev-parse', 'HEAD');
    git(work, 'merge', '-q', '--no-ff', '-m', '合并：龙凤补充毓秀阁的介绍', 'longfeng-own');
    // What validate checks here is exactly the merge request's tree (case 2 did not run its validate).
    expect(git(work, 'rev-parse', 'HEAD^{tree}')).toBe(git(work, 'rev-parse', 'longfeng-own^{tree}'));
    git(work, 'push', '-q', 'origin', 'main');
    const event: Event = {
      variables: {
        GITLAB_USER_LOGIN: 'haizhu-district',
        CI_PIPELINE_SOURCE: 'push',
        CI_COMMIT_BEFORE_SHA: before,
        DEPLOY_TARGET: deployTarget,
      },
    };
    expect(await jobsOf(event)).toEqual(['ownership:push', 'validate', 'build', 'publish']);

    const run = await pipeline('main', event);
    expect(run.code, failureText(run)).toBe(0);
    expect(run.jobs, failureText(run)).toEqual({
      'ownership:push': 'PASS',
      validate: 'PASS',
      build: 'PASS',
      publish: 'PASS',
    });
    // Both commits of the push (the office's and the merge) were checked, as the district.
    expect(run.output).toMatch(
      /^\[[^\]]*\] ownership:push\s+> 归属检查：haizhu-district（GITLAB_USER_LOGIN；[^）]*），[^\n]*2 个提交/m,
    );
    expect(run.output).toMatch(fileLine('ownership:push', '✓', OWN_FILE));
    // publish got dist/ as build's artifact (each job has its own copy of the checkout).
    expect(run.output).toMatch(/^\[[^\]]*\] publish\s+imported artifacts/m);

    // One release, the build of the pushed commit, and current pointing at it (what nginx serves).
    const live = join(deployTarget, 'current');
    const releases = readdirSync(join(deployTarget, 'releases'));
    expect(releases).toHaveLength(1);
    expect(readlinkSync(live)).toBe(`releases/${releases[0]}`);
    expect(releases[0]).toContain(git(work, 'rev-parse', 'HEAD').slice(0, 8));
    expect(existsSync(join(live, 'publish-manifest.json'))).toBe(true);
    expect(readFileSync(join(live, OWN_PAGE, 'index.html'), 'utf8')).toContain(MARKER);

    nginx = await startNginx((port) => documentedServer(live, port));
    const page = await fetch(`${nginx.url}${OWN_PAGE}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).toContain('毓秀阁');
    expect(html).toContain(MARKER);
    const home = await fetch(`${nginx.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('海珠');
    expect(nginx.errors()).not.toMatch(/\[(error|crit|alert|emerg)\]/);
  });
});
