import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import {
  backendFromEnv,
  buildCmsConfig,
  type CmsCollection,
  type CmsContext,
  type CmsField,
  entryPoints,
  stringPattern,
} from '../../src/lib/cms/config.ts';
import { unwrap } from '../../src/lib/issues.ts';
import { type CollectionName, collections, ID_PATTERN, schemaOf } from '../../src/schema/index.ts';

const streets = readdirSync('content/streets')
  .sort()
  .map((file) => parse(readFileSync(`content/streets/${file}`, 'utf8')) as { id: string; name: string; point: never });

const context: CmsContext = {
  contentRoot: 'content',
  streets: streets.map(({ id, name, point }) => ({ id, name, point })),
  campaigns: [
    {
      id: '2026-call',
      title: '2026 年征集令',
      rubric: [
        { id: 'impact', name: '工作成效', scale: 10 },
        { id: 'innovation', name: '创新特色', scale: 5 },
      ],
    },
    { id: '2022-first-round', title: '2022 年首批遴选', rubric: [{ id: 'impact', name: '工作成效', scale: 10 }] },
  ],
  belts: [{ id: 'pazhou-digital-belt', name: '琶洲数字经济党建示范带' }],
  backend: backendFromEnv({}),
};

const district = buildCmsConfig({ kind: 'district' }, context);
const judges = buildCmsConfig({ kind: 'judges' }, context);
const collection = (config: { collections: CmsCollection[] }, name: string) => {
  const found = config.collections.find((item) => item.name === name);
  if (!found) throw new Error(`no collection ${name}`);
  return found;
};
const fieldAt = (fields: CmsField[], path: string): CmsField => {
  const [head, ...rest] = path.split('.');
  const field = fields.find((item) => item.name === head);
  if (!field) throw new Error(`no field ${path}`);
  if (!rest.length) return field;
  return fieldAt(field.fields ?? (field.field ? [field.field] : []), rest.join('.'));
};

/** Dotted paths of every field of a schema; a point ({lng, lat}) and a record are one field each. */
function schemaPaths(schema: z.ZodType, prefix = ''): string[] {
  let inner = unwrap(schema);
  while (inner instanceof z.ZodArray) inner = unwrap(inner.element as z.ZodType);
  if (!(inner instanceof z.ZodObject)) return [];
  const keys = Object.keys(inner.shape);
  if (keys.length === 2 && keys.includes('lng') && keys.includes('lat')) return [];
  return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...schemaPaths(child, path)];
  });
}

/** Dotted paths of every CMS field; a list of plain values (`field`) is one field. */
function cmsPaths(fields: CmsField[], prefix = ''): string[] {
  return fields.flatMap((field) => {
    const path = prefix ? `${prefix}.${field.name}` : field.name;
    if (field.widget === 'point' || (field.widget === 'object' && field.name === 'scores')) return [path];
    return [path, ...(field.fields ? cmsPaths(field.fields, path) : [])];
  });
}

