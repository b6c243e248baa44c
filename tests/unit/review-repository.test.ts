import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reviewBase } from '../../review/base.ts';
import { DEFAULT_REVIEW_CONTENT_DIR } from '../../src/content-dir.ts';
import { AudienceError, parseAudience } from '../../src/lib/review/audience.ts';
import { REVIEW_COLLECTIONS, validateContentSources } from '../../src/lib/review/load.ts';
import { createReviewRepository, ensureReviewContent, REVIEW_SAMPLE } from '../../src/lib/review/setup.ts';

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

  it('holds no judge and no review file: they live in the review repository', () => {
    const paths = committed();
    expect(paths.length).toBeGreaterThan(100);
    expect(paths.filter((path) => /^content\/(judges|reviews)\//.test(path))).toEqual([]);
    expect(paths.filter((path) => path.startsWith('review-content/'))).toEqual([]);
  });

  it('ignores the review repository’s folder', () => {
    expect(git('.', 'check-ignore', 'review-content/content/judges/x.yaml').trim()).toBe(
      'review-content/content/judges/x.yaml',
    );
  });

  it('keeps the private collections, and only those, for the review repository', () => {
    expect(REVIEW_COLLECTIONS).toEqual(['judges', 'reviews']);
    expect(DEFAULT_REVIEW_CONTENT_DIR).toBe('review-content/content');
  });
});

describe('the review repository', () => {
  it('is made from the sample as a Git repository of its own, with one commit', () => {
    const repo = join(temp, 'made');
    expect(createReviewRepository(repo)).toBe(true);
    expect(existsSync(join(repo, 'content', 'judges', 'judge-a.yaml'))).toBe(true);
    expect(git(repo, 'rev-parse', '--show-toplevel').trim()).toBe(repo);
    expect(git(repo, 'log', '--format=%s').trim()).toBe('评审数据示例（虚构）');
    expect(git(repo, 'status', '--porcelain')).toBe('');
    // Never over an existing folder.
    expect(createReviewRepository(repo)).toBe(false);
  });

  it('must exist when REVIEW_CONTENT_DIR names it: never replaced by the sample', () => {
    expect(() => ensureReviewContent(join(temp, 'missing', 'content'))).toThrow('找不到评审数据文件夹');
  });

  it('is read with the content folder as one content set', () => {
    const { problems, entries } = validateContentSources('content', join(REVIEW_SAMPLE, 'content'));
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
    const { problems } = validateContentSources(content, review);
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
