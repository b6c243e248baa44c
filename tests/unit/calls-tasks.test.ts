import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { claimOrder, overQuota } from '../../src/lib/calls/tasks.ts';
import { readContentFiles } from '../../src/lib/content-files.ts';
import { formatProblem } from '../../src/lib/report.ts';
import { validateContent } from '../../src/lib/validate.ts';

/** The real streets, so references resolve; everything else is built per case. */
const streets = readContentFiles('content').filter((file) => file.path.startsWith('streets/'));

type Data = Record<string, unknown>;

const task = (id: string, fields: Data = {}) => ({
  id,
  title: `任务${id}`,
  problem: '这是一项需要解决的基层治理问题。',
  results: [{ target: '加装电梯', value: 10, unit: '台' }],
  quota: 1,
  start: '2026-04-01',
  end: '2026-12-31',
  ...fields,
});

const campaign = (fields: Data = {}): Data => ({
  id: 'call',
  title: '揭榜挂帅测试',
  organiser: '区委组织部',
  description: '用于测试揭榜挂帅规则的征集令，内容仅供测试。',
  opens: '2026-03-01',
  closes: '2026-03-31',
  eligibility: ['各街道党工委'],
  tasks: [task('elevator'), task('grid', { quota: 2 })],
  stages: [
    { stage: 'submission', start: '2026-03-01', end: '2026-03-31' },
    { stage: 'result', start: '2027-01-10', end: '2027-01-20' },
  ],
  ...fields,
});

const claim = (fields: Data = {}) => ({
  task: 'elevator',
  leaderPosition: '街道党工委书记',
  commitments: [{ target: '加装电梯', value: 5, unit: '台', date: '2026-12-01' }],
  milestones: [{ date: '2026-06-01', title: '意愿摸查' }],
  ...fields,
});

const signup = (street: string, id: string, fields: Data = {}): Data => ({
  id,
  campaign: 'call',
  street,
  organisation: '街道党工委',
  title: '揭榜项目',
  category: 'governance',
  summary: '示例申报：用于测试揭榜挂帅规则的申报摘要内容。',
  submitted: '2026-03-10',
  stage: 'submitted',
  claim: claim(),
  sample: true,
  ...fields,
});

const contact = (street: string, submission: string, fields: Data = {}): Data => ({
  submission,
  campaign: 'call',
  street,
  name: '联络员',
  phone: '020-0000-0000',
  ...fields,
});

const progress = (street: string, id: string, fields: Data = {}): Data => ({
  id,
  campaign: 'call',
  street,
  submission: `${street}-a`,
  date: '2026-07-01',
  figures: [{ commitment: 1, value: 2 }],
  sample: true,
  ...fields,
});

interface Setup {
  campaign?: Data;
  signups?: Data[];
  reports?: Data[];
  /** The sign-ups' private details, as in the district repository. */
  contacts?: Data[];
}

