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
import { parseArgs } from 'node:util';
import { CONTENT_DIR } from '../src/content-dir.ts';
import { stringifyCsv } from '../src/lib/import/csv.ts';
import { writeXlsx } from '../src/lib/import/xlsx.ts';
import { type ExportInput, resultsHtml, resultsTable } from '../src/lib/review/export.ts';
import { loadContent, reviewOf } from '../src/lib/review/load.ts';
import { nearest } from '../src/lib/suggest.ts';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string', default: 'exports' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help || positionals.length !== 1) {
    console.error('用法：npm run export:results -- <征集令编号> [--out 输出文件夹]');
    return values.help ? 0 : 2;
  }
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

process.exitCode = await main();
