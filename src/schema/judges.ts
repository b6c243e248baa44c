import { z } from 'zod';
import { entryId, referenceList } from './common.ts';
import { field } from './field.ts';

/** A judge: `content/judges/<id>.yaml`. The whole collection is private. */
export const judgeSchema = z.strictObject({
  /** ASCII id, equal to the file name; private like every judge field (it is often the judge's name in pinyin). */
  id: entryId({ private: true }),
  /** How the judge is named where identities are hidden, e.g. 评审专家A. */
  code: field(z.string().min(2), {
    label: '评委代号',
    hint: '例如 评审专家A',
    private: true,
  }),
  /** Real name. */
  name: field(z.string().min(2), { label: '姓名', private: true }),
  /** Employer or institution. */
  affiliation: field(z.string().min(2), { label: '工作单位', private: true }),
  /** Streets the judge has a conflict of interest with (ids). */
  conflicts: field(referenceList('回避街道', 'streets', '有利益关联、需要回避的街道'), {
    label: '回避街道',
    private: true,
  }),
});

export type Judge = z.infer<typeof judgeSchema>;
