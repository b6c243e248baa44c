/**
 * Ownership check: may the account that pushed these commits change these files?
 *
 *   npx node scripts/check-ownership.ts <base>..<head>
 *   npx node scripts/check-ownership.ts --base <rev> --head <rev>
 *   npx node scripts/check-ownership.ts --codeowners        # print CODEOWNERS from cms/owners.yaml
 *
 * The changes are the net diff from the merge base of <base> and <head> to
 * <head> (what a merge request would bring in); the ownership map is read from
 * <base>, so a change cannot grant itself rights by editing the map.
 *
 * The account is the authenticated pusher, from the first of these that is set:
 *   CI_PUSHER          set it yourself on other CI systems (from the platform, never from a commit)
 *   GITLAB_USER_LOGIN  GitLab CI: the user who pushed or started the pipeline
 *   GITEA_ACTOR        Gitea Actions: the user who triggered the workflow
 *   GITHUB_ACTOR       GitHub Actions (and Gitea): the same
 * Commit author fields are never read: the browser (Decap) or a local Git sets them to anything.
 *
 * Exit codes: 0 all changes allowed, 1 some refused, 2 usage or Git error.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  type Change,
  checkChanges,
  codeowners,
  describeOwner,
  OWNERS_FILE,
  ownerOf,
  parseOwners,
} from '../src/lib/cms/ownership.ts';

const IDENTITY_VARIABLES = ['CI_PUSHER', 'GITLAB_USER_LOGIN', 'GITEA_ACTOR', 'GITHUB_ACTOR'] as const;

function fail(message: string): never {
  console.error(`归属检查无法进行：${message}`);
  process.exit(2);
}

const git = (...args: string[]) =>
  execFileSync('git', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });

function parseArgs(argv: string[]) {
  let base: string | undefined;
  let head: string | undefined;
  let printCodeowners = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--base') base = argv[++index];
    else if (arg === '--head') head = argv[++index];
    else if (arg === '--codeowners') printCodeowners = true;
    else if (arg.includes('..') && !arg.startsWith('-')) [base, head] = arg.split(/\.{2,3}/);
    else fail(`不认识的参数“${arg}”。用法：check-ownership.ts <base>..<head>`);
  }
  return { base, head: head || 'HEAD', printCodeowners };
}

/** Entry files whose new text the check reads (pictures and attachments are judged by path alone). */
const isEntryFile = (path: string) => /\.(md|ya?ml)$/.test(path);

function changesBetween(from: string, to: string): Change[] {
  const out = git('diff', '--name-status', '-z', '--no-renames', from, to);
  const parts = out.split('\0').filter(Boolean);
  const changes: Change[] = [];
  for (let index = 0; index + 1 < parts.length; index += 2) {
    const code = parts[index][0];
    const path = parts[index + 1];
    const status = code === 'A' ? 'added' : code === 'D' ? 'deleted' : 'modified';
    const text = status !== 'deleted' && isEntryFile(path) ? git('show', `${to}:${path}`) : undefined;
    changes.push({ path, status, ...(text !== undefined ? { text } : {}) });
  }
  return changes;
}

function main() {
  const { base, head, printCodeowners } = parseArgs(process.argv.slice(2));
  if (printCodeowners) {
    process.stdout.write(codeowners(parseOwners(readFileSync(OWNERS_FILE, 'utf8'))));
    return;
  }
  if (!base) fail('缺少提交范围，例如 origin/main..HEAD，或 --base <提交> --head <提交>');

  const variable = IDENTITY_VARIABLES.find((name) => process.env[name]?.trim());
  if (!variable) fail(`不知道是谁推送的：请在 CI 中设置 ${IDENTITY_VARIABLES.join('、')} 之一（取平台登录身份）`);
  const account = (process.env[variable] ?? '').trim();

  let from: string;
  let owners: ReturnType<typeof parseOwners>;
  try {
    from = git('merge-base', base, head).trim();
    owners = parseOwners(git('show', `${base}:${OWNERS_FILE}`));
  } catch (error) {
    const detail = error instanceof Error && 'stderr' in error ? String(error.stderr).trim() : String(error);
    fail(detail);
  }
  const changes = changesBetween(from, head);
  const decisions = checkChanges(account, owners, changes);
  const actor = ownerOf(account, owners);
  console.log(
    `归属检查：${account}（${variable}；${actor ? describeOwner(actor) : '未登记'}），${from.slice(0, 10)}..${head}，${changes.length} 个文件`,
  );
  for (const decision of decisions) {
    console.log(`${decision.allowed ? '✓' : '✗'} ${decision.path}（${decision.status}）：${decision.reason}`);
  }
  const refused = decisions.filter((decision) => !decision.allowed);
  if (refused.length) {
    console.log(`\n拒绝：${refused.length} 个文件超出 ${account} 的权限。请只修改自己的文件夹，或请区级账号处理。`);
    process.exitCode = 1;
  } else {
    console.log('\n通过：所有修改都在该账号的权限之内。');
  }
}

main();
