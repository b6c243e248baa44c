/**
 * The spreadsheets for sites and brands (npm run import:sites, import:brands): one importer
 * driven by each collection's column table, checked by the content validator, all or nothing.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileExistsIn, readContentFiles } from '../../src/lib/content-files.ts';
import { BRAND_COLUMNS, SITE_COLUMNS, templateColumns, templateSheets } from '../../src/lib/import/columns.ts';
import { runImport } from '../../src/lib/import/command.ts';
import { parseCsv } from '../../src/lib/import/csv.ts';
import { datumOf, formatRowProblem, importSheet, type SheetImportOptions } from '../../src/lib/import/importer.ts';
import { templateCsv, templateXlsx } from '../../src/lib/import/templates.ts';
import { readXlsx, type SheetCell } from '../../src/lib/import/xlsx.ts';
import { bd09ToWgs84, gcj02ToWgs84, roundCoordinate } from '../../src/lib/map/datum.ts';
import { parseSource } from '../../src/lib/source.ts';
import { validateContent } from '../../src/lib/validate.ts';
import { schemaOf } from '../../src/schema/index.ts';

const existing = readContentFiles('content');
const options: SheetImportOptions = { existing, exists: fileExistsIn('content') };
const lines = (result: ReturnType<typeof importSheet>) => result.problems.map(formatRowProblem);
const valid = (files: { path: string; text: string }[]) =>
  validateContent([...existing, ...files], { exists: fileExistsIn('content') }).problems.filter((problem) =>
    files.some((file) => problem.file === `content/${file.path}`),
  );

const SITE_HEADER = ['阵地名称', '阵地类型', '所属街道', '所在社区', '地址', '经度', '纬度', '坐标系', '开放时间'];
const SITE: SheetCell[] = [
  '龙凤测试驿站',
  '红色驿站',
  '龙凤街',
  '龙凤社区',
  '海珠区宝业路 45 号之一（近地铁站）',
  113.2613,
  '23.0990',
  'GCJ-02',
  '周一至周日 9:00–18:00',
];
const site = (changes: Record<number, SheetCell>) =>
  SITE.map((cell, index) => (index in changes ? changes[index] : cell));

const BRAND_HEADER = [
  '品牌名称',
  '所属街道',
  '责任组织',
  '品牌类别',
  '一句话介绍',
  '摘要',
  '年份',
  '标签',
  '关联阵地',
  '品牌故事',
  '示例内容',
];
const BRAND: SheetCell[] = [
  '龙凤书香驿站',
  '龙凤街道',
  '龙凤街道党工委',
  '党建引领基层治理',
  '把书香送到家门口',
  '龙凤街道党工委以社区党群服务站为阵地，组织党员志愿者开展读书分享和长者陪读活动。',
  '2026年',
  '读书、志愿服务，长者',
  '龙凤社区红色驿站、longfeng-dangqun-zhongxin',
  '## 主要做法\n\n每周六上午开展读书分享。',
  '是',
];
const brand = (changes: Record<number, SheetCell>) =>
  BRAND.map((cell, index) => (index in changes ? changes[index] : cell));

describe('templates for sites and brands, from the schemas', () => {
  it('take their headers from the schema labels, leaving out what the district decides', () => {
    expect(templateSheets('sites').header).toEqual([
      '编号',
      '阵地名称',
      '阵地类型',
      '所属街道',
      '所在社区',
      '地址',
      '经度',
      '纬度',
      '坐标系',
      '开放时间',
      '关联品牌',
      '示例内容',
    ]);
    expect(templateSheets('brands').header).not.toContain('遴选状态');
    expect(BRAND_COLUMNS.map((column) => column.label)).toEqual(expect.arrayContaining(['遴选状态', '遴选批次']));
    // Every template column is a field of the schema (or the datum, or the Markdown body).
    for (const [collection, columns] of [
      ['sites', SITE_COLUMNS],
      ['brands', BRAND_COLUMNS],
    ] as const) {
      const shape = Object.keys(schemaOf(collection).shape);
      for (const column of columns) {
        if (column.key === 'datum' || column.key === 'body') continue;
        expect(shape, column.key).toContain(column.key.split('.')[0]);
      }
    }
  });

  it('explain every column in a 填写说明 sheet, choices included', async () => {
    const { instructions } = templateSheets('sites');
    const type = instructions.find((row) => row[0] === '阵地类型');
    expect(type).toEqual(['阵地类型', '必填', expect.stringContaining('红色驿站（red-station）')]);
    expect(instructions.find((row) => row[0] === '坐标系')?.[2]).toContain('GCJ-02');
    expect(instructions.find((row) => row[0] === '编号')?.[1]).toBe('选填');
    const workbook = await templateXlsx('brands');
    expect(await readXlsx(Buffer.from(workbook), '品牌')).toEqual([templateSheets('brands').header]);
    expect((await readXlsx(Buffer.from(workbook), '填写说明'))[0]).toEqual(['列名', '是否必填', '填写说明']);
    expect(parseCsv(templateCsv('sites'))).toEqual([templateSheets('sites').header]);
    expect(
      templateColumns('brands')
        .filter((column) => column.required)
        .map((column) => column.key),
    ).toEqual(['title', 'street', 'organisation', 'category', 'tagline', 'summary', 'year']);
  });
});

describe('a filled-in template imports cleanly', () => {
  it.each([
    ['sites', SITE_HEADER, SITE],
    ['brands', BRAND_HEADER, BRAND],
  ] as const)('%s', (collection, header, row) => {
    const template = templateSheets(collection).header;
    const filled = template.map((label) => row[header.indexOf(label)] ?? '');
    const result = importSheet(collection, [template, filled], options);
    expect(lines(result)).toEqual([]);
    expect(result.files).toHaveLength(1);
  });
});

describe('import:sites', () => {
  it('turns names into ids, converts GCJ-02 to WGS-84, keeps the address as written and gives the row an id', () => {
    const result = importSheet('sites', [SITE_HEADER, SITE], options);
    expect(lines(result)).toEqual([]);
    expect(result.files.map((file) => file.path)).toEqual(['sites/longfeng/longfeng-ceshi-yizhan.yaml']);
    const expected = gcj02ToWgs84({ lng: 113.2613, lat: 23.099 });
    expect(parseSource(result.files[0].text, 'yaml').data).toEqual({
      id: 'longfeng-ceshi-yizhan',
      name: '龙凤测试驿站',
      type: 'red-station',
      street: 'longfeng',
      community: '龙凤社区',
      address: '海珠区宝业路 45 号之一（近地铁站）',
      point: { lng: roundCoordinate(expected.lng), lat: roundCoordinate(expected.lat) },
      hours: '周一至周日 9:00–18:00',
    });
    expect(valid(result.files)).toEqual([]);
  });

  it.each([
    ['龙凤街道', 'longfeng'],
    ['龙凤街', 'longfeng'],
    ['龙凤', 'longfeng'],
    ['longfeng', 'longfeng'],
    ['江南中街', 'jiangnanzhong'],
  ])('reads the street %s as %s', (written, id) => {
    const result = importSheet('sites', [SITE_HEADER, site({ 2: written, 0: `${written}测试驿站` })], options);
    expect(lines(result)).toEqual([]);
    expect(parseSource(result.files[0].text, 'yaml').data).toMatchObject({ street: id });
  });

  it.each([
    ['WGS-84', (point: { lng: number; lat: number }) => point],
    ['天地图', (point: { lng: number; lat: number }) => point],
    ['BD-09', bd09ToWgs84],
    ['百度', bd09ToWgs84],
    ['高德', gcj02ToWgs84],
    ['腾讯地图', gcj02ToWgs84],
  ])('converts a %s point', (datum, convert) => {
    const result = importSheet('sites', [SITE_HEADER, site({ 7: datum })], options);
    expect(lines(result)).toEqual([]);
    const point = convert({ lng: 113.2613, lat: 23.099 });
    expect(parseSource(result.files[0].text, 'yaml').data).toMatchObject({
      point: { lng: roundCoordinate(point.lng), lat: roundCoordinate(point.lat) },
    });
  });

  it('reads the datum names people write', () => {
    expect([
      datumOf('gcj02'),
      datumOf('GCJ-02坐标'),
      datumOf('ＢＤ－０９'),
      datumOf('大地2000'),
      datumOf('谷歌'),
    ]).toEqual(['gcj02', 'gcj02', 'bd09', 'wgs84', undefined]);
  });

  it.each<[string, SheetCell[][], string[]]>([
    [
      'a point without its datum',
      [site({ 7: '' })],
      [
        '第 2 行 坐标系：没有写明坐标系（填写经纬度来自哪里：WGS-84（天地图、GPS）、GCJ-02（高德、腾讯地图）或 BD-09（百度地图））',
      ],
    ],
    [
      'an unknown datum',
      [site({ 7: '谷歌' })],
      [
        '第 2 行 坐标系：不认识的坐标系“谷歌”（填写 WGS-84（天地图、GPS）、GCJ-02（高德、腾讯地图）或 BD-09（百度地图））',
      ],
    ],
    [
      'latitude and longitude swapped',
      [site({ 5: 23.099, 6: 113.2613, 7: 'WGS-84' })],
      [
        '第 2 行 经度：point（位置）：坐标 (23.099, 113.2613) 不在海珠区内，经度和纬度可能写反了（请对调 lng 与 lat）（检查“经度”“纬度”两列是否填反，以及“坐标系”是否写明坐标来自哪个地图）',
      ],
    ],
    [
      'a type that is neither an id nor a label, and a street that does not exist',
      [site({ 1: '驿站', 2: '龙风街' })],
      [
        '第 2 行 所属街道：找不到街道“龙风街”（是不是 龙凤街道（longfeng）？）',
        '第 2 行 阵地类型：type（阵地类型）的值“驿站”无效：应为以下之一：service-centre（党群服务中心）、demo-point（示范点）、red-station（红色驿站）、enterprise（企业党建阵地）、belt-stop（示范带站点）、other（其他阵地）（从 service-centre、demo-point、red-station、enterprise、belt-stop、other 中选一个）',
      ],
    ],
    [
      'a site already imported (same name, same street, no id)',
      [site({ 0: '龙凤街党群服务中心' })],
      [
        '第 2 行 阵地名称：已有同名的阵地“龙凤街党群服务中心”（content/sites/longfeng/longfeng-dangqun-zhongxin.yaml）（要更新它，在“编号”列填写 longfeng-dangqun-zhongxin 并在导入时加 --replace；确是另一个阵地的，请在“编号”列填写新的编号）',
      ],
    ],
    [
      'a good row and a bad one: nothing is written',
      [SITE, site({ 0: '龙凤第二驿站', 4: '' })],
      ['第 3 行 地址：缺少必填字段 address（地址）（添加 address）'],
    ],
  ])('%s', (_, rows, expected) => {
    const result = importSheet('sites', [SITE_HEADER, ...rows], options);
    expect(lines(result)).toEqual(expected);
    expect(result.files).toEqual([]);
  });

  it('gives the same name twice -2, and an id already taken -2', () => {
    const taken = importSheet(
      'sites',
      [SITE_HEADER, site({ 0: '龙凤党群中心' }), site({ 0: '龙凤党群中心', 2: '赤岗' })],
      options,
    );
    expect(lines(taken)).toEqual([]);
    // longfeng-dangqun-zhongxin is taken by the street's service centre (named differently).
    expect(taken.files.map((file) => file.path)).toEqual([
      'sites/longfeng/longfeng-dangqun-zhongxin-2.yaml',
      'sites/chigang/longfeng-dangqun-zhongxin-3.yaml',
    ]);
  });

  it('points to the right command for a sheet of another kind', () => {
    const result = importSheet('sites', [BRAND_HEADER, BRAND], options);
    expect(lines(result)).toEqual([
      '第 1 行：这张表的列是品牌表的，不是阵地表（用 npm run import:brands 导入它；导入阵地请用阵地模板（/admin/site-template.xlsx））',
    ]);
  });
});

describe('import:brands', () => {
  it('turns labels, names, years, lists and 是 into what the schema stores; the story becomes the body', () => {
    const result = importSheet('brands', [BRAND_HEADER, BRAND], options);
    expect(lines(result)).toEqual([]);
    const [file] = result.files;
    expect(file.path).toBe('brands/longfeng/longfeng-shuxiang-yizhan.md');
    const parsed = parseSource(file.text, 'md');
    expect(parsed.data).toEqual({
      id: 'longfeng-shuxiang-yizhan',
      title: '龙凤书香驿站',
      street: 'longfeng',
      organisation: '龙凤街道党工委',
      category: 'governance',
      tagline: '把书香送到家门口',
      summary: BRAND[5],
      tags: ['读书', '志愿服务', '长者'],
      year: 2026,
      status: 'submitted',
      sites: ['longfeng-hongse-yizhan', 'longfeng-dangqun-zhongxin'],
      sample: true,
    });
    expect(parsed.body.trim()).toBe('## 主要做法\n\n每周六上午开展读书分享。');
    expect(valid(result.files)).toEqual([]);
  });

  it('refuses an existing brand unless asked to replace it, and an unknown site by name', () => {
    const header = ['编号', ...BRAND_HEADER];
    const refused = importSheet('brands', [header, ['yuxiuge', ...brand({ 0: '毓秀阁' })]], options);
    expect(lines(refused)).toEqual([
      '第 2 行 编号：content/brands/longfeng/yuxiuge.md 已经存在（换一个编号；要用表格内容覆盖已有品牌时，导入时加 --replace）',
    ]);
    const replaced = importSheet('brands', [header, ['yuxiuge', ...brand({ 0: '毓秀阁' })]], {
      ...options,
      replace: true,
    });
    expect(lines(replaced)).toEqual([]);
    expect(replaced.replaced).toEqual(['brands/longfeng/yuxiuge.md']);
    const unknown = importSheet('brands', [BRAND_HEADER, brand({ 8: '不存在的阵地' })], options);
    expect(lines(unknown)).toEqual([expect.stringMatching(/^第 2 行 关联阵地：.*不存在的阵地/)]);
    expect(unknown.files).toEqual([]);
  });

  it('reports a year that is not a number', () => {
    const result = importSheet('brands', [BRAND_HEADER, brand({ 6: '今年' })], options);
    expect(lines(result)).toEqual([expect.stringMatching(/^第 2 行 年份：year（年份）/)]);
  });
});

describe('the import commands', () => {
  const work = mkdtempSync(join(tmpdir(), 'haizhu-import-'));
  const content = join(work, 'content');
  cpSync('content', content, { recursive: true });
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const run = async (collection: 'sites' | 'brands', sheet: string, extra: { dryRun?: boolean } = {}) => {
    const out: string[] = [];
    const code = await runImport({
      collection,
      sheetPath: sheet,
      contentDir: content,
      ...extra,
      log: (line) => out.push(line),
      error: (line) => out.push(line),
    });
    return { code, out: out.join('\n') };
  };
  const csv = (rows: SheetCell[][]) =>
    rows.map((row) => row.map((cell) => `"${String(cell ?? '')}"`).join(',')).join('\n');

  it('checks with --dry-run, then writes; a second run of the same sheet is refused', async () => {
    const sheet = join(work, '阵地表.csv');
    writeFileSync(sheet, csv([SITE_HEADER, SITE]));
    const target = join(content, 'sites/longfeng/longfeng-ceshi-yizhan.yaml');
    const dry = await run('sites', sheet, { dryRun: true });
    expect(dry).toMatchObject({ code: 0 });
    expect(dry.out).toContain('将新建');
    expect(existsSync(target)).toBe(false);
    expect(await run('sites', sheet)).toMatchObject({ code: 0 });
    expect(readFileSync(target, 'utf8')).toContain('name: 龙凤测试驿站');
    const again = await run('sites', sheet);
    expect(again.code).toBe(1);
    expect(again.out).toContain('已有同名的阵地“龙凤测试驿站”');
    expect(again.out).toContain('没有写入任何文件');
  });

  it('reads Excel’s GBK CSV', async () => {
    const sheet = join(work, 'gbk.csv');
    // GB18030 bytes of “品牌名称” as the only header: it is read as that column, the others are missing.
    writeFileSync(sheet, Buffer.from([0xc6, 0xb7, 0xc5, 0xc6, 0xc3, 0xfb, 0xb3, 0xc6]));
    const result = await run('brands', sheet);
    expect(result.out).toContain('缺少“所属街道”列');
    expect(result.out).not.toContain('未知的列');
  });

  it.each([
    ['a file that is not there', 'nowhere.xlsx', 1, /^找不到品牌表 /],
    ['an old Excel file', 'old.xls', 2, /不支持的文件类型“\.xls”（旧版 Excel\/WPS 格式）/],
    ['a broken workbook', 'broken.xlsx', 2, /^无法读取 .*broken\.xlsx：.*重新另存为 \.xlsx/],
  ])('answers %s with one Chinese line and writes nothing', async (_, name, code, says) => {
    if (name !== 'nowhere.xlsx') writeFileSync(join(work, name), 'not a workbook');
    const result = await run('brands', join(work, name));
    expect(result.code).toBe(code);
    expect(result.out).toMatch(says);
    expect(result.out).not.toMatch(/\n\s+at /);
  });
});
