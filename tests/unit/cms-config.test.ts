import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { ID_WIDGET as ID_CONTROL, ID_NOTES, idFieldView, nextId } from '../../cms/id-widget.tsx';
import { fitLongestSide, limitPhotoSize } from '../../cms/photo-widget.ts';
import {
  backendFromEnv,
  buildCmsConfig,
  type CmsCollection,
  type CmsContext,
  type CmsField,
  cmsPageContext,
  entryPoints,
  ID_WIDGET,
  PHOTO_PROCESSING,
  stringPattern,
} from '../../src/lib/cms/config.ts';
import { DISTRICT_WIDGET } from '../../src/lib/cms/district-field.ts';
import { idFromTitle } from '../../src/lib/content/ids.ts';
import { PHOTO } from '../../src/lib/content/images.ts';
import { SHEETS } from '../../src/lib/import/columns.ts';
import { unwrap } from '../../src/lib/issues.ts';
import {
  BRAND_STATUSES,
  type CollectionName,
  collectionNames,
  collections,
  fieldInfo,
  ID_PATTERN,
  SUBMISSION_STAGES,
  schemaOf,
} from '../../src/schema/index.ts';

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
      tasks: [{ id: 'elevator', title: '老旧小区加装电梯' }],
    },
    { id: '2022-first-round', title: '2022 年首批遴选', rubric: [{ id: 'impact', name: '工作成效', scale: 10 }] },
  ],
  belts: [{ id: 'pazhou-digital-belt', name: '琶洲数字经济党建示范带' }],
  backend: backendFromEnv({}),
};

