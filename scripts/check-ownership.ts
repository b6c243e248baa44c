/**
 * Ownership check: may the account that pushed these commits change these files?
 *
 *   npx node scripts/check-ownership.ts <base>..<head>             # a merge request
 *   npx node scripts/check-ownership.ts --base <rev> --head <rev>  # the same
 *   npx node scripts/check-ownership.ts --push --base <before> --head <after>   # a push to main
 *   scripts/check-ownership.ts --pre-receive [--main <branch>]    # git's pre-receive hook (npm run install:hook)
 *   npm run codeowners        (--codeowners)                          # write CODEOWNERS from cms/owners.yaml
 *
 * Every commit of the range (reachable from <head>, not from <base>) is checked
 * on its own, so a later commit cannot hide what an earlier one did. The
 * ownership map and the published calls are read from <base>, the target
 * branch, so a change cannot grant itself rights by editing the map. With
 * --push, a non-district account may not rewrite main (its push must
 * fast-forward <before>).
 *
 * The account is the authenticated pusher (src/lib/access/identity.ts): in CI
 * GITLAB_USER_LOGIN, GITEA_ACTOR or GITHUB_ACTOR, and CI_PUSHER only where none
 * of them is set; in a hook GL_USERNAME (GitLab), GITEA_PUSHER_NAME (Gitea) or
 * REMOTE_USER (git-http-backend). Commit author fields are never read.
 *
 * Exit codes: 0 all changes allowed, 1 some refused, 2 usage or Git error.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  changesOfCommit,
  commitsBetween,
  fileAt,
  type Git,
  git,
  gitIn,
  isAncestor,
  isCommit,
  publishedCampaigns,
  subjectOf,
  ZERO_SHA,
} from '../src/lib/access/git-changes.ts';
import { ciPusher, type Pusher, serverPusher } from '../src/lib/access/identity.ts';
import {
  type CheckContext,
  checkChanges,
  codeowners,
  describeOwner,
  OWNERS_FILE,
  type OwnersMap,
  ownerOf,
  parseOwners,
} from '../src/lib/access/ownership.ts';
import { parseCommand } from './lib/cli.ts';

const USAGE = `用法：
  check-ownership.ts <目标分支>..<提交>                 合并请求：检查每个提交
  check-ownership.ts --base <提交> --head <提交>        同上
  check-ownership.ts --push --base <推送前> --head <推送后>   推送到 main：另外拒绝非区级账号的强制推送
  check-ownership.ts --pre-receive [--main <分支名>]     作为 Git 服务器的 pre-receive 钩子（npm run install:hook）
  check-ownership.ts --codeowners                       由 ${OWNERS_FILE} 重新生成 CODEOWNERS 文件（npm run codeowners）
退出码：0 通过，1 有修改被拒绝，2 用法或 Git 错误。`;

/** The project folder this script belongs to: in a hook, the district's checkout, never the pushed code. */
const CHECKOUT = join(dirname(fileURLToPath(import.meta.url)), '..');

class UsageError extends Error {}

/**
 * A refusal line. GitLab shows a server hook's output in its web interface (and
 * to Decap) only on lines that start with GL-HOOK-ERR:, so in its hooks they do.
 */
const refusal = (line: string) => console.log(`${process.env.GL_USERNAME ? 'GL-HOOK-ERR: ' : ''}${line}`);

function parseArgs(argv: string[]) {
  const { values, positionals } = parseCommand(
    {
      usage: USAGE,
      options: {
        base: { type: 'string' },
        head: { type: 'string' },
        main: { type: 'string', default: 'main' },
        push: { type: 'boolean', default: false },
        'pre-receive': { type: 'boolean', default: false },
        codeowners: { type: 'boolean', default: false },
      },
      positionals: { max: 1, name: '提交范围' },
    },
    argv,
  );
  const [range] = positionals;
  if (range !== undefined && !range.includes('..'))
    throw new UsageError(`“${range}”不是提交范围（应为 <目标分支>..<提交>）`);
  const [fromRange, toRange] = range ? range.split(/\.{2,3}/) : [];
  return {
    base: values.base ?? fromRange ?? '',
    head: values.head ?? (toRange || 'HEAD'),
    push: values.push === true,
    preReceive: values['pre-receive'] === true,
    main: values.main ?? 'main',
    printCodeowners: values.codeowners === true,
  };
}

