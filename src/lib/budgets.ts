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
 * Content pages ship no JavaScript of their own but the accessibility bootstrap (/elder-mode.js and the 无障碍
 * button's loader, `a11y-bootstrap`) and, where a page has a mini-map, its small loader (MapLibre itself loads
 * only when the map scrolls into view).
 */
export const BUDGETS: Record<string, Budget> = {
  'html-per-content-page': { gzipBytes: 12 * KB },
  'css-per-content-page': { gzipBytes: 4 * KB },
  // Pages without a map: the accessibility bootstrap only (2.1 KB; the budget was 2 KB before the toolbar's loader).
  'js-initial-home': { gzipBytes: 2.5 * KB },
  'js-initial-brand': { gzipBytes: 6 * KB },
  'js-initial-street': { gzipBytes: 6 * KB },
  'js-initial-site': { gzipBytes: 6 * KB },
  'js-initial-campaign': { gzipBytes: 2.5 * KB },
  'js-initial-about': { gzipBytes: 2.5 * KB },
  'js-initial-map': { gzipBytes: 6 * KB },
  'js-initial-search': { gzipBytes: 10 * KB },
  // The accessibility bootstrap on every page: /elder-mode.js (restores saved choices before first paint) and the
  // header's loader (the 无障碍 button and the Alt+Shift shortcuts, with Vite's preload helper), about 2 KB together.
  'a11y-bootstrap': { gzipBytes: 2.5 * KB },
  // The toolbar itself, loaded only when opened (src/islands/a11y-toolbar/toolbar.ts): about 3.7 KB.
  'a11y-toolbar': { gzipBytes: 5 * KB },
  'map-bundle': { gzipBytes: 520 * KB },
  'cms-bundle': { gzipBytes: 1600 * KB },
};
