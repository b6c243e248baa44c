import { describe, expect, it } from 'vitest';
import { resultsHtml, resultsTable } from '../../src/lib/review/export.ts';
import { reviewCampaign } from '../../src/lib/review/model.ts';
import type { Campaign, Review, Submission } from '../../src/schema/index.ts';

const task = (id: string, title: string) => ({
  id,
  title,
  problem: '需要解决的问题。',
  results: [],
  quota: 2,
  start: '2026-04-01',
  end: '2026-12-31',
});

const campaign = (rankWithinTask: boolean): Campaign => ({
  id: 'call',
  title: '揭榜挂帅',
  organiser: '区委组织部',
  description: '',
  opens: '2026-03-01',
  closes: '2026-03-31',
  eligibility: ['x'],
  rubric: [{ id: 'target', name: '目标完成', weight: 100, scale: 100 }],
  tasks: [task('elevator', '加装电梯'), task('grid', '网格党建')],
  rankWithinTask,
  stages: [{ stage: 'submission', start: '2026-03-01', end: '2026-03-31' }],
  judges: ['j1', 'j2', 'j3'],
  blind: false,
  trimming: 'none',
  resultsPublished: false,
  publishPanelScores: false,
  panelReleased: false,
  sample: true,
});

const signup = (id: string, street: string, taskId: string): Submission => ({
  id,
  campaign: 'call',
  street,
  organisation: `${street}党工委`,
  title: `项目${id}`,
  category: 'governance',
  summary: '',
  attachments: [],
  stage: 'shortlisted',
  submitted: '2026-03-10',
  claim: {
    task: taskId,
    leaderPosition: '街道党工委书记',
    commitments: [{ target: '加装电梯', value: 1, unit: '台', date: '2026-12-01' }],
    milestones: [],
  },
  sample: true,
});

const submissions = [
  signup('a', 'longfeng', 'elevator'),
  signup('b', 'pazhou', 'grid'),
  signup('c', 'ruibao', 'elevator'),
];
const totals: Record<string, number> = { a: 70, b: 95, c: 85 };
const reviews: Review[] = submissions.flatMap((submission) =>
  ['j1', 'j2', 'j3'].map((judge) => ({
    judge,
    submission: submission.id,
    scores: { target: totals[submission.id] },
    comment: '',
    conflict: false,
  })),
);
const streets = [
  { id: 'longfeng', name: '龙凤街道' },
  { id: 'pazhou', name: '琶洲街道' },
  { id: 'ruibao', name: '瑞宝街道' },
];

describe('the results export of a call of tasks', () => {
  it.each([
    // rankWithinTask, header of the first columns, [rank, (task,) id] per row
    [
      false,
      ['名次', '申报编号'],
      [
        [1, 'b'],
        [2, 'c'],
        [3, 'a'],
      ],
    ],
    [
      true,
      ['任务内名次', '揭榜任务', '申报编号'],
      [
        [1, '加装电梯', 'c'],
        [2, '加装电梯', 'a'],
        [1, '网格党建', 'b'],
      ],
    ],
  ] as const)('ranks within each task: %s', (grouped, header, rows) => {
    const call = campaign(grouped);
    const review = reviewCampaign(call, submissions, [], reviews);
    const table = resultsTable({ campaign: call, review, submissions, streets, judgeCodes: {} });
    expect(table.header.slice(0, header.length)).toEqual(header);
    expect(table.rows.map((row) => row.slice(0, header.length))).toEqual(rows);
    const html = resultsHtml({ campaign: call, review, submissions, streets, judgeCodes: {} }, table, '2027-01-20');
    // The brand name heads each row, and the scores keep their numeric alignment, with or without the task column.
    expect(html).toContain('<th scope="row">项目c</th>');
    expect(html).toMatch(/<td class="n">85\.00<\/td>/);
    expect(html.includes('按揭榜任务分别排名')).toBe(grouped);
  });
});
