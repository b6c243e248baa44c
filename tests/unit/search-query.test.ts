import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  buildVocabulary,
  parseQuery,
  searchFilters,
  searchTerm,
  streetForms,
  type Vocabulary,
} from '../../src/lib/search/query.ts';

/** The real 18 streets and every community a real site names, as the build makes them. */
function realVocabulary(): Vocabulary {
  const read = (dir: string) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => parse(readFileSync(join(dir, name), 'utf8')));
  return buildVocabulary(read('content/streets'), read('content/sites'));
}

const vocabulary = realVocabulary();
const parsed = (query: string) => parseQuery(query, vocabulary);
const names = (query: string) => parsed(query).recognised.map((name) => `${name.kind}:${name.value}`);

describe('the vocabulary', () => {
  it('has the 18 streets and the communities sites name', () => {
    expect(vocabulary.streets).toHaveLength(18);
    expect(vocabulary.communities.map((community) => community.name)).toEqual(
      expect.arrayContaining(['江湾社区', '南洲社区', '万寿北社区', '鹭江社区']),
    );
  });

  it('lists each community once, with its street', () => {
    const built = buildVocabulary(
      [{ id: 'binjiang', name: '滨江街道', shortName: '滨江' }],
      [
        { street: 'binjiang', community: '江湾社区' },
        { street: 'binjiang', community: ' 江湾社区 ' },
        { street: 'binjiang' },
      ],
    );
    expect(built.communities).toEqual([{ name: '江湾社区', street: 'binjiang' }]);
  });

  it('knows every form of a street name, longest first', () => {
    expect(streetForms({ id: 'jianghai', name: '江海街道', shortName: '江海' })).toEqual([
      '江海街道',
      '江海街',
      '江海',
    ]);
    expect(streetForms({ id: 'jiangnanzhong', name: '江南中街道', shortName: '江南中' })).toEqual([
      '江南中街道',
      '江南中街',
      '江南中',
    ]);
  });
});

describe('parseQuery: streets become filters', () => {
  it.each(['江海', '江海街', '江海街道'])('recognises %s as 江海街道 and leaves no text', (query) => {
    const result = parsed(query);
    expect(result.recognised).toEqual([{ kind: 'street', value: '江海街道', matched: query }]);
    expect(result.words).toEqual([]);
    expect(searchTerm(result)).toBeNull();
  });

  it('does not read 滨江街 as 江海 or 江海街 as 滨江', () => {
    expect(names('滨江街')).toEqual(['street:滨江街道']);
    expect(names('江海街')).toEqual(['street:江海街道']);
  });

  it('keeps the rest of the query as text', () => {
    const result = parsed('江海街道 党群服务中心');
    expect(names('江海街道 党群服务中心')).toEqual(['street:江海街道']);
    expect(result.words).toEqual(['党群服务中心']);
    expect(searchTerm(result)).toBe('党群服务中心');
  });

  it('finds a street written together with the topic, without a space', () => {
    const result = parsed('滨江街道加装电梯');
    expect(names('滨江街道加装电梯')).toEqual(['street:滨江街道']);
    expect(result.words).toEqual(['加装电梯']);
  });

  it('recognises three-character short names and their full forms', () => {
    expect(names('南石头')).toEqual(['street:南石头街道']);
    expect(names('江南中街')).toEqual(['street:江南中街道']);
    expect(names('南华西街道')).toEqual(['street:南华西街道']);
  });

  it('does not take part of a short name for a street', () => {
    // 南石 is part of 南石头 (and of the brand 红色南石), not a street's name.
    expect(parsed('南石').recognised).toEqual([]);
    expect(parsed('南石').words).toEqual(['南石']);
  });

  it('takes several streets as alternatives', () => {
    const result = parsed('江海 滨江');
    expect(searchFilters(result)).toEqual({ street: { any: ['江海街道', '滨江街道'] } });
  });

  it('names each street once', () => {
    expect(names('江海 江海街道')).toEqual(['street:江海街道']);
  });
});

describe('parseQuery: communities become filters', () => {
  it('recognises a community', () => {
    expect(names('江湾社区')).toEqual(['community:江湾社区']);
    expect(parsed('江湾社区').words).toEqual([]);
  });

  it('prefers the longer name: 南洲社区 is a community in 瑞宝, not the street 南洲', () => {
    expect(names('南洲社区')).toEqual(['community:南洲社区']);
  });

  it('combines a street and a community', () => {
    const result = parsed('滨江街道 江湾社区 电梯');
    expect(searchFilters(result)).toEqual({ street: { any: ['滨江街道'] }, community: { any: ['江湾社区'] } });
    expect(searchTerm(result)).toBe('电梯');
  });
});

describe('parseQuery: phrases and words', () => {
  it('keeps quoted text as a phrase, with ASCII or Chinese quotes', () => {
    expect(parsed('"党建红联"').phrases).toEqual(['党建红联']);
    expect(parsed('“党建红联”').phrases).toEqual(['党建红联']);
    expect(parsed('「红色南石」').phrases).toEqual(['红色南石']);
    expect(searchTerm(parsed('“党建红联” 科技'))).toBe('"党建红联" 科技');
  });

  it('does not look for street names inside a phrase', () => {
    const result = parsed('"聚能江海"');
    expect(result.recognised).toEqual([]);
    expect(searchTerm(result)).toBe('"聚能江海"');
  });

  it('reads an unmatched quote as punctuation', () => {
    const result = parsed('"毓秀阁');
    expect(result.phrases).toEqual([]);
    expect(result.words).toEqual(['毓秀阁']);
  });

  it('splits words at spaces and Chinese punctuation, dropping repeats', () => {
    expect(parsed('加装电梯，垃圾分类、加装电梯').words).toEqual(['加装电梯', '垃圾分类']);
  });

  it('folds full-width letters, digits and spaces', () => {
    expect(parsed('ＡＩ　５Ｇ').words).toEqual(['AI', '5G']);
  });

  it('keeps Latin and mixed words whole', () => {
    expect(parsed('5G 智慧网格').words).toEqual(['5G', '智慧网格']);
    expect(parsed('6+N').words).toEqual(['6+N']);
  });

  it('gives no search for an empty or blank query', () => {
    for (const query of ['', '   ', '，。', '""']) {
      const result = parsed(query);
      expect(searchTerm(result), query).toBeNull();
      expect(result.recognised).toEqual([]);
    }
  });

  it('works with an empty vocabulary (names are then searched as text)', () => {
    const result = parseQuery('江海街道 加装电梯', { streets: [], communities: [] });
    expect(result.recognised).toEqual([]);
    expect(result.words).toEqual(['江海街道', '加装电梯']);
  });
});

describe('searchFilters', () => {
  it('merges chosen chips with recognised names', () => {
    const result = parsed('江海 电梯');
    expect(searchFilters(result, { type: ['党建品牌'], street: ['滨江街道'] })).toEqual({
      type: { any: ['党建品牌'] },
      street: { any: ['滨江街道', '江海街道'] },
    });
  });

  it('is empty for plain text', () => {
    expect(searchFilters(parsed('毓秀阁'))).toEqual({});
  });
});
