import { z } from 'zod';
import { choice, entryId, idSchema, isoDate, referenceList, sampleFlag } from './common.ts';
import { field } from './field.ts';

/** The stages every call goes through, in order. */
export const CAMPAIGN_STAGES = {
  submission: '申报',
  shortlist: '初审入围',
  review: '专家评审',
  publicity: '结果公示',
  result: '公布结果',
} as const;

export type CampaignStage = keyof typeof CAMPAIGN_STAGES;

/**
 * Whether the panel score drops one highest and one lowest judge's total
 * before averaging (去掉一个最高分和一个最低分), see src/lib/scoring.ts.
 */
export const TRIMMING_RULES = {
  auto: '有效评分达到 5 份时去掉一个最高分和一个最低分',
  none: '不去掉最高分和最低分，直接取平均',
  always: '有效评分达到 3 份即去掉一个最高分和一个最低分',
} as const;

export type TrimmingRule = keyof typeof TRIMMING_RULES;

/** One scoring criterion of a call's rubric. */
export const criterionSchema = z.strictObject({
  /** ASCII key used in reviews, e.g. impact. */
  id: field(idSchema, {
    label: '指标编号',
    hint: '评分表中使用的英文编号，例如 impact',
  }),
  /** Name, e.g. 治理成效. */
  name: field(z.string().min(2), { label: '指标名称' }),
  /** What judges look for. */
  description: field(z.string().optional(), { label: '评分说明' }),
  /** Share of the total, in percent; all weights sum to 100. */
  weight: field(z.number().positive('权重应大于 0').max(100), {
    label: '权重（%）',
    hint: '所有指标权重之和为 100',
  }),
  /** Highest score a judge may give on this criterion (lowest is 0). */
  scale: field(z.number().int().min(1).max(100).default(10), {
    label: '满分',
    hint: '评委打分范围 0 至满分',
  }),
});

/** A measurable result a task expects: what is counted, how many, in what unit. */
export const targetSchema = z.strictObject({
  /** What is counted, e.g. 加装电梯. */
  target: field(z.string().min(2), { label: '指标', hint: '计量的内容，例如 加装电梯' }),
  /** How many. */
  value: field(z.number().nonnegative('目标数值不能为负数'), { label: '目标数值' }),
  /** Unit, e.g. 台. */
  unit: field(z.string().min(1), { label: '单位', hint: '例如 台、个、%' }),
});

/**
 * One key task on a call's list (揭榜挂帅的榜单): the problem, the results
 * expected, how many Party organisations may take it up, and when it runs.
 */
export const taskSchema = z.strictObject({
  /** ASCII key sign-ups claim it by, e.g. elevator. */
  id: field(idSchema, { label: '任务编号', hint: '英文编号，例如 elevator；申报揭榜时填写它' }),
  /** Title, e.g. 老旧小区加装电梯. */
  title: field(z.string().min(2), { label: '任务名称' }),
  /** The problem the task is to solve. */
  problem: field(z.string().min(10, '问题描述至少 10 个字'), { label: '问题描述' }),
  /** Expected results, with measurable targets. */
  results: field(z.array(targetSchema).min(1, '至少写一项预期成效'), { label: '预期成效' }),
  /** How many Party organisations may take it up. */
  quota: field(z.number().int().min(1, '揭榜名额至少为 1'), { label: '揭榜名额' }),
  /** First day of the task. */
  start: field(isoDate, { label: '开始日期' }),
  /** Last day: commitments and milestones fall on or before it. */
  end: field(isoDate, { label: '完成日期' }),
});

export type Task = z.infer<typeof taskSchema>;

/** When one stage of a call runs. */
export const stageSchema = z.strictObject({
  stage: choice(CAMPAIGN_STAGES, '阶段'),
  /** First day. */
  start: field(isoDate, { label: '开始日期' }),
  /** Last day. */
  end: field(isoDate, { label: '结束日期' }),
});

