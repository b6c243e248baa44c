/**
 * The spreadsheets' columns, one table per collection a spreadsheet can fill
 * (sign-ups, sites, brands), derived from the schemas: each column's header is
 * the field's Chinese label, its hint the field's hint, its choices the
 * schema's label table. The same tables make the downloadable templates (with
 * their 填写说明 sheet), the campaign page's instructions and the importer's
 * header matching, so a field renamed in src/schema/ is renamed everywhere.
 */
import { z } from 'zod';
import {
  BRAND_CATEGORIES,
  BRAND_STATUSES,
  type CollectionName,
  fieldInfo,
  SITE_TYPES,
  SUBMISSION_STAGES,
  schemaOf,
  taskSchema,
} from '../../schema/index.ts';
import { schemaAt } from '../issues.ts';
import { DATUM_LABELS, type Datum } from '../map/datum.ts';

export interface Column {
  /** Dotted field path, `body` for the Markdown body, or `datum` for the coordinates' system. */
  key: string;
  /** Chinese header, from the schema's label. */
  label: string;
  hint?: string;
  /** Whether a row must fill it in. */
  required: boolean;
  kind: 'text' | 'date' | 'choice' | 'street' | 'body' | 'number' | 'list' | 'boolean' | 'datum' | 'targets';
  /** Allowed values (key → Chinese label) of a choice column. */
  choices?: Readonly<Record<string, string>>;
  /** Used when the cell is empty. */
  fallback?: string;
  /** Left out of the template: the district sets it, or the importer is told it (default: in the template). */
  template?: false;
  /** How to fix what the validator finds in this column, when its own advice is the editor's. */
  fix?: string;
  /** A list of ids of this collection, which may be written as their names. */
  references?: CollectionName;
  /**
   * `contacts`: the cell goes to the sign-up's private details in the district repository
   * (`contacts/<campaign>/<street>/<id>.yaml`), not to the sign-up every office can read.
   */
  collection?: 'contacts';
}

/** What a spreadsheet can fill: a collection's entries, or a call's list of tasks (`tasks`). */
export type SheetCollection = 'submissions' | 'sites' | 'brands' | 'progress' | 'tasks';

export interface SheetSpec {
  /** The collection whose files the rows become (or, with `list`, whose one entry they go into). */
  target: CollectionName;
  /**
   * Rows are the items of one list field of one existing entry (a call's tasks), not files of their own:
   * `entry` names the folder field whose value (given on the command line) is that entry's id.
   */
  list?: { field: string; entry: string };
  /** The shape of one row's data (the entry's schema, or the list item's). */
  shape: () => z.ZodObject;
  /** An id for a row that has none, from its other fields (when its title is not the way to make one). */
  idOf?: (data: Record<string, unknown>) => string | undefined;
  /** Turns the row's cells, set by column key, into the data the schema stores. */
  toData?: (data: Record<string, unknown>) => Record<string, unknown>;
  /** The column a validator field path of the row's data belongs to, when the column keys do not say it. */
  columnOf?: (field: string, data: Record<string, unknown>) => string | undefined;
  /** What one row is, in Chinese (申报, 阵地, 品牌). */
  noun: string;
  /** The workbook's data sheet (the template names it so, the importer reads it first). */
  sheetName: string;
  /** The field a row's id is made from when it has none. */
  titleKey: string;
  columns: readonly Column[];
  /** The template's file name under the site (a link, and the README, use it). */
  templatePath: string;
}

function fromSchema(
  collection: CollectionName | z.ZodObject,
  key: string,
  kind: Column['kind'],
  extra: Partial<Column> = {},
) {
  const schema = schemaAt(typeof collection === 'string' ? schemaOf(collection) : collection, key.split('.'));
  const info = schema ? fieldInfo.get(schema) : undefined;
  const optional = schema instanceof z.ZodOptional || schema instanceof z.ZodDefault;
  return {
    key,
    label: info?.label ?? key,
    ...(info?.hint ? { hint: info.hint } : {}),
    required: !optional && extra.fallback === undefined,
    kind,
    ...(kind === 'choice' && info?.choices ? { choices: info.choices } : {}),
    ...(info?.references && kind === 'list' ? { references: info.references } : {}),
    ...(collection === 'contacts' ? { collection } : {}),
    ...extra,
  } satisfies Column;
}