describe('CMS configuration from the schemas', () => {
  it('has a CMS field for every schema field and no field the schema lacks (Markdown body aside), in every collection', () => {
    const checked: CollectionName[] = [];
    for (const config of [district.config, judges.config]) {
      for (const item of config.collections) {
        const type = (district.meta[item.name] ?? judges.meta[item.name]).type;
        const fields = cmsPaths(item.fields).filter((path) => !(path === 'body' && collections[type].format === 'md'));
        expect(fields.sort(), item.name).toEqual(schemaPaths(schemaOf(type)).sort());
        checked.push(type);
      }
    }
    for (const name of Object.keys(collections)) expect(checked, name).toContain(name);
  });

  it('copies labels, hints and required flags from the field registry', () => {
    const brands = collection(district.config, 'brands').fields;
    expect(fieldAt(brands, 'title')).toMatchObject({ label: '品牌名称', widget: 'string' });
    expect(fieldAt(brands, 'title').required).toBeUndefined();
    expect(fieldAt(brands, 'organisation')).toMatchObject({ hint: '例如 龙凤街道党工委' });
    expect(fieldAt(brands, 'round')).toMatchObject({ required: false });
    expect(fieldAt(brands, 'summary').widget).toBe('text');
    expect(fieldAt(brands, 'sample')).toMatchObject({ widget: 'boolean', default: false, required: false });
    expect(fieldAt(brands, 'sample').hint).toContain('示例');
    expect(fieldAt(brands, 'body')).toMatchObject({ widget: 'markdown', label: '品牌故事' });
    const submissions = collection(district.config, 'submissions').fields;
    expect(fieldAt(submissions, 'contact.phone').hint).toContain('不公开');
    expect(fieldAt(submissions, 'attachments.file').widget).toBe('file');
  });

  it('maps numbers, choices, images, lists, objects, dates and points to their widgets', () => {
    const brands = collection(district.config, 'brands').fields;
    expect(fieldAt(brands, 'year')).toMatchObject({ widget: 'number', value_type: 'int', min: 2000, max: 2100 });
    expect(fieldAt(brands, 'figures.value')).toMatchObject({ widget: 'number', value_type: 'float', min: 0 });
    expect(fieldAt(brands, 'category').options).toEqual([
      { label: '党建引领基层治理', value: 'governance' },
      { label: '数字经济发展', value: 'digital-economy' },
      { label: '高质量发展', value: 'high-quality' },
      { label: '其他', value: 'other' },
    ]);
    expect(fieldAt(brands, 'cover')).toMatchObject({ widget: 'object', required: false });
    expect(fieldAt(brands, 'cover.src')).toMatchObject({ widget: 'image', label: '图片', required: false });
    expect(fieldAt(brands, 'gallery')).toMatchObject({ widget: 'list', default: [] });
    expect(fieldAt(brands, 'gallery.src').widget).toBe('image');
    expect(fieldAt(brands, 'tags').field).toMatchObject({ widget: 'string' });
    const sites = collection(district.config, 'sites').fields;
    expect(fieldAt(sites, 'point')).toMatchObject({ widget: 'point', label: '位置' });
    expect(fieldAt(sites, 'belt.order')).toMatchObject({ widget: 'number', value_type: 'int', min: 1 });
    const campaigns = collection(district.config, 'campaigns').fields;
    expect(fieldAt(campaigns, 'opens')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false });
    expect(fieldAt(campaigns, 'rubric')).toMatchObject({ widget: 'list', min: 1, required: true });
    expect(fieldAt(campaigns, 'rubric.weight')).toMatchObject({ min: 0, max: 100 });
    // Every choice list shows Chinese labels, never bare keys.
    const selects = (fields: CmsField[]): CmsField[] =>
      fields.flatMap((field) => [
        ...(field.widget === 'select' ? [field] : []),
        ...selects(field.fields ?? (field.field ? [field.field] : [])),
      ]);
    for (const item of district.config.collections) {
      for (const select of selects(item.fields)) {
        for (const option of select.options ?? [])
          expect(option.label, `${item.name}.${select.name}`).not.toBe(option.value);
      }
    }
  });

  it.each([
    ['brands', 'street', 'streets'],
    ['brands', 'round', 'campaigns'],
    ['brands', 'sites', 'sites'],
    ['sites', 'street', 'streets'],
    ['sites', 'brands', 'brands'],
    ['sites', 'belt.belt', 'belts'],
    ['submissions', 'campaign', 'campaigns'],
    ['submissions', 'street', 'streets'],
    ['submissions', 'brand', 'brands'],
    ['campaigns', 'judges', 'judges'],
    ['judges', 'conflicts', 'streets'],
  ] as const)('makes %s.%s a relation to %s, as its schema declares', (name, path, target) => {
    expect(fieldAt(collection(district.config, name).fields, path), `${name}.${path}`).toMatchObject({
      widget: 'relation',
      collection: target,
      value_field: collections[target].fileNameField,
    });
  });

  it('shows and searches related entries by their names', () => {
    const relation = (name: string, path: string) => fieldAt(collection(district.config, name).fields, path);
    expect(relation('sites', 'brands')).toMatchObject({ multiple: true, display_fields: ['title'] });
    expect(relation('brands', 'street')).toMatchObject({ search_fields: ['name', 'id'] });
  });

  it('writes patterns with the schema’s own Chinese messages, combined with length limits', () => {
    const brands = collection(district.config, 'brands').fields;
    expect(fieldAt(brands, 'id').pattern).toEqual([
      ID_PATTERN.source,
      '：只能使用小写英文字母、数字和连字符（例如 yu-xiu-ge）',
    ]);
    expect(fieldAt(brands, 'title').pattern?.[1]).toBe('：品牌名称至少 2 个字；品牌名称最多 30 个字');
    const streetsFields = collection(district.config, 'streets').fields;
    expect(fieldAt(streetsFields, 'code').pattern?.[1]).toContain('以 440105 开头');
    // The pattern accepts exactly what the schema accepts.
    const samples = [
      '',
      '龙',
      '龙凤',
      '龙凤街道',
      'yu-xiu-ge',
      'Yu',
      '440105009',
      '44010500',
      '020-12345678',
      'x'.repeat(31),
    ];
    const check = (schema: z.ZodType, label: string) => {
      const inner = unwrap(schema) as z.ZodType;
      if (!(inner instanceof z.ZodString)) return;
      const pattern = stringPattern(inner);
      if (!pattern) return;
      for (const sample of samples) {
        expect(new RegExp(pattern[0]).test(sample), `${label} ${JSON.stringify(sample)}`).toBe(
          inner.safeParse(sample).success,
        );
      }
    };
    for (const name of Object.keys(collections) as CollectionName[]) {
      for (const [key, child] of Object.entries(schemaOf(name).shape as Record<string, z.ZodType>))
        check(child, `${name}.${key}`);
    }
    // A regex and a length limit together: both must hold.
    const both = stringPattern(z.string().min(6).regex(/街道$/, '以“街道”结尾'));
    expect(both?.[1]).toBe('：至少 6 个字；以“街道”结尾');
    expect(new RegExp(both?.[0] ?? '').test('龙凤街道')).toBe(false);
    expect(new RegExp(both?.[0] ?? '').test('江南中路街道')).toBe(true);
  });

  it('gives every street an entry point with only its own folders and the street fixed', () => {
    const points = entryPoints(context);
    expect(points.filter((point) => point.entry.kind === 'street')).toHaveLength(18);
    for (const street of context.streets) {
      const { config, meta } = buildCmsConfig({ kind: 'street', street: street.id }, context);
      const names = config.collections.map((item) => item.name);
      expect(names).toEqual(['brands', 'sites', 'submissions-2026-call', 'submissions-2022-first-round']);
      for (const item of config.collections) {
        expect(item.folder.split('/')).toContain(street.id);
        expect(item.folder.endsWith(`/${street.id}`)).toBe(true);
        expect(item.path).toBeUndefined();
        expect(fieldAt(item.fields, 'street')).toEqual({
          name: 'street',
          label: fieldAt(item.fields, 'street').label,
          widget: 'hidden',
          default: street.id,
        });
        expect(meta[item.name].fixed.street).toBe(street.id);
      }
      const submissions = collection(config, 'submissions-2026-call');
      expect(submissions.folder).toBe(`content/submissions/2026-call/${street.id}`);
      expect(fieldAt(submissions.fields, 'campaign')).toMatchObject({ widget: 'hidden', default: '2026-call' });
      // Brands and sites of the street link to each other; streets and campaigns are fixed lists.
      expect(fieldAt(collection(config, 'brands').fields, 'sites')).toMatchObject({
        widget: 'relation',
        collection: 'sites',
      });
      expect(fieldAt(collection(config, 'brands').fields, 'round')).toMatchObject({ widget: 'select' });
      expect(fieldAt(collection(config, 'sites').fields, 'point').center).toEqual([street.point.lng, street.point.lat]);
      expect(collection(config, 'brands')).toMatchObject({
        slug: '{{fields.id}}',
        media_folder: 'images',
        public_folder: 'images',
        format: 'frontmatter',
      });
      const text = stringify(config);
      for (const other of context.streets) if (other.id !== street.id) expect(text).not.toContain(`/${other.id}`);
    }
  });

  it('names files after the ASCII id field and keeps entries in their folders', () => {
    for (const item of district.config.collections) {
      const type = district.meta[item.name].type;
      expect(item.slug).toBe(`{{fields.${collections[type].fileNameField}}}`);
      expect(item.identifier_field).toBe(collections[type].fileNameField);
    }
    expect(collection(district.config, 'brands')).toMatchObject({
      folder: 'content/brands',
      path: '{{street}}/{{slug}}',
    });
    expect(collection(district.config, 'submissions').path).toBe('{{campaign}}/{{street}}/{{slug}}');
    expect(collection(district.config, 'streets').path).toBeUndefined();
    expect(district.config.slug).toMatchObject({ encoding: 'ascii' });
    expect(district.config.locale).toBe('zh_Hans');
  });

  it('gives judges one reviews folder per call with a score per criterion, and no private values', () => {
    expect(judges.config.collections.map((item) => item.name)).toEqual([
      'reviews-2026-call',
      'reviews-2022-first-round',
    ]);
    const reviews = collection(judges.config, 'reviews-2026-call');
    expect(reviews).toMatchObject({ folder: 'content/reviews/2026-call', path: '{{judge}}/{{slug}}' });
    expect(fieldAt(reviews.fields, 'scores').fields).toEqual([
      expect.objectContaining({ name: 'impact', label: '工作成效', widget: 'number', min: 0, max: 10 }),
      expect.objectContaining({ name: 'innovation', label: '创新特色', widget: 'number', min: 0, max: 5 }),
    ]);
    expect(fieldAt(reviews.fields, 'judge')).toMatchObject({ widget: 'string' });
    const text = stringify(judges.config) + stringify(district.config);
    for (const file of readdirSync('content/judges')) {
      const judge = parse(readFileSync(`content/judges/${file}`, 'utf8')) as { name: string; affiliation: string };
      expect(text).not.toContain(judge.name);
      expect(text).not.toContain(judge.affiliation);
    }
  });

  it('uses the local proxy with the editorial workflow by default, and a Git host when configured', () => {
    expect(district.config.backend).toEqual({
      name: 'proxy',
      proxy_url: 'http://127.0.0.1:8081/api/v1',
      branch: 'main',
    });
    expect(district.config.publish_mode).toBe('editorial_workflow');
    const gitlab = buildCmsConfig(
      { kind: 'district' },
      {
        ...context,
        backend: backendFromEnv({
          CMS_BACKEND: 'gitlab',
          CMS_REPO: 'haizhu/brands',
          CMS_BASE_URL: 'https://git.example.gov.cn',
          CMS_API_ROOT: 'https://git.example.gov.cn/api/v4',
          CMS_APP_ID: 'abc',
        }),
      },
    ).config;
    expect(gitlab.backend).toMatchObject({
      name: 'gitlab',
      repo: 'haizhu/brands',
      auth_type: 'pkce',
      app_id: 'abc',
      api_root: 'https://git.example.gov.cn/api/v4',
    });
    expect(gitlab.publish_mode).toBe('editorial_workflow');
    expect(gitlab.local_backend).toEqual({ url: 'http://127.0.0.1:8081/api/v1' });
    const gitea = buildCmsConfig(
      { kind: 'district' },
      { ...context, backend: backendFromEnv({ CMS_BACKEND: 'gitea', CMS_REPO: 'haizhu/brands' }) },
    ).config;
    // Decap's Gitea backend has no editorial workflow: offices commit directly and CI's ownership check is the gate.
    expect(gitea.publish_mode).toBeUndefined();
    expect(() => backendFromEnv({ CMS_BACKEND: 'gitlab' })).toThrow(/CMS_REPO/);
    expect(() => backendFromEnv({ CMS_BACKEND: 'svn' })).toThrow(/CMS_BACKEND/);
    expect(backendFromEnv({ CMS_PROXY_PORT: '9000' }).proxyUrl).toBe('http://127.0.0.1:9000/api/v1');
  });
});
