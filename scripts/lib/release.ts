/**
 * Releases on the host that serves the site, for scripts/publish.ts and scripts/rollback.ts:
 *
 *   <target>/releases/<id>/   one folder per publish, never changed once it has its name
 *   <target>/current          a symlink to releases/<id>: what nginx serves (root <target>/current)
 *
 * A target is a local folder or `user@host:/path`. Every step on it is a short POSIX shell script,
 * run by `sh` locally or over ssh remotely: the same text either way, so the tests, which publish
 * to a local folder, run the very commands a remote publish sends. The switch is `ln -sfn` to a
 * temporary name, then `mv -T` over `current`: a rename(2), so every request sees the old release
 * or the new one, never a mix. Needs GNU coreutils (or busybox) on the host, and rsync on both ends.
 */
import { spawnSync } from 'node:child_process';

/** How a release folder is named: UTC time to the millisecond, then the commit, so names sort by age. */
export const RELEASE_NAME = /^\d{8}-\d{6}-\d{3}([-.][\w.-]+)?$/;

export interface Target {
  /** As typed on the command line. */
  spec: string;
  /** `host` of `host:/path`, or undefined for a local folder. */
  host?: string;
  /** The folder on its host. */
  root: string;
  /**
   * Runs a shell script in `root` on the target's host (`create`: making `root` first); its stdout,
   * or an Error with what it printed. A missing `root` is a TargetMissing error.
   */
  sh(script: string, options?: { create?: boolean }): string;
  /** The argument rsync takes for `root/<path>`. */
  rsyncPath(path: string): string;
}

/** Single-quotes a word for sh. */
export const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/** The ssh command (PUBLISH_SSH, e.g. `ssh -p 2222 -i ~/.ssh/deploy`), as program and arguments. */
const sshCommand = () => (process.env.PUBLISH_SSH || 'ssh').trim().split(/\s+/);

/** The target folder does not exist (and the step was not one that creates it). */
export class TargetMissing extends Error {}
/** Exit code the scripts use for a missing target folder. */
const MISSING = 3;

function run(command: string, args: string[], what: string): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`无法运行 ${command}（${what}）：${result.error.message}`);
  if (result.status === MISSING) throw new TargetMissing(what);
  if (result.status !== 0) {
    throw new Error(`${what}失败（${command} 退出码 ${result.status}）：${(result.stderr || result.stdout).trim()}`);
  }
  return result.stdout;
}

/** `user@host:/path` (no slash before the colon) is a remote target; anything else a local folder. */
export function parseTarget(spec: string): Target {
  const remote = /^([^/:]+):(.+)$/.exec(spec);
  const root = (remote ? remote[2] : spec).replace(/\/+$/, '') || '/';
  const script = (body: string, create = false) =>
    [
      'set -e',
      create ? `mkdir -p ${quote(root)}` : `[ -d ${quote(root)} ] || exit ${MISSING}`,
      `cd ${quote(root)}`,
      body,
    ].join('\n');
  if (!remote) {
    return {
      spec,
      root,
      sh: (body, options) => run('sh', ['-c', script(body, options?.create)], `在 ${root} 执行`),
      rsyncPath: (path) => `${root}/${path}`,
    };
  }
  const host = remote[1];
  const [ssh, ...sshArgs] = sshCommand();
  return {
    spec,
    host,
    root,
    sh: (body, options) =>
      run(ssh, [...sshArgs, host, `sh -c ${quote(script(body, options?.create))}`], `在 ${host} 上执行`),
    rsyncPath: (path) => `${host}:${root}/${path}`,
  };
}

/** What the target holds now. */
export interface TargetState {
  /** The release `current` points to (its folder name), if it is a link to one. */
  current?: string;
  /** `current` exists but is no link to a release (a site copied straight into it). */
  currentIsNotRelease: boolean;
  /** Complete releases, oldest first. */
  releases: string[];
}

export function readState(target: Target): TargetState {
  const out = target.sh(
    [
      'if [ -L current ]; then echo "current $(readlink current)"; elif [ -e current ]; then echo "not-a-link"; fi',
      'if [ -d releases ]; then ls -1 releases | sed "s/^/release /"; fi',
    ].join('\n'),
  );
  const state: TargetState = { currentIsNotRelease: false, releases: [] };
  for (const line of out.split('\n')) {
    if (line === 'not-a-link') state.currentIsNotRelease = true;
    else if (line.startsWith('current ')) {
      const link = line.slice('current '.length).replace(/\/+$/, '');
      const name = /^(?:\.\/)?releases\/([^/]+)$/.exec(link)?.[1];
      if (name) state.current = name;
      else state.currentIsNotRelease = true;
    } else if (line.startsWith('release ')) {
      const name = line.slice('release '.length);
      if (RELEASE_NAME.test(name)) state.releases.push(name);
    }
  }
  state.releases.sort();
  return state;
}

/** Reads a file of the live release, or undefined when it has none. */
export function readLive(target: Target, path: string): string | undefined {
  const out = target.sh(`if [ -f current/${path} ]; then echo found; cat current/${path}; fi`);
  return out.startsWith('found\n') ? out.slice('found\n'.length) : undefined;
}

/** Points `current` at releases/<name> in one rename(2): a temporary link, moved over the old one. */
export function switchTo(target: Target, name: string): void {
  const temp = quote(`.current-${name}`);
  target.sh(
    [
      `[ -d ${quote(`releases/${name}`)} ]`,
      `ln -sfn ${quote(`releases/${name}`)} ${temp}`,
      // -T: replace the link itself; without it mv would move the new link into the old release's folder.
      `mv -fT ${temp} current`,
    ].join('\n'),
  );
}

/**
 * Deletes all but the newest `keep` releases (current always kept) and what interrupted
 * publishes left behind (`.partial-*` uploads, `.current-*` links). Returns the releases deleted.
 */
export function prune(target: Target, keep: number): string[] {
  const { current, releases } = readState(target);
  const doomed = releases.slice(0, Math.max(0, releases.length - keep)).filter((name) => name !== current);
  target.sh(
    ['rm -rf releases/.partial-* .current-*', ...doomed.map((name) => `rm -rf ${quote(`releases/${name}`)}`)].join(
      '\n',
    ),
  );
  return doomed;
}

/** A fresh release name: now (UTC) and the commit being published, unused on the target. */
export function releaseName(taken: readonly string[], commit: string | undefined, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '');
  const safeCommit = commit?.replace(/[^\w.-]/g, '').slice(0, 12);
  const base = safeCommit ? `${stamp}-${safeCommit}` : stamp;
  let name = base;
  for (let n = 2; taken.includes(name); n++) name = `${base}.${n}`;
  return name;
}
