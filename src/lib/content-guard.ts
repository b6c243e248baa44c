/**
 * The content guard: a content folder that is missing or far too small is refused before any of
 * its entries is validated, so a mistyped CONTENT_DIR, a pipeline run from the wrong directory or
 * a merge that deleted content/ never builds a nearly empty site that a publish would then put live.
 * check:content, the build, the review build and the results export all reach it through
 * validateContentDir (src/lib/content-files.ts).
 */
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DISTRICT } from '../district.ts';

/** A content folder's own street list, for folders that are not the district's (fixtures, trials). */
export const DISTRICT_FILE = 'district.yaml';

/**
 * Collections the public site cannot do without: a street page, a brand and a site are what
 * every page type is built from. Calls, belts and the private collections may be empty.
 */
export const REQUIRED_COLLECTIONS = { streets: '街道', brands: '党建品牌', sites: '示范阵地' } as const;

/** One reason a content folder is refused: where it looked, what it expected there, how to fix it. */
export interface Refusal {
  where: string;
  message: string;
  fix: string;
}

/** What the rules look at: the folder, as typed and absolute, and the entry files read from it. */
export interface GuardInput {
  /** As the user typed it, for messages (e.g. `content`). */
  root: string;
  dir: string;
  /** Entry files, relative to the folder, POSIX separators. */
  paths: readonly string[];
}

/** The streets the folder must hold, and where that list came from; or why the list cannot be read. */
function expectedStreets({ root, dir }: GuardInput): { streets: readonly string[]; source: string } | Refusal {
  const file = join(dir, DISTRICT_FILE);
  // A link here is refused as a special file by the reader, and never read.
  if (!existsSync(file) || !lstatSync(file).isFile()) return { streets: DISTRICT.streets, source: 'src/district.ts' };
  const where = `${root}/${DISTRICT_FILE}`;
  let streets: unknown;
  try {
    streets = (parse(readFileSync(file, 'utf8')) as { streets?: unknown } | null)?.streets;
  } catch {
    streets = undefined;
  }
  const valid =
    Array.isArray(streets) &&
    streets.length > 0 &&
    streets.every((id) => typeof id === 'string' && /^[a-z0-9-]+$/.test(id));
  if (!valid) {
    return {
      where: `${where} streets`,
      message: 'streets（本文件夹的街道名单）应当是街道编号的列表，读不出来',
      fix: `写成 streets: [longfeng, pazhou]；或删除 ${DISTRICT_FILE}，使用 src/district.ts 的${DISTRICT.name}街道名单`,
    };
  }
  return { streets: streets as string[], source: where };
}

const hasEntries = (paths: readonly string[], collection: string) =>
  paths.some((path) => path.startsWith(`${collection}/`));

/** The rules, in order; a rule that says `stop` ends the check when it refuses (nothing else can be judged). */
const RULES: { stop?: boolean; check: (input: GuardInput) => Refusal[] }[] = [
  {
    stop: true,
    check: ({ root, dir }) => {
      if (existsSync(dir) && statSync(dir).isDirectory()) return [];
      return [
        {
          where: root,
          message: `${existsSync(dir) ? '这是文件，不是内容文件夹' : '找不到内容文件夹'}（查找的位置：${dir}）；应当是含 ${Object.keys(REQUIRED_COLLECTIONS).join('/、')}/ 等子文件夹的网站内容`,
          fix: '检查 CONTENT_DIR 或命令参数的拼写，并在仓库根目录运行（默认读取 content/）',
        },
      ];
    },
  },
  {
    check: ({ root, paths }) =>
      Object.entries(REQUIRED_COLLECTIONS)
        .filter(([collection]) => !hasEntries(paths, collection))
        .map(([collection, label]) => ({
          where: `${root}/${collection}/`,
          message: `缺少${label}：${collection}/ 不存在或没有任何条目，网站没有它就不完整`,
          fix: `恢复 ${root}/${collection}/（是否在合并时被删除了？git log --stat -- ${root}/${collection} 可以查到），或检查内容文件夹是否选对了`,
        })),
  },
  {
    check: (input) => {
      const expected = expectedStreets(input);
      if ('where' in expected) return [expected];
      const missing = expected.streets.filter((id) => !input.paths.includes(`streets/${id}.yaml`));
      if (!missing.length) return [];
      return [
        {
          where: `${input.root}/streets/`,
          message: `街道不全：应有 ${expected.streets.length} 个（名单见 ${expected.source}），找到 ${expected.streets.length - missing.length} 个，缺少 ${missing.map((id) => `${id}.yaml`).join('、')}`,
          fix: `恢复缺少的街道文件（git log --stat -- ${input.root}/streets 可以查到是哪次提交删除的）；街道名单确有变化时，改 ${expected.source}`,
        },
      ];
    },
  },
];

/** Every reason to refuse the folder; none when it may be validated and built. */
export function guardContentFolder(input: GuardInput): Refusal[] {
  const refusals: Refusal[] = [];
  for (const rule of RULES) {
    const found = rule.check(input);
    refusals.push(...found);
    if (found.length && rule.stop) break;
  }
  return refusals;
}

/** The refusals in the validator's `where: message (fix)` form, then a closing line. */
export const formatRefusals = (refusals: readonly Refusal[]): string =>
  [
    ...refusals.map(({ where, message, fix }) => `${where}: ${message} (${fix})`),
    '',
    '内容检查未通过：内容文件夹不完整，其中的条目没有检查，也不会构建或发布。',
  ].join('\n');

/** Thrown by validateContentDir when the guard refuses the folder; its message is the whole report. */
export class ContentRefused extends Error {
  readonly refusals: Refusal[];
  constructor(refusals: Refusal[]) {
    super(formatRefusals(refusals));
    this.refusals = refusals;
    this.name = 'ContentRefused';
  }
}
