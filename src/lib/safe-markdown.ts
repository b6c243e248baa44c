import { defineMdastPlugin } from 'satteri';

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
