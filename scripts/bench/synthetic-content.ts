/**
 * Synthetic content for the build benchmark: a valid content tree of any size,
 * shaped like the real one (the 18 real streets, brands filed per street with a
 * Markdown story, two sites per brand linked both ways, one belt, the real
 * campaign if there is one), so `npm run bench` measures the real pipeline
 * (validator, content layer, Markdown, every page type) at 1,000 and 10,000 brands.
 *
 * Deliberately no images: image optimisation is a per-picture cost that Astro
 * caches between builds and that would swamp the page pipeline we want to see.
 * The figures therefore show the cost of pages, not of pictures.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { DISTRICT_BOUNDS as BOX } from '../../src/lib/geo.ts';
import { BRAND_CATEGORIES, BRAND_STATUSES, SITE_TYPES as SITE_TYPE_LABELS } from '../../src/schema/index.ts';

/** What was written, to check against the pages built. */
export interface SyntheticSummary {
  streets: number;
  brands: number;
  sites: number;
  belts: number;
  campaigns: number;
  /** Entry files written or copied. */
  files: number;
}

export interface SyntheticOptions {
  /** How many brands; twice as many sites are written. */
  brands: number;
  /** The real content folder, for its streets and campaign. */
  sourceDir: string;
  /** Seed of the pseudo-random choices, so every run writes the same tree. */
  seed?: number;
}

/** Id of the one generated belt. */
export const BENCH_BELT = 'bench-belt';
/** How many sites are stops of that belt: enough for a real belt page, few enough not to matter. */
export const BELT_STOPS = 12;

const CATEGORIES = Object.keys(BRAND_CATEGORIES);
const STATUSES = Object.keys(BRAND_STATUSES);
/** Every site type but belt-stop, which only the belt's stops get. */
const SITE_TYPES = Object.keys(SITE_TYPE_LABELS).filter((type) => type !== 'belt-stop');
const NAME_WORDS = ['红棉', '先锋', '同心', '暖心', '聚力', '初心', '邻里', '江畔', '数智', '匠心', '连心', '青年'];
const NAME_ENDS = ['驿站', '工作室', '联盟', '家园', '议事厅', '服务队', '课堂', '阵地', '书屋', '会客厅'];
const TAGS = ['加装电梯', '垃圾分类', '老旧小区改造', '志愿服务', '数字经济', '青年党员', '楼宇党建', '社区议事'];
const FIGURE_LABELS: [string, string][] = [
  ['服务群众', '人次'],
  ['志愿者', '名'],
  ['解决问题', '件'],
  ['加装电梯', '栋'],
];
const SENTENCES = [
  '街道党工委以党建引领基层治理，把党组织建在小区、楼栋和商圈，让党员在家门口亮身份、作表率。',
  '项目坚持问题导向，围绕群众急难愁盼，建立“收集、议事、办理、反馈”的闭环机制，推动小事不出社区。',
  '社区党委联合辖区企业、学校和社会组织，组建共建联盟，整合场地、资金和志愿服务资源。',
  '每周固定开展党员志愿服务，为老年人、困难家庭和新就业群体提供上门服务和政策咨询。',
  '通过线上议事群和线下议事厅相结合，居民的意见建议得到及时回应，邻里关系更加融洽。',
  '在琶洲数字经济发展中，楼宇党组织牵头组织企业交流，帮助中小企业解决用工和融资难题。',
  '品牌项目注重培养青年骨干，定期开展主题党日、红色教育和业务培训，形成可复制的经验做法。',
  '下一步，街道将持续总结提炼，推动品牌从“盆景”变“风景”，在更大范围发挥示范带动作用。',
];

interface StreetInfo {
  id: string;
  name: string;
  shortName: string;
  point: { lng: number; lat: number };
}

