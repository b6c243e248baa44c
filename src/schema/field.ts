import { z } from 'zod';

/** What the editor, the validator and the privacy projection need to know about one field. */
export interface FieldInfo {
  /** Chinese label shown in the CMS and in error messages. */
  label: string;
  /** One-line help shown under the field in the CMS. */
  hint?: string;
  /** Private fields never reach the public build (see src/lib/privacy.ts). */
  private?: boolean;
}

/** The registry every content field is recorded in; the single place labels and privacy live. */
export const fieldInfo = z.registry<FieldInfo>();

/**
 * Records a field's label, hint and privacy on its schema. Wrap the field's
 * whole schema, `.optional()` and `.default()` included, so the entry in an
 * object's shape is the one carrying the information.
 */
export function field<T extends z.ZodType>(schema: T, info: FieldInfo): T {
  // zod keys its registry by identity: a clone lets one base schema (an id,
  // say) carry a different label in every place it is used.
  const copy = schema.clone() as T;
  fieldInfo.add(copy, info);
  return copy;
}
