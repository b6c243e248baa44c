/**
 * A change to the content, told in plain Chinese for the district officer who
 * reviews it: per entry, who changed what, in the schema's own labels
 * (龙凤街道 修改了党建品牌「毓秀阁」：摘要、图集（新增 1 张）). Private fields are
 * named, never shown; public choices show their old and new label.
 */
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { type CollectionName, collections, fieldInfo, isPrivateCollection, schemaOf } from '../../schema/index.ts';
import { type Change, entryPlace, headerOf, ownerOfPath } from '../access/ownership.ts';
import { parseSource } from '../source.ts';

/** What the summary needs to know beyond the change: street names by id. */
export interface DescribeContext {
  streetNames: ReadonlyMap<string, string>;
  contentRoot?: string;
}

/** The field that names an entry in a sentence, where it is public. */
const TITLE_FIELDS = ['title', 'name'];

function titleOf(collection: CollectionName, data: Record<string, unknown> | undefined, id: string): string {
  const shape = schemaOf(collection).shape;
  const field = TITLE_FIELDS.find((name) => name in shape && !isPrivate(collection, name));
  const title = field ? data?.[field] : undefined;
  return typeof title === 'string' && title ? title : id;
}

const infoOf = (collection: CollectionName, field: string) =>
  fieldInfo.get(schemaOf(collection).shape[field] as z.ZodType);

const isPrivate = (collection: CollectionName, field: string) =>
  isPrivateCollection(collection) || Boolean(infoOf(collection, field)?.private);

/** Whose folder a file is in, as the reviewer knows them: the street's name, a judge by id, else the district. */
function actorOf(path: string, context: DescribeContext): string {
  const owner = ownerOfPath(path, context.contentRoot);
  if (owner.kind === 'street') return context.streetNames.get(owner.id) ?? `${owner.id} 街道`;
  if (owner.kind === 'judge') return `评委 ${owner.id}`;
  return '区级';
}

/** How many items a list gained and lost, for 图集（新增 1 张）. */
function listDelta(before: unknown, after: unknown): string {
  const old = Array.isArray(before) ? before : [];
  const next = Array.isArray(after) ? after : [];
  const added = next.filter((item) => !old.some((other) => isDeepStrictEqual(item, other))).length;
  const removed = old.filter((item) => !next.some((other) => isDeepStrictEqual(item, other))).length;
  const unit = [...old, ...next].every((item) => typeof item === 'object' && item !== null && 'src' in item)
    ? '张'
    : '项';
  const parts = [added ? `新增 ${added} ${unit}` : '', removed ? `删除 ${removed} ${unit}` : ''].filter(Boolean);
  return parts.length ? `（${parts.join('，')}）` : '（调整）';
}

/** One changed field, in its label; a public choice or yes/no with its values. */
function describeField(collection: CollectionName, field: string, before: unknown, after: unknown): string {
  const info = infoOf(collection, field);
  const label = info?.label ?? field;
  if (isPrivate(collection, field)) return `${label}（不公开，内容不显示）`;
  if (Array.isArray(before) || Array.isArray(after)) return `${label}${listDelta(before, after)}`;
  const shown = (value: unknown) =>
    value === undefined
      ? '（空）'
      : typeof value === 'boolean'
        ? value
          ? '是'
          : '否'
        : (info?.choices?.[String(value)] ?? String(value));
  if (info?.choices || typeof before === 'boolean' || typeof after === 'boolean') {
    return `${label}（${shown(before)} → ${shown(after)}）`;
  }
  return label;
}

const bodyOf = (collection: CollectionName, text: string | undefined) =>
  text === undefined || collections[collection].format !== 'md' ? '' : parseSource(text, 'md').body.trim();

/** The sentence for one entry file, or undefined when the path is not an entry. */
function describeEntry(change: Change, context: DescribeContext): string | undefined {
  const place = entryPlace(change.path, context.contentRoot);
  if (!place) return undefined;
  const { name } = place;
  const label = collections[name].label;
  const before = change.status === 'added' ? undefined : headerOf(name, change.oldText);
  const after = change.status === 'deleted' ? undefined : headerOf(name, change.text);
  const id =
    change.path
      .split('/')
      .at(-1)
      ?.replace(/\.[^.]+$/, '') ?? '';
  const actor = actorOf(change.path, context);
  const title = titleOf(name, after ?? before, id);
  if (change.status === 'added') return `${actor} 新增了${label}「${title}」`;
  if (change.status === 'deleted') return `${actor} 删除了${label}「${title}」`;
  if (!before || !after) return `${actor} 修改了${label}「${title}」（文件头无法读取，请运行 npm run check:content）`;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((field) => !isDeepStrictEqual(before[field], after[field]))
    .map((field) => describeField(name, field, before[field], after[field]));
  if (bodyOf(name, change.oldText) !== bodyOf(name, change.text)) fields.push('正文');
  return `${actor} 修改了${label}「${title}」：${fields.length ? fields.join('、') : '格式（内容未变）'}`;
}

/** Every change as lines of plain Chinese: entries one by one, then files counted by kind. */
export function describeChanges(changes: readonly Change[], context: DescribeContext): string[] {
  const root = context.contentRoot ?? 'content';
  const lines: string[] = [];
  const files = new Map<string, number>();
  const count = (what: string) => files.set(what, (files.get(what) ?? 0) + 1);
  for (const change of changes) {
    const sentence = describeEntry(change, context);
    if (sentence) lines.push(sentence);
    else if (change.path.startsWith(`${root}/`)) {
      const verb = { added: '新增', modified: '替换', deleted: '删除' }[change.status];
      count(`${actorOf(change.path, context)} ${verb}了图片或附件`);
    } else count('修改了网站代码或配置');
  }
  for (const [what, number] of files) lines.push(`${what}：${number} 个文件`);
  return lines;
}