const district = buildCmsConfig({ kind: 'district' }, context);
const judges = buildCmsConfig({ kind: 'judges' }, context);
/** The district's editor of the review repository (judges, every call's reviews), in its review build. */
const review = buildCmsConfig({ kind: 'review' }, context);
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
    for (const config of [district.config, judges.config, review.config]) {
      for (const item of config.collections) {
        const type = (district.meta[item.name] ?? judges.meta[item.name] ?? review.meta[item.name]).type;
        const fields = cmsPaths(item.fields).filter((path) => !(path === 'body' && collections[type].format === 'md'));
        expect(fields.sort(), item.name).toEqual(schemaPaths(schemaOf(type)).sort());
        checked.push(type);
      }
    }
    // The district repository has no editor: the district imports its contacts from the sign-up sheets.
    for (const name of collectionNames.filter((name) => collections[name].repository !== 'district'))
      expect(checked, name).toContain(name);
    expect(checked).not.toContain('contacts');
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
    // A sign-up's contact is not in it any more (the district repository holds it): no editor offers it.
    const longfeng = buildCmsConfig({ kind: 'street', street: 'longfeng' }, context);
    for (const config of [district.config, longfeng.config, judges.config, review.config])
      for (const item of config.collections)
        expect(
          cmsPaths(item.fields).filter((path) => /(^|\.)contact(\.|$)|phone/.test(path)),
          item.name,
        ).toEqual([]);
    expect(fieldAt(collection(district.config, 'campaigns').fields, 'judges').hint).toContain('不公开');
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
    expect(fieldAt(campaigns, 'rubric')).toMatchObject({ widget: 'list', required: false });
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
  ] as const)('makes %s.%s a relation to %s, as its schema declares', (name, path, target) => {
    expect(fieldAt(collection(district.config, name).fields, path), `${name}.${path}`).toMatchObject({
      widget: 'relation',
      collection: target,
      value_field: collections[target].fileNameField,
    });
  });

  it('keeps judges out of the district’s public editor: a call’s panel is a list of ids, judges are edited in the review repository', () => {
    expect(district.config.collections.map((item) => item.name)).not.toContain('judges');
    expect(fieldAt(collection(district.config, 'campaigns').fields, 'judges')).toMatchObject({ widget: 'list' });
    expect(fieldAt(collection(review.config, 'judges').fields, 'conflicts')).toMatchObject({
      widget: 'select',
      multiple: true,
    });
    expect(fieldAt(collection(review.config, 'reviews-2026-call').fields, 'judge')).toMatchObject({
      widget: 'relation',
      collection: 'judges',
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
      // Progress reports only for the call with a list of tasks.
      expect(names).toEqual([
        'brands',
        'sites',
        'submissions-2026-call',
        'submissions-2022-first-round',
        'progress-2026-call',
      ]);
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
      // A claim picks one of the call's own tasks.
      expect(fieldAt(submissions.fields, 'claim.task')).toMatchObject({
        widget: 'select',
        options: [{ label: '老旧小区加装电梯', value: 'elevator' }],
      });
      const progress = collection(config, 'progress-2026-call');
      expect(progress.folder).toBe(`content/progress/2026-call/${street.id}`);
      expect(fieldAt(progress.fields, 'campaign')).toMatchObject({ widget: 'hidden', default: '2026-call' });
      // The district's acceptance is shown to the office, never set by it.
      expect(fieldAt(progress.fields, 'acceptance')).toMatchObject({ widget: DISTRICT_WIDGET });
      // Brands and sites of the street link to each other; streets and campaigns are fixed lists.
      expect(fieldAt(collection(config, 'brands').fields, 'sites')).toMatchObject({
        widget: 'relation',
        collection: 'sites',
      });
      // The call a brand was selected in is the district's to fill: shown, with the calls' titles, not chosen.
      expect(fieldAt(collection(config, 'brands').fields, 'round')).toMatchObject({ widget: DISTRICT_WIDGET });
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

  const options = (labels: Record<string, string>) =>
    Object.entries(labels).map(([value, label]) => ({ label, value }));
  const longfeng = buildCmsConfig({ kind: 'street', street: 'longfeng' }, context).config;

  it.each([
    // collection in a street's editor, field, district collection, what the street's config says
    [
      'submissions-2026-call',
      'stage',
      'submissions',
      { default: 'draft', office_values: ['draft', 'submitted'], choices: options(SUBMISSION_STAGES) },
    ],
    ['submissions-2026-call', 'brand', 'submissions', { required: false }],
    [
      'brands',
      'status',
      'brands',
      { default: 'submitted', office_values: ['submitted'], choices: options(BRAND_STATUSES) },
    ],
    [
      'brands',
      'round',
      'brands',
      {
        required: false,
        choices: context.campaigns.map((campaign) => ({ label: campaign.title, value: campaign.id })),
      },
    ],
    [
      'sites',
      'belt',
      'sites',
      {
        required: false,
        parts: [
          {
            name: 'belt',
            label: '示范带',
            choices: [{ label: '琶洲数字经济党建示范带', value: 'pazhou-digital-belt' }],
          },
          { name: 'order', label: '站点顺序' },
        ],
      },
    ],
  ] as const)(
    'a street office sees %s.%s, which the district decides, in the district widget',
    (name, path, districtName, expected) => {
      const street = fieldAt(collection(longfeng, name).fields, path);
      expect(street).toMatchObject({ name: path, widget: DISTRICT_WIDGET, ...expected });
      expect(street.label).toBe(fieldAt(collection(district.config, districtName).fields, path).label);
      // Without values of its own to choose, an office's new entry leaves the field out.
      if (!('office_values' in expected)) {
        expect(street.default).toBeUndefined();
        expect(street.office_values).toBeUndefined();
      }
      // The district's entry point keeps its ordinary, editable widget.
      expect(fieldAt(collection(district.config, districtName).fields, path).widget).not.toBe(DISTRICT_WIDGET);
    },
  );

  it('uses the district widget exactly for the fields the schema says the district sets, in every street', () => {
    const declared = (type: CollectionName) =>
      Object.entries(schemaOf(type).shape as Record<string, z.ZodType>)
        .map(([key, child]) => ({ key, info: fieldInfo.get(child) }))
        .filter(({ info }) => info?.setBy === 'district');
    const widgets = (fields: CmsField[]): string[] =>
      fields.flatMap((field) => [
        ...(field.widget === DISTRICT_WIDGET ? [field.name] : []),
        ...widgets(field.fields ?? (field.field ? [field.field] : [])),
      ]);
    for (const street of context.streets) {
      const { config, meta } = buildCmsConfig({ kind: 'street', street: street.id }, context);
      for (const item of config.collections) {
        const fields = declared(meta[item.name].type);
        expect(widgets(item.fields).sort(), item.name).toEqual(fields.map(({ key }) => key).sort());
        for (const { key, info } of fields) {
          const field = fieldAt(item.fields, key);
          expect(field.office_values, `${item.name}.${key}`).toEqual(info?.officeValues ?? undefined);
          expect(field.default, `${item.name}.${key}`).toBe(info?.officeValues?.[0]);
        }
      }
    }
    expect(declared('submissions').length + declared('brands').length + declared('sites').length).toBeGreaterThan(0);
    for (const config of [district.config, judges.config]) {
      for (const item of config.collections) expect(widgets(item.fields), item.name).toEqual([]);
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
    // The judges live in the review repository; its sample is what a clone has.
    const judgesDir = 'samples/review-content/content/judges';
    for (const file of readdirSync(judgesDir)) {
      const judge = parse(readFileSync(`${judgesDir}/${file}`, 'utf8')) as { name: string; affiliation: string };
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

  it('tells every entry point’s page which backend to load, so a production backend is registered', () => {
    const gitlab = { ...context, backend: backendFromEnv({ CMS_BACKEND: 'gitlab', CMS_REPO: 'haizhu/brands' }) };
    for (const entry of [{ kind: 'district' }, { kind: 'street', street: 'longfeng' }] as const) {
      const page = cmsPageContext(entry, gitlab);
      expect(page.backend).toBe('gitlab');
      expect(page.collections).toEqual(buildCmsConfig(entry, gitlab).meta);
      expect(page.streets.map((street) => street.id)).toEqual(context.streets.map((street) => street.id));
    }
    expect(cmsPageContext({ kind: 'district' }, context).backend).toBe('proxy');
  });
});

describe('ids from titles and phone photos in the editor', () => {
  const longfeng = buildCmsConfig({ kind: 'street', street: 'longfeng' }, context);

  it('gives every entry with a Chinese title the id widget, reading its title field; judges keep plain codes', () => {
    expect(ID_WIDGET).toBe(ID_CONTROL);
    for (const [config, name, title] of [
      [longfeng.config, 'brands', 'title'],
      [longfeng.config, 'sites', 'name'],
      [longfeng.config, 'submissions-2026-call', 'title'],
      [district.config, 'campaigns', 'title'],
      [district.config, 'belts', 'name'],
    ] as const) {
      expect(fieldAt(collection(config, name).fields, 'id'), name).toMatchObject({
        widget: ID_WIDGET,
        title_field: title,
        label: '编号',
        pattern: [ID_PATTERN.source, expect.stringContaining('小写英文字母')],
      });
      // The file is still named after the id field.
      expect(collection(config, name).slug).toBe('{{fields.id}}');
    }
    expect(fieldAt(collection(review.config, 'judges').fields, 'id').widget).toBe('string');
  });

  it('tells a street office where the spreadsheet templates for brands and sites are', () => {
    for (const name of ['brands', 'sites'] as const) {
      expect(collection(longfeng.config, name).description).toContain(`${SHEETS[name].templatePath}.xlsx`);
    }
  });

  it('passes the build’s list of taken ids to the widget when it has one', () => {
    const withTaken = buildCmsConfig(
      { kind: 'street', street: 'longfeng' },
      { ...context, taken: { brands: ['yuxiuge', 'hongse-nanshi'] } },
    );
    expect(fieldAt(collection(withTaken.config, 'brands').fields, 'id')).toMatchObject({
      taken: ['yuxiuge', 'hongse-nanshi'],
    });
    expect(fieldAt(collection(withTaken.config, 'sites').fields, 'id').taken).toBeUndefined();
  });

  it('follows the title in a new entry until an id is typed, with -2 for a taken one, and is locked once saved', () => {
    const taken = new Set(['yuxiuge']);
    const base = { makeId: idFromTitle, taken };
    expect(nextId({ ...base, value: '', title: '红色南石', following: true })).toBe('hongse-nanshi');
    expect(nextId({ ...base, value: '', title: '毓秀阁', following: true })).toBe('yuxiuge-2');
    expect(nextId({ ...base, value: 'hongse-nanshi', title: '红色南石', following: true })).toBeUndefined();
    expect(nextId({ ...base, value: 'my-own', title: '红色南石', following: false })).toBeUndefined();
    expect(nextId({ ...base, value: 'hongse', title: '', following: true })).toBe('');
    expect(idFieldView({ value: 'hongse-nanshi', isNew: true, following: true, taken })).toEqual({
      mode: 'edit',
      value: 'hongse-nanshi',
      note: ID_NOTES.following,
    });
    expect(idFieldView({ value: 'yuxiuge', isNew: true, following: false, taken })).toMatchObject({
      mode: 'edit',
      note: ID_NOTES.edited,
      warning: expect.stringContaining('yuxiuge-2'),
    });
    expect(idFieldView({ value: 'yuxiuge', isNew: false, following: false, taken })).toEqual({
      mode: 'show',
      text: 'yuxiuge',
      note: ID_NOTES.locked,
    });
  });

  it('has Decap shrink pictures by the figures of PHOTO, and leaves attachments alone', () => {
    expect(PHOTO_PROCESSING).toEqual({
      enabled: true,
      format: { enabled: true, default: 'jpeg' },
      quality: PHOTO.quality * 100,
      strip_metadata: true,
    });
    const brands = collection(longfeng.config, 'brands').fields;
    expect(fieldAt(brands, 'cover.src').media_processing).toEqual(PHOTO_PROCESSING);
    expect(fieldAt(brands, 'gallery.src').media_processing).toEqual(PHOTO_PROCESSING);
    expect(fieldAt(collection(longfeng.config, 'sites').fields, 'photos.src').media_processing).toEqual(
      PHOTO_PROCESSING,
    );
    expect(longfeng.config.media_processing).toEqual(PHOTO_PROCESSING);
    const attachments = collection(district.config, 'submissions').fields;
    expect(fieldAt(attachments, 'attachments.file').media_processing).toEqual({ enabled: false });
  });

  it.each([
    [4032, 3024, 2400, 1800],
    [3024, 4032, 1800, 2400],
    [6000, 1000, 2400, 400],
    [2400, 1600, 2400, 1600],
    [800, 600, 800, 600],
  ])('fits a %i×%i picture within the longest side as %i×%i, never enlarging it', (width, height, w, h) => {
    expect(fitLongestSide(width, height)).toEqual({ width: w, height: h });
    expect(Math.max(w, h)).toBeLessThanOrEqual(PHOTO.longestSide);
  });

  it('hands Decap’s decoder an uploaded photo fitted within the longest side, on white, and nothing else', async () => {
    const calls: { source: unknown; options: unknown }[] = [];
    const drawn: unknown[][] = [];
    const fills: string[] = [];
    const canvas = {
      width: 0,
      height: 0,
      getContext: () => ({
        set fillStyle(value: string) {
          fills.push(value);
        },
        fillRect: () => undefined,
        drawImage: (...args: unknown[]) => drawn.push(args),
      }),
    };
    const target = {
      document: { createElement: () => canvas },
      createImageBitmap: async (source: unknown, options?: unknown) => {
        calls.push({ source, options });
        return {
          width: source === canvas ? canvas.width : 4032,
          height: source === canvas ? canvas.height : 3024,
          close() {},
        };
      },
    } as unknown as typeof globalThis;
    limitPhotoSize(target);
    limitPhotoSize(target);
    const photo = new File([new Uint8Array([0xff, 0xd8])], 'IMG_0001.JPG', { type: 'image/jpeg' });
    const bitmap = await target.createImageBitmap(photo);
    expect(calls.map((call) => call.options)).toEqual([{ imageOrientation: 'from-image' }, undefined]);
    expect(calls[1].source).toBe(canvas);
    expect([canvas.width, canvas.height, bitmap.width, bitmap.height]).toEqual([2400, 1800, 2400, 1800]);
    expect(drawn).toEqual([[expect.anything(), 0, 0, 2400, 1800]]);
    expect(fills).toEqual(['#ffffff']);
    // A Blob (the map's tiles), or a call with options, goes straight through.
    calls.length = 0;
    await target.createImageBitmap(new Blob([]));
    await target.createImageBitmap(photo, { resizeWidth: 10 });
    expect(calls.map((call) => call.options)).toEqual([undefined, { resizeWidth: 10 }]);
  });
});
