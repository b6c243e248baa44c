import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/lib/source.ts';

const SITE_YAML = [
  '# 阵地', // 1
  'id: pazhou-centre', // 2
  'name: 琶洲测试服务中心', // 3
  '', // 4
  'point:', // 5
  '  lng: 113.37', // 6
  '  lat: 23.1', // 7
  'belt: { belt: pazhou-digital, order: 1 }', // 8
  'photos:', // 9
  '  - src: images/a.svg', // 10
  '    alt: 第一张', // 11
  '  - src: images/b.svg', // 12
  '    alt: 第二张', // 13
  'brands: [digital-pioneer, yuxiuge]', // 14
  '',
].join('\n');

const BRAND_MD = [
  '---', // 1
  'id: yuxiuge', // 2
  'title: 毓秀阁', // 3
  'cover:', // 4
  '  src: images/cover.svg', // 5
  '  alt: 封面图', // 6
  'figures:', // 7
  '  - label: 加装电梯', // 8
  '    value: 6', // 9
  '---', // 10
  '', // 11
  '毓秀阁的故事。', // 12
  '',
  '---',
  '',
  '分隔线之后的正文。',
  '',
].join('\n');

describe('parseSource: YAML', () => {
  const source = parseSource(SITE_YAML, 'yaml');

  it('parses the data without errors and has no body', () => {
    expect(source.errors).toEqual([]);
    expect(source.body).toBe('');
    expect(source.data).toEqual({
      id: 'pazhou-centre',
      name: '琶洲测试服务中心',
      point: { lng: 113.37, lat: 23.1 },
      belt: { belt: 'pazhou-digital', order: 1 },
      photos: [
        { src: 'images/a.svg', alt: '第一张' },
        { src: 'images/b.svg', alt: '第二张' },
      ],
      brands: ['digital-pioneer', 'yuxiuge'],
    });
  });

  it.each([
    [['id'], 2],
    [['name'], 3],
    [['point'], 5],
    [['point', 'lng'], 6],
    [['point', 'lat'], 7],
    [['belt', 'order'], 8],
    [['photos'], 9],
    [['photos', 0], 10],
    [['photos', 0, 'alt'], 11],
    [['photos', 1, 'src'], 12],
    [['photos', 1, 'alt'], 13],
    [['brands', 1], 14],
  ])('finds %j on line %i', (path, line) => {
    expect(source.lineOf(path)).toBe(line);
  });

  it.each([
    [[], 2],
    [['missing'], 2],
    [['point', 'missing'], 5],
    [['photos', 5, 'src'], 9],
    [['name', 'deeper'], 3],
  ])('falls back to the deepest part of %j present, line %i', (path, line) => {
    expect(source.lineOf(path)).toBe(line);
  });

  it.each([
    [
      'an unquoted colon in a value',
      'id: a\nname: 测试: 名称\nintro: b\n',
      2,
      '一行里出现了多余的冒号',
      '含冒号的文字要加引号，例如 title: "主题：党建引领"',
    ],
    ['a duplicated key', 'id: a\nname: b\nname: c\n', 3, '同一个字段写了两次', '删除重复的一行，只保留一个'],
    ['a tab-indented key', 'point:\n\tlng: 113.3\n', 2, '用了 Tab 键缩进', '缩进只能用空格（每级两个空格）'],
    [
      'an unknown kind of mistake (an alias to nothing)',
      'id: *nowhere\n',
      1,
      'unidentified alias "nowhere"',
      '修正 YAML 语法（缩进用空格，冒号后加空格，含冒号的文字加引号）',
    ],
  ])('reports %s with its line and a fix', (_case, text, line, message, fix) => {
    const broken = parseSource(text, 'yaml');
    expect(broken.data).toBeUndefined();
    expect(broken.errors[0]).toEqual({ line, message: `YAML 格式错误：${message}`, fix });
  });

  it('reads an empty file as null', () => {
    const empty = parseSource('', 'yaml');
    expect(empty).toMatchObject({ data: null, errors: [] });
    expect(empty.lineOf(['id'])).toBe(1);
  });

  it('keeps dates as text', () => {
    expect(parseSource('opens: 2022-06-01\n', 'yaml').data).toEqual({ opens: '2022-06-01' });
  });
});

