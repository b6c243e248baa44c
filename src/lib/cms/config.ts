/**
 * Decap CMS configuration, generated from the content schemas.
 *
 * Every field's widget, label, hint, required flag, pattern (with its Chinese
 * message), bounds and options come from src/schema/ through the `field()`
 * registry, so the editor and the validator can never disagree about a rule
 * that is written twice. Three kinds of entry point share this one generator:
 *
 * - district (`/admin/`): every public collection plus streets and campaigns,
 *   with relations between them (judges live in the review repository);
 * - street (`/admin/<street>/`): only that street's folders (brands, sites,
 *   and one submissions folder per call), with `street` fixed by a hidden
 *   field, so nothing can be filed under another street from this editor, and
 *   the fields the district decides (`setBy: 'district'`) shown read-only or
 *   limited to the values an office may choose (the `district` widget);
 * - judges (`judges`): one reviews folder per call, scores per rubric criterion;
 * - one judge (`judge`, in that judge's review build only, review/cms.ts): the
 *   judge's own reviews folder per call, `judge` fixed by a hidden field;
 * - the review repository (`review`, in the district's review build only):
 *   judges and every call's reviews folder.
 * The public build writes the district's and the streets' only: the judges'
 * name judges, which the public build never holds.
 *
 * The editor only narrows what an office sees; scripts/check-ownership.ts is
 * the guarantee (see src/lib/access/ownership.ts).
 */
import { z } from 'zod';
import * as schemaModule from '../../schema/index.ts';
import { type CollectionName, collections, fieldInfo, ID_PATTERN, schemaOf } from '../../schema/index.ts';
import { PHOTO } from '../content/images.ts';
import type { LngLat } from '../geo.ts';
import { SHEETS } from '../import/columns.ts';
import { unwrap } from '../issues.ts';
import { sitePath } from '../site/url.ts';
import { DISTRICT_WIDGET, type DistrictFieldSpec } from './district-field.ts';

/** The id field's widget (cms/id-widget.tsx): filled from the title in a new entry, shown read-only once saved. */
export const ID_WIDGET = 'entry-id';

/**
 * Decap's own processing of an uploaded picture (decap-cms-core 3.19, `media_processing`): JPEG, PNG
 * and WebP are re-encoded in the browser as JPEG at PHOTO.quality with every piece of metadata dropped
 * and the EXIF orientation applied; cms/photo-widget.ts fits the longest side within PHOTO.longestSide,
 * which Decap's exact `width`/`height` cannot express. Attachments (`file` fields) are left as they are.
 */
export const PHOTO_PROCESSING = {
  enabled: true,
  format: { enabled: true, default: 'jpeg' },
  quality: Math.round(PHOTO.quality * 100),
  strip_metadata: true,
} as const;

/** A call's sign-ups collection in a street's CMS entry point (links into it are built from this name too). */
export const submissionsCollection = (campaign: string) => `submissions-${campaign}`;
/** The street editor's collection of progress reports on its claims of one call's tasks. */
export const progressCollection = (campaign: string) => `progress-${campaign}`;

/** A call's reviews collection in the judges' CMS entry point. */
export const reviewsCollection = (campaign: string) => `reviews-${campaign}`;

/** One field of a Decap collection, as written to config.yml. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  hint?: string;
  required?: boolean;
  default?: unknown;
  pattern?: [string, string];
  min?: number;
  max?: number;
  step?: number;
  value_type?: 'int' | 'float';
  options?: { label: string; value: string }[];
  multiple?: boolean;
  field?: CmsField;
  fields?: CmsField[];
  summary?: string;
  collapsed?: boolean;
  [option: string]: unknown;
}

export interface CmsCollection {
  name: string;
  label: string;
  label_singular: string;
  description?: string;
  folder: string;
  path?: string;
  create: boolean;
  delete: boolean;
  extension: 'yaml' | 'md';
  format: 'yaml' | 'frontmatter';
  slug: string;
  identifier_field: string;
  summary: string;
  media_folder?: string;
  public_folder?: string;
  sortable_fields?: string[];
  view_groups?: { label: string; field: string }[];
  fields: CmsField[];
}

export interface CmsConfig {
  backend: Record<string, unknown>;
  local_backend?: { url: string; allowed_hosts?: string[] };
  publish_mode?: 'editorial_workflow';
  locale: 'zh_Hans';
  site_url?: string;
  display_url?: string;
  media_folder: string;
  public_folder: string;
  slug: { encoding: 'ascii'; clean_accents: boolean; sanitize_replacement: string };
  media_processing?: typeof PHOTO_PROCESSING;
  commit_messages: Record<string, string>;
  collections: CmsCollection[];
}

/** What the browser side (widgets, previews, the save check) needs to know about each Decap collection. */
export interface CollectionMeta {
  /** The content type whose schema checks the entry. */
  type: CollectionName;
  /** Fields fixed by the collection's folder, e.g. { street: 'longfeng' }. */
  fixed: Record<string, string>;
}

