/**
 * The official record of a call's ranking: one row per submission under
 * review, with Chinese headers, per-criterion averages and the panel score,
 * as a table (for CSV and XLSX) and as a printable HTML page. Pure: no I/O.
 * Judges' names and comments are not part of it.
 */
import type { Campaign, Street, Submission } from '../../schema/index.ts';
import { BRAND_CATEGORIES, SUBMISSION_STAGES, TRIMMING_RULES } from '../../schema/index.ts';
import { taskTitle } from '../calls/tasks.ts';
import { formatDate } from '../format.ts';
import { formatScore, incompleteNote, TIE_BREAKS, TRIMMED_NOTE } from '../scoring.ts';
import type { CampaignReview } from './model.ts';

export interface ExportInput {
  campaign: Campaign;
  review: CampaignReview;
  submissions: readonly Submission[];
  streets: readonly Pick<Street, 'id' | 'name'>[];
  /** Judge id → code, for the notes on missing reviews. */
  judgeCodes: Readonly<Record<string, string>>;
}

export interface ResultsTable {
  header: string[];
  rows: (string | number)[][];
}

/** Rounds to 2 decimals for the record (numbers stay numbers in the spreadsheet). */
const two = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : Math.round(value * 100) / 100;

export function resultsTable({ campaign, review, submissions, streets, judgeCodes }: ExportInput): ResultsTable {
  const byId = new Map(submissions.map((submission) => [submission.id, submission]));
  const streetName = new Map(streets.map((street) => [street.id, street.name]));
  const grouped = campaign.rankWithinTask;
  const header = [
    grouped ? '任务内名次' : '名次',
    ...(grouped ? ['揭榜任务'] : []),
    '申报编号',
    '品牌名称',
    '申报街道',
    '申报单位',
    '品牌类别',
    '申报阶段',
    ...campaign.rubric.map((criterion) => `${criterion.name}均分（满分${criterion.scale}，权重${criterion.weight}%）`),
    '评审得分（百分制）',
    '评分中位数',
    '计入评分数',
    '有效评分数',
    '备注',
  ];
  const rows = review.scores.results.map((result) => {
    const submission = byId.get(result.submission);
    const notes: string[] = [];
    if (!result.complete) notes.push(incompleteNote(result, (judge) => judgeCodes[judge] ?? judge));
    if (result.tieBreak) notes.push(TIE_BREAKS[result.tieBreak]);
    if (result.trimmed) notes.push(TRIMMED_NOTE);
    const excluded = result.cells.filter((cell) => cell.status === 'excluded' || cell.status === 'abstained').length;
    if (excluded) notes.push(`回避 ${excluded} 人`);
    return [
      result.rank ?? '',
      ...(grouped ? [taskTitle(campaign, result.group)] : []),
      result.submission,
      submission?.title ?? '',
      submission ? (streetName.get(submission.street) ?? submission.street) : '',
      submission?.organisation ?? '',
      submission ? BRAND_CATEGORIES[submission.category] : '',
      submission ? SUBMISSION_STAGES[submission.stage] : '',
      ...campaign.rubric.map((criterion) => two(result.criteria[criterion.id])),
      two(result.panel),
      two(result.median),
      result.counted,
      result.valid,
      notes.join('；'),
    ];
  });
  return { header, rows };
}

const escapeHtml = (text: unknown) => String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** A self-contained printable page (A4 landscape) for the official record. */
export function resultsHtml(input: ExportInput, table: ResultsTable, generated: string): string {
  const { campaign } = input;
  // Scores start after the stage column; the task column, when the call ranks within tasks, shifts them.
  const firstScore = table.header.indexOf('申报阶段') + 1;
  const nameColumn = table.header.indexOf('品牌名称');
  const numeric = (index: number) => index === 0 || index >= firstScore;
  const head = table.header
    .map(
      (cell, index) =>
        `<th scope="col"${numeric(index) && index < table.header.length - 1 ? ' class="n"' : ''}>${escapeHtml(cell)}</th>`,
    )
    .join('');
  const body = table.rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, index) => {
            const text =
              typeof cell === 'number' && index >= firstScore && index < row.length - 3 ? formatScore(cell) : cell;
            const tag = index === nameColumn ? 'th scope="row"' : 'td';
            const cls = numeric(index) && index < row.length - 1 ? ' class="n"' : '';
            return `<${tag}${cls}>${escapeHtml(text)}</${tag.split(' ')[0]}>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  const rubric = campaign.rubric
    .map((criterion) => `${escapeHtml(criterion.name)} ${criterion.weight}%（满分 ${criterion.scale}）`)
    .join('；');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(campaign.title)} 评审结果汇总表</title>
<style>
  @page { size: A4 landscape; margin: 14mm; }
  body { font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", serif; color: #000; margin: 2rem; line-height: 1.5; }
  h1 { font-size: 1.5rem; text-align: center; margin: 0 0 0.5rem; }
  .meta { text-align: center; margin: 0 0 1rem; }
  table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
  th, td { border: 1px solid #000; padding: 0.25rem 0.35rem; vertical-align: top; text-align: left; }
  thead th { background: #eee; }
  .n { text-align: right; font-variant-numeric: tabular-nums; }
  td.n { white-space: nowrap; }
  thead th { font-size: 0.8rem; }
  .rules { font-size: 0.9rem; }
  .sign { display: flex; flex-wrap: wrap; gap: 1rem 3rem; margin-top: 2.5rem; }
  .sign p { margin: 0; min-width: 16rem; }
  .sample { border: 2px solid #8a5a00; padding: 0.3rem 0.6rem; text-align: center; }
  @media print { body { margin: 0; } thead { display: table-header-group; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<h1>${escapeHtml(campaign.title)}<br>评审结果汇总表</h1>
<p class="meta">发布单位：${escapeHtml(campaign.organiser)} · 导出日期：${escapeHtml(formatDate(generated))}</p>
${campaign.sample ? '<p class="sample">本征集令为演示用示例，本表数据并非真实评审结果。</p>\n' : ''}<p class="rules">评分标准：${rubric}。每位评委的总分为各指标得分按满分折算后的加权和（百分制）；评审得分为计入评分的评委总分平均值，${escapeHtml(TRIMMING_RULES[campaign.trimming])}。同分时依次比较评分中位数、有效评分份数、申报日期。各指标均分按计入评分的评委计算。评分未完成的项目不排名。${campaign.rankWithinTask ? '本征集令按揭榜任务分别排名，名次为同一任务内的名次。' : ''}</p>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
<div class="sign">
<p>评审组长（签字）：</p>
<p>监督人员（签字）：</p>
<p>组织部门（盖章）：</p>
<p>日期：</p>
</div>
</body>
</html>
`;
}
