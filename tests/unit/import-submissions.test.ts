import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ContentFile, fileExistsIn, readContentFiles } from '../../src/lib/content-files.ts';
import { SUBMISSION_COLUMNS, TEMPLATE_COLUMNS, templateSheets } from '../../src/lib/import/columns.ts';
import { runImport } from '../../src/lib/import/command.ts';
import { parseCsv, stringifyCsv } from '../../src/lib/import/csv.ts';
import {
  formatRowProblem,
  type ImportOptions,
  importSubmissions,
  normaliseDate,
} from '../../src/lib/import/submissions.ts';
import { readXlsx, type SheetCell, writeXlsx } from '../../src/lib/import/xlsx.ts';
import { validateContentSources } from '../../src/lib/review/load.ts';
import { DISTRICT_SAMPLE, REVIEW_SAMPLE } from '../../src/lib/review/setup.ts';
import { parseSource } from '../../src/lib/source.ts';
import { validateContent } from '../../src/lib/validate.ts';

const existing = readContentFiles('content');
const options: ImportOptions = { campaign: '2026-call', existing, exists: fileExistsIn('content') };

const HEADER = [
  '编号',
  '申报街道',
  '申报单位',
  '品牌名称',
  '品牌类别',
  '摘要',
  '联系人',
  '联系电话',
  '提交日期',
  '申报材料',
];
const GOOD: SheetCell[] = [
  'changgang-test-2026',
  '昌岗街道',
  '昌岗街道党工委',
  '测试品牌',
  '党建引领基层治理',
  '这是一份导入测试用的申报摘要，字数超过二十个字。',
  '测试联系人',
  '020-12345678',
  '2026/10/9',
  '## 项目简介\n\n正文第一段。',
];
const row = (changes: Record<number, SheetCell>): SheetCell[] => GOOD.map((cell, index) => changes[index] ?? cell);

describe('template columns', () => {
  it('take their headers from the submission schema labels', () => {
    expect(templateSheets().header).toEqual([
      '编号',
      '申报街道',
      '申报单位',
      '品牌名称',
      '品牌类别',
      '摘要',
      '联系人',
      '联系电话',
      '提交日期',
      '申报材料',
    ]);
    expect(SUBMISSION_COLUMNS.map((column) => column.label)).toEqual(expect.arrayContaining(['征集令', '申报阶段']));
  });

  it('mark required columns from the schema', () => {
    expect(TEMPLATE_COLUMNS.filter((column) => !column.required).map((column) => column.key)).toEqual([
      'id',
      'submitted',
      'body',
    ]);
  });

  it('import cleanly when filled in (the template round-trips)', () => {
    const header = templateSheets().header;
    const filled = header.map((label) => GOOD[HEADER.indexOf(label)] ?? '');
    const result = importSubmissions(parseCsv(stringifyCsv([header, filled.map(String)])), options);
    expect(result.problems.map(formatRowProblem)).toEqual([]);
  });
});

describe('importSubmissions: a clean sheet', () => {
  const result = importSubmissions([HEADER, GOOD], options);

  it('has no problems and one file', () => {
    expect(result.problems).toEqual([]);
    expect(result.rows).toBe(1);
    expect(result.files.map((file) => file.path)).toEqual(['submissions/2026-call/changgang/changgang-test-2026.md']);
    expect(result.privateFiles.map((file) => file.path)).toEqual([
      'contacts/2026-call/changgang/changgang-test-2026.yaml',
    ]);
  });

  it('writes a file the validator accepts, with names and labels turned into ids', () => {
    const [file] = result.files;
    const parsed = parseSource(file.text, 'md');
    expect(parsed.data).toEqual({
      id: 'changgang-test-2026',
      campaign: '2026-call',
      street: 'changgang',
      organisation: '昌岗街道党工委',
      title: '测试品牌',
      category: 'governance',
      summary: '这是一份导入测试用的申报摘要，字数超过二十个字。',
      submitted: '2026-10-09',
      stage: 'submitted',
    });
    expect(parsed.body.trim()).toBe('## 项目简介\n\n正文第一段。');
    // The contact goes to the district repository, in a file of its own named after the sign-up.
    const [contact] = result.privateFiles;
    expect(parseSource(contact.text, 'yaml').data).toEqual({
      submission: 'changgang-test-2026',
      campaign: '2026-call',
      street: 'changgang',
      name: '测试联系人',
      phone: '020-12345678',
    });
    expect(file.text).not.toContain('测试联系人');
    expect(file.text).not.toContain('020-12345678');
    const { problems } = validateContent([...existing, file, contact], { exists: fileExistsIn('content') });
    expect(problems).toEqual([]);
  });
});

