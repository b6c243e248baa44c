/**
 * Figures for the statistics page (/stats/), counted from public content at
 * build time. Pure: takes plain data, so it is unit-tested without a build.
 */
import { isSelected } from './catalog.ts';

export interface StatsInput {
  streets: { id: string; name: string }[];
  brands: { street: string; category: string; status: string; round?: string }[];
  sites: { type: string }[];
  campaigns: { id: string; title: string }[];
  /** Label of each category, in display order. */
  categories: Record<string, string>;
  /** Label of each site type, in display order. */
  siteTypes: Record<string, string>;
}

/** One bar of a chart: a label and a count. */
export interface Bar {
  key: string;
  label: string;
  count: number;
}

const tally = <T>(items: T[], key: (item: T) => string | undefined) => {
  const counts = new Map<string, number>();
  for (const item of items) {
    const value = key(item);
    if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
};

export function computeStats(input: StatsInput) {
  const byStreet = tally(input.brands, (brand) => brand.street);
  const byCategory = tally(input.brands, (brand) => brand.category);
  const byType = tally(input.sites, (site) => site.type);
  const byRound = tally(
    input.brands.filter((brand) => isSelected(brand.status)),
    (brand) => brand.round,
  );
  const labelled = (labels: Record<string, string>, counts: Map<string, number>): Bar[] =>
    Object.entries(labels).map(([key, label]) => ({ key, label, count: counts.get(key) ?? 0 }));
  return {
    /** Every street in the given order, with streets without brands at 0. */
    brandsPerStreet: input.streets.map((street) => ({
      key: street.id,
      label: street.name,
      count: byStreet.get(street.id) ?? 0,
    })),
    brandsPerCategory: labelled(input.categories, byCategory),
    /** Only types with at least one site. */
    sitesPerType: labelled(input.siteTypes, byType).filter((bar) => bar.count > 0),
    /** Rounds with at least one selected brand, in the given campaign order. */
    selectionsPerRound: input.campaigns
      .map((campaign) => ({ key: campaign.id, label: campaign.title, count: byRound.get(campaign.id) ?? 0 }))
      .filter((bar) => bar.count > 0),
    totals: { brands: input.brands.length, sites: input.sites.length },
  };
}

export type Stats = ReturnType<typeof computeStats>;

/** Share of the largest bar, 0–100, for drawing bars. */
export function barPercent(bars: Bar[], bar: Bar): number {
  const max = Math.max(0, ...bars.map((other) => other.count));
  return max === 0 ? 0 : Math.round((bar.count / max) * 1000) / 10;
}

/** A one-sentence description of a chart for screen readers, e.g. "A 3，B 1。". */
export function describeBars(title: string, bars: Bar[], unit: string): string {
  return `${title}：${bars.map((bar) => `${bar.label} ${bar.count} ${unit}`).join('，')}。`;
}
