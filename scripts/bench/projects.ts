/**
 * The two Astro projects the benchmark builds, each in its own temporary
 * folder: a snapshot of this site, and a bare Astro site with one dynamic
 * route (the floor). Both get a fresh node_modules folder of symlinks to this
 * repository's packages, so nothing is installed, the very same Astro builds
 * both, and each build's cache (node_modules/.astro) and .astro folder are its
 * own: the repository's caches, which other people's builds use, are never
 * read, written or cleared.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Left out of a snapshot when git cannot list the files: installed, generated or built. */
const NOT_SOURCE = /^(node_modules|\.git|\.astro|\.cache|dist|dist-.*|test-results|exports)$/;

/**
 * Copies the site into `dir`: every file git tracks or would track (so
 * uncommitted work is included and whatever .gitignore names is not), the way
 * a fresh checkout of the working tree would look. Building a snapshot rather
 * than the working tree keeps a ten-minute run safe from files edited
 * meanwhile and from other builds sharing its caches; the code built is the
 * code as it was at the start.
 */
export function copyProject(repoRoot: string, dir: string) {
  mkdirSync(dir, { recursive: true });
  const files = sourceFiles(repoRoot);
  if (files) {
    for (const file of files) {
      const from = join(repoRoot, file);
      // Tracked files deleted in the working tree are listed but absent.
      if (!existsSync(from) || statSync(from).isDirectory()) continue;
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      cpSync(from, join(dir, file));
    }
  } else {
    for (const name of readdirSync(repoRoot)) {
      if (!NOT_SOURCE.test(name)) cpSync(join(repoRoot, name), join(dir, name), { recursive: true });
    }
  }
  linkNodeModules(repoRoot, dir);
}

/** Tracked and untracked-but-not-ignored files, relative to the root; undefined outside a git checkout. */
function sourceFiles(repoRoot: string): string[] | undefined {
  try {
    const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    return listed.split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
}

/** Empties the build caches, so each measured build starts cold, as on a fresh CI checkout. */
export function clearCaches(dir: string) {
  rmSync(join(dir, '.astro'), { recursive: true, force: true });
  rmSync(join(dir, 'node_modules', '.astro'), { recursive: true, force: true });
  rmSync(join(dir, 'node_modules', '.vite'), { recursive: true, force: true });
}

/**
 * A real node_modules folder holding one symlink per package. A single symlink
 * to the repository's node_modules would put the default cache folder
 * (node_modules/.astro) inside the repository again.
 */
function linkNodeModules(repoRoot: string, dir: string) {
  const from = join(repoRoot, 'node_modules');
  const to = join(dir, 'node_modules');
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    // Caches stay behind; .bin and the packages are shared.
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(join(from, name), join(to, name));
  }
}

export interface BareOptions {
  /** Pages to build. */
  pages: number;
  /** Aim for pages of about this many bytes, to write as much HTML as the site does. */
  bytesPerPage: number;
}

/** The filler sentence; in UTF-8 each Chinese character takes three bytes. */
const SENTENCE = '街道党工委以党建引领基层治理，把党组织建在小区、楼栋和商圈，让党员在家门口亮身份、作表率。';
/** Bytes of a bare page without its filler text, measured from a built page. */
const BARE_OVERHEAD = 900;

/**
 * Writes the bare site: one dynamic route, /[section]/[id]/, whose
 * getStaticPaths returns `pages` entries, each rendered through a small
 * layout with a title, a list and paragraphs of Chinese text sized so that the
 * average page weighs about what the site's pages weigh. No integrations, no
 * content collections, no Markdown: the least Astro must do to write that many pages.
 */
export function writeBareProject(repoRoot: string, dir: string, options: BareOptions) {
  mkdirSync(join(dir, 'src', 'pages', '[section]'), { recursive: true });
  // Each paragraph of three sentences adds a <p data-astro-cid-…> pair of about 33 bytes.
  const sentenceBytes = Buffer.byteLength(SENTENCE) + 11;
  const sentences = Math.max(1, Math.round((options.bytesPerPage - BARE_OVERHEAD) / sentenceBytes));
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'bare-bench', private: true, type: 'module' })}\n`,
  );
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    [
      "import { defineConfig } from 'astro/config';",
      '',
      'export default defineConfig({',
      "  outDir: process.env.OUT_DIR ?? 'dist',",
      "  trailingSlash: 'always',",
      "  build: { format: 'directory' },",
      '  devToolbar: { enabled: false },',
      '});',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'src', 'data.mjs'),
    [
      `const PAGES = ${options.pages};`,
      `const SENTENCES = ${sentences};`,
      `const SENTENCE = ${JSON.stringify(SENTENCE)};`,
      '',
      '/** One page per entry, in three sections like the site (brands, sites, streets). */',
      'export function paths() {',
      '  return Array.from({ length: PAGES }, (_, index) => {',
      "    const section = index % 3 === 0 ? 'brands' : index % 3 === 1 ? 'sites' : 'streets';",
      '    const paragraphs = [];',
      '    for (let done = 0; done < SENTENCES; done += 3) paragraphs.push(SENTENCE.repeat(Math.min(3, SENTENCES - done)));',
      '    return {',
      "      params: { section, id: 'page-' + index },",
      "      props: { title: '示例页面 ' + index, section, paragraphs, tags: ['标签' + (index % 7), '类别' + (index % 4)] },",
      '    };',
      '  });',
      '}',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'src', 'pages', '[section]', '[id].astro'),
    [
      '---',
      "import { paths } from '../../data.mjs';",
      '',
      'export const getStaticPaths = () => paths();',
      'const { title, section, paragraphs, tags } = Astro.props;',
      '---',
      '',
      '<!doctype html>',
      '<html lang="zh-CN">',
      '  <head>',
      '    <meta charset="utf-8" />',
      '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
      '    <title>{title} - 基准</title>',
      '    <meta name="description" content={title + \'的说明\'} />',
      '  </head>',
      '  <body>',
      "    <header><nav><a href=\"/\">首页</a> <a href={'/' + section + '/'}>{section}</a></nav></header>",
      '    <main>',
      '      <h1>{title}</h1>',
      '      <ul class="meta">{tags.map((tag) => <li>{tag}</li>)}</ul>',
      '      {paragraphs.map((text) => <p>{text}</p>)}',
      '    </main>',
      '    <footer><p>基准测试页面</p></footer>',
      '  </body>',
      '</html>',
      '',
      '<style>',
      '  main { max-width: 60rem; margin: 0 auto; }',
      '  .meta { display: flex; gap: 1rem; }',
      '</style>',
      '',
    ].join('\n'),
  );
  linkNodeModules(repoRoot, dir);
}
