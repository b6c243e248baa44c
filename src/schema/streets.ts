import { z } from 'zod';
import { entryId, pointSchema } from './common.ts';
import { field } from './field.ts';

/** One of Haizhu District's 18 streets (街道): `content/streets/<id>.yaml`. */
export const streetSchema = z.strictObject({
  /** ASCII id, equal to the file name (e.g. longfeng). */
  id: entryId(),
  /** National statistical division code, 440105001–440105018. */
  code: field(z.string().regex(/^440105\d{3}$/, '应为 9 位统计用区划代码，以 440105 开头，例如 440105009'), {
    label: '区划代码',
    hint: '统计用区划代码，例如 440105009',
  }),
  /** Full name, e.g. 龙凤街道. */
  name: field(z.string().regex(/街道$/, '街道全称应以“街道”结尾，例如 龙凤街道'), { label: '街道名称' }),
  /** Short name used in running text and search, e.g. 龙凤. */
  shortName: field(z.string().min(1), { label: '简称', hint: '例如 龙凤' }),
  /** Where the street is centred on the map (approximate, not official). */
  point: field(pointSchema, {
    label: '位置',
    hint: '地图上街道的中心位置（WGS-84）',
  }),
  /** The street office's public address; left out until the office confirms it. */
  officeAddress: field(z.string().min(4, '请填写完整的街道办事处地址').optional(), { label: '办公地址' }),
  /** The street office's public switchboard number; left out until the office confirms it. */
  officePhone: field(
    z
      .string()
      .regex(/^[0-9()\-\s]{7,20}$/, '电话只能包含数字、括号、空格和连字符，例如 020-12345678')
      .optional(),
    {
      label: '办公电话',
      hint: '对外公开的办公电话，例如 020-12345678',
    },
  ),
  /** A short introduction of the street and its Party-building work. */
  intro: field(z.string().min(10, '简介至少 10 个字'), { label: '简介' }),
});

export type Street = z.infer<typeof streetSchema>;
