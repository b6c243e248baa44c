import { describe, expect, it } from 'vitest';
import {
  type CellStatus,
  median,
  type ScoringCriterion,
  type ScoringPanel,
  type ScoringReview,
  type ScoringSubmission,
  scoreCampaign,
  trims,
  weightedTotal,
} from '../../src/lib/scoring.ts';

/** Two criteria on different scales: 60 % on a 10-point scale, 40 % on a 20-point scale. */
const RUBRIC: ScoringCriterion[] = [
  { id: 'impact', name: '工作成效', weight: 60, scale: 10 },
  { id: 'innovation', name: '创新特色', weight: 40, scale: 20 },
];

/** Scores that give exactly `total` (0–100) on RUBRIC: the same share of each scale. */
const scoresFor = (total: number) => ({ impact: total / 10, innovation: total / 5 });

const judges = (count: number) => Array.from({ length: count }, (_, index) => `j${index + 1}`);

/** One review per judge with the given totals (undefined: no review). */
const reviewsWith = (submission: string, totals: (number | undefined)[]): ScoringReview[] =>
  totals.flatMap((total, index) =>
    total === undefined ? [] : [{ judge: `j${index + 1}`, submission, scores: scoresFor(total) }],
  );

const submission = (id: string, street = 'longfeng', submitted?: string): ScoringSubmission => ({
  id,
  street,
  submitted,
});

describe('weightedTotal', () => {
  it.each([
    ['full marks', { impact: 10, innovation: 20 }, 100],
    ['zero everywhere', { impact: 0, innovation: 0 }, 0],
    ['weights, each score normalised to its scale', { impact: 5, innovation: 20 }, 70],
    ['the other way round', { impact: 10, innovation: 10 }, 80],
    ['decimal scores', { impact: 8.5, innovation: 15 }, 81],
  ])('%s', (_, scores, expected) => {
    expect(weightedTotal(RUBRIC, scores).total).toBeCloseTo(expected, 9);
  });

  it('normalises by the sum of the weights when they do not add up to 100', () => {
    const rubric = [
      { id: 'a', weight: 3, scale: 10 },
      { id: 'b', weight: 1, scale: 10 },
    ];
    expect(weightedTotal(rubric, { a: 10, b: 0 }).total).toBeCloseTo(75, 9);
  });

  it.each([
    ['a score above the scale', { impact: 11, innovation: 20 }, '“工作成效”的分数 11 超出 0 至 10 的范围'],
    ['a negative score', { impact: 5, innovation: -1 }, '“创新特色”的分数 -1 超出 0 至 20 的范围'],
    ['a missing criterion', { impact: 5 }, '缺少“创新特色”的分数'],
    ['an unknown criterion', { impact: 5, innovation: 5, inovation: 5 }, '评分标准中没有指标“inovation”'],
    ['a score that is not a number', { impact: Number.NaN, innovation: 5 }, '“工作成效”的分数不是数字'],
  ])('refuses %s', (_, scores, problem) => {
    const result = weightedTotal(RUBRIC, scores);
    expect(result.total).toBeUndefined();
    expect(result.problems).toEqual([problem]);
  });
});

describe('median and trimming rule', () => {
  it.each([
    [[], null],
    [[3], 3],
    [[1, 9], 5],
    [[9, 1, 5], 5],
    [[4, 1, 3, 2], 2.5],
  ])('median of %j is %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it.each([
    ['auto', 4, false],
    ['auto', 5, true],
    ['auto', 7, true],
    ['none', 9, false],
    ['always', 2, false],
    ['always', 3, true],
  ] as const)('%s with %i valid reviews trims: %s', (rule, valid, expected) => {
    expect(trims(rule, valid)).toBe(expected);
  });
});

