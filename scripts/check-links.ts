/**
 * npm run check:links [-- <dir>]: every href, src, srcset, form action and share image
 * in every HTML file of a build (dist/ by default) resolves to a file of that
 * build (`…/` → `…/index.html`; the site uses trailing slashes, so a link to a
 * folder without one is an error), and nothing refers to another origin except
 * plain <a> links to the few hosts the footer and map credits need. A build under
 * a sub-path of the portal (PUBLIC_BASE_PATH) is checked as served there: every
 * reference must stay under that sub-path. Exits 1 with the list when any link is broken.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { htmlFiles, tags } from '../src/lib/html-scan.ts';
import { normaliseBasePath, pathInSite, sitePath } from '../src/lib/site/url.ts';
import { parseCommand, requireBuild, runMain } from './lib/cli.ts';

/**
 * Other origins a page may link to (an <a href>, never a resource): the ICP and public-security registers
 * (src/lib/site/records.ts) and the map's credit.
 */
export const ALLOWED_LINK_HOSTS = ['beian.miit.gov.cn', 'beian.mps.gov.cn', 'www.tianditu.gov.cn'];

/** Every URL a page refers to, with the tag and attribute it came from. */
export function references(html: string): { tag: string; attribute: string; url: string }[] {
  const found: { tag: string; attribute: string; url: string }[] = [];
  for (const { name: tag, attributes: values } of tags(html)) {
    const add = (attribute: string, url: string | undefined) => {
      if (url !== undefined && url.trim() !== '') found.push({ tag, attribute, url: url.trim() });
    };
    for (const attribute of ['href', 'src', 'action', 'poster', 'data']) add(attribute, values[attribute]);
    for (const attribute of ['srcset', 'imagesrcset']) {
      for (const candidate of values[attribute]?.split(',') ?? []) add(attribute, candidate.trim().split(/\s+/)[0]);
    }
    if (tag === 'meta' && /^(og:image|og:url|twitter:image)$/.test(values.property ?? values.name ?? '')) {
      add('content', values.content);
    }
  }
  return found;
}

/** Where the site is served, from the home page's canonical link: its origin and its base path (`/`, `/zt/dangjian/`). */
export function siteHome(dir: string): { origin: string; base: string } {
  const home = readFileSync(join(dir, 'index.html'), 'utf8');
  const canonical = /<link\b[^>]*rel="canonical"[^>]*href="([^"]+)"/.exec(home)?.[1];
  if (!canonical) throw new Error(`${dir}/index.html has no canonical link`);
  const url = new URL(canonical);
  return { origin: url.origin, base: normaliseBasePath(url.pathname) };
}

/** Problems found in the build at `dir`, one line each: `page: attribute=url (why)`. */
export function checkLinks(dir: string, allowedHosts = ALLOWED_LINK_HOSTS): string[] {
  const root = resolve(dir);
  const { origin, base } = siteHome(root);
  const problems: string[] = [];
  for (const file of htmlFiles(root)) {
    const page = relative(root, file).split(sep).join('/');
    const pageUrl = new URL(sitePath(page.replace(/(^|\/)index\.html$/, '$1'), base), origin);
    for (const { tag, attribute, url } of references(readFileSync(file, 'utf8'))) {
      const problem = (why: string) => problems.push(`${page}: <${tag} ${attribute}="${url}"> (${why})`);
      if (url.startsWith('#') || /^(mailto|tel):/i.test(url)) continue;
      if (/^data:/i.test(url)) {
        if (tag === 'a') problem('data: link');
        continue;
      }
      if (/^\s*javascript:/i.test(url)) {
        problem('javascript: URL');
        continue;
      }
      let target: URL;
      try {
        target = new URL(url, pageUrl);
      } catch {
        problem('not a URL');
        continue;
      }
      if (target.origin !== origin) {
        if (!/^https?:$/.test(target.protocol)) problem(`scheme ${target.protocol}`);
        else if (tag !== 'a') problem('a resource from another origin');
        else if (!allowedHosts.includes(target.hostname))
          problem(`link to ${target.hostname}, not in ALLOWED_LINK_HOSTS`);
        continue;
      }
      if (!target.pathname.startsWith(base)) {
        problem(`outside ${base}, where the site is served`);
        continue;
      }
      let path: string;
      try {
        path = decodeURIComponent(pathInSite(target.pathname, base));
      } catch {
        problem('bad percent-encoding');
        continue;
      }
      const onDisk = join(root, path);
      if (!onDisk.startsWith(root)) problem('outside the site');
      else if (path.endsWith('/')) {
        if (!existsSync(join(onDisk, 'index.html'))) problem('no such page');
      } else if (!existsSync(onDisk)) problem('no such file');
      else if (statSync(onDisk).isDirectory()) problem('folder without the trailing slash');
    }
  }
  return problems;
}

if (import.meta.main) {
  const { positionals } = parseCommand({
    usage: `用法：npm run check:links [-- <构建文件夹>]
检查一次构建（默认 dist/）每个 HTML 页面里的链接、图片和脚本地址都指向这次构建里的文件，且不引用其他网站的资源。
有失效的引用时列出并以退出码 1 结束。先运行 npm run build。`,
    positionals: { max: 1 },
  });
  const dir = positionals[0] ?? 'dist';
  requireBuild(dir);
  await runMain('链接检查', () => {
    const problems = checkLinks(dir);
    for (const line of problems) console.error(line);
    console.log(
      problems.length ? `${problems.length} broken or foreign references in ${dir}` : `all links in ${dir} resolve`,
    );
    return problems.length ? 1 : 0;
  });
}