export type EntryPoint =
  | { kind: 'district' }
  | { kind: 'street'; street: string }
  | { kind: 'judges' }
  /** The district's editor of the review repository (in the district's review build): judges and every call's sheets. */
  | { kind: 'review' }
  /** One judge's editor (in that judge's review build): only the judge's own score sheet folders. */
  | { kind: 'judge'; judge: string };

/**
 * The public facts the generator needs: ids and names for options, rubrics for
 * score fields. Nothing private: the configuration files are part of the public build.
 */
export interface CmsContext {
  /** The content folder relative to the repository root, as the Git backend sees it. */
  contentRoot: string;
  streets: { id: string; name: string; point: LngLat }[];
  campaigns: {
    id: string;
    title: string;
    rubric: { id: string; name: string; scale: number }[];
    /** The call's list of tasks (揭榜挂帅), if any: a street files progress reports on its claims. */
    tasks?: { id: string; title: string }[];
  }[];
  belts: { id: string; name: string }[];
  backend: BackendSettings;
  siteUrl?: string;
  /** Ids already in use per collection, beyond those the editor itself lists (public collections only). */
  taken?: Partial<Record<CollectionName, readonly string[]>>;
}

/** Where the CMS reads and writes: the local proxy (default) or a Git host. */
export interface BackendSettings {
  name: 'proxy' | 'gitlab' | 'github' | 'gitea';
  /** owner/name on the Git host. */
  repo?: string;
  branch: string;
  /** API root of a self-hosted GitLab/Gitea/GitHub Enterprise, e.g. https://git.example.gov.cn/api/v4. */
  apiRoot?: string;
  /** Base URL of the host or its OAuth server. */
  baseUrl?: string;
  /** OAuth application id (GitLab PKCE, Gitea). */
  appId?: string;
  /** The local decap-server's address (`npm run cms`). */
  proxyUrl: string;
}

/** The field an entry is shown and searched by. */
export const DISPLAY_FIELD: Record<CollectionName, string> = {
  streets: 'name',
  brands: 'title',
  belts: 'name',
  sites: 'name',
  campaigns: 'title',
  submissions: 'title',
  progress: 'date',
  judges: 'code',
  reviews: 'submission',
  contacts: 'submission',
};

/** Fields that hold a file stored next to the entry (not an image). */
const FILE_FIELDS: Partial<Record<CollectionName, string[]>> = { submissions: ['attachments.file'] };

/** The Markdown body of `md` collections. */
const BODY_LABELS: Partial<Record<CollectionName, { label: string; hint: string }>> = {
  brands: { label: '品牌故事', hint: '正文，用“二级标题”分段；不支持 HTML，只保留网址、邮箱和电话链接' },
  submissions: { label: '申报材料正文', hint: '项目的完整介绍，用“二级标题”分段' },
  progress: { label: '进展情况', hint: '本期做了什么、遇到的问题和下一步打算，用“二级标题”分段' },
};

/**
 * Chinese labels of every choice list: the schema's exported label tables
 * (BRAND_CATEGORIES, SITE_TYPES, …), matched to an enum by its keys.
 */
const CHOICE_LABELS: Record<string, string>[] = Object.values(schemaModule as Record<string, unknown>).filter(
  (value): value is Record<string, string> =>
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length > 0 &&
    Object.values(value).every((item) => typeof item === 'string'),
);

/** Field names whose text runs over several lines. */
const PROSE_KEYS = new Set(['summary', 'description', 'intro', 'comment']);

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/.source;

/** Buttons of the Markdown editor: what the site's safe Markdown renders. */
const MARKDOWN_BUTTONS = [
  'bold',
  'italic',
  'link',
  'heading-two',
  'heading-three',
  'quote',
  'bulleted-list',
  'numbered-list',
];

interface WalkContext {
  collection: CollectionName;
  /** Collections present in this entry point, by content type → Decap collection name. */
  available: Partial<Record<CollectionName, string>>;
  fixed: Record<string, string>;
  context: CmsContext;
  /** The call a reviews folder belongs to (its rubric gives the score fields). */
  campaign?: string;
  /** Where the coordinate picker opens. */
  center: LngLat;
  /** A street office's editor: fields the district decides are shown read-only (see district-field.ts). */
  office?: boolean;
}