/** A Markdown body column: optional, the text after the entry's fields. */
const bodyColumn = (label: string, hint: string): Column => ({
  key: 'body',
  label,
  hint,
  required: false,
  kind: 'body',
});

const ID_HINT = '可不填：按名称自动生成（例如 毓秀阁 → yuxiuge，重名时加 -2）；填写时只能用小写英文字母、数字和连字符';
const STREET_HINT = '街道名称（例如 龙凤街道、龙凤街 或 龙凤）或街道编号（例如 longfeng）';
const LIST_HINT = '多个时用顿号“、”或逗号分隔';
const PRIVATE_HINT = '不公开：区级导入到只有区级能读取的区级仓库，街道办和评委都看不到';
const SAMPLE_HINT = '填“是”表示没有公开资料依据的示例内容（页面会显示“示例”）；留空即否';

/** The coordinates' system of a row: what people write for each (AMap and Tencent show GCJ-02, Baidu BD-09). */
export const DATUM_NAMES: Record<Datum, readonly string[]> = {
  wgs84: ['wgs-84', 'wgs84', 'wgs 84', 'cgcs2000', 'gps', '天地图', '大地2000'],
  gcj02: ['gcj-02', 'gcj02', 'gcj 02', '高德', '高德地图', '腾讯', '腾讯地图', '火星坐标'],
  bd09: ['bd-09', 'bd09', 'bd 09', '百度', '百度地图'],
};

const datumColumn: Column = {
  key: 'datum',
  label: '坐标系',
  hint: '经纬度从哪里来：WGS-84（天地图、GPS）、GCJ-02（从高德、腾讯地图复制的）或 BD-09（从百度地图复制的），导入时统一换算为 WGS-84',
  required: true,
  kind: 'datum',
  choices: Object.fromEntries(
    (Object.keys(DATUM_LABELS) as Datum[]).map((datum) => [datum, DATUM_LABELS[datum]] as const),
  ),
};

/**
 * Sign-ups: `content/submissions/<campaign>/<street>/<id>.md`, and their contact in the district repository.
 * `campaign` is optional when the importer is told the call.
 */
export const SUBMISSION_COLUMNS: readonly Column[] = [
  fromSchema('submissions', 'id', 'text', { required: false, hint: `${ID_HINT}；同一征集令内不能重复` }),
  fromSchema('submissions', 'street', 'street', { hint: STREET_HINT }),
  fromSchema('submissions', 'organisation', 'text'),
  fromSchema('submissions', 'title', 'text', { hint: '2 至 30 个字' }),
  fromSchema('submissions', 'category', 'choice', { choices: BRAND_CATEGORIES }),
  fromSchema('submissions', 'summary', 'text', { hint: '20 至 300 个字' }),
  // The district imports the sheet: these two go to its own repository, which no office and no judge can read.
  fromSchema('contacts', 'name', 'text', { hint: PRIVATE_HINT }),
  fromSchema('contacts', 'phone', 'text', { hint: `${PRIVATE_HINT}；只能包含数字、括号、空格、加号和连字符` }),
  fromSchema('submissions', 'submitted', 'date', { hint: '格式 2026-10-14，可留空' }),
  // The district moves a sign-up on, not the applicant: an imported sign-up is 已提交 unless the sheet says otherwise.
  fromSchema('submissions', 'stage', 'choice', {
    choices: SUBMISSION_STAGES,
    fallback: 'submitted',
    hint: '留空即“已提交”',
    template: false,
  }),
  bodyColumn('申报材料', '项目简介、主要做法、成效等，可分段；可使用 Markdown（## 小标题、- 列表）'),
  fromSchema('submissions', 'campaign', 'text', {
    required: false,
    hint: '征集令编号；导入时已指定征集令的可不填',
    template: false,
  }),
];

/** Demonstration sites: `content/sites/<street>/<id>.yaml`. Photos and a belt are added in the editor. */
export const SITE_COLUMNS: readonly Column[] = [
  fromSchema('sites', 'id', 'text', { required: false, hint: ID_HINT }),
  fromSchema('sites', 'name', 'text', { hint: '例如 龙凤街党群服务中心' }),
  fromSchema('sites', 'type', 'choice', { choices: SITE_TYPES }),
  fromSchema('sites', 'street', 'street', { hint: STREET_HINT }),
  fromSchema('sites', 'community', 'text'),
  fromSchema('sites', 'address', 'text', { hint: '照实填写，例如 海珠区宝业路 45 号' }),
  fromSchema('sites', 'point.lng', 'number', {
    hint: '例如 113.2613（东经）',
    fix: '检查“经度”“纬度”两列是否填反，以及“坐标系”是否写明坐标来自哪个地图',
  }),
  fromSchema('sites', 'point.lat', 'number', {
    hint: '例如 23.0990（北纬）',
    fix: '检查“经度”“纬度”两列是否填反，以及“坐标系”是否写明坐标来自哪个地图',
  }),
  datumColumn,
  fromSchema('sites', 'hours', 'text'),
  fromSchema('sites', 'brands', 'list', { hint: `本街道品牌的名称或编号；${LIST_HINT}` }),
  fromSchema('sites', 'sample', 'boolean', { hint: SAMPLE_HINT }),
];

