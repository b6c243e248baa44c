import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { type ValidationResult, validateContent } from './validate.ts';

/** A file under the content folder, with its path relative to that folder (POSIX separators). */
export interface ContentFile {
  path: string;
  text: string;
}

/** Extensions of files that hold entries; anything else (images, attachments) is an asset. */
export const ENTRY_EXTENSIONS = ['.md', '.markdown', '.yaml', '.yml', '.json'];

/** Every entry file under `contentDir`, sorted by path; hidden files and assets are skipped. */
export function readContentFiles(contentDir: string): ContentFile[] {
  const files: ContentFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (ENTRY_EXTENSIONS.some((ext) => name.endsWith(ext)))
        files.push({
          path: relative(contentDir, full).split(sep).join('/'),
          text: readFileSync(full, 'utf8'),
        });
    }
  };
  if (existsSync(contentDir)) walk(contentDir);
  return files;
}

/** Whether a path relative to the content folder names an existing file. */
export const fileExistsIn = (contentDir: string) => (path: string) => existsSync(join(contentDir, path));

/** Reads a file relative to the content folder as text. */
export const fileTextIn = (contentDir: string) => (path: string) => readFileSync(join(contentDir, path), 'utf8');

/**
 * Reads and validates a content folder the one way every command does (the build, check:content,
 * the review build and the results export): every check, SVG images included.
 */
export function validateContentDir(contentDir: string): ValidationResult & { fileCount: number } {
  const dir = resolve(contentDir);
  const files = readContentFiles(dir);
  const result = validateContent(files, {
    displayRoot: contentDir.replace(/\/+$/, ''),
    exists: fileExistsIn(dir),
    readText: fileTextIn(dir),
  });
  return { ...result, fileCount: files.length };
}