/** A zod check's own message, when the schema wrote one. */
function checkMessage(check: z.core.$ZodCheck): string | undefined {
  const error = (check._zod.def as { error?: (issue: unknown) => unknown }).error;
  if (typeof error !== 'function') return undefined;
  try {
    const message = error({ input: undefined });
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}

type CheckDef = {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number;
  inclusive?: boolean;
};

const checksOf = (schema: z.ZodType) =>
  ((schema._zod.def as { checks?: z.core.$ZodCheck[] }).checks ?? []).map((check) => ({
    def: check._zod.def as unknown as CheckDef,
    message: checkMessage(check),
  }));

/** The [pattern, message] pair Decap checks a string with: the schema's regexes and length limits, combined. */
export function stringPattern(schema: z.ZodType): [string, string] | undefined {
  const regexes: { source: string; message: string }[] = [];
  let min: number | undefined;
  let max: number | undefined;
  const lengthMessages: string[] = [];
  for (const { def, message } of checksOf(schema)) {
    if (def.check === 'string_format' && def.format === 'regex' && def.pattern) {
      regexes.push({ source: def.pattern.source, message: message ?? '格式不正确' });
    } else if (def.check === 'min_length' && def.minimum !== undefined && def.minimum > 1) {
      min = def.minimum;
      lengthMessages.push(message ?? `至少 ${def.minimum} 个字`);
    } else if (def.check === 'max_length' && def.maximum !== undefined) {
      max = def.maximum;
      lengthMessages.push(message ?? `最多 ${def.maximum} 个字`);
    } else if (def.check === 'length_equals' && def.length !== undefined) {
      min = max = def.length;
      lengthMessages.push(message ?? `应为 ${def.length} 个字`);
    }
  }
  const parts = [...regexes.map((regex) => regex.source)];
  if (min !== undefined || max !== undefined) parts.unshift(`^[\\s\\S]{${min ?? 0},${max ?? ''}}$`);
  if (!parts.length) return undefined;
  const source = parts.length === 1 ? parts[0] : `^${parts.map((part) => `(?=[\\s\\S]*?(?:${part}))`).join('')}`;
  // Decap prints “<label>”不满足模式 directly before the message.
  return [source, `：${[...lengthMessages, ...regexes.map((regex) => regex.message)].join('；')}`];
}

/** Bounds and integer-ness of a number schema. */
function numberLimits(schema: z.ZodType): Pick<CmsField, 'min' | 'max' | 'value_type' | 'step'> {
  let min: number | undefined;
  let max: number | undefined;
  let int = false;
  for (const { def } of checksOf(schema)) {
    if (def.check === 'number_format' && (def.format === 'safeint' || def.format === 'int32')) int = true;
  }
  for (const { def } of checksOf(schema)) {
    if (def.check === 'greater_than' && def.value !== undefined)
      min = def.inclusive || !int ? def.value : def.value + 1;
    if (def.check === 'less_than' && def.value !== undefined) max = def.inclusive || !int ? def.value : def.value - 1;
  }
  return {
    value_type: int ? 'int' : 'float',
    ...(int ? { step: 1 } : {}),
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
  };
}

/** The enum's options with Chinese labels. */
export function choiceOptions(keys: readonly string[], message?: string): { label: string; value: string }[] {
  const table = CHOICE_LABELS.find(
    (labels) => Object.keys(labels).length === keys.length && keys.every((key) => key in labels),
  );
  // Failing a table, choice()'s own message lists “key（label）” pairs.
  const fromMessage = (key: string) => message?.match(new RegExp(`(?:^|[：、])${escapeRegExp(key)}（([^）]+)）`))?.[1];
  return keys.map((key) => ({ label: table?.[key] ?? fromMessage(key) ?? key, value: key }));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function isDateString(schema: z.ZodType): boolean {
  return checksOf(schema).some(({ def }) => def.format === 'regex' && def.pattern?.source === DATE_PATTERN);
}

const isShape = (schema: z.ZodType | undefined, keys: string[]) =>
  schema instanceof z.ZodObject &&
  Object.keys(schema.shape).length === keys.length &&
  keys.every((key) => key in schema.shape);

/** Whether a field's schema admits a missing value (optional or with a default), and its default. */
function presence(schema: z.ZodType): { required: boolean; default?: unknown } {
  let current: z.ZodType = schema;
  let required = true;
  let fallback: unknown;
  let hasDefault = false;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
      required = false;
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodDefault) {
      required = false;
      if (!hasDefault) {
        fallback = (current._zod.def as { defaultValue: unknown }).defaultValue;
        hasDefault = true;
      }
      current = current.unwrap() as z.ZodType;
    } else break;
  }
  return hasDefault ? { required, default: fallback } : { required };
}

const idPattern = (): [string, string] => [ID_PATTERN.source, '：只能使用小写英文字母、数字和连字符（例如 yu-xiu-ge）'];

