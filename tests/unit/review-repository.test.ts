import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reviewBase } from '../../review/base.ts';
import { DEFAULT_DISTRICT_CONTENT_DIR, DEFAULT_REVIEW_CONTENT_DIR } from '../../src/content-dir.ts';
import { readContentFiles } from '../../src/lib/content-files.ts';
import { AudienceError, parseAudience } from '../../src/lib/review/audience.ts';
import { REVIEW_COLLECTIONS, validateContentSources } from '../../src/lib/review/load.ts';
import { createRepository, DISTRICT_SAMPLE, ensureStore, REVIEW_SAMPLE } from '../../src/lib/review/setup.ts';
import { parseSource } from '../../src/lib/source.ts';
import { collectionsIn } from '../../src/schema/index.ts';

const temp = mkdtempSync(join(tmpdir(), 'haizhu-review-repo-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

describe('the offices’ repository', () => {
  /** What the next commit of this work tree holds: tracked and new files, less deleted ones, less ignored ones. */
  const committed = () =>
    git('.', 'ls-files', '--cached', '--others', '--exclude-standard', '-z')
      .split('\0')
      .filter((path) => path && existsSync(path));

  it('holds no judge, no review and no contact file: they live in the review and district repositories', () => {
    const paths = committed();
    expect(paths.length).toBeGreaterThan(100);
    expect(paths.filter((path) => /^content\/(judges|reviews|contacts)\//.test(path))).toEqual([]);
    expect(paths.filter((path) => /^(review|district)-content\//.test(path))).toEqual([]);
  });

  it('holds no sign-up that still carries a contact', () => {
    const signUps = committed().filter((path) => /^content\/submissions\/.*\.md$/.test(path));
    expect(signUps.length).toBeGreaterThan(5);
    const carrying = signUps.filter((path) => {
      const { data } = parseSource(readFileSync(path, 'utf8'), 'md');
      return typeof data === 'object' && data !== null && 'contact' in data;
    });
    expect(carrying).toEqual([]);
    // Nor does any other text file in it hold a sample contact's phone number, but the district's sample.
    const phones = readContentFiles(join(DISTRICT_SAMPLE, 'content')).map(
      (file) => (parseSource(file.text, 'yaml').data as { phone: string }).phone,
    );
    expect(phones.length).toBe(signUps.length);
    const holding = committed()
      .filter((path) => !path.startsWith(`${DISTRICT_SAMPLE}/`) && /\.(md|ya?ml|ts|json|csv)$/.test(path))
      .filter((path) => phones.some((phone) => readFileSync(path, 'utf8').includes(phone)));
    expect(holding).toEqual([]);
  });

  it('ignores the review and district repositories’ folders', () => {
    for (const path of ['review-content/content/judges/x.yaml', 'district-content/content/contacts/a/b/c.yaml'])
      expect(git('.', 'check-ignore', path).trim()).toBe(path);
  });

  it('keeps the private collections, and only those, for the review and district repositories', () => {
    expect(REVIEW_COLLECTIONS).toEqual(['judges', 'reviews']);
    expect(collectionsIn('district')).toEqual(['contacts']);
    expect(DEFAULT_REVIEW_CONTENT_DIR).toBe('review-content/content');
    expect(DEFAULT_DISTRICT_CONTENT_DIR).toBe('district-content/content');
  });
});

describe('the review repository', () => {
  it('is made from the sample as a Git repository of its own, with one commit', () => {
    const repo = join(temp, 'made');
    expect(createRepository('review', repo)).toBe(true);
    expect(existsSync(join(repo, 'content', 'judges', 'judge-a.yaml'))).toBe(true);
    expect(git(repo, 'rev-parse', '--show-toplevel').trim()).toBe(repo);
    expect(git(repo, 'log', '--format=%s').trim()).toBe('评审数据示例（虚构）');
    expect(git(repo, 'status', '--porcelain')).toBe('');
    // Never over an existing folder.
    expect(createRepository('review', repo)).toBe(false);
  });

  it('must exist when REVIEW_CONTENT_DIR names it: never replaced by the sample', () => {
    expect(() => ensureStore('review', join(temp, 'missing', 'content'))).toThrow('找不到评审仓库的数据文件夹');
  });

  it('is read with the content folder as one content set', () => {
    const { problems, entries } = validateContentSources({
      content: 'content',
      review: join(REVIEW_SAMPLE, 'content'),
    });
    expect(problems).toEqual([]);
    expect(entries.judges.length).toBe(5);
    expect(entries.reviews.length).toBeGreaterThan(20);
  });

  it('refuses a judge in the content folder, and a brand in the review folder, naming each file’s folder', () => {
    const content = join(temp, 'content');
    const review = join(temp, 'review', 'content');
    cpSync('content', content, { recursive: true });
    cpSync(join(REVIEW_SAMPLE, 'content'), review, { recursive: true });
    mkdirSync(join(content, 'judges'));
    writeFileSync(
      join(content, 'judges', 'judge-x.yaml'),
      'id: judge-x\ncode: 评审专家X\nname: 某某\naffiliation: 某单位\n',
    );
    mkdirSync(join(review, 'brands', 'longfeng'), { recursive: true });
    cpSync(join(content, 'brands', 'longfeng', 'yuxiuge.md'), join(review, 'brands', 'longfeng', 'stray.md'));
    writeFileSync(join(review, 'reviews', '2022-first-round', 'judge-a', 'yuxiuge-2022.yaml'), 'judge: judge-a\n');
    const { problems } = validateContentSources({ content, review });
    const lines = problems.map((problem) => `${problem.file}: ${problem.message}`);
    expect(lines).toContainEqual(
      expect.stringMatching(/content\/judges\/judge-x\.yaml: 评审专家文件不能放在内容文件夹里/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/review\/content\/brands\/longfeng\/stray\.md: 评审仓库只放评委和评分/),
    );
    // A review's own problem names the review folder, not the content folder.
    expect(
      lines.some((line) => line.includes('review/content/reviews/2022-first-round/judge-a/yuxiuge-2022.yaml')),
    ).toBe(true);
  });
});

describe('the district repository', () => {
  it('is made from the sample as a Git repository of its own, with one commit', () => {
    const repo = join(temp, 'district-made');
    expect(createRepository('district', repo)).toBe(true);
    expect(existsSync(join(repo, 'cms', 'owners.yaml'))).toBe(true);
    expect(git(repo, 'log', '--format=%s').trim()).toBe('区级数据示例（虚构）');
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(createRepository('district', repo)).toBe(false);
  });

  it('must exist when DISTRICT_CONTENT_DIR names it: never replaced by the sample', () => {
    expect(() => ensureStore('district', join(temp, 'missing', 'content'))).toThrow(
      /找不到区级仓库的数据文件夹 .*（DISTRICT_CONTENT_DIR，申报联系人）/,
    );
  });

  it('holds one contact file per sign-up, read with the other folders as one content set', () => {
    const { problems, entries } = validateContentSources({
      content: 'content',
      review: join(REVIEW_SAMPLE, 'content'),
      district: join(DISTRICT_SAMPLE, 'content'),
    });
    expect(problems).toEqual([]);
    expect(entries.contacts.map((entry) => `${entry.folders.campaign}/${entry.id}`).sort()).toEqual(
      entries.submissions.map((entry) => `${entry.data.campaign}/${entry.id}`).sort(),
    );
  });

  it('refuses a contact anywhere else, anything else in it, and a contact naming no sign-up', () => {
    const content = join(temp, 'd-content');
    const review = join(temp, 'd-review', 'content');
    const district = join(temp, 'd-district', 'content');
    cpSync('content', content, { recursive: true });
    cpSync(join(REVIEW_SAMPLE, 'content'), review, { recursive: true });
    cpSync(join(DISTRICT_SAMPLE, 'content'), district, { recursive: true });
    const contact = join('contacts', '2022-first-round', 'longfeng', 'yuxiuge-2022.yaml');
    mkdirSync(join(content, 'contacts', '2022-first-round', 'longfeng'), { recursive: true });
    cpSync(join(district, contact), join(content, contact));
    mkdirSync(join(review, 'contacts', '2022-first-round', 'longfeng'), { recursive: true });
    cpSync(join(district, contact), join(review, contact));
    cpSync(join(review, 'judges', 'judge-a.yaml'), join(district, 'judges', 'judge-a.yaml'), { recursive: true });
    writeFileSync(
      join(district, 'contacts', '2022-first-round', 'longfeng', 'no-such-2022.yaml'),
      'submission: no-such-2022\ncampaign: 2022-first-round\nstreet: longfeng\nname: 某某\nphone: 020-0000-0000\n',
    );
    writeFileSync(
      join(district, 'contacts', '2022-first-round', 'longfeng', 'hongse-nanshi-2022.yaml'),
      'submission: hongse-nanshi-2022\ncampaign: 2022-first-round\nstreet: longfeng\nname: 某某\nphone: 020-0000-0000\n',
    );
    const { problems } = validateContentSources({ content, review, district });
    const lines = problems.map((problem) => `${problem.file} ${problem.field}: ${problem.message} (${problem.fix})`);
    expect(lines).toEqual([
      `${content}/${contact} : 申报联系人文件不能放在内容文件夹里：各街道办都能读取这个仓库 (移到区级仓库 ${district}/${contact})`,
      `${review}/${contact} : 评审仓库只放评委和评分（judges、reviews） (移到区级仓库 ${district}/${contact})`,
      `${district}/judges/judge-a.yaml : 区级仓库只放申报联系人（contacts） (移到评审仓库 ${review}/judges/judge-a.yaml)`,
      `${district}/contacts/2022-first-round/longfeng/hongse-nanshi-2022.yaml street: 申报“hongse-nanshi-2022”是 nanshitou 街道的，联系人文件却在 longfeng 文件夹里 (把文件移到 contacts/2022-first-round/nanshitou/，并把 street 改为 nanshitou)`,
      `${district}/contacts/2022-first-round/longfeng/no-such-2022.yaml submission: 征集令 2022-first-round 中找不到申报“no-such-2022” (检查申报编号：联系人文件以申报的编号命名，与 ${content}/submissions/2022-first-round/<街道>/ 里的申报文件同名)`,
    ]);
  });
});

describe('REVIEW_AUDIENCE', () => {
  const known = { judges: ['judge-a', 'judge-b'], streets: ['longfeng', 'pazhou'] };

  it.each([
    [undefined, { kind: 'district' }],
    ['', { kind: 'district' }],
    ['district', { kind: 'district' }],
    ['judge:judge-a', { kind: 'judge', id: 'judge-a' }],
    [' street:pazhou ', { kind: 'street', id: 'pazhou' }],
  ])('reads %j', (value, audience) => {
    expect(parseAudience(value, known)).toEqual(audience);
  });

  it.each([
    ['judges', 'REVIEW_AUDIENCE 应为 district（区委组织部）、judge:<评委编号> 或 street:<街道编号>，现在是“judges”'],
    ['judge:', '现在是“judge:”'],
    ['Judge:judge-a', '现在是“Judge:judge-a”'],
    ['judge:judge-z', '找不到评委“judge-z”（REVIEW_AUDIENCE=judge:judge-z）；已有的评委编号：judge-a、judge-b'],
    ['street:shenzhen', '找不到街道“shenzhen”'],
  ])('refuses %j in Chinese', (value, message) => {
    expect(() => parseAudience(value, known)).toThrow(AudienceError);
    expect(() => parseAudience(value, known)).toThrow(message);
  });

  it('gives each audience a base path of its own', () => {
    expect(reviewBase(undefined)).toBe('/review/');
    expect(reviewBase('district')).toBe('/review/');
    expect(reviewBase('judge:judge-a')).toBe('/review/judge/judge-a/');
    expect(reviewBase('street:longfeng')).toBe('/review/street/longfeng/');
  });

  it('puts every audience under the sub-path the site is served from (PUBLIC_BASE_PATH)', () => {
    expect(reviewBase('district', '/zt/dangjian/')).toBe('/zt/dangjian/review/');
    expect(reviewBase('judge:judge-a', '/zt/dangjian/')).toBe('/zt/dangjian/review/judge/judge-a/');
    expect(reviewBase('street:longfeng', '/zt/dangjian/')).toBe('/zt/dangjian/review/street/longfeng/');
  });
});
