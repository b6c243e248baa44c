import { type CollectionName, type CollectionSpec, collectionNames, collections, schemaOf } from '../schema/index.ts';
import type { ImageFacts } from './content/images.ts';
import type { ContentFile } from './content-files.ts';
import { chineseMessages, describeIssue, fieldLabel } from './issues.ts';
import { checkRelations } from './relations.ts';
import { parseSource } from './source.ts';
import { nearest } from './suggest.ts';

/** One thing wrong with the content, located precisely enough to fix it. */
export interface Problem {
  /** File path relative to the repository (e.g. content/brands/longfeng/yuxiuge.md). */
  file: string;
  line: number;
  /** Dotted field path, or '' for the file as a whole. */
  field: string;
  message: string;
  fix: string;
}

/** A valid entry: schema output plus where it came from. */
export interface Entry<T = Record<string, unknown>> {
  collection: CollectionName;
  /** Path relative to the content folder. */
  path: string;
  id: string;
  /** Values of the folder segments between the collection folder and the file (e.g. { street: 'longfeng' }). */
  folders: Record<string, string>;
  data: T;
  /** Markdown body (empty for YAML). */
  body: string;
  lineOf(path: readonly PropertyKey[]): number;
}

export type EntriesByCollection = { [K in CollectionName]: Entry[] };

export interface ValidationResult {
  entries: EntriesByCollection;
  problems: Problem[];
}

export interface ValidateOptions {
  /** The content folder as the user knows it, prefixed to every reported path. */
  displayRoot?: string;
  /** Whether a path relative to the content folder exists (for images and attachments). */
  exists: (path: string) => boolean;
  /** Reads a file relative to the content folder, so SVG images can be checked for script. */
  readText?: (path: string) => string;
  /** A picture's size and dimensions, so phone photos too big to publish are refused. */
  imageFacts?: (path: string) => ImageFacts;
}

const EXTENSIONS: Record<CollectionSpec['format'], string> = {
  yaml: '.yaml',
  md: '.md',
};

