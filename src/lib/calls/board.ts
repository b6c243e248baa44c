/**
 * The public progress board of a call's tasks (揭榜挂帅). Pure: no I/O.
 *
 * A claim is on the board once the district has shortlisted its sign-up (入围:
 * the claim is accepted) and while it stays in the running (selected). Drafts,
 * submitted and eligible sign-ups are the offices' and the district's working
 * files; a not-selected claim has left the board. Their progress reports stay
 * off the board with them.
 */
import type { Campaign, Claim, Progress, Submission, SubmissionStage, Task } from '../../schema/index.ts';

/** The sign-up stages whose claims the board shows. */
export const BOARD_STAGES: readonly SubmissionStage[] = ['shortlisted', 'selected'];

export const isOnBoard = (submission: Pick<Submission, 'stage' | 'claim'>): boolean =>
  Boolean(submission.claim) && BOARD_STAGES.includes(submission.stage);

type ClaimingSubmission = Pick<Submission, 'id' | 'street' | 'stage' | 'campaign'> & { claim?: Claim };
type Report = Pick<Progress, 'campaign' | 'street' | 'submission' | 'date' | 'figures' | 'acceptance'>;

/** One commitment against the latest figure reported for it. */
export interface CommitmentProgress {
  target: string;
  value: number;
  unit: string;
  date: string;
  /** The latest reported figure, and the report's date; absent until one is reported. */
  reported?: { value: number; on: string };
  /** Reported over committed, 0–100, capped at 100 (a target exceeded is a full bar). */
  percent: number;
}

export interface ClaimProgress<S, R> {
  submission: S;
  commitments: CommitmentProgress[];
  /** The plan's steps in date order, each marked passed once its day has come. */
  milestones: { date: string; title: string; passed: boolean }[];
  /** Its progress reports, newest first. */
  reports: R[];
}

export interface TaskBoard<S, R> {
  task: Task;
  claims: ClaimProgress<S, R>[];
}

/** Each commitment's latest reported figure: the newest report that names it. */
export function commitmentProgress(claim: Claim, reports: readonly Report[]): CommitmentProgress[] {
  const newestFirst = [...reports].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return claim.commitments.map((commitment, index) => {
    const report = newestFirst.find((item) => item.figures.some((figure) => figure.commitment === index + 1));
    const figure = report?.figures.find((item) => item.commitment === index + 1);
    const reported = report && figure ? { value: figure.value, on: report.date } : undefined;
    const percent = reported && commitment.value > 0 ? Math.min(100, (reported.value / commitment.value) * 100) : 0;
    return { ...commitment, ...(reported ? { reported } : {}), percent: Math.round(percent) };
  });
}

/**
 * The board of a call on `today`: every task in the call's order, with the claims
 * the board may show (ordered by street id, so the page does not hint at who
 * claimed first) and their reports.
 */
export function taskBoards<S extends ClaimingSubmission, R extends Report>(
  campaign: Pick<Campaign, 'id' | 'tasks'>,
  submissions: readonly S[],
  reports: readonly R[],
  today: string,
): TaskBoard<S, R>[] {
  const shown = submissions
    .filter((submission) => submission.campaign === campaign.id && isOnBoard(submission))
    .sort((a, b) => (a.street < b.street ? -1 : a.street > b.street ? 1 : a.id < b.id ? -1 : 1));
  return campaign.tasks.map((task) => ({
    task,
    claims: shown.flatMap((submission) => {
      const { claim } = submission;
      if (claim?.task !== task.id) return [];
      const own = reports
        // The validator holds a report to its own street's sign-up; the board holds to it as well.
        .filter(
          (report) =>
            report.submission === submission.id &&
            report.street === submission.street &&
            report.campaign === submission.campaign,
        )
        .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
      return [
        {
          submission,
          commitments: commitmentProgress(claim, own),
          milestones: [...claim.milestones]
            .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
            .map((milestone) => ({ ...milestone, passed: milestone.date <= today })),
          reports: own,
        },
      ];
    }),
  }));
}

/**
 * The tasks a brand took up on its way to becoming one: each selected sign-up that names the brand
 * and claimed a task its call still lists.
 */
export function tasksOfBrand<C extends { id: string; data: Pick<Campaign, 'tasks'> }>(
  brand: string,
  submissions: readonly Pick<Submission, 'campaign' | 'stage' | 'brand' | 'claim'>[],
  campaignOf: (id: string) => C | undefined,
): { campaign: C; task: Task }[] {
  return submissions.flatMap((submission) => {
    if (!submission.claim || submission.stage !== 'selected' || submission.brand !== brand) return [];
    const campaign = campaignOf(submission.campaign);
    const task = campaign?.data.tasks.find((item) => item.id === submission.claim?.task);
    return campaign && task ? [{ campaign, task }] : [];
  });
}
