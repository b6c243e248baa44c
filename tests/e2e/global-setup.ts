import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { REVIEW_BASE } from '../../review/base.ts';
import { headersFor, reviewHeaders } from '../../src/lib/security-headers.ts';
import { buildSite } from '../support/build.ts';
import { serveStatic } from '../support/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** The origin serving the review build, whose pages are under REVIEW_BASE. */
    reviewURL: string;
    /** The review build's output folder (what REVIEW_BASE maps to). */
    reviewOutDir: string;
  }
}

/**
 * Builds the public site once into dist-e2e/ and the review site into dist-e2e-review/review/,
 * and serves each (the review one under its base path) with its production headers, CSP included,
 * for every browser test.
 */
export default async function setup(project: TestProject) {
  const outDir = resolve('dist-e2e');
  buildSite({ OUT_DIR: outDir });
  const reviewRoot = resolve('dist-e2e-review');
  const reviewOutDir = join(reviewRoot, REVIEW_BASE);
  buildSite({ REVIEW_OUT_DIR: reviewOutDir }, 'astro.review.config.mjs');
  // With the headers the host sends (src/lib/security-headers.ts): every page is tested under its own CSP.
  const server = await serveStatic(outDir, headersFor);
  const review = await serveStatic(reviewRoot, reviewHeaders);
  project.provide('baseURL', server.url);
  project.provide('reviewURL', review.url);
  project.provide('reviewOutDir', reviewOutDir);
  return async () => {
    await Promise.all([server.close(), review.close()]);
  };
}
