/**
 * The review repository for a clone with no account: the fictional sample judges and reviews
 * (samples/review-content/, laid out as the review repository is) copied into a folder that is
 * a Git repository of its own, with one commit, so the review build reads them, with history,
 * from where the district's private repository would be. `npm run setup:review-content` runs it;
 * the loader runs it on its own when the default folder is missing.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { DEFAULT_REVIEW_CONTENT_DIR } from '../../content-dir.ts';

/** The sample review repository's files, in the offices' repository (fictional, marked 示例). */
export const REVIEW_SAMPLE = 'samples/review-content';

/** The sample's commit: the last day of the 2022 call's review stage, so its history reads as in that call. */
const SAMPLE_DATE = '2022-05-06T18:00:00+08:00';

/**
 * Creates the review repository `repoDir` from the sample when it does not exist; returns whether
 * it did. Safe when two builds race: each makes its copy aside, and the first to rename it wins.
 */
export function createReviewRepository(repoDir: string, sample = REVIEW_SAMPLE): boolean {
  const target = resolve(repoDir);
  if (existsSync(target)) return false;
  if (!existsSync(sample)) throw new Error(`找不到评审数据示例 ${sample}，无法建立评审仓库 ${repoDir}`);
  const staging = mkdtempSync(resolve(dirname(target), `.${basename(target)}-`));
  cpSync(sample, staging, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-C', staging, '-c', 'user.name=海珠区委组织部（示例）', '-c', 'user.email=review@example.invalid', ...args],
      {
        stdio: 'ignore',
        env: { ...process.env, GIT_AUTHOR_DATE: SAMPLE_DATE, GIT_COMMITTER_DATE: SAMPLE_DATE },
      },
    );
  try {
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', '评审数据示例（虚构）');
  } catch {
    // Without Git the files still serve; every review then reads as 未提交.
  }
  try {
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(target)) throw error;
    return false;
  }
  return true;
}

/**
 * Makes sure the review content folder exists: the default one is created from the sample when
 * missing; one named by REVIEW_CONTENT_DIR must exist (a missing one is an error, never replaced
 * by the sample, so a build meant for real data cannot quietly use the fictional one).
 */
export function ensureReviewContent(reviewDir: string): void {
  if (existsSync(reviewDir)) return;
  const normalised = reviewDir.replace(/\/+$/, '');
  if (resolve(normalised) === resolve(DEFAULT_REVIEW_CONTENT_DIR)) {
    if (createReviewRepository(dirname(DEFAULT_REVIEW_CONTENT_DIR)))
      console.log(`已从示例建立评审仓库 ${dirname(DEFAULT_REVIEW_CONTENT_DIR)}/（npm run setup:review-content）`);
    return;
  }
  throw new Error(
    `找不到评审数据文件夹 ${reviewDir}（REVIEW_CONTENT_DIR）：请先克隆评审仓库，或去掉 REVIEW_CONTENT_DIR 使用示例数据`,
  );
}
