/**
 * The sign-up spreadsheet's columns, derived from the submission schema: each
 * column's header is the field's Chinese label, its hint the field's hint.
 * The same list makes the downloadable template, the campaign page's
 * instructions and the importer's header matching.
 */
import { z } from 'zod';
import { BRAND_CATEGORIES, fieldInfo, SUBMISSION_STAGES, schemaOf } from '../../schema/index.ts';
import { schemaAt } from '../issues.ts';

export interface Column {
  /** Dotted field path, or `body` for the Markdown body. */
  key: string;
  /** Chinese header, from the schema's label. */
  label: string;
  hint?: string;
  /** Whether a row must fill it in. */
  required: boolean;
  kind: 'text' | 'date' | 'choice' | 'street' | 'body';
  /** Allowed values (key → Chinese label) of a choice column. */
  choices?: Readonly<Record<string, string>>;
  /** Used when the cell is empty. */
  fallback?: string;
}

const submissionSchema = schemaOf('submissions');

function fromSchema(key: string, kind: Column['kind'], extra: Partial<Column> = {}): Column {
  const schema = schemaAt(submissionSchema, key.split('.'));
  const info = schema ? fieldInfo.get(schema) : undefined;
  const optional = schema instanceof z.ZodOptional || schema instanceof z.ZodDefault;
  return {
    key,
    label: info?.label ?? key,
    hint: info?.hint,
    required: !optional && extra.fallback === undefined,
    kind,
    ...extra,
  };
}

/** Columns in template order. `campaign` is optional when the importer is told the call. */
export const SUBMISSION_COLUMNS: readonly Column[] = [
  fromSchema('id', 'text', { hint: '小写英文字母、数字和连字符，例如 hongse-wuye-2026；同一征集令内不能重复' }),
  fromSchema('street', 'street', { hint: '街道编号（例如 longfeng）或街道名称（例如 龙凤街道）' }),
  fromSchema('organisation', 'text'),
  fromSchema('title', 'text', { hint: '2 至 30 个字' }),
  fromSchema('category', 'choice', { choices: BRAND_CATEGORIES }),
  fromSchema('summary', 'text', { hint: '20 至 300 个字' }),
  fromSchema('contact.name', 'text', { hint: '不公开' }),
  fromSchema('contact.phone', 'text', { hint: '不公开；只能包含数字、括号、空格、加号和连字符' }),
  fromSchema('submitted', 'date', { hint: '格式 2026-10-14，可留空' }),
  fromSchema('stage', 'choice', { choices: SUBMISSION_STAGES, fallback: 'submitted', hint: '留空即“已提交”' }),
  {
    key: 'body',
    label: '申报材料',
    hint: '项目简介、主要做法、成效等，可分段；可使用 Markdown（## 小标题、- 列表）',
    required: false,
    kind: 'body',
  },
  fromSchema('campaign', 'text', { required: false, hint: '征集令编号；导入时已指定征集令的可不填' }),
];

/**
 * Template columns: all but the campaign (given when importing) and the stage, which the district
 * moves on, not the applicant (an imported sign-up is 已提交; the importer still reads a 申报阶段 column).
 */
export const TEMPLATE_COLUMNS = SUBMISSION_COLUMNS.filter(
  (column) => column.key !== 'campaign' && column.key !== 'stage',
);

/** What to write in a cell of a choice column, for instructions. */
export function describeChoices(column: Column): string | undefined {
  if (!column.choices) return undefined;
  return Object.entries(column.choices)
    .map(([key, label]) => `${label}（${key}）`)
    .join('、');
}

/** The header row and an instructions table (column, required, how to fill in) for a template. */
export function templateSheets(): { header: string[]; instructions: string[][] } {
  return {
    header: TEMPLATE_COLUMNS.map((column) => column.label),
    instructions: [
      ['列名', '是否必填', '填写说明'],
      ...TEMPLATE_COLUMNS.map((column) => [
        column.label,
        column.required ? '必填' : '选填',
        [column.hint, describeChoices(column) && `可填：${describeChoices(column)}`].filter(Boolean).join('；'),
      ]),
    ],
  };
}