/** Writes the content tree into `dir` (which should be empty) and says what it wrote. */
export function writeSyntheticContent(dir: string, options: SyntheticOptions): SyntheticSummary {
  const random = mulberry32(options.seed ?? 20_240_601);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const streets = copyStreets(options.sourceDir, dir);
  if (streets.length === 0) throw new Error(`no street files in ${join(options.sourceDir, 'streets')}`);
  const campaign = copyCampaign(options.sourceDir, dir);

  writeFile(
    join(dir, 'belts', `${BENCH_BELT}.yaml`),
    stringify({
      id: BENCH_BELT,
      name: '基准测试示范带',
      description: '性能测试生成的示范带，由前几个阵地依次组成。',
      sample: true,
    }),
  );

  const pad = (n: number) => String(n).padStart(5, '0');
  let stop = 0;
  for (let index = 1; index <= options.brands; index++) {
    const street = streets[(index - 1) % streets.length] as StreetInfo;
    const id = `brand-${pad(index)}`;
    const siteIds = [`site-${pad(index)}-a`, `site-${pad(index)}-b`];
    const name = `${pick(NAME_WORDS)}${pick(NAME_ENDS)}`;
    const status = pick(STATUSES);
    const [figureLabel, figureUnit] = pick(FIGURE_LABELS);
    const frontmatter = {
      id,
      title: `${street.shortName}${name}${index}号`,
      street: street.id,
      organisation: `${street.name}党工委`,
      category: pick(CATEGORIES),
      tagline: `${street.shortName}${name}，党建引领共建共享`,
      summary: `${street.name}打造的“${name}”党建品牌，把党组织服务延伸到小区楼栋，聚焦群众身边的小事实事，推动基层治理提质增效。`,
      tags: [pick(TAGS), pick(TAGS)].filter((tag, position, all) => all.indexOf(tag) === position),
      year: 2018 + Math.floor(random() * 8),
      status,
      ...(campaign && (status === 'selected' || status === 'featured') ? { round: campaign } : {}),
      figures: [{ label: figureLabel, value: Math.floor(random() * 5000), unit: figureUnit }],
      sites: siteIds,
      sample: true,
    };
    const paragraphs = Array.from({ length: 2 + Math.floor(random() * 2) }, () =>
      Array.from({ length: 3 }, () => pick(SENTENCES)).join(''),
    );
    paragraphs[0] = `**${name}**是${street.name}的基层党建品牌。${paragraphs[0]}`;
    writeFile(
      join(dir, 'brands', street.id, `${id}.md`),
      `---\n${stringify(frontmatter)}---\n\n${paragraphs.join('\n\n')}\n`,
    );

    siteIds.forEach((siteId, position) => {
      const onBelt = stop < BELT_STOPS;
      if (onBelt) stop++;
      const site = {
        id: siteId,
        name: `${name}${position === 0 ? '党群服务站' : '示范点'}${index}`,
        type: onBelt ? 'belt-stop' : pick(SITE_TYPES),
        street: street.id,
        community: `${street.shortName}第${1 + (index % 9)}社区`,
        address: `广州市海珠区${street.shortName}路${index}号`,
        point: jitter(street.point, random),
        hours: '周一至周五 9:00–17:30',
        brands: [id],
        ...(onBelt ? { belt: { belt: BENCH_BELT, order: stop } } : {}),
        sample: true,
      };
      writeFile(join(dir, 'sites', street.id, `${siteId}.yaml`), stringify(site));
    });
  }

  const campaigns = campaign ? 1 : 0;
  return {
    streets: streets.length,
    brands: options.brands,
    sites: options.brands * 2,
    belts: 1,
    campaigns,
    files: streets.length + 1 + campaigns + options.brands * 3,
  };
}

/** Copies the real street files unchanged; they are few and the pages must match the real ones. */
function copyStreets(sourceDir: string, dir: string): StreetInfo[] {
  const from = join(sourceDir, 'streets');
  mkdirSync(join(dir, 'streets'), { recursive: true });
  return readdirSync(from)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      copyFileSync(join(from, name), join(dir, 'streets', name));
      return parse(readFileSync(join(from, name), 'utf8')) as StreetInfo;
    });
}

/**
 * Copies the first real campaign, if any, without its judges: judges are
 * private files the benchmark does not generate, and a dangling reference
 * would fail validation.
 */
function copyCampaign(sourceDir: string, dir: string): string | undefined {
  const from = join(sourceDir, 'campaigns');
  if (!existsSync(from)) return undefined;
  const name = readdirSync(from)
    .filter((file) => file.endsWith('.yaml'))
    .sort()[0];
  if (!name) return undefined;
  const data = parse(readFileSync(join(from, name), 'utf8')) as Record<string, unknown>;
  data.judges = [];
  writeFile(join(dir, 'campaigns', name), stringify(data));
  return String(data.id);
}

/** A point near the street's centre (about ±1 km), kept inside the district box (DISTRICT_BOUNDS without its padding). */
function jitter(point: { lng: number; lat: number }, random: () => number) {
  const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
  return {
    lng: Number(clamp(point.lng + (random() - 0.5) * 0.02, BOX.west, BOX.east).toFixed(5)),
    lat: Number(clamp(point.lat + (random() - 0.5) * 0.02, BOX.south, BOX.north).toFixed(5)),
  };
}

function writeFile(path: string, text: string) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

/** A small seeded PRNG: the same seed gives the same content, so runs compare like with like. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
