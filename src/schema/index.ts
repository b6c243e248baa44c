import type { z } from 'zod';
import { beltSchema } from './belts.ts';
import { brandSchema } from './brands.ts';
import { campaignSchema } from './campaigns.ts';
import { contactSchema } from './contacts.ts';
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
export * from './contacts.ts';
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
  /**
   * The Git repository the collection's files live in, since Git hosts grant read access per repository:
   * `offices`, the one every street office reads (the public content); `review`, the district's and the
   * judges' (judges, reviews); `district`, the district's alone (sign-ups' private details). A collection
   * outside `offices` is private as a whole: it never reaches the public build.
   */
  repository: Repository;
  /**
   * Fields the collection's files once had that now live elsewhere: a file still carrying one is refused
   * with this message and fix (rather than as an unknown field), so its writer learns where it went.
   */
  moved?: Readonly<Record<string, { message: string; fix: string }>>;
  /** The entry schema; `imageSrc` replaces the plain image path (Astro passes its `image()`). */
  schema: (imageSrc?: z.ZodType) => z.ZodObject;
}

/** The repositories content is kept in (README, “The review site”). */
export type Repository = 'offices' | 'review' | 'district';

export const collections = {
  streets: {
    label: '街道',
    format: 'yaml',
    folders: [],
    fileNameField: 'id',
    repository: 'offices',
    schema: () => streetSchema,
  },
  brands: {
    label: '党建品牌',
    format: 'md',
    folders: ['street'],
    fileNameField: 'id',
    repository: 'offices',
    schema: brandSchema,
  },
  belts: {
    label: '示范带',
    format: 'yaml',
    folders: [],
    fileNameField: 'id',
    repository: 'offices',
    schema: () => beltSchema,
  },
  sites: {
    label: '阵地',
    format: 'yaml',
    folders: ['street'],
    fileNameField: 'id',
    repository: 'offices',
    schema: siteSchema,
  },
  campaigns: {
    label: '征集令',
    format: 'yaml',
    folders: [],
    fileNameField: 'id',
    repository: 'offices',
    schema: () => campaignSchema,
  },
  submissions: {
    label: '申报',
    format: 'md',
    folders: ['campaign', 'street'],
    fileNameField: 'id',
    repository: 'offices',
    moved: {
      contact: {
        message: '联系人和联系电话不再写在申报文件里：各街道办都能读取这个仓库',
        fix: '删除 contact 一项；联系人和联系电话填在申报表（征集令页面的申报模板）里报送区委组织部，由区级导入只有区级能读取的区级仓库',
      },
    },
    schema: () => submissionSchema,
  },
  progress: {
    label: '揭榜进展',
    format: 'md',
    folders: ['campaign', 'street'],
    fileNameField: 'id',
    repository: 'offices',
    schema: progressSchema,
  },
  judges: {
    label: '评审专家',
    format: 'yaml',
    folders: [],
    fileNameField: 'id',
    repository: 'review',
    schema: () => judgeSchema,
  },
  reviews: {
    label: '评审打分',
    format: 'yaml',
    folders: ['campaign', 'judge'],
    fileNameField: 'submission',
    repository: 'review',
    schema: () => reviewSchema,
  },
  contacts: {
    label: '申报联系人',
    format: 'yaml',
    folders: ['campaign', 'street'],
    fileNameField: 'submission',
    repository: 'district',
    schema: () => contactSchema,
  },
} as const satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof collections;
export const collectionNames = Object.keys(collections) as CollectionName[];

/** Whether a collection is private as a whole: kept outside the offices' repository, never public. */
export const isPrivateCollection = (name: CollectionName): boolean => collections[name].repository !== 'offices';

/** The collections kept in one repository. */
export const collectionsIn = (repository: Repository): CollectionName[] =>
  collectionNames.filter((name) => collections[name].repository === repository);

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