/** The problems the validator reports for a call, its sign-ups and progress reports. */
function problems({ campaign: call = campaign(), signups = [], reports = [], contacts = [] }: Setup): string[] {
  const md = (data: Data) => `---\n${stringify(data)}---\n\n正文。\n`;
  const files = [
    ...streets,
    { path: `campaigns/${call.id}.yaml`, text: stringify(call) },
    ...signups.map((data) => ({ path: `submissions/call/${data.street}/${data.id}.md`, text: md(data) })),
    ...reports.map((data) => ({ path: `progress/call/${data.street}/${data.id}.md`, text: md(data) })),
    ...contacts.map((data) => ({
      path: `contacts/call/${data.street}/${data.submission}.yaml`,
      text: stringify(data),
    })),
  ];
  return validateContent(files, { exists: () => true })
    .problems.map(formatProblem)
    .map((line) => line.replace(/^content\//, '').replace(/:\d+ /, ' '));
}

describe('tasks, claims and progress reports', () => {
  it.each<[string, Setup, string[]]>([
    ['a call of tasks without a rubric is valid', { signups: [signup('longfeng', 'longfeng-a')] }, []],
    [
      'a call needs a rubric or tasks',
      { campaign: campaign({ tasks: [] }) },
      [
        'campaigns/call.yaml rubric: 征集令既没有评分标准，也没有揭榜任务 (在 rubric 中写评分指标，或在 tasks 中列出揭榜任务（也可以两者都有）)',
      ],
    ],
    [
      'task ids are unique',
      { campaign: campaign({ tasks: [task('elevator'), task('elevator')] }) },
      ['campaigns/call.yaml tasks[1].id: 揭榜任务编号“elevator”重复 (每个任务用不同的编号)'],
    ],
    [
      'a task runs within the call',
      { campaign: campaign({ tasks: [task('elevator', { end: '2027-03-01' })] }) },
      [
        'campaigns/call.yaml tasks[0].end: 任务“任务elevator”的日期 2027-03-01 不在征集令的时间范围（2026-03-01 至 2027-01-20）内 (把日期改到 2026-03-01 至 2027-01-20 之间，或调整征集令的时间安排)',
      ],
    ],
    [
      'ranking within tasks needs tasks',
      { campaign: campaign({ tasks: [], rubric: [{ id: 'a', name: '成效', weight: 100 }], rankWithinTask: true }) },
      [
        'campaigns/call.yaml rankWithinTask: 征集令没有揭榜任务，不能按任务分别排名 (在 tasks 中列出揭榜任务，或把 rankWithinTask 改为 false)',
      ],
    ],
    [
      'a claim of an unknown task is refused, with the task meant',
      { signups: [signup('longfeng', 'longfeng-a', { claim: claim({ task: 'elevater' }) })] },
      [
        'submissions/call/longfeng/longfeng-a.md claim.task: 征集令 call 中找不到揭榜任务“elevater” (是不是 elevator？)',
      ],
    ],
    [
      'a claim on a call without tasks is refused',
      {
        campaign: campaign({ tasks: [], rubric: [{ id: 'a', name: '成效', weight: 100 }] }),
        signups: [signup('longfeng', 'longfeng-a')],
      },
      [
        'submissions/call/longfeng/longfeng-a.md claim: 征集令 call 没有揭榜任务，不能揭榜 (删除 claim，或请区级在征集令的 tasks 中列出任务)',
      ],
    ],
    [
      'commitments and milestones fall within the task',
      {
        signups: [
          signup('longfeng', 'longfeng-a', {
            claim: claim({
              commitments: [{ target: '加装电梯', value: 5, unit: '台', date: '2027-01-05' }],
              milestones: [{ date: '2026-03-15', title: '意愿摸查' }],
            }),
          }),
        ],
      },
      [
        'submissions/call/longfeng/longfeng-a.md claim.commitments[0].date: 承诺“加装电梯”的日期 2027-01-05 不在任务“任务elevator”的期限（2026-04-01 至 2026-12-31）内 (把日期改到 2026-04-01 至 2026-12-31 之间)',
        'submissions/call/longfeng/longfeng-a.md claim.milestones[0].date: 工作节点“意愿摸查”的日期 2026-03-15 不在任务“任务elevator”的期限（2026-04-01 至 2026-12-31）内 (把日期改到 2026-04-01 至 2026-12-31 之间)',
      ],
    ],
    [
      'the later claim over the quota is refused without naming the street that holds the place',
      {
        signups: [
          signup('longfeng', 'longfeng-a', { submitted: '2026-03-20' }),
          signup('pazhou', 'pazhou-a', { submitted: '2026-03-12', stage: 'draft' }),
        ],
      },
      [
        'submissions/call/longfeng/longfeng-a.md claim.task: 揭榜任务“任务elevator”的名额已满（共 1 个名额，按提交日期先后确定） (改揭其他任务，或请区级调整该任务的名额（quota）)',
      ],
    ],
    [
      'claims within the quota are valid',
      {
        signups: [
          signup('longfeng', 'longfeng-a', { claim: claim({ task: 'grid' }) }),
          signup('pazhou', 'pazhou-a', { claim: claim({ task: 'grid' }) }),
        ],
      },
      [],
    ],
    [
      'a progress report with figures against its commitments is valid',
      { signups: [signup('longfeng', 'longfeng-a')], reports: [progress('longfeng', 'r1', { acceptance: 'passed' })] },
      [],
    ],
    [
      "a report on another street's sign-up reads as unknown",
      {
        signups: [signup('pazhou', 'pazhou-a')],
        reports: [progress('longfeng', 'r1', { submission: 'pazhou-a' })],
      },
      [
        'progress/call/longfeng/r1.md submission: 本街道在征集令 call 中没有编号为“pazhou-a”的申报 (填写本街道揭榜申报的编号)',
      ],
    ],
    [
      'a report on a sign-up without a claim is refused',
      {
        signups: [signup('longfeng', 'longfeng-a', { claim: undefined })],
        reports: [progress('longfeng', 'r1')],
      },
      [
        'progress/call/longfeng/r1.md submission: 申报“longfeng-a”没有揭榜任务，不能报告揭榜进展 (先在申报中填写 claim（揭榜任务和承诺目标）)',
      ],
    ],
    [
      'figures name a commitment of the claim, once each; the date falls in the task',
      {
        signups: [signup('longfeng', 'longfeng-a')],
        reports: [
          progress('longfeng', 'r1', {
            date: '2026-03-20',
            figures: [
              { commitment: 1, value: 2 },
              { commitment: 1, value: 3 },
              { commitment: 2, value: 1 },
            ],
          }),
        ],
      },
      [
        'progress/call/longfeng/r1.md date: 报告日期 2026-03-20 不在任务“任务elevator”的期限（2026-04-01 起，征集令 2027-01-20 结束）内 (把日期改到 2026-04-01 至 2027-01-20 之间)',
        'progress/call/longfeng/r1.md figures[1].commitment: 第 1 项承诺目标填了两次 (每项承诺只填一个累计完成数)',
        'progress/call/longfeng/r1.md figures[2].commitment: 申报只有 1 项承诺目标，没有第 2 项 (填写 1 至 1：1 加装电梯)',
      ],
    ],
    [
      'the acceptance is one of 通过 / 需整改',
      { signups: [signup('longfeng', 'longfeng-a')], reports: [progress('longfeng', 'r1', { acceptance: 'ok' })] },
      [
        'progress/call/longfeng/r1.md acceptance: acceptance（验收）的值“ok”无效：应为以下之一：passed（通过）、rectify（需整改） (从 passed、rectify 中选一个)',
      ],
    ],
    [
      "a claim's leader is named in the district repository",
      {
        signups: [signup('longfeng', 'longfeng-a'), signup('chigang', 'chigang-a', { claim: undefined })],
        contacts: [contact('longfeng', 'longfeng-a', { leaderName: '示例姓名' }), contact('chigang', 'chigang-a')],
      },
      [],
    ],
    [
      'a claim without its leader, and a leader without a claim, are refused',
      {
        signups: [signup('longfeng', 'longfeng-a'), signup('chigang', 'chigang-a', { claim: undefined })],
        contacts: [contact('longfeng', 'longfeng-a'), contact('chigang', 'chigang-a', { leaderName: '示例姓名' })],
      },
      [
        'contacts/call/chigang/chigang-a.yaml leaderName: 申报“chigang-a”没有揭榜任务，不需要挂帅人姓名 (删除 leaderName，或在申报里填写揭榜任务（claim）)',
        'contacts/call/longfeng/longfeng-a.yaml leaderName: 申报“longfeng-a”揭榜了任务 elevator，还没有挂帅人姓名 (填写 leaderName：挂帅人的姓名（不公开；职务写在申报的 claim.leaderPosition 里）)',
      ],
    ],
  ])('%s', (_, setup, expected) => {
    expect(problems(setup)).toEqual(expected);
  });
});

describe('claim order and quota', () => {
  it.each<[string, { id: string; submitted?: string }[], string[]]>([
    [
      'by date',
      [
        { id: 'b', submitted: '2026-03-02' },
        { id: 'a', submitted: '2026-03-03' },
      ],
      ['b', 'a'],
    ],
    [
      'by id on the same date',
      [
        { id: 'b', submitted: '2026-03-02' },
        { id: 'a', submitted: '2026-03-02' },
      ],
      ['a', 'b'],
    ],
    ['undated (drafts) last', [{ id: 'a' }, { id: 'b', submitted: '2026-03-09' }], ['b', 'a']],
  ])('orders claims %s', (_, claims, order) => {
    expect([...claims].sort(claimOrder).map((item) => item.id)).toEqual(order);
  });

  it('refuses the claims after the quota, per call and task', () => {
    const claims = [
      { id: 'a', campaign: 'c', submitted: '2026-03-05', claim: { task: 't' } },
      { id: 'b', campaign: 'c', submitted: '2026-03-01', claim: { task: 't' } },
      { id: 'c', campaign: 'c', submitted: '2026-03-09', claim: { task: 't' } },
      { id: 'd', campaign: 'other', submitted: '2026-03-09', claim: { task: 't' } },
      { id: 'e', campaign: 'c', submitted: '2026-03-09' },
    ];
    expect(overQuota(claims, (campaign) => (campaign === 'c' ? 2 : undefined)).map((item) => item.id)).toEqual(['c']);
  });
});
