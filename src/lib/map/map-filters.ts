/**
 * The map's filters and the page address: a filtered map can be shared, so
 * the filter state lives in the query string (?street=pazhou&type=red-station
 * &category=governance&belt=pazhou-digital-belt) and is read back from it.
 */
import type { BrandCategory, SiteType } from '../../schema/index.ts';

export interface MapFilters {
  street?: string;
  type?: SiteType;
  category?: BrandCategory;
  belt?: string;
}

/** The query parameters, in the order they are written. */
export const FILTER_KEYS = ['street', 'type', 'category', 'belt'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Values the page knows; others are ignored rather than showing an empty map. */
export interface KnownValues {
  streets: readonly string[];
  types: readonly string[];
  categories: readonly string[];
  belts: readonly string[];
}

/** Reads the filters from a query string (with or without `?`) or URLSearchParams. */
export function parseFilters(query: string | URLSearchParams, known: KnownValues): MapFilters {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const value = (key: FilterKey) => params.get(key)?.trim() || undefined;
  const filters: MapFilters = {};
  const street = value('street');
  if (street && known.streets.includes(street)) filters.street = street;
  const type = value('type');
  if (type && known.types.includes(type)) filters.type = type as SiteType;
  const category = value('category');
  if (category && known.categories.includes(category)) filters.category = category as BrandCategory;
  const belt = value('belt');
  if (belt && known.belts.includes(belt)) filters.belt = belt;
  return filters;
}

/** The query string for some filters: `?street=…&type=…`, or '' when none is set. */
export function filtersToQuery(filters: MapFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Reads the filters from a form's fields (empty values mean "all"). */
export function filtersFromForm(data: FormData | URLSearchParams, known: KnownValues): MapFilters {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = data.get(key);
    if (typeof value === 'string' && value) params.set(key, value);
  }
  return parseFilters(params, known);
}

/** What a site needs for filtering: the map's decoded sites and the page's list items both have it. */
export interface Filterable {
  street: string;
  type: string;
  categories: readonly string[];
  belt?: { id: string } | undefined;
}

export function matchesFilters(site: Filterable, filters: MapFilters): boolean {
  if (filters.street && site.street !== filters.street) return false;
  if (filters.type && site.type !== filters.type) return false;
  if (filters.category && !site.categories.includes(filters.category)) return false;
  if (filters.belt && site.belt?.id !== filters.belt) return false;
  return true;
}

export function applyFilters<T extends Filterable>(sites: readonly T[], filters: MapFilters): T[] {
  return isEmpty(filters) ? [...sites] : sites.filter((site) => matchesFilters(site, filters));
}

export const isEmpty = (filters: MapFilters) => FILTER_KEYS.every((key) => !filters[key]);

/** A short Chinese description of the filters, for the result count: 琶洲街道 · 红色驿站. */
export function describeFilters(
  filters: MapFilters,
  label: (key: FilterKey, value: string) => string | undefined,
): string {
  return FILTER_KEYS.map((key) => {
    const value = filters[key];
    return value ? (label(key, value) ?? value) : undefined;
  })
    .filter(Boolean)
    .join(' · ');
}
