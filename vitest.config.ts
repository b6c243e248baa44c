import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Some unit tests run a script over a throwaway Git repository (a few processes each): on a busy 2-core
        // machine one took 5.4 s, past Vitest's 5 s default, so they get room; a hang still fails.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        // Builds of the whole site: the privacy scan over a build with canary values.
        // One build at a time: builds of the same project share its .astro/ folder.
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        // Real Git servers and real pipelines: nginx with git-http-backend and the pre-receive hook,
        // gitlab-ci-local running .gitlab-ci.yml. Not in the unit project, which the pipelines run.
        test: {
          name: 'git',
          include: ['tests/git/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
