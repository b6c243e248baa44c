import type { APIRoute } from 'astro';

/** /robots.txt: everything may be indexed except the CMS; points crawlers at the sitemap (absolute, from PUBLIC_SITE_URL). */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nDisallow: /admin/\n\nSitemap: ${new URL('/sitemap-index.xml', site).href}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
