import { describe, expect, it } from 'vitest';
import { buildCmsConfig, type CmsContext, type CmsField, entryPoints } from '../../src/lib/cms/config.ts';

/**
 * The judges' entry points, generated into the review builds (review/cms.ts): one judge's editor
 * edits only that judge's folders; the district's review editor edits the review repository.
 */
const context: CmsContext = {
  contentRoot: 'content',
  streets: [{ id: 'longfeng', name: '龙凤街道', point: { lng: 113.3, lat: 23.1 } }],
  campaigns: [
    { id: '2026-call', title: '2026 年征集令', rubric: [{ id: 'impact', name: '实际成效', scale: 100 }] },
    { id: '2022-first-round', title: '2022 年首批', rubric: [{ id: 'impact', name: '实际成效', scale: 10 }] },
  ],
  belts: [],
  backend: { name: 'proxy', branch: 'main', proxyUrl: 'http://127.0.0.1:8082/api/v1' },
};

const fieldNamed = (fields: CmsField[], name: string) => fields.find((field) => field.name === name);

describe('one judge’s editor', () => {
  const { config, meta } = buildCmsConfig({ kind: 'judge', judge: 'judge-a' }, context);

  it('has one collection per call: that judge’s own folder, nobody else’s', () => {
    expect(config.collections.map((collection) => [collection.name, collection.folder, collection.path])).toEqual([
      ['reviews-2026-call', 'content/reviews/2026-call/judge-a', undefined],
      ['reviews-2022-first-round', 'content/reviews/2022-first-round/judge-a', undefined],
    ]);
  });

  it('fixes the judge in a hidden field, and scores each criterion of the call', () => {
    const [reviews] = config.collections;
    expect(fieldNamed(reviews.fields, 'judge')).toMatchObject({ widget: 'hidden', default: 'judge-a' });
    expect(meta['reviews-2026-call']).toEqual({ type: 'reviews', fixed: { judge: 'judge-a' } });
    const scores = fieldNamed(reviews.fields, 'scores');
    expect(scores?.fields?.map((field) => [field.name, field.max])).toEqual([['impact', 100]]);
  });
});

describe('the district’s review editor', () => {
  const { config } = buildCmsConfig({ kind: 'review' }, context);

  it('edits the judges and every call’s score sheets of the review repository', () => {
    expect(config.collections.map((collection) => [collection.name, collection.folder, collection.path])).toEqual([
      ['judges', 'content/judges', undefined],
      ['reviews-2026-call', 'content/reviews/2026-call', '{{judge}}/{{slug}}'],
      ['reviews-2022-first-round', 'content/reviews/2022-first-round', '{{judge}}/{{slug}}'],
    ]);
    expect(config.backend).toEqual({ name: 'proxy', proxy_url: 'http://127.0.0.1:8082/api/v1', branch: 'main' });
  });
});

describe('the public build’s entry points', () => {
  it('are the district’s and the streets’: no judges’ editor, which would list every judge’s sheets', () => {
    expect(entryPoints(context).map((point) => point.entry.kind)).toEqual(['district', 'street']);
  });

  it('leave the judges out of the district’s public editor: they live in the review repository', () => {
    const { config } = buildCmsConfig({ kind: 'district' }, context);
    expect(config.collections.map((collection) => collection.name)).not.toContain('judges');
  });
});