/** Brand projects: `content/brands/<street>/<id>.md`. Pictures, key figures and the selection are added later. */
export const BRAND_COLUMNS: readonly Column[] = [
  fromSchema('brands', 'id', 'text', { required: false, hint: ID_HINT }),
  fromSchema('brands', 'title', 'text', { hint: '2 至 30 个字，例如 毓秀阁' }),
  fromSchema('brands', 'street', 'street', { hint: STREET_HINT }),
  fromSchema('brands', 'organisation', 'text'),
  fromSchema('brands', 'category', 'choice', { choices: BRAND_CATEGORIES }),
  fromSchema('brands', 'tagline', 'text', { hint: '4 至 40 个字' }),
  fromSchema('brands', 'summary', 'text', { hint: '20 至 200 个字' }),
  fromSchema('brands', 'year', 'number', { hint: '品牌创建或入选的年份，例如 2022' }),
  fromSchema('brands', 'tags', 'list', { hint: `例如 加装电梯、垃圾分类；${LIST_HINT}` }),
  fromSchema('brands', 'sites', 'list', { hint: `阵地的名称或编号；${LIST_HINT}` }),
  bodyColumn('品牌故事', '正文，可分段；可使用 Markdown（## 小标题、- 列表）'),
  fromSchema('brands', 'sample', 'boolean', { hint: SAMPLE_HINT }),
  // The district's decisions: read when the district's sheet has them, never in the offices' template.
  fromSchema('brands', 'status', 'choice', {
    choices: BRAND_STATUSES,
    fallback: 'submitted',
    hint: '留空即“已申报”',
    template: false,
  }),
  fromSchema('brands', 'round', 'text', { template: false }),
];

/** How many commitments a progress sheet has a column for (a claim rarely has more). */
export const FIGURE_COLUMNS = 5;

/**
 * Progress reports on claimed tasks: `content/progress/<campaign>/<street>/<id>.md`, one row per report,
 * one column per commitment of the claim (承诺1累计完成 …). Photos and the district's 验收 are added later.
 */
export const PROGRESS_COLUMNS: readonly Column[] = [
  fromSchema('progress', 'id', 'text', { required: false, hint: '可不填：按申报编号和报告日期生成' }),
  fromSchema('progress', 'street', 'street', { hint: STREET_HINT }),
  fromSchema('progress', 'submission', 'text'),
  fromSchema('progress', 'date', 'date', { hint: '格式 2026-09-30' }),
  ...Array.from({ length: FIGURE_COLUMNS }, (_, index) => ({
    key: `figures.${index + 1}`,
    label: `承诺${index + 1}累计完成`,
    hint: `申报中第 ${index + 1} 项承诺目标截至报告日期的累计完成数；没有这一项的留空`,
    required: false,
    kind: 'number' as const,
  })),
  bodyColumn('进展情况', '本期做了什么、遇到的问题和下一步打算，可分段'),
  fromSchema('progress', 'sample', 'boolean', { hint: SAMPLE_HINT }),
  fromSchema('progress', 'campaign', 'text', {
    required: false,
    hint: '征集令编号；导入时已指定征集令的可不填',
    template: false,
  }),
  fromSchema('progress', 'acceptance', 'choice', { template: false }),
];