/** A reference to another collection: a relation when that collection is in this editor, else a fixed list. */
function referenceField(base: CmsField, target: CollectionName, multiple: boolean, walk: WalkContext): CmsField {
  const collection = walk.available[target];
  if (collection) {
    const display = DISPLAY_FIELD[target];
    return {
      ...base,
      widget: 'relation',
      collection,
      value_field: collections[target].fileNameField,
      search_fields: [display, collections[target].fileNameField],
      display_fields: [display],
      ...(multiple ? { multiple: true } : {}),
    };
  }
  const { context } = walk;
  const options =
    target === 'streets'
      ? context.streets.map((street) => ({ label: street.name, value: street.id }))
      : target === 'campaigns'
        ? context.campaigns.map((campaign) => ({ label: campaign.title, value: campaign.id }))
        : target === 'belts'
          ? context.belts.map((belt) => ({ label: belt.name, value: belt.id }))
          : undefined;
  if (options?.length) return { ...base, widget: 'select', options, ...(multiple ? { multiple: true } : {}) };
  // Judges are private, and sign-ups are not public before a call's results: those stay plain id fields
  // rather than lists baked into a public file.
  return multiple
    ? { ...base, widget: 'list', field: { name: 'id', label: base.label, widget: 'string', pattern: idPattern() } }
    : { ...base, widget: 'string', pattern: idPattern() };
}

/** Maps one schema field to its Decap field. `path` is the dotted path from the entry (list items add no segment). */
export function cmsField(name: string, schema: z.ZodType, path: string, walk: WalkContext): CmsField {
  const info = fieldInfo.get(schema);
  const { required, default: fallback } = presence(schema);
  const hint = [info?.hint, info?.private ? '不公开：只在内部使用，不会出现在公开网站上' : undefined]
    .filter(Boolean)
    .join('。');
  const base: CmsField = {
    name,
    label: info?.label ?? name,
    widget: 'string',
    ...(hint ? { hint } : {}),
    ...(required ? {} : { required: false }),
    ...(fallback !== undefined && (typeof fallback !== 'object' || fallback === null || Array.isArray(fallback))
      ? { default: fallback }
      : {}),
  };

  const fixedValue = path === name ? walk.fixed[name] : undefined;
  if (fixedValue !== undefined) return { name, label: base.label, widget: 'hidden', default: fixedValue };
  if (walk.office && info?.setBy === 'district') {
    return districtField(cmsField(name, schema, path, { ...walk, office: false }), info.officeValues);
  }

  const inner = unwrap(schema) as z.ZodType;
  // A claim names one of its call's tasks: in a call's own sign-up folder, pick it from that call's list.
  const tasks = path === 'claim.task' ? walk.context.campaigns.find((item) => item.id === walk.campaign)?.tasks : [];
  if (tasks?.length) {
    return { ...base, widget: 'select', options: tasks.map((task) => ({ label: task.title, value: task.id })) };
  }
  const target = info?.references;
  if (target) {
    const multiple = inner instanceof z.ZodArray;
    const field = referenceField(base, target, multiple, walk);
    if (multiple) return withListLimits(field, inner);
    return field;
  }
  if (FILE_FIELDS[walk.collection]?.includes(path)) {
    return {
      ...base,
      widget: 'file',
      choose_url: false,
      media_folder: '',
      public_folder: '',
      media_processing: { enabled: false },
    };
  }

  if (inner instanceof z.ZodString) {
    if (isDateString(inner)) {
      return {
        ...base,
        widget: 'datetime',
        format: 'YYYY-MM-DD',
        date_format: 'YYYY-MM-DD',
        time_format: false,
        picker_utc: true,
      };
    }
    const pattern = stringPattern(inner);
    const limits = checksOf(inner);
    const minLength = limits.find(({ def }) => def.check === 'min_length')?.def.minimum ?? 0;
    const maxLength = limits.find(({ def }) => def.check === 'max_length')?.def.maximum ?? 0;
    const prose = PROSE_KEYS.has(name) || minLength >= 10 || maxLength > 80;
    return { ...base, widget: prose ? 'text' : 'string', ...(pattern ? { pattern } : {}) };
  }
  if (inner instanceof z.ZodNumber) return { ...base, widget: 'number', ...numberLimits(inner) };
  if (inner instanceof z.ZodBoolean) {
    // Decap counts `false` as empty: a required checkbox could never be left unticked.
    return { ...base, widget: 'boolean', required: false, default: fallback ?? false };
  }
  if (inner instanceof z.ZodEnum) {
    const error = (inner._zod.def as { error?: (issue: unknown) => unknown }).error;
    const message = typeof error === 'function' ? String(error({ input: undefined }) ?? '') : undefined;
    return { ...base, widget: 'select', options: choiceOptions(inner.options as string[], message) };
  }
  if (inner instanceof z.ZodObject) {
    const shape = inner.shape as Record<string, z.ZodType>;
    if (isShape(inner, ['lng', 'lat'])) {
      return {
        ...base,
        widget: 'point',
        center: [walk.center.lng, walk.center.lat],
      };
    }
    const image = isShape(inner, ['src', 'alt']);
    const fields = Object.entries(shape).map(([key, child]) => {
      const own = cmsField(key, child, `${path}.${key}`, walk);
      const field =
        image && key === 'src'
          ? { ...own, widget: 'image', choose_url: false, media_processing: PHOTO_PROCESSING }
          : own;
      // An optional group is checked as a whole when it is saved (see entry-check.ts).
      return required ? field : { ...field, required: false };
    });
    return { ...base, widget: 'object', collapsed: false, fields };
  }
  if (inner instanceof z.ZodArray) {
    const element = inner.element as z.ZodType;
    const item = unwrap(element) as z.ZodType;
    if (item instanceof z.ZodObject) {
      const image = isShape(item, ['src', 'alt']);
      const fields = Object.entries(item.shape as Record<string, z.ZodType>).map(([key, child]) => {
        const field = cmsField(key, child, `${path}.${key}`, walk);
        return image && key === 'src'
          ? { ...field, widget: 'image', choose_url: false, media_processing: PHOTO_PROCESSING }
          : field;
      });
      const first = fields.find((field) => field.widget === 'string' || field.widget === 'select');
      return withListLimits(
        {
          ...base,
          widget: 'list',
          ...(first ? { summary: `{{fields.${first.name}}}` } : {}),
          collapsed: false,
          fields,
        },
        inner,
      );
    }
    const itemField = cmsField(name, element, path, walk);
    return withListLimits(
      {
        ...base,
        widget: 'list',
        field: { ...itemField, label: base.label, required: true, hint: undefined, default: undefined },
      },
      inner,
    );
  }
  if (inner instanceof z.ZodRecord && walk.campaign) {
    // Scores: one number per rubric criterion of this call, 0 to its scale.
    const campaign = walk.context.campaigns.find((item) => item.id === walk.campaign);
    const rubric = campaign?.rubric ?? [];
    if (rubric.length) {
      return {
        ...base,
        widget: 'object',
        collapsed: false,
        fields: rubric.map((criterion) => ({
          name: criterion.id,
          label: criterion.name,
          widget: 'number',
          value_type: 'float',
          min: 0,
          max: criterion.scale,
          required: false,
          hint: `0 至 ${criterion.scale} 分`,
        })),
      };
    }
  }
  throw new Error(`cms: no widget for ${walk.collection}.${path} (${inner?._zod.def.type ?? 'unknown'})`);
}

