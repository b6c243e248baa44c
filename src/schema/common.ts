import { z } from 'zod';
import { DISTRICT_BOUNDS, isInsideDistrict } from '../lib/geo.ts';
import { type CollectionKey, type FieldInfo, field } from './field.ts';

/** ASCII ids keep file names and URLs stable; Chinese titles are labels, not keys. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const idSchema = z.string().regex(ID_PATTERN, '只能使用小写英文字母、数字和连字符（例如 yu-xiu-ge）');

/** The entry's own id; it must equal its file name so links and the CMS agree. */
export const entryId = (extra: Pick<FieldInfo, 'private'> = {}) =>
  field(idSchema, {
    label: '编号',
    hint: '小写英文字母、数字和连字符，与文件名一致，保存后不要修改',
    ...extra,
  });

/**
 * A reference to another entry by id. Only its presence is checked here: the
 * validator resolves it and, when it is wrong, suggests the id meant (from a
 * typo or a Chinese name written in its place).
 */
export const reference = (label: string, references: CollectionKey, hint?: string) =>
  field(z.string().min(1, `请填写${label}的编号`), { label, hint, references });

/** A list of references to entries of one collection. */
export const referenceList = (label: string, references: CollectionKey, hint?: string) =>
  field(z.array(z.string().min(1)).default([]), { label, hint, references });

/** Calendar dates are kept as YYYY-MM-DD strings (YAML parsers disagree on turning them into Dates). */
export const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD，例如 2022-06-30', abort: true })
    .refine(isRealDate, '不是有效的日期'),
);

/** Date.parse rolls 2022-02-30 over to 2022-03-02; only a date that round-trips is real. */
function isRealDate(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

const pad = DISTRICT_BOUNDS.padding;
/** A bound for a message: 113.216, not 113.21600000000001. */
const bound = (value: number) => Number(value.toFixed(6));

/** A WGS-84 (CGCS2000) point inside Haizhu District's padded box. */
export const pointSchema = z
  .strictObject({
    /** Longitude, east. */
    lng: field(z.number(), {
      label: '经度',
      hint: 'WGS-84/CGCS2000 经度，海珠区约 113.24–113.42',
    }),
    /** Latitude, north. */
    lat: field(z.number(), {
      label: '纬度',
      hint: 'WGS-84/CGCS2000 纬度，海珠区约 23.05–23.12',
    }),
  })
  .superRefine((point, ctx) => {
    if (isInsideDistrict(point)) return;
    const swapped = isInsideDistrict({ lng: point.lat, lat: point.lng });
    ctx.addIssue({
      code: 'custom',
      message: swapped
        ? `坐标 (${point.lng}, ${point.lat}) 不在海珠区内，经度和纬度可能写反了（请对调 lng 与 lat）`
        : `坐标 (${point.lng}, ${point.lat}) 不在海珠区范围内（经度 ${bound(DISTRICT_BOUNDS.west - pad)}–${bound(DISTRICT_BOUNDS.east + pad)}，纬度 ${bound(DISTRICT_BOUNDS.south - pad)}–${bound(DISTRICT_BOUNDS.north + pad)}）；经度和纬度可能写反了，或坐标来自高德/百度而未转换为 WGS-84`,
    });
  });

/** An image path as written in the file: relative to the entry, e.g. images/yuxiuge-cover.svg. */
export const imagePath = z.string().min(1, '请选择图片');

/**
 * An image stored in the repository, with the text a screen reader reads
 * instead. `src` is a plain path for the validator (which checks the file
 * exists) and Astro's `image()` in the content collections (which optimises it).
 */
export const imageSchema = (src: z.ZodType = imagePath) =>
  z.strictObject({
    /** Path relative to the entry file. */
    src: field(src, { label: '图片', hint: '上传到本条目旁的 images 文件夹' }),
    /** Alternative text: what the picture shows, for people who cannot see it. */
    alt: field(z.string().min(2, '请用一句话描述图片内容（供读屏软件朗读）'), {
      label: '图片说明',
      hint: '一句话描述图片内容，供视障人士的读屏软件朗读',
    }),
  });

/** Marks content that is illustrative, not a documented fact; the page shows 示例. */
export const sampleFlag = () =>
  field(z.boolean().default(false), {
    label: '示例内容',
    hint: '没有公开资料依据的内容须勾选，页面会显示“示例”标记',
  });

/** Choices stored as ASCII keys, shown by their Chinese labels. */
export function choice<const T extends Record<string, string>>(
  labels: T,
  label: string,
  info: Omit<FieldInfo, 'label' | 'officeValues' | 'choices'> & { officeValues?: readonly (keyof T & string)[] } = {},
) {
  const keys = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
  return field(
    z.enum(keys, {
      error: () => `应为以下之一：${keys.map((key) => `${key}（${labels[key]}）`).join('、')}`,
    }),
    { label, choices: labels, ...info },
  );
}
