/**
 * Links from the review site into the CMS (Decap). The CMS helper serves the
 * judges' entry point at /admin/judges/ on the public host, with one reviews
 * collection per call (`reviews-<campaign>`, folder content/reviews/<campaign>,
 * entries at <judge>/<submission>.yaml, see src/lib/cms/config.ts); a street
 * office's entry point is /admin/<street>/.
 */
import { reviewsCollection, submissionsCollection } from '../cms/config.ts';

type Env = Record<string, string | undefined>;

/** The public site the review site links to: PUBLIC_SITE_URL, or the local preview. */
export function publicSiteUrl(env: Env = process.env): string {
  return env.PUBLIC_SITE_URL || 'http://127.0.0.1:4321';
}

/** Where the judges' CMS lives: REVIEW_CMS_URL, or /admin/judges/ on the public site. */
export function judgesCmsUrl(env: Env = process.env): string {
  const explicit = env.REVIEW_CMS_URL;
  if (explicit) return explicit.endsWith('/') ? explicit : `${explicit}/`;
  return new URL('/admin/judges/', publicSiteUrl(env)).href;
}

/** A street office's CMS entry point on the public site (a path when `site` is omitted). */
export function streetCmsUrl(street: string, site?: string): string {
  const path = `/admin/${encodeURIComponent(street)}/`;
  return site ? new URL(path, site).href : path;
}

export interface ReviewKey {
  campaign: string;
  judge: string;
  submission: string;
}

/** The entry's slug in its collection: its path below the call's folder, without the extension. */
export const reviewSlug = ({ judge, submission }: ReviewKey) => `${judge}/${submission}`;

/** Opens an existing review in the judges' CMS. */
export function editReviewUrl(cms: string, key: ReviewKey): string {
  return `${cms}#/collections/${reviewsCollection(key.campaign)}/entries/${reviewSlug(key)}`;
}

/** Starts a new review in the judges' CMS with judge and submission filled in (Decap reads them from the query). */
export function newReviewUrl(cms: string, key: ReviewKey): string {
  const query = new URLSearchParams({ judge: key.judge, submission: key.submission });
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