/**
 * A field recording a district decision, in a street office's editor: the
 * district widget, with the labels of its values and the values an office may
 * still choose (a new entry starts with the first). Without any, the field is
 * only shown, and a new entry leaves it out.
 */
function districtField(plain: CmsField, officeValues: readonly string[] | undefined): CmsField {
  const parts =
    plain.widget === 'object'
      ? plain.fields?.map(({ name, label, options }) => ({ name, label, ...(options ? { choices: options } : {}) }))
      : undefined;
  const spec: DistrictFieldSpec = {
    ...(plain.options ? { choices: plain.options } : {}),
    ...(officeValues?.length ? { office_values: [...officeValues] } : {}),
    ...(parts ? { parts } : {}),
  };
  const [start] = spec.office_values ?? [];
  return {
    name: plain.name,
    label: plain.label,
    widget: DISTRICT_WIDGET,
    ...(plain.hint ? { hint: plain.hint } : {}),
    ...(start === undefined
      ? { required: false }
      : { ...(plain.required === false ? { required: false } : {}), default: start }),
    ...spec,
  };
}

function withListLimits(field: CmsField, array: z.ZodType): CmsField {
  const result = { ...field };
  for (const { def } of checksOf(array)) {
    if (def.check === 'min_length' && def.minimum) {
      result.min = def.minimum;
      result.required = true;
    }
    if (def.check === 'max_length' && def.maximum !== undefined) result.max = def.maximum;
  }
  // JSON has no `undefined`; drop the keys the item field cleared.
  if (result.field) result.field = JSON.parse(JSON.stringify(result.field)) as CmsField;
  return result;
}

/** The Decap fields of one content type, in schema order, with the Markdown body last. */
export function cmsFields(walk: WalkContext): CmsField[] {
  const schema = schemaOf(walk.collection);
  const fields = Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, child]) =>
    cmsField(key, child, key, walk),
  );
  const body = BODY_LABELS[walk.collection];
  if (collections[walk.collection].format === 'md') {
    fields.push({
      name: 'body',
      label: body?.label ?? '正文',
      widget: 'markdown',
      hint: body?.hint ?? '正文',
      required: false,
      buttons: MARKDOWN_BUTTONS,
      editor_components: [],
      modes: ['rich_text', 'raw'],
    });
  }
  return JSON.parse(JSON.stringify(fields)) as CmsField[];
}

