/**
 * The 揭榜挂帅 spreadsheets: a call's tasks (npm run import:tasks, the district) into the call's file,
 * and progress figures (npm run import:progress, the offices) as progress reports. The same importer
 * as the sign-ups, all or nothing.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fileExistsIn, readContentFiles } from '../../src/lib/content-files.ts';
import { templateSheets } from '../../src/lib/import/columns.ts';
import { formatRowProblem, importSheet, type SheetImportOptions } from '../../src/lib/import/importer.ts';
import type { SheetCell } from '../../src/lib/import/xlsx.ts';
import { parseSource } from '../../src/lib/source.ts';

const existing = readContentFiles('content');
const options: SheetImportOptions = { existing, exists: fileExistsIn('content') };
const lines = (result: ReturnType<typeof importSheet>) => result.problems.map(formatRowProblem);

/** A call with no tasks yet, to import a list into. */
const withEmptyCall = (() => {
  const call = existing.find((file) => file.path === 'campaigns/2026-jiebang.yaml');
  if (!call) throw new Error('the sample call 2026-jiebang is missing');
  const text = call.text
    .replace(/^tasks:\n(?:[- ].*\n)+/m, '')
    .replace('rankWithinTask: true', 'rankWithinTask: false');
  // The sample claims name its tasks: without them, only the call itself is imported into.
  return [
    ...existing.filter(
      (file) =>
        file !== call && !file.path.startsWith('submissions/2026-jiebang/') && !file.path.startsWith('progress/'),
    ),
    { path: 'campaigns/2026-jiebang.yaml', text },
  ];
})();

const TASK_HEADER = ['任务名称', '问题描述', '预期成效', '揭榜名额', '开始日期', '完成日期'];
const TASK: SheetCell[] = [
  '老旧小区加装电梯',
  '老旧小区加装电梯意见难统一。',
  '加装电梯 20 台；惠及住户 400 户',
  2,
  '2026/4/21',
  '2026年12月31日',
];

describe('import:tasks', () => {
  const run = (rows: SheetCell[][], extra: Partial<SheetImportOptions> & { campaign?: string } = {}) => {
    const { campaign = '2026-jiebang', ...rest } = extra;
    return importSheet('tasks', rows, { ...options, existing: withEmptyCall, defaults: { campaign }, ...rest });
  };

  it('writes the rows as the call’s tasks: ids from titles, targets split, dates and numbers normalised', () => {
    const result = run([
      TASK_HEADER,
      TASK,
      ['网格党建', '综合网格党支部作用发挥不均衡。', '规范化网格党支部 30 个', '1', '2026-04-21', '2026-12-31'],
    ]);
    expect(lines(result)).toEqual([]);
    expect(result.files.map((file) => file.path)).toEqual(['campaigns/2026-jiebang.yaml']);
    const call = parse(result.files[0].text);
    expect(call.tasks).toEqual([
      {
        id: 'laojiu-xiaoqu-jiazhuang-dianti',
        title: '老旧小区加装电梯',
        problem: '老旧小区加装电梯意见难统一。',
        results: [
          { target: '加装电梯', value: 20, unit: '台' },
          { target: '惠及住户', value: 400, unit: '户' },
        ],
        quota: 2,
        start: '2026-04-21',
        end: '2026-12-31',
      },
      expect.objectContaining({ id: 'wangge-dangjian', quota: 1 }),
    ]);
    // The rest of the call, comments included, is kept as it was.
    expect(result.files[0].text).toContain('# 时间安排、任务和评分标准为演示用示例');
    expect(call.rubric).toHaveLength(3);
  });

  it.each<[string, SheetCell[][], Partial<SheetImportOptions> & { campaign?: string }, string[]]>([
    [
      'a row with a target not written as 指标 数值 单位 and a quota of 0',
      [TASK_HEADER, ['加装电梯', '老旧小区加装电梯意见难统一。', '加装电梯若干', 0, '2026-04-21', '2026-12-31']],
      {},
      [
        '第 2 行 预期成效：results 应为一组字段，实际是文字“加装电梯若干”（每项写作“指标 数值 单位”，例如 加装电梯 20 台；多项用“；”分隔）',
        '第 2 行 揭榜名额：quota（揭榜名额）：揭榜名额至少为 1（按提示修改 quota）',
      ],
    ],
    [
      'a task outside the call',
      [TASK_HEADER, ['加装电梯', '老旧小区加装电梯意见难统一。', '加装电梯 20 台', 1, '2026-04-21', '2027-06-30']],
      {},
      [
        '第 2 行 完成日期：任务“加装电梯”的日期 2027-06-30 不在征集令的时间范围（2026-03-01 至 2027-02-05）内（把日期改到 2026-03-01 至 2027-02-05 之间，或调整征集令的时间安排）',
      ],
    ],
    [
      'no call given',
      [TASK_HEADER, TASK],
      { campaign: '' },
      ['第 1 行：不知道这些揭榜任务属于哪个征集令（导入时用 --campaign 指定征集令编号）'],
    ],
    [
      'an unknown call',
      [TASK_HEADER, TASK],
      { campaign: 'no-such-call' },
      ['第 1 行：找不到征集令 content/campaigns/no-such-call.yaml（检查 --campaign 后的征集令编号）'],
    ],
    [
      'a call that has tasks already, without --replace',
      [TASK_HEADER, TASK],
      { existing },
      [
        '第 1 行：content/campaigns/2026-jiebang.yaml 已有 5 项揭榜任务（要用表格中的揭榜任务整体替换它们，导入时加 --replace）',
      ],
    ],
  ])('refuses %s, writing nothing', (_, rows, extra, expected) => {
    const result = run(rows, extra);
    expect(lines(result)).toEqual(expected);
    expect(result.files).toEqual([]);
  });

  it('with --replace, refuses a list that drops a task a sign-up has claimed, without naming the street', () => {
    const result = run([TASK_HEADER, TASK], { existing, replace: true });
    expect(result.files).toEqual([]);
    const found = lines(result);
    expect(found.length).toBeGreaterThan(0);
    for (const line of found)
      expect(line).toMatch(
        /^第 1 行：导入后 content\/submissions\/2026-jiebang\/.+ claim\.task：征集令 2026-jiebang 中找不到揭榜任务/,
      );
  });
});