/** What the target branch says: who owns what, and which calls' results are out. */
function trustedAt(run: Git, rev: string): { owners: OwnersMap; context: CheckContext } {
  if (!isCommit(run, rev)) throw new Error(`找不到提交“${rev}”（先 git fetch 目标分支，或检查提交范围）`);
  const text = fileAt(run, rev, OWNERS_FILE);
  if (text === undefined) throw new Error(`${rev} 中没有 ${OWNERS_FILE}`);
  const owners = parseOwners(text);
  // The review repository holds no calls: whether a call's results are out (and its scores locked) is read
  // from the checkout this script runs from, which is the offices' repository at the district's main.
  const published =
    owners.repository === 'review' ? publishedCampaigns(gitIn(CHECKOUT), 'HEAD') : publishedCampaigns(run, rev);
  return { owners, context: { publishedCampaigns: published } };
}

/** Checks every commit for one account and prints a line per file; true when all are allowed. */
function checkCommits(
  run: Git,
  account: string,
  owners: OwnersMap,
  context: CheckContext,
  commits: readonly string[],
): boolean {
  let allowed = true;
  for (const sha of commits) {
    const decisions = checkChanges(account, owners, changesOfCommit(run, sha), context);
    console.log(`提交 ${sha.slice(0, 10)}“${subjectOf(run, sha)}”：${decisions.length} 个文件`);
    for (const decision of decisions) {
      const line = `  ${decision.allowed ? '✓' : '✗'} ${decision.path}（${decision.status}）：${decision.reason}`;
      if (decision.allowed) console.log(line);
      else refusal(line);
      if (!decision.allowed) allowed = false;
    }
  }
  return allowed;
}

function identity(pusher: Pusher, owners: OwnersMap) {
  if ('problem' in pusher) throw new Error(pusher.problem);
  const actor = ownerOf(pusher.account, owners);
  return {
    ...pusher,
    actor,
    label: `${pusher.account}（${pusher.variable}；${actor ? describeOwner(actor) : '未登记'}）`,
  };
}

const NOT_FAST_FORWARD =
  '这次推送不是快进：它会丢掉 main 上已有的提交（强制推送或改写历史）。只有区级账号可以这样做；请先拉取最新的 main，在其上重新提交。';

/** A merge request, or a push to main in CI (`--push`). */
function checkRange(base: string, head: string, push: boolean): boolean {
  const { owners, context } = trustedAt(git, base);
  const pusher = identity(ciPusher(process.env), owners);
  const commits = commitsBetween(git, head, [base]);
  console.log(`归属检查：${pusher.label}，${base}..${head}，${commits.length} 个提交`);
  let allowed = checkCommits(git, pusher.account, owners, context, commits);
  if (push && pusher.actor?.kind !== 'district' && !isAncestor(git, base, head)) {
    refusal(`✗ ${NOT_FAST_FORWARD}`);
    allowed = false;
  }
  return allowed;
}

