/**
 * The editor's last check before it saves: the entry's data as Decap holds it,
 * tidied the way the content files are written, then parsed with the very
 * schema the build's validator uses. A problem stops the save and is shown
 * with the same `field: message (fix)` the validator prints.
 */
import { z } from 'zod';
import { collections, schemaOf } from '../../schema/index.ts';
import { chineseMessages, describeIssue, fieldLabel } from '../issues.ts';
import type { CollectionMeta } from './config.ts';

export interface EntryProblem {
  field: string;
  message: string;
  fix: string;
}

export interface EntryCheck {
  /** The data to write: empty optional values removed, the Markdown body kept. */
  data: Record<string, unknown>;
  problems: EntryProblem[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isBlank = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  value === '' ||
  (isPlainObject(value) && Object.values(value).every(isBlank)) ||
  (Array.isArray(value) && value.length === 0);

function optional(schema: z.ZodType | undefined): boolean {
  return schema instanceof z.ZodOptional || schema instanceof z.ZodDefault;
}

function innerOf(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable)
    current = current.unwrap() as z.ZodType;
  return current;
}

/**
 * Drops what an editor leaves behind when a field is cleared — '' for an
 * optional text, an empty group for an optional picture — so the file says
 * nothing rather than something invalid.
 */
export function tidy(schema: z.ZodType | undefined, value: unknown): unknown {
  const inner = innerOf(schema);
  if (inner instanceof z.ZodObject && isPlainObject(value)) {
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const childSchema = inner.shape[key] as z.ZodType | undefined;
      const tidied = tidy(childSchema, child);
      if (optional(childSchema) && isBlank(tidied) && !(Array.isArray(tidied) && tidied.length === 0)) continue;
      if (tidied === undefined || tidied === null) continue;
      result[key] = tidied;
    }
    return result;
  }
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    return value.map((item) => tidy(inner.element as z.ZodType, item)).filter((item) => !isBlank(item));
  }
  if (inner instanceof z.ZodRecord && isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value).filter(([, item]) => item !== undefined && item !== null && item !== ''),
    );
  }
  return value;
}

/** Checks one entry as the editor is about to save it. */
export function checkEntry(meta: CollectionMeta, raw: Record<string, unknown>): EntryCheck {
  const schema = schemaOf(meta.type);
  const markdown = collections[meta.type].format === 'md';
  const { body, ...fields } = raw;
  const data = tidy(schema, markdown ? fields : raw) as Record<string, unknown>;
  const problems: EntryProblem[] = [];
  for (const [key, value] of Object.entries(meta.fixed)) {
    if (key in schema.shape && data[key] !== value) {
      problems.push({
        field: key,
        message: `${fieldLabel(schema, [key])}应为“${value}”（由所在文件夹决定），而不是“${String(data[key] ?? '')}”`,
        fix: `在 ${value} 的编辑页面里修改本条目`,
      });
    }
  }
  const parsed = schema.safeParse(data, { error: chineseMessages, reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      for (const described of describeIssue(issue, schema)) {
        problems.push({ field: described.field, message: described.message, fix: described.fix });
      }
    }
  }
  return { data: markdown ? { ...data, body: typeof body === 'string' ? body : '' } : data, problems };
}

/** The problems as one message for the editor's notice. */
export function formatProblems(problems: readonly EntryProblem[]): string {
  return problems.map((problem) => `${problem.field || '条目'}：${problem.message}（${problem.fix}）`).join('\n');
}
