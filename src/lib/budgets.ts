/**
 * Size budgets for a build, gzipped bytes (what a phone on a slow network pays).
 * Checked by scripts/check-budgets.ts (npm run check:budgets, and
 * tests/e2e/budgets.test.ts on every npm test); the measured sizes are in
 * docs/benchmarks.md, "Budgets". Raise a number only on purpose, with the reason.
 */
export interface Budget {
  gzipBytes: number;
}

const KB = 1024;

/** Pages whose HTML and CSS are budgeted as content pages. */
export const CONTENT_PAGE_PREFIXES = ['/brands/', '/streets/', '/sites/', '/campaigns/', '/belts/'];

/** Page types whose initial JavaScript (module scripts and their static imports) is budgeted. */
export const PAGE_TYPES: Record<string, RegExp> = {
  home: /^\/$/,
  brand: /^\/brands\/(?!category\/)[^/]+\/$/,
  street: /^\/streets\/[^/]+\/$/,
  site: /^\/sites\/[^/]+\/$/,
  campaign: /^\/campaigns\/[^/]+\/$/,
  about: /^\/about\/$/,
  map: /^\/map\/$/,
  search: /^\/search\/$/,
};

/**
 * Content pages ship no JavaScript of their own but the elder-mode switch (/elder-mode.js) and, where a
 * page has a mini-map, its small loader (MapLibre itself loads only when the map scrolls into view).
 */
export const BUDGETS: Record<string, Budget> = {
  'html-per-content-page': { gzipBytes: 12 * KB },
  'css-per-content-page': { gzipBytes: 4 * KB },
  'js-initial-home': { gzipBytes: 2 * KB },
  'js-initial-brand': { gzipBytes: 6 * KB },
  'js-initial-street': { gzipBytes: 6 * KB },
  'js-initial-site': { gzipBytes: 6 * KB },
  'js-initial-campaign': { gzipBytes: 2 * KB },
  'js-initial-about': { gzipBytes: 2 * KB },
  'js-initial-map': { gzipBytes: 6 * KB },
  'js-initial-search': { gzipBytes: 10 * KB },
  'map-bundle': { gzipBytes: 520 * KB },
  'cms-bundle': { gzipBytes: 1600 * KB },
};
