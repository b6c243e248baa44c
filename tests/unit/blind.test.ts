import { describe, expect, it } from 'vitest';
import { type Applicant, redact, redactions } from '../../src/lib/review/blind.ts';

const JIANGHAI: Applicant = {
  street: { name: '江海街道', shortName: '江海' },
  communities: ['江湾社区', '红卫新村'],
  organisation: '中共广州市海珠区江海街道工作委员会',
};

describe('blind review: masking the applicant in the material judges read', () => {
  it.each([
    ['江海街道党工委牵头，联合辖内企业。', '××街道党工委牵头，联合辖内企业。'],
    ['在江海街的三个社区试点', '在××街的三个社区试点'],
    ['江海地区的老旧小区', '××地区的老旧小区'],
    ['江湾社区居民议事会', '××社区居民议事会'],
    ['红卫新村的加装电梯', '××村的加装电梯'],
    ['由中共广州市海珠区江海街道工作委员会申报', '由申报单位申报'],
    ['沿江海大道布点', '沿××大道布点'],
    ['与滨江街道合作', '与滨江街道合作'],
    ['没有提到申报方的材料', '没有提到申报方的材料'],
  ])('%s → %s', (text, expected) => {
    expect(redact(text, JIANGHAI)).toBe(expected);
  });

  it('tries the longest name first, so the organisation and the full street name are masked whole', () => {
    const lengths = redactions(JIANGHAI).map(([name]) => name.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    expect(redact('江海街道江海街江海', JIANGHAI)).toBe('××街道××街××');
  });

  it('treats names as text, not as patterns', () => {
    const odd: Applicant = {
      street: { name: '(测试)街道', shortName: '(测试)' },
      communities: [],
      organisation: 'a.b',
    };
    expect(redact('(测试)街道 与 a.b 与 axb', odd)).toBe('××街道 与 申报单位 与 axb');
  });
});