const hasImages = (fields: CmsField[]): boolean =>
  fields.some((field) => field.widget === 'image' || (field.fields ? hasImages(field.fields) : false));

interface CollectionPlan {
  name: string;
  type: CollectionName;
  label: string;
  /** Folder under the content root. */
  folder: string;
  /** Path template under the folder, when entries sit in subfolders named after fields. */
  path?: string;
  fixed: Record<string, string>;
  campaign?: string;
  create?: boolean;
  delete?: boolean;
  description?: string;
}

function collectionConfig(plan: CollectionPlan, walk: Omit<WalkContext, 'collection' | 'fixed'>): CmsCollection {
  const spec = collections[plan.type];
  const display = DISPLAY_FIELD[plan.type];
  const fields = withIdFromTitle(
    cmsFields({ ...walk, collection: plan.type, fixed: plan.fixed, campaign: plan.campaign }),
    plan.type,
    walk.context,
  );
  const images = hasImages(fields);
  const sortable = [display, 'year', 'opens'].filter((name) => fields.some((field) => field.name === name));
  return {
    name: plan.name,
    label: plan.label,
    label_singular: spec.label,
    ...(plan.description ? { description: plan.description } : {}),
    folder: [walk.context.contentRoot, plan.folder].join('/'),
    ...(plan.path ? { path: plan.path } : {}),
    create: plan.create ?? true,
    delete: plan.delete ?? true,
    extension: spec.format,
    format: spec.format === 'md' ? 'frontmatter' : 'yaml',
    slug: `{{fields.${spec.fileNameField}}}`,
    identifier_field: spec.fileNameField,
    summary: `{{fields.${display}}}`,
    // Pictures go to images/ next to the entry, and the file records images/<name>.
    ...(images ? { media_folder: 'images', public_folder: 'images' } : {}),
    ...(sortable.length ? { sortable_fields: sortable } : {}),
    ...(plan.path?.includes('{{street}}') ? { view_groups: [{ label: '街道', field: 'street' }] } : {}),
    fields,
  };
}

/**
 * The id field of a collection whose entries have a Chinese title: the id widget, which fills it from
 * the title (its `title_field`), avoiding `taken` ids. Judges keep a plain field: their ids are neutral
 * codes (judge-a), never a name.
 */
function withIdFromTitle(fields: CmsField[], type: CollectionName, context: CmsContext): CmsField[] {
  const title = DISPLAY_FIELD[type];
  if (collections[type].fileNameField !== 'id' || (title !== 'title' && title !== 'name')) return fields;
  const taken = context.taken?.[type];
  return fields.map((field) =>
    field.name === 'id' && field.widget === 'string'
      ? { ...field, widget: ID_WIDGET, title_field: title, ...(taken?.length ? { taken: [...taken] } : {}) }
      : field,
  );
}

/** Where a street office finds the spreadsheet for many entries at once (the district imports it). */
const SHEET_NOTES = {
  brands: `品牌较多时，可下载表格模板 ${sitePath(`${SHEETS.brands.templatePath}.xlsx`)}（每行一个品牌），填好后交区级统一导入。`,
  sites: `阵地较多时，可下载表格模板 ${sitePath(`${SHEETS.sites.templatePath}.xlsx`)}（每行一个阵地），填好后交区级统一导入。`,
};

