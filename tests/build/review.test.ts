import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { REVIEW_SAMPLE } from '../../src/lib/review/setup.ts';
import { buildSite } from '../support/build.ts';
import { editYaml, filesUnder } from '../support/content-edit.ts';

/**
 * Builds the district's review site (npm run build:review) from a copy of the
 * content and a copy of the review repository (judges and reviews, a Git
 * repository of its own, as REVIEW_CONTENT_DIR reads it), with the 2022 call
 * reviewed blind and its material naming its applicants, then reads the pages:
 * the coverage table (excluded vs missing), blind mode and the last-changed
 * dates from the review repository's Git history.
 */
const CAMPAIGN = '2022-first-round';
const COMMIT_DATE = '2022-05-06T10:30:00+08:00';

let workDir: string;
let contentDir: string;
/** The review repository's work tree, and its content folder (REVIEW_CONTENT_DIR). */
let reviewRepo: string;
let reviewDir: string;
let outDir: string;

const git = (...args: string[]) => {
  const result = spawnSync(
    'git',
    [
      '-C',
      reviewRepo,
      '-c',
      'user.name=测试',
      '-c',
      'user.email=test@example.invalid',
      '-c',
      'commit.gpgsign=false',
      ...args,
    ],
    { encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: COMMIT_DATE, GIT_COMMITTER_DATE: COMMIT_DATE } },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
};

const page = (path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');

/** The coverage table's cells of a campaign page: `judge/submission` → status. */
function coverage(html: string): Map<string, string> {
  const table = html.slice(html.indexOf('data-coverage'), html.indexOf('</table>', html.indexOf('data-coverage')));
  const cells = new Map<string, string>();
  for (const match of table.matchAll(/data-judge="([^"]+)" data-submission="([^"]+)" data-status="([^"]+)"/g)) {
    cells.set(`${match[1]}/${match[2]}`, match[3]);
  }
  return cells;
}

/** The HTML of one coverage cell. */
function cell(html: string, judge: string, submission: string): string {
  const start = html.indexOf(`data-judge="${judge}" data-submission="${submission}"`);
  return html.slice(start, html.indexOf('</td>', start));
}

/** Street names and organisations of the 2022 sign-ups, which blind mode must keep off judges' pages. */
const applicants: string[] = [];

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'haizhu-review-'));
  contentDir = join(workDir, 'content');
  outDir = join(workDir, 'dist-review');
  cpSync('content', contentDir, { recursive: true });
  reviewRepo = join(workDir, 'review-content');
  reviewDir = join(reviewRepo, 'content');
  cpSync(REVIEW_SAMPLE, reviewRepo, { recursive: true });

  editYaml(join(contentDir, 'campaigns', `${CAMPAIGN}.yaml`), (doc) => doc.set('blind', true));
  const streets = new Map(
    readdirSync(join(contentDir, 'streets')).map((file) => {
      const doc = parseDocument(readFileSync(join(contentDir, 'streets', file), 'utf8'));
      return [String(doc.get('id')), String(doc.get('name'))];
    }),
  );
  // The material names its applicant, as real sign-ups do: in the summary and in the body.
  for (const file of filesUnder(join(contentDir, 'submissions', CAMPAIGN)).filter((name) => name.endsWith('.md'))) {
    let street = '';
    editYaml(file, (doc) => {
      const organisation = String(doc.get('organisation'));
      street = streets.get(String(doc.get('street'))) ?? '';
      applicants.push(organisation, street, street.replace(/街道$/, '街'));
      doc.set('summary', `（测试）由${organisation}牵头，在${street}的三个社区试点。`);
    });
    appendFileSync(file, `\n## 测试\n\n（测试）${street.replace(/街道$/, '街')}的做法。\n`);
  }

  // History: everything committed on COMMIT_DATE except one review; another changed since.
  git('init', '-q');
  git('add', '-A');
  git('reset', '-q', '--', `content/reviews/${CAMPAIGN}/judge-c/zhihui-wangge-2022.yaml`);
  git('commit', '-q', '-m', '测试内容');
  editYaml(join(reviewDir, 'reviews', CAMPAIGN, 'judge-a', 'yuxiuge-2022.yaml'), (doc) =>
    doc.set('comment', '提交之后又修改过的评语。'),
  );

  buildSite(
    { CONTENT_DIR: contentDir, REVIEW_CONTENT_DIR: reviewDir, REVIEW_OUT_DIR: outDir },
    'astro.review.config.mjs',
  );
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('the review build', () => {
  it('writes its own site under the /review/ base path', () => {
    const index = page('');
    expect(index).toContain('评审工作台');
    expect(index).toContain(`href="/review/campaigns/${CAMPAIGN}/"`);
    expect(index).toContain('noindex');
    expect(existsSync(join(outDir, 'campaigns', CAMPAIGN, 'index.html'))).toBe(true);
  });

  it('has a page per shortlisted submission, a page per judge and a dashboard per street', () => {
    for (const submission of ['yuxiuge-2022', 'hongse-nanshi-2022', 'juneng-jianghai-2022', 'zhihui-wangge-2022']) {
      expect(existsSync(join(outDir, 'campaigns', CAMPAIGN, submission, 'index.html')), submission).toBe(true);
    }
    // Not shortlisted: no review page.
    expect(existsSync(join(outDir, 'campaigns', CAMPAIGN, 'fenlei-dudao-2022'))).toBe(false);
    expect(existsSync(join(outDir, 'judges', 'judge-e', 'index.html'))).toBe(true);
    expect(readdirSync(join(outDir, 'streets')).filter((name) => !name.endsWith('.html'))).toHaveLength(18);
  });
});

