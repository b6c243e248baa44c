import { z } from 'zod';
import { idSchema, reference } from './common.ts';
import { field } from './field.ts';

/**
 * A sign-up's private details: `contacts/<campaign>/<street>/<submission>.yaml` in the district
 * repository (DISTRICT_CONTENT_DIR), which no street office and no judge can read. A sign-up in the
 * offices' repository would show them to every office; in the review repository, to judges (and in a
 * blind call a contact names the applicant). The district fills these files from the sign-up sheet
 * each office sends (`npm run import:submissions`).
 */
export const contactSchema = z.strictObject({
  /** The sign-up these details belong to; must match the file name. */
  // Private like every field here: the file as a whole is the district's alone.
  submission: field(idSchema, { label: '申报编号', hint: '与文件名一致：申报文件的编号', private: true }),
  /** The sign-up's call; must match its folder. */
  campaign: field(reference('征集令', 'campaigns', '与文件所在的征集令文件夹一致'), { label: '征集令', private: true }),
  /** The applying street; must match its folder. */
  street: field(reference('申报街道', 'streets', '与文件所在的街道文件夹一致'), { label: '申报街道', private: true }),
  /** The person the district calls about the sign-up. */
  name: field(z.string().min(2), { label: '联系人', private: true }),
  /** Their phone number. */
  phone: field(z.string().regex(/^[0-9()\-\s+]{7,20}$/, '电话只能包含数字、括号、空格、加号和连字符'), {
    label: '联系电话',
    private: true,
  }),
  /** A claim's leader in charge (挂帅): the position is public on the sign-up, the name only here. */
  leaderName: field(z.string().min(2).optional(), {
    label: '挂帅人姓名',
    hint: '揭榜的申报填写：挂帅人的姓名（职务写在申报里）',
    private: true,
  }),
});

export type Contact = z.infer<typeof contactSchema>;
