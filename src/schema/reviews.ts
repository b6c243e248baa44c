import { z } from 'zod';
import { reference } from './common.ts';
import { field } from './field.ts';

/**
 * One judge's review of one submission:
 * `content/reviews/<campaign>/<judge>/<submission>.yaml`. Private.
 */
export const reviewSchema = z.strictObject({
  /** The reviewing judge; must match the folder. */
  judge: field(reference('评委', 'judges'), { label: '评委', private: true }),
  /** The submission reviewed; must match the file name. */
  // Not a collection-wide reference: a submission id means something only within its campaign's folder.
  submission: field(z.string().min(1, '请填写申报项目的编号'), {
    label: '申报项目',
    private: true,
  }),
  /** A score per rubric criterion id, from 0 to the criterion's scale. */
  scores: field(z.record(z.string(), z.number()).default({}), {
    label: '评分',
    hint: '每个评分指标一个分数，范围 0 至该指标满分',
    private: true,
  }),
  /** Free comment. */
  comment: field(z.string().default(''), { label: '评语', private: true }),
  /** The judge declares a conflict of interest and abstains. */
  conflict: field(z.boolean().default(false), {
    label: '申报回避',
    hint: '与该项目有利益关联时勾选，此时不打分',
    private: true,
  }),
});

export type Review = z.infer<typeof reviewSchema>;
