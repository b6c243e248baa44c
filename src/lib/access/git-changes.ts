/**
 * What a range of commits changes, read from Git for the ownership check: each
 * commit on its own (a later commit that undoes an earlier one does not hide
 * it: both stay in the history), with modes and, for regular entry files,
 * the texts before and after. Nothing here runs or checks out pushed code.
 */
import { execFileSync } from 'node:child_process';
import { parseSource } from '../source.ts';
import type { Change } from './ownership.ts';

export type Git = (...args: string[]) => string;

/** git in the current directory (a hook's repository, CI's checkout), with its environment. */
export const git: Git = (...args) =>
  execFileSync('git', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * git in another repository (a checkout beside a hook's), without the variables a hook is given
 * for its own repository (GIT_DIR, the push's quarantined objects), which would otherwise win.
 */
export function gitIn(dir: string): Git {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_')));
  return (...args) =>
    execFileSync('git', args, {
      cwd: dir,
      env,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
}

export const ZERO_SHA = /^0+$/;

/** Entry files whose texts the check reads (pictures and attachments are judged by path and mode alone). */
const isEntryFile = (path: string) => /\.(md|ya?ml)$/.test(path);

interface RawChange {
  oldMode: string;
  mode: string;
  oldBlob: string;
  blob: string;
  status: string;
  path: string;
}

/** `git diff-tree -r -z --raw` between two trees, by path. */
function rawDiff(run: Git, from: string, to: string): Map<string, RawChange> {
  const parts = run('diff-tree', '-r', '-z', '--no-renames', '--raw', from, to).split('\0');
  const changes = new Map<string, RawChange>();
  for (let index = 0; index + 1 < parts.length; index += 2) {
    const [oldMode, mode, oldBlob, blob, status] = parts[index].replace(/^:/, '').split(' ');
    const path = parts[index + 1];
    if (path) changes.set(path, { oldMode, mode, oldBlob, blob, status, path });
  }
  return changes;
}

/** Git's id of the empty tree: what a root commit is compared with. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

const regular = (mode: string) => mode === '100644';

function toChange(run: Git, raw: RawChange): Change {
  const status = raw.status.startsWith('A') ? 'added' : raw.status.startsWith('D') ? 'deleted' : 'modified';
  const entry = isEntryFile(raw.path);
  const blob = (sha: string) => run('cat-file', 'blob', sha);
  return {
    path: raw.path,
    status,
    ...(status !== 'deleted' ? { mode: raw.mode } : {}),
    ...(entry && status !== 'deleted' && regular(raw.mode) ? { text: blob(raw.blob) } : {}),
    ...(entry && status !== 'added' && regular(raw.oldMode) ? { oldText: blob(raw.oldBlob) } : {}),
  };
}

/**
 * What one commit itself changes. A merge brings in commits that are checked
 * on their own, so it is answerable only for what differs from every parent
 * (a change made in the merge itself), compared with its first parent.
 */
export function changesOfCommit(run: Git, sha: string): Change[] {
  const parents = run('rev-list', '--parents', '-n', '1', sha).trim().split(' ').slice(1);
  const diffs = (parents.length ? parents : [EMPTY_TREE]).map((parent) => rawDiff(run, parent, sha));
  const [first, ...others] = diffs;
  return [...first.values()]
    .filter((raw) => others.every((diff) => diff.has(raw.path)))
    .map((raw) => toChange(run, raw));
}

/** The net change from the merge base of `base` and `head` to `head`: what a merge request brings in. */
export function netChanges(run: Git, base: string, head: string): Change[] {
  const from = run('merge-base', base, head).trim();
  return [...rawDiff(run, from, head).values()].map((raw) => toChange(run, raw));
}

/** Commits reachable from `head` but from none of `exclude`, oldest first. */
export function commitsBetween(run: Git, head: string, exclude: readonly string[]): string[] {
  const out = run('rev-list', '--reverse', '--topo-order', head, ...(exclude.length ? ['--not', ...exclude] : []));
  return out.split('\n').filter(Boolean);
}

/** The one-line summary of a commit, for the log (its author is not shown: it proves nothing). */
export const subjectOf = (run: Git, sha: string) => run('log', '-1', '--format=%s', sha).trim();

/** Whether `ancestor` is an ancestor of `head` (a push that fast-forwards). */
export function isAncestor(run: Git, ancestor: string, head: string): boolean {
  try {
    run('merge-base', '--is-ancestor', ancestor, head);
    return true;
  } catch {
    return false;
  }
}

/** Whether `rev` names a commit this repository has. */
export function isCommit(run: Git, rev: string): boolean {
  try {
    run('rev-parse', '--verify', '--quiet', `${rev}^{commit}`);
    return true;
  } catch {
    return false;
  }
}

/** The text of a file at a commit, or undefined when it is not there. */
export function fileAt(run: Git, rev: string, path: string): string | undefined {
  try {
    return run('show', `${rev}:${path}`);
  } catch {
    return undefined;
  }
}

/** The header of every entry of a collection folder at a commit, by file name (without extension). */
export function headersAt(run: Git, rev: string, folder: string): Map<string, Record<string, unknown>> {
  const headers = new Map<string, Record<string, unknown>>();
  for (const path of run('ls-tree', '-r', '--name-only', rev, '--', `${folder}/`).split('\n')) {
    const id = path.match(/\/([^/]+)\.ya?ml$/)?.[1];
    const text = id ? fileAt(run, rev, path) : undefined;
    const data = text === undefined ? undefined : parseSource(text, 'yaml').data;
    if (id && typeof data === 'object' && data !== null) headers.set(id, data as Record<string, unknown>);
  }
  return headers;
}

/** Ids of the calls whose results a commit publishes (`resultsPublished: true`): their reviews are locked. */
export function publishedCampaigns(run: Git, rev: string, contentRoot = 'content'): Set<string> {
  const campaigns = headersAt(run, rev, `${contentRoot}/campaigns`);
  return new Set([...campaigns].filter(([, data]) => data.resultsPublished === true).map(([id]) => id));
}