describe('importSubmissions: row-level problems, nothing written', () => {
  it.each<[string, SheetCell[][], string[]]>([
    [
      'an unknown street, suggested from its name',
      [row({ 1: '昌岗道' })],
      ['第 2 行 申报街道：找不到街道“昌岗道”（是不是 昌岗街道（changgang）？）'],
    ],
    [
      'a street name that could be either of two',
      [row({ 1: '昌港街道' })],
      ['第 2 行 申报街道：找不到街道“昌港街道”（是不是 昌岗街道（changgang）或 新港街道（xingang）？）'],
    ],
    [
      'a bad phone number and a short summary',
      [row({ 7: '电话020', 5: '太短' })],
      [
        '第 2 行 摘要：summary（摘要）：摘要至少 20 个字（按提示修改 summary）',
        '第 2 行 联系电话：phone（联系电话）：电话只能包含数字、括号、空格、加号和连字符（按提示修改 phone）',
      ],
    ],
    [
      'a category that is neither a key nor a label',
      [row({ 4: '治理' })],
      [
        '第 2 行 品牌类别：category（品牌类别）的值“治理”无效：应为以下之一：governance（党建引领基层治理）、digital-economy（数字经济发展）、high-quality（高质量发展）、other（其他）（从 governance、digital-economy、high-quality、other 中选一个）',
      ],
    ],
    [
      'an impossible date',
      [row({ 8: '2026-02-30' })],
      ['第 2 行 提交日期：submitted（提交日期）：不是有效的日期（按提示修改 submitted）'],
    ],
    [
      'an id that is not lowercase ASCII',
      [row({ 0: '测试品牌' })],
      [
        '第 2 行 编号：id（编号）：只能使用小写英文字母、数字和连字符（例如 yu-xiu-ge）（要求：小写英文字母、数字和连字符，与文件名一致，保存后不要修改）',
      ],
    ],
    [
      'an id already used by another submission',
      [row({ 0: 'hongse-wuye-2026' })],
      [
        '第 2 行 编号：编号“hongse-wuye-2026”重复，已被 content/submissions/2026-call/xingang/hongse-wuye-2026.md 使用（给其中一个条目换一个新的编号（并同时修改文件名））',
      ],
    ],
    [
      'the same id twice in the sheet',
      [GOOD, row({ 1: 'changgang' })],
      [
        '第 3 行 编号：编号“changgang-test-2026”重复，已被 content/submissions/2026-call/changgang/changgang-test-2026.md 使用（给其中一个条目换一个新的编号（并同时修改文件名））',
      ],
    ],
    [
      'a good row and a bad one: only the bad one is reported, and nothing is written',
      [GOOD, row({ 0: 'second-2026', 3: '' })],
      ['第 3 行 品牌名称：缺少必填字段 title（品牌名称）（添加 title）'],
    ],
  ])('%s', (_, rows, expected) => {
    const result = importSubmissions([HEADER, ...rows], options);
    expect(result.problems.map(formatRowProblem)).toEqual(expected);
    expect(result.files).toEqual([]);
  });

  it('refuses to overwrite an existing submission unless asked to replace it', () => {
    const sheet = [HEADER, row({ 0: 'kechuang-rencai-2026', 1: 'guanzhou' })];
    const refused = importSubmissions(sheet, options);
    expect(refused.problems.map(formatRowProblem)).toEqual([
      '第 2 行 编号：content/submissions/2026-call/guanzhou/kechuang-rencai-2026.md 已经存在（换一个编号；要用表格内容覆盖已有申报时，导入时加 --replace）',
    ]);
    const replaced = importSubmissions(sheet, { ...options, replace: true });
    expect(replaced.problems).toEqual([]);
    expect(replaced.replaced).toEqual(['submissions/2026-call/guanzhou/kechuang-rencai-2026.md']);
  });

  it.each<[string, SheetCell[][], Partial<ImportOptions>, string[]]>([
    ['an empty sheet', [], {}, ['第 1 行：表格是空的（第一行写列名（可下载申报模板），下面每行一份申报）']],
    ['a header and no rows', [HEADER], {}, ['第 2 行：表格里没有申报（在列名下面每行填写一份申报）']],
    [
      'a misspelt and a missing column',
      [HEADER.map((label) => (label === '联系电话' ? '联系电活' : label)), GOOD],
      {},
      [
        '第 1 行 联系电活：未知的列“联系电活”（列名可能写错了，应为 联系电话）',
        '第 1 行 联系电话：缺少“联系电话”列（在第一行加上这一列（可下载申报模板对照））',
      ],
    ],
    [
      'no campaign given and no campaign column',
      [HEADER, GOOD],
      { campaign: undefined },
      ['第 1 行 征集令：不知道这些申报属于哪个征集令（导入时用 --campaign 指定征集令编号，或在表格中加一列“征集令”）'],
    ],
    [
      'an unknown campaign in the campaign column',
      [
        [...HEADER, '征集令'],
        [...GOOD, '2026-cal'],
      ],
      { campaign: undefined },
      ['第 2 行 征集令：找不到征集令“2026-cal”（是不是 2026-call？）'],
    ],
  ])('%s', (_, table, overrides, expected) => {
    const result = importSubmissions(table, { ...options, ...overrides });
    expect(result.problems.map(formatRowProblem)).toEqual(expected);
    expect(result.files).toEqual([]);
  });
});

