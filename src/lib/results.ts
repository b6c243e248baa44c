/**
 * What the public site shows of a call's results, and when. Pure: no I/O.
 *
 * - Nothing, until the campaign sets `resultsPublished`.
 * - Then the publicity notice (公示): the proposed list (submissions at stage
 *   `selected`), the publicity dates and how to raise an objection, until the
 *   last day of the `publicity` stage (inclusive).
 * - After that, the final list. A call without a publicity stage goes
 *   straight to the final list.
 *
 * Scores: only the panel score, rank and number of reviews counted of each
 * listed submission, only with a complete panel, and only when the campaign
 * also sets `publishPanelScores`. Judges' own scores, their names and their
 * comments are never public.
 */
import type { Campaign, Submission } from '../schema/index.ts';
import type { CampaignScores } from './scoring.ts';

export type ResultsPhase =
  /** Not published; `expected` is when results are due (start of publicity, or of the last stage). */
  | { kind: 'hidden'; expected?: string }
  /** The publicity notice: the proposed list may still change after objections. */
  | { kind: 'publicity'; start: string; end: string }
  /** The final list; `publicity` is the period that preceded it, if any. */
  | { kind: 'final'; publicity?: { start: string; end: string } };

type CampaignTimeline = Pick<Campaign, 'resultsPublished' | 'stages'>;

/** Which results a call shows on `today` (YYYY-MM-DD). */
export function resultsPhase(campaign: CampaignTimeline, today: string): ResultsPhase {
  const publicity = campaign.stages.find((stage) => stage.stage === 'publicity');
  if (!campaign.resultsPublished) {
    return { kind: 'hidden', expected: (publicity ?? campaign.stages.at(-1))?.start };
  }
  if (publicity && today <= publicity.end) return { kind: 'publicity', start: publicity.start, end: publicity.end };
  return { kind: 'final', publicity: publicity && { start: publicity.start, end: publicity.end } };
}

/** A panel score as the public may see it. */
export interface PanelScore {
  /** Mean of the counted judges' totals, 0–100, rounded to 2 decimals. */
  panel: number;
  rank: number;
  /** How many judges' totals were counted. */
  counted: number;
}

type ScoreSettings = Pick<Campaign, 'resultsPublished' | 'publishPanelScores'>;

/**
 * The only projection of scores onto the public site: empty unless the call
 * publishes both its results and its panel scores; complete, ranked panels
 * only; nothing per judge.
 */
export function publicPanelScores(
  campaign: ScoreSettings,
  scores: CampaignScores | undefined,
): Map<string, PanelScore> {
  const published = new Map<string, PanelScore>();
  if (!campaign.resultsPublished || !campaign.publishPanelScores || !scores) return published;
  for (const result of scores.results) {
    if (!result.complete || result.panel === null || result.rank === null) continue;
    published.set(result.submission, {
      panel: Math.round(result.panel * 100) / 100,
      rank: result.rank,
      counted: result.counted,
    });
  }
  return published;
}

export interface ListedResult<T> {
  submission: T;
  score?: PanelScore;
}

export interface PublicResults<T> {
  phase: ResultsPhase;
  /** The proposed (publicity) or final list; empty while hidden. */
  listed: ListedResult<T>[];
  /** How to raise an objection, during publicity only. */
  objection?: string;
  /** Whether panel scores are shown beside the list. */
  showScores: boolean;
}

type ListedSubmission = Pick<Submission, 'id' | 'stage'>;

/**
 * The results section of a public campaign page. `submissions` are the
 * call's public submissions in display order; `scores` comes from
 * publicPanelScores (leave it out when the call does not publish them).
 */
export function publicResults<T extends ListedSubmission>(
  campaign: CampaignTimeline & ScoreSettings & Pick<Campaign, 'objection'>,
  submissions: readonly T[],
  today: string,
  scores: ReadonlyMap<string, PanelScore> = new Map(),
): PublicResults<T> {
  const phase = resultsPhase(campaign, today);
  if (phase.kind === 'hidden') return { phase, listed: [], showScores: false };
  const showScores = campaign.publishPanelScores && scores.size > 0;
  const listed = submissions
    .filter((submission) => submission.stage === 'selected')
    .map((submission) => {
      const score = showScores ? scores.get(submission.id) : undefined;
      return score ? { submission, score } : { submission };
    });
  if (showScores) {
    // Ranked first, by rank; the rest keep their order.
    const order = new Map(listed.map((item, index) => [item, index]));
    listed.sort(
      (a, b) =>
        (a.score?.rank ?? Number.POSITIVE_INFINITY) - (b.score?.rank ?? Number.POSITIVE_INFINITY) ||
        (order.get(a) ?? 0) - (order.get(b) ?? 0),
    );
  }
  return {
    phase,
    listed,
    objection: phase.kind === 'publicity' ? campaign.objection : undefined,
    showScores,
  };
}
