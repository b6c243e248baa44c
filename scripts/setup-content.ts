/**
 * npm run setup:review-content [-- <folder>]      (node scripts/setup-content.ts review [folder])
 * npm run setup:district-content [-- <folder>]    (node scripts/setup-content.ts district [folder])
 * Creates a private repository from its fictional sample: the review repository (default
 * review-content/, from samples/review-content/: content/judges/ and content/reviews/, read as
 * REVIEW_CONTENT_DIR) or the district repository (default district-content/, from
 * samples/district-content/: content/contacts/, read as DISTRICT_CONTENT_DIR). Each is a Git
 * repository of its own, with one commit, git-ignored here. Leaves an existing folder alone. The
 * builds and tests run this on their own when a default folder is missing; run it by hand to start
 * afresh (delete the folder first). The district's real repositories are cloned instead (README,
 * “The review site”).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createRepository, STORES, type Store } from '../src/lib/review/setup.ts';
import { fail, parseCommand, usageError } from './lib/cli.ts';

const USAGE = `用法：npm run setup:review-content [-- <文件夹>]
      npm run setup:district-content [-- <文件夹>]
由示例数据建立一个私有仓库（一个单独的 Git 仓库）：
  评审仓库（默认 review-content/，来自 ${STORES.review.sample}/）：content/judges/ 和 content/reviews/，评审网站从其中的 content/ 读取评委和评分；
  区级仓库（默认 district-content/，来自 ${STORES.district.sample}/）：content/contacts/，只有区级能读取的申报联系人。
文件夹已存在时不改动；要重新建立，先删除它。`;

const { positionals } = parseCommand({
  usage: USAGE,
  positionals: { min: 1, max: 2, name: '仓库（review 或 district）' },
});
const store = positionals[0] as Store;
if (!Object.hasOwn(STORES, store)) usageError(USAGE, `不认识的仓库“${store}”：应为 review 或 district`);
const { label, holds, defaultDir, sample } = STORES[store];
const target = positionals[1] ?? dirname(defaultDir);
// A mistyped parent folder must not be created on the way: the repository goes beside existing folders only.
if (!existsSync(dirname(resolve(target)))) fail(`找不到 ${dirname(resolve(target))}：${label}只能建在已有的文件夹里。`);
try {
  if (createRepository(store, target)) {
    console.log(`已建立${label} ${target}/（示例数据，来自 ${sample}/），构建从 ${target}/content 读取${holds}。`);
  } else {
    console.log(`${target}/ 已存在，未改动。要重新建立，先删除它。`);
  }
} catch (error) {
  console.error(`无法建立${label}：${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
