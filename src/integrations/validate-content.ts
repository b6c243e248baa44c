import { resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { fileExistsIn, fileTextIn, readContentFiles } from '../lib/content-files.ts';
import { formatReport } from '../lib/report.ts';
import { validateContent } from '../lib/validate.ts';

/**
 * Runs the same validator as `npm run check:content` before Astro loads any
 * content, so a build never starts on bad input and reports it in the same
 * `path:line field: message (fix)` form, without a stack trace.
 */
export function validateContentIntegration(contentDir: string): AstroIntegration {
  return {
    name: 'haizhu:validate-content',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const files = readContentFiles(resolve(contentDir));
        const { problems } = validateContent(files, {
          displayRoot: contentDir,
          exists: fileExistsIn(resolve(contentDir)),
          readText: fileTextIn(resolve(contentDir)),
        });
        if (!problems.length) {
          logger.info(formatReport(problems, files.length));
          return;
        }
        const report = formatReport(problems, files.length);
        if (command !== 'build') {
          logger.warn(report);
          return;
        }
        console.error(report);
        process.exit(1);
      },
    },
  };
}