describe('scoreCampaign: panel score and trimming', () => {
  it.each([
    // rule, totals per judge, panel score, counted, trimmed
    ['auto', [90, 80, 70, 60, 10], 70, 3, true],
    ['auto', [90, 80, 70, 60], 75, 4, false],
    ['auto', [100, 100, 100, 100, 100, 0], 100, 4, true],
    ['none', [90, 80, 70, 60, 10], 62, 5, false],
    ['always', [90, 60, 30], 60, 1, true],
    ['always', [90, 30], 60, 2, false],
  ] as const)('%s, totals %j → %s from %i reviews', (trimming, totals, panel, counted, trimmed) => {
    const panelDef: ScoringPanel = { rubric: RUBRIC, judges: judges(totals.length), trimming };
    const [result] = scoreCampaign(panelDef, [submission('a')], reviewsWith('a', [...totals])).results;
    expect(result.panel).toBeCloseTo(panel, 9);
    expect(result.counted).toBe(counted);
    expect(result.valid).toBe(totals.length);
    expect(result.trimmed).toBe(trimmed);
    expect(result.complete).toBe(true);
    expect(result.rank).toBe(1);
  });

  it('marks which totals were dropped', () => {
    const [result] = scoreCampaign(
      { rubric: RUBRIC, judges: judges(5) },
      [submission('a')],
      reviewsWith('a', [70, 90, 10, 60, 80]),
    ).results;
    expect(result.cells.map((cell) => cell.trimmed)).toEqual([undefined, 'high', 'low', undefined, undefined]);
  });

  it('averages each criterion over the counted reviews, consistently with the panel score', () => {
    const reviews: ScoringReview[] = [
      { judge: 'j1', submission: 'a', scores: { impact: 10, innovation: 20 } },
      { judge: 'j2', submission: 'a', scores: { impact: 8, innovation: 10 } },
      { judge: 'j3', submission: 'a', scores: { impact: 6, innovation: 14 } },
      { judge: 'j4', submission: 'a', scores: { impact: 7, innovation: 12 } },
      { judge: 'j5', submission: 'a', scores: { impact: 0, innovation: 2 } },
    ];
    const [result] = scoreCampaign({ rubric: RUBRIC, judges: judges(5) }, [submission('a')], reviews).results;
    // Totals 100, 68, 64, 66, 4: j1 and j5 are dropped.
    expect(result.criteria.impact).toBeCloseTo(7, 9);
    expect(result.criteria.innovation).toBeCloseTo(12, 9);
    expect(result.panel).toBeCloseTo(66, 9);
    expect(result.panel).toBeCloseTo(60 * (7 / 10) + 40 * (12 / 20), 9);
  });
});

describe('scoreCampaign: ranking and ties', () => {
  type Case = {
    name: string;
    submissions: ScoringSubmission[];
    /** Totals per submission, one per judge j1, j2, … (undefined: no review). */
    totals: Record<string, (number | undefined)[]>;
    conflicts?: Record<string, string[]>;
    judgeCount?: number;
    /** Expected [submission, rank, tie-break] in order. */
    expected: [string, number | null, string | undefined][];
  };
  const cases: Case[] = [
    {
      name: 'plain order by panel score',
      submissions: [submission('a'), submission('b'), submission('c')],
      totals: { a: [60, 60, 60], b: [80, 80, 80], c: [70, 70, 70] },
      expected: [
        ['b', 1, undefined],
        ['c', 2, undefined],
        ['a', 3, undefined],
      ],
    },
    {
      name: 'equal panel score: the higher median first',
      submissions: [submission('a'), submission('b')],
      // a: mean 70, median 60; b: mean 70, median 70.
      totals: { a: [60, 60, 90], b: [70, 70, 70] },
      expected: [
        ['b', 1, undefined],
        ['a', 2, 'median'],
      ],
    },
    {
      name: 'equal panel score and median: more valid reviews first',
      // j3 declared a conflict with pazhou, so b has two reviews against a's three; both panels are complete.
      submissions: [submission('a', 'longfeng'), submission('b', 'pazhou')],
      totals: { a: [70, 70, 70], b: [70, 70, undefined] },
      conflicts: { j3: ['pazhou'] },
      expected: [
        ['a', 1, undefined],
        ['b', 2, 'reviews'],
      ],
    },
    {
      name: 'equal on everything scored: the earlier submission first, a missing date last',
      submissions: [
        submission('late', 'longfeng', '2022-03-30'),
        submission('undated', 'longfeng'),
        submission('early', 'longfeng', '2022-03-01'),
      ],
      totals: { late: [75, 75], undated: [75, 75], early: [75, 75] },
      judgeCount: 2,
      expected: [
        ['early', 1, undefined],
        ['late', 2, 'submitted'],
        ['undated', 3, 'submitted'],
      ],
    },
    {
      name: 'equal on every rule: a shared rank, and the next rank skips',
      submissions: [
        submission('b', 'longfeng', '2022-03-01'),
        submission('a', 'longfeng', '2022-03-01'),
        submission('c', 'longfeng', '2022-03-01'),
      ],
      totals: { a: [80, 80], b: [80, 80], c: [50, 50] },
      judgeCount: 2,
      expected: [
        ['a', 1, undefined],
        ['b', 1, 'shared'],
        ['c', 3, undefined],
      ],
    },
    {
      name: 'equal marks reached by different floating-point sums still tie',
      submissions: [submission('a', 'x', '2022-01-01'), submission('b', 'x', '2022-01-01')],
      totals: { a: [70.1, 70.2, 70.3], b: [70.3, 70.1, 70.2] },
      expected: [
        ['a', 1, undefined],
        ['b', 1, 'shared'],
      ],
    },
    {
      name: 'incomplete panels are flagged and left unranked, after the ranked ones',
      submissions: [submission('top'), submission('gap'), submission('low')],
      totals: { top: [95, 95, undefined], gap: [90, 90, 90], low: [50, 50, 50] },
      expected: [
        ['gap', 1, undefined],
        ['low', 2, undefined],
        ['top', null, undefined],
      ],
    },
  ];

  it.each(cases)('$name', ({ submissions, totals, conflicts, judgeCount, expected }) => {
    const count = judgeCount ?? 3;
    const reviews = Object.entries(totals).flatMap(([id, list]) => reviewsWith(id, list));
    const { results } = scoreCampaign({ rubric: RUBRIC, judges: judges(count), conflicts }, submissions, reviews);
    expect(results.map((result) => [result.submission, result.rank, result.tieBreak])).toEqual(expected);
  });
});