/** Validates every content file and every cross-reference; reports all problems at once. */
export function validateContent(files: readonly ContentFile[], options: ValidateOptions): ValidationResult {
  const root = options.displayRoot ?? 'content';
  const problems: Problem[] = [];
  const entries = Object.fromEntries(collectionNames.map((name) => [name, []])) as unknown as EntriesByCollection;
  const unparsedIds = Object.fromEntries(collectionNames.map((name) => [name, []])) as unknown as Record<
    CollectionName,
    string[]
  >;

  for (const file of files) {
    const display = `${root}/${file.path}`;
    const report = (line: number, field: string, message: string, fix: string) =>
      problems.push({ file: display, line, field, message, fix });
    const placed = placeFile(file.path);
    if ('problem' in placed) {
      report(1, '', placed.problem, placed.fix);
      continue;
    }
    const { name, spec, folders, fileName } = placed;
    const schema = schemaOf(name);
    const source = parseSource(file.text, spec.format);
    for (const error of source.errors) report(error.line, '', error.message, error.fix);
    if (source.errors.length) continue;

    // File name and folders are checked on the raw data, so they are reported
    // together with any schema problem rather than after it is fixed.
    const raw = (isRecord(source.data) ? source.data : {}) as Record<string, unknown>;
    const id = raw[spec.fileNameField];
    if (typeof id === 'string' && id !== fileName) {
      report(
        source.lineOf([spec.fileNameField]),
        spec.fileNameField,
        `${fieldLabel(schema, [spec.fileNameField])}“${id}”与文件名“${fileName}”不一致`,
        `把文件改名为 ${id}${EXTENSIONS[spec.format]}，或把 ${spec.fileNameField} 改为 ${fileName}`,
      );
    }
    for (const [segment, value] of Object.entries(folders)) {
      if (segment in schema.shape && typeof raw[segment] === 'string' && raw[segment] !== value) {
        report(
          source.lineOf([segment]),
          segment,
          `${fieldLabel(schema, [segment])}是“${String(raw[segment])}”，但文件放在“${value}”文件夹里`,
          `把 ${segment} 改为 ${value}，或把文件移到 ${String(raw[segment])} 文件夹`,
        );
      }
    }

    // A field that moved elsewhere is refused with where it went, not as an unknown field.
    const kept = { ...raw };
    for (const [key, { message, fix }] of Object.entries(spec.moved ?? {})) {
      if (!(key in raw)) continue;
      report(source.lineOf([key]), key, message, fix);
      delete kept[key];
    }
    const refusedMoved = Object.keys(kept).length < Object.keys(raw).length;

    const parsed = schema.safeParse(kept, {
      error: chineseMessages,
      reportInput: true,
    });
    if (!parsed.success || refusedMoved) {
      for (const issue of parsed.error?.issues ?? []) {
        for (const described of describeIssue(issue, schema)) {
          report(source.lineOf(described.path), described.field, described.message, described.fix);
        }
      }
      // Its id still exists, so references to it are not reported as unknown on top of its own problems.
      if (typeof id === 'string') unparsedIds[name].push(id);
      continue;
    }
    const data = parsed.data as Record<string, unknown>;
    entries[name].push({
      collection: name,
      path: file.path,
      id: String(data[spec.fileNameField]),
      folders,
      data,
      body: source.body,
      lineOf: source.lineOf,
    });
  }

  problems.push(...checkDuplicates(entries, root), ...checkRelations(entries, unparsedIds, root, options));
  // Code-point order, so the report reads the same on every machine whatever its locale.
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return { entries, problems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Placement =
  | {
      name: CollectionName;
      spec: CollectionSpec;
      folders: Record<string, string>;
      fileName: string;
    }
  | { problem: string; fix: string };

/** Works out which collection a file belongs to from its path, and what its folders stand for. */
/** Where a path relative to the content folder puts a file: its collection and folder values, or why it cannot be there. */
export function placeFile(path: string): Placement {
  const [top, ...rest] = path.split('/');
  const name = collectionNames.find((candidate) => candidate === top);
  if (!name) {
    const guess = nearest(
      top,
      collectionNames.map((key) => ({ key })),
    );
    return {
      problem: `“${top}”不是内容文件夹`,
      fix: guess ? `文件夹名可能拼错了，应为 ${guess}` : `内容文件夹只有：${collectionNames.join('、')}`,
    };
  }
  const spec: CollectionSpec = collections[name];
  const extension = EXTENSIONS[spec.format];
  const fileName = rest.at(-1) ?? '';
  const folderNames = rest.slice(0, -1);
  const layout = [name, ...spec.folders.map((folder) => `<${folder}>`), `<${spec.fileNameField}>${extension}`].join(
    '/',
  );
  if (!fileName.endsWith(extension)) {
    return {
      problem: `${spec.label}文件应为 ${extension} 格式`,
      fix: `把文件改名为 ${fileName.replace(/\.[^.]+$/, '')}${extension}`,
    };
  }
  if (folderNames.length !== spec.folders.length) {
    return { problem: `${spec.label}文件放错了层级`, fix: `应放在 ${layout}` };
  }
  const folders = Object.fromEntries(spec.folders.map((folder, index) => [folder, folderNames[index]]));
  return {
    name,
    spec,
    folders,
    fileName: fileName.slice(0, -extension.length),
  };
}

function checkDuplicates(entries: EntriesByCollection, root: string): Problem[] {
  const problems: Problem[] = [];
  for (const name of collectionNames) {
    const seen = new Map<string, Entry>();
    for (const entry of entries[name]) {
      // Entries named after a submission (reviews, contacts) are keyed within their folders; everything else by id.
      const key =
        collections[name].fileNameField === 'id' ? entry.id : [...Object.values(entry.folders), entry.id].join('/');
      const first = seen.get(key);
      if (first) {
        problems.push({
          file: `${root}/${entry.path}`,
          line: entry.lineOf(['id']),
          field: 'id',
          message: `编号“${entry.id}”重复，已被 ${root}/${first.path} 使用`,
          fix: '给其中一个条目换一个新的编号（并同时修改文件名）',
        });
      } else seen.set(key, entry);
    }
  }
  return problems;
}