/** The collections an entry point edits. */
export function plansFor(entry: EntryPoint, context: CmsContext): CollectionPlan[] {
  if (entry.kind === 'district') {
    const all: CollectionPlan[] =
      // Judges live in the review repository: the district edits them in its review build's editor (kind `review`).
      (['streets', 'brands', 'sites', 'belts', 'campaigns', 'submissions', 'progress'] as const).map((type) => {
        const spec = collections[type];
        const path = spec.folders.length
          ? [...spec.folders.map((folder) => `{{${folder}}}`), '{{slug}}'].join('/')
          : undefined;
        return {
          name: type,
          type,
          label: spec.label,
          folder: type,
          ...(path ? { path } : {}),
          fixed: {},
          ...(type === 'streets' ? { delete: false } : {}),
        };
      });
    return all;
  }
  if (entry.kind === 'street') {
    const street = context.streets.find((item) => item.id === entry.street);
    if (!street) throw new Error(`cms: unknown street ${entry.street}`);
    const fixed = { street: street.id };
    return [
      {
        name: 'brands',
        type: 'brands',
        label: `${collections.brands.label}`,
        folder: `brands/${street.id}`,
        fixed,
        description: SHEET_NOTES.brands,
      },
      {
        name: 'sites',
        type: 'sites',
        label: `示范${collections.sites.label}`,
        folder: `sites/${street.id}`,
        fixed,
        description: SHEET_NOTES.sites,
      },
      ...context.campaigns.map((campaign) => ({
        name: submissionsCollection(campaign.id),
        type: 'submissions' as const,
        label: `申报：${campaign.title}`,
        description: `${street.name}对“${campaign.title}”的申报`,
        folder: `submissions/${campaign.id}/${street.id}`,
        fixed: { campaign: campaign.id, street: street.id },
        campaign: campaign.id,
      })),
      ...context.campaigns
        .filter((campaign) => campaign.tasks?.length)
        .map((campaign) => ({
          name: progressCollection(campaign.id),
          type: 'progress' as const,
          label: `揭榜进展：${campaign.title}`,
          description: `${street.name}揭榜任务的进展报告；“验收”由区级填写。报告较多时，可下载表格模板 /admin/progress-template.xlsx（每行一份报告），填好后交区级统一导入。`,
          folder: `progress/${campaign.id}/${street.id}`,
          fixed: { campaign: campaign.id, street: street.id },
        })),
    ];
  }
  if (entry.kind === 'judge') {
    // The judge's own folder of each call: the editor lists, opens and writes nobody else's sheets.
    return context.campaigns.map((campaign) => ({
      name: reviewsCollection(campaign.id),
      type: 'reviews' as const,
      label: `评审打分：${campaign.title}`,
      description: '您在这次征集令中的打分，只有您自己的',
      folder: `reviews/${campaign.id}/${entry.judge}`,
      fixed: { judge: entry.judge },
      campaign: campaign.id,
    }));
  }
  const judges: CollectionPlan[] =
    entry.kind === 'review'
      ? [
          {
            name: 'judges',
            type: 'judges',
            label: `${collections.judges.label}（不公开）`,
            folder: 'judges',
            fixed: {},
          },
        ]
      : [];
  return [
    ...judges,
    ...context.campaigns.map((campaign) => ({
      name: reviewsCollection(campaign.id),
      type: 'reviews' as const,
      label: `评审打分：${campaign.title}`,
      description: '每位评委只能修改自己文件夹中的打分（content/reviews/<征集令>/<评委编号>/）',
      folder: `reviews/${campaign.id}`,
      path: '{{judge}}/{{slug}}',
      fixed: {},
      campaign: campaign.id,
    })),
  ];
}

/** The full Decap configuration of one entry point, and what the browser code needs to know about its collections. */
export function buildCmsConfig(
  entry: EntryPoint,
  context: CmsContext,
): { config: CmsConfig; meta: Record<string, CollectionMeta> } {
  const plans = plansFor(entry, context);
  const available: Partial<Record<CollectionName, string>> = {};
  for (const plan of plans) {
    // A relation needs one target collection; a street's several submissions folders are not one.
    if (!available[plan.type] && plans.filter((other) => other.type === plan.type).length === 1)
      available[plan.type] = plan.name;
  }
  const street = entry.kind === 'street' ? context.streets.find((item) => item.id === entry.street) : undefined;
  const center = street?.point ?? DISTRICT_CENTRE;
  const config: CmsConfig = {
    ...backendConfig(context.backend),
    locale: 'zh_Hans',
    ...(context.siteUrl ? { site_url: context.siteUrl, display_url: context.siteUrl } : {}),
    ...mediaFolders(entry, context.contentRoot),
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    // The Media page's uploads (no field) are pictures too.
    media_processing: PHOTO_PROCESSING,
    commit_messages: COMMIT_MESSAGES,
    collections: plans.map((plan) =>
      collectionConfig(plan, { available, context, center, campaign: plan.campaign, office: entry.kind === 'street' }),
    ),
  };
  const meta = Object.fromEntries(plans.map((plan) => [plan.name, { type: plan.type, fixed: plan.fixed }]));
  return { config, meta };
}

/** What an entry point's page tells the browser code (cms/context.ts reads it from the page). */
export interface CmsPageContext {
  entry: EntryPoint;
  /** The backend whose code cms/main.ts loads (only that one: the others stay out of the download). */
  backend: BackendSettings['name'];
  collections: Record<string, CollectionMeta>;
  streets: { id: string; name: string; lng: number; lat: number }[];
  campaigns: { id: string; title: string }[];
}

/** The page context of one entry point, the public site's and the review outputs' alike. */
export function cmsPageContext(entry: EntryPoint, context: CmsContext): CmsPageContext {
  return {
    entry,
    backend: context.backend.name,
    collections: buildCmsConfig(entry, context).meta,
    campaigns: context.campaigns.map((campaign) => ({ id: campaign.id, title: campaign.title })),
    streets: context.streets.map((street) => ({
      id: street.id,
      name: street.name,
      lng: street.point.lng,
      lat: street.point.lat,
    })),
  };
}