describe('scoreCampaign: coverage, missing and invalid reviews, conflicts', () => {
  const status = (results: ReturnType<typeof scoreCampaign>['results'], id: string) =>
    results.find((result) => result.submission === id)?.cells.map((cell) => `${cell.judge}:${cell.status}`);

  it.each<{
    name: string;
    reviews: ScoringReview[];
    conflicts?: Record<string, string[]>;
    statuses: `${string}:${CellStatus}`[];
    complete: boolean;
    missing: string[];
    flags: string[];
  }>([
    {
      name: 'a missing review',
      reviews: reviewsWith('a', [80, undefined, 70]),
      statuses: ['j1:scored', 'j2:missing', 'j3:scored'],
      complete: false,
      missing: ['j2'],
      flags: ['缺少 1 份评分'],
    },
    {
      name: 'an out-of-range score',
      reviews: [...reviewsWith('a', [80, 70]), { judge: 'j3', submission: 'a', scores: { impact: 12, innovation: 5 } }],
      statuses: ['j1:scored', 'j2:scored', 'j3:invalid'],
      complete: false,
      missing: ['j3'],
      flags: ['1 份评分无效'],
    },
    {
      name: 'a declared conflict: excluded, not missing',
      reviews: reviewsWith('a', [80, undefined, 70]),
      conflicts: { j2: ['longfeng'] },
      statuses: ['j1:scored', 'j2:excluded', 'j3:scored'],
      complete: true,
      missing: [],
      flags: [],
    },
    {
      name: 'a review by a judge with a declared conflict does not count',
      reviews: reviewsWith('a', [80, 10, 70]),
      conflicts: { j2: ['longfeng'] },
      statuses: ['j1:scored', 'j2:excluded', 'j3:scored'],
      complete: true,
      missing: [],
      flags: [],
    },
    {
      name: 'a judge abstaining on one submission',
      reviews: [...reviewsWith('a', [80, undefined, 70]), { judge: 'j2', submission: 'a', scores: {}, conflict: true }],
      statuses: ['j1:scored', 'j2:abstained', 'j3:scored'],
      complete: true,
      missing: [],
      flags: [],
    },
    {
      name: 'every judge in conflict',
      reviews: [],
      conflicts: { j1: ['longfeng'], j2: ['longfeng'], j3: ['longfeng'] },
      statuses: ['j1:excluded', 'j2:excluded', 'j3:excluded'],
      complete: false,
      missing: [],
      flags: ['没有可以评审的评委（全部回避）'],
    },
    {
      name: 'a reviewer who is not on the panel',
      reviews: [...reviewsWith('a', [80, 75, 70]), { judge: 'stranger', submission: 'a', scores: scoresFor(0) }],
      statuses: ['j1:scored', 'j2:scored', 'j3:scored', 'stranger:not-on-panel'],
      complete: true,
      missing: [],
      flags: [],
    },
  ])('$name', ({ reviews, conflicts, statuses, complete, missing, flags }) => {
    const { results } = scoreCampaign({ rubric: RUBRIC, judges: judges(3), conflicts }, [submission('a')], reviews);
    const [result] = results;
    expect(status(results, 'a')).toEqual(statuses);
    expect(result.complete).toBe(complete);
    expect(result.missing).toEqual(missing);
    expect(result.flags).toEqual(flags);
    expect(result.rank).toBe(complete ? 1 : null);
    if (complete) expect(result.panel).toBeCloseTo(75, 9);
  });

  it('a campaign with no reviews: every panel incomplete, nothing ranked', () => {
    const { results } = scoreCampaign({ rubric: RUBRIC, judges: judges(3) }, [submission('a'), submission('b')], []);
    expect(results.map((result) => [result.submission, result.rank, result.panel, result.valid])).toEqual([
      ['a', null, null, 0],
      ['b', null, null, 0],
    ]);
    expect(results.every((result) => result.missing.length === 3)).toBe(true);
    expect(results[0].criteria).toEqual({ impact: null, innovation: null });
  });

  it('a campaign with no submissions and no judges', () => {
    expect(scoreCampaign({ rubric: RUBRIC, judges: [] }, [], [])).toEqual({ results: [], unmatched: [] });
  });

  it('returns reviews of submissions it was not asked to score as unmatched', () => {
    const stray = reviewsWith('elsewhere', [80]);
    const { results, unmatched } = scoreCampaign({ rubric: RUBRIC, judges: judges(1) }, [submission('a')], stray);
    expect(unmatched).toEqual(stray);
    expect(results[0].missing).toEqual(['j1']);
  });
});

