import { z } from 'zod';

/** What the editor, the validator and the privacy projection need to know about one field. */
export interface FieldInfo {
  /** Chinese label shown in the CMS and in error messages. */
  label: string;
  /** One-line help shown under the field in the CMS. */
  hint?: string;
  /** Private fields never reach the public build (see src/lib/privacy.ts). */
  private?: boolean;
  /**
   * The collection whose entry ids this field holds (one id, or a list of them).
   * The validator checks each id exists; the CMS offers the entries to pick from.
   */
  references?: CollectionKey;
  /**
   * Who may set the field. Left out, whoever may change the entry may set it
   * (its street office, its judge, the district). `district`: the field records
   * a district decision (a selection, a stage, a published result). An office
   * keeps the value it finds; it may only move between `officeValues` (or leave
   * the field out). The ownership check enforces this on every change, and the
   * street offices' editor shows such a field read-only.
   */
  setBy?: 'district';
  /** For a choice: the Chinese label of each stored key (set by `choice()` in common.ts). */
  choices?: Readonly<Record<string, string>>;
  /** With `setBy: 'district'`: the values an office may still choose itself, e.g. a sign-up's draft and submitted. */
  officeValues?: readonly string[];
}

/** Collections a reference can point to (a plain union here: index.ts, which names them, imports this module). */
export type CollectionKey = 'streets' | 'brands' | 'belts' | 'sites' | 'campaigns' | 'submissions' | 'judges';

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
  // Wrapping a field again (to make it private, say) keeps what it already said about itself.
  fieldInfo.add(copy, { ...fieldInfo.get(schema), ...info });
  return copy;
}
