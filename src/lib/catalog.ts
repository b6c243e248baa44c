import type { Belt, Brand, Campaign, Progress, Site, Street, Submission } from '../schema/index.ts';
import {
  BRAND_CATEGORIES,
  type BrandCategory,
  type BrandStatus,
  CAMPAIGN_STAGES,
  SITE_TYPES,
} from '../schema/index.ts';

/** An entry as pages see it: its id, its public data, and the source entry (to render Markdown). */
export interface Item<T, E = unknown> {
  id: string;
  data: T;
  entry: E;
}

export interface CatalogInput<E = unknown> {
  streets: Item<Street, E>[];
  brands: Item<Brand, E>[];
  belts: Item<Belt, E>[];
  sites: Item<Site, E>[];
  campaigns: Item<Campaign, E>[];
  submissions: Item<Submission, E>[];
  /** Progress reports on claimed tasks (揭榜进展). */
  progress?: Item<Progress, E>[];
}

/** Brand statuses that count as selected into the showcase. */
const SELECTED: readonly BrandStatus[] = ['selected', 'featured'];

/** Whether a brand status counts as selected (the home page's figure, the statistics page's rounds). */
export const isSelected = (status: string) => (SELECTED as readonly string[]).includes(status);

/**
 * The public content with its relations worked out once: which sites a brand
 * runs, which brands a street has, a belt's stops in order. Pages only look up.
 */
