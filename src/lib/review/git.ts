import { execFileSync } from 'node:child_process';

/** What Git knows about one content file. */
export interface FileHistory {
  /** Committer date of the last commit that changed the file (ISO 8601), or null when never committed. */
  committed: string | null;
  /** The working tree differs from that commit (modified, staged or untracked). */
  uncommitted: boolean;
}

const git = (dir: string, args: string[]) =>
  execFileSync('git', ['-C', dir, '-c', 'core.quotePath=false', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 64 * 1024 * 1024,
  });

/**
 * Reads the history of every file under `dir/subpath` with one `git log`
 * (newest first, so a file's first appearance is its last change) and one
 * `git status`. Paths are relative to `dir`. Outside a Git work tree every
 * file reads as never committed.
 */
export function gitHistory(dir: string, subpath: string): (path: string) => FileHistory {
  const committed = new Map<string, string>();
  const uncommitted = new Set<string>();
  let prefix: string;
  try {
    prefix = git(dir, ['rev-parse', '--show-prefix']).trim();
  } catch {
    return () => ({ committed: null, uncommitted: true });
  }
  try {
    let date = '';
    for (const line of git(dir, ['log', '--format=%x00%cI', '--name-only', '--relative', '--', subpath]).split('\n')) {
      if (line.startsWith('\u0000')) date = line.slice(1);
      else if (line && !committed.has(line)) committed.set(line, date);
    }
  } catch {
    // A repository without commits yet: nothing is committed.
  }
  const status = git(dir, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', subpath]);
  const records = status.split('\u0000');
  for (let index = 0; index < records.length; index++) {
    const record = records[index];
    if (record.length < 4) continue;
    // Paths in `git status` are relative to the repository root; a rename is followed by its old path.
    const path = record.slice(3);
    if (record[0] === 'R' || record[0] === 'C') index++;
    if (path.startsWith(prefix)) uncommitted.add(path.slice(prefix.length));
  }
  return (path) => ({
    committed: committed.get(path) ?? null,
    uncommitted: uncommitted.has(path) || !committed.has(path),
  });
}

/** 2024-05-01T10:03:00+08:00 → 2024-05-01 10:03 (the commit's own time zone). */
export function formatCommitDate(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]}` : iso;
}

/** How the review site states when a review last changed. */
export function describeHistory(history: FileHistory): string {
  if (!history.committed) return '未提交';
  const date = formatCommitDate(history.committed);
  return history.uncommitted ? `${date}（之后有未提交的修改）` : date;
}
