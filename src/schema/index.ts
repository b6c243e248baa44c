import type { z } from 'zod';
import { beltSchema } from './belts.ts';
import { brandSchema } from './brands.ts';
import { campaignSchema } from './campaigns.ts';
import { judgeSchema } from './judges.ts';
import { progressSchema } from './progress.ts';
import { reviewSchema } from './reviews.ts';
import { siteSchema } from './sites.ts';
import { streetSchema } from './streets.ts';
import { submissionSchema } from './submissions.ts';

export * from './belts.ts';
export * from './brands.ts';
export * from './campaigns.ts';
export * from './common.ts';
export * from './field.ts';
export * from './judges.ts';
export * from './progress.ts';
export * from './reviews.ts';
export * from './sites.ts';
export * from './streets.ts';
export * from './submissions.ts';

/**
 * Where each kind of content lives and how it is shaped. `folders` names the
 * path segments between the collection folder and the file, each of which must
 * agree with the field of the same name (e.g. a brand in brands/longfeng/ has
 * street: longfeng). An entry whose file name is its id has `id` in its
 * schema; reviews are named after the submission they score.
 */
export interface CollectionSpec {
  /** Chinese name of the collection. */
  label: string;
  /** File format: YAML data or Markdown with YAML frontmatter. */
  format: 'yaml' | 'md';
  /** Path segments under the collection folder that mirror fields. */
  folders: readonly string[];
  /** The field the file name must equal. */
  fileNameField: string;
  /** Whole collection is private: it never reaches the public build. */
  private: boolean;
  /** The entry schema; `imageSrc` replaces the plain image path (Astro passes its `image()`). */
  schema: (imageSrc?: z.ZodType) => z.ZodObject;
}

export const collections = {
  streets: {
    label: '街道',
    format: 'yaml',
    folders: [],
    fileNameField: 'id',
    private: false,
    schema: () => streetSchema,
  },
  brands: {
    label: '党建品牌',
    format: 'md',
    folders: ['street'],
    fileNameField: 'id',
    private: false,
    schema: brandSchema,
  },
  belts: {
    label: '示范带',
    format: 'yaml',
    folders: [],
    fileNameField: 'id',
    private: false,
    schema: () => beltSchema,
  },
  sites: {
    label: '阵地',
    format: 'yaml',
    folders: ['street'],
    fileNameField: 'id',
    private: false,
    schema: siteSchema,
  },
  campaigns: {
    label: '征集令',
    format: 'yaml',
    folders: [],
    fileNameField: 'id',
    private: false,
    schema: () => campaignSchema,
  },
  submissions: {
    label: '申报',
    format: 'md',
    folders: ['campaign', 'street'],
    fileNameField: 'id',
    private: false,
    schema: () => submissionSchema,
  },
  progress: {
    label: '揭榜进展',
    format: 'md',
    folders: ['campaign', 'street'],
    fileNameField: 'id',
    private: false,
    schema: progressSchema,
  },
  judges: {
    label: '评审专家',
    format: 'yaml',
    folders: [],
    fileNameField: 'id',
    private: true,
    schema: () => judgeSchema,
  },
  reviews: {
    label: '评审打分',
    format: 'yaml',
    folders: ['campaign', 'judge'],
    fileNameField: 'submission',
    private: true,
    schema: () => reviewSchema,
  },
} as const satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof collections;
export const collectionNames = Object.keys(collections) as CollectionName[];

const built = new Map<CollectionName, z.ZodObject>();

/** The collection's schema with plain image paths, as the validator and the privacy projection use it. */
export function schemaOf(name: CollectionName): z.ZodObject {
  let schema = built.get(name);
  if (!schema) {
    schema = collections[name].schema();
    built.set(name, schema);
  }
  return schema;
}
