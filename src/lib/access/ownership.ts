/**
 * Who may change what, decided from paths and contents alone.
 *
 * Decap CMS has no roles: a street's editor only narrows what its staff see.
 * The guarantee is here, run by CI on every merge request and push against
 * the identity of whoever pushed (never a commit's author field, which the
 * browser or a local Git sets to anything):
 *
 * - the district may change everything;
 * - a street office may change its own folders only — brands/<street>/,
 *   sites/<street>/, submissions/<campaign>/<street>/, progress/<campaign>/<street>/ (entries and their
 *   pictures and attachments) — derived from the collections' folder layout;
 * - a judge may change reviews/<campaign>/<judge>/ only;
 * - in every entry, whoever wrote it, a field named after a folder (street,
 *   campaign, judge) must agree with that folder;
 * - under content/ only regular files, whoever pushed them (no links,
 *   submodules or executables); elsewhere too, for all but the district;
 * - an office keeps the district's decisions: fields the schema marks
 *   `setBy: 'district'` (field-authority.ts);
 * - a judge's scores lock once the call's results are published;
 * - everything else (streets, belts, campaigns, judges, this map, the site's
 *   code, CI) belongs to the district.
 */
import { parse } from 'yaml';
import { z } from 'zod';
import { type CollectionName, collectionNames, collections, type Repository, schemaOf } from '../../schema/index.ts';
import { parseSource } from '../source.ts';
import { placeFile } from '../validate.ts';
import { describeRefusedField, refusedFieldChanges } from './field-authority.ts';

/** Where the map lives in the repository. */
export const OWNERS_FILE = 'cms/owners.yaml';

const accounts = z.array(z.string().regex(/^[A-Za-z0-9._-]+$/, '账号只能包含字母、数字、点、下划线和连字符')).min(1);
const group = z.strictObject({ name: z.string().optional(), accounts });

export const ownersSchema = z.strictObject({
  /**
   * Which repository this map governs (src/schema/index.ts, `repository`). `offices`: the one every street
   * office reads, which must never hold a judge, a score or a sign-up's contact; `review`: the private one of
   * judges and reviews (REVIEW_CONTENT_DIR); `district`: the district's own, of sign-ups' private details
   * (DISTRICT_CONTENT_DIR), whose map lists the district alone. Each holds nothing of the others'. Left out,
   * one repository holds everything (a district that has not split them yet).
   */
  repository: z.enum(['offices', 'review', 'district']).optional(),
  district: group,
  streets: z.record(z.string(), group).default({}),
  judges: z.record(z.string(), group).default({}),
});

export type OwnersMap = z.infer<typeof ownersSchema>;

/** Whom a path belongs to, or whom an account acts for. */
export type Owner = { kind: 'district' } | { kind: 'street'; id: string } | { kind: 'judge'; id: string };

