/**
 * Who a review build is for, and what that audience may see: the single gate between the review
 * data and any page of the review site. `REVIEW_AUDIENCE=district | judge:<id> | street:<id>`
 * picks the audience; `projectReview` turns the district's full view into that audience's, and the
 * pages render whatever it gives (a page the audience must not have is not generated at all).
 *
 * - district: everything.
 * - judge: the calls the judge sits on, only the sign-ups the judge is to score (not those of a
 *   street the judge declared a conflict with), the judge's own cells, files, progress and score
 *   links. Nothing of the other judges, no panel score and no rank, until the district sets
 *   `panelReleased` on the call; then that call reads as the district's (score links still only
 *   the judge's own). Blind calls stay masked.
 * - street: the street's own sign-ups and their stages on its dashboard. No call's review pages,
 *   no judge, no score, no comment, nothing of another street.
 *
 * Pure: no I/O.
 */

import type { Campaign, Judge, Review, Street, Submission } from '../../schema/index.ts';
import type { campaignPhase } from '../catalog.ts';
import type { Cell, CellStatus, SubmissionScore } from '../scoring.ts';
import type { Entry } from '../validate.ts';
import type { FileHistory } from './git.ts';
import { emptyTotals, type JudgeProgress } from './model.ts';

export type Audience = { kind: 'district' } | { kind: 'judge'; id: string } | { kind: 'street'; id: string };

export interface ReviewFile {
  entry: Entry<Review>;
  history: FileHistory;
}

export interface JudgeCell {
  cell: Cell | undefined;
  /** The cell's status; `missing` when the judge has no cell. */
  status: CellStatus;
  /** The judge's review file, with its Git history. */
  file: ReviewFile | undefined;
  /** Where the judge scores it in the CMS: the review, or a new one; none when excluded or not the audience's own. */
  cmsUrl: string | undefined;
}

export interface Attachment {
  title: string;
  /** Path relative to the content folder. */
  source: string;
  /** URL path under the review site's base: by submission id, never the street; in a blind call without the file's own name. */
  href: string;
}

/** The panel's results of one call: panel scores, medians, ranks. */
export interface PanelResults {
  /** Ranked submissions first, then incomplete ones (src/lib/scoring.ts). */
  results: SubmissionScore[];
  scoreOf: (submission: string) => SubmissionScore | undefined;
  /** Reviews of sign-ups not under review, as `judge → submission`. */
  unmatched: { judge: string; submission: string }[];
}

/** One call as an audience sees it. */
export interface CampaignView {
  entry: Entry<Campaign>;
  /** The call; its `judges` holds only the panel members the audience may see. */
  data: Campaign;
  phase: ReturnType<typeof campaignPhase>;
  /**
   * The call's sign-ups the audience may see, as the judges' pages show them: by street then title,
   * or, when the call is reviewed blind, by title with the applicant's names masked in the material.
   */
  submissions: Entry<Submission>[];
  /** Of those, the ones under review, in the same order. */
  pool: Entry<Submission>[];
  /** The panel members the audience may see, in panel order. */
  judges: Entry<Judge>[];
  /** Their progress. */
  progress: JudgeProgress[];
  /** Cells by status over the cells the audience may see (pool × visible judges). */
  totals: Record<CellStatus, number>;
  /** Panel scores and ranks; absent for an audience that may not see them (yet). */
  panel?: PanelResults;
  /** Whether the audience has this call's review pages (the call page and one per sign-up under review). */
  pages: boolean;
}

/** The whole review site as one audience sees it. */
export interface ReviewView {
  audience: Audience;
  /** The content folder, for attachments. */
  contentDir: string;
  /** The public site, for links into the street offices' CMS. */
  publicSite: string;
  /** Every call the audience has anything of (pages or a street's sign-ups). */
  campaigns: CampaignView[];
  /** Judges with a page (and on the judges' list, when there is one). */
  judges: Entry<Judge>[];
  /** Streets with a dashboard (and on the streets' list, when there is one). */
  streets: Entry<Street>[];
  /** The lists of all judges and all streets: the district's only. */
  indexes: { judges: boolean; streets: boolean };
  /** A street's public data (its name), for applicants of calls that are not blind. */
  street: (id: string) => Entry<Street> | undefined;
  /** A judge the audience may see (code, name), else undefined. */
  judge: (id: string) => Entry<Judge> | undefined;
  /** One judge on one sign-up of a call, as the audience may see it. */
  judgeCell: (campaign: CampaignView, judge: string, submission: string) => JudgeCell;
  attachmentsOf: (submission: Entry<Submission>) => Attachment[];
  /** A street's sign-ups, on its dashboard. */
  submissionsOfStreet: (street: string) => Entry<Submission>[];
}

const AUDIENCE_HELP = 'REVIEW_AUDIENCE 应为 district（区委组织部）、judge:<评委编号> 或 street:<街道编号>';

/** A bad REVIEW_AUDIENCE, with the message the build prints before it stops. */
export class AudienceError extends Error {
  override name = 'AudienceError';
}

/**
 * Reads REVIEW_AUDIENCE (unset or empty: district). `known` holds the judges' and streets' ids,
 * so an unknown one is refused by name with the ids there are.
 */
