import { describe, expect, it } from 'vitest';
import { CsvError, decodeCsvBytes, parseCsv, stringifyCsv } from '../../src/lib/import/csv.ts';

describe('parseCsv (RFC 4180)', () => {
  it.each([
    ['one record', 'a,b,c', [['a', 'b', 'c']]],
    [
      'CRLF between records, and a final CRLF',
      'a,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'LF alone',
      'a,b\nc,d\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['empty fields', ',a,,\r\n', [['', 'a', '', '']]],
    ['a quoted comma', '"a,b",c', [['a,b', 'c']]],
    ['doubled quotes inside quotes', '"他说""好""",x', [['他说"好"', 'x']]],
    [
      'a line break inside quotes',
      '"第一行\r\n第二行",x\r\ny,z',
      [
        ['第一行\r\n第二行', 'x'],
        ['y', 'z'],
      ],
    ],
    ['an empty quoted field', '"",a', [['', 'a']]],
    [
      'a byte-order mark',
      '\uFEFF编号,名称\r\n1,甲',
      [
        ['编号', '名称'],
        ['1', '甲'],
      ],
    ],
    ['a blank line in the middle', 'a\r\n\r\nb', [['a'], [''], ['b']]],
    ['a stray quote inside an unquoted field is kept', 'a"b,c', [['a"b', 'c']]],
    ['nothing at all', '', []],
  ])('%s', (_, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('reports an unterminated quote with its line', () => {
    expect(() => parseCsv('a,b\r\nc,"d\r\ne')).toThrow(CsvError);
    try {
      parseCsv('a,b\r\nc,"d\r\ne');
    } catch (error) {
      expect((error as CsvError).line).toBe(2);
      expect((error as CsvError).message).toBe('第 2 行的引号没有配对结束');
    }
  });
});

describe('stringifyCsv', () => {
  it('quotes only what needs quoting, with CRLF line ends', () => {
    expect(stringifyCsv([['a', 'b,c', '他说"好"', '两行\n文字', ' 空格', 3, null]])).toBe(
      'a,"b,c","他说""好""","两行\n文字"," 空格",3,\r\n',
    );
  });

  it('adds a byte-order mark for Excel when asked', () => {
    expect(stringifyCsv([['编号']], { bom: true })).toBe('\uFEFF编号\r\n');
  });

  it('round-trips through parseCsv', () => {
    const rows = [
      ['编号', '摘要'],
      ['a-1', '含逗号，以及,英文逗号、"引号"和\r\n换行'],
    ];
    expect(parseCsv(stringifyCsv(rows, { bom: true }))).toEqual(rows);
  });
});

describe('decodeCsvBytes', () => {
  it('reads UTF-8', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('编号,街道'))).toBe('编号,街道');
  });

  it('reads GB18030, as Excel on a Chinese Windows saves “CSV”', () => {
    // 编号,龙凤街道 in GBK.
    const gbk = new Uint8Array([0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xc1, 0xfa, 0xb7, 0xef, 0xbd, 0xd6, 0xb5, 0xc0]);
    expect(decodeCsvBytes(gbk)).toBe('编号,龙凤街道');
  });
});
