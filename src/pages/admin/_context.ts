import { getCatalog } from '../../data/public.ts';
import { backendFromEnv, type CmsContext, type EntryPoint } from '../../lib/cms/config.ts';
import { absoluteUrl } from '../../lib/site/url.ts';

/**
 * What the CMS configuration is built from: the public catalog (so nothing
 * private reaches these public files) and the build's CMS_* settings.
 */
export async function cmsContext(): Promise<CmsContext> {
  const catalog = await getCatalog();
  return {
    // The Git backend sees paths from the repository root; builds from another CONTENT_DIR still edit content/.
    contentRoot: 'content',
    streets: catalog.streets.map((street) => ({ id: street.id, name: street.data.name, point: street.data.point })),
    campaigns: catalog.campaigns.map((campaign) => ({
      id: campaign.id,
      title: campaign.data.title,
      rubric: campaign.data.rubric.map((criterion) => ({
        id: criterion.id,
        name: criterion.name,
        scale: criterion.scale,
      })),
      tasks: campaign.data.tasks.map((task) => ({ id: task.id, title: task.title })),
    })),
    belts: catalog.belts.map((belt) => ({ id: belt.id, name: belt.data.name })),
    // Brand and site ids are public and unique across streets: a street's editor, which sees only its own
    // folder, still numbers 红色南石 hongse-nanshi-2 when another street has hongse-nanshi.
    taken: { brands: catalog.brands.map((brand) => brand.id), sites: catalog.sites.map((site) => site.id) },
    backend: backendFromEnv(process.env),
    // The live site's home under the base, without the trailing slash Decap adds itself: its “view live” links.
    siteUrl: absoluteUrl('/', import.meta.env.SITE).replace(/\/$/, ''),
  };
}

/** The entry point a route parameter names: a street id or `judges`. */
export function entryFor(slug: string | undefined): EntryPoint {
  if (!slug) return { kind: 'district' };
  if (slug === 'judges') return { kind: 'judges' };
  return { kind: 'street', street: slug };
}
