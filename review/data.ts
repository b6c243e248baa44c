/**
 * The review site's data: every collection, private ones included, read from
 * the content folder and the review content folder through the validator
 * (src/lib/review/load.ts), with Git history for each review and the scores of
 * each call, then projected for the build's audience (REVIEW_AUDIENCE, see
 * src/lib/review/audience.ts): pages read only that projection. Only the review
 * build imports this module; the public build reads content through src/data/public.ts.
 */
import { markdownToHtml } from 'satteri';
import { CONTENT_DIR } from '../src/content-dir.ts';
import { campaignPhase } from '../src/lib/catalog.ts';
import { sibling } from '../src/lib/relations.ts';
import {
  type Attachment,
  type Audience,
  type CampaignView,
  describeAudience,
  type JudgeCell,
  parseAudience,
  projectReview,
  type ReviewFile,
  type ReviewView,
} from '../src/lib/review/audience.ts';
import { type Applicant, redact } from '../src/lib/review/blind.ts';
import { editReviewUrl, judgesCmsUrl, newReviewUrl, publicSiteUrl } from '../src/lib/review/cms.ts';
import { gitHistory } from '../src/lib/review/git.ts';
import { loadContent } from '../src/lib/review/load.ts';
import { type CampaignReview, reviewCampaign } from '../src/lib/review/model.ts';
import { nestHeadings, safeMarkdown } from '../src/lib/safe-markdown.ts';
import { sitePath } from '../src/lib/site/url.ts';
import type { Entry } from '../src/lib/validate.ts';
import type { Judge, Street, Submission } from '../src/schema/index.ts';
import { buildDate } from '../src/site.ts';
import { REVIEW_BASE } from './base.ts';

export type { Attachment, CampaignView, JudgeCell, ReviewFile, ReviewView } from '../src/lib/review/audience.ts';

/** The district's view of every call, with the full scoring of its panel. */
interface FullCampaign extends CampaignView {
  review: CampaignReview;
}

