/** Editing copies of content files in the build tests, where canary values are planted before a build. */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

/** Edits the YAML of a data file or of a Markdown file's frontmatter in place; `body` replaces the Markdown text. */
export function editYaml(file: string, edit: (doc: ReturnType<typeof parseDocument>) => void, body?: string) {
  const text = readFileSync(file, 'utf8');
  const markdown = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  const doc = parseDocument(markdown ? markdown[1] : text);
  edit(doc);
  writeFileSync(file, markdown ? `---\n${doc.toString()}---\n${body ?? markdown[2]}` : doc.toString());
}

/** Every file below `dir`. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
