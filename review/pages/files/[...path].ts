import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getReviewData } from '../../data.ts';

/**
 * Submissions' attachments, copied into the review site under paths that do
 * not name the street (files/<campaign>/<submission>/<n>-<name>), so a blind
 * review stays blind. Only files named by a submission are served.
 */
export const getStaticPaths = (() => {
  const data = getReviewData();
  return data.campaigns
    .filter((campaign) => campaign.pages)
    .flatMap((campaign) =>
      campaign.submissions.flatMap((submission) =>
        data.attachmentsOf(submission).map((attachment) => ({
          params: { path: attachment.href.replace(/^files\//, '') },
          props: { source: join(data.contentDir, attachment.source) },
        })),
      ),
    );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(readFileSync((props as { source: string }).source));
