import { z } from 'zod';
import { fieldInfo } from '../schema/field.ts';
import { unwrap } from './issues.ts';

/**
 * The public projection: a copy of `data` without any field the schema marks
 * private, at any depth. This is the one gate between content and anything
 * the public build emits (pages, map data, search index).
 */
export function toPublic<T>(schema: z.ZodType, data: T): T {
  return project(schema, data) as T;
}

function project(schema: z.ZodType | undefined, value: unknown): unknown {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject && isPlainObject(value)) {
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const fieldSchema = inner.shape[key] as z.ZodType | undefined;
      // Unknown keys are dropped too: only what the schema vouches for is public.
      if (!fieldSchema || fieldInfo.get(fieldSchema)?.private) continue;
      result[key] = project(fieldSchema, child);
    }
    return result;
  }
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    return value.map((item) => project(inner.element as z.ZodType, item));
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** Dotted paths of every private field of a schema, for documentation and tests. */
export function privateFields(schema: z.ZodType, prefix = ''): string[] {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodArray) return privateFields(inner.element as z.ZodType, `${prefix}[]`);
  if (!(inner instanceof z.ZodObject)) return [];
  return Object.entries(inner.shape).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return fieldInfo.get(child as z.ZodType)?.private ? [path] : privateFields(child as z.ZodType, path);
  });
}
