/**
 * Links from the review site into the CMS (Decap). The judges' web editor is part
 * of the review build (review/cms.ts), at <base>admin/: the district's, with one
 * reviews collection per call (`reviews-<campaign>`, folder content/reviews/<campaign>,
 * entries at <judge>/<submission>.yaml), and each judge's own, whose collection per
 * call is that judge's folder (entries at <submission>.yaml, see src/lib/cms/config.ts).
 * A street office's entry point is /admin/<street>/ on the public host.
 */
import { reviewsCollection, submissionsCollection } from '../cms/config.ts';
import { absoluteUrl, normaliseBasePath, sitePath } from '../site/url.ts';

type Env = Record<string, string | undefined>;

/**
 * The public site the review site links to, with a trailing slash: PUBLIC_SITE_URL (or the local preview) under
 * the public build's base, PUBLIC_BASE_PATH (the review build's own base is another).
 */
export function publicSiteUrl(env: Env = process.env): string {
  return absoluteUrl('/', env.PUBLIC_SITE_URL || 'http://127.0.0.1:4321', normaliseBasePath(env.PUBLIC_BASE_PATH));
}

/** Where the judges' CMS lives: REVIEW_CMS_URL, or the review build's own editor, <base>admin/. */
export function judgesCmsUrl(env: Env = process.env, base = '/review/'): string {
  const explicit = env.REVIEW_CMS_URL;
  if (explicit) return explicit.endsWith('/') ? explicit : `${explicit}/`;
  return `${base}admin/`;
}

/**
 * A street office's CMS entry point on the public site: under `site` (publicSiteUrl, base included) when given,
 * else a path under this build's base.
 */
export function streetCmsUrl(street: string, site?: string): string {
  const path = `admin/${encodeURIComponent(street)}/`;
  return site ? new URL(path, site).href : sitePath(path);
}

export interface ReviewKey {
  campaign: string;
  judge: string;
  submission: string;
}

/**
 * The entry's slug in its collection: its path below the collection's folder, without the
 * extension: `<judge>/<submission>` in the district's editor, `<submission>` in the judge's own
 * (`own`), whose folder is the judge's.
 */
export const reviewSlug = ({ judge, submission }: ReviewKey, own = false) =>
  own ? submission : `${judge}/${submission}`;

/** Opens an existing review in the judges' CMS (`own`: the judge's own editor). */
export function editReviewUrl(cms: string, key: ReviewKey, own = false): string {
  return `${cms}#/collections/${reviewsCollection(key.campaign)}/entries/${reviewSlug(key, own)}`;
}

/**
 * Starts a new review in the judges' CMS with the submission (and, in the district's editor, the
 * judge) filled in (Decap reads them from the query); a judge's own editor fixes the judge itself.
 */
export function newReviewUrl(cms: string, key: ReviewKey, own = false): string {
  const query = new URLSearchParams(
    own ? { submission: key.submission } : { judge: key.judge, submission: key.submission },
  );
  return `${cms}#/collections/${reviewsCollection(key.campaign)}/new?${query}`;
}

/**
 * A street's sign-up to a call in its CMS entry point: the entry when `id` is
 * given, else a new one.
 */
export function streetSubmissionUrl(street: string, campaign: string, id?: string, site?: string): string {
  const collection = `#/collections/${encodeURIComponent(submissionsCollection(campaign))}`;
  return `${streetCmsUrl(street, site)}${collection}/${id ? `entries/${encodeURIComponent(id)}` : 'new'}`;
}
