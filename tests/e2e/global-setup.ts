import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { reviewBase } from '../../review/base.ts';
import { headersFor, reviewHeaders } from '../../src/lib/security-headers.ts';
import { buildSite } from '../support/build.ts';
import { serveStatic } from '../support/static-server.ts';

/** One audience's review build, as the browser tests reach it. */
export interface ReviewSite {
  /** REVIEW_AUDIENCE of the build. */
  audience: string;
  /** The origin serving it; its pages are under `base`. */
  url: string;
  /** Its base path (review/base.ts). */
  base: string;
  /** The folder served as the origin's root (the build sits at `root` + `base`). */
  root: string;
  /** The build's output folder (what `base` maps to). */
  outDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** The review site built for each audience: the district, one judge, one street office. */
    reviewSites: ReviewSite[];
    /** The district's review build: its origin (pages under /review/) and its output folder. */
    reviewURL: string;
    reviewOutDir: string;
  }
}

/** The audiences the browser tests build the review site for. */
export const REVIEW_AUDIENCES = ['district', 'judge:judge-a', 'street:nanshitou'];

/**
 * Builds the public site once into dist-e2e/ and the review site once per audience into
 * dist-e2e-review[-<audience>]/<its base path>, and serves each with its production headers, CSP
 * included, for every browser test.
 */
export default async function setup(project: TestProject) {
  const outDir = resolve('dist-e2e');
  buildSite({ OUT_DIR: outDir });
  const server = await serveStatic(outDir, headersFor);
  const servers = [server];
  const reviewSites: ReviewSite[] = [];
  for (const audience of REVIEW_AUDIENCES) {
    const root = resolve(audience === 'district' ? 'dist-e2e-review' : `dist-e2e-review-${audience.replace(':', '-')}`);
    const base = reviewBase(audience);
    const reviewOutDir = join(root, base);
    buildSite({ REVIEW_OUT_DIR: reviewOutDir, REVIEW_AUDIENCE: audience }, 'astro.review.config.mjs');
    // With the headers the host sends (src/lib/security-headers.ts): every page is tested under its own CSP.
    const review = await serveStatic(root, reviewHeaders);
    servers.push(review);
    reviewSites.push({ audience, url: review.url, base, root, outDir: reviewOutDir });
  }
  project.provide('baseURL', server.url);
  project.provide('reviewSites', reviewSites);
  project.provide('reviewURL', reviewSites[0].url);
  project.provide('reviewOutDir', reviewSites[0].outDir);
  return async () => {
    await Promise.all(servers.map((running) => running.close()));
  };
}
