import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkChanges,
  codeowners,
  ownedFolders,
  ownerOf,
  ownerOfPath,
  parseOwners,
} from '../../src/lib/cms/ownership.ts';

const SCRIPT = resolve('scripts/check-ownership.ts');

const OWNERS = `district:
  accounts: [district-admin]
streets:
  longfeng:
    accounts: [longfeng-office, LongFeng-Deputy]
  chigang:
    accounts: [chigang-office]
judges:
  judge-a:
    accounts: [judge-a]
  judge-b:
    accounts: [judge-b]
`;

const brand = (id: string, street: string) =>
  `---\nid: ${id}\ntitle: 测试品牌\nstreet: ${street}\ncategory: other\n---\n\n正文\n`;
const submission = (id: string, campaign: string, street: string) =>
  `---\nid: ${id}\ncampaign: ${campaign}\nstreet: ${street}\ntitle: 测试申报\n---\n\n正文\n`;
const review = (judge: string) => `judge: ${judge}\nsubmission: x\nscores:\n  impact: 8\n`;

describe('ownership rules (pure)', () => {
  const owners = parseOwners(OWNERS);

  it('finds the owner of a path from the collections’ folder layout', () => {
    expect(ownerOfPath('content/brands/longfeng/a.md')).toEqual({ kind: 'street', id: 'longfeng' });
    expect(ownerOfPath('content/brands/longfeng/images/a.svg')).toEqual({ kind: 'street', id: 'longfeng' });
    expect(ownerOfPath('content/submissions/2026-call/chigang/x.md')).toEqual({ kind: 'street', id: 'chigang' });
    expect(ownerOfPath('content/reviews/2026-call/judge-a/x.yaml')).toEqual({ kind: 'judge', id: 'judge-a' });
    for (const path of [
      'content/streets/longfeng.yaml',
      'content/campaigns/2026-call.yaml',
      'content/judges/judge-a.yaml',
      'content/belts/pazhou.yaml',
      'content/brands/longfeng',
      'cms/owners.yaml',
      '.gitlab-ci.yml',
      'src/pages/index.astro',
    ]) {
      expect(ownerOfPath(path), path).toEqual({ kind: 'district' });
    }
    expect(ownedFolders({ kind: 'street', id: 'longfeng' })).toEqual([
      'content/brands/longfeng/',
      'content/sites/longfeng/',
      'content/submissions/*/longfeng/',
    ]);
  });

  it('maps accounts to roles case-insensitively and refuses a map that gives one account two roles', () => {
    expect(ownerOf('longfeng-deputy', owners)).toEqual({ kind: 'street', id: 'longfeng' });
    expect(ownerOf('DISTRICT-ADMIN', owners)).toEqual({ kind: 'district' });
    expect(ownerOf('someone', owners)).toBeUndefined();
    expect(() => parseOwners(`${OWNERS}  judge-c:\n    accounts: [chigang-office]\n`)).toThrow(/同时属于/);
    expect(() => parseOwners('district: {}\nstreets: {}\n')).toThrow(/格式不正确/);
  });

  it('decides each change with a reason', () => {
    const decisions = checkChanges('longfeng-office', owners, [
      { path: 'content/brands/longfeng/a.md', status: 'added', text: brand('a', 'longfeng') },
      { path: 'content/brands/longfeng/b.md', status: 'added', text: brand('b', 'chigang') },
      { path: 'content/brands/chigang/c.md', status: 'deleted' },
      { path: 'content/streets/longfeng.yaml', status: 'modified', text: 'id: longfeng\n' },
      { path: 'cms/owners.yaml', status: 'modified', text: OWNERS },
    ]);
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, false, false, false, false]);
    expect(decisions[1].reason).toBe('street 字段是“chigang”，但文件在“longfeng”文件夹里');
    expect(decisions[2].reason).toContain('这是街道 chigang 的文件夹');
    expect(decisions[3].reason).toContain('这是区级文件');
    expect(decisions[4].reason).toContain('内容归属表只有区级账号可以修改');
    // The district may change anything, but not file an entry under the wrong street either.
    const district = checkChanges('district-admin', owners, [
      { path: 'content/streets/longfeng.yaml', status: 'modified', text: 'id: longfeng\n' },
      { path: 'content/brands/chigang/c.md', status: 'modified', text: brand('c', 'longfeng') },
    ]);
    expect(district.map((decision) => decision.allowed)).toEqual([true, false]);
    expect(
      checkChanges('nobody', owners, [{ path: 'content/brands/longfeng/a.md', status: 'deleted' }])[0].reason,
    ).toContain('不在 cms/owners.yaml 中');
  });

  it('has a map for every street and judge in content/, and CODEOWNERS generated from it', () => {
    const real = parseOwners(readFileSync('cms/owners.yaml', 'utf8'));
    const ids = (folder: string) => readdirSync(`content/${folder}`).map((file) => file.replace(/\.yaml$/, ''));
    expect(Object.keys(real.streets).sort()).toEqual(ids('streets').sort());
    expect(Object.keys(real.judges).sort()).toEqual(ids('judges').sort());
    expect(readFileSync('CODEOWNERS', 'utf8')).toBe(codeowners(real));
    expect(codeowners(real)).toContain('/content/submissions/*/longfeng/ @haizhu-district @longfeng-office');
  });
});

