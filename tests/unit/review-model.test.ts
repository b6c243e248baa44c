import { describe, expect, it } from 'vitest';
import {
  editReviewUrl,
  judgesCmsUrl,
  newReviewUrl,
  publicSiteUrl,
  streetSubmissionUrl,
} from '../../src/lib/review/cms.ts';
import { describeHistory } from '../../src/lib/review/git.ts';
import { loadContent } from '../../src/lib/review/load.ts';
import { reviewCampaign, underReview } from '../../src/lib/review/model.ts';

describe('underReview', () => {
  it.each([
    ['draft', 0, false],
    ['submitted', 3, false],
    ['eligible', 0, false],
    ['shortlisted', 0, true],
    ['selected', 0, true],
    ['not-selected', 0, false],
    ['not-selected', 2, true],
  ] as const)('%s with %i reviews: %s', (stage, reviews, expected) => {
    expect(underReview({ stage }, reviews)).toBe(expected);
  });
});

describe('reviewCampaign on the seed 2022 call', () => {
  const content = loadContent('content');
  const campaign = content.campaigns.find((entry) => entry.id === '2022-first-round');
  if (!campaign) throw new Error('seed campaign missing');
  const review = reviewCampaign(
    campaign.data,
    content.submissions.filter((entry) => entry.data.campaign === campaign.id).map(({ data }) => data),
    content.judges.map(({ data }) => data),
    content.reviews.filter((entry) => entry.folders.campaign === campaign.id).map(({ data }) => data),
  );

  it('reviews the shortlisted and selected sign-ups only', () => {
    expect(review.pool.map((submission) => submission.id).sort()).toEqual([
      'hongse-nanshi-2022',
      'juneng-jianghai-2022',
      'lujiang-zhiyuan-2022',
      'yuxiuge-2022',
      'zhihui-wangge-2022',
    ]);
  });

  it('counts the table: one gap, one declared conflict, one abstention', () => {
    expect(review.totals).toEqual({
      scored: 22,
      missing: 1,
      excluded: 1,
      abstained: 1,
      invalid: 0,
      'not-on-panel': 0,
    });
  });

  it('gives each judge’s progress', () => {
    expect(
      review.progress.map(({ judge, done, expected, excluded, missing }) => [judge, done, expected, excluded, missing]),
    ).toEqual([
      ['judge-a', 5, 5, 0, []],
      ['judge-b', 4, 4, 1, []],
      ['judge-c', 5, 5, 0, []],
      ['judge-d', 4, 4, 1, []],
      ['judge-e', 4, 5, 0, ['juneng-jianghai-2022']],
    ]);
  });

  it('ranks the complete panels and leaves the gap unranked', () => {
    expect(review.scores.results.map((result) => [result.submission, result.rank])).toEqual([
      ['hongse-nanshi-2022', 1],
      ['yuxiuge-2022', 2],
      ['zhihui-wangge-2022', 3],
      ['lujiang-zhiyuan-2022', 4],
      ['juneng-jianghai-2022', null],
    ]);
  });
});

describe('links and history labels', () => {
  const key = { campaign: '2022-first-round', judge: 'judge-a', submission: 'yuxiuge-2022' };
  it.each([
    [
      editReviewUrl('/admin/judges/', key),
      '/admin/judges/#/collections/reviews-2022-first-round/entries/judge-a/yuxiuge-2022',
    ],
    [
      newReviewUrl('/admin/judges/', key),
      '/admin/judges/#/collections/reviews-2022-first-round/new?judge=judge-a&submission=yuxiuge-2022',
    ],
    // A judge's own editor: the collection is the judge's folder, the judge fixed by the editor.
    [
      editReviewUrl('/review/judge/judge-a/admin/', key, true),
      '/review/judge/judge-a/admin/#/collections/reviews-2022-first-round/entries/yuxiuge-2022',
    ],
    [
      newReviewUrl('/review/judge/judge-a/admin/', key, true),
      '/review/judge/judge-a/admin/#/collections/reviews-2022-first-round/new?submission=yuxiuge-2022',
    ],
    [judgesCmsUrl({}, '/review/judge/judge-a/'), '/review/judge/judge-a/admin/'],
    [judgesCmsUrl({ REVIEW_CMS_URL: 'https://review.example.org/edit' }), 'https://review.example.org/edit/'],
    [streetSubmissionUrl('longfeng', '2026-call'), '/admin/longfeng/#/collections/submissions-2026-call/new'],
    [
      streetSubmissionUrl('xingang', '2026-call', 'hongse-wuye-2026', 'https://example.org'),
      'https://example.org/admin/xingang/#/collections/submissions-2026-call/entries/hongse-wuye-2026',
    ],
    // The public site under a sub-path of the portal: its editor is there too.
    [
      streetSubmissionUrl('xingang', '2026-call', undefined, 'https://www.haizhu.gov.cn/zt/dangjian/'),
      'https://www.haizhu.gov.cn/zt/dangjian/admin/xingang/#/collections/submissions-2026-call/new',
    ],
    [publicSiteUrl({}), 'http://127.0.0.1:4321/'],
    [
      publicSiteUrl({ PUBLIC_SITE_URL: 'https://www.haizhu.gov.cn', PUBLIC_BASE_PATH: '/zt/dangjian' }),
      'https://www.haizhu.gov.cn/zt/dangjian/',
    ],
    [describeHistory({ committed: null, uncommitted: true }), '未提交'],
    [describeHistory({ committed: '2022-05-06T10:30:00+08:00', uncommitted: false }), '2022-05-06 10:30'],
    [
      describeHistory({ committed: '2022-05-06T10:30:00+08:00', uncommitted: true }),
      '2022-05-06 10:30（之后有未提交的修改）',
    ],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});
