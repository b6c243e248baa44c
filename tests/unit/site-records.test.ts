import { describe, expect, it } from 'vitest';
import {
  ICP_REGISTER,
  POLICE_REGISTER,
  policeRecordCode,
  policeRecordHref,
  siteRecords,
} from '../../src/lib/site/records.ts';

describe('policeRecordCode', () => {
  it.each([
    ['粤公网安备 44010502000000号', '44010502000000'],
    ['粤公网安备44010502000000号', '44010502000000'],
    // A record written with its year first: the number is the longest run of digits.
    ['2024 粤公网安备 44010502000123号', '44010502000123'],
    ['粤公网安备', undefined],
  ])('%s → %s', (record, code) => {
    expect(policeRecordCode(record)).toBe(code);
  });

  it('links to the register, searching for the number when there is one', () => {
    expect(policeRecordHref('粤公网安备 44010502000000号')).toBe(
      'https://beian.mps.gov.cn/#/query/webSearch?code=44010502000000',
    );
    expect(policeRecordHref('粤公网安备')).toBe(POLICE_REGISTER);
  });
});

describe('siteRecords', () => {
  it.each([
    [{}, []],
    [{ icp: '', policeRecord: ' ', siteCode: '' }, []],
    [{ icp: '粤ICP备12345678号' }, [{ text: '粤ICP备12345678号', href: ICP_REGISTER }]],
    [{ siteCode: '4401050001' }, [{ text: '网站标识码：4401050001' }]],
    [
      { icp: ' 粤ICP备12345678号-1 ', policeRecord: '粤公网安备 44010502000000号', siteCode: '4401050001' },
      [
        { text: '网站标识码：4401050001' },
        { text: '粤ICP备12345678号-1', href: ICP_REGISTER },
        {
          text: '粤公网安备 44010502000000号',
          href: 'https://beian.mps.gov.cn/#/query/webSearch?code=44010502000000',
        },
      ],
    ],
  ])('%j', (settings, expected) => {
    expect(siteRecords(settings)).toEqual(expected);
  });

  it('links only to the official registers, and fetches nothing', () => {
    const records = siteRecords({ icp: 'x', policeRecord: '粤公网安备 1号', siteCode: 'y' });
    for (const record of records)
      if (record.href) expect(new URL(record.href).host).toMatch(/^beian\.(miit|mps)\.gov\.cn$/);
  });
});
