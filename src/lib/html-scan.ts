/**
 * A small scanner for the built HTML (Astro's own output, not arbitrary HTML):
 * the .html files of a build, start tags with their attributes, and the text
 * of script and style elements.
 * Quoted attribute values may hold `<` and `>` (Astro escapes only quotes and
 * ampersands there), so tags are matched with their quoted values, never with
 * a plain `<script` search.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Tag {
  name: string;
  attributes: Record<string, string>;
  /** The element's text, for script and style. */
  text?: string;
  /** The tag as written, for reports. */
  source: string;
}

/** Every .html file under a build folder, at any depth. */
export function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

const TOKEN = /<!--[\s\S]*?-->|<([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s=/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const ENTITY: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', '#39': "'" };
const decode = (value: string) => value.replace(/&(amp|quot|apos|lt|gt|#39);/g, (_, name: string) => ENTITY[name]);

export function* tags(html: string): Generator<Tag> {
  const token = new RegExp(TOKEN.source, 'g');
  // Lowercased once, on the first script or style, to find each one's closing tag.
  let lower: string | undefined;
  for (let match = token.exec(html); match; match = token.exec(html)) {
    if (!match[1]) continue;
    const name = match[1].toLowerCase();
    const attributes: Record<string, string> = {};
    for (const [, attribute, a, b, c] of match[2].matchAll(ATTRIBUTE)) {
      attributes[attribute.toLowerCase()] = decode(a ?? b ?? c ?? '');
    }
    const tag: Tag = { name, attributes, source: match[0] };
    if (name === 'script' || name === 'style') {
      lower ??= html.toLowerCase();
      const end = lower.indexOf(`</${name}`, token.lastIndex);
      const stop = end < 0 ? html.length : end;
      tag.text = html.slice(token.lastIndex, stop);
      token.lastIndex = stop;
    }
    yield tag;
  }
}

/** Whether a script element runs (no type, or a JavaScript type; JSON data blocks do not). */
export function runs(tag: Tag): boolean {
  const type = tag.attributes.type?.toLowerCase();
  return !type || type === 'module' || type === 'text/javascript' || type === 'application/javascript';
}
