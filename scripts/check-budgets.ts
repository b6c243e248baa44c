/**
 * npm run check:budgets [-- <dir>]: measures a build (dist/ by default) against the
 * budgets in src/lib/budgets.ts: HTML and CSS per content page, JavaScript per
 * page type, the accessibility bootstrap and toolbar, the map bundle and the CMS bundle, all gzipped. Prints every
 * measure; exits 1 listing each one over budget. A build under a sub-path (PUBLIC_BASE_PATH) is measured alike:
 * its pages' script and stylesheet URLs are read as paths in the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUDGETS, type Budget, CONTENT_PAGE_PREFIXES, PAGE_TYPES } from '../src/lib/budgets.ts';
import { htmlFiles } from '../src/lib/html-scan.ts';
import { pathInSite } from '../src/lib/site/url.ts';
import { siteHome } from './check-links.ts';
import { parseCommand, requireBuild, runMain } from './lib/cli.ts';

const gzipped = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

/** JS files a module imports: statically only, or also dynamically and by URL (workers, lazily loaded chunks). */
function imports(source: string, all: boolean): string[] {
  const found = [...source.matchAll(/\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g)].map(
    (match) => match[1],
  );
  if (all) {
    // Relative, or from the root: under a sub-path Vite writes the worker's and stylesheets' URLs with the base.
    for (const match of source.matchAll(
      /["'`]((?:\.{0,2}\/)?(?:[\w~-]+\/)*(?:_astro\/)?[\w.~-]+\.(?:m?js|css))["'`]/g,
    )) {
      found.push(match[1]);
    }
  }
  return found;
}

/** Files (under /_astro/ or the site's root) loaded by the page's module scripts, following imports; `base` the build's. */
function closure(dir: string, base: string, entries: string[], all: boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const path = queue.shift() as string;
    if (seen.has(path) || !existsSync(join(dir, path))) continue;
    seen.add(path);
    if (!/\.m?js$/.test(path)) continue;
    const folder = path.slice(0, path.lastIndexOf('/') + 1);
    for (const specifier of imports(readFileSync(join(dir, path), 'utf8'), all)) {
      const resolved = specifier.startsWith('/')
        ? pathInSite(specifier, base)
        : specifier.startsWith('_astro/')
          ? `/${specifier}`
          : new URL(specifier, `http://x${folder}`).pathname;
      queue.push(resolved);
    }
  }
  return seen;
}

const sum = (dir: string, files: Iterable<string>) =>
  [...files].reduce((total, file) => total + gzipped(readFileSync(join(dir, file))), 0);

export interface Measure {
  name: string;
  bytes: number;
  budget: number;
  where: string;
}

/** Every measure of the build at `dir`, with its budget. */
export function measure(dir: string, budgets: Record<string, Budget> = BUDGETS): Measure[] {
  const { base } = siteHome(dir);
  const pages = [...htmlFiles(dir)].map((file) => {
    const path = `/${relative(dir, file).split(sep).join('/')}`.replace(/index\.html$/, '');
    const html = readFileSync(file, 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => pathInSite(match[1], base));
    const styles = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)]
      .map((match) => /href="([^"]+)"/.exec(match[0])?.[1])
      .filter((href): href is string => Boolean(href?.startsWith('/')))
      .map((href) => pathInSite(href, base));
    return { path, html, scripts, styles };
  });
  const worst = (name: string, values: { bytes: number; where: string }[]): Measure => {
    const top = values.reduce((a, b) => (b.bytes > a.bytes ? b : a), { bytes: 0, where: '(none)' });
    return { name, bytes: top.bytes, budget: budgets[name].gzipBytes, where: top.where };
  };
  const content = pages.filter((page) => CONTENT_PAGE_PREFIXES.some((prefix) => page.path.startsWith(prefix)));
  const measures: Measure[] = [
    worst(
      'html-per-content-page',
      content.map((page) => ({ bytes: gzipped(page.html), where: page.path })),
    ),
    worst(
      'css-per-content-page',
      // Stylesheets only: the build refuses inline <style> (style-src 'self', src/integrations/security-headers.ts).
      content.map((page) => ({ bytes: sum(dir, page.styles), where: page.path })),
    ),
  ];
  for (const [type, pattern] of Object.entries(PAGE_TYPES)) {
    measures.push(
      worst(
        `js-initial-${type}`,
        pages
          .filter((page) => pattern.test(page.path))
          .map((page) => ({ bytes: sum(dir, closure(dir, base, page.scripts, false)), where: page.path })),
      ),
    );
  }
  const bundle = (name: string, path: string) => {
    const page = pages.find((candidate) => candidate.path === path);
    const files = closure(dir, base, page?.scripts ?? [], true);
    return worst(name, [
      { bytes: sum(dir, files), where: `${path} (${files.size} files, lazy chunks and worker included)` },
    ]);
  };
  // The accessibility bootstrap (the classic /elder-mode.js and the header's loader, with its static imports) and
  // the toolbar it loads when opened: every file the loader reaches, lazily included, less the bootstrap's own.
  const home = pages.find((candidate) => candidate.path === '/');
  const loader = home?.scripts.find(
    (src) => src.startsWith('/') && /data-a11y-open/.test(readFileSync(join(dir, src), 'utf8')),
  );
  const bootstrap = new Set([
    ...(home?.scripts.filter((src) => src === '/elder-mode.js') ?? []),
    ...closure(dir, base, loader ? [loader] : [], false),
  ]);
  const toolbar = [...closure(dir, base, loader ? [loader] : [], true)].filter((file) => !bootstrap.has(file));
  measures.push(
    worst('a11y-bootstrap', [{ bytes: sum(dir, bootstrap), where: `/ (${[...bootstrap].join(', ')})` }]),
    worst('a11y-toolbar', [
      { bytes: sum(dir, toolbar), where: `${toolbar.join(', ') || '(none)'}, loaded when opened` },
    ]),
  );
  measures.push(bundle('map-bundle', '/map/'));
  const admin = pages.find((page) => page.path.startsWith('/admin/') && page.scripts.length)?.path ?? '/admin/';
  measures.push(bundle('cms-bundle', admin));
  return measures;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The measures over budget, as lines for an error. */
export function overBudget(measures: Measure[]): string[] {
  return measures
    .filter((m) => m.bytes > m.budget)
    .map((m) => `${m.name}: ${kb(m.bytes)} gzipped > budget ${kb(m.budget)} (${m.where})`);
}

if (import.meta.main) {
  const { positionals } = parseCommand({
    usage: `用法：npm run check:budgets [-- <构建文件夹>]
按 src/lib/budgets.ts 的预算检查一次构建（默认 dist/）：每个内容页的 HTML 和 CSS、各类页面的 JavaScript、地图和内容管理的脚本，都按 gzip 后的大小。
列出每一项；有超出预算的项时退出码为 1。先运行 npm run build。`,
    positionals: { max: 1 },
  });
  const dir = positionals[0] ?? 'dist';
  requireBuild(dir);
  await runMain('预算检查', () => {
    const measures = measure(dir);
    for (const m of measures) {
      console.log(
        `${m.bytes > m.budget ? '✗' : '✓'} ${m.name.padEnd(24)} ${kb(m.bytes).padStart(10)} / ${kb(m.budget)}  ${m.where}`,
      );
    }
    const over = overBudget(measures);
    if (over.length) console.error(`\nOver budget:\n${over.join('\n')}`);
    return over.length ? 1 : 0;
  });
}
