import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districtFields } from '../../src/lib/access/field-authority.ts';
import { ciPusher, serverPusher } from '../../src/lib/access/identity.ts';
import {
  checkChanges,
  codeowners,
  ownedFolders,
  ownerOf,
  ownerOfPath,
  parseOwners,
} from '../../src/lib/access/ownership.ts';

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

/** A brand's header as the check reads it; `extra` adds or overrides lines (status, round). */
const brand = (id: string, street: string, extra = 'status: submitted') =>
  `---\nid: ${id}\ntitle: 测试品牌\nstreet: ${street}\ncategory: other\n${extra}\n---\n\n正文\n`;
const submission = (id: string, campaign: string, street: string, extra = 'stage: draft') =>
  `---\nid: ${id}\ncampaign: ${campaign}\nstreet: ${street}\ntitle: 测试申报\n${extra}\n---\n\n正文\n`;
const report = (street: string, extra = '') =>
  `---\nid: r\ncampaign: 2026-jiebang\nstreet: ${street}\nsubmission: a\ndate: '2026-07-01'\n${extra}---\n\n进展\n`;
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
      'content/progress/*/longfeng/',
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

  it('has a map for every street, one for every judge in the review repository, and CODEOWNERS generated from it', () => {
    const real = parseOwners(readFileSync('cms/owners.yaml', 'utf8'));
    const ids = (folder: string) => readdirSync(folder).map((file) => file.replace(/\.yaml$/, ''));
    expect(real.repository).toBe('offices');
    expect(Object.keys(real.streets).sort()).toEqual(ids('content/streets').sort());
    // Judges' accounts are not named where every office can read them: in the review repository's own map.
    expect(real.judges).toEqual({});
    const review = parseOwners(readFileSync('samples/review-content/cms/owners.yaml', 'utf8'));
    expect(review.repository).toBe('review');
    expect(Object.keys(review.judges).sort()).toEqual(ids('samples/review-content/content/judges').sort());
    expect(review.district).toEqual(real.district);
    expect(readFileSync('CODEOWNERS', 'utf8')).toBe(codeowners(real));
    expect(codeowners(real)).toContain('/content/submissions/*/longfeng/ @haizhu-district @longfeng-office');
    expect(codeowners(real)).toContain('/content/progress/*/longfeng/ @haizhu-district @longfeng-office');
  });
});

