import { describe, expect, it } from 'vitest';
import { type PanelScore, publicPanelScores, publicResults, resultsPhase } from '../../src/lib/results.ts';
import { scoreCampaign } from '../../src/lib/scoring.ts';
import type { Campaign } from '../../src/schema/index.ts';

const STAGES: Campaign['stages'] = [
  { stage: 'submission', start: '2026-09-01', end: '2026-10-15' },
  { stage: 'review', start: '2026-11-09', end: '2026-12-04' },
  { stage: 'publicity', start: '2026-12-14', end: '2026-12-20' },
  { stage: 'result', start: '2027-01-05', end: '2027-01-12' },
];

const campaign = (overrides: Partial<Campaign> = {}) => ({
  stages: STAGES,
  resultsPublished: true,
  publishPanelScores: false,
  objection: '向区委组织部书面反映，写明姓名和联系方式。',
  ...overrides,
});

describe('resultsPhase', () => {
  it.each([
    [
      'not published: hidden, due at the start of publicity',
      { resultsPublished: false },
      '2027-02-01',
      { kind: 'hidden', expected: '2026-12-14' },
    ],
    [
      'not published, no publicity stage: due at the start of the last stage',
      { resultsPublished: false, stages: STAGES.filter((stage) => stage.stage !== 'publicity') },
      '2026-12-15',
      { kind: 'hidden', expected: '2027-01-05' },
    ],
    [
      'published before publicity starts: the notice',
      {},
      '2026-12-10',
      { kind: 'publicity', start: '2026-12-14', end: '2026-12-20' },
    ],
    [
      'published, first day of publicity',
      {},
      '2026-12-14',
      { kind: 'publicity', start: '2026-12-14', end: '2026-12-20' },
    ],
    [
      'published, last day of publicity',
      {},
      '2026-12-20',
      { kind: 'publicity', start: '2026-12-14', end: '2026-12-20' },
    ],
    [
      'published, the day after publicity: the final list',
      {},
      '2026-12-21',
      { kind: 'final', publicity: { start: '2026-12-14', end: '2026-12-20' } },
    ],
    [
      'published without a publicity stage: straight to the final list',
      { stages: STAGES.filter((stage) => stage.stage !== 'publicity') },
      '2026-12-15',
      { kind: 'final', publicity: undefined },
    ],
  ] as const)('%s', (_, overrides, today, expected) => {
    expect(resultsPhase(campaign(overrides as Partial<Campaign>), today)).toEqual(expected);
  });
});

const RUBRIC = [{ id: 'impact', weight: 100, scale: 10 }];
/** a: complete, 80; b: complete, 90; c: one review missing. */
const SCORES = scoreCampaign(
  { rubric: RUBRIC, judges: ['j1', 'j2'] },
  [
    { id: 'a', street: 'longfeng' },
    { id: 'b', street: 'pazhou' },
    { id: 'c', street: 'jianghai' },
  ],
  [
    { judge: 'j1', submission: 'a', scores: { impact: 8.123 } },
    { judge: 'j2', submission: 'a', scores: { impact: 8.123 } },
    { judge: 'j1', submission: 'b', scores: { impact: 9 } },
    { judge: 'j2', submission: 'b', scores: { impact: 9 } },
    { judge: 'j1', submission: 'c', scores: { impact: 10 } },
  ],
);

describe('publicPanelScores', () => {
  it.each([
    ['results not published', { resultsPublished: false, publishPanelScores: true }, []],
    ['panel scores not published', { resultsPublished: true, publishPanelScores: false }, []],
    ['both published: complete panels only, rounded', { resultsPublished: true, publishPanelScores: true }, ['a', 'b']],
  ] as const)('%s', (_, settings, ids) => {
    const published = publicPanelScores(settings, SCORES);
    expect([...published.keys()].sort()).toEqual(ids);
  });

  it('keeps the panel score (2 decimals), rank and count, and nothing else', () => {
    const published = publicPanelScores({ resultsPublished: true, publishPanelScores: true }, SCORES);
    expect(published.get('a')).toEqual({ panel: 81.23, rank: 2, counted: 2 });
    expect(published.get('b')).toEqual({ panel: 90, rank: 1, counted: 2 });
  });

  it('is empty without scores', () => {
    expect(publicPanelScores({ resultsPublished: true, publishPanelScores: true }, undefined).size).toBe(0);
  });
});

describe('publicResults', () => {
  const submissions = [
    { id: 'a', stage: 'selected' as const, title: 'A' },
    { id: 'b', stage: 'selected' as const, title: 'B' },
    { id: 'c', stage: 'not-selected' as const, title: 'C' },
    { id: 'd', stage: 'shortlisted' as const, title: 'D' },
  ];
  const scores = new Map<string, PanelScore>([
    ['a', { panel: 81.23, rank: 2, counted: 2 }],
    ['b', { panel: 90, rank: 1, counted: 2 }],
  ]);

  it.each([
    ['hidden: nothing listed', { resultsPublished: false }, '2026-12-15', [], undefined, false],
    [
      'publicity: the proposed list and how to object',
      {},
      '2026-12-15',
      ['a', 'b'],
      '向区委组织部书面反映，写明姓名和联系方式。',
      false,
    ],
    ['final: the list, no objection any more', {}, '2027-01-06', ['a', 'b'], undefined, false],
    [
      'final with panel scores: ordered by rank',
      { publishPanelScores: true },
      '2027-01-06',
      ['b', 'a'],
      undefined,
      true,
    ],
  ] as const)('%s', (_, overrides, today, ids, objection, showScores) => {
    const result = publicResults(campaign(overrides as Partial<Campaign>), submissions, today, scores);
    expect(result.listed.map((item) => item.submission.id)).toEqual(ids);
    expect(result.objection).toBe(objection);
    expect(result.showScores).toBe(showScores);
    expect(result.listed.some((item) => item.score)).toBe(showScores);
  });

  it('shows no score when the call does not publish them, even if scores are passed', () => {
    const result = publicResults(campaign({ publishPanelScores: false }), submissions, '2027-01-06', scores);
    expect(result.listed.every((item) => item.score === undefined)).toBe(true);
  });

  it('shows no score when publishing is on but no panel is complete', () => {
    const result = publicResults(campaign({ publishPanelScores: true }), submissions, '2027-01-06', new Map());
    expect(result.showScores).toBe(false);
    expect(result.listed.map((item) => item.submission.id)).toEqual(['a', 'b']);
  });
});
