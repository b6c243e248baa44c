import { resolve } from 'node:path';
import type { Brand, Campaign, Judge, Review, Site, Street, Submission } from '../../schema/index.ts';
import { validateContentDir } from '../content-files.ts';
import { formatReport } from '../report.ts';
import type { Entry, Problem } from '../validate.ts';
import { type CampaignReview, reviewCampaign } from './model.ts';

/**
 * Every collection, private ones included, read from the content folder by
 * the same reader and validator as `npm run check:content`. For the review
 * build, the results export and (aggregates only) published panel scores:
 * never hand these entries to a public page.
 */
export interface LoadedContent {
  /** The content folder, absolute. */
  dir: string;
  streets: Entry<Street>[];
  brands: Entry<Brand>[];
  /** For the communities a blind review masks in the material. */
  sites: Entry<Site>[];
  campaigns: Entry<Campaign>[];
  submissions: Entry<Submission>[];
  judges: Entry<Judge>[];
  reviews: Entry<Review>[];
  problems: Problem[];
}

const cache = new Map<string, { content: LoadedContent; report: string }>();

/** Reads and validates the content folder once per process; throws with the report when it has problems. */
export function loadContent(contentDir: string, options: { allowProblems?: boolean } = {}): LoadedContent {
  const dir = resolve(contentDir);
  let cached = cache.get(dir);
  if (!cached) {
    const { entries, problems, fileCount } = validateContentDir(contentDir);
    const content: LoadedContent = {
      dir,
      streets: entries.streets as Entry<Street>[],
      brands: entries.brands as Entry<Brand>[],
      sites: entries.sites as Entry<Site>[],
      campaigns: entries.campaigns as Entry<Campaign>[],
      submissions: entries.submissions as Entry<Submission>[],
      judges: entries.judges as Entry<Judge>[],
      reviews: entries.reviews as Entry<Review>[],
      problems,
    };
    cached = { content, report: formatReport(problems, fileCount) };
    cache.set(dir, cached);
  }
  if (cached.content.problems.length && !options.allowProblems) throw new Error(cached.report);
  return cached.content;
}

/** One call scored from the loaded content: its sign-ups, every judge's conflicts and its reviews. */
export function reviewOf(content: LoadedContent, campaign: Entry<Campaign>): CampaignReview {
  const own = <T>(entries: Entry<T>[], campaignOf: (entry: Entry<T>) => string) =>
    entries.filter((entry) => campaignOf(entry) === campaign.id).map(({ data }) => data);
  return reviewCampaign(
    campaign.data,
    own(content.submissions, (entry) => entry.data.campaign),
    content.judges.map(({ data }) => data),
    own(content.reviews, (entry) => entry.folders.campaign),
  );
}
