import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type CollectionName,
  collectionNames,
  collections,
  fieldInfo,
  ID_PATTERN,
  idSchema,
  isoDate,
  pointSchema,
  schemaOf,
} from '../../src/schema/index.ts';

/** Strips optional/default/nullable wrappers, as a field's own schema may carry them. */
function bare(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable)
    current = current.unwrap() as z.ZodType;
  return current;
}

/** Every field of an object schema, as [dotted path, the schema in the shape], descending into objects and arrays. */
function fieldsOf(schema: z.ZodType, prefix = ''): [string, z.ZodType][] {
  let inner = bare(schema);
  while (inner instanceof z.ZodArray) inner = bare(inner.element as z.ZodType);
  if (!(inner instanceof z.ZodObject)) return [];
  return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [[path, child] as [string, z.ZodType], ...fieldsOf(child, path)];
  });
}

const allFields = collectionNames.flatMap((name) =>
  fieldsOf(schemaOf(name)).map(([path, schema]) => [`${name}.${path}`, schema] as const),
);
const HAN = /\p{Script=Han}/u;

describe('field labels', () => {
  it('walks nested fields', () => {
    const paths = allFields.map(([path]) => path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'brands.cover.src',
        'brands.gallery.alt',
        'brands.figures.unit',
        'sites.point.lat',
        'sites.belt.order',
        'campaigns.rubric.scale',
        'campaigns.stages.end',
        'contacts.phone',
        'submissions.attachments.file',
      ]),
    );
  });

  it.each(allFields)('%s has a Chinese label', (_path, schema) => {
    expect(fieldInfo.get(schema)?.label).toMatch(HAN);
  });

  it.each(allFields.filter(([, schema]) => fieldInfo.get(schema)?.hint))('%s has a Chinese hint', (_path, schema) => {
    expect(fieldInfo.get(schema)?.hint).toMatch(HAN);
  });

  it.each(collectionNames)('the %s collection has a Chinese name', (name) => {
    expect(collections[name].label).toMatch(HAN);
  });
});

describe('collection layout', () => {
  it.each(collectionNames)('%s: the file-name field and folder fields are in the schema', (name: CollectionName) => {
    const { shape } = schemaOf(name);
    const spec = collections[name];
    expect(shape).toHaveProperty(spec.fileNameField);
    // Reviews sit in <campaign>/<judge>/; only the judge is a field of a review.
    for (const folder of spec.folders.filter((folder) => !(name === 'reviews' && folder === 'campaign')))
      expect(shape).toHaveProperty(folder);
  });

  it.each(collectionNames)('%s rejects unknown fields', (name) => {
    const result = schemaOf(name).safeParse({ unknownField: 1 });
    expect(result.error?.issues).toContainEqual(
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['unknownField'] }),
    );
  });
});

describe('ids', () => {
  it.each(['longfeng', 'yu-xiu-ge', '2022-first-round', 'a1'])('accepts %s', (id) => {
    expect(ID_PATTERN.test(id)).toBe(true);
    expect(idSchema.safeParse(id).success).toBe(true);
  });

  it.each(['', 'LongFeng', 'long_feng', 'long feng', '-longfeng', 'longfeng-', 'long--feng', '龙凤', 'yuxiuge.md'])(
    'rejects %j',
    (id) => {
      expect(ID_PATTERN.test(id)).toBe(false);
      expect(idSchema.safeParse(id).error?.issues[0].message).toBe(
        '只能使用小写英文字母、数字和连字符（例如 yu-xiu-ge）',
      );
    },
  );
});

describe('dates', () => {
  it.each([
    [new Date('2022-06-30'), '2022-06-30'],
    [new Date(Date.UTC(2024, 1, 29)), '2024-02-29'],
    ['2022-06-30', '2022-06-30'],
    ['2024-02-29', '2024-02-29'],
  ])('turns %o into %s', (input, expected) => {
    expect(isoDate.parse(input)).toBe(expected);
  });

  it.each([
    ['2022/06/30', '日期格式应为 YYYY-MM-DD，例如 2022-06-30'],
    ['2022-6-30', '日期格式应为 YYYY-MM-DD，例如 2022-06-30'],
    ['June 30', '日期格式应为 YYYY-MM-DD，例如 2022-06-30'],
    ['2022-13-01', '不是有效的日期'],
    ['2022-02-30', '不是有效的日期'],
    ['2023-02-29', '不是有效的日期'],
  ])('rejects %s with one message', (input, message) => {
    expect(isoDate.safeParse(input).error?.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it('coerces the Dates a YAML 1.1 parser gives for every date of a campaign', () => {
    const campaign = schemaOf('campaigns').parse({
      id: '2022-first-round',
      title: '测试征集令',
      organiser: '测试单位',
      description: '测试用的征集令说明，至少需要二十个字才能通过。',
      opens: new Date('2022-06-01'),
      closes: new Date('2022-06-30'),
      eligibility: ['测试条件'],
      rubric: [{ id: 'impact', name: '成效', weight: 100 }],
      stages: [{ stage: 'submission', start: new Date('2022-06-01'), end: new Date('2022-06-30') }],
    });
    expect(campaign).toMatchObject({
      opens: '2022-06-01',
      closes: '2022-06-30',
      stages: [{ stage: 'submission', start: '2022-06-01', end: '2022-06-30' }],
    });
  });

  it('keeps an optional date optional', () => {
    const { shape } = schemaOf('submissions');
    expect(shape.submitted.parse(undefined)).toBeUndefined();
    expect(shape.submitted.parse(new Date('2022-06-20'))).toBe('2022-06-20');
  });
});

describe('points', () => {
  const messages = (point: unknown) => pointSchema.safeParse(point).error?.issues.map((issue) => issue.message) ?? [];

  it.each([
    ['龙凤', { lng: 113.2557, lat: 23.1017 }],
    ['琶洲', { lng: 113.3695, lat: 23.1025 }],
    ['inside the padding west of the district', { lng: 113.22, lat: 23.08 }],
  ])('accepts a point in %s', (_place, point) => {
    expect(messages(point)).toEqual([]);
  });

  it.each([[{ lng: 23.1017, lat: 113.2557 }], [{ lng: 23.1, lat: 113.4 }]])(
    'says swapped coordinates (%o) are 写反',
    (point) => {
      expect(messages(point)).toEqual([
        `坐标 (${point.lng}, ${point.lat}) 不在海珠区内，经度和纬度可能写反了（请对调 lng 与 lat）`,
      ]);
    },
  );

  it.each([
    ['深圳', { lng: 114.0579, lat: 22.5431 }],
    ['越秀 (north of the river, outside the padding)', { lng: 113.27, lat: 23.14 }],
    ['黄埔 (east of the district)', { lng: 113.46, lat: 23.1 }],
  ])('rejects a point in %s and gives the padded box', (_place, point) => {
    expect(messages(point)).toEqual([
      `坐标 (${point.lng}, ${point.lat}) 不在海珠区范围内（经度 113.216–113.435，纬度 23.026–23.137）；经度和纬度可能写反了，或坐标来自高德/百度而未转换为 WGS-84`,
    ]);
  });

  it('requires numbers', () => {
    expect(pointSchema.safeParse({ lng: '113.3', lat: 23.1 }).success).toBe(false);
  });
});
