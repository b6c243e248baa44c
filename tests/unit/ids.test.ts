import { describe, expect, it } from 'vitest';
import { idFromTitle, MAX_ID_LENGTH } from '../../src/lib/content/ids.ts';
import { readContentFiles } from '../../src/lib/content-files.ts';
import { ID_PATTERN } from '../../src/schema/common.ts';

describe('ids from Chinese titles', () => {
  it.each([
    ['毓秀阁', 'yuxiuge'],
    ['红色南石', 'hongse-nanshi'],
    ['鹭江先锋哨', 'lujiang-xianfengshao'],
    ['长者“红管家”', 'zhangzhe-hongguanjia'],
    ['江湾社区“6+N”治理模式', 'jiangwan-shequ-6-n-zhili-moshi'],
    ['5G 智慧网格', '5g-zhihui-wangge'],
    ['AI 赋能党建', 'ai-funeng-dangjian'],
    ['科大讯飞华南党建红联', 'keda-xunfei-huanan-dangjian-honglian'],
    ['Ｗｉ－Ｆｉ　驿站', 'wi-fi-yizhan'],
    ['绿色', 'lvse'],
    ['“”——！', ''],
  ])('%s → %s', (title, id) => {
    expect(idFromTitle(title)).toBe(id);
  });

  it('adds -2, -3 when the id is taken in the collection', () => {
    expect(idFromTitle('毓秀阁', new Set(['yuxiuge']))).toBe('yuxiuge-2');
    expect(idFromTitle('毓秀阁', new Set(['yuxiuge', 'yuxiuge-2']))).toBe('yuxiuge-3');
  });

  it('gives every real title in content/ a valid id of at most 40 characters', () => {
    const titles = readContentFiles('content').flatMap((file) => {
      const match = /^(?:title|name): (.+)$/m.exec(file.text);
      return match ? [match[1].replace(/^["']|["']$/g, '')] : [];
    });
    expect(titles.length).toBeGreaterThan(50);
    for (const title of titles) {
      const id = idFromTitle(title);
      expect(id, title).toMatch(ID_PATTERN);
      expect(id.length, title).toBeLessThanOrEqual(MAX_ID_LENGTH);
    }
  });
});
