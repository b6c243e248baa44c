import { resolve } from 'node:path';
import { REVIEW_CONTENT_DIR } from '../../content-dir.ts';
import {
  type Brand,
  type Campaign,
  type CollectionName,
  type Contact,
  collectionNames,
  collections,
  collectionsIn,
  type Judge,
  type Repository,
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
import { ensureStore, STORES } from './setup.ts';

/**
 * The collections kept in the review repository (judges, reviews), which street offices cannot read;
 * sign-ups' private details are in the district repository, and every other collection stays in the
 * offices' content folder.
 */
export const REVIEW_COLLECTIONS: readonly CollectionName[] = collectionsIn('review');

/** The repository a file's collection belongs in (an unknown folder is the content folder's to report). */
function repositoryOf(path: string): Repository {
  const name = collectionNames.find((candidate) => candidate === path.split('/')[0]);
  return name ? collections[name].repository : 'offices';
}

/** The content folders read together: the offices', the review repository's and, when read, the district's. */
export interface ContentSources {
  content: string;
  review: string;
  district?: string;
}

/** Each repository's folder in messages, and what it holds. */
const FOLDERS: Record<Repository, { name: string; variable: keyof ContentSources; holds: string }> = {
  offices: { name: '内容文件夹', variable: 'content', holds: '公开内容' },
  review: { name: '评审仓库', variable: 'review', holds: `评委和评分（${collectionsIn('review').join('、')}）` },
  district: { name: '区级仓库', variable: 'district', holds: `申报联系人（${collectionsIn('district').join('、')}）` },
};

/** Why a file cannot stay in the folder of `repository`, and where it goes. */
function misplaced(repository: Repository, roots: ContentSources, file: ContentFile): Problem {
  const belongs = repositoryOf(file.path);
  const target = FOLDERS[belongs];
  const message =
    repository === 'offices'
      ? `${collections[file.path.split('/')[0] as CollectionName].label}文件不能放在内容文件夹里：各街道办都能读取这个仓库`
      : `${FOLDERS[repository].name}只放${FOLDERS[repository].holds}`;
  return {
    file: `${roots[FOLDERS[repository].variable]}/${file.path}`,
    line: 1,
    field: '',
    message,
    fix: `移到${target.name} ${roots[target.variable] ?? `（${STORES.district.variable}）`}/${file.path}`,
  };
}

/**
 * Reads and validates the content folder with the private ones as one content set, by the same reader
 * and validator as `npm run check:content`: each folder holds its repository's collections in the same
 * layout (the review folder `judges/`, `reviews/<campaign>/<judge>/`; the district folder
 * `contacts/<campaign>/<street>/`), the content folder everything else. A file in a folder its
 * collection does not belong in is refused (a private one in the content folder, which every office
 * can read, above all); each problem names the folder its file is in. The district folder is read only
 * when given.
 */
export function validateContentSources(sources: ContentSources): ValidationResult & { fileCount: number } {
  const roots: ContentSources = {
    content: sources.content.replace(/\/+$/, ''),
    review: sources.review.replace(/\/+$/, ''),
    district: sources.district?.replace(/\/+$/, ''),
  };
  const main = readContentFolder(resolve(roots.content));
  const refusals = guardContentFolder({
    root: roots.content,
    dir: resolve(roots.content),
    paths: main.files.map((file) => file.path),
  });
  if (refusals.length) throw new ContentRefused(refusals);
  const folders: { repository: Repository; root: string; folder: ReturnType<typeof readContentFolder> }[] = [
    { repository: 'offices', root: roots.content, folder: main },
    { repository: 'review', root: roots.review, folder: readContentFolder(resolve(roots.review)) },
    ...(roots.district
      ? [
          {
            repository: 'district' as const,
            root: roots.district,
            folder: readContentFolder(resolve(roots.district)),
          },
        ]
      : []),
  ];
  const refused: Problem[] = folders.flatMap(({ repository, folder }) =>
    folder.files
      .filter((file) => repositoryOf(file.path) !== repository)
      .map((file) => misplaced(repository, roots, file)),
  );
  const files = folders.flatMap(({ repository, folder }) =>
    folder.files.filter((file) => repositoryOf(file.path) === repository),
  );
  const result = validateContent(files, {
    displayRoot: roots.content,
    exists: fileExistsIn(resolve(roots.content)),
    readText: fileTextIn(resolve(roots.content)),
  });
  // The validator names every file under one root: a private collection's files are its repository's folder's.
  const rootOf = Object.fromEntries(folders.map(({ repository, root }) => [repository, root])) as Record<
    Repository,
    string
  >;
  const prefix = `${roots.content}/`;
  const relocated = result.problems.map((problem) => {
    if (!problem.file.startsWith(prefix)) return problem;
    const path = problem.file.slice(prefix.length);
    const root = rootOf[repositoryOf(path)] ?? roots.content;
    return { ...problem, file: `${root}/${path}` };
  });
  const problems = [
    ...folders.flatMap(({ root, folder }) => folder.special.map((file) => specialFileProblem(root, file))),
    ...refused,
    ...relocated,
  ];
  return { entries: result.entries, problems, fileCount: files.length };
}

/**
 * Every collection, private ones included, read from the content folder, the review content folder
 * and, when asked, the district content folder by the same reader and validator as
 * `npm run check:content`. For the review build, the results export and (aggregates only) published
 * panel scores: never hand these entries to a public page.
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
  /** Sign-ups' private details: empty unless the district content folder was read (the district's build only). */
  contacts: Entry<Contact>[];
  problems: Problem[];
}

const cache = new Map<string, { content: LoadedContent; report: string }>();

/**
 * Reads and validates the content folder with the review content folder (REVIEW_CONTENT_DIR
 * unless `reviewDir` is given) and, only when `districtDir` names it, the district content folder,
 * once per process; throws with the report when they have problems. Only a build for the district
 * reads the district folder: a judge's or an office's build must work where it cannot be read.
 */
export function loadContent(
  contentDir: string,
  options: { allowProblems?: boolean; reviewDir?: string; districtDir?: string } = {},
): LoadedContent {
  const dir = resolve(contentDir);
  const reviewRoot = options.reviewDir ?? REVIEW_CONTENT_DIR;
  const districtRoot = options.districtDir;
  const key = [dir, resolve(reviewRoot), districtRoot === undefined ? '' : resolve(districtRoot)].join('\u0000');
  let cached = cache.get(key);
  if (!cached) {
    ensureStore('review', reviewRoot);
    if (districtRoot !== undefined) ensureStore('district', districtRoot);
    const { entries, problems, fileCount } = validateContentSources({
      content: contentDir,
      review: reviewRoot,
      district: districtRoot,
    });
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
      contacts: entries.contacts as Entry<Contact>[],
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
