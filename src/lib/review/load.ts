import { resolve } from 'node:path';
import { REVIEW_CONTENT_DIR } from '../../content-dir.ts';
import {
  type Brand,
  type Campaign,
  type CollectionName,
  collectionNames,
  collections,
  type Judge,
  type Review,
  type Site,
  type Street,
  type Submission,
} from '../../schema/index.ts';
import { type ContentFile, fileExistsIn, fileTextIn, readContentFolder, specialFileProblem } from '../content-files.ts';
import { ContentRefused, guardContentFolder } from '../content-guard.ts';
import { formatReport } from '../report.ts';
import { type Entry, type Problem, type ValidationResult, validateContent } from '../validate.ts';
import { type CampaignReview, reviewCampaign } from './model.ts';
import { ensureReviewContent } from './setup.ts';

/**
 * The collections kept in the review repository (the private ones: judges, reviews), which
 * street offices cannot read; every other collection stays in the offices' content folder.
 */
export const REVIEW_COLLECTIONS: readonly CollectionName[] = collectionNames.filter(
  (name) => collections[name].private,
);

const collectionOf = (file: ContentFile) => file.path.split('/')[0] as CollectionName;

/**
 * Reads and validates the content folder and the review content folder as one content set, by
 * the same reader and validator as `npm run check:content`: the review folder holds the private
 * collections in the same layout (`judges/`, `reviews/<campaign>/<judge>/`), the content folder
 * everything else. A private file in the content folder (which every office can read) is refused,
 * and so is a public one in the review folder; each problem names the folder its file is in.
 */
export function validateContentSources(
  contentDir: string,
  reviewDir: string,
): ValidationResult & { fileCount: number } {
  const roots = { content: contentDir.replace(/\/+$/, ''), review: reviewDir.replace(/\/+$/, '') };
  const main = readContentFolder(resolve(contentDir));
  const refusals = guardContentFolder({
    root: roots.content,
    dir: resolve(contentDir),
    paths: main.files.map((file) => file.path),
  });
  if (refusals.length) throw new ContentRefused(refusals);
  const review = readContentFolder(resolve(reviewDir));
  const isPrivate = (file: ContentFile) => REVIEW_COLLECTIONS.includes(collectionOf(file));
  const misplaced: Problem[] = [
    ...main.files.filter(isPrivate).map((file) => ({
      file: `${roots.content}/${file.path}`,
      line: 1,
      field: '',
      message: `${collections[collectionOf(file)].label}文件不能放在内容文件夹里：各街道办都能读取这个仓库`,
      fix: `移到评审仓库 ${roots.review}/${file.path}`,
    })),
    ...review.files
      .filter((file) => !isPrivate(file))
      .map((file) => ({
        file: `${roots.review}/${file.path}`,
        line: 1,
        field: '',
        message: `评审仓库只放评委和评分（${REVIEW_COLLECTIONS.join('、')}）`,
        fix: `移到内容文件夹 ${roots.content}/${file.path}`,
      })),
  ];
  const files = [...main.files.filter((file) => !isPrivate(file)), ...review.files.filter(isPrivate)];
  const result = validateContent(files, {
    displayRoot: roots.content,
    exists: fileExistsIn(resolve(contentDir)),
    readText: fileTextIn(resolve(contentDir)),
  });
  // The validator names every file under one root: a private collection's files are the review folder's.
  const prefix = `${roots.content}/`;
  const relocated = result.problems.map((problem) =>
    problem.file.startsWith(prefix) &&
    REVIEW_COLLECTIONS.includes(problem.file.slice(prefix.length).split('/')[0] as CollectionName)
      ? { ...problem, file: `${roots.review}/${problem.file.slice(prefix.length)}` }
      : problem,
  );
  const problems = [
    ...main.special.map((file) => specialFileProblem(roots.content, file)),
    ...review.special.map((file) => specialFileProblem(roots.review, file)),
    ...misplaced,
    ...relocated,
  ];
  return { entries: result.entries, problems, fileCount: files.length };
}

/**
 * Every collection, private ones included, read from the content folder and
 * the review content folder by the same reader and validator as `npm run check:content`. For the review
 * build, the results export and (aggregates only) published panel scores:
 * never hand these entries to a public page.
 */
export interface LoadedContent {
  /** The content folder, absolute. */
  dir: string;
  /** The review content folder (judges, reviews), absolute; review entries' paths are relative to it. */
  reviewDir: string;
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

/**
 * Reads and validates the content folder with the review content folder (REVIEW_CONTENT_DIR
 * unless `reviewDir` is given) once per process; throws with the report when they have problems.
 */
export function loadContent(
  contentDir: string,
  options: { allowProblems?: boolean; reviewDir?: string } = {},
): LoadedContent {
  const dir = resolve(contentDir);
  const reviewRoot = options.reviewDir ?? REVIEW_CONTENT_DIR;
  const key = `${dir}\u0000${resolve(reviewRoot)}`;
  let cached = cache.get(key);
  if (!cached) {
    ensureReviewContent(reviewRoot);
    const { entries, problems, fileCount } = validateContentSources(contentDir, reviewRoot);
    const content: LoadedContent = {
      dir,
      reviewDir: resolve(reviewRoot),
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
    cache.set(key, cached);
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
