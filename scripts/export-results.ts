/**
 * npm run export:results -- <campaign> [--out <folder>]
 *
 * Writes a call's ranking for the official record into <folder> (default
 * exports/, which Git ignores): <campaign>-results.csv (UTF-8 with BOM, so
 * Excel reads the Chinese), <campaign>-results.xlsx and a printable
 * <campaign>-results.html. One row per submission under review, with
 * per-criterion averages; no judge's name or comment.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_DIR } from '../src/content-dir.ts';
import { stringifyCsv } from '../src/lib/import/csv.ts';
import { writeXlsx } from '../src/lib/import/xlsx.ts';
import { type ExportInput, resultsHtml, resultsTable } from '../src/lib/review/export.ts';
import { loadContent, reviewOf } from '../src/lib/review/load.ts';
import { nearest } from '../src/lib/suggest.ts';
import { parseCommand, runMain } from './lib/cli.ts';

const { values, positionals } = parseCommand({
  usage: `用法：npm run export:results -- <征集令编号> [--out 输出文件夹]
把一个征集令的评审结果导出为 <编号>-results.csv、.xlsx 和可打印的 .html（默认写入 exports/）：每个参评项目一行，
含各项平均分、总分、中位数和备注；不含评委姓名和评语。内容来自 CONTENT_DIR（默认 content/）。`,
  options: { out: { type: 'string', default: 'exports' } },
  positionals: { min: 1, max: 1, name: '参数 <征集令编号>' },
});

async function main(): Promise<number> {
  const [id] = positionals;
  let content: ReturnType<typeof loadContent>;
  try {
    content = loadContent(CONTENT_DIR);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error('\n内容检查未通过，无法导出评审结果。');
    return 1;
  }
  const campaign = content.campaigns.find((entry) => entry.id === id);
  if (!campaign) {
    const guess = nearest(
      id,
      content.campaigns.map((entry) => ({ key: entry.id, aliases: [entry.data.title] })),
    );
    console.error(
      `找不到征集令“${id}”${guess ? `，是不是 ${guess}？` : `；已有：${content.campaigns.map((e) => e.id).join('、')}`}`,
    );
    return 1;
  }
  const submissions = content.submissions.filter((entry) => entry.data.campaign === id).map(({ data }) => data);
  const review = reviewOf(content, campaign);
  const input: ExportInput = {
    campaign: campaign.data,
    review,
    submissions,
    streets: content.streets.map(({ data }) => data),
    judgeCodes: Object.fromEntries(content.judges.map(({ id: judge, data }) => [judge, data.code])),
  };
  const table = resultsTable(input);
  const today = process.env.BUILD_DATE || new Date().toISOString().slice(0, 10);

  mkdirSync(values.out, { recursive: true });
  const base = join(values.out, `${id}-results`);
  writeFileSync(`${base}.csv`, stringifyCsv([table.header, ...table.rows], { bom: true }));
  writeFileSync(
    `${base}.xlsx`,
    await writeXlsx([
      {
        name: '评审结果',
        rows: [table.header, ...table.rows],
        header: true,
        widths: table.header.map((cell, index) =>
          index === table.header.length - 1 ? 50 : Math.max(8, cell.length * 2),
        ),
      },
    ]),
  );
  writeFileSync(`${base}.html`, resultsHtml(input, table, today));
  const unranked = review.scores.results.filter((result) => !result.complete).length;
  console.log(`已导出 ${table.rows.length} 个项目的评审结果：`);
  for (const extension of ['csv', 'xlsx', 'html']) console.log(`  ${base}.${extension}`);
  if (unranked) console.log(`注意：${unranked} 个项目评分未完成，未排名（见“备注”列）。`);
  return 0;
}

await runMain('导出评审结果', main);
