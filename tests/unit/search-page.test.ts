import { describe, expect, it } from 'vitest';
import {
  brandRecord,
  campaignRecord,
  nameParts,
  shortExcerpt,
  siteRecord,
  streetRecord,
} from '../../src/lib/search/record.ts';
import { chooseExcerpt, highlight, NAME_PARTS_ANCHOR, safeExcerpt } from '../../src/lib/search/results.ts';
import { readState, type SearchState, toggleFilter, writeState } from '../../src/lib/search/state.ts';
import type { Brand, Campaign, Site, Street } from '../../src/schema/index.ts';

describe('nameParts', () => {
  it('gives every contiguous part of two or more characters', () => {
    expect(nameParts('毓秀阁').split(' ')).toEqual(['毓秀', '毓秀阁', '秀阁']);
  });

  it('finds any part: each 2-character part of a longer name is there', () => {
    const name = '科大讯飞华南党建红联';
    const parts = new Set(nameParts(name).split(' '));
    for (let start = 0; start + 2 <= name.length; start++) expect(parts.has(name.slice(start, start + 2))).toBe(true);
    expect(parts.has(name)).toBe(true);
  });

  it('does not span punctuation and keeps Latin and digits', () => {
    expect(nameParts('江湾社区“6+N”治理模式').split(' ')).not.toContain('区“');
    expect(nameParts('5G 智慧网格').split(' ')).toEqual(expect.arrayContaining(['5G', '智慧', '网格', '慧网']));
  });

  it('is empty for a one-character name', () => {
    expect(nameParts('阁')).toBe('');
  });
});

describe('shortExcerpt', () => {
  it('keeps a short text whole', () => {
    expect(shortExcerpt('数据多跑路，网格员少跑腿')).toBe('数据多跑路，网格员少跑腿');
  });

  it('cuts a long text at a clause near the end, with an ellipsis', () => {
    const text = `${'党员志愿服务'.repeat(10)}，${'居民议事'.repeat(10)}。`;
    const excerpt = shortExcerpt(text, 80);
    expect([...excerpt].length).toBeLessThanOrEqual(81);
    expect(excerpt.endsWith('…')).toBe(true);
  });
});

const street: Street = {
  id: 'binjiang',
  code: '440105005',
  name: '滨江街道',
  shortName: '滨江',
  point: { lng: 113.28, lat: 23.1 },
  intro: '滨江街道江湾社区探索“6+N”工作模式。',
};
const site: Site = {
  id: 'jiangwan-huayuan-dianti',
  name: '江湾花苑加装电梯示范点',
  type: 'demo-point',
  street: 'binjiang',
  community: '江湾社区',
  address: '海珠区滨江街道江湾花苑小区内',
  point: { lng: 113.28, lat: 23.1 },
  brands: [],
  photos: [],
  sample: true,
};
const brand: Brand = {
  id: 'jiangwan-6n',
  title: '江湾社区“6+N”治理模式',
  street: 'binjiang',
  organisation: '滨江街道江湾社区党组织',
  category: 'governance',
  tagline: '6 个网格连着 N 方力量',
  summary: '江湾社区约 2000 户居民，6 名专职社区工作者各管一个网格。',
  gallery: [],
  tags: [],
  year: 2022,
  status: 'featured',
  figures: [],
  sites: [],
  sample: false,
};

describe('search records', () => {
  it('give a brand its filters, including the communities of its sites', () => {
    const record = brandRecord(brand, street, [site, { ...site, community: undefined }]);
    expect(record.filters).toEqual({
      type: ['党建品牌'],
      street: ['滨江街道'],
      community: ['江湾社区'],
      category: ['党建引领基层治理'],
      year: ['2022'],
      status: ['重点推介'],
    });
    expect(record.meta).toMatchObject({ title: brand.title, type: '党建品牌', street: '滨江街道' });
    expect(record.meta.sample).toBeUndefined();
  });

  it('mark a sample site as such, with its community and type', () => {
    const record = siteRecord(site, street);
    expect(record.meta.sample).toBe('示例');
    expect(record.filters).toMatchObject({ type: ['示范阵地'], community: ['江湾社区'], sitetype: ['示范点'] });
    expect(record.meta.excerpt).toContain('江湾花苑小区内');
  });

  it('give a call its year', () => {
    const campaign = { title: '征集令', description: '说明'.repeat(20), opens: '2022-06-01', sample: false };
    expect(campaignRecord(campaign as Campaign).filters).toEqual({ type: ['征集令'], year: ['2022'] });
    expect(streetRecord(street).filters).toEqual({ type: ['街道'], street: ['滨江街道'] });
  });
});

