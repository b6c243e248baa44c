import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { privateFields, toPublic } from '../../src/lib/privacy.ts';
import { collectionNames, field, isPrivateCollection, schemaOf } from '../../src/schema/index.ts';

describe('privateFields', () => {
  it.each([
    ['streets', []],
    ['brands', []],
    ['belts', []],
    ['sites', []],
    ['campaigns', ['judges']],
    ['submissions', []],
    ['progress', []],
    ['judges', ['id', 'code', 'name', 'affiliation', 'conflicts']],
    ['reviews', ['judge', 'submission', 'scores', 'comment', 'conflict']],
    ['contacts', ['submission', 'campaign', 'street', 'name', 'phone', 'leaderName']],
  ] as const)('%s: %j', (name, expected) => {
    expect(privateFields(schemaOf(name))).toEqual(expected);
  });

  it.each(collectionNames.filter(isPrivateCollection))(
    'every field of the private collection %s is private',
    (name) => {
      expect(privateFields(schemaOf(name))).toEqual(Object.keys(schemaOf(name).shape));
    },
  );

  it('names private fields inside objects and arrays', () => {
    const secret = (schema: z.ZodType) => field(schema, { label: '秘密', private: true });
    const schema = z.object({
      open: field(z.string(), { label: '公开' }),
      people: field(z.array(z.object({ name: z.string(), phone: secret(z.string()) })).default([]), { label: '人' }),
      office: field(z.object({ note: secret(z.string().optional()) }).optional(), { label: '办公室' }),
    });
    expect(privateFields(schema)).toEqual(['people[].phone', 'office.note']);
  });
});

describe('toPublic', () => {
  const submission = {
    id: 'yuxiuge',
    campaign: '2022-first-round',
    street: 'longfeng',
    organisation: '龙凤街道党工委',
    title: '毓秀阁',
    category: 'governance',
    summary: '测试用的申报摘要，至少二十个字，联系人信息不公开。',
    attachments: [{ title: '申报书', file: 'files/apply.pdf' }],
    submitted: '2022-06-20',
    stage: 'selected',
    brand: 'yuxiuge',
  };

  it('keeps a sign-up whole: its private details are not in it (they live in the district repository)', () => {
    expect(toPublic(schemaOf('submissions'), submission)).toEqual(submission);
    // A file still carrying the old contact (the validator refuses it) does not pass it on either.
    expect(toPublic(schemaOf('submissions'), { ...submission, contact: { name: '某人', phone: '020-1' } })).toEqual(
      submission,
    );
  });

  it('does not mutate its input', () => {
    const input = structuredClone(submission);
    const output = toPublic(schemaOf('submissions'), input);
    expect(input).toEqual(submission);
    expect(output).not.toBe(input);
    expect(output.attachments).not.toBe(input.attachments);
    expect(output.attachments[0]).not.toBe(input.attachments[0]);
  });

  it('drops keys the schema does not know', () => {
    const output = toPublic(schemaOf('submissions'), {
      ...submission,
      secretNote: '不应公开',
      attachments: [{ title: '申报书', file: 'files/apply.pdf', uploader: '某人' }],
    });
    expect(output).not.toHaveProperty('secretNote');
    expect(output.attachments).toEqual([{ title: '申报书', file: 'files/apply.pdf' }]);
  });

  it('removes the judges of a campaign but keeps its rubric and stages', () => {
    const campaign = {
      id: '2022-first-round',
      title: '测试征集令',
      rubric: [{ id: 'impact', name: '成效', weight: 100, scale: 10 }],
      stages: [{ stage: 'submission', start: '2022-06-01', end: '2022-06-30' }],
      judges: ['judge-a'],
      resultsPublished: false,
    };
    const { judges: _judges, ...rest } = campaign;
    expect(toPublic(schemaOf('campaigns'), campaign)).toEqual(rest);
  });

  it('leaves nothing of a judge, a review or a sign-up’s contact', () => {
    expect(
      toPublic(schemaOf('contacts'), {
        submission: 'yuxiuge',
        campaign: '2022-first-round',
        street: 'longfeng',
        name: '测试联系人',
        phone: '020-00000001',
      }),
    ).toEqual({});
    expect(
      toPublic(schemaOf('judges'), {
        id: 'zhang-san',
        code: '评审专家A',
        name: '张三',
        affiliation: '某单位',
        conflicts: ['pazhou'],
      }),
    ).toEqual({});
    expect(
      toPublic(schemaOf('reviews'), {
        judge: 'zhang-san',
        submission: 'yuxiuge',
        scores: { impact: 9 },
        comment: '评语',
        conflict: false,
      }),
    ).toEqual({});
  });

  it('keeps a public entry whole, nested objects and arrays included', () => {
    const brand = {
      id: 'yuxiuge',
      title: '毓秀阁',
      street: 'longfeng',
      cover: { src: 'images/cover.svg', alt: '封面图' },
      gallery: [{ src: 'images/1.svg', alt: '第一张' }],
      figures: [{ label: '加装电梯', value: 6, unit: '栋' }],
      tags: ['加装电梯'],
      year: 2022,
      sample: false,
    };
    expect(toPublic(schemaOf('brands'), brand)).toEqual(brand);
  });

  it('removes private fields at any depth', () => {
    const secret = (schema: z.ZodType) => field(schema, { label: '秘密', private: true });
    const schema = z.object({
      open: field(z.string(), { label: '公开' }),
      people: field(z.array(z.object({ name: z.string(), phone: secret(z.string()) })).default([]), { label: '人' }),
      office: field(
        z.object({ address: z.string(), desk: z.object({ note: secret(z.string()), floor: z.number() }) }).optional(),
        { label: '办公室' },
      ),
      groups: z.array(z.array(z.object({ id: z.string(), pin: secret(z.string()) }))),
    });
    const input = {
      open: '公开内容',
      people: [
        { name: '甲', phone: '1' },
        { name: '乙', phone: '2' },
      ],
      office: { address: '地址', desk: { note: '便条', floor: 3 } },
      groups: [[{ id: 'a', pin: '0000' }], []],
    };
    const before = structuredClone(input);
    expect(toPublic(schema, input)).toEqual({
      open: '公开内容',
      people: [{ name: '甲' }, { name: '乙' }],
      office: { address: '地址', desk: { floor: 3 } },
      groups: [[{ id: 'a' }], []],
    });
    expect(input).toEqual(before);
  });

  it('passes values that are not objects through', () => {
    const schema = z.object({ list: z.array(z.string()).optional() });
    expect(toPublic(schema, { list: undefined })).toEqual({ list: undefined });
    expect(toPublic(schema, null)).toBeNull();
  });
});