export function parseAudience(
  value: string | undefined,
  known: { judges: readonly string[]; streets: readonly string[] },
): Audience {
  const text = (value ?? '').trim();
  if (!text || text === 'district') return { kind: 'district' };
  const match = /^(judge|street):([a-z0-9][a-z0-9-]*)$/.exec(text);
  if (!match) throw new AudienceError(`${AUDIENCE_HELP}，现在是“${text}”`);
  const [, kind, id] = match as unknown as [string, 'judge' | 'street', string];
  const ids = kind === 'judge' ? known.judges : known.streets;
  if (!ids.includes(id)) {
    const label = kind === 'judge' ? '评委' : '街道';
    throw new AudienceError(
      `找不到${label}“${id}”（REVIEW_AUDIENCE=${text}）；已有的${label}编号：${ids.join('、') || '无'}`,
    );
  }
  return { kind, id };
}

/** The audience in words, for the banner and the build log. */
export function describeAudience(audience: Audience, view?: Pick<ReviewView, 'judge' | 'street'>): string {
  if (audience.kind === 'district') return '区委组织部';
  if (audience.kind === 'judge') return view?.judge(audience.id)?.data.code ?? `评审专家 ${audience.id}`;
  return view?.street(audience.id)?.data.name ?? audience.id;
}

const NO_CELL: JudgeCell = { cell: undefined, status: 'missing', file: undefined, cmsUrl: undefined };

/** The review site as `audience` may see it, from the district's full view. */
export function projectReview(full: ReviewView, audience: Audience): ReviewView {
  if (audience.kind === 'district') return full;
  return audience.kind === 'judge' ? forJudge(full, audience.id) : forStreet(full, audience.id);
}

/** One judge's view: see the module comment. */
function forJudge(full: ReviewView, judgeId: string): ReviewView {
  const self = full.judge(judgeId);
  const released = new Map<string, boolean>();
  const campaigns = full.campaigns
    .filter((campaign) => campaign.data.judges.includes(judgeId))
    .map((campaign): CampaignView => {
      const open = campaign.data.panelReleased;
      released.set(campaign.entry.id, open);
      if (open) return { ...campaign, pages: true };
      // The sign-ups the judge is to score: a declared conflict takes the street's sign-ups out.
      const toScore = (submission: Entry<Submission>) =>
        full.judgeCell(campaign, judgeId, submission.id).status !== 'excluded';
      const submissions = campaign.submissions.filter(
        (submission) => campaign.pool.includes(submission) && toScore(submission),
      );
      const totals = emptyTotals();
      for (const submission of submissions) totals[full.judgeCell(campaign, judgeId, submission.id).status]++;
      return {
        ...campaign,
        data: { ...campaign.data, judges: [judgeId] },
        submissions,
        pool: submissions,
        judges: self ? [self] : [],
        progress: campaign.progress.filter((progress) => progress.judge === judgeId),
        totals,
        panel: undefined,
        pages: true,
      };
    });
  const byId = new Map(campaigns.map((campaign) => [campaign.entry.id, campaign]));
  const panelMembers = new Set(
    campaigns.filter((campaign) => released.get(campaign.entry.id)).flatMap((campaign) => campaign.data.judges),
  );
  const visible = new Set(campaigns.flatMap((campaign) => campaign.submissions.map((submission) => submission.path)));
  return {
    ...full,
    audience: { kind: 'judge', id: judgeId },
    campaigns,
    judges: self ? [self] : [],
    streets: [],
    indexes: { judges: false, streets: false },
    judge: (id) => (id === judgeId || panelMembers.has(id) ? full.judge(id) : undefined),
    judgeCell: (campaign, judge, submission) => {
      const own = byId.get(campaign.entry.id);
      if (!own?.pool.some((entry) => entry.id === submission)) return NO_CELL;
      const base = full.judgeCell(campaign, judge, submission);
      if (released.get(campaign.entry.id)) return judge === judgeId ? base : { ...base, cmsUrl: undefined };
      if (judge !== judgeId) return NO_CELL;
      // Whether the judge's total was dropped as the highest or lowest tells the others' scores.
      return { ...base, cell: base.cell && { ...base.cell, trimmed: undefined } };
    },
    attachmentsOf: (submission) => (visible.has(submission.path) ? full.attachmentsOf(submission) : []),
    submissionsOfStreet: () => [],
  };
}

/** One street office's view: see the module comment. */
function forStreet(full: ReviewView, streetId: string): ReviewView {
  const street = full.street(streetId);
  const own = full.submissionsOfStreet(streetId);
  const campaigns = full.campaigns.map((campaign): CampaignView => {
    const submissions = own.filter((submission) => submission.data.campaign === campaign.entry.id);
    return {
      ...campaign,
      data: { ...campaign.data, judges: [] },
      submissions,
      pool: [],
      judges: [],
      progress: [],
      totals: emptyTotals(),
      panel: undefined,
      pages: false,
    };
  });
  return {
    ...full,
    audience: { kind: 'street', id: streetId },
    campaigns,
    judges: [],
    streets: street ? [street] : [],
    indexes: { judges: false, streets: false },
    street: (id) => (id === streetId ? street : undefined),
    judge: () => undefined,
    judgeCell: () => NO_CELL,
    attachmentsOf: () => [],
    submissionsOfStreet: (id) => (id === streetId ? own : []),
  };
}