const PROGRESS_HEADER = ['报告街道', '揭榜申报', '报告日期', '承诺1累计完成', '承诺2累计完成', '进展情况', '示例内容'];
const PROGRESS: SheetCell[] = [
  '龙凤',
  'longfeng-dianti-2026',
  '2026/11/30',
  10,
  '210',
  '## 本期进展\n\n第二批电梯开工。',
  '是',
];

describe('import:progress', () => {
  const run = (rows: SheetCell[][], extra: Partial<SheetImportOptions> = {}) =>
    importSheet('progress', rows, { ...options, defaults: { campaign: '2026-jiebang' }, ...extra });

  it('has a template from the schema, one column per commitment, without the district’s 验收', () => {
    const { header } = templateSheets('progress');
    expect(header.slice(0, 6)).toEqual(['编号', '报告街道', '揭榜申报', '报告日期', '承诺1累计完成', '承诺2累计完成']);
    expect(header).not.toContain('验收');
  });

  it('turns a row into a report: an id from the sign-up and the date, figures by commitment, the text as the body', () => {
    const result = run([PROGRESS_HEADER, PROGRESS]);
    expect(lines(result)).toEqual([]);
    expect(result.files.map((file) => file.path)).toEqual([
      'progress/2026-jiebang/longfeng/longfeng-dianti-2026-2026-11-30.md',
    ]);
    const source = parseSource(result.files[0].text, 'md');
    expect(source.data).toEqual({
      id: 'longfeng-dianti-2026-2026-11-30',
      campaign: '2026-jiebang',
      street: 'longfeng',
      submission: 'longfeng-dianti-2026',
      date: '2026-11-30',
      figures: [
        { commitment: 1, value: 10 },
        { commitment: 2, value: 210 },
      ],
      sample: true,
    });
    expect(source.body).toContain('第二批电梯开工');
  });

  it.each<[string, SheetCell[][], string[]]>([
    [
      "another street's sign-up, as if unknown",
      [PROGRESS_HEADER, ['龙凤', 'ruibao-wuye-2026', '2026-11-30', 1, '', '', '是']],
      [
        '第 2 行 揭榜申报：本街道在征集令 2026-jiebang 中没有编号为“ruibao-wuye-2026”的申报（填写本街道揭榜申报的编号）',
      ],
    ],
    [
      'a figure for a commitment the claim does not have, reported in its own column',
      [
        ['报告街道', '揭榜申报', '报告日期', '承诺1累计完成', '承诺3累计完成', '示例内容'],
        ['龙凤', 'longfeng-dianti-2026', '2026-11-30', 10, 4, '是'],
      ],
      ['第 2 行 承诺3累计完成：申报只有 2 项承诺目标，没有第 3 项（填写 1 至 2：1 加装电梯、2 惠及住户）'],
    ],
    [
      'the district’s acceptance set in an office’s sheet is checked like any choice',
      [
        ['报告街道', '揭榜申报', '报告日期', '承诺1累计完成', '验收'],
        ['龙凤', 'longfeng-dianti-2026', '2026-11-30', 10, '合格'],
      ],
      [
        '第 2 行 验收：acceptance（验收）的值“合格”无效：应为以下之一：passed（通过）、rectify（需整改）（从 passed、rectify 中选一个）',
      ],
    ],
    [
      'a report filed twice',
      [
        ['编号', ...PROGRESS_HEADER],
        ['longfeng-dianti-2026-09', '龙凤', 'longfeng-dianti-2026', '2026-09-30', 7, 140, '', '是'],
      ],
      [
        '第 2 行 编号：content/progress/2026-jiebang/longfeng/longfeng-dianti-2026-09.md 已经存在（换一个编号；要用表格内容覆盖已有进展报告时，导入时加 --replace）',
      ],
    ],
  ])('refuses %s', (_, rows, expected) => {
    const result = run(rows);
    expect(lines(result)).toEqual(expected);
    expect(result.files).toEqual([]);
  });
});
