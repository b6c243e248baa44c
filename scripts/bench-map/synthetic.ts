/**
 * A synthetic public catalog of any size for the map benchmark, shaped like
 * the real content: the 18 real streets (read from content/streets), one brand
 * per two sites, sites scattered around their street's point inside the
 * district box, one demonstration belt of 12 stops. Names, ids and addresses
 * vary the way real ones do (words, road names, house numbers), so the data
 * compresses about as well as real data would, not better.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildCatalog, type Item } from '../../src/lib/catalog.ts';
import { DISTRICT_BOUNDS as BOX } from '../../src/lib/geo.ts';
import { type Belt, BRAND_CATEGORIES, type Brand, SITE_TYPES, type Site, type Street } from '../../src/schema/index.ts';
import { BELT_STOPS, BENCH_BELT, mulberry32 } from '../bench/synthetic-content.ts';

const WORDS = [
  '红棉',
  '先锋',
  '同心',
  '暖心',
  '聚力',
  '初心',
  '邻里',
  '江畔',
  '数智',
  '匠心',
  '连心',
  '青年',
  '启航',
  '和美',
];
const PLACES = ['党群服务站', '示范点', '红色驿站', '党建阵地', '议事厅', '书屋', '会客厅', '工作室', '服务中心'];
const ROADS = [
  '新港东路',
  '江南大道',
  '昌岗路',
  '工业大道',
  '南洲路',
  '广州大道南',
  '艺苑路',
  '革新路',
  '宝岗大道',
  '滨江路',
];
const PINYIN = [
  'hongmian',
  'xianfeng',
  'tongxin',
  'nuanxin',
  'juli',
  'chuxin',
  'linli',
  'jiangpan',
  'shuzhi',
  'jiangxin',
];

export function readStreets(contentDir: string): Item<Street>[] {
  const dir = join(contentDir, 'streets');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => {
      const data = parse(readFileSync(join(dir, name), 'utf8')) as Street;
      return { id: data.id, data, entry: undefined };
    });
}

/** A catalog of `count` sites (and count / 2 brands) on the real streets. */
export function syntheticCatalog(count: number, streets: Item<Street>[], seed = 20_260_601) {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const categories = Object.keys(BRAND_CATEGORIES) as Brand['category'][];
  const types = (Object.keys(SITE_TYPES) as Site['type'][]).filter((type) => type !== 'belt-stop');
  const brands: Item<Brand>[] = [];
  const sites: Item<Site>[] = [];
  const belts: Item<Belt>[] = [
    {
      id: BENCH_BELT,
      data: { id: BENCH_BELT, name: '基准测试示范带', description: '性能测试生成的示范带。', sample: true },
      entry: undefined,
    },
  ];
  const brandCount = Math.ceil(count / 2);
  for (let b = 0; b < brandCount; b++) {
    const street = streets[b % streets.length] as Item<Street>;
    const word = pick(WORDS);
    const id = `${street.id}-${pick(PINYIN)}-${b + 1}`;
    brands.push({
      id,
      data: {
        id,
        title: `${street.data.shortName}${word}${b + 1}`,
        street: street.id,
        organisation: `${street.data.name}党工委`,
        category: pick(categories),
        tagline: '党建引领共建共享',
        summary: '基准测试生成的品牌。',
        gallery: [],
        tags: [],
        year: 2022,
        status: 'selected',
        figures: [],
        sites: [],
        sample: true,
      },
      entry: undefined,
    });
  }
  for (let s = 0; s < count; s++) {
    const brand = brands[Math.floor(s / 2)] as Item<Brand>;
    const street = streets.find((item) => item.id === brand.data.street) as Item<Street>;
    const onBelt = s < BELT_STOPS;
    const id = `${brand.id}-${s % 2 === 0 ? 'a' : 'b'}`;
    // Spread over ±0.015° around the street point (about ±1.5 km), inside the box.
    const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
    const point = onBelt
      ? { lng: 113.34 + s * 0.003, lat: 23.1 + (s % 3) * 0.001 }
      : {
          lng: Number(clamp(street.data.point.lng + (random() - 0.5) * 0.03, BOX.west, BOX.east).toFixed(6)),
          lat: Number(clamp(street.data.point.lat + (random() - 0.5) * 0.03, BOX.south, BOX.north).toFixed(6)),
        };
    sites.push({
      id,
      data: {
        id,
        name: `${pick(WORDS)}${pick(PLACES)}${1 + Math.floor(random() * 999)}`,
        type: onBelt ? 'belt-stop' : pick(types),
        street: street.id,
        address: `海珠区${pick(ROADS)}${1 + Math.floor(random() * 1500)}号`,
        point,
        brands: [brand.id],
        photos: [],
        ...(onBelt ? { belt: { belt: BENCH_BELT, order: s + 1 } } : {}),
        sample: true,
      },
      entry: undefined,
    });
  }
  return buildCatalog({ streets, brands, belts, sites, campaigns: [], submissions: [] });
}
