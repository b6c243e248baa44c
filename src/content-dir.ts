/**
 * The content folder: `content/` in the repository, or another folder named by
 * CONTENT_DIR (the benchmark and the privacy test build from generated copies).
 */
export const CONTENT_DIR = (process.env.CONTENT_DIR ?? 'content').replace(/\/+$/, '');

/** Where the review content folder is unless REVIEW_CONTENT_DIR says otherwise. */
export const DEFAULT_REVIEW_CONTENT_DIR = 'review-content/content';

/**
 * The review content folder: the private collections (judges, reviews), kept in a second Git
 * repository that street offices cannot read, laid out as the content folder is
 * (`<repo>/content/judges/`, `<repo>/content/reviews/`). REVIEW_CONTENT_DIR names it; the
 * default is a repository of its own created from the fictional sample (samples/review-content/)
 * the first time it is needed (src/lib/review/setup.ts).
 */
export const REVIEW_CONTENT_DIR = (process.env.REVIEW_CONTENT_DIR || DEFAULT_REVIEW_CONTENT_DIR).replace(/\/+$/, '');

/** Where the district content folder is unless DISTRICT_CONTENT_DIR says otherwise. */
export const DEFAULT_DISTRICT_CONTENT_DIR = 'district-content/content';

/**
 * The district content folder: what only the district may read (sign-ups' private details,
 * `<repo>/content/contacts/`), kept in a third Git repository that neither the street offices nor the
 * judges can read, laid out as the content folder is. DISTRICT_CONTENT_DIR names it; the default is a
 * repository of its own created from the fictional sample (samples/district-content/) the first time
 * it is needed (src/lib/review/setup.ts).
 */
export const DISTRICT_CONTENT_DIR = (process.env.DISTRICT_CONTENT_DIR || DEFAULT_DISTRICT_CONTENT_DIR).replace(
  /\/+$/,
  '',
);
