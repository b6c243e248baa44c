import { z } from 'zod';
import { choice, entryId, imageSchema, isoDate, reference, sampleFlag } from './common.ts';
import { field } from './field.ts';

/** The district's acceptance of a progress report (验收). */
export const ACCEPTANCE = {
  passed: '通过',
  rectify: '需整改',
} as const;

export type Acceptance = keyof typeof ACCEPTANCE;

/** A figure reported against one of the claim's commitments. */
export const figureSchema = z.strictObject({
  /** Which commitment, by its position in the claim's list (from 1). */
  commitment: field(z.number().int().min(1, '承诺序号从 1 开始'), {
    label: '承诺序号',
    hint: '对应申报中第几项承诺目标，从 1 开始',
  }),
  /** The figure reached so far (cumulative). */
  value: field(z.number().nonnegative('完成数值不能为负数'), { label: '累计完成', hint: '截至报告日期的累计数' }),
});

/**
 * A progress report (进展) on a claimed task, filed by the claiming office:
 * `content/progress/<campaign>/<street>/<id>.md`; the body is the report's text.
 */
export const progressSchema = (imageSrc?: z.ZodType) =>
  z.strictObject({
    /** ASCII id, equal to the file name. */
    id: entryId(),
    /** The call; must match its folder. */
    campaign: reference('征集令', 'campaigns', '与文件所在的征集令文件夹一致'),
    /** The reporting street; must match its folder. */
    street: reference('报告街道', 'streets', '与文件所在的街道文件夹一致'),
    /**
     * The claiming sign-up. Not a declared reference: the generic check would suggest
     * any street's sign-up id, and src/lib/calls/tasks.ts looks within the street only.
     */
    submission: field(z.string().min(1, '请填写揭榜申报的编号'), { label: '揭榜申报', hint: '本街道揭榜申报的编号' }),
    /** Date of the report. */
    date: field(isoDate, { label: '报告日期' }),
    /** Figures against the commitments. */
    figures: field(z.array(figureSchema).default([]), { label: '完成情况' }),
    /** Pictures of the work. */
    photos: field(z.array(imageSchema(imageSrc)).default([]), {
      label: '照片',
      hint: '上传到本条目旁的 images 文件夹',
    }),
    /** The district's acceptance; offices leave it out. */
    acceptance: field(choice(ACCEPTANCE, '验收').optional(), {
      label: '验收',
      hint: '由区级验收后填写',
      setBy: 'district',
    }),
    sample: sampleFlag(),
  });

export type Progress = z.infer<ReturnType<typeof progressSchema>>;
