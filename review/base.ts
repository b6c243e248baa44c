/** The review site's base path, shared by astro.review.config.mjs and the pages' links. */
export const REVIEW_BASE = '/review/';
