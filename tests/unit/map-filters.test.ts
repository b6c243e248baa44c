import { describe, expect, it } from 'vitest';
import {
  applyFilters,
  describeFilters,
  filtersFromForm,
  filtersToQuery,
  isEmpty,
  parseFilters,
} from '../../src/lib/map/map-filters.ts';

const known = {
  streets: ['longfeng', 'pazhou'],
  types: ['service-centre', 'red-station', 'belt-stop'],
  categories: ['governance', 'digital-economy'],
  belts: ['pazhou-digital-belt'],
};

const sites = [
  { id: 'a', street: 'longfeng', type: 'service-centre', categories: ['governance'] },
  {
    id: 'b',
    street: 'pazhou',
    type: 'belt-stop',
    categories: ['digital-economy'],
    belt: { id: 'pazhou-digital-belt' },
  },
  { id: 'c', street: 'pazhou', type: 'red-station', categories: ['governance', 'digital-economy'] },
  { id: 'd', street: 'pazhou', type: 'service-centre', categories: [] },
];

describe('map filters and the address', () => {
  it('read known values from the query and ignore unknown ones', () => {
    expect(parseFilters('?street=pazhou&type=red-station&category=governance&belt=pazhou-digital-belt', known)).toEqual(
      {
        street: 'pazhou',
        type: 'red-station',
        category: 'governance',
        belt: 'pazhou-digital-belt',
      },
    );
    expect(parseFilters('street=nowhere&type=castle&category=&belt=x&other=1', known)).toEqual({});
    expect(parseFilters(new URLSearchParams('street=longfeng'), known)).toEqual({ street: 'longfeng' });
  });

  it('write the query in a fixed order, and nothing when no filter is set', () => {
    expect(filtersToQuery({ belt: 'pazhou-digital-belt', street: 'pazhou' })).toBe(
      '?street=pazhou&belt=pazhou-digital-belt',
    );
    expect(filtersToQuery({})).toBe('');
  });

  it('round-trip through the address', () => {
    const filters = {
      street: 'pazhou',
      type: 'belt-stop',
      category: 'digital-economy',
      belt: 'pazhou-digital-belt',
    } as const;
    expect(parseFilters(filtersToQuery(filters), known)).toEqual(filters);
  });

  it('read a form, where empty means all', () => {
    const form = new URLSearchParams('street=&type=service-centre&category=&belt=');
    expect(filtersFromForm(form, known)).toEqual({ type: 'service-centre' });
    expect(isEmpty(filtersFromForm(new URLSearchParams(''), known))).toBe(true);
  });

  it('narrow the sites by street, type, category (any of a site’s brands) and belt', () => {
    const ids = (filters: Parameters<typeof applyFilters>[1]) => applyFilters(sites, filters).map((site) => site.id);
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ street: 'pazhou' })).toEqual(['b', 'c', 'd']);
    expect(ids({ street: 'pazhou', type: 'service-centre' })).toEqual(['d']);
    expect(ids({ category: 'governance' })).toEqual(['a', 'c']);
    expect(ids({ belt: 'pazhou-digital-belt' })).toEqual(['b']);
    expect(ids({ street: 'longfeng', belt: 'pazhou-digital-belt' })).toEqual([]);
  });

  it('describe themselves in Chinese for the result count', () => {
    const labels: Record<string, string> = { pazhou: '琶洲街道', 'red-station': '红色驿站' };
    expect(describeFilters({ street: 'pazhou', type: 'red-station' }, (_, value) => labels[value])).toBe(
      '琶洲街道 · 红色驿站',
    );
    expect(describeFilters({}, () => 'x')).toBe('');
  });
});