describe('ranking within each task', () => {
  const grouped = (id: string, group: string | undefined, submitted?: string): ScoringSubmission => ({
    ...submission(id, 'longfeng', submitted),
    ...(group === undefined ? {} : { group }),
  });
  /** [submission, group, totals of judges j1–j5] */
  type Row = [string, string | undefined, (number | undefined)[]];
  const rank = (rows: Row[], trimming: ScoringPanel['trimming'] = 'auto') => {
    const { results } = scoreCampaign(
      { rubric: RUBRIC, judges: judges(5), trimming },
      rows.map(([id, group], index) => grouped(id, group, `2026-03-0${index + 1}`)),
      rows.flatMap(([id, , totals]) => reviewsWith(id, totals)),
    );
    return results.map((result) => [result.group, result.submission, result.rank, result.tieBreak ?? null]);
  };

  it.each<[string, Row[], ReturnType<typeof rank>]>([
    [
      'no groups: one ranking over the call, as before',
      [
        ['a', undefined, [80, 80, 80, 80, 80]],
        ['b', undefined, [90, 90, 90, 90, 90]],
      ],
      [
        [undefined, 'b', 1, null],
        [undefined, 'a', 2, null],
      ],
    ],
    [
      'the best claim of each task is first of its task, whatever the other task scored',
      [
        ['a', 'elevator', [70, 70, 70, 70, 70]],
        ['b', 'grid', [95, 95, 95, 95, 95]],
        ['c', 'elevator', [85, 85, 85, 85, 85]],
        ['d', 'grid', [60, 60, 60, 60, 60]],
      ],
      [
        ['elevator', 'c', 1, null],
        ['elevator', 'a', 2, null],
        ['grid', 'b', 1, null],
        ['grid', 'd', 2, null],
      ],
    ],
    [
      'ties are broken within a task (earlier sign-up first), never across tasks',
      [
        ['a', 'elevator', [80, 80, 80, 80, 80]],
        ['b', 'elevator', [80, 80, 80, 80, 80]],
        ['c', 'grid', [80, 80, 80, 80, 80]],
      ],
      [
        ['elevator', 'a', 1, null],
        ['elevator', 'b', 2, 'submitted'],
        ['grid', 'c', 1, null],
      ],
    ],
    [
      'trimming per claim, and an incomplete panel is not ranked within its task',
      [
        ['a', 'elevator', [100, 60, 60, 60, 0]],
        ['b', 'elevator', [61, 61, 61, 61, 61]],
        ['c', 'grid', [90, 90, undefined, undefined, undefined]],
      ],
      [
        ['elevator', 'b', 1, null],
        ['elevator', 'a', 2, null],
        ['grid', 'c', null, null],
      ],
    ],
  ])('%s', (_, rows, expected) => {
    expect(rank(rows)).toEqual(expected);
  });
});
