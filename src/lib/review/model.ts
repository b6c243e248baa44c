/**
 * What the review site shows for one call, worked out from plain data: which
 * submissions are under review, the scores (src/lib/scoring.ts), each judge's
 * progress and the coverage table. Pure: no I/O.
 */
import type { Campaign, Judge, Review, Submission, SubmissionStage } from '../../schema/index.ts';
import { type CampaignScores, type Cell, type CellStatus, type SubmissionScore, scoreCampaign } from '../scoring.ts';

/**
 * Judges review the shortlist. A submission is under review when it is
 * shortlisted or selected, or when it was not selected after being reviewed
 * (it has reviews): the record of a finished round keeps everyone scored.
 * Sign-ups still in draft, submitted or eligible are not (the validator
 * refuses reviews of them).
 */
export function underReview(submission: Pick<Submission, 'stage'>, reviewCount: number): boolean {
  const stage: SubmissionStage = submission.stage;
  return stage === 'shortlisted' || stage === 'selected' || (stage === 'not-selected' && reviewCount > 0);
}

export interface JudgeProgress {
  judge: string;
  /** Valid reviews of submissions the judge is expected to review. */
  done: number;
  /** Submissions the judge is expected to review (conflicts excluded). */
  expected: number;
  /** Submissions excluded for a declared conflict or an abstention. */
  excluded: number;
  /** Submissions still to review, or whose review cannot count. */
  missing: string[];
}

export interface CampaignReview {
  /** Submissions under review, in the order given. */
  pool: Submission[];
  scores: CampaignScores;
  scoreOf: (submission: string) => SubmissionScore | undefined;
  /** A judge's cell for a submission (its status in the coverage table). */
  cell: (submission: string, judge: string) => Cell | undefined;
  progress: JudgeProgress[];
  /** Counts of cells by status over the whole table. */
  totals: Record<CellStatus, number>;
}

/** Scores, coverage and progress for one call; `reviews` are this call's reviews only. */
export function reviewCampaign(
  campaign: Pick<Campaign, 'rubric' | 'judges' | 'trimming'> & Partial<Pick<Campaign, 'rankWithinTask'>>,
  submissions: readonly Submission[],
  judges: readonly Pick<Judge, 'id' | 'conflicts'>[],
  reviews: readonly Review[],
): CampaignReview {
  const reviewCount = new Map<string, number>();
  for (const review of reviews) reviewCount.set(review.submission, (reviewCount.get(review.submission) ?? 0) + 1);
  const pool = submissions.filter((submission) => underReview(submission, reviewCount.get(submission.id) ?? 0));
  const conflicts = Object.fromEntries(judges.map((judge) => [judge.id, judge.conflicts]));
  const scores = scoreCampaign(
    { rubric: campaign.rubric, judges: campaign.judges, conflicts, trimming: campaign.trimming },
    pool.map((submission) => ({
      id: submission.id,
      street: submission.street,
      submitted: submission.submitted,
      // A call that ranks within each task: the best claim of each task, by the same rules.
      ...(campaign.rankWithinTask ? { group: submission.claim?.task ?? '' } : {}),
    })),
    reviews.map((review) => ({ ...review })),
  );
  const byId = new Map(scores.results.map((result) => [result.submission, result]));
  const cells = new Map<string, Cell>();
  for (const result of scores.results)
    for (const cell of result.cells) cells.set(`${result.submission}\u0000${cell.judge}`, cell);

  const progress = campaign.judges.map((judge): JudgeProgress => {
    const own = pool.map((submission) => ({ submission, cell: cells.get(`${submission.id}\u0000${judge}`) }));
    const excluded = own.filter(({ cell }) => cell?.status === 'excluded' || cell?.status === 'abstained');
    const expected = own.filter(({ cell }) => cell && !excluded.some((other) => other.cell === cell));
    return {
      judge,
      done: expected.filter(({ cell }) => cell?.status === 'scored').length,
      expected: expected.length,
      excluded: excluded.length,
      missing: expected
        .filter(({ cell }) => cell?.status === 'missing' || cell?.status === 'invalid')
        .map(({ submission }) => submission.id),
    };
  });

  const totals = emptyTotals();
  for (const cell of cells.values()) totals[cell.status]++;

  return {
    pool,
    scores,
    scoreOf: (submission) => byId.get(submission),
    cell: (submission, judge) => cells.get(`${submission}\u0000${judge}`),
    progress,
    totals,
  };
}

/** How each coverage status reads in the table. */
export const CELL_LABELS: Record<CellStatus, string> = {
  scored: '已评分',
  missing: '缺评分',
  excluded: '回避',
  abstained: '自行回避',
  invalid: '评分无效',
  'not-on-panel': '不在名单',
};

/** A count of zero for every cell status, to add cells to. */
export const emptyTotals = () =>
  Object.fromEntries(Object.keys(CELL_LABELS).map((status) => [status, 0])) as Record<CellStatus, number>;
