import { describe, expect, it } from 'vitest';
import { applyFilter, filterGroups } from '../../src/lib/brand-filters.ts';
import { buildCatalog, campaignPhase, type Item } from '../../src/lib/catalog.ts';
import { formatDate, formatDateRange, formatNumber } from '../../src/lib/format.ts';
import type { Brand, Campaign, Site, Street } from '../../src/schema/index.ts';

const item = <T>(id: string, data: T): Item<T> => ({ id, data, entry: undefined });

const street = (id: string, code: string, name: string) =>
  item<Street>(id, {
    id,
    code,
    name,
    shortName: name.replace('街道', ''),
    point: { lng: 113.3, lat: 23.1 },
    intro: '',
  });

const brand = (id: string, fields: Partial<Brand>) =>
  item<Brand>(id, {
    id,
    title: id,
    street: 'longfeng',
    organisation: '党工委',
    category: 'governance',
    tagline: '',
    summary: '',
    gallery: [],
    tags: [],
    year: 2022,
    status: 'selected',
    figures: [],
    sites: [],
    sample: false,
    ...fields,
  });

const site = (id: string, fields: Partial<Site>) =>
  item<Site>(id, {
    id,
    name: id,
    type: 'demo-point',
    street: 'longfeng',
    address: '地址',
    point: { lng: 113.3, lat: 23.1 },
    brands: [],
    photos: [],
    sample: true,
    ...fields,
  });

const campaign: Campaign = {
  id: 'c',
  title: '征集令',
  organiser: '区委组织部',
  description: '',
  opens: '2022-03-01',
  closes: '2022-03-31',
  eligibility: ['x'],
  rubric: [{ id: 'a', name: 'A', weight: 100, scale: 10 }],
  tasks: [],
  rankWithinTask: false,
  stages: [
    { stage: 'submission', start: '2022-03-01', end: '2022-03-31' },
    { stage: 'review', start: '2022-04-10', end: '2022-04-20' },
    { stage: 'result', start: '2022-05-01', end: '2022-05-01' },
  ],
  judges: [],
  blind: false,
  trimming: 'auto',
  resultsPublished: true,
  publishPanelScores: false,
  panelReleased: false,
  sample: false,
};

const catalog = buildCatalog({
  streets: [street('pazhou', '440105015', '琶洲街道'), street('longfeng', '440105009', '龙凤街道')],
  brands: [
    brand('b-governance', { sites: ['s1'] }),
    brand('a-digital', { street: 'pazhou', category: 'digital-economy', status: 'featured', year: 2023 }),
    brand('c-digital', { street: 'pazhou', category: 'digital-economy' }),
    brand('d-other', { street: 'pazhou', category: 'other', status: 'submitted' }),
  ],
  belts: [item('belt', { id: 'belt', name: '示范带', description: '', sample: false })],
  sites: [
    site('s1', {}),
    site('s2', { street: 'pazhou', brands: ['a-digital', 'b-governance'], belt: { belt: 'belt', order: 2 } }),
    site('s3', { street: 'pazhou', belt: { belt: 'belt', order: 1 } }),
  ],
  campaigns: [item('c', campaign)],
  submissions: [],
});

describe('buildCatalog', () => {
  it('orders streets by division code and brands by street, then name', () => {
    expect(catalog.streets.map((entry) => entry.id)).toEqual(['longfeng', 'pazhou']);
    expect(catalog.brands.map((entry) => entry.id)).toEqual(['b-governance', 'a-digital', 'c-digital', 'd-other']);
  });

  it('links brands and sites whichever side records the link', () => {
    expect(catalog.sitesOfBrand('b-governance').map((entry) => entry.id)).toEqual(['s1', 's2']);
    expect(catalog.brandsOfSite('s2').map((entry) => entry.id)).toEqual(['b-governance', 'a-digital']);
    expect(catalog.brandsOfSite('s1').map((entry) => entry.id)).toEqual(['b-governance']);
    expect(catalog.sitesOfBrand('d-other')).toEqual([]);
  });

  it('lists a belt’s stops in route order', () => {
    expect(catalog.beltStops('belt').map((entry) => entry.id)).toEqual(['s3', 's2']);
    expect(catalog.beltStops('unknown')).toEqual([]);
  });

  it('relates brands by category and street, never the brand itself', () => {
    const aDigital = catalog.brand('a-digital');
    expect(aDigital).toBeDefined();
    if (!aDigital) return;
    expect(catalog.relatedBrands(aDigital).map((entry) => entry.id)).toEqual(['c-digital', 'd-other']);
    expect(catalog.relatedBrands(aDigital, 1).map((entry) => entry.id)).toEqual(['c-digital']);
  });

  it('counts headline figures from content', () => {
    expect(catalog.figures()).toEqual({
      streets: 2,
      streetsWithBrands: 2,
      brands: 4,
      selectedBrands: 3,
      sites: 3,
      beltStops: 2,
    });
    expect(catalog.categoryCounts()).toEqual([
      { category: 'governance', count: 1 },
      { category: 'digital-economy', count: 2 },
      { category: 'high-quality', count: 0 },
      { category: 'other', count: 1 },
    ]);
    expect(catalog.featuredBrands().map((entry) => entry.id)).toEqual(['a-digital']);
  });
});

describe('campaignPhase', () => {
  it.each([
    ['2022-02-28', 'upcoming', '尚未开始'],
    ['2022-03-01', 'stage', '申报'],
    ['2022-03-31', 'stage', '申报'],
    ['2022-04-05', 'between', '进行中'],
    ['2022-04-15', 'stage', '专家评审'],
    ['2022-05-02', 'closed', '已结束'],
  ])('on %s is %s (%s)', (today, kind, label) => {
    expect(campaignPhase(campaign, today)).toMatchObject({ kind, label });
  });
});

describe('brand filters', () => {
  const groups = filterGroups(catalog.brands, catalog.streets);

  it('offer only values that have brands, with counts and static page links', () => {
    expect(groups.map((group) => group.dimension)).toEqual(['category', 'status', 'street', 'year']);
    expect(groups[0].options).toEqual([
      { value: 'governance', label: '党建引领基层治理', count: 1, href: '/brands/category/governance/' },
      { value: 'digital-economy', label: '数字经济发展', count: 2, href: '/brands/category/digital-economy/' },
      { value: 'other', label: '其他', count: 1, href: '/brands/category/other/' },
    ]);
    expect(groups[3].options.map((option) => option.label)).toEqual(['2023年', '2022年']);
  });

  it.each([
    ['category', 'digital-economy', ['a-digital', 'c-digital']],
    ['status', 'submitted', ['d-other']],
    ['street', 'longfeng', ['b-governance']],
    ['year', '2023', ['a-digital']],
  ] as const)('%s = %s keeps exactly the matching brands', (dimension, value, ids) => {
    expect(applyFilter(catalog.brands, dimension, value).map((entry) => entry.id)).toEqual(ids);
  });
});

describe('formatting', () => {
  it.each([
    [formatDate('2022-06-30'), '2022年6月30日'],
    [formatDateRange('2022-06-01', '2022-06-30'), '2022年6月1日至6月30日'],
    [formatDateRange('2022-12-20', '2023-01-10'), '2022年12月20日至2023年1月10日'],
    [formatDateRange('2022-06-01', '2022-06-01'), '2022年6月1日'],
    [formatNumber(1800000), '1,800,000'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});
