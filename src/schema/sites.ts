import { z } from 'zod';
import { choice, entryId, imageSchema, pointSchema, reference, referenceList, sampleFlag } from './common.ts';
import { field } from './field.ts';

export const SITE_TYPES = {
  'service-centre': '党群服务中心',
  'demo-point': '示范点',
  'red-station': '红色驿站',
  enterprise: '企业党建阵地',
  'belt-stop': '示范带站点',
  other: '其他阵地',
} as const;

export type SiteType = keyof typeof SITE_TYPES;

/** A site's place on a demonstration belt route. */
export const beltStopSchema = z.strictObject({
  /** Which belt. */
  belt: reference('示范带', 'belts'),
  /** Position along the route, from 1. */
  order: field(z.number().int().min(1, '站点顺序从 1 开始'), {
    label: '站点顺序',
  }),
});

/** A demonstration site (阵地): `content/sites/<street>/<id>.yaml`. */
export const siteSchema = (imageSrc?: z.ZodType) =>
  z.strictObject({
    /** ASCII id, equal to the file name. */
    id: entryId(),
    /** Name shown on the map and the page. */
    name: field(z.string().min(2), { label: '阵地名称' }),
    /** Kind of site; sets its colour on the map. */
    type: choice(SITE_TYPES, '阵地类型'),
    /** The street it belongs to; must match its folder. */
    street: reference('所属街道', 'streets', '与文件所在的街道文件夹一致'),
    /** The community (社区) it is in. */
    community: field(z.string().optional(), {
      label: '所在社区',
      hint: '例如 江湾社区',
    }),
    /** Street address. */
    address: field(z.string().min(4, '请填写地址'), { label: '地址' }),
    /** Location on the map. */
    point: field(pointSchema, {
      label: '位置',
      hint: 'WGS-84 坐标；高德、腾讯、百度坐标请用地图选点框转换',
    }),
    /** Opening hours, free text. */
    hours: field(z.string().optional(), {
      label: '开放时间',
      hint: '例如 周一至周五 9:00–17:30',
    }),
    /** Brands that run or use this site. */
    brands: referenceList('关联品牌', 'brands'),
    /** Membership of a demonstration belt route: the district designates the belt and its stops. */
    belt: field(beltStopSchema.optional(), { label: '示范带', hint: '由区级指定', setBy: 'district' }),
    /** Pictures of the site. */
    photos: field(z.array(imageSchema(imageSrc)).default([]), {
      label: '照片',
    }),
    sample: sampleFlag(),
  });

export type Site = z.infer<ReturnType<typeof siteSchema>>;