/** A call for submissions (征集令): `content/campaigns/<id>.yaml`. */
export const campaignSchema = z.strictObject({
  /** ASCII id, equal to the file name, e.g. 2022-first-round. */
  id: entryId(),
  /** Title of the call. */
  title: field(z.string().min(4), { label: '征集令标题' }),
  /** Who issues it. */
  organiser: field(z.string().min(2), { label: '发布单位' }),
  /** What is called for and why (Markdown-free plain text). */
  description: field(z.string().min(20, '说明至少 20 个字'), {
    label: '征集说明',
  }),
  /** First day submissions are accepted. */
  opens: field(isoDate, { label: '开始日期' }),
  /** Last day submissions are accepted. */
  closes: field(isoDate, { label: '截止日期' }),
  /** Who may apply, one condition per item. */
  eligibility: field(z.array(z.string().min(2)).min(1, '至少写一条申报条件'), {
    label: '申报条件',
  }),
  /** Scoring criteria; weights sum to 100. A call with a list of tasks may leave it out (src/lib/calls/tasks.ts). */
  rubric: field(z.array(criterionSchema).default([]), {
    label: '评分标准',
  }),
  /** The list of key tasks organisations take up (揭榜挂帅), if the call has one. */
  tasks: field(z.array(taskSchema).default([]), {
    label: '揭榜任务',
    hint: '揭榜挂帅的任务清单；没有任务的征集令留空',
  }),
  /** Whether the ranking is computed within each task (the best claim of each), not across the call. */
  rankWithinTask: field(z.boolean().default(false), {
    label: '按任务分别排名',
    hint: '勾选后，评审得分在每个揭榜任务内分别排名',
  }),
  /** Timeline, in order. */
  stages: field(z.array(stageSchema).min(1), { label: '时间安排' }),
  /** Judges on the panel (ids in content/judges). Private: the panel may be blind. */
  judges: field(referenceList('评审专家', 'judges'), { label: '评审专家', private: true }),
  /** Whether the results (publicity notice, then the final list) are public. */
  resultsPublished: field(z.boolean().default(false), {
    label: '公布结果',
    hint: '勾选后公开公示名单和最终结果',
  }),
  /**
   * Whether the judges on the panel may see the whole panel: the other judges, their scores and
   * comments, the panel scores and the ranking (each judge's review site shows only the judge's own
   * until then). The district releases it, usually once the review stage is over.
   */
  panelReleased: field(z.boolean().default(false), {
    label: '向评委公开评审情况',
    hint: '勾选后，评委在评审网站上可以看到其他评委的代号、打分和评语，以及评审得分和排名；未勾选时每位评委只看到自己的评分',
    setBy: 'district',
  }),
  /** Blind review: the judges' pages hide each applicant's street and organisation, and mask them in the material. */
  blind: field(z.boolean().default(false), {
    label: '匿名评审',
    hint: '勾选后，评审网站的评委页面不显示申报街道和申报单位，材料中提到的这些名称替换为“××”；附件文件请自行检查',
  }),
  /** How the panel score treats the extremes; auto follows the usual rule for panels of five or more. */
  trimming: field(choice(TRIMMING_RULES, '去掉最高分和最低分').default('auto'), {
    label: '去掉最高分和最低分',
    hint: 'auto：有效评分达到 5 份时各去掉一个；none：不去掉；always：有效评分达到 3 份即各去掉一个',
  }),
  /** Whether the published results show each listed project's panel score and rank (never judges' own scores or comments). */
  publishPanelScores: field(z.boolean().default(false), {
    label: '公开评审得分',
    hint: '勾选后，公布结果时同时公开入选项目的评审得分和名次；评委个人打分和评语始终不公开',
  }),
  /** How to raise an objection during the publicity period (公示): who receives it, how, by when. Public. */
  objection: field(z.string().min(10, '异议受理方式至少 10 个字').optional(), {
    label: '异议受理方式',
    hint: '公示期间如何反映异议：受理单位、电话或邮箱、截止时间',
  }),
  /** How many projects were selected, when the call selected more than are filed here. */
  selectedCount: field(z.number().int().nonnegative().optional(), {
    label: '入选数量',
  }),
  sample: sampleFlag(),
});

export type Campaign = z.infer<typeof campaignSchema>;
