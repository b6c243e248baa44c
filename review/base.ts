import { normaliseBasePath } from '../src/lib/site/url.ts';

/**
 * The review site's base path, shared by astro.review.config.mjs and the pages' links: one per
 * audience (REVIEW_AUDIENCE), so each audience's build is its own folder on the server and can
 * sit behind its own login (docs/deploy.md): the district's at /review/, a judge's at
 * /review/judge/<id>/, a street office's at /review/street/<id>/. A site served under a sub-path
 * of the portal (PUBLIC_BASE_PATH, e.g. /zt/dangjian/) has its review builds under that sub-path
 * too (/zt/dangjian/review/…), so one setting moves both and one portal location holds them.
 */
export function reviewBase(
  audience: string | undefined = process.env.REVIEW_AUDIENCE,
  prefix: string = normaliseBasePath(process.env.PUBLIC_BASE_PATH),
): string {
  const match = /^(judge|street):([a-z0-9][a-z0-9-]*)$/.exec((audience ?? '').trim());
  return `${prefix}review/${match ? `${match[1]}/${match[2]}/` : ''}`;
}

export const REVIEW_BASE = reviewBase();
