import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../support/build.ts';
import { serveStatic } from '../support/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/** Builds the public site once into dist-e2e/ and serves it for every browser test. */
export default async function setup(project: TestProject) {
  const outDir = resolve('dist-e2e');
  buildSite({ OUT_DIR: outDir });
  const server = await serveStatic(outDir);
  project.provide('baseURL', server.url);
  return server.close;
}
