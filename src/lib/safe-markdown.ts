import { basename } from 'node:path';
import { defineHastPlugin, defineMdastPlugin, type PluginFactoryContext } from 'satteri';

/**
 * Link targets an editor may use: the web, e-mail, phone, and paths on this
 * site. Everything else (javascript:, data:, vbscript:, …) could run script.
 */
export function isSafeUrl(url: string): boolean {
  const trimmed = url.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  return scheme === undefined ? !trimmed.startsWith('//') : ['http', 'https', 'mailto', 'tel'].includes(scheme);
}

/** Where an unsafe link's target is replaced; the link text stays. */
export const REMOVED_LINK = '#';

/**
 * Content Markdown is written by editors who are not trusted with script:
 * raw HTML is shown as the text it is (so nothing an editor wrote is lost),
 * and links or images with unsafe targets are neutralised.
 */
export const safeMarkdown = defineMdastPlugin({
  name: 'haizhu-safe-markdown',
  html(node, ctx) {
    ctx.replaceNode(node, { type: 'text', value: node.value });
  },
  link(node, ctx) {
    if (!isSafeUrl(node.url)) ctx.setProperty(node, 'url', REMOVED_LINK);
  },
  definition(node, ctx) {
    if (!isSafeUrl(node.url)) ctx.setProperty(node, 'url', REMOVED_LINK);
  },
  image(node, ctx) {
    if (!isSafeUrl(node.url)) ctx.replaceNode(node, { type: 'text', value: node.alt ?? '' });
  },
});

/**
 * Story Markdown sits under the page's own section heading (an h2), so its
 * `##` headings become h3 and the page outline stays in order.
 */
export const nestHeadings = defineMdastPlugin({
  name: 'haizhu-nest-headings',
  heading(node, ctx) {
    ctx.setProperty(node, 'depth', Math.min(6, node.depth + 1) as typeof node.depth);
  },
});

/**
 * Heading ids scoped by the file they come from (`longfeng-dianti-2026-06-本期进展`): a task page shows
 * several progress reports, each of which may have its own “本期进展”, and Astro's ids are unique within
 * one document only. Astro keeps an id a heading already has.
 */
export const scopedHeadingIds = (file: PluginFactoryContext) => {
  const scope = file.fileURL ? basename(file.fileURL.pathname).replace(/\.mdx?$/, '') : '';
  const used = new Map<string, number>();
  return defineHastPlugin({
    name: 'haizhu-scoped-heading-ids',
    element: {
      filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      visit(node, ctx) {
        const base = [scope, ctx.textContent(node).trim().replace(/\s+/g, '-')].filter(Boolean).join('-');
        const seen = used.get(base) ?? 0;
        used.set(base, seen + 1);
        ctx.setProperty(node, 'id', seen ? `${base}-${seen}` : base);
      },
    },
  });
};
