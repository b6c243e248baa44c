/**
 * The review site's data: every collection, private ones included, read from
 * the content folder through the validator (src/lib/review/load.ts), with Git
 * history for each review and the scores of each call. Only the review build
 * imports this module; the public build reads content through src/data/public.ts.
 */
import { markdownToHtml } from 'satteri';
import { CONTENT_DIR } from '../src/content-dir.ts';
import { campaignPhase } from '../src/lib/catalog.ts';
import { sibling } from '../src/lib/relations.ts';
import { type Applicant, redact } from '../src/lib/review/blind.ts';
import { editReviewUrl, judgesCmsUrl, newReviewUrl, publicSiteUrl } from '../src/lib/review/cms.ts';
import { type FileHistory, gitHistory } from '../src/lib/review/git.ts';
import { loadContent } from '../src/lib/review/load.ts';
import { type CampaignReview, reviewCampaign } from '../src/lib/review/model.ts';
import { nestHeadings, safeMarkdown } from '../src/lib/safe-markdown.ts';
import type { Cell, CellStatus } from '../src/lib/scoring.ts';
import type { Entry } from '../src/lib/validate.ts';
import type { Campaign, Judge, Review, Street, Submission } from '../src/schema/index.ts';
import { buildDate } from '../src/site.ts';
import { REVIEW_BASE } from './base.ts';

export interface ReviewedCampaign {
  entry: Entry<Campaign>;
  data: Campaign;
  phase: ReturnType<typeof campaignPhase>;
  /**
   * Every submission of the call, as the judges' pages show it: by street then title, or, when
   * the call is reviewed blind, by title with the applicant's names masked in the material.
   */
  submissions: Entry<Submission>[];
  /** The submissions under review (`review.pool`), as entries in the order of `submissions`. */
  pool: Entry<Submission>[];
  review: CampaignReview;
  /** The call's judges, in panel order (unknown ids skipped). */
  judges: Entry<Judge>[];
}

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
  /** Where the judge scores it in the CMS: the review, or a new one; none when excluded. */
  cmsUrl: string | undefined;
}

export interface Attachment {
  title: string;
  /** Path relative to the content folder. */
  source: string;
  /** URL path under the review site's base: by submission id, never the street; in a blind call without the file's own name. */
  href: string;
}

function build() {
  const content = loadContent(CONTENT_DIR);
  const history = gitHistory(content.dir, 'reviews');
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

  const campaigns: ReviewedCampaign[] = [...content.campaigns]
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
        review,
        judges,
      };
    });

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

  const cms = judgesCmsUrl();
  return {
    contentDir: content.dir,
    /** The public site, for links into the street offices' CMS. */
    publicSite: publicSiteUrl(),
    streets,
    campaigns,
    judges: [...content.judges].sort((a, b) => a.data.code.localeCompare(b.data.code, 'zh-CN')),
    street: (id: string): Entry<Street> | undefined => streetById.get(id),
    judge: (id: string): Entry<Judge> | undefined => judgeById.get(id),
    /** One judge on one submission of a call, as every review page shows it. */
    judgeCell: (campaign: ReviewedCampaign, judge: string, submission: string): JudgeCell => {
      const cell = campaign.review.cell(submission, judge);
      const status = cell?.status ?? 'missing';
      const file = reviewFiles.get(`${campaign.entry.id}/${judge}/${submission}`);
      const key = { campaign: campaign.entry.id, judge, submission };
      const cmsUrl = status === 'excluded' ? undefined : file ? editReviewUrl(cms, key) : newReviewUrl(cms, key);
      return { cell, status, file, cmsUrl };
    },
    attachmentsOf: (submission: Entry<Submission>) => attachments.get(submission.path) ?? [],
    submissionsOfStreet: (street: string) => content.submissions.filter((s) => s.data.street === street),
  };
}

let data: ReturnType<typeof build> | undefined;

/** The review site's data, built once per build. */
export function getReviewData() {
  data ??= build();
  return data;
}

export type ReviewData = ReturnType<typeof getReviewData>;

/** A submission's Markdown body as HTML, through the same safety plugins as the public site. */
export function renderMarkdown(markdown: string): string {
  return markdownToHtml(markdown, { mdastPlugins: [safeMarkdown, nestHeadings] }).html;
}

/** A URL inside the review site, under its base path (/review/). */
export function href(path = ''): string {
  return `${REVIEW_BASE}${path.replace(/^\//, '')}`;
}
