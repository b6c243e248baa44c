/**
 * Panel scoring for a call's shortlist: pure functions, no I/O.
 *
 * For each submission:
 * - each judge's **weighted total** is Σ weight × score / scale over the
 *   rubric, divided by the sum of the weights: 0–100 whatever each
 *   criterion's scale (a 10-point and a 100-point criterion count by weight
 *   alone);
 * - the **panel score** is the mean of the judges' totals that count. With
 *   the `auto` rule, when 5 or more valid reviews exist the single highest and
 *   single lowest total are dropped first (去掉一个最高分和一个最低分, the usual
 *   rule for such panels); `none` never drops, `always` drops from 3 valid
 *   reviews on;
 * - the **per-criterion averages** are taken over the same counted reviews,
 *   so the panel score equals the weighted sum of the averages;
 * - the **rank** orders complete panels by panel score, then (tie-break)
 *   higher median of the valid totals, then more valid reviews, then the
 *   earlier submission date (a missing date counts as latest). Submissions
 *   still equal after all of these share a rank (1, 2, 2, 4).
 *
 * A panel is **complete** when every judge expected to review the submission
 * has a valid review: the panel's judges minus those excluded for a conflict
 * (a street they declared, or a review marked `conflict: true`). Incomplete
 * panels are flagged and get no rank: they are never silently ranked.
 *
 * Scores are compared at 6 decimal places so that equal marks reached by
 * different floating-point paths tie as they should.
 */
import type { TrimmingRule } from '../schema/campaigns.ts';

export type { TrimmingRule };

/** One rubric criterion, as scoring needs it. */
export interface ScoringCriterion {
  id: string;
  name?: string;
  /** Share of the total; weights normally sum to 100. */
  weight: number;
  /** Highest score on this criterion (lowest is 0). */
  scale: number;
}

export interface ScoringPanel {
  rubric: readonly ScoringCriterion[];
  /** Judge ids on the panel, in display order. */
  judges: readonly string[];
  /** Streets each judge declared a conflict with. */
  conflicts?: Readonly<Record<string, readonly string[]>>;
  trimming?: TrimmingRule;
}

export interface ScoringSubmission {
  id: string;
  street: string;
  /** Submission date, YYYY-MM-DD, for the last tie-break. */
  submitted?: string;
  /**
   * The group it is ranked within (a call that ranks within each task: the task it
   * claims). Left out everywhere, one ranking covers the call.
   */
  group?: string;
}

export interface ScoringReview {
  judge: string;
  submission: string;
  scores: Readonly<Record<string, number>>;
  /** The judge abstained from this submission. */
  conflict?: boolean;
}

/**
 * Where one judge stands on one submission:
 * - `scored`: a valid review that counts (or was trimmed, see `trimmed`);
 * - `missing`: expected but not (yet) reviewed;
 * - `excluded`: the judge declared a conflict with the applicant's street;
 * - `abstained`: the judge marked this review `conflict: true`;
 * - `invalid`: a review exists but cannot count (see `problems`);
 * - `not-on-panel`: a review by someone who is not on the panel.
 */
export type CellStatus = 'scored' | 'missing' | 'excluded' | 'abstained' | 'invalid' | 'not-on-panel';

export interface Cell {
  judge: string;
  status: CellStatus;
  /** Weighted total, 0–100, for a valid review. */
  total?: number;
  /** Dropped as the highest or lowest total. */
  trimmed?: 'high' | 'low';
  /** Why a review present does not count (Chinese, for the review site). */
  problems: string[];
}

/** Which tie-break placed a submission below the one before it with the same panel score. */
export type TieBreak = 'median' | 'reviews' | 'submitted' | 'shared';

export interface SubmissionScore {
  submission: string;
  /** One per panel judge, in panel order, then any reviewer not on the panel. */
  cells: Cell[];
  /** Valid reviews (before trimming). */
  valid: number;
  /** Reviews counted in the panel score (after trimming). */
  counted: number;
  /** Whether a highest and a lowest total were dropped. */
  trimmed: boolean;
  /** Mean of the counted totals, 0–100; null without valid reviews. */
  panel: number | null;
  /** Median of the valid totals; null without valid reviews. */
  median: number | null;
  /** Average raw score per criterion id over the counted reviews. */
  criteria: Record<string, number | null>;
  /** Judges expected to review it (panel minus excluded and abstained). */
  expected: string[];
  /** Expected judges with no valid review. */
  missing: string[];
  complete: boolean;
  /** Why the panel is incomplete, in Chinese; empty when complete. */
  flags: string[];
  /** Competition rank among complete panels; null when incomplete. */
  rank: number | null;
  /** Set when the panel score equals the previous ranked submission's. */
  tieBreak?: TieBreak;
  /** The group it was ranked within, when the submissions had groups. */
  group?: string;
}

