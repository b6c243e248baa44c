import { fromJS } from 'immutable';
import { describe, expect, it } from 'vitest';
import { backendFromEnv, buildCmsConfig, type CmsField } from '../../src/lib/cms/config.ts';
import {
  type DistrictFieldView,
  displayValue,
  districtFieldView,
  EMPTY_TEXT,
  NOTES,
  PLACEHOLDER,
  specOf,
} from '../../src/lib/cms/district-field.ts';

// The widget's options as a street office's config.yml gives them, from the schema's declarations.
const { config } = buildCmsConfig(
  { kind: 'street', street: 'longfeng' },
  {
    contentRoot: 'content',
    streets: [{ id: 'longfeng', name: '龙凤街道', point: { lng: 113.31, lat: 23.1 } }],
    campaigns: [{ id: '2022-first-round', title: '2022 年首批遴选', rubric: [] }],
    belts: [{ id: 'pazhou-digital-belt', name: '琶洲数字经济党建示范带' }],
    backend: backendFromEnv({}),
  },
);
const spec = (collection: string, name: string) => {
  const field = config.collections
    .find((item) => item.name === collection)
    ?.fields.find((item: CmsField) => item.name === name);
  if (!field) throw new Error(`no field ${collection}.${name}`);
  // Decap hands the widget its field as an Immutable map.
  return specOf(fromJS(field) as unknown as { get(key: string): unknown });
};
const stage = spec('submissions-2022-first-round', 'stage');
const status = spec('brands', 'status');
const round = spec('brands', 'round');
const brand = spec('submissions-2022-first-round', 'brand');
const belt = spec('sites', 'belt');

const choose = (selected: string, extra: Partial<DistrictFieldView> = {}) => ({
  mode: 'choose',
  options: [
    { value: 'draft', label: '草稿' },
    { value: 'submitted', label: '已提交' },
  ],
  selected,
  note: NOTES.choose,
  ...extra,
});

describe('a district field in a street office’s editor', () => {
  it.each([
    // spec, value, new entry?, what the office sees (and what the editor writes)
    ['stage, a draft', stage, 'draft', false, choose('draft')],
    ['stage, submitted', stage, 'submitted', false, choose('submitted')],
    ['stage, moved on by the district', stage, 'shortlisted', false, { mode: 'show', text: '入围', note: NOTES.moved }],
    ['stage, not selected', stage, 'not-selected', false, { mode: 'show', text: '未入选', note: NOTES.moved }],
    ['stage, missing in a file', stage, undefined, false, choose('', { placeholder: PLACEHOLDER })],
    ['stage, a new sign-up (the default)', stage, 'draft', true, choose('draft')],
    [
      'stage, a new sign-up without the default',
      stage,
      undefined,
      true,
      choose('draft', { write: { value: 'draft' } }),
    ],
    ['stage, a copy of a selected one', stage, 'selected', true, choose('draft', { write: { value: 'draft' } })],
    ['stage, a new sign-up already submitted', stage, 'submitted', true, choose('submitted')],
    ['status, submitted', status, 'submitted', false, { mode: 'show', text: '已申报', note: NOTES.kept }],
    ['status, featured', status, 'featured', false, { mode: 'show', text: '重点推介', note: NOTES.moved }],
    ['status, a new brand', status, 'submitted', true, { mode: 'show', text: '已申报', note: NOTES.kept }],
    [
      'status, a copy of a featured brand',
      status,
      'featured',
      true,
      { mode: 'show', text: '已申报', note: NOTES.kept, write: { value: 'submitted' } },
    ],
    [
      'status, missing in a file',
      status,
      undefined,
      false,
      {
        mode: 'choose',
        options: [{ value: 'submitted', label: '已申报' }],
        selected: '',
        placeholder: PLACEHOLDER,
        note: NOTES.choose,
      },
    ],
    ['round, filled', round, '2022-first-round', false, { mode: 'show', text: '2022 年首批遴选', note: NOTES.filled }],
    ['round, a call not listed', round, '2019-round', false, { mode: 'show', text: '2019-round', note: NOTES.filled }],
    ['round, empty', round, undefined, false, { mode: 'show', text: EMPTY_TEXT, note: '' }],
    ['round, a new brand', round, undefined, true, { mode: 'show', text: EMPTY_TEXT, note: '' }],
    ['brand, filled', brand, 'yuxiuge', false, { mode: 'show', text: 'yuxiuge', note: NOTES.filled }],
    ['brand, an empty text', brand, '', false, { mode: 'show', text: EMPTY_TEXT, note: '' }],
    [
      'brand, a copy of a selected sign-up',
      brand,
      'yuxiuge',
      true,
      { mode: 'show', text: EMPTY_TEXT, note: '', write: { value: undefined } },
    ],
    [
      'belt, as Decap holds it',
      belt,
      fromJS({ belt: 'pazhou-digital-belt', order: 3 }),
      false,
      { mode: 'show', text: '示范带：琶洲数字经济党建示范带，站点顺序：3', note: NOTES.filled },
    ],
    ['belt, none', belt, undefined, false, { mode: 'show', text: EMPTY_TEXT, note: '' }],
    [
      'belt, a copy of a stop',
      belt,
      { belt: 'pazhou-digital-belt', order: 1 },
      true,
      { mode: 'show', text: EMPTY_TEXT, note: '', write: { value: undefined } },
    ],
  ] as const)('%s', (_, field, value, isNew, expected) => {
    expect(districtFieldView(field, value, isNew)).toEqual(expected);
  });

  it('never writes to an existing entry, whatever it holds', () => {
    const values = [undefined, '', 'draft', 'submitted', 'eligible', 'featured', 'unknown', { order: 2 }, ['a']];
    for (const field of [stage, status, round, brand, belt]) {
      for (const value of values) expect(districtFieldView(field, value, false).write).toBeUndefined();
    }
  });

  it('offers an office only its own values, and only while the entry holds one of them', () => {
    for (const value of ['draft', 'submitted', 'eligible', 'shortlisted', 'selected', 'not-selected']) {
      const view = districtFieldView(stage, value, false);
      if (view.mode === 'choose') {
        expect(['draft', 'submitted']).toContain(value);
        expect(view.options.map((option) => option.value)).toEqual(['draft', 'submitted']);
      } else expect(['draft', 'submitted']).not.toContain(value);
    }
  });

  it('reads lists and groups as text', () => {
    expect(displayValue({ choices: [{ value: 'a', label: '甲' }] }, ['a', 'b'])).toBe('甲、b');
    expect(displayValue({}, { belt: 'x', order: 2 })).toBe('belt：x，order：2');
    expect(displayValue({}, true)).toBe('是');
    expect(displayValue({}, null)).toBe('');
  });
});