/** Reads and checks the ownership map; throws with every problem when it is malformed or gives one account two roles. */
export function parseOwners(text: string): OwnersMap {
  const parsed = ownersSchema.safeParse(parse(text));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '（整个文件）'}: ${issue.message}`);
    throw new Error(`${OWNERS_FILE} 格式不正确：\n${problems.join('\n')}`);
  }
  const seen = new Map<string, string>();
  const clashes: string[] = [];
  for (const [role, account] of roles(parsed.data)) {
    const key = account.toLowerCase();
    const first = seen.get(key);
    if (first && first !== role) clashes.push(`账号 ${account} 同时属于 ${first} 和 ${role}`);
    seen.set(key, role);
  }
  if (clashes.length) throw new Error(`${OWNERS_FILE}：一个账号只能有一个身份：\n${clashes.join('\n')}`);
  return parsed.data;
}

function* roles(owners: OwnersMap): Generator<[string, string]> {
  for (const account of owners.district.accounts) yield ['district', account];
  for (const [id, entry] of Object.entries(owners.streets))
    for (const account of entry.accounts) yield [`streets.${id}`, account];
  for (const [id, entry] of Object.entries(owners.judges))
    for (const account of entry.accounts) yield [`judges.${id}`, account];
}

/** The role an account acts in. Git hosts treat user names case-insensitively, and so does this. */
export function ownerOf(account: string, owners: OwnersMap): Owner | undefined {
  const key = account.trim().toLowerCase();
  const has = (list: string[]) => list.some((item) => item.toLowerCase() === key);
  if (has(owners.district.accounts)) return { kind: 'district' };
  for (const [id, entry] of Object.entries(owners.streets)) if (has(entry.accounts)) return { kind: 'street', id };
  for (const [id, entry] of Object.entries(owners.judges)) if (has(entry.accounts)) return { kind: 'judge', id };
  return undefined;
}

/** The folder field that gives a collection's files to an owner. */
const OWNER_FOLDER = { street: 'street', judge: 'judge' } as const;

/** Which owner a repository path belongs to. */
export function ownerOfPath(path: string, contentRoot = 'content'): Owner {
  const prefix = `${contentRoot}/`;
  if (!path.startsWith(prefix)) return { kind: 'district' };
  const [top, ...rest] = path.slice(prefix.length).split('/');
  const name = collectionNames.find((candidate) => candidate === top);
  // The district repository's files are the district's, whatever street folder they sit in.
  if (!name || collections[name].repository === 'district') return { kind: 'district' };
  const folders: readonly string[] = collections[name].folders;
  for (const kind of ['street', 'judge'] as const) {
    const index = folders.indexOf(OWNER_FOLDER[kind]);
    // The owner's folder must hold the file (or a folder of pictures under it), not be the file.
    if (index >= 0 && rest.length > index + 1 && rest[index]) return { kind, id: rest[index] };
  }
  return { kind: 'district' };
}

/** The folders an owner may change, as patterns (`*` for any one folder). */
export function ownedFolders(owner: Owner, contentRoot = 'content'): string[] {
  if (owner.kind === 'district') return ['（全部）'];
  const folder = OWNER_FOLDER[owner.kind];
  return collectionNames
    .filter(
      (name) =>
        collections[name].repository !== 'district' &&
        (collections[name].folders as readonly string[]).includes(folder),
    )
    .map((name) => {
      const folders = collections[name].folders as readonly string[];
      const index = folders.indexOf(folder);
      const segments = folders.slice(0, index + 1).map((item) => (item === folder ? owner.id : '*'));
      return `${contentRoot}/${name}/${segments.join('/')}/`;
    });
}

export const describeOwner = (owner: Owner): string =>
  owner.kind === 'district' ? '区级' : owner.kind === 'street' ? `街道 ${owner.id}` : `评委 ${owner.id}`;

/** One changed file: its path, what happened to it, its Git mode, and its texts (for regular entry files). */
export interface Change {
  path: string;
  status: 'added' | 'modified' | 'deleted';
  /** Git mode of the new version: 100644 a regular file; 100755 executable, 120000 a link, 160000 a submodule. */
  mode?: string;
  /** The new text of an added or modified regular entry file. */
  text?: string;
  /** The previous text of a modified or deleted regular entry file (what a district decision is compared with). */
  oldText?: string;
}

export interface Decision {
  path: string;
  status: Change['status'];
  allowed: boolean;
  /** Why, in the words the office reads in CI's log. */
  reason: string;
}

/** What the target branch says beyond the ownership map. */
export interface CheckContext {
  /** Calls whose results the target branch has published: their reviews are locked. */
  publishedCampaigns?: ReadonlySet<string>;
  contentRoot?: string;
}

/** For an entry file under the content root, the collection and the folder values its path gives. */
export function entryPlace(
  path: string,
  contentRoot = 'content',
): { name: CollectionName; folders: Record<string, string> } | undefined {
  if (!path.startsWith(`${contentRoot}/`)) return undefined;
  const placed = placeFile(path.slice(contentRoot.length + 1));
  return 'problem' in placed ? undefined : { name: placed.name, folders: placed.folders };
}

/** An entry's header as written, or undefined when there is no text or it cannot be read. */
export function headerOf(name: CollectionName, text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  const source = parseSource(text, collections[name].format);
  const data = source.data;
  return source.errors.length || typeof data !== 'object' || data === null || Array.isArray(data)
    ? undefined
    : (data as Record<string, unknown>);
}

/** Fields that disagree with the folders the file sits in (street, campaign, judge). */
export function folderFieldProblems(change: Change, contentRoot = 'content'): string[] {
  if (change.status === 'deleted') return [];
  const place = entryPlace(change.path, contentRoot);
  if (!place) return [];
  const schema = schemaOf(place.name);
  const checked = Object.keys(place.folders).filter((folder) => folder in schema.shape);
  if (!checked.length) return [];
  const data = headerOf(place.name, change.text);
  if (!data) {
    return [`无法读取文件头，不能确认 ${checked.join('、')} 字段与文件夹一致（先运行 npm run check:content 修正格式）`];
  }
  return checked
    .filter((folder) => data[folder] !== place.folders[folder])
    .map((folder) => `${folder} 字段是“${String(data[folder] ?? '')}”，但文件在“${place.folders[folder]}”文件夹里`);
}

/** Git's modes for what is not a regular file, as an office reads them. */
const SPECIAL_MODES: Record<string, string> = {
  '100755': '可执行文件',
  '120000': '符号链接',
  '160000': '子模块',
};

/** One rule of the check: a refusal, or undefined when the rule has nothing against the change. */
interface RuleInput {
  change: Change;
  account: string;
  actor: Owner;
  /** The target branch's context, and which collections the map's repository may hold. */
  context: Required<CheckContext> & Pick<OwnersMap, 'repository'>;
}
type Rule = (input: RuleInput) => string | undefined;

/** Under content/ only regular files, for every account; elsewhere too, for all but the district. */
const regularFilesOnly: Rule = ({ change, actor, context }) => {
  if (change.status === 'deleted' || change.mode === undefined || change.mode === '100644') return undefined;
  const inContent = change.path.startsWith(`${context.contentRoot}/`);
  if (!inContent && actor.kind === 'district') return undefined;
  const kind = SPECIAL_MODES[change.mode] ?? `特殊文件（git 模式 ${change.mode}）`;
  return `这是${kind}：${inContent ? `${context.contentRoot}/ 里` : '街道办和评委'}只能提交普通文件（git 模式 100644），不接受符号链接、子模块或可执行文件（删除它，把文件本身提交上来${change.mode === '100755' ? '，或去掉可执行权限：git update-index --chmod=-x' : ''}）`;
};

/** Each repository's name and what goes there, for the refusals. */
const REPOSITORIES: Record<Repository, { name: string; holds: string; where: string }> = {
  offices: { name: '网站仓库', holds: '公开内容', where: '网站仓库' },
  review: {
    name: '评审仓库',
    holds: '评委（judges）和评分（reviews）',
    where: '评审仓库（REVIEW_CONTENT_DIR，见 README“The review site”）',
  },
  district: {
    name: '区级仓库',
    holds: '申报联系人（contacts）',
    where:
      '只有区级能读取的区级仓库（DISTRICT_CONTENT_DIR，由区级用 npm run import:submissions 导入申报表，见 README“The review site”）',
  },
};

/**
 * Every collection stays in its own repository (src/schema/index.ts): no judge, score or contact enters
 * the offices' repository, and each private one holds nothing else.
 */
const rightRepository: Rule = ({ change, context }) => {
  const { repository, contentRoot } = context;
  if (!repository || change.status === 'deleted' || !change.path.startsWith(`${contentRoot}/`)) return undefined;
  const top = change.path.slice(contentRoot.length + 1).split('/')[0];
  const name = collectionNames.find((candidate) => candidate === top);
  const belongs: Repository = name ? collections[name].repository : 'offices';
  if (belongs === repository) return undefined;
  const target = REPOSITORIES[belongs];
  if (repository === 'offices') {
    return `${name ? collections[name].label : top}不能放在街道办都能读取的仓库里：请提交到${target.where}`;
  }
  return `${REPOSITORIES[repository].name}只放${REPOSITORIES[repository].holds}：其他内容请提交到${target.where}`;
};

const folderFieldsAgree: Rule = ({ change, context }) =>
  folderFieldProblems(change, context.contentRoot).join('；') || undefined;

const ownFoldersOnly: Rule = ({ change, account, actor, context }) => {
  if (actor.kind === 'district') return undefined;
  const owner = ownerOfPath(change.path, context.contentRoot);
  if (owner.kind === actor.kind && owner.id === actor.id) return undefined;
  const allowed = `${account}（${describeOwner(actor)}）只能修改 ${ownedFolders(actor, context.contentRoot).join('、')}`;
  if (owner.kind !== 'district') return `这是${describeOwner(owner)} 的文件夹；${allowed}`;
  return change.path === OWNERS_FILE
    ? `内容归属表只有区级账号可以修改；${allowed}`
    : `这是区级文件（街道、示范带、征集令、评委、归属表、网站代码和配置）；${allowed}`;
};

/** District decisions (src/schema: fields with setBy 'district') stay as the district left them. */
const districtFieldsKept: Rule = ({ change, actor, context }) => {
  if (actor.kind === 'district') return undefined;
  const place = entryPlace(change.path, context.contentRoot);
  if (!place) return undefined;
  const before = change.status === 'added' ? undefined : headerOf(place.name, change.oldText);
  const after = change.status === 'deleted' ? undefined : headerOf(place.name, change.text);
  return refusedFieldChanges(place.name, before, after).map(describeRefusedField).join('；') || undefined;
};

/** Once a call's results are published, its scores are the record: only the district may correct one. */
const reviewsLockedOncePublished: Rule = ({ change, actor, context }) => {
  if (actor.kind !== 'judge') return undefined;
  const [top, campaign] = change.path.slice(context.contentRoot.length + 1).split('/');
  if (top !== 'reviews' || !context.publishedCampaigns.has(campaign)) return undefined;
  return `征集令 ${campaign} 已公布结果，评分已锁定，评委不能再修改（如需更正，请区级账号修改并在提交说明中写明原因）`;
};

/** The rules in the order their refusals are reported; the first that refuses a change decides it. */
const RULES: readonly Rule[] = [
  regularFilesOnly,
  rightRepository,
  folderFieldsAgree,
  ownFoldersOnly,
  districtFieldsKept,
  reviewsLockedOncePublished,
];

/**
 * Decides every change for one account. `owners` and `context` must come from
 * the target branch (never from the change itself, which could rewrite them).
 */
export function checkChanges(
  account: string,
  owners: OwnersMap,
  changes: readonly Change[],
  context: CheckContext = {},
): Decision[] {
  const actor = ownerOf(account, owners);
  const full: RuleInput['context'] = {
    publishedCampaigns: context.publishedCampaigns ?? new Set(),
    contentRoot: context.contentRoot ?? 'content',
    repository: owners.repository,
  };
  return changes.map((change) => {
    const decide = (allowed: boolean, reason: string): Decision => ({
      path: change.path,
      status: change.status,
      allowed,
      reason,
    });
    if (!actor) return decide(false, `账号“${account}”不在 ${OWNERS_FILE} 中，不能修改任何文件（请区级管理员登记）`);
    for (const rule of RULES) {
      const refusal = rule({ change, account, actor, context: full });
      if (refusal) return decide(false, refusal);
    }
    return decide(true, actor.kind === 'district' ? '区级账号' : `${describeOwner(actor)} 自己的文件夹`);
  });
}

/** CODEOWNERS (GitLab, GitHub and Gitea read the same syntax): the district everywhere, each owner on its folders. */
export function codeowners(owners: OwnersMap, contentRoot = 'content'): string {
  const at = (list: string[]) => list.map((account) => `@${account}`).join(' ');
  const district = at(owners.district.accounts);
  const lines = [
    `# 由 ${OWNERS_FILE} 生成，不要手改：修改归属表后运行 npm run codeowners。`,
    '# 代码所有者决定谁能批准合并请求：区级账号可以批准一切，各街道办和评委的账号',
    '# 另外可以批准自己文件夹的修改。谁能改哪个文件夹由 CI 的归属检查（scripts/check-ownership.ts）把关。',
    `* ${district}`,
  ];
  const groups: [Owner, string[]][] = [
    ...Object.entries(owners.streets).map(([id, entry]): [Owner, string[]] => [{ kind: 'street', id }, entry.accounts]),
    ...Object.entries(owners.judges).map(([id, entry]): [Owner, string[]] => [{ kind: 'judge', id }, entry.accounts]),
  ];
  for (const [owner, list] of groups) {
    for (const folder of ownedFolders(owner, contentRoot)) lines.push(`/${folder} ${district} ${at(list)}`);
  }
  lines.push(`/${OWNERS_FILE} ${district}`, '');
  return lines.join('\n');
}
