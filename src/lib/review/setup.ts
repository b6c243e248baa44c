/**
 * The private repositories for a clone with no account: a fictional sample (samples/<store>-content/,
 * laid out as the repository is) copied into a folder that is a Git repository of its own, with one
 * commit, so the builds read it, with history, from where the district's private repository would be.
 * The review repository holds judges and reviews, the district repository sign-ups' private details.
 * `npm run setup:review-content` and `npm run setup:district-content` run it; the loader runs it on
 * its own when a default folder is missing.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { DEFAULT_DISTRICT_CONTENT_DIR, DEFAULT_REVIEW_CONTENT_DIR } from '../../content-dir.ts';

/** A private repository outside the offices' one. */
export type Store = 'review' | 'district';

export interface StoreSpec {
  /** Its name in messages. */
  label: string;
  /** What it holds, in messages. */
  holds: string;
  /** The environment variable naming its content folder. */
  variable: string;
  /** Its content folder when the variable is not set. */
  defaultDir: string;
  /** The sample's files, in the offices' repository (fictional, marked 示例). */
  sample: string;
  /** The sample's one commit. */
  commit: { message: string; author: string; email: string; date: string };
}

export const STORES: Record<Store, StoreSpec> = {
  review: {
    label: '评审仓库',
    holds: '评委和评分',
    variable: 'REVIEW_CONTENT_DIR',
    defaultDir: DEFAULT_REVIEW_CONTENT_DIR,
    sample: 'samples/review-content',
    // The last day of the 2022 call's review stage, so the sample's history reads as in that call.
    commit: {
      message: '评审数据示例（虚构）',
      author: '海珠区委组织部（示例）',
      email: 'review@example.invalid',
      date: '2022-05-06T18:00:00+08:00',
    },
  },
  district: {
    label: '区级仓库',
    holds: '申报联系人',
    variable: 'DISTRICT_CONTENT_DIR',
    defaultDir: DEFAULT_DISTRICT_CONTENT_DIR,
    sample: 'samples/district-content',
    // The 2026 call's closing day, after which the district imports the last sign-up sheets.
    commit: {
      message: '区级数据示例（虚构）',
      author: '海珠区委组织部（示例）',
      email: 'district@example.invalid',
      date: '2026-10-20T18:00:00+08:00',
    },
  },
};

/** The review repository's sample, which tests copy. */
export const REVIEW_SAMPLE = STORES.review.sample;
/** The district repository's sample, which tests copy. */
export const DISTRICT_SAMPLE = STORES.district.sample;

/**
 * Creates the store's repository `repoDir` from its sample when it does not exist; returns whether
 * it did. Safe when two builds race: each makes its copy aside, and the first to rename it wins.
 */
export function createRepository(store: Store, repoDir: string): boolean {
  const { label, sample, commit } = STORES[store];
  const target = resolve(repoDir);
  if (existsSync(target)) return false;
  if (!existsSync(sample)) throw new Error(`找不到${label}的示例 ${sample}，无法建立${label} ${repoDir}`);
  const staging = mkdtempSync(resolve(dirname(target), `.${basename(target)}-`));
  cpSync(sample, staging, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-C', staging, '-c', `user.name=${commit.author}`, '-c', `user.email=${commit.email}`, ...args],
      {
        stdio: 'ignore',
        env: { ...process.env, GIT_AUTHOR_DATE: commit.date, GIT_COMMITTER_DATE: commit.date },
      },
    );
  try {
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', commit.message);
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
 * Makes sure the store's content folder exists: the default one is created from the sample when
 * missing; one named by the store's variable must exist (a missing one is an error, never replaced
 * by the sample, so a build meant for real data cannot quietly use the fictional one).
 */
export function ensureStore(store: Store, dir: string): void {
  if (existsSync(dir)) return;
  const { label, holds, variable, defaultDir } = STORES[store];
  if (resolve(dir.replace(/\/+$/, '')) === resolve(defaultDir)) {
    if (createRepository(store, dirname(defaultDir)))
      console.log(`已从示例建立${label} ${dirname(defaultDir)}/（npm run setup:${store}-content）`);
    return;
  }
  throw new Error(
    `找不到${label}的数据文件夹 ${dir}（${variable}，${holds}）：请先克隆${label}，或去掉 ${variable} 使用示例数据`,
  );
}
