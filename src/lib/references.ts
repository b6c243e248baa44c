import { z } from 'zod';
import { type FieldInfo, fieldInfo } from '../schema/field.ts';
import { unwrap } from './issues.ts';

/** A field that holds ids of another collection's entries; `path` uses '*' for every item of a list. */
export interface ReferenceField {
  path: readonly (string | '*')[];
  references: NonNullable<FieldInfo['references']>;
}

/** Every reference field of a schema, at any depth, in the schema's order. */
export function referenceFields(schema: z.ZodType, prefix: readonly (string | '*')[] = []): ReferenceField[] {
  const references = fieldInfo.get(schema)?.references;
  if (references) return [{ path: prefix, references }];
  const inner = unwrap(schema);
  if (inner instanceof z.ZodArray) return referenceFields(inner.element as z.ZodType, [...prefix, '*']);
  if (inner instanceof z.ZodObject) {
    return Object.entries(inner.shape).flatMap(([key, child]) => referenceFields(child as z.ZodType, [...prefix, key]));
  }
  return [];
}

/** The ids a reference field holds in one entry's data, each with its concrete path (list indexes filled in). */
export function referencedIds(data: unknown, path: ReferenceField['path']): { path: PropertyKey[]; id: string }[] {
  const walk = (
    value: unknown,
    rest: ReferenceField['path'],
    at: PropertyKey[],
  ): { path: PropertyKey[]; id: string }[] => {
    if (value === undefined || value === null) return [];
    const [head, ...tail] = rest;
    if (head === undefined) {
      return Array.isArray(value)
        ? value.map((id, index) => ({ path: [...at, index], id: String(id) }))
        : [{ path: at, id: String(value) }];
    }
    if (head === '*') {
      return Array.isArray(value) ? value.flatMap((item, index) => walk(item, tail, [...at, index])) : [];
    }
    return walk((value as Record<string, unknown>)[head], tail, [...at, head]);
  };
  return walk(data, path, []);
}