export interface CampaignScores {
  /**
   * Ranked submissions first (by rank), then incomplete ones by panel score; with
   * groups, so within each group, the groups in the order their first submission came.
   */
  results: SubmissionScore[];
  /** Reviews of submissions that are not being scored. */
  unmatched: ScoringReview[];
}

/** Comparison precision: 6 decimal places. */
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** A judge's weighted total for one review, or why it cannot count. */
export function weightedTotal(
  rubric: readonly ScoringCriterion[],
  scores: Readonly<Record<string, number>>,
): { total: number; problems: [] } | { total?: undefined; problems: string[] } {
  const problems: string[] = [];
  const known = new Set(rubric.map((criterion) => criterion.id));
  for (const id of Object.keys(scores)) if (!known.has(id)) problems.push(`评分标准中没有指标“${id}”`);
  let sum = 0;
  let weights = 0;
  for (const criterion of rubric) {
    const name = criterion.name ?? criterion.id;
    const score = scores[criterion.id];
    weights += criterion.weight;
    if (score === undefined) problems.push(`缺少“${name}”的分数`);
    else if (typeof score !== 'number' || !Number.isFinite(score)) problems.push(`“${name}”的分数不是数字`);
    else if (score < 0 || score > criterion.scale)
      problems.push(`“${name}”的分数 ${score} 超出 0 至 ${criterion.scale} 的范围`);
    else sum += (criterion.weight * score) / criterion.scale;
  }
  if (!(weights > 0)) problems.push('评分标准的权重之和不大于 0');
  if (problems.length) return { problems };
  return { total: (100 * sum) / weights, problems: [] };
}

export function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Whether the rule drops one highest and one lowest total out of `valid` reviews. */
export function trims(rule: TrimmingRule, valid: number): boolean {
  if (rule === 'auto') return valid >= 5;
  if (rule === 'always') return valid >= 3;
  return false;
}

/** Scores every submission given; reviews of other submissions are returned as unmatched. */
export function scoreCampaign(
  panel: ScoringPanel,
  submissions: readonly ScoringSubmission[],
  reviews: readonly ScoringReview[],
): CampaignScores {
  const rule = panel.trimming ?? 'auto';
  const ids = new Set(submissions.map((submission) => submission.id));
  const reviewsOf = new Map<string, ScoringReview[]>();
  const unmatched: ScoringReview[] = [];
  for (const review of reviews) {
    if (!ids.has(review.submission)) unmatched.push(review);
    else reviewsOf.set(review.submission, [...(reviewsOf.get(review.submission) ?? []), review]);
  }

  const scored = submissions.map((submission) =>
    scoreSubmission(panel, rule, submission, reviewsOf.get(submission.id) ?? []),
  );
  const byId = new Map(submissions.map((submission) => [submission.id, submission]));
  // Each group is ranked on its own, by the same rules: the best of each task is first of its task.
  const groups = [...new Set(submissions.map((submission) => submission.group))];
  const results = groups.flatMap((group) => {
    const own = scored.filter((result) => byId.get(result.submission)?.group === group);
    if (group !== undefined) for (const result of own) result.group = group;
    return rankGroup(own, byId);
  });
  return { results, unmatched };
}

/** Ranks one group's scores: complete panels by rank (ties and tie-breaks), then incomplete ones. */
function rankGroup(scored: SubmissionScore[], byId: ReadonlyMap<string, ScoringSubmission>): SubmissionScore[] {
  const ranked = scored
    .filter((result) => result.complete)
    .sort((a, b) => compareResults(a, b, byId) || a.submission.localeCompare(b.submission));
  ranked.forEach((result, index) => {
    const previous = ranked[index - 1];
    if (!previous) {
      result.rank = 1;
      return;
    }
    const tie = tieBreakBetween(previous, result, byId);
    if (tie) result.tieBreak = tie;
    result.rank = tie === 'shared' ? (previous.rank as number) : index + 1;
  });
  const unranked = scored
    .filter((result) => !result.complete)
    .sort((a, b) => (b.panel ?? -1) - (a.panel ?? -1) || b.valid - a.valid || a.submission.localeCompare(b.submission));
  return [...ranked, ...unranked];
}

