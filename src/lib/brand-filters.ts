import type { Brand, Street } from '../schema/index.ts';
import { BRAND_CATEGORIES, BRAND_STATUSES } from '../schema/index.ts';
import { sitePath } from './site/url.ts';

/** The ways the brand list can be narrowed; each value has its own static page, so filters work without JavaScript. */
export type FilterDimension = 'category' | 'status' | 'street' | 'year';

export interface FilterOption {
  value: string;
  label: string;
  count: number;
  href: string;
}

export interface FilterGroup {
  dimension: FilterDimension;
  label: string;
  options: FilterOption[];
}

type Brandish = { data: Pick<Brand, 'category' | 'status' | 'street' | 'year'> };
type Streetish = { id: string; data: Pick<Street, 'name'> };

const filterValue = (brand: Brandish, dimension: FilterDimension) => String(brand.data[dimension]);

/** A filter's page, under the base the site is served from. */
export const filterHref = (dimension: FilterDimension, value: string) => sitePath(`/brands/${dimension}/${value}/`);

/** Every filter value that has at least one brand, with its count, in a stable order. */
export function filterGroups(brands: readonly Brandish[], streets: readonly Streetish[]): FilterGroup[] {
  const count = (dimension: FilterDimension, value: string) =>
    brands.filter((brand) => filterValue(brand, dimension) === value).length;
  const group = (dimension: FilterDimension, label: string, values: [string, string][]): FilterGroup => ({
    dimension,
    label,
    options: values
      .map(([value, optionLabel]) => ({
        value,
        label: optionLabel,
        count: count(dimension, value),
        href: filterHref(dimension, value),
      }))
      .filter((option) => option.count > 0),
  });
  const years = [...new Set(brands.map((brand) => brand.data.year))].sort((a, b) => b - a);
  return [
    group('category', '品牌类别', Object.entries(BRAND_CATEGORIES)),
    group('status', '遴选状态', Object.entries(BRAND_STATUSES)),
    group(
      'street',
      '街道',
      streets.map((street) => [street.id, street.data.name]),
    ),
    group(
      'year',
      '年份',
      years.map((year) => [String(year), `${year}年`]),
    ),
  ];
}

/** The brands matching one filter value. */
export function applyFilter<T extends Brandish>(brands: readonly T[], dimension: FilterDimension, value: string): T[] {
  return brands.filter((brand) => filterValue(brand, dimension) === value);
}