describe('the coverage table', () => {
  it('marks every judge × shortlisted submission: a declared conflict is excluded, not missing', () => {
    const cells = coverage(page(`campaigns/${CAMPAIGN}`));
    expect(cells.size).toBe(25);
    const notScored = [...cells].filter(([, status]) => status !== 'scored');
    expect(Object.fromEntries(notScored)).toEqual({
      // judge-b declared a conflict with 南石头街道.
      'judge-b/hongse-nanshi-2022': 'excluded',
      // judge-d abstained on this one in the review itself.
      'judge-d/lujiang-zhiyuan-2022': 'abstained',
      // The deliberate gap.
      'judge-e/juneng-jianghai-2022': 'missing',
    });
  });

  it('links a missing score to a new review in the district’s review editor, and a scored one to its entry', () => {
    const html = page(`campaigns/${CAMPAIGN}`);
    expect(cell(html, 'judge-e', 'juneng-jianghai-2022')).toContain(
      `href="/review/admin/#/collections/reviews-${CAMPAIGN}/new?judge=judge-e&amp;submission=juneng-jianghai-2022"`,
    );
    expect(cell(html, 'judge-a', 'yuxiuge-2022')).toContain(
      `href="/review/admin/#/collections/reviews-${CAMPAIGN}/entries/judge-a/yuxiuge-2022"`,
    );
    expect(cell(html, 'judge-b', 'hongse-nanshi-2022')).not.toContain('href=');
  });

  it('flags the incomplete panel instead of ranking it', () => {
    const html = page(`campaigns/${CAMPAIGN}`);
    const row = html.slice(html.indexOf('<tr data-submission="juneng-jianghai-2022"'));
    expect(row.slice(0, row.indexOf('</tr>'))).toMatch(/<td class="number"[^>]*>—<\/td>[\s\S]*评分未完成，不排名/);
  });

  it('shows each judge’s progress', () => {
    const judge = page('judges/judge-e');
    expect(judge).toContain('已评 4 / 应评 5');
    expect(judge).toContain('待评 1 项');
  });
});

describe('last changed, from Git history', () => {
  it.each([
    ['judge-b', 'yuxiuge-2022', '2022-05-06 10:30', '未提交'],
    ['judge-a', 'yuxiuge-2022', '2022-05-06 10:30（之后有未提交的修改）', 'never'],
    ['judge-c', 'zhihui-wangge-2022', '未提交', '2022-05-06'],
  ])('%s on %s: %s', (judge, submission, expected, absent) => {
    const html = cell(page(`campaigns/${CAMPAIGN}`), judge, submission);
    expect(html).toContain(expected);
    expect(html).not.toContain(absent);
  });

  it('is shown on the submission page too', () => {
    expect(page(`campaigns/${CAMPAIGN}/yuxiuge-2022`)).toContain('最后修改：2022-05-06 10:30');
  });
});

describe('blind mode', () => {
  const judgesPages = () => [
    page(`campaigns/${CAMPAIGN}`),
    ...['yuxiuge-2022', 'hongse-nanshi-2022', 'juneng-jianghai-2022', 'zhihui-wangge-2022', 'lujiang-zhiyuan-2022'].map(
      (submission) => page(`campaigns/${CAMPAIGN}/${submission}`),
    ),
    ...['judge-a', 'judge-b', 'judge-c', 'judge-d', 'judge-e'].map((judge) => page(`judges/${judge}`)),
  ];

  it('says so on the campaign page', () => {
    expect(page(`campaigns/${CAMPAIGN}`)).toContain('匿名评审');
  });

  it('keeps applicant streets and organisations off every judges’ page, masking them in the material', () => {
    expect(applicants.length).toBeGreaterThan(10);
    for (const html of judgesPages()) {
      for (const name of applicants.filter(Boolean)) expect(html).not.toContain(name);
    }
    const material = page(`campaigns/${CAMPAIGN}/yuxiuge-2022`);
    expect(material).toContain('（测试）由申报单位牵头，在××街道的三个社区试点。');
    expect(material).toContain('（测试）××街的做法。');
  });

  it('still shows a street office its own submissions and their stages', () => {
    const street = page('streets/nanshitou');
    expect(street).toContain('南石头街道党工委');
    expect(street).toContain('data-stage="selected"');
    expect(street).toContain('/admin/nanshitou/');
  });
});