/** The district's view (everything), and the build's audience (REVIEW_AUDIENCE, checked against the content's ids). */
function buildFull(): { view: ReviewView; audience: Audience } {
  const content = loadContent(CONTENT_DIR);
  // Reviews live in the review repository: their history is its history.
  const history = gitHistory(content.reviewDir, 'reviews');
  const streets = [...content.streets].sort((a, b) => a.data.code.localeCompare(b.data.code));
  const streetOrder = new Map(streets.map((street, index) => [street.id, index]));
  const streetById = new Map(streets.map((street) => [street.id, street]));
  const judgeById = new Map(content.judges.map((judge) => [judge.id, judge]));
  const byStreetThenTitle = (a: Entry<Submission>, b: Entry<Submission>) =>
    (streetOrder.get(a.data.street) ?? 0) - (streetOrder.get(b.data.street) ?? 0) ||
    a.data.title.localeCompare(b.data.title, 'zh-CN');

  const reviewFiles = new Map<string, ReviewFile>();
  for (const entry of content.reviews)
    reviewFiles.set(`${entry.folders.campaign}/${entry.data.judge}/${entry.data.submission}`, {
      entry,
      history: history(entry.path),
    });

  /** How a submission's text may name its applicant: its street, the street's communities, its organisation. */
  const communitiesOf = new Map<string, string[]>();
  for (const { data: site } of content.sites) {
    if (site.community) communitiesOf.set(site.street, [...(communitiesOf.get(site.street) ?? []), site.community]);
  }
  const applicantOf = (submission: Submission): Applicant => {
    const street = streetById.get(submission.street)?.data;
    return {
      street: { name: street?.name ?? '', shortName: street?.shortName ?? '' },
      communities: communitiesOf.get(submission.street) ?? [],
      organisation: submission.organisation,
    };
  };
  /** A blind call's submission as judges read it: every name of the applicant masked (src/lib/review/blind.ts). */
  const blindCopy = (entry: Entry<Submission>): Entry<Submission> => {
    const applicant = applicantOf(entry.data);
    const mask = (text: string) => redact(text, applicant);
    return {
      ...entry,
      body: mask(entry.body),
      data: {
        ...entry.data,
        title: mask(entry.data.title),
        summary: mask(entry.data.summary),
        attachments: entry.data.attachments.map((attachment) => ({ ...attachment, title: mask(attachment.title) })),
      },
    };
  };

  const campaigns: FullCampaign[] = [...content.campaigns]
    .sort((a, b) => b.data.opens.localeCompare(a.data.opens))
    .map((entry) => {
      const own = content.submissions.filter((s) => s.data.campaign === entry.id);
      // A blind call's list is not grouped by street: the order would tell which entries share one.
      const submissions = entry.data.blind
        ? own.map(blindCopy).sort((a, b) => a.data.title.localeCompare(b.data.title, 'zh-CN'))
        : own.sort(byStreetThenTitle);
      const reviews = content.reviews.filter((review) => review.folders.campaign === entry.id);
      const judges = entry.data.judges.flatMap((id) => judgeById.get(id) ?? []);
      const review = reviewCampaign(
        entry.data,
        submissions.map((submission) => submission.data),
        judges.map((judge) => judge.data),
        reviews.map((review) => review.data),
      );
      const pooled = new Set(review.pool.map((submission) => submission.id));
      return {
        entry,
        data: entry.data,
        phase: campaignPhase(entry.data, buildDate),
        submissions,
        pool: submissions.filter((submission) => pooled.has(submission.id)),
        judges,
        progress: review.progress,
        totals: review.totals,
        panel: { results: review.scores.results, scoreOf: review.scoreOf, unmatched: review.scores.unmatched },
        pages: true,
        review,
      };
    });
  const reviewOf = new Map(campaigns.map((campaign) => [campaign.entry.id, campaign.review]));

  const attachments = new Map<string, Attachment[]>();
  for (const campaign of campaigns) {
    for (const submission of campaign.submissions) {
      attachments.set(
        submission.path,
        submission.data.attachments.map((attachment, index) => {
          const source = sibling(submission.path, attachment.file);
          const name = source.split('/').at(-1) ?? `file-${index + 1}`;
          // A file's own name may name the street; a blind call keeps only its extension.
          const extension = name.includes('.') ? name.slice(name.lastIndexOf('.')) : '';
          const served = campaign.data.blind ? `${index + 1}${extension}` : `${index + 1}-${name}`;
          return {
            title: attachment.title,
            source,
            href: `files/${submission.data.campaign}/${submission.id}/${served}`,
          };
        }),
      );
    }
  }

  const cms = judgesCmsUrl(process.env, REVIEW_BASE);
  const ids = { judges: content.judges.map((judge) => judge.id), streets: streets.map((street) => street.id) };
  // A judge's build links into the judge's own editor, whose entries are named by submission alone.
  const audience = parseAudience(process.env.REVIEW_AUDIENCE, ids);
  const own = audience.kind === 'judge';
  const view: ReviewView = {
    audience: { kind: 'district' },
    contentDir: content.dir,
    publicSite: publicSiteUrl(),
    campaigns,
    judges: [...content.judges].sort((a, b) => a.data.code.localeCompare(b.data.code, 'zh-CN')),
    streets,
    indexes: { judges: true, streets: true },
    street: (id: string): Entry<Street> | undefined => streetById.get(id),
    judge: (id: string): Entry<Judge> | undefined => judgeById.get(id),
    judgeCell: (campaign: CampaignView, judge: string, submission: string): JudgeCell => {
      const cell = reviewOf.get(campaign.entry.id)?.cell(submission, judge);
      const status = cell?.status ?? 'missing';
      const file = reviewFiles.get(`${campaign.entry.id}/${judge}/${submission}`);
      const key = { campaign: campaign.entry.id, judge, submission };
      const cmsUrl =
        status === 'excluded' ? undefined : file ? editReviewUrl(cms, key, own) : newReviewUrl(cms, key, own);
      return { cell, status, file, cmsUrl };
    },
    attachmentsOf: (submission: Entry<Submission>) => attachments.get(submission.path) ?? [],
    submissionsOfStreet: (street: string) => content.submissions.filter((s) => s.data.street === street),
  };
  return { view, audience };
}

/** What the build's audience may see: the projection (src/lib/review/audience.ts) is the pages' only data. */
function build(): ReviewView {
  const { view, audience } = buildFull();
  return projectReview(view, audience);
}

let data: ReviewView | undefined;

/** The review site's data for the build's audience, built once per build. */
export function getReviewData(): ReviewView {
  data ??= build();
  return data;
}

export type ReviewData = ReviewView;

/** Who this build is for, in words (the banner). */
export const audienceLabel = (view: ReviewView = getReviewData()) => describeAudience(view.audience, view);

/** A submission's Markdown body as HTML, through the same safety plugins as the public site. */
export function renderMarkdown(markdown: string): string {
  return markdownToHtml(markdown, { mdastPlugins: [safeMarkdown, nestHeadings] }).html;
}

/** A URL inside the review site, under its base path (/review/). */
export function href(path = ''): string {
  return sitePath(path, REVIEW_BASE);
}
