import type { AstroIntegration } from 'astro';
import { AudienceError, parseAudience } from '../lib/review/audience.ts';
import { loadContent } from '../lib/review/load.ts';

/**
 * Checks REVIEW_AUDIENCE before the review build starts: a bad value or an unknown judge or street
 * stops it with one Chinese line and exit 1, and the log says whom the build is for.
 */
export function reviewAudienceIntegration(contentDir: string): AstroIntegration {
  return {
    name: 'haizhu:review-audience',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const value = process.env.REVIEW_AUDIENCE;
        try {
          // Only a judge or a street needs the ids (the content's own problems are the validator's to report).
          const content = /^(judge|street):/.test(value ?? '')
            ? loadContent(contentDir, { allowProblems: true })
            : undefined;
          const audience = parseAudience(value, {
            judges: content?.judges.map((judge) => judge.id) ?? [],
            streets: content?.streets.map((street) => street.id) ?? [],
          });
          logger.info(
            `评审网站的读者：${audience.kind === 'district' ? '区委组织部（全部内容）' : `${audience.kind}:${audience.id}`}`,
          );
        } catch (error) {
          if (!(error instanceof AudienceError)) throw error;
          console.error(`评审网站无法构建：${error.message}`);
          process.exit(1);
        }
      },
    },
  };
}