describe('scripts/check-ownership.ts over real Git history', () => {
  let repo = '';
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  };
  /** Commits as `author` — whom the check must ignore. */
  const commit = (author: string, message: string) => {
    git('add', '-A');
    execFileSync('git', ['commit', '-q', '-m', message], {
      cwd: repo,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: author,
        GIT_AUTHOR_EMAIL: `${author}@example.invalid`,
        GIT_COMMITTER_NAME: author,
        GIT_COMMITTER_EMAIL: `${author}@example.invalid`,
      },
    });
  };
  /** A branch from main with one change, as an office's merge request would bring it. */
  const branch = (name: string, author: string, change: () => void) => {
    git('switch', '-q', '-c', name, 'main');
    change();
    commit(author, name);
    git('switch', '-q', 'main');
  };
  const check = (range: string, identity: Record<string, string>) => {
    const env: Record<string, string | undefined> = { ...process.env };
    for (const name of ['CI_PUSHER', 'GITLAB_USER_LOGIN', 'GITEA_ACTOR', 'GITHUB_ACTOR']) delete env[name];
    const result = spawnSync(process.execPath, [SCRIPT, range], {
      cwd: repo,
      env: { ...env, ...identity },
      encoding: 'utf8',
    });
    return { code: result.status, out: `${result.stdout}${result.stderr}` };
  };

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'haizhu-ownership-'));
    git('init', '-q', '-b', 'main');
    write('cms/owners.yaml', OWNERS);
    write('content/streets/longfeng.yaml', 'id: longfeng\n');
    write('content/brands/longfeng/yuxiuge.md', brand('yuxiuge', 'longfeng'));
    write('content/brands/chigang/lujiang.md', brand('lujiang', 'chigang'));
    write('content/reviews/2026-call/judge-a/x.yaml', review('judge-a'));
    write('content/reviews/2026-call/judge-b/x.yaml', review('judge-b'));
    commit('district-admin', 'initial');

    branch('own-brand', 'longfeng-office', () => {
      write('content/brands/longfeng/new.md', brand('new', 'longfeng'));
      write('content/brands/longfeng/images/new-cover.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
      write('content/submissions/2026-call/longfeng/new-2026.md', submission('new-2026', '2026-call', 'longfeng'));
    });
    branch('other-street', 'longfeng-office', () => {
      write('content/brands/chigang/lujiang.md', brand('lujiang', 'chigang').replace('正文', '改了别人的正文'));
    });
    branch('wrong-street-field', 'longfeng-office', () => {
      write('content/brands/longfeng/sneaky.md', brand('sneaky', 'chigang'));
    });
    branch('grant-self', 'longfeng-office', () => {
      write('cms/owners.yaml', OWNERS.replace('[district-admin]', '[district-admin, longfeng-office]'));
      write('content/streets/longfeng.yaml', 'id: longfeng\nname: 改名\n');
    });
    branch('forged-author', 'district-admin', () => {
      rmSync(join(repo, 'content/brands/chigang/lujiang.md'));
    });
    branch('district-edit', 'someone', () => {
      write('content/streets/longfeng.yaml', 'id: longfeng\nintro: 区级修改\n');
      write('content/brands/chigang/lujiang.md', brand('lujiang', 'chigang').replace('正文', '区级修改'));
    });
    branch('review-a', 'judge-a', () => {
      write('content/reviews/2026-call/judge-a/x.yaml', review('judge-a').replace('8', '9'));
    });
    branch('review-b', 'judge-a', () => {
      write('content/reviews/2026-call/judge-b/x.yaml', review('judge-b').replace('8', '2'));
    });
    // Two commits: a slip into another street's folder, then its revert. The merge request brings nothing of it.
    git('switch', '-q', '-c', 'reverted', 'main');
    write('content/brands/chigang/lujiang.md', 'oops');
    commit('longfeng-office', 'slip');
    git('checkout', '-q', 'main', '--', 'content/brands/chigang/lujiang.md');
    write('content/brands/longfeng/yuxiuge.md', brand('yuxiuge', 'longfeng').replace('正文', '新的正文'));
    commit('longfeng-office', 'revert the slip, edit our own');
    git('switch', '-q', 'main');
  });
  afterAll(() => {
    if (repo) rmSync(repo, { recursive: true, force: true });
  });

  it('accepts a street office adding entries, pictures and sign-ups in its own folders', () => {
    const { code, out } = check('main..own-brand', { CI_PUSHER: 'longfeng-office' });
    expect(out).toContain('longfeng-office（CI_PUSHER；街道 longfeng）');
    expect(out).toContain('✓ content/brands/longfeng/images/new-cover.svg');
    expect(out).toContain('✓ content/submissions/2026-call/longfeng/new-2026.md');
    expect(code).toBe(0);
  });

  it("refuses a change to another street's folder, saying whose it is and what the office may change", () => {
    const { code, out } = check('main..other-street', { GITLAB_USER_LOGIN: 'longfeng-office' });
    expect(code).toBe(1);
    expect(out).toContain('✗ content/brands/chigang/lujiang.md（modified）：这是街道 chigang 的文件夹');
    expect(out).toContain(
      '只能修改 content/brands/longfeng/、content/sites/longfeng/、content/submissions/*/longfeng/',
    );
  });

  it('refuses an entry in its own folder whose street field names another street', () => {
    const { code, out } = check('main..wrong-street-field', { GITEA_ACTOR: 'longfeng-office' });
    expect(code).toBe(1);
    expect(out).toContain('street 字段是“chigang”，但文件在“longfeng”文件夹里');
  });

  it('refuses district files, and reads the ownership map from the target branch, not from the change', () => {
    const { code, out } = check('main..grant-self', { GITHUB_ACTOR: 'longfeng-office' });
    expect(code).toBe(1);
    expect(out).toContain('✗ cms/owners.yaml（modified）：内容归属表只有区级账号可以修改');
    expect(out).toContain('✗ content/streets/longfeng.yaml（modified）：这是区级文件');
  });

  it('keys on the pusher, not on the commit author', () => {
    expect(git('log', '-1', '--format=%an', 'forged-author')).toBe('district-admin');
    const forged = check('main..forged-author', { CI_PUSHER: 'longfeng-office' });
    expect(forged.code).toBe(1);
    expect(forged.out).toContain('✗ content/brands/chigang/lujiang.md（deleted）');
    // A district account pushing commits authored by anyone may change district files and any street.
    expect(git('log', '-1', '--format=%an', 'district-edit')).toBe('someone');
    expect(check('main..district-edit', { CI_PUSHER: 'district-admin' }).code).toBe(0);
  });

  it("lets a judge change only the judge's own reviews", () => {
    expect(check('main..review-a', { CI_PUSHER: 'judge-a' }).code).toBe(0);
    const other = check('main..review-b', { CI_PUSHER: 'judge-a' });
    expect(other.code).toBe(1);
    expect(other.out).toContain('这是评委 judge-b 的文件夹');
  });

  it('judges the net change of a range (a slip reverted within it is no change)', () => {
    const { code, out } = check('main..reverted', { CI_PUSHER: 'longfeng-office' });
    expect(out).toContain('1 个文件');
    expect(code).toBe(0);
  });

  it('refuses an unknown account, and stops when no identity is given', () => {
    const unknown = check('main..own-brand', { CI_PUSHER: 'stranger' });
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('账号“stranger”不在 cms/owners.yaml 中');
    const none = check('main..own-brand', {});
    expect(none.code).toBe(2);
    expect(none.out).toContain('不知道是谁推送的');
    expect(check('main..no-such-branch', { CI_PUSHER: 'district-admin' }).code).toBe(2);
  });
});
