import { describe, expect, it } from 'vitest';
import { checkEntry, formatProblems } from '../../src/lib/cms/entry-check.ts';

const brand = {
  id: 'ceshi',
  title: '测试品牌',
  street: 'longfeng',
  organisation: '龙凤街道党工委',
  category: 'governance',
  tagline: '一句话介绍品牌',
  summary: '这是一段足够长的摘要，用来说明这个测试品牌是做什么的。',
  year: 2026,
  status: 'submitted',
  sample: true,
  body: '## 品牌概况\n\n正文。',
};
const street = { type: 'brands' as const, fixed: { street: 'longfeng' } };

describe('the editor’s save check', () => {
  it('passes a valid entry and keeps its Markdown body', () => {
    const { data, problems } = checkEntry(street, brand);
    expect(problems).toEqual([]);
    expect(data.body).toBe(brand.body);
  });

  it('drops what a cleared field leaves behind instead of writing it', () => {
    const { data, problems } = checkEntry(street, {
      ...brand,
      round: '',
      cover: { src: '', alt: '' },
      gallery: [{ src: '', alt: '' }],
      tags: ['', '电梯'],
    });
    expect(problems).toEqual([]);
    expect(data).not.toHaveProperty('round');
    expect(data).not.toHaveProperty('cover');
    expect(data.gallery).toEqual([]);
    expect(data.tags).toEqual(['电梯']);
  });

  it("refuses with the validator's field, message and fix", () => {
    const { problems } = checkEntry(street, { ...brand, cover: { src: 'images/a.svg' }, year: 1990 });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'cover.alt', message: expect.stringContaining('缺少必填字段') }),
        expect.objectContaining({ field: 'year', message: expect.stringContaining('年份应在 2000 年之后') }),
      ]),
    );
    expect(formatProblems(problems)).toMatch(/^cover\.alt：.+（.+）/m);
  });

  it('refuses an entry filed under another street than its folder', () => {
    const { problems } = checkEntry(street, { ...brand, street: 'chigang' });
    expect(problems[0]).toMatchObject({ field: 'street', message: expect.stringContaining('应为“longfeng”') });
  });

  it('checks YAML collections without a body', () => {
    const { data, problems } = checkEntry(
      { type: 'sites', fixed: {} },
      {
        id: 'ceshi',
        name: '测试阵地',
        type: 'red-station',
        street: 'longfeng',
        address: '海珠区测试路 1 号',
        point: { lng: 23.1, lat: 113.25 },
        community: '',
      },
    );
    expect(data).not.toHaveProperty('body');
    expect(data).not.toHaveProperty('community');
    expect(problems.map((problem) => problem.field)).toEqual(['point']);
    expect(problems[0].message).toContain('经度和纬度可能写反了');
  });
});
