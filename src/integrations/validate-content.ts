import type { AstroIntegration } from 'astro';
import { validateContentDir } from '../lib/content-files.ts';
import { formatReport } from '../lib/report.ts';

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
        const { problems, fileCount } = validateContentDir(contentDir);
        const report = formatReport(problems, fileCount);
        if (!problems.length) {
          logger.info(report);
          return;
        }
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
