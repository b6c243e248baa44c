import type { AstroIntegration } from 'astro';
import { contentReport } from '../lib/content-files.ts';

/**
 * Runs the same validator as `npm run check:content` before Astro loads any
 * content, so a build never starts on bad input, nor on a missing or far too
 * small content folder, and reports it in the same `path:line field: message
 * (fix)` form, without a stack trace.
 */
export function validateContentIntegration(contentDir: string): AstroIntegration {
  return {
    name: 'haizhu:validate-content',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const { ok, report } = contentReport(contentDir);
        if (ok) {
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