/** A call's tasks (揭榜挂帅的任务清单), one row per task, into the call's file. */
export const TASK_COLUMNS: readonly Column[] = [
  fromSchema(taskSchema, 'id', 'text', { required: false, hint: `${ID_HINT}；申报揭榜时填写它` }),
  fromSchema(taskSchema, 'title', 'text', { hint: '例如 老旧小区加装电梯' }),
  fromSchema(taskSchema, 'problem', 'text', { hint: '至少 10 个字' }),
  fromSchema(taskSchema, 'results', 'targets', {
    hint: '每项写作“指标 数值 单位”，例如 加装电梯 20 台；多项用“；”分隔',
    fix: '每项写作“指标 数值 单位”，例如 加装电梯 20 台；多项用“；”分隔',
  }),
  fromSchema(taskSchema, 'quota', 'number', { hint: '可揭榜的党组织个数，例如 2' }),
  fromSchema(taskSchema, 'start', 'date', { hint: '格式 2026-04-21' }),
  fromSchema(taskSchema, 'end', 'date', { hint: '格式 2026-12-31' }),
];

/** Figures set by column (figures.2 → 140) as the list the schema stores, by commitment. */
function figuresList(data: Record<string, unknown>): Record<string, unknown> {
  const byColumn = (data.figures ?? {}) as Record<string, unknown>;
  const figures = Object.entries(byColumn)
    .map(([commitment, value]) => ({ commitment: Number(commitment), value }))
    .sort((a, b) => a.commitment - b.commitment);
  return { ...data, figures };
}

export const SHEETS: Record<SheetCollection, SheetSpec> = {
  submissions: {
    target: 'submissions',
    shape: () => schemaOf('submissions'),
    noun: '申报',
    sheetName: '申报',
    titleKey: 'title',
    columns: SUBMISSION_COLUMNS,
    templatePath: '/campaigns/submission-template',
  },
  sites: {
    target: 'sites',
    shape: () => schemaOf('sites'),
    noun: '阵地',
    sheetName: '阵地',
    titleKey: 'name',
    columns: SITE_COLUMNS,
    templatePath: '/admin/site-template',
  },
  brands: {
    target: 'brands',
    shape: () => schemaOf('brands'),
    noun: '品牌',
    sheetName: '品牌',
    titleKey: 'title',
    columns: BRAND_COLUMNS,
    templatePath: '/admin/brand-template',
  },
  progress: {
    target: 'progress',
    shape: () => schemaOf('progress'),
    noun: '进展报告',
    sheetName: '进展',
    titleKey: 'submission',
    columns: PROGRESS_COLUMNS,
    templatePath: '/admin/progress-template',
    idOf: ({ submission, date }) =>
      typeof submission === 'string' && typeof date === 'string' ? `${submission}-${date}` : undefined,
    toData: figuresList,
    // figures[1] is the second figure filled in, which may be commitment 3: its column says which.
    columnOf: (field, data) => {
      const index = /^figures\[(\d+)\]/.exec(field)?.[1];
      const figure = index === undefined ? undefined : (data.figures as { commitment?: number }[])[Number(index)];
      return figure ? `figures.${figure.commitment}` : undefined;
    },
  },
  tasks: {
    target: 'campaigns',
    list: { field: 'tasks', entry: 'campaign' },
    shape: () => taskSchema,
    noun: '揭榜任务',
    sheetName: '揭榜任务',
    titleKey: 'title',
    columns: TASK_COLUMNS,
    templatePath: '/admin/task-template',
  },
};

/** A template's columns: all but those the district sets or the importer is told. */
export const templateColumns = (collection: SheetCollection): Column[] =>
  SHEETS[collection].columns.filter((column) => column.template !== false);

/** The sign-up template's columns (the campaign page lists them). */
export const TEMPLATE_COLUMNS = templateColumns('submissions');

/** What to write in a cell of a choice column, for instructions. */
export function describeChoices(column: Column): string | undefined {
  if (!column.choices) return undefined;
  if (column.kind === 'datum') return 'WGS-84、GCJ-02、BD-09（也可写 高德、腾讯、百度）';
  return Object.entries(column.choices)
    .map(([key, label]) => `${label}（${key}）`)
    .join('、');
}

/** The header row and an instructions table (column, required, how to fill in) for a template. */
export function templateSheets(collection: SheetCollection = 'submissions'): {
  sheetName: string;
  header: string[];
  instructions: string[][];
} {
  const columns = templateColumns(collection);
  return {
    sheetName: SHEETS[collection].sheetName,
    header: columns.map((column) => column.label),
    instructions: [
      ['列名', '是否必填', '填写说明'],
      ...columns.map((column) => [
        column.label,
        column.required ? '必填' : '选填',
        [column.hint, describeChoices(column) && `可填：${describeChoices(column)}`].filter(Boolean).join('；'),
      ]),
    ],
  };
}