export function buildCatalog<E>(input: CatalogInput<E>) {
  const byCode = (a: Item<Street, E>, b: Item<Street, E>) => a.data.code.localeCompare(b.data.code);
  const streets = [...input.streets].sort(byCode);
  const streetOrder = new Map(streets.map((street, index) => [street.id, index]));
  const byStreetThen =
    <T extends { street: string }>(name: (data: T) => string) =>
    (a: Item<T, E>, b: Item<T, E>) =>
      (streetOrder.get(a.data.street) ?? 0) - (streetOrder.get(b.data.street) ?? 0) ||
      name(a.data).localeCompare(name(b.data), 'zh-CN');
  const brands = [...input.brands].sort(byStreetThen<Brand>((brand) => brand.title));
  const sites = [...input.sites].sort(byStreetThen<Site>((site) => site.name));
  const campaigns = [...input.campaigns].sort((a, b) => b.data.opens.localeCompare(a.data.opens));

  const index = <T>(items: Item<T, E>[]) => new Map(items.map((item) => [item.id, item]));
  const streetById = index(streets);
  const brandById = index(brands);
  const siteById = index(sites);
  const beltById = index(input.belts);
  const campaignById = index(campaigns);

  // A brand–site link may be recorded on either side; both count.
  const sitesOfBrand = new Map<string, Set<string>>();
  const brandsOfSite = new Map<string, Set<string>>();
  const link = (brandId: string, siteId: string) => {
    if (!brandById.has(brandId) || !siteById.has(siteId)) return;
    sitesOfBrand.set(brandId, (sitesOfBrand.get(brandId) ?? new Set()).add(siteId));
    brandsOfSite.set(siteId, (brandsOfSite.get(siteId) ?? new Set()).add(brandId));
  };
  for (const brand of brands) for (const siteId of brand.data.sites) link(brand.id, siteId);
  for (const site of sites) for (const brandId of site.data.brands) link(brandId, site.id);

  // Lists are grouped once here: pages look them up per entry, and a page per
  // entry times a scan per page would grow with the square of the content.
  const groupBy = <T>(items: Item<T, E>[], key: (item: Item<T, E>) => string | undefined) => {
    const groups = new Map<string, Item<T, E>[]>();
    for (const item of items) {
      const value = key(item);
      if (value !== undefined) groups.set(value, [...(groups.get(value) ?? []), item]);
    }
    return groups;
  };
  const brandsByStreet = groupBy(brands, (brand) => brand.data.street);
  const sitesByStreet = groupBy(sites, (site) => site.data.street);
  const brandsByCategory = groupBy(brands, (brand) => brand.data.category);
  const submissionsByCampaign = groupBy(input.submissions, (submission) => submission.data.campaign);
  const progressByCampaign = groupBy(input.progress ?? [], (report) => report.data.campaign);
  const stopsByBelt = groupBy(
    sites.filter((site) => site.data.belt).sort((a, b) => (a.data.belt?.order ?? 0) - (b.data.belt?.order ?? 0)),
    (site) => site.data.belt?.belt,
  );
  const position = new Map([...brands, ...sites].map((item, order) => [item as Item<unknown, E>, order]));
  const inOrder = <T>(ids: Set<string> | undefined, lookup: Map<string, Item<T, E>>) =>
    [...(ids ?? [])]
      .map((id) => lookup.get(id) as Item<T, E>)
      .sort((a, b) => (position.get(a as Item<unknown, E>) ?? 0) - (position.get(b as Item<unknown, E>) ?? 0));

  return {
    streets,
    brands,
    sites,
    belts: input.belts,
    campaigns,
    submissions: input.submissions,
    street: (id: string) => streetById.get(id),
    brand: (id: string) => brandById.get(id),
    site: (id: string) => siteById.get(id),
    belt: (id: string) => beltById.get(id),
    campaign: (id: string) => campaignById.get(id),
    sitesOfBrand: (id: string) => inOrder(sitesOfBrand.get(id), siteById),
    brandsOfSite: (id: string) => inOrder(brandsOfSite.get(id), brandById),
    brandsOfStreet: (id: string) => brandsByStreet.get(id) ?? [],
    sitesOfStreet: (id: string) => sitesByStreet.get(id) ?? [],
    submissionsOf: (campaignId: string) => submissionsByCampaign.get(campaignId) ?? [],
    /** A call's progress reports, whoever may see them: the board (src/lib/calls/board.ts) decides. */
    progressOf: (campaignId: string) => progressByCampaign.get(campaignId) ?? [],
    /** A belt's stops, in route order. */
    beltStops: (id: string) => stopsByBelt.get(id) ?? [],
    /** Up to `limit` other brands: same category and street first, then same category, then same street. */
    relatedBrands: (brand: Item<Brand, E>, limit = 3) => {
      const sameStreet = brandsByStreet.get(brand.data.street) ?? [];
      const related = new Set<Item<Brand, E>>();
      // Each pass stops once the limit is reached, so no page copies a whole category.
      const take = (candidates: Iterable<Item<Brand, E>>) => {
        for (const other of candidates) {
          if (related.size >= limit) return;
          if (other !== brand) related.add(other);
        }
      };
      take(sameStreet.filter((other) => other.data.category === brand.data.category));
      take(brandsByCategory.get(brand.data.category) ?? []);
      take(sameStreet);
      return [...related];
    },

    featuredBrands: () => brands.filter((brand) => brand.data.status === 'featured'),
    /** Headline figures for the home page, all counted from content. */
    figures: () => ({
      streets: streets.length,
      streetsWithBrands: new Set(brands.map((brand) => brand.data.street)).size,
      brands: brands.length,
      selectedBrands: brands.filter((brand) => isSelected(brand.data.status)).length,
      sites: sites.length,
      beltStops: sites.filter((site) => site.data.belt).length,
    }),
    /** Brand counts per category, in the schema's order. */
    categoryCounts: () =>
      (Object.keys(BRAND_CATEGORIES) as BrandCategory[]).map((category) => ({
        category,
        count: brands.filter((brand) => brand.data.category === category).length,
      })),
  };
}

export type Catalog<E = unknown> = ReturnType<typeof buildCatalog<E>>;

/** Where a campaign stands on `today` (YYYY-MM-DD): the stage running, or before/after all of them. */
export function campaignPhase(campaign: Campaign, today: string) {
  const current = campaign.stages.find((stage) => stage.start <= today && today <= stage.end);
  if (current) return { kind: 'stage' as const, stage: current.stage, label: CAMPAIGN_STAGES[current.stage] };
  const first = campaign.stages[0];
  if (first && today < first.start) return { kind: 'upcoming' as const, label: '尚未开始' };
  const last = campaign.stages.at(-1);
  if (last && today > last.end) return { kind: 'closed' as const, label: '已结束' };
  return { kind: 'between' as const, label: '进行中' };
}

/** A site in one sentence (where, what, its address): a site page's lead and description, and its poster's text. */
export function describeSite(site: Pick<Site, 'community' | 'type' | 'address'>, streetName = ''): string {
  return `${streetName}${site.community ?? ''}的${SITE_TYPES[site.type]}，地址：${site.address}。`;
}