describe('importSubmissions: spreadsheets as offices fill them in', () => {
  it('finds the header below title rows, accepts marked headers and skips empty rows', () => {
    const table: SheetCell[][] = [
      [],
      HEADER.map((label, index) => (index < 8 ? `${label}*` : `${label}（选填）`)),
      GOOD,
      [null, '', null],
    ];
    const result = importSubmissions(table, options);
    expect(result.problems).toEqual([]);
    expect(result.rows).toBe(1);
  });

  it.each<[SheetCell, string]>([
    ['2026-10-09', '2026-10-09'],
    ['2026/10/9', '2026-10-09'],
    ['2026.10.09', '2026-10-09'],
    ['2026年10月9日', '2026-10-09'],
    [new Date(Date.UTC(2026, 9, 9)), '2026-10-09'],
    [46304, '2026-10-09'],
    ['下周', '下周'],
  ])('date %j → %s', (cell, expected) => {
    expect(normaliseDate(cell)).toBe(expected);
  });

  it('reads an XLSX sheet, numbers and dates included', async () => {
    const bytes = await writeXlsx([
      { name: '说明', rows: [['这张表不是申报']] },
      {
        name: '申报',
        rows: [HEADER, GOOD.map((cell) => (cell === '020-12345678' ? 2012345678 : String(cell)))],
        header: true,
      },
    ]);
    const table = await readXlsx(bytes, '申报');
    expect(table[0]).toEqual(HEADER);
    const result = importSubmissions(table, options);
    expect(result.problems).toEqual([]);
    expect(parseSource((result.privateFiles[0] as ContentFile).text, 'yaml').data).toMatchObject({
      phone: '2012345678',
    });
  });
});

describe('npm run import:submissions, as the district runs it', () => {
  const work = mkdtempSync(join(tmpdir(), 'haizhu-import-signups-'));
  const content = join(work, 'content');
  const district = join(work, 'district', 'content');
  cpSync('content', content, { recursive: true });
  cpSync(join(DISTRICT_SAMPLE, 'content'), district, { recursive: true });
  const sheet = join(work, '申报表.csv');
  writeFileSync(sheet, stringifyCsv([HEADER, GOOD.map(String)]));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const run = async (districtDir: string) => {
    const out: string[] = [];
    const code = await runImport({
      collection: 'submissions',
      sheetPath: sheet,
      contentDir: content,
      districtDir,
      defaults: { campaign: '2026-call' },
      log: (line) => out.push(line),
      error: (line) => out.push(line),
    });
    return { code, out: out.join('\n') };
  };
  const signUp = join(content, 'submissions/2026-call/changgang/changgang-test-2026.md');
  const contact = join(district, 'contacts/2026-call/changgang/changgang-test-2026.yaml');

  it('refuses, writing nothing, when the district repository is not there', async () => {
    const { code, out } = await run(join(work, 'no-such', 'content'));
    expect(code).toBe(1);
    expect(out).toMatch(/找不到区级仓库的数据文件夹 .*no-such\/content.*没有导入任何申报/s);
    expect(existsSync(signUp)).toBe(false);
  });

  it('writes the sign-up to the content folder and its contact to the district’s, which then validate', async () => {
    const { code, out } = await run(district);
    expect(code, out).toBe(0);
    expect(readFileSync(signUp, 'utf8')).not.toMatch(/测试联系人|020-12345678|contact/);
    expect(readFileSync(contact, 'utf8')).toContain('phone: 020-12345678');
    expect(out).toContain(`新建 ${district}/contacts/2026-call/changgang/changgang-test-2026.yaml`);
    const { problems } = validateContentSources({ content, review: join(REVIEW_SAMPLE, 'content'), district });
    expect(problems).toEqual([]);
  });
});
