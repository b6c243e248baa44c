import { z } from 'zod';
import { choice, entryId, imageSchema, reference, referenceList, sampleFlag } from './common.ts';
import { field } from './field.ts';

/** The three "pioneers" of the district plan, plus other. */
export const BRAND_CATEGORIES = {
  governance: '党建引领基层治理',
  'digital-economy': '数字经济发展',
  'high-quality': '高质量发展',
  other: '其他',
} as const;

/** Where a brand stands in the selection. */
export const BRAND_STATUSES = {
  submitted: '已申报',
  shortlisted: '入围',
  selected: '入选',
  featured: '重点推介',
} as const;

export type BrandCategory = keyof typeof BRAND_CATEGORIES;
export type BrandStatus = keyof typeof BRAND_STATUSES;

/** One headline number of a brand, e.g. 加装电梯 6 栋. */
export const keyFigureSchema = z.strictObject({
  /** What is counted. */
  label: field(z.string().min(2), { label: '指标名称', hint: '例如 加装电梯' }),
  /** The number itself. */
  value: field(z.number().nonnegative('数值不能为负数'), { label: '数值' }),
  /** Unit after the number, e.g. 栋, 户, 名. */
  unit: field(z.string().max(6, '单位最多 6 个字').default(''), {
    label: '单位',
    hint: '例如 栋、户、名',
  }),
});

/** A brand project (党建品牌): `content/brands/<street>/<id>.md`; the Markdown body is its story. */
export const brandSchema = (imageSrc?: z.ZodType) =>
  z.strictObject({
    /** ASCII id, equal to the file name. */
    id: entryId(),
    /** The brand's name, e.g. 毓秀阁. */
    title: field(z.string().min(2, '品牌名称至少 2 个字').max(30, '品牌名称最多 30 个字'), { label: '品牌名称' }),
    /** The street it belongs to; must match the folder it is filed in. */
    street: reference('所属街道', 'streets', '与文件所在的街道文件夹一致'),
    /** The Party organisation that runs the brand. */
    organisation: field(z.string().min(2), {
      label: '责任组织',
      hint: '例如 龙凤街道党工委',
    }),
    /** Which of the three pioneers it serves. */
    category: choice(BRAND_CATEGORIES, '品牌类别'),
    /** One line under the title. */
    tagline: field(z.string().min(4).max(40, '口号最多 40 个字'), {
      label: '一句话介绍',
    }),
    /** Two or three sentences for lists and sharing. */
    summary: field(z.string().min(20, '摘要至少 20 个字').max(200, '摘要最多 200 个字'), { label: '摘要' }),
    /** Cover picture. */
    cover: field(imageSchema(imageSrc).optional(), { label: '封面图' }),
    /** More pictures. */
    gallery: field(z.array(imageSchema(imageSrc)).default([]), {
      label: '图集',
    }),
    /** Free keywords (topics, companies, communities). */
    tags: field(z.array(z.string().min(1)).default([]), {
      label: '标签',
      hint: '例如 加装电梯、垃圾分类',
    }),
    /** The year the brand was launched or selected. */
    year: field(z.number().int().min(2000, '年份应在 2000 年之后').max(2100), {
      label: '年份',
    }),
    /** Selection status: the district's decision; an office files a new brand as submitted. */
    status: choice(BRAND_STATUSES, '遴选状态', { setBy: 'district', officeValues: ['submitted'] }),
    /** The call (征集令) it was selected in, if any. */
    round: field(z.string().optional(), {
      label: '遴选批次',
      hint: '征集令编号，例如 2022-first-round（由区级填写）',
      references: 'campaigns',
      setBy: 'district',
    }),
    /** Headline numbers. */
    figures: field(z.array(keyFigureSchema).default([]), { label: '关键数据' }),
    /** Demonstration sites run by this brand. */
    sites: referenceList('关联阵地', 'sites'),
    sample: sampleFlag(),
  });

export type Brand = z.infer<ReturnType<typeof brandSchema>>;