describe('excerpts', () => {
  it('escape everything but <mark>', () => {
    expect(safeExcerpt('a <mark>b</mark> &lt;script&gt; <img src=x>')).toBe(
      'a <mark>b</mark> &lt;script&gt; &lt;img src=x&gt;',
    );
  });

  it('highlight query words in a plain summary, longest first, escaped', () => {
    expect(highlight('加装电梯 <b>', ['电梯', '加装电梯'])).toBe('<mark>加装电梯</mark> &lt;b&gt;');
    expect(highlight('AI 学习本', ['ai'])).toBe('<mark>AI</mark> 学习本');
  });

  const fragment = {
    url: '/brands/yuxiuge/',
    excerpt: '<mark>毓秀</mark> 毓秀阁 秀阁',
    meta: { title: '毓秀阁', excerpt: '毓秀阁是龙凤街道的品牌。' },
    sub_results: [
      { excerpt: '<mark>毓秀</mark>阁. 龙凤街道', weighted_locations: [{ balanced_score: 5 }], locations: [0] },
      {
        excerpt: '<mark>毓秀</mark> <mark>毓秀</mark>阁 秀阁',
        anchor: { id: NAME_PARTS_ANCHOR },
        weighted_locations: [{ balanced_score: 50 }],
        locations: [1, 2],
      },
    ],
  };

  it('never come from the hidden name parts', () => {
    expect(chooseExcerpt(fragment, ['毓秀'], true)).toBe('<mark>毓秀</mark>阁. 龙凤街道');
  });

  it('fall back to the summary when only the name parts matched, or there is no text', () => {
    const onlyNames = { ...fragment, sub_results: [fragment.sub_results[1] as (typeof fragment.sub_results)[1]] };
    expect(chooseExcerpt(onlyNames, ['毓秀'], true)).toBe('<mark>毓秀</mark>阁是龙凤街道的品牌。');
    expect(chooseExcerpt(fragment, [], false)).toBe('毓秀阁是龙凤街道的品牌。');
  });
});

describe('the address of a search', () => {
  const state: SearchState = { q: '加装电梯', selected: { street: ['江海街道'], type: ['党建品牌'] }, pages: 1 };

  it('round-trips through the query string', () => {
    const text = writeState(state);
    expect(text).toBe(
      `?${new URLSearchParams([
        ['q', '加装电梯'],
        ['type', '党建品牌'],
        ['street', '江海街道'],
      ])}`,
    );
    expect(readState(new URLSearchParams(text))).toEqual(state);
  });

  it('is empty for the empty search page', () => {
    expect(writeState({ q: '  ', selected: {}, pages: 1 })).toBe('');
    expect(readState(new URLSearchParams(''))).toEqual({ q: '', selected: {}, pages: 1 });
  });

  it('ignores unknown parameters, repeats and silly page counts, and cuts long queries', () => {
    const read = readState(new URLSearchParams(`q=${'党'.repeat(300)}&street=a&street=a&foo=1&pages=-3`));
    expect(read.q).toHaveLength(100);
    expect(read.selected).toEqual({ street: ['a'] });
    expect(read.pages).toBe(1);
    expect(readState(new URLSearchParams('pages=3')).pages).toBe(3);
  });

  it('toggles a filter on and off, back to the first page', () => {
    const on = toggleFilter({ ...state, pages: 3 }, 'year', '2022');
    expect(on.selected.year).toEqual(['2022']);
    expect(on.pages).toBe(1);
    const off = toggleFilter(on, 'year', '2022');
    expect(off.selected.year).toBeUndefined();
  });
});