describe('field authority and file kinds (pure)', () => {
  const owners = parseOwners(OWNERS);
  const path = 'content/brands/longfeng/a.md';
  const signUp = 'content/submissions/2026-call/longfeng/a.md';
  const progressPath = 'content/progress/2026-jiebang/longfeng/r.md';

  it('lists the district-only fields from the schema registry', () => {
    expect(districtFields('brands').map((field) => [field.name, field.officeValues])).toEqual([
      ['status', ['submitted']],
      ['round', []],
    ]);
    expect(districtFields('submissions').map((field) => [field.name, field.officeValues])).toEqual([
      ['stage', ['draft', 'submitted']],
      ['brand', []],
    ]);
    expect(districtFields('sites').map((field) => field.name)).toEqual(['belt']);
    expect(districtFields('progress').map((field) => [field.name, field.officeValues])).toEqual([['acceptance', []]]);
    expect(districtFields('reviews')).toEqual([]);
  });

  // [what, path, before, after, allowed for the office]
  it.each([
    ['a new brand as submitted', path, undefined, brand('a', 'longfeng'), true],
    ['a new brand as selected', path, undefined, brand('a', 'longfeng', 'status: selected'), false],
    ['a new brand with a round', path, undefined, brand('a', 'longfeng', 'status: submitted\nround: 2026-call'), false],
    ['a brand promoted to featured', path, brand('a', 'longfeng'), brand('a', 'longfeng', 'status: featured'), false],
    [
      'a selected brand edited, status kept',
      path,
      brand('a', 'longfeng', 'status: selected\nround: r'),
      brand('a', 'longfeng', 'status: selected\nround: r\ntagline: 新口号'),
      true,
    ],
    ['a selected brand demoted', path, brand('a', 'longfeng', 'status: selected'), brand('a', 'longfeng'), false],
    ['a selected brand deleted', path, brand('a', 'longfeng', 'status: selected'), undefined, false],
    ['a submitted brand deleted', path, brand('a', 'longfeng'), undefined, true],
    ['a new sign-up as draft', signUp, undefined, submission('a', '2026-call', 'longfeng'), true],
    [
      'a sign-up moved from draft to submitted',
      signUp,
      submission('a', '2026-call', 'longfeng'),
      submission('a', '2026-call', 'longfeng', 'stage: submitted'),
      true,
    ],
    [
      'a sign-up moved to shortlisted',
      signUp,
      submission('a', '2026-call', 'longfeng', 'stage: submitted'),
      submission('a', '2026-call', 'longfeng', 'stage: shortlisted'),
      false,
    ],
    [
      'a new sign-up as eligible',
      signUp,
      undefined,
      submission('a', '2026-call', 'longfeng', 'stage: eligible'),
      false,
    ],
    [
      'a sign-up given its brand',
      signUp,
      submission('a', '2026-call', 'longfeng'),
      submission('a', '2026-call', 'longfeng', 'stage: draft\nbrand: a'),
      false,
    ],
    ['a new progress report', progressPath, undefined, report('longfeng'), true],
    ['a progress report edited', progressPath, report('longfeng'), report('longfeng', 'figures: []\n'), true],
    [
      'a new progress report already accepted',
      progressPath,
      undefined,
      report('longfeng', 'acceptance: passed\n'),
      false,
    ],
    [
      'a progress report accepted by its office',
      progressPath,
      report('longfeng'),
      report('longfeng', 'acceptance: passed\n'),
      false,
    ],
    [
      'a progress report sent back for rectification, marked passed by its office',
      progressPath,
      report('longfeng', 'acceptance: rectify\n'),
      report('longfeng', 'acceptance: passed\n'),
      false,
    ],
    [
      'a site put on a belt',
      'content/sites/longfeng/s.yaml',
      'id: s\nstreet: longfeng\n',
      'id: s\nstreet: longfeng\nbelt:\n  belt: pazhou\n  order: 1\n',
      false,
    ],
  ])('%s', (_what, file, before, after, allowed) => {
    const status = before === undefined ? 'added' : after === undefined ? 'deleted' : 'modified';
    const change = {
      path: file,
      status,
      mode: '100644',
      ...(after === undefined ? {} : { text: after }),
      ...(before === undefined ? {} : { oldText: before }),
    } as const;
    const [office] = checkChanges('longfeng-office', owners, [change]);
    expect(office.allowed, office.reason).toBe(allowed);
    if (!allowed)
      expect(office.reason).toMatch(
        /（(遴选状态|遴选批次|申报阶段|对应品牌|示范带|验收)）从 .+ 改为 .+：这是区级的决定/,
      );
    // The district decides these fields: it may make every one of these changes.
    expect(checkChanges('district-admin', owners, [change])[0].allowed).toBe(true);
  });

  // [what, path, text]: an office files progress reports for its own street only.
  it.each([
    ["another street's folder", 'content/progress/2026-jiebang/chigang/r.md', report('chigang')],
    ['its own folder, naming another street', progressPath, report('chigang')],
  ])('refuses a progress report in %s', (_what, file, text) => {
    const [office] = checkChanges('longfeng-office', owners, [{ path: file, status: 'added', mode: '100644', text }]);
    expect(office.allowed).toBe(false);
    // The street the report is about may file it in its own folder, and only there.
    const chigang = checkChanges('chigang-office', owners, [{ path: file, status: 'added', mode: '100644', text }]);
    expect(chigang[0].allowed).toBe(file.includes('/chigang/'));
  });

  it('names the field, both values and who decides', () => {
    const [decision] = checkChanges('longfeng-office', owners, [
      {
        path: signUp,
        status: 'modified',
        mode: '100644',
        oldText: submission('a', '2026-call', 'longfeng', 'stage: submitted'),
        text: submission('a', '2026-call', 'longfeng', 'stage: selected'),
      },
    ]);
    expect(decision.reason).toBe(
      'stage（申报阶段）从 “submitted” 改为 “selected”：这是区级的决定，街道只能在 draft、submitted 之间选择，请区级账号修改',
    );
  });

  // [mode, path, account, allowed]
  it.each([
    ['120000', 'content/brands/longfeng/images/cover.svg', 'longfeng-office', false],
    ['120000', 'content/brands/longfeng/images/cover.svg', 'district-admin', false],
    ['160000', 'content/brands/longfeng/sub.md', 'longfeng-office', false],
    ['160000', 'content/brands/longfeng/sub.md', 'district-admin', false],
    ['100755', 'content/brands/longfeng/images/cover.svg', 'district-admin', false],
    ['100755', 'scripts/new-tool.sh', 'district-admin', true],
    ['120000', 'docs/link.md', 'district-admin', true],
    ['100644', 'content/brands/longfeng/images/cover.svg', 'longfeng-office', true],
  ])('mode %s at %s by %s: allowed %s', (mode, file, account, allowed) => {
    const [decision] = checkChanges(account, owners, [{ path: file, status: 'added', mode }]);
    expect(decision.allowed, decision.reason).toBe(allowed);
    if (!allowed) expect(decision.reason).toMatch(/只能提交普通文件（git 模式 100644）/);
  });

  // [repository, account, path, allowed]
  it.each([
    ['offices', 'district-admin', 'content/reviews/2026-call/judge-a/x.yaml', false],
    ['offices', 'district-admin', 'content/judges/judge-a.yaml', false],
    ['offices', 'district-admin', 'content/brands/longfeng/a.md', true],
    ['review', 'district-admin', 'content/judges/judge-a.yaml', true],
    ['review', 'judge-a', 'content/reviews/2026-call/judge-a/x.yaml', true],
    ['review', 'district-admin', 'content/brands/longfeng/a.md', false],
    ['review', 'district-admin', 'cms/owners.yaml', true],
  ])('in the %s repository, %s changing %s: allowed %s', (repository, account, file, allowed) => {
    const map = parseOwners(`repository: ${repository}\n${OWNERS}`);
    const text = file.endsWith('.md')
      ? brand('a', 'longfeng')
      : file.includes('reviews')
        ? review('judge-a')
        : 'id: judge-a\n';
    const [decision] = checkChanges(account, map, [{ path: file, status: 'added', mode: '100644', text }]);
    expect(decision.allowed, decision.reason).toBe(allowed);
    if (!allowed)
      expect(decision.reason).toMatch(repository === 'offices' ? /评审仓库（REVIEW_CONTENT_DIR/ : /评审仓库只放评委/);
  });

  const CONTACT = 'content/contacts/2026-call/longfeng/a.yaml';
  const contactText = 'submission: a\ncampaign: 2026-call\nstreet: longfeng\nname: 某某\nphone: 020-0000-0000\n';
  // [repository, account, path, allowed, reason]
  it.each([
    ['offices', 'district-admin', CONTACT, false, /申报联系人不能放在街道办都能读取的仓库里.*DISTRICT_CONTENT_DIR/],
    ['offices', 'longfeng-office', CONTACT, false, /申报联系人不能放在街道办都能读取的仓库里/],
    ['review', 'judge-a', CONTACT, false, /评审仓库只放评委.*区级仓库/],
    ['district', 'district-admin', CONTACT, true, /区级账号/],
    // The office's own street folder gives it nothing here: the whole repository is the district's.
    ['district', 'longfeng-office', CONTACT, false, /这是区级文件/],
    ['district', 'judge-a', CONTACT, false, /这是区级文件/],
    ['district', 'district-admin', 'content/judges/judge-a.yaml', false, /区级仓库只放申报联系人.*评审仓库/],
    [
      'district',
      'district-admin',
      'content/submissions/2026-call/longfeng/a.md',
      false,
      /区级仓库只放申报联系人.*网站仓库/,
    ],
  ])('in the %s repository, %s changing %s: allowed %s', (repository, account, file, allowed, reason) => {
    const map = parseOwners(`repository: ${repository}\n${OWNERS}`);
    const [decision] = checkChanges(account, map, [{ path: file, status: 'added', mode: '100644', text: contactText }]);
    expect(decision.allowed, decision.reason).toBe(allowed);
    expect(decision.reason).toMatch(reason);
  });

  it('gives no office a folder of the district repository', () => {
    expect(ownerOfPath(CONTACT)).toEqual({ kind: 'district' });
    expect(ownedFolders({ kind: 'street', id: 'longfeng' }).filter((folder) => folder.includes('contacts'))).toEqual(
      [],
    );
  });

  it('reads the sample district repository’s map: the district alone', () => {
    const map = parseOwners(readFileSync('samples/district-content/cms/owners.yaml', 'utf8'));
    expect(map).toMatchObject({ repository: 'district', streets: {}, judges: {} });
    expect(
      checkChanges('longfeng-office', map, [{ path: CONTACT, status: 'added', text: contactText }])[0].reason,
    ).toMatch(/不在 cms\/owners.yaml 中/);
  });

  it("locks a judge's reviews once the call's results are published", () => {
    const change = {
      path: 'content/reviews/2022-first-round/judge-a/x.yaml',
      status: 'modified',
      mode: '100644',
    } as const;
    const context = { publishedCampaigns: new Set(['2022-first-round']) };
    expect(checkChanges('judge-a', owners, [{ ...change, text: review('judge-a') }], context)[0].reason).toContain(
      '已公布结果，评分已锁定',
    );
    expect(checkChanges('judge-a', owners, [{ ...change, text: review('judge-a') }])[0].allowed).toBe(true);
    expect(checkChanges('district-admin', owners, [{ ...change, text: review('judge-a') }], context)[0].allowed).toBe(
      true,
    );
  });
});

