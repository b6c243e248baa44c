/**
 * The review site's base path, shared by astro.review.config.mjs and the pages' links: one per
 * audience (REVIEW_AUDIENCE), so each audience's build is its own folder on the server and can
 * sit behind its own login (docs/deploy.md): the district's at /review/, a judge's at
 * /review/judge/<id>/, a street office's at /review/street/<id>/.
 */
export function reviewBase(audience: string | undefined = process.env.REVIEW_AUDIENCE): string {
  const match = /^(judge|street):([a-z0-9][a-z0-9-]*)$/.exec((audience ?? '').trim());
  return match ? `/review/${match[1]}/${match[2]}/` : '/review/';
}

export const REVIEW_BASE = reviewBase();
