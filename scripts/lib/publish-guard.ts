/**
 * The publish guard: before a new release replaces the live site, its manifest (the pages the
 * build published, src/integrations/publish-manifest.ts) is compared with the live release's.
 * A release that would make a street page disappear, or more than a set share of all pages, is
 * refused unless the district explicitly allows it for that run:
 *
 *   PUBLISH_ALLOW_SHRINK=1           publish anyway (the refusals are printed as warnings)
 *   PUBLISH_MAX_REMOVED_PERCENT=10   the share of live pages a release may remove (default 10)
 */
import type { PublishManifest } from '../../src/integrations/publish-manifest.ts';

export const DEFAULT_MAX_REMOVED_PERCENT = 10;

/** A street's own page; losing one means a street vanished from the site. */
const STREET_PAGE = /^\/streets\/[^/]+\/$/;

export interface GuardSettings {
  maxRemovedPercent: number;
  allowShrink: boolean;
}

/** The settings from the environment, or a message saying which variable is wrong and how to write it. */
export function guardSettings(env: NodeJS.ProcessEnv = process.env): GuardSettings | string {
  const raw = env.PUBLISH_MAX_REMOVED_PERCENT?.trim();
  const maxRemovedPercent = raw ? Number(raw) : DEFAULT_MAX_REMOVED_PERCENT;
  if (!Number.isFinite(maxRemovedPercent) || maxRemovedPercent < 0 || maxRemovedPercent > 100) {
    return `PUBLISH_MAX_REMOVED_PERCENT 应为 0 到 100 之间的数（允许删除的页面百分比），现在是“${raw}”`;
  }
  const allow = env.PUBLISH_ALLOW_SHRINK?.trim() ?? '';
  if (!['', '0', '1'].includes(allow))
    return `PUBLISH_ALLOW_SHRINK 只能是 1（本次允许删除页面）或不设置，现在是“${allow}”`;
  return { maxRemovedPercent, allowShrink: allow === '1' };
}

/** What the comparison found. */
export interface Comparison {
  live: readonly string[];
  removed: string[];
  added: string[];
}

export function compare(live: PublishManifest, next: PublishManifest): Comparison {
  const nextPages = new Set(next.pages);
  const livePages = new Set(live.pages);
  return {
    live: live.pages,
    removed: live.pages.filter((page) => !nextPages.has(page)),
    added: next.pages.filter((page) => !livePages.has(page)),
  };
}

const sample = (pages: readonly string[], max = 10) =>
  `${pages.slice(0, max).join('、')}${pages.length > max ? ` 等 ${pages.length} 个` : ''}`;

/** The rules: each returns why the release must not go live, or nothing. */
const RULES: ((comparison: Comparison, settings: GuardSettings) => string | undefined)[] = [
  ({ removed }) => {
    const streets = removed.filter((page) => STREET_PAGE.test(page));
    return streets.length ? `会删除 ${streets.length} 个街道页面：${sample(streets)}` : undefined;
  },
  ({ live, removed }, { maxRemovedPercent }) => {
    const percent = live.length ? (removed.length / live.length) * 100 : 0;
    return percent > maxRemovedPercent
      ? `会删除 ${removed.length} 个页面（现有 ${live.length} 个的 ${percent.toFixed(1)}%，上限 ${maxRemovedPercent}%）：${sample(removed)}`
      : undefined;
  },
];

/** Every reason to refuse the release (empty: it may go live). */
export const refusalsOf = (comparison: Comparison, settings: GuardSettings): string[] =>
  RULES.map((rule) => rule(comparison, settings)).filter((reason): reason is string => Boolean(reason));

/** What to do about a refusal, printed under it. */
export const OVERRIDE_HINT =
  '先检查这次构建的内容是否完整（npm run check:content，合并时是否误删了文件）。确是有意删除（例如街道调整）时，' +
  '本次发布设置 PUBLISH_ALLOW_SHRINK=1 再运行；或用 PUBLISH_MAX_REMOVED_PERCENT 调整允许删除的比例。';
