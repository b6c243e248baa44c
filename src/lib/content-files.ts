import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, type Stats, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { imageFacts } from './content/image-files.ts';
import { ContentRefused, DISTRICT_FILE, guardContentFolder } from './content-guard.ts';
import { formatReport } from './report.ts';
import { type Problem, type ValidationResult, validateContent } from './validate.ts';

/** A file under the content folder, with its path relative to that folder (POSIX separators). */
export interface ContentFile {
  path: string;
  text: string;
}

/** Extensions of files that hold entries; anything else (images, attachments) is an asset. */
export const ENTRY_EXTENSIONS = ['.md', '.markdown', '.yaml', '.yml', '.json'];

/** What a content folder holds: its entry files, and anything that is neither a file nor a folder. */
export interface ContentFolder {
  files: ContentFile[];
  /** Symlinks, sockets, devices…, relative to the folder: never read, never followed, always refused. */
  special: { path: string; kind: string }[];
}

/** What a non-regular file is, in the words of the error that refuses it. */
function specialKind(stats: Stats): string {
  if (stats.isSymbolicLink()) return '符号链接';
  if (stats.isFIFO()) return '管道文件';
  if (stats.isSocket()) return '套接字文件';
  return '设备文件';
}

/**
 * Every entry file under `contentDir`, sorted by path, and every special file.
 * Nothing is followed: a link is reported, never read, so no file outside the
 * folder (or a private one inside it) can be passed off as content.
 */
export function readContentFolder(contentDir: string): ContentFolder {
  const folder: ContentFolder = { files: [], special: [] };
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      const path = relative(contentDir, full).split(sep).join('/');
      const stats = lstatSync(full);
      // The folder's own street list is the guard's input, not an entry (src/lib/content-guard.ts).
      if (path === DISTRICT_FILE && stats.isFile()) continue;
      if (stats.isDirectory()) walk(full);
      else if (!stats.isFile()) folder.special.push({ path, kind: specialKind(stats) });
      else if (ENTRY_EXTENSIONS.some((ext) => name.endsWith(ext)))
        folder.files.push({ path, text: readFileSync(full, 'utf8') });
    }
  };
  if (existsSync(contentDir) && statSync(contentDir).isDirectory()) walk(contentDir);
  return folder;
}

/** Every entry file under `contentDir`, sorted by path; hidden files, assets and links are skipped. */
export const readContentFiles = (contentDir: string): ContentFile[] => readContentFolder(contentDir).files;

/**
 * Whether a path relative to the content folder names a regular file reached
 * through no link (an image or attachment written in an entry).
 */
export const fileExistsIn = (contentDir: string) => {
  const root = existsSync(contentDir) ? realpathSync(contentDir) : resolve(contentDir);
  return (path: string) => {
    const full = join(root, path);
    try {
      return realpathSync(full) === full && lstatSync(full).isFile();
    } catch {
      return false;
    }
  };
};

/** The refusal of a special file, in the validator's `path:line field: message (fix)` form. */
export const specialFileProblem = (displayRoot: string, { path, kind }: ContentFolder['special'][number]): Problem => ({
  file: `${displayRoot}/${path}`,
  line: 1,
  field: '',
  message: `这是${kind}，内容文件夹里只能放普通文件（条目、图片和附件本身），不会读取它`,
  fix: '删除它，把要用的图片或附件本身复制到这个位置',
});

/** Reads a file relative to the content folder as text. */
export const fileTextIn = (contentDir: string) => (path: string) => readFileSync(join(contentDir, path), 'utf8');

/**
 * Reads a content folder after the guard (src/lib/content-guard.ts) has accepted it: a folder that
 * is missing or far too small throws ContentRefused, whose message is the whole report.
 */
export function readGuardedFolder(contentDir: string): ContentFolder & { dir: string; displayRoot: string } {
  const dir = resolve(contentDir);
  const displayRoot = contentDir.replace(/\/+$/, '') || '.';
  const folder = readContentFolder(dir);
  const refusals = guardContentFolder({ root: displayRoot, dir, paths: folder.files.map((file) => file.path) });
  if (refusals.length) throw new ContentRefused(refusals);
  return { ...folder, dir, displayRoot };
}

/**
 * Reads and validates a content folder the one way every command does (the build, check:content,
 * the review build and the results export): the guard first, then every check, SVG images included.
 */
export function validateContentDir(contentDir: string): ValidationResult & { fileCount: number } {
  const { files, special, dir, displayRoot } = readGuardedFolder(contentDir);
  const result = validateContent(files, {
    displayRoot,
    exists: fileExistsIn(dir),
    readText: fileTextIn(dir),
    imageFacts: (path) => imageFacts(join(dir, path)),
  });
  const problems = [...special.map((file) => specialFileProblem(displayRoot, file)), ...result.problems];
  return { ...result, problems, fileCount: files.length };
}

/**
 * The verdict on a content folder as check:content and the build print it: the report of its
 * problems, or of why the folder itself is refused.
 */
export function contentReport(contentDir: string): { ok: boolean; report: string } {
  try {
    const { problems, fileCount } = validateContentDir(contentDir);
    return { ok: !problems.length, report: formatReport(problems, fileCount) };
  } catch (error) {
    if (error instanceof ContentRefused) return { ok: false, report: error.message };
    throw error;
  }
}
