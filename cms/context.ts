import type { CmsPageContext } from '../src/lib/cms/config.ts';

/** What the admin page tells the browser code (src/lib/cms/config.ts, cmsPageContext). */
export type PageContext = CmsPageContext;

let cached: PageContext | undefined;

export function pageContext(): PageContext {
  cached ??= JSON.parse(document.getElementById('cms-context')?.textContent || '{}') as PageContext;
  cached.collections ??= {};
  cached.streets ??= [];
  cached.campaigns ??= [];
  return cached;
}

export const streetName = (id: unknown) =>
  pageContext().streets.find((street) => street.id === id)?.name ?? (typeof id === 'string' ? id : '');

export const campaignTitle = (id: unknown) =>
  pageContext().campaigns.find((campaign) => campaign.id === id)?.title ?? (typeof id === 'string' ? id : '');