/** Haizhu's middle, where the picker opens outside a street's editor. */
export const DISTRICT_CENTRE: LngLat = { lng: 113.325, lat: 23.083 };

const COMMIT_MESSAGES = {
  create: '新建{{collection}}“{{slug}}”',
  update: '修改{{collection}}“{{slug}}”',
  delete: '删除{{collection}}“{{slug}}”',
  uploadMedia: '上传“{{path}}”',
  deleteMedia: '删除“{{path}}”',
  openAuthoring: '{{message}}',
};

/** The Media button's own folder: a street's brand pictures, elsewhere the shared uploads folder. */
function mediaFolders(entry: EntryPoint, contentRoot: string) {
  if (entry.kind === 'street')
    return { media_folder: `${contentRoot}/brands/${entry.street}/images`, public_folder: 'images' };
  return { media_folder: 'public/uploads', public_folder: sitePath('/uploads') };
}

/** Hosts whose Decap backend supports the editorial workflow (each change a branch and a merge request). */
const WORKFLOW_BACKENDS = new Set(['proxy', 'gitlab', 'github']);

export function backendConfig(
  settings: BackendSettings,
): Pick<CmsConfig, 'backend' | 'local_backend' | 'publish_mode'> {
  const workflow = WORKFLOW_BACKENDS.has(settings.name) ? { publish_mode: 'editorial_workflow' as const } : {};
  if (settings.name === 'proxy') {
    return { backend: { name: 'proxy', proxy_url: settings.proxyUrl, branch: settings.branch }, ...workflow };
  }
  const backend: Record<string, unknown> = {
    name: settings.name,
    repo: settings.repo,
    branch: settings.branch,
    ...(settings.apiRoot ? { api_root: settings.apiRoot } : {}),
    ...(settings.baseUrl ? { base_url: settings.baseUrl } : {}),
    ...(settings.appId ? { app_id: settings.appId } : {}),
    ...(settings.name === 'gitlab' && settings.appId ? { auth_type: 'pkce' } : {}),
    ...(settings.name === 'gitea' && settings.appId ? { auth_type: 'pkce' } : {}),
    squash_merges: true,
  };
  // A clone of a production build still edits locally under `npm run cms`.
  return { backend, local_backend: { url: settings.proxyUrl }, ...workflow };
}

/** Reads the backend from the build's environment (see README, “CMS”). */
export function backendFromEnv(env: Record<string, string | undefined>): BackendSettings {
  const name = (env.CMS_BACKEND?.trim() || 'proxy') as BackendSettings['name'];
  if (!['proxy', 'gitlab', 'github', 'gitea'].includes(name)) {
    throw new Error(`CMS_BACKEND 应为 proxy、gitlab、github 或 gitea，而不是“${name}”`);
  }
  const port = env.CMS_PROXY_PORT?.trim() || '8081';
  const settings: BackendSettings = {
    name,
    branch: env.CMS_BRANCH?.trim() || 'main',
    proxyUrl: `http://127.0.0.1:${port}/api/v1`,
  };
  if (name !== 'proxy') {
    const repo = env.CMS_REPO?.trim();
    if (!repo) throw new Error(`CMS_BACKEND=${name} 需要同时设置 CMS_REPO（例如 haizhu/party-brands）`);
    settings.repo = repo;
    if (env.CMS_API_ROOT?.trim()) settings.apiRoot = env.CMS_API_ROOT.trim();
    if (env.CMS_BASE_URL?.trim()) settings.baseUrl = env.CMS_BASE_URL.trim();
    if (env.CMS_APP_ID?.trim()) settings.appId = env.CMS_APP_ID.trim();
  }
  return settings;
}

/**
 * The entry points the public build writes: the district's and one per street. The judges' are
 * written into the review builds (review/cms.ts): they name judges, which the public build never does.
 */
export function entryPoints(context: Pick<CmsContext, 'streets'>): { slug: string | undefined; entry: EntryPoint }[] {
  return [
    { slug: undefined, entry: { kind: 'district' } },
    ...context.streets.map((street) => ({ slug: street.id, entry: { kind: 'street' as const, street: street.id } })),
  ];
}

/** The title of an entry point's page. */
export function entryTitle(entry: EntryPoint, context: Pick<CmsContext, 'streets'>): string {
  if (entry.kind === 'district') return '内容管理（区级）';
  if (entry.kind === 'judges' || entry.kind === 'judge') return '评审打分';
  if (entry.kind === 'review') return '评审数据（区级）';
  return `内容管理（${context.streets.find((street) => street.id === entry.street)?.name ?? entry.street}）`;
}