function scoreSubmission(
  panel: ScoringPanel,
  rule: TrimmingRule,
  submission: ScoringSubmission,
  reviews: readonly ScoringReview[],
): SubmissionScore {
  const onPanel = new Set(panel.judges);
  const cells: Cell[] = [];
  const reviewBy = new Map<string, ScoringReview>();
  for (const review of reviews) reviewBy.set(review.judge, review);

  for (const judge of panel.judges) {
    const review = reviewBy.get(judge);
    const declared = panel.conflicts?.[judge]?.includes(submission.street) ?? false;
    if (declared) {
      cells.push({
        judge,
        status: 'excluded',
        problems: review && !review.conflict ? ['评委已声明回避该街道，这份评分不计入'] : [],
      });
    } else if (!review) {
      cells.push({ judge, status: 'missing', problems: [] });
    } else if (review.conflict) {
      cells.push({ judge, status: 'abstained', problems: [] });
    } else {
      const result = weightedTotal(panel.rubric, review.scores);
      cells.push(
        result.total === undefined
          ? { judge, status: 'invalid', problems: result.problems }
          : { judge, status: 'scored', total: result.total, problems: [] },
      );
    }
  }
  for (const review of reviews.filter((candidate) => !onPanel.has(candidate.judge))) {
    cells.push({ judge: review.judge, status: 'not-on-panel', problems: ['评委不在本次评审名单中，这份评分不计入'] });
  }

  const valid = cells.filter((cell) => cell.status === 'scored');
  const trimmed = trims(rule, valid.length);
  if (trimmed) {
    // Drop one instance of each extreme (among equal totals: the first-listed lowest, the last-listed highest).
    const order = [...valid].sort((a, b) => (a.total as number) - (b.total as number));
    order[0].trimmed = 'low';
    order[order.length - 1].trimmed = 'high';
  }
  const counted = valid.filter((cell) => !cell.trimmed);
  const countedReviews = counted.map((cell) => reviewBy.get(cell.judge) as ScoringReview);
  const criteria = Object.fromEntries(
    panel.rubric.map((criterion) => [criterion.id, mean(countedReviews.map((review) => review.scores[criterion.id]))]),
  );

  const expected = cells
    .filter((cell) => cell.status !== 'excluded' && cell.status !== 'abstained' && cell.status !== 'not-on-panel')
    .map((cell) => cell.judge);
  const missing = cells
    .filter((cell) => cell.status === 'missing' || cell.status === 'invalid')
    .map((cell) => cell.judge);
  const flags: string[] = [];
  if (!expected.length) flags.push('没有可以评审的评委（全部回避）');
  const notYet = cells.filter((cell) => cell.status === 'missing').map((cell) => cell.judge);
  if (notYet.length) flags.push(`缺少 ${notYet.length} 份评分`);
  const invalid = cells.filter((cell) => cell.status === 'invalid');
  if (invalid.length) flags.push(`${invalid.length} 份评分无效`);

  return {
    submission: submission.id,
    cells,
    valid: valid.length,
    counted: counted.length,
    trimmed,
    panel: mean(counted.map((cell) => cell.total as number)),
    median: median(valid.map((cell) => cell.total as number)),
    criteria,
    expected,
    missing,
    complete: flags.length === 0,
    flags,
    rank: null,
  };
}

/** Ranking order: panel score, then median, then more valid reviews, then the earlier submission. */
function compareResults(a: SubmissionScore, b: SubmissionScore, byId: ReadonlyMap<string, ScoringSubmission>): number {
  return (
    round6(b.panel ?? 0) - round6(a.panel ?? 0) ||
    round6(b.median ?? 0) - round6(a.median ?? 0) ||
    b.valid - a.valid ||
    compareDates(byId.get(a.submission)?.submitted, byId.get(b.submission)?.submitted)
  );
}

function compareDates(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

/** The rule that separates two neighbours with equal panel scores, or 'shared' when none does. */
function tieBreakBetween(
  previous: SubmissionScore,
  current: SubmissionScore,
  byId: ReadonlyMap<string, ScoringSubmission>,
): TieBreak | undefined {
  if (round6(previous.panel ?? 0) !== round6(current.panel ?? 0)) return undefined;
  if (round6(previous.median ?? 0) !== round6(current.median ?? 0)) return 'median';
  if (previous.valid !== current.valid) return 'reviews';
  if (compareDates(byId.get(previous.submission)?.submitted, byId.get(current.submission)?.submitted) !== 0)
    return 'submitted';
  return 'shared';
}

/** How a tie was broken, in Chinese. */
export const TIE_BREAKS: Record<TieBreak, string> = {
  median: '与上一名总分相同，按评分中位数排序',
  reviews: '与上一名总分和中位数相同，按有效评分份数排序',
  submitted: '与上一名总分、中位数和评分份数相同，按申报日期先后排序',
  shared: '与上一名各项排序依据均相同，名次并列',
};

/** Said of a panel whose highest and lowest totals were dropped. */
export const TRIMMED_NOTE = '已去掉一个最高分和一个最低分';

/** Why an incomplete panel has no rank, naming the judges still missing by `name`. */
export function incompleteNote(
  result: Pick<SubmissionScore, 'flags' | 'missing'>,
  name: (judge: string) => string = (judge) => judge,
): string {
  const missing = result.missing.map(name);
  return `评分未完成，不排名：${result.flags.join('；')}${missing.length ? `（${missing.join('、')}）` : ''}`;
}

/** Two decimals, as scores are printed. */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(2);
}
