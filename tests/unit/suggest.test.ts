import { describe, expect, it } from 'vitest';
import { type Candidate, editDistance, nearest } from '../../src/lib/suggest.ts';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['longfeng', 'longfeng', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['longfen', 'longfeng', 1],
    ['lonfgeng', 'longfeng', 2],
    ['titel', 'title', 2],
    ['kitten', 'sitting', 3],
    ['pazhou-center', 'pazhou-centre', 2],
    ['龙风', '龙凤', 1],
    ['龙凤街道', '龙凤', 2],
  ])('%j → %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('nearest', () => {
  const streets: Candidate[] = [
    { key: 'longfeng', aliases: ['龙凤街道', '龙凤'] },
    { key: 'pazhou', aliases: ['琶洲街道', '琶洲'] },
    { key: 'nanshitou', aliases: ['南石头街道', '南石头'] },
    { key: 'nanzhou', aliases: ['南洲街道', '南洲'] },
    { key: 'jianghai', aliases: ['江海街道', '江海'] },
  ];
  const fields: Candidate[] = ['id', 'title', 'street', 'summary', 'tagline'].map((key) => ({ key }));

  it.each([
    ['a typo', 'longfen', streets, 'longfeng'],
    ['a transposition', 'pahzou', streets, 'pazhou'],
    ['a missing letter', 'nanshitu', streets, 'nanshitou'],
    ['capital letters', 'LongFeng', streets, 'longfeng'],
    ['a prefix', 'jiang', streets, 'jianghai'],
    ['a three-letter prefix', 'paz', streets, 'pazhou'],
    ['a Chinese short name', '龙凤', streets, 'longfeng'],
    ['a Chinese full name', '南洲街道', streets, 'nanzhou'],
    ['a misspelt field', 'titel', fields, 'title'],
    ['a misspelt short field', 'ld', fields, 'id'],
  ])('suggests for %s: %j → %j', (_case, written, candidates, expected) => {
    expect(nearest(written, candidates)).toBe(expected);
  });

  it.each([
    ['an unrelated word', 'beijing', streets],
    ['a two-letter prefix (too short to be a prefix)', 'lo', streets],
    ['an unknown Chinese name', '越秀', streets],
    ['an unrelated field', 'colour', fields],
    ['no candidates', 'longfeng', []],
  ])('suggests nothing for %s', (_case, written, candidates) => {
    expect(nearest(written, candidates)).toBeUndefined();
  });

  it('prefers an exact alias over a closer id', () => {
    const candidates: Candidate[] = [{ key: 'ab' }, { key: 'longfeng', aliases: ['ac'] }];
    expect(nearest('ac', candidates)).toBe('longfeng');
  });

  it('picks the closest of several near keys', () => {
    expect(nearest('nanzhu', streets)).toBe('nanzhou');
    expect(nearest('nanshito', streets)).toBe('nanshitou');
  });
});