describe('the pusher comes from the platform', () => {
  it.each([
    [{ GITLAB_USER_LOGIN: 'longfeng-office' }, 'longfeng-office'],
    [{ GITEA_ACTOR: 'longfeng-office', GITHUB_ACTOR: 'longfeng-office' }, 'longfeng-office'],
    [{ CI_PUSHER: 'longfeng-office' }, 'longfeng-office'],
    [{ CI_PUSHER: 'LongFeng-Office', GITLAB_USER_LOGIN: 'longfeng-office' }, 'LongFeng-Office'.toLowerCase()],
  ])('%o → %s', (env, account) => {
    const pusher = ciPusher(env);
    expect('account' in pusher && pusher.account.toLowerCase()).toBe(account);
  });

  it.each([
    [{ CI_PUSHER: 'haizhu-district', GITLAB_USER_LOGIN: 'longfeng-office' }, '互相矛盾'],
    [{ GITEA_ACTOR: 'haizhu-district', GITHUB_ACTOR: 'longfeng-office' }, '互相矛盾'],
    [{}, '不知道是谁推送的'],
  ])('refuses %o', (env, problem) => {
    const pusher = ciPusher(env);
    expect('problem' in pusher && pusher.problem).toContain(problem);
  });

  it('takes a hook’s pusher from the server’s variables only', () => {
    expect(serverPusher({ REMOTE_USER: 'chigang-office' })).toEqual({
      account: 'chigang-office',
      variable: 'REMOTE_USER',
    });
    expect(serverPusher({ GL_USERNAME: 'a', REMOTE_USER: 'b' })).toHaveProperty('problem');
    expect(serverPusher({ CI_PUSHER: 'haizhu-district' })).toHaveProperty('problem');
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
  /** A branch from main with one commit, as an office's merge request would bring it. */
  const branch = (name: string, author: string, change: () => void) => {
    git('switch', '-q', '-c', name, 'main');
    change();
    commit(author, name);
    git('switch', '-q', 'main');
  };
  const check = (args: string | string[], identity: Record<string, string>) => {
    const env: Record<string, string | undefined> = { ...process.env };
    for (const name of ['CI_PUSHER', 'GITLAB_USER_LOGIN', 'GITEA_ACTOR', 'GITHUB_ACTOR']) delete env[name];
    const result = spawnSync(process.execPath, [SCRIPT, ...[args].flat()], {
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
    write('content/campaigns/2022-first-round.yaml', 'id: 2022-first-round\nresultsPublished: true\n');
    write('content/campaigns/2026-call.yaml', 'id: 2026-call\nresultsPublished: false\n');
    write('content/brands/longfeng/yuxiuge.md', brand('yuxiuge', 'longfeng'));
    write('content/brands/chigang/lujiang.md', brand('lujiang', 'chigang'));
    write(
      'content/submissions/2026-call/longfeng/ours.md',
      submission('ours', '2026-call', 'longfeng', 'stage: submitted'),
    );
    write('content/reviews/2026-call/judge-a/x.yaml', review('judge-a'));
    write('content/reviews/2026-call/judge-b/x.yaml', review('judge-b'));
    write('content/reviews/2022-first-round/judge-a/x.yaml', review('judge-a'));
    commit('district-admin', 'initial');

    branch('own-brand', 'longfeng-office', () => {
      write('content/brands/longfeng/new.md', brand('new', 'longfeng'));
      write('content/brands/longfeng/images/new-cover.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
      write('content/sites/longfeng/hall.yaml', 'id: hall\nstreet: longfeng\n');
      write('content/submissions/2026-call/longfeng/new-2026.md', submission('new-2026', '2026-call', 'longfeng'));
      write('content/submissions/2026-call/longfeng/new-2026-plan.txt', '方案');
      write(
        'content/submissions/2026-call/longfeng/ours.md',
        submission('ours', '2026-call', 'longfeng', 'stage: draft'),
      );
    });
    branch('other-street', 'longfeng-office', () => {
      write('content/brands/chigang/lujiang.md', brand('lujiang', 'chigang').replace('正文', '改了别人的正文'));
    });
    branch('look-alike', 'longfeng-office', () => {
      write('content/brands/longfeng-x/a.md', brand('a', 'longfeng-x'));
      write('content/Brands/longfeng/b.md', brand('b', 'longfeng'));
    });
    branch('wrong-street-field', 'longfeng-office', () => {
      write('content/brands/longfeng/sneaky.md', brand('sneaky', 'chigang'));
    });
    branch('grant-self', 'longfeng-office', () => {
      write('cms/owners.yaml', OWNERS.replace('[district-admin]', '[district-admin, longfeng-office]'));
      write('content/streets/longfeng.yaml', 'id: longfeng\nname: 改名\n');
    });
    branch('self-promotion', 'longfeng-office', () => {
      write('content/brands/longfeng/yuxiuge.md', brand('yuxiuge', 'longfeng', 'status: featured\nround: 2026-call'));
      write(
        'content/submissions/2026-call/longfeng/ours.md',
        submission('ours', '2026-call', 'longfeng', 'stage: selected'),
      );
    });
    branch('symlink', 'longfeng-office', () => {
      symlinkSync('../../../judges/judge-a.yaml', join(repo, 'content/brands/longfeng/cover.svg'));
      symlinkSync('/etc/passwd', join(repo, 'content/brands/longfeng/passwd.md'));
    });
    branch('executable', 'longfeng-office', () => {
      write('content/brands/longfeng/images/run.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
      chmodSync(join(repo, 'content/brands/longfeng/images/run.svg'), 0o755);
    });
    // A submodule named like an entry: a gitlink has no text to read.
    git('switch', '-q', '-c', 'submodule', 'main');
    git('update-index', '--add', '--cacheinfo', `160000,${git('rev-parse', 'HEAD')},content/brands/longfeng/sub.md`);
    execFileSync('git', ['commit', '-q', '-m', 'submodule'], { cwd: repo });
    git('switch', '-q', 'main');
    branch('forged-author', 'district-admin', () => {
      rmSync(join(repo, 'content/brands/chigang/lujiang.md'));
    });
    branch('district-edit', 'someone', () => {
      write('content/streets/longfeng.yaml', 'id: longfeng\nintro: 区级修改\n');
      write('content/brands/chigang/lujiang.md', brand('lujiang', 'chigang', 'status: selected\nround: 2026-call'));
      write('src/tool.sh', '#!/bin/sh\n');
      chmodSync(join(repo, 'src/tool.sh'), 0o755);
    });
    branch('district-symlink', 'district-admin', () => {
      symlinkSync('yuxiuge.md', join(repo, 'content/brands/longfeng/alias.md'));
    });
    branch('review-a', 'judge-a', () => {
      write('content/reviews/2026-call/judge-a/x.yaml', review('judge-a').replace('8', '9'));
    });
    branch('review-b', 'judge-a', () => {
      write('content/reviews/2026-call/judge-b/x.yaml', review('judge-b').replace('8', '2'));
    });
    branch('review-published', 'judge-a', () => {
      write('content/reviews/2022-first-round/judge-a/x.yaml', review('judge-a').replace('8', '10'));
    });
    // Two commits: a slip into another street's folder, then its revert. The history keeps the slip.
    git('switch', '-q', '-c', 'reverted', 'main');
    write('content/brands/chigang/lujiang.md', 'oops');
    commit('longfeng-office', 'slip');
    git('checkout', '-q', 'main', '--', 'content/brands/chigang/lujiang.md');
    write('content/brands/longfeng/yuxiuge.md', brand('yuxiuge', 'longfeng').replace('正文', '新的正文'));
    commit('longfeng-office', 'revert the slip, edit our own');
    // A newer district commit on main, and an office's history that drops it (a force-push).
    git('switch', '-q', '-c', 'before-district', 'main');
    git('switch', '-q', 'main');
    write('content/streets/longfeng.yaml', 'id: longfeng\nintro: 区级的新决定\n');
    commit('district-admin', 'district decision');
    git('switch', '-q', '-c', 'rewritten', 'before-district');
    write('content/brands/longfeng/yuxiuge.md', brand('yuxiuge', 'longfeng').replace('正文', '覆盖'));
    commit('longfeng-office', 'own edit on an old main');
    // The office merges main into its branch: the merge brings the district's commit, which it did not make.
    git('switch', '-q', '-c', 'merged-main', 'before-district');
    write('content/brands/longfeng/yuxiuge.md', brand('yuxiuge', 'longfeng').replace('正文', '合并前'));
    commit('longfeng-office', 'own edit');
    execFileSync('git', ['merge', '-q', '--no-edit', 'main'], { cwd: repo });
    git('switch', '-q', 'main');
  });
  afterAll(() => {
    if (repo) rmSync(repo, { recursive: true, force: true });
  });

  it('accepts a street office’s own brand, site, picture, attachment and sign-up at draft or submitted', () => {
    const { code, out } = check('main..own-brand', { CI_PUSHER: 'longfeng-office' });
    expect(out).toContain('longfeng-office（CI_PUSHER；街道 longfeng）');
    for (const file of [
      'content/brands/longfeng/images/new-cover.svg',
      'content/sites/longfeng/hall.yaml',
      'content/submissions/2026-call/longfeng/new-2026.md',
      'content/submissions/2026-call/longfeng/new-2026-plan.txt',
      'content/submissions/2026-call/longfeng/ours.md',
    ]) {
      expect(out).toContain(`✓ ${file}`);
    }
    expect(code).toBe(0);
  });

  // [branch, identity, refused file, reason]
  it.each([
    [
      'other-street',
      { GITLAB_USER_LOGIN: 'longfeng-office' },
      'content/brands/chigang/lujiang.md',
      '这是街道 chigang 的文件夹',
    ],
    [
      'look-alike',
      { GITLAB_USER_LOGIN: 'longfeng-office' },
      'content/brands/longfeng-x/a.md',
      '这是街道 longfeng-x 的文件夹',
    ],
    ['look-alike', { GITLAB_USER_LOGIN: 'longfeng-office' }, 'content/Brands/longfeng/b.md', '这是区级文件'],
    [
      'wrong-street-field',
      { GITEA_ACTOR: 'longfeng-office' },
      'content/brands/longfeng/sneaky.md',
      'street 字段是“chigang”',
    ],
    ['grant-self', { GITHUB_ACTOR: 'longfeng-office' }, 'cms/owners.yaml', '内容归属表只有区级账号可以修改'],
    ['grant-self', { GITHUB_ACTOR: 'longfeng-office' }, 'content/streets/longfeng.yaml', '这是区级文件'],
    [
      'self-promotion',
      { GITLAB_USER_LOGIN: 'longfeng-office' },
      'content/brands/longfeng/yuxiuge.md',
      'status（遴选状态）从 “submitted” 改为 “featured”',
    ],
    [
      'self-promotion',
      { GITLAB_USER_LOGIN: 'longfeng-office' },
      'content/submissions/2026-call/longfeng/ours.md',
      'stage（申报阶段）从 “submitted” 改为 “selected”',
    ],
    ['symlink', { GITLAB_USER_LOGIN: 'longfeng-office' }, 'content/brands/longfeng/cover.svg', '这是符号链接'],
    ['symlink', { GITLAB_USER_LOGIN: 'longfeng-office' }, 'content/brands/longfeng/passwd.md', '这是符号链接'],
    [
      'executable',
      { GITLAB_USER_LOGIN: 'longfeng-office' },
      'content/brands/longfeng/images/run.svg',
      '这是可执行文件',
    ],
    ['submodule', { GITLAB_USER_LOGIN: 'longfeng-office' }, 'content/brands/longfeng/sub.md', '这是子模块'],
    ['submodule', { GITLAB_USER_LOGIN: 'district-admin' }, 'content/brands/longfeng/sub.md', '这是子模块'],
    ['district-symlink', { GITLAB_USER_LOGIN: 'district-admin' }, 'content/brands/longfeng/alias.md', '这是符号链接'],
    [
      'forged-author',
      { CI_PUSHER: 'longfeng-office' },
      'content/brands/chigang/lujiang.md',
      '这是街道 chigang 的文件夹',
    ],
    ['review-b', { CI_PUSHER: 'judge-a' }, 'content/reviews/2026-call/judge-b/x.yaml', '这是评委 judge-b 的文件夹'],
    ['review-published', { CI_PUSHER: 'judge-a' }, 'content/reviews/2022-first-round/judge-a/x.yaml', '评分已锁定'],
    ['reverted', { CI_PUSHER: 'longfeng-office' }, 'content/brands/chigang/lujiang.md', '这是街道 chigang 的文件夹'],
  ])('refuses %s as %o: %s', (name, identity, file, reason) => {
    const { code, out } = check(`main..${name}`, identity);
    expect(code, out).toBe(1);
    expect(out).toMatch(new RegExp(`✗ ${file.replace(/[.*]/g, '\\$&')}（(added|modified|deleted)）：[^\\n]*${reason}`));
    // The file's contents never reach the log: the link's target is neither read nor shown.
    expect(out).not.toContain('root:');
  });

  it('keys on the pusher, not on the commit author', () => {
    expect(git('log', '-1', '--format=%an', 'forged-author')).toBe('district-admin');
    // A district account pushing commits authored by anyone may change district files, decisions and code.
    expect(git('log', '-1', '--format=%an', 'district-edit')).toBe('someone');
    const district = check('main..district-edit', { CI_PUSHER: 'district-admin' });
    expect(district.code, district.out).toBe(0);
  });

  it("lets a judge change the judge's own reviews while the call is open", () => {
    expect(check('main..review-a', { CI_PUSHER: 'judge-a' }).code).toBe(0);
  });

  it('refuses a push to main that drops a newer district commit, unless the district makes it', () => {
    const office = check(['--push', '--base', 'main', '--head', 'rewritten'], { GITLAB_USER_LOGIN: 'longfeng-office' });
    expect(office.code, office.out).toBe(1);
    expect(office.out).toContain('这次推送不是快进');
    // The same commits as a merge request are the office's own: only the rewrite is refused.
    expect(check('main..rewritten', { GITLAB_USER_LOGIN: 'longfeng-office' }).code).toBe(0);
    expect(
      check(['--push', '--base', 'main', '--head', 'rewritten'], { GITLAB_USER_LOGIN: 'district-admin' }).code,
    ).toBe(0);
  });

  it('holds a merge answerable for what it changes itself, not for what it brings from main', () => {
    const { code, out } = check(['--push', '--base', 'main', '--head', 'merged-main'], {
      GITLAB_USER_LOGIN: 'longfeng-office',
    });
    expect(out).not.toContain('content/streets/longfeng.yaml');
    expect(code, out).toBe(0);
  });

  it('refuses an identity override, an unknown account, no identity and bad input, with exit 2 where it cannot check', () => {
    const forged = check('main..own-brand', { GITLAB_USER_LOGIN: 'longfeng-office', CI_PUSHER: 'district-admin' });
    expect(forged.code).toBe(2);
    expect(forged.out).toContain('推送者身份互相矛盾');
    const unknown = check('main..own-brand', { CI_PUSHER: 'stranger' });
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('账号“stranger”不在 cms/owners.yaml 中');
    for (const [args, message] of [
      [['main..own-brand'], '不知道是谁推送的'],
      [['main..no-such-branch'], 'no-such-branch'],
      [['--base'], '--base 后面缺少值'],
      [['--frobnicate'], '不认识的选项'],
    ] as const) {
      const result = check([...args], args[0] === 'main..own-brand' ? {} : { CI_PUSHER: 'district-admin' });
      expect(result.code, result.out).toBe(2);
      expect(result.out).toContain(message);
      expect(result.out).not.toMatch(/\n\s+at /);
    }
    const help = check(['--help'], {});
    expect(help.code).toBe(0);
    expect(help.out).toContain('用法');
  });
});
