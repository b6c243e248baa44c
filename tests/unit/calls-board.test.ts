import { describe, expect, it } from 'vitest';
import { commitmentProgress, isOnBoard, taskBoards, tasksOfBrand } from '../../src/lib/calls/board.ts';
import type { Claim, Progress, SubmissionStage } from '../../src/schema/index.ts';

const claim = (task = 'elevator'): Claim => ({
  task,
  leaderPosition: '街道党工委书记',
  commitments: [
    { target: '加装电梯', value: 10, unit: '台', date: '2026-12-31' },
    { target: '惠及住户', value: 200, unit: '户', date: '2026-12-31' },
  ],
  milestones: [
    { date: '2026-09-01', title: '开工' },
    { date: '2026-05-01', title: '摸查' },
  ],
});

type Report = Pick<Progress, 'campaign' | 'street' | 'submission' | 'date' | 'figures' | 'acceptance'>;
const report = (date: string, figures: [number, number][], fields: Partial<Report> = {}): Report => ({
  campaign: 'call',
  street: 'longfeng',
  submission: 'a',
  date,
  figures: figures.map(([commitment, value]) => ({ commitment, value })),
  ...fields,
});

describe('isOnBoard', () => {
  it.each<[SubmissionStage, boolean]>([
    ['draft', false],
    ['submitted', false],
    ['eligible', false],
    ['shortlisted', true],
    ['selected', true],
    ['not-selected', false],
  ])('a claim at stage %s: %s', (stage, shown) => {
    expect(isOnBoard({ stage, claim: claim() })).toBe(shown);
    expect(isOnBoard({ stage })).toBe(false);
  });
});

describe('commitmentProgress', () => {
  it.each<[string, Report[], (number | undefined)[], number[]]>([
    ['nothing reported', [], [undefined, undefined], [0, 0]],
    [
      'the newest report that names each commitment',
      [
        report('2026-06-30', [
          [1, 3],
          [2, 60],
        ]),
        report('2026-09-30', [[1, 7]]),
      ],
      [7, 60],
      [70, 30],
    ],
    [
      'order of the files does not matter',
      [report('2026-09-30', [[1, 7]]), report('2026-06-30', [[1, 3]])],
      [7, undefined],
      [70, 0],
    ],
    [
      'a target exceeded is a full bar',
      [
        report('2026-09-30', [
          [1, 12],
          [2, 201],
        ]),
      ],
      [12, 201],
      [100, 100],
    ],
    ['percentages are rounded', [report('2026-09-30', [[2, 117]])], [undefined, 117], [0, 59]],
  ])('%s', (_, reports, values, percents) => {
    const progress = commitmentProgress(claim(), reports);
    expect(progress.map((item) => item.reported?.value)).toEqual(values);
    expect(progress.map((item) => item.percent)).toEqual(percents);
  });
});

describe('taskBoards', () => {
  const campaign = {
    id: 'call',
    tasks: [
      { id: 'elevator', title: '加装电梯', problem: '', results: [], quota: 2, start: '2026-04-01', end: '2026-12-31' },
      { id: 'grid', title: '网格党建', problem: '', results: [], quota: 1, start: '2026-04-01', end: '2026-12-31' },
    ],
  };
  const signup = (id: string, street: string, stage: SubmissionStage, task = 'elevator') => ({
    id,
    street,
    stage,
    campaign: 'call',
    claim: claim(task),
  });
  const submissions = [
    signup('p', 'pazhou', 'shortlisted'),
    signup('a', 'longfeng', 'selected'),
    signup('d', 'changgang', 'draft'),
    signup('g', 'shayuan', 'submitted', 'grid'),
    { ...signup('x', 'ruibao', 'shortlisted'), campaign: 'other' },
  ];
  const reports = [
    report('2026-06-30', [[1, 3]], { acceptance: 'passed' }),
    report('2026-09-30', [[1, 7]]),
    // Another street's report naming the same id is not the claim's.
    report('2026-10-30', [[1, 9]], { street: 'pazhou' }),
    report('2026-07-01', [[1, 1]], { submission: 'd', street: 'changgang' }),
  ];
  const boards = taskBoards(campaign, submissions, reports, '2026-08-01');

  it('lists every task, in the call order, with the claims shortlisted or selected, by street', () => {
    expect(boards.map((board) => [board.task.id, board.claims.map((item) => item.submission.id)])).toEqual([
      ['elevator', ['a', 'p']],
      ['grid', []],
    ]);
  });

  it('gives each claim its own reports, newest first, and its milestones in order, passed by today', () => {
    const [longfeng] = boards[0].claims;
    expect(longfeng.reports.map((item) => item.date)).toEqual(['2026-09-30', '2026-06-30']);
    expect(longfeng.commitments[0].reported).toEqual({ value: 7, on: '2026-09-30' });
    expect(longfeng.milestones).toEqual([
      { date: '2026-05-01', title: '摸查', passed: true },
      { date: '2026-09-01', title: '开工', passed: false },
    ]);
    expect(boards[0].claims[1].reports).toEqual([]);
  });
});

describe('tasksOfBrand', () => {
  const call = { id: 'call', data: { tasks: [{ id: 'elevator', title: '加装电梯' }] } } as never;
  const signup = (stage: SubmissionStage, brand: string | undefined, task = 'elevator') => ({
    campaign: 'call',
    stage,
    brand,
    claim: claim(task),
  });
  it.each<[string, ReturnType<typeof signup>, number]>([
    ['a selected claim that became the brand', signup('selected', 'b'), 1],
    ['a claim still shortlisted', signup('shortlisted', 'b'), 0],
    ["another brand's claim", signup('selected', 'other'), 0],
    ['a claim of a task the call no longer lists', signup('selected', 'b', 'gone'), 0],
  ])('%s', (_, submission, count) => {
    expect(tasksOfBrand('b', [submission], (id) => (id === 'call' ? call : undefined))).toHaveLength(count);
  });
});
