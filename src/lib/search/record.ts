/**
 * What each detail page tells the search index about itself: its type, the
 * filters it can be found under, the metadata a result shows, and its name cut
 * into every part a visitor may remember. Built from public (projected) data
 * only; the pages render it with <SearchFields>.
 */
import {
  BRAND_CATEGORIES,
  BRAND_STATUSES,
  type Brand,
  type Campaign,
  SITE_TYPES,
  type Site,
  type Street,
} from '../../schema/index.ts';
import type { FilterKey } from './query.ts';

/** Content types, as filter values and result labels. */
export const CONTENT_TYPES = {
  street: '街道',
  brand: '党建品牌',
  site: '示范阵地',
  campaign: '征集令',
} as const;
export type ContentType = keyof typeof CONTENT_TYPES;

export interface SearchRecord {
  type: ContentType;
  /** The name as shown, and as indexed in parts. */
  name: string;
  meta: {
    title: string;
    type: string;
    street?: string;
    excerpt: string;
    /** 示例 for illustrative content, so results carry the same badge as the page. */
    sample?: string;
  };
  filters: Partial<Record<FilterKey, string[]>>;
  /** The picture a result shows: the image as the content collection resolved it (Astro's image metadata). */
  image?: unknown;
}

/** Longest excerpt kept in the index metadata, in characters. */
export const EXCERPT_LENGTH = 80;

/** The first `max` characters of a text, cut at a sentence or clause end when one is near, with … when cut. */
export function shortExcerpt(text: string, max = EXCERPT_LENGTH): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  if ([...plain].length <= max) return plain;
  const cut = [...plain].slice(0, max).join('');
  const stop = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('；'), cut.lastIndexOf('，'));
  return `${stop > max / 2 ? cut.slice(0, stop) : cut}…`;
}

/** Runs of letters and digits in a name: 江湾社区“6+N”治理模式 → 江湾社区, 6, N, 治理模式. */
const RUN = /[\p{L}\p{N}]+/gu;

/**
 * Every contiguous part of 2 or more characters of a name, space-separated,
 * so that Pagefind's word-prefix matching finds the page by any part of its
 * name (毓秀阁 → 毓秀 毓秀阁 秀阁). Parts never span punctuation.
 */
export function nameParts(name: string): string {
  const parts = new Set<string>();
  for (const run of name.normalize('NFKC').match(RUN) ?? []) {
    const chars = [...run];
    for (let start = 0; start < chars.length; start++) {
      for (let end = start + 2; end <= chars.length; end++) parts.add(chars.slice(start, end).join(''));
    }
  }
  return [...parts].join(' ');
}

const sampleMeta = (sample: boolean) => (sample ? { sample: '示例' } : {});
const unique = (values: (string | undefined)[]) => [...new Set(values.filter((value): value is string => !!value))];

export function streetRecord(street: Street): SearchRecord {
  return {
    type: 'street',
    name: street.name,
    meta: { title: street.name, type: CONTENT_TYPES.street, street: street.name, excerpt: shortExcerpt(street.intro) },
    filters: { type: [CONTENT_TYPES.street], street: [street.name] },
  };
}

/** A brand, with its street and the sites it runs (their communities make it findable by community). */
export function brandRecord(brand: Brand, street: Street | undefined, sites: Site[]): SearchRecord {
  return {
    type: 'brand',
    name: brand.title,
    meta: {
      title: brand.title,
      type: CONTENT_TYPES.brand,
      street: street?.name,
      excerpt: shortExcerpt(brand.summary),
      ...sampleMeta(brand.sample),
    },
    filters: {
      type: [CONTENT_TYPES.brand],
      street: unique([street?.name]),
      community: unique(sites.map((site) => site.community)),
      category: [BRAND_CATEGORIES[brand.category]],
      year: [String(brand.year)],
      status: [BRAND_STATUSES[brand.status]],
    },
    image: brand.cover?.src ?? brand.gallery[0]?.src,
  };
}

export function siteRecord(site: Site, street: Street | undefined): SearchRecord {
  const where = `${street?.name ?? ''}${site.community ?? ''}`;
  return {
    type: 'site',
    name: site.name,
    meta: {
      title: site.name,
      type: CONTENT_TYPES.site,
      street: street?.name,
      excerpt: shortExcerpt(`${where}的${SITE_TYPES[site.type]}，地址：${site.address}`),
      ...sampleMeta(site.sample),
    },
    filters: {
      type: [CONTENT_TYPES.site],
      street: unique([street?.name]),
      community: unique([site.community]),
      sitetype: [SITE_TYPES[site.type]],
    },
    image: site.photos[0]?.src,
  };
}

export function campaignRecord(campaign: Campaign): SearchRecord {
  return {
    type: 'campaign',
    name: campaign.title,
    meta: {
      title: campaign.title,
      type: CONTENT_TYPES.campaign,
      excerpt: shortExcerpt(campaign.description),
      ...sampleMeta(campaign.sample),
    },
    filters: { type: [CONTENT_TYPES.campaign], year: [campaign.opens.slice(0, 4)] },
  };
}
