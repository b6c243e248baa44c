import { describe, expect, it } from 'vitest';
import { type Bar, barPercent, computeStats, describeBars, type StatsInput } from '../../src/lib/stats.ts';

const base: StatsInput = {
  streets: [
    { id: 'a', name: '甲街' },
    { id: 'b', name: '乙街' },
  ],
  brands: [],
  sites: [],
  campaigns: [
    { id: 'r1', title: '第一批' },
    { id: 'r2', title: '第二批' },
  ],
  categories: { governance: '治理', other: '其他' },
  siteTypes: { centre: '中心', point: '示范点' },
};

const brand = (street: string, category: string, status = 'submitted', round?: string) => ({
  street,
  category,
  status,
  round,
});
const counts = (bars: Bar[]) => bars.map((bar) => `${bar.label}:${bar.count}`);

describe('computeStats', () => {
  it.each([
    {
      name: 'no content',
      brands: [],
      sites: [],
      street: ['甲街:0', '乙街:0'],
      category: ['治理:0', '其他:0'],
      type: [],
      round: [],
    },
    {
      name: 'brands in one street',
      brands: [brand('a', 'governance'), brand('a', 'other')],
      sites: [],
      street: ['甲街:2', '乙街:0'],
      category: ['治理:1', '其他:1'],
      type: [],
      round: [],
    },
    {
      name: 'only selected and featured brands count in a round',
      brands: [
        brand('a', 'governance', 'selected', 'r1'),
        brand('b', 'governance', 'featured', 'r1'),
        brand('b', 'other', 'shortlisted', 'r2'),
        brand('b', 'other', 'selected'),
      ],
      sites: [],
      street: ['甲街:1', '乙街:3'],
      category: ['治理:2', '其他:2'],
      type: [],
      round: ['第一批:2'],
    },
    {
      name: 'site types in label order, empty types left out',
      brands: [],
      sites: [{ type: 'point' }, { type: 'point' }, { type: 'unknown' }],
      street: ['甲街:0', '乙街:0'],
      category: ['治理:0', '其他:0'],
      type: ['示范点:2'],
      round: [],
    },
  ])('$name', ({ brands, sites, street, category, type, round }) => {
    const stats = computeStats({ ...base, brands, sites });
    expect(counts(stats.brandsPerStreet)).toEqual(street);
    expect(counts(stats.brandsPerCategory)).toEqual(category);
    expect(counts(stats.sitesPerType)).toEqual(type);
    expect(counts(stats.selectionsPerRound)).toEqual(round);
    expect(stats.totals).toEqual({ brands: brands.length, sites: sites.length });
  });
});

describe('barPercent', () => {
  const bars = [
    { key: 'a', label: 'A', count: 4 },
    { key: 'b', label: 'B', count: 1 },
    { key: 'c', label: 'C', count: 0 },
  ];
  it.each([
    [bars[0], 100],
    [bars[1], 25],
    [bars[2], 0],
  ])('%o is %d%% of the largest', (bar, percent) => {
    expect(barPercent(bars, bar)).toBe(percent);
  });
  it('is 0 when every count is 0', () => {
    expect(barPercent([bars[2]], bars[2])).toBe(0);
  });
});

describe('describeBars', () => {
  it('reads every bar in order', () => {
    expect(
      describeBars(
        '品牌数',
        [
          { key: 'a', label: '甲街', count: 2 },
          { key: 'b', label: '乙街', count: 0 },
        ],
        '个',
      ),
    ).toBe('品牌数：甲街 2 个，乙街 0 个。');
  });
});
