/**
 * Who may set a field, read from the schema registry (`setBy`, `officeValues`
 * in src/schema/field.ts): the one declaration the ownership check and the
 * street offices' editor both follow.
 */
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { type CollectionName, fieldInfo, schemaOf } from '../../schema/index.ts';

/** A field only the district decides, and the values an office may still choose. */
export interface DistrictField {
  name: string;
  label: string;
  /** Empty: an office may only keep the value it finds, or leave the field out of a new entry. */
  officeValues: readonly string[];
}

/** The district-only top-level fields of a collection, in schema order. */
export function districtFields(collection: CollectionName): DistrictField[] {
  return Object.entries(schemaOf(collection).shape).flatMap(([name, schema]) => {
    const info = fieldInfo.get(schema as z.ZodType);
    return info?.setBy === 'district' ? [{ name, label: info.label, officeValues: info.officeValues ?? [] }] : [];
  });
}

/** An office's change to a district-only field, with both values as written. */
export interface RefusedFieldChange {
  field: DistrictField;
  before: unknown;
  after: unknown;
}

/** A value an office may set or clear itself: nothing, or one of the field's office values. */
const officeMay = (field: DistrictField, value: unknown) =>
  value === undefined || (typeof value === 'string' && field.officeValues.includes(value));

/**
 * The district-only fields an office's change touches. `before` is the entry as
 * it was (undefined when new), `after` as it is to be (undefined when deleted):
 * an office keeps what the district decided, so deleting a decided entry is
 * refused too. Values are compared as written in the file.
 */
export function refusedFieldChanges(
  collection: CollectionName,
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
): RefusedFieldChange[] {
  return districtFields(collection).flatMap((field) => {
    const old = before?.[field.name];
    const next = after?.[field.name];
    if (isDeepStrictEqual(old, next) || (officeMay(field, old) && officeMay(field, next))) return [];
    return [{ field, before: old, after: next }];
  });
}

const shown = (value: unknown) => (value === undefined ? '（空）' : `“${JSON.stringify(value).replace(/^"|"$/g, '')}”`);

/** The reason an office reads in the log, naming the field, both values and who decides. */
export function describeRefusedField({ field, before, after }: RefusedFieldChange): string {
  const choices = field.officeValues.length
    ? `街道只能在 ${field.officeValues.join('、')} 之间选择，`
    : '街道不能填写或修改它，';
  return `${field.name}（${field.label}）从 ${shown(before)} 改为 ${shown(after)}：这是区级的决定，${choices}请区级账号修改`;
}