/** git's pre-receive hook: every ref of the push, every new commit; one refusal rejects the whole push. */
function checkPreReceive(main: string, input: string): boolean {
  const mainRef = `refs/heads/${main}`;
  const mainExists = fileAt(git, mainRef, OWNERS_FILE) !== undefined;
  const trusted = mainExists
    ? trustedAt(git, mainRef)
    : { owners: parseOwners(readFileSync(join(CHECKOUT, OWNERS_FILE), 'utf8')), context: {} };
  const pusher = identity(serverPusher(process.env), trusted.owners);
  const district = pusher.actor?.kind === 'district';
  let allowed = true;
  const refuse = (ref: string, reason: string) => {
    refusal(`✗ ${ref}：${reason}`);
    allowed = false;
  };
  for (const line of input.split('\n').filter((text) => text.trim())) {
    const [old, next, ref] = line.trim().split(/\s+/);
    if (!old || !next || !ref) throw new UsageError(`读不懂 pre-receive 的输入行“${line}”（应为 <旧> <新> <引用名>）`);
    console.log(`归属检查：${pusher.label}，${ref}`);
    if (!district && !ref.startsWith('refs/heads/')) {
      refuse(ref, '只有区级账号可以推送标签和其他引用；街道办和评委只推送分支');
      continue;
    }
    const deleted = ZERO_SHA.test(next);
    const rewritten = !deleted && !ZERO_SHA.test(old) && !isAncestor(git, old, next);
    if (ref === mainRef && !district && (deleted || rewritten)) {
      refuse(ref, deleted ? `只有区级账号可以删除 ${main} 分支` : NOT_FAST_FORWARD);
    } else if (ref !== mainRef && !district && (deleted || rewritten)) {
      // Branches carry no owner of their own: a branch is the office's to delete or rewrite when
      // what it holds beyond main is the office's own work (a Decap draft it discards, say).
      const dropped = commitsBetween(git, old, mainExists ? [mainRef] : []);
      const theirs = dropped.some((sha) =>
        checkChanges(pusher.account, trusted.owners, changesOfCommit(git, sha), trusted.context).some(
          (decision) => !decision.allowed,
        ),
      );
      if (theirs) refuse(ref, `这个分支上有别人的修改：只能${deleted ? '删除' : '改写'}只含自己修改的分支`);
    }
    if (deleted) continue;
    // Commits new to this branch; on another branch, those main already has were checked when they landed.
    const exclude = [...(ZERO_SHA.test(old) ? [] : [old]), ...(ref !== mainRef && mainExists ? [mainRef] : [])];
    const commits = commitsBetween(git, next, exclude);
    if (!checkCommits(git, pusher.account, trusted.owners, trusted.context, commits)) allowed = false;
  }
  return allowed;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.printCodeowners) {
    // Written here, not through a shell redirect, so that --help or an error never empties the file.
    const target = join(CHECKOUT, 'CODEOWNERS');
    writeFileSync(`${target}.tmp`, codeowners(parseOwners(readFileSync(join(CHECKOUT, OWNERS_FILE), 'utf8'))));
    renameSync(`${target}.tmp`, target);
    console.log(`已由 ${OWNERS_FILE} 重新生成 CODEOWNERS。`);
    return;
  }
  let allowed: boolean;
  if (options.preReceive) {
    allowed = checkPreReceive(options.main, readFileSync(0, 'utf8'));
  } else {
    if (!options.base) throw new UsageError('缺少提交范围，例如 origin/main..HEAD，或 --base <提交> --head <提交>');
    allowed = checkRange(options.base, options.head, options.push);
  }
  if (allowed) console.log('\n通过：所有修改都在该账号的权限之内。');
  else {
    console.log('');
    refusal('拒绝：有修改超出该账号的权限（见上面的 ✗）。请只修改自己的文件夹，或请区级账号处理。');
    process.exitCode = 1;
  }
}

try {
  main();
} catch (error) {
  // A Git error carries git's own message; anything else is a usage problem. Neither prints a file's contents.
  const stderr = error instanceof Error && 'stderr' in error ? String(error.stderr).trim() : '';
  const message = stderr || (error instanceof Error ? error.message : String(error));
  console.error(`归属检查无法进行：${message}${error instanceof UsageError ? `\n\n${USAGE}` : ''}`);
  process.exitCode = 2;
}