describe('parseSource: Markdown', () => {
  const source = parseSource(BRAND_MD, 'md');

  it('parses the frontmatter and returns the body after it', () => {
    expect(source.errors).toEqual([]);
    expect(source.data).toEqual({
      id: 'yuxiuge',
      title: '毓秀阁',
      cover: { src: 'images/cover.svg', alt: '封面图' },
      figures: [{ label: '加装电梯', value: 6 }],
    });
    expect(source.body).toBe('\n毓秀阁的故事。\n\n---\n\n分隔线之后的正文。\n');
  });

  it.each([
    [[], 2],
    [['id'], 2],
    [['title'], 3],
    [['cover', 'src'], 5],
    [['cover', 'alt'], 6],
    [['figures', 0, 'value'], 9],
    [['missing'], 2],
  ])('counts the opening --- for %j: line %i', (path, line) => {
    expect(source.lineOf(path)).toBe(line);
  });

  it('reports YAML errors on the line of the file, not of the frontmatter', () => {
    const broken = parseSource('---\nid: a\ntitle: 毓秀阁: 品牌\n---\n正文\n', 'md');
    expect(broken.data).toBeUndefined();
    expect(broken.errors).toEqual([
      {
        line: 3,
        message: 'YAML 格式错误：一行里出现了多余的冒号',
        fix: '含冒号的文字要加引号，例如 title: "主题：党建引领"',
      },
    ]);
  });

  it.each([
    ['no frontmatter at all', '# 标题\n\n正文\n'],
    ['frontmatter not at the start', '\n---\nid: a\n---\n正文\n'],
    ['an unclosed frontmatter', '---\nid: a\n正文\n'],
  ])('reports %s on line 1 and keeps the text as the body', (_case, text) => {
    const broken = parseSource(text, 'md');
    expect(broken.data).toBeUndefined();
    expect(broken.body).toBe(text);
    expect(broken.errors).toEqual([
      {
        line: 1,
        message: 'Markdown 文件缺少以 --- 开头和结束的文件头（frontmatter）',
        fix: '在文件第一行写 ---，接着逐行写 id、title 等字段，再用单独一行 --- 结束，正文写在其后',
      },
    ]);
    expect(broken.lineOf(['id'])).toBe(1);
  });

  it('ends the frontmatter only at a line of its own', () => {
    const text = '---\nid: a\ntagline: 先锋---\nyear: 2022\n---\n正文\n';
    const parsed = parseSource(text, 'md');
    expect(parsed.data).toEqual({ id: 'a', tagline: '先锋---', year: 2022 });
    expect(parsed.body).toBe('正文\n');
    expect(parsed.lineOf(['year'])).toBe(4);
  });

  it.each([
    ['empty frontmatter', '---\n---\n正文\n', null, '正文\n'],
    ['empty frontmatter followed by a rule', '---\n---\n正文\n---\nx: 1\n---\n', null, '正文\n---\nx: 1\n---\n'],
    ['no body', '---\nid: a\n---', { id: 'a' }, ''],
    ['Windows line endings', '---\r\nid: a\r\n---\r\n正文\r\n', { id: 'a' }, '正文\r\n'],
    ['trailing spaces after the closing ---', '---\nid: a\n---  \n正文\n', { id: 'a' }, '正文\n'],
  ])('handles %s', (_case, text, data, body) => {
    const parsed = parseSource(text, 'md');
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual(data);
    expect(parsed.body).toBe(body);
  });

  it('finds lines in a file with Windows line endings', () => {
    expect(parseSource('---\r\nid: a\r\ntitle: 毓秀阁\r\n---\r\n', 'md').lineOf(['title'])).toBe(3);
  });
});
