/**
 * The judges' web editor (Decap) in the review build: the entry point of the build's audience,
 * written into that audience's review output only, never into the public build (judges' ids and
 * panels are private). The district's build gets the review repository's editor (every call's
 * score sheets); a judge's build gets that judge's own, whose collections are the judge's own
 * folders. Both commit to the review repository: REVIEW_CMS_BACKEND, REVIEW_CMS_REPO, … (README,
 * “The review site”), the local proxy by default.
 */

import { CONTENT_DIR } from '../src/content-dir.ts';
import { backendFromEnv, type CmsContext, type EntryPoint } from '../src/lib/cms/config.ts';
import { loadContent } from '../src/lib/review/load.ts';
import { getReviewData } from './data.ts';

/** The review repository's Decap backend: REVIEW_CMS_* (else CMS_BRANCH and CMS_PROXY_PORT), as CMS_* are read for the offices' one. */
export function reviewBackend(env: Record<string, string | undefined> = process.env) {
  return backendFromEnv({
    CMS_BACKEND: env.REVIEW_CMS_BACKEND,
    CMS_REPO: env.REVIEW_CMS_REPO,
    CMS_BRANCH: env.REVIEW_CMS_BRANCH ?? env.CMS_BRANCH,
    CMS_API_ROOT: env.REVIEW_CMS_API_ROOT ?? env.CMS_API_ROOT,
    CMS_BASE_URL: env.REVIEW_CMS_BASE_URL ?? env.CMS_BASE_URL,
    CMS_APP_ID: env.REVIEW_CMS_APP_ID,
    CMS_PROXY_PORT: env.REVIEW_CMS_PROXY_PORT ?? '8082',
  });
}

/** The entry point this build writes, if any: the district's review editor, or one judge's. */
export function reviewEntryPoint(): EntryPoint | undefined {
  const { audience } = getReviewData();
  if (audience.kind === 'district') return { kind: 'review' };
  if (audience.kind === 'judge') return { kind: 'judge', judge: audience.id };
  return undefined;
}

/** What the CMS generator needs, from the audience's view: the calls it scores, the streets' names. */
export function reviewCmsContext(): CmsContext {
  const view = getReviewData();
  const content = loadContent(CONTENT_DIR);
  return {
    // The review repository has the content folder's layout: content/judges/, content/reviews/.
    contentRoot: 'content',
    streets: content.streets.map((street) => ({ id: street.id, name: street.data.name, point: street.data.point })),
    campaigns: view.campaigns
      .filter((campaign) => campaign.pages)
      .map((campaign) => ({
        id: campaign.entry.id,
        title: campaign.data.title,
        rubric: campaign.data.rubric.map((criterion) => ({
          id: criterion.id,
          name: criterion.name,
          scale: criterion.scale,
        })),
      })),
    belts: [],
    backend: reviewBackend(),
  };
}
