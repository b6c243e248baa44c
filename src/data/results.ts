/**
 * Published panel scores for the public campaign pages. The public build has
 * no judges or reviews collection; when, and only when, a call publishes
 * both its results and its panel scores, this reads its reviews through the
 * validator, scores them, and hands the page nothing but each listed
 * submission's panel score, rank and count of reviews (src/lib/results.ts).
 */
import { CONTENT_DIR } from '../content-dir.ts';
import { type PanelScore, publicPanelScores } from '../lib/results.ts';
import { loadContent, reviewOf } from '../lib/review/load.ts';
import type { Campaign } from '../schema/index.ts';

export function publishedPanelScores(
  campaign: Pick<Campaign, 'id' | 'resultsPublished' | 'publishPanelScores'>,
): Map<string, PanelScore> {
  if (!campaign.resultsPublished || !campaign.publishPanelScores) return new Map();
  const content = loadContent(CONTENT_DIR);
  const entry = content.campaigns.find((candidate) => candidate.id === campaign.id);
  if (!entry) return new Map();
  const review = reviewOf(content, entry);
  return publicPanelScores(entry.data, review.scores);
}
