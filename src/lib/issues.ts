import { z } from 'zod';
import { fieldInfo } from '../schema/field.ts';
import { nearest } from './suggest.ts';

/** A schema problem in the terms of the person editing the file. */
export interface DescribedIssue {
  path: PropertyKey[];
  field: string;
  message: string;
  fix: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是/否（true 或 false）',
  array: '列表（每项一行，以“- ”开头）',
  object: '一组字段',
  record: '一组字段',
  date: '日期',
};

/**
 * Chinese messages for zod's built-in checks. Passed per parse so that the
 * messages written in the schemas win, and nothing global is changed.
 */
export const chineseMessages: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? '缺少必填内容'
        : `应为${TYPE_NAMES[issue.expected] ?? issue.expected}，实际是${describeValue(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'string') return `至少 ${issue.minimum} 个字`;
      if (issue.origin === 'array') return `至少 ${issue.minimum} 项`;
      return `不能小于 ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `最多 ${issue.maximum} 个字`;
      if (issue.origin === 'array') return `最多 ${issue.maximum} 项`;
      return `不能大于 ${issue.maximum}`;
    case 'invalid_format':
      return '格式不正确';
    default:
      return undefined;
  }
};

function describeValue(value: unknown): string {
  if (value === null) return '空值';
  if (Array.isArray(value)) return '列表';
  if (typeof value === 'string') return `文字“${value}”`;
  if (typeof value === 'object') return '一组字段';
  return `${typeof value === 'number' ? '数字' : typeof value === 'boolean' ? '是/否' : typeof value} ${String(value)}`;
}

/** Walks a schema along a data path, through optional, default and array wrappers. */
export function schemaAt(root: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = root;
  for (const segment of path) {
    current = unwrap(current);
    if (current instanceof z.ZodObject) current = current.shape[String(segment)];
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType;
    else return undefined;
  }
  return current;
}

/** Strips optional/default/pipe wrappers to the schema that describes the value itself. */
export function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable)
      current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = current.out as z.ZodType;
    else return current;
  }
}

/** The Chinese label of the field at `path`, with its key: “title（品牌名称）”. */
export function fieldLabel(root: z.ZodType, path: readonly PropertyKey[]): string {
  const key = [...path].reverse().find((segment) => typeof segment === 'string');
  const info = fieldInfo.get(schemaAt(root, path) as z.ZodType);
  if (!key) return info?.label ?? '该项';
  return info ? `${String(key)}（${info.label}）` : String(key);
}

/** A data path as people write it: rubric[0].weight. */
export const dotted = (path: readonly PropertyKey[]) =>
  path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index ? '.' : ''}${String(segment)}`))
    .join('');

/** Turns one zod issue into messages that name the field and say how to fix it. */
export function describeIssue(issue: z.core.$ZodIssue, root: z.ZodObject): DescribedIssue[] {
  const path = issue.path;
  const label = fieldLabel(root, path);
  const hint = fieldInfo.get(schemaAt(root, path) as z.ZodType)?.hint;
  const base = { path, field: dotted(path) };

  switch (issue.code) {
    case 'unrecognized_keys': {
      const container = unwrap(schemaAt(root, path));
      const known = container instanceof z.ZodObject ? Object.keys(container.shape) : [];
      return issue.keys.map((key) => {
        const guess = nearest(
          key,
          known.map((name) => ({ key: name })),
        );
        return {
          path: [...path, key],
          field: dotted([...path, key]),
          message: `未知字段“${key}”，不会被保存或显示`,
          fix: guess ? `字段名可能拼错了，应为 ${guess}` : `删除该字段；可用的字段有 ${known.join('、')}`,
        };
      });
    }
    case 'invalid_type':
      if (issue.input === undefined) {
        return [
          {
            ...base,
            message: `缺少必填字段 ${label}`,
            fix: `添加 ${dotted(path)}${hint ? `（${hint}）` : ''}`,
          },
        ];
      }
      return [
        {
          ...base,
          message: `${label} ${issue.message}`,
          fix:
            issue.expected === 'number' && typeof issue.input === 'string'
              ? '数字不要加引号，例如 2022'
              : issue.expected === 'string' && typeof issue.input === 'number'
                ? `加上引号，写成 "${issue.input}"`
                : `把 ${dotted(path)} 改为${TYPE_NAMES[issue.expected] ?? issue.expected}`,
        },
      ];
    case 'invalid_value': {
      const options = issue.values.map(String);
      const written = String((issue as { input?: unknown }).input ?? '');
      const guess = nearest(
        written,
        options.map((key) => ({ key })),
      );
      return [
        {
          ...base,
          message: `${label}的值“${written}”无效：${issue.message}`,
          fix: guess ? `可能应为 ${guess}` : `从 ${options.join('、')} 中选一个`,
        },
      ];
    }
    default:
      return [
        {
          ...base,
          message: `${label}：${issue.message}`,
          fix: hint ? `要求：${hint}` : `按提示修改 ${dotted(path) || '该文件'}`,
        },
      ];
  }
}
