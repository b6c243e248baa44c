/**
 * npm run setup:review-content [-- <folder>]
 * Creates the review repository (default review-content/, git-ignored here) from the fictional
 * sample in samples/review-content/: a Git repository of its own, with one commit, holding
 * content/judges/ and content/reviews/, which the review build reads as REVIEW_CONTENT_DIR
 * (default review-content/content). Leaves an existing folder alone. The builds and tests run
 * this on their own when the default folder is missing; run it by hand to start afresh
 * (delete review-content/ first). The district's real review repository is cloned instead
 * (README, “The review repository”).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createReviewRepository, REVIEW_SAMPLE } from '../src/lib/review/setup.ts';
import { fail, parseCommand } from './lib/cli.ts';

const { positionals } = parseCommand({
  usage: `用法：npm run setup:review-content [-- <文件夹>]
由 ${REVIEW_SAMPLE}/ 的示例数据建立评审仓库（默认 review-content/）：一个单独的 Git 仓库，含 content/judges/ 和
content/reviews/，评审网站从其中的 content/ 读取评委和评分。文件夹已存在时不改动；要重新建立，先删除它。`,
  positionals: { max: 1 },
});
const target = positionals[0] ?? 'review-content';
// A mistyped parent folder must not be created on the way: the repository goes beside existing folders only.
if (!existsSync(dirname(resolve(target)))) fail(`找不到 ${dirname(resolve(target))}：评审仓库只能建在已有的文件夹里。`);
try {
  if (createReviewRepository(target)) {
    console.log(
      `已建立评审仓库 ${target}/（示例数据，来自 ${REVIEW_SAMPLE}/），评审网站从 ${target}/content 读取评委和评分。`,
    );
  } else {
    console.log(`${target}/ 已存在，未改动。要重新建立，先删除它。`);
  }
} catch (error) {
  console.error(`无法建立评审仓库：${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
