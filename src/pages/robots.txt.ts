import type { APIRoute } from 'astro';
import { absoluteUrl, sitePath } from '../lib/site/url.ts';

/**
 * /robots.txt: everything may be indexed except the CMS; points crawlers at the sitemap (absolute, from
 * PUBLIC_SITE_URL). Under a sub-path of the portal the file is <base>robots.txt, which crawlers read only at the
 * server root: the portal's own robots.txt takes these lines in (docs/deploy.md).
 */
export const GET: APIRoute = ({ site }) =>
  new Response(
    `User-agent: *\nDisallow: ${sitePath('/admin/')}\n\nSitemap: ${absoluteUrl('/sitemap-index.xml', site ?? '')}\n`,
    { headers: { 'content-type': 'text/plain; charset=utf-8' } },
  );
