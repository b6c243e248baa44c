import { z } from 'zod';
import { BRAND_CATEGORIES } from './brands.ts';
import { choice, entryId, isoDate, reference, sampleFlag } from './common.ts';
import { field } from './field.ts';

export const SUBMISSION_STAGES = {
  draft: '草稿',
  submitted: '已提交',
  eligible: '资格审核通过',
  shortlisted: '入围',
  selected: '入选',
  'not-selected': '未入选',
} as const;

export type SubmissionStage = keyof typeof SUBMISSION_STAGES;

/** A file attached to a sign-up. */
export const attachmentSchema = z.strictObject({
  /** What the file is. */
  title: field(z.string().min(2), { label: '附件名称' }),
  /** Path relative to the entry file. */
  file: field(z.string().min(1), { label: '文件' }),
});

/** A target the claiming organisation commits to: what, how many, in what unit, by when. */
export const commitmentSchema = z.strictObject({
  /** What is counted, e.g. 加装电梯. */
  target: field(z.string().min(2), { label: '承诺指标' }),
  /** How many. */
  value: field(z.number().nonnegative('承诺数值不能为负数'), { label: '承诺数值' }),
  /** Unit, e.g. 台. */
  unit: field(z.string().min(1), { label: '单位' }),
  /** When it is to be reached. */
  date: field(isoDate, { label: '完成日期' }),
});

/** A dated step of the plan. */
export const milestoneSchema = z.strictObject({
  date: field(isoDate, { label: '日期' }),
  title: field(z.string().min(2), { label: '节点内容' }),
});

/** A sign-up taking up one of the call's tasks (揭榜), with its leader in charge (挂帅). */
export const claimSchema = z.strictObject({
  /** The task's id on the call's list. */
  task: field(z.string().min(1, '请填写揭榜任务的编号'), { label: '揭榜任务', hint: '征集令任务清单中的任务编号' }),
  /** The leader's position, e.g. 街道党工委书记. Public; the leader's name is a private detail (contacts.ts). */
  leaderPosition: field(z.string().min(2), { label: '挂帅人职务', hint: '例如 街道党工委书记；公开' }),
  /** Targets, each with a number, a unit and a date. */
  commitments: field(z.array(commitmentSchema).min(1, '至少写一项承诺目标'), { label: '承诺目标' }),
  /** Steps of the plan, in order. */
  milestones: field(z.array(milestoneSchema).default([]), { label: '工作节点' }),
});

export type Claim = z.infer<typeof claimSchema>;

/**
 * A sign-up to a call: `content/submissions/<campaign>/<street>/<id>.md`; the body is the full description.
 * Its private details (who to call) are not here but in the district repository (contacts.ts).
 */
export const submissionSchema = z.strictObject({
  /** ASCII id, equal to the file name. */
  id: entryId(),
  /** The call it answers; must match its folder. */
  campaign: reference('征集令', 'campaigns', '与文件所在的征集令文件夹一致'),
  /** The applying street; must match its folder. */
  street: reference('申报街道', 'streets', '与文件所在的街道文件夹一致'),
  /** The applying Party organisation. */
  organisation: field(z.string().min(2), { label: '申报单位' }),
  /** Proposed brand name. */
  title: field(z.string().min(2).max(30), { label: '品牌名称' }),
  category: choice(BRAND_CATEGORIES, '品牌类别'),
  /** Two or three sentences. */
  summary: field(z.string().min(20, '摘要至少 20 个字').max(300), {
    label: '摘要',
  }),
  /** Supporting files. */
  attachments: field(z.array(attachmentSchema).default([]), { label: '附件' }),
  /** Date the sign-up was submitted. */
  submitted: field(isoDate.optional(), { label: '提交日期' }),
  /** Where the sign-up stands: the office drafts and submits it, the district moves it on after each check. */
  stage: choice(SUBMISSION_STAGES, '申报阶段', {
    hint: '街道可选草稿或已提交；之后的阶段由区级在每轮审核后修改',
    setBy: 'district',
    officeValues: ['draft', 'submitted'],
  }),
  /** The brand entry it became once selected. */
  brand: field(z.string().min(1).optional(), {
    label: '对应品牌',
    hint: '入选后由区级填写对应的品牌编号',
    references: 'brands',
    setBy: 'district',
  }),
  /** The task it takes up, when the call has a list of tasks. */
  claim: field(claimSchema.optional(), { label: '揭榜' }),
  sample: sampleFlag(),
});

export type Submission = z.infer<typeof submissionSchema>;
