/**
 * npm run bench:search [-- --brands 3334,10000] [--keep] [--docs | --no-docs] [--out DIR]
 *
 * Builds the synthetic site of the build benchmark (N brands, 2N sites, the 18
 * streets; scripts/bench/synthetic-content.ts) with its search index, serves it
 * over a local server that gzips text like a CDN (Pagefind's index chunks are
 * already compressed and go out as they are), and measures in headless
 * Chromium:
 *
 * - bytes on the wire for the first query: the search page, Pagefind's library
 *   (script, worker, wasm), its entry and filter files, the index chunks the
 *   query needs and the fragments of the first page of results;
 * - time from pressing Enter to the first results on screen, on a search page
 *   that has loaded (the usual case), and from opening a shared address
 *   /search/?q=… to its first results (cold: nothing cached);
 * - the index on disk.
 *
 * With the default size (or --docs) it writes the figures into the "## Search"
 * section of docs/benchmarks.md, between its own markers. --out DIR measures an
 * existing build instead of building one.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser, PHONE } from '../tests/support/browser.ts';
import { type Gzip, serveStatic } from '../tests/support/static-server.ts';
import { runBuild, tail, waitForQuiet, workFolder } from './bench/measure.ts';
import { clearCaches, copyProject } from './bench/projects.ts';
import { writeSyntheticContent } from './bench/synthetic-content.ts';
import { fail, parseCommand, requireBuild, runMain, usageError } from './lib/cli.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = join(REPO, 'docs', 'benchmarks.md');
const DEFAULT_BRANDS = 10_000;
const GOAL = { bytes: 200 * 1024, ms: 300 };
const MARK_START = '<!-- bench-search:start (written by npm run bench:search; edit outside this block) -->';
const MARK_END = '<!-- bench-search:end -->';
/**
 * Queries a visitor would type on the synthetic site: a topic from the tags,
 * part of a brand name, a street (a filter, no text), a street with a topic.
 */
const QUERIES = ['加装电梯', '红棉驿站', '江海街道', '滨江 垃圾分类'];

const USAGE = `用法：npm run bench:search [-- --brands 3334,10000] [--keep] [--docs | --no-docs] [--out <构建文件夹>]
搜索基准：构建合成网站（N 个品牌、2N 个阵地、18 个街道）及其搜索索引，用无头 Chromium 测量第一次搜索传输的字节数和出结果的时间。
  --brands 10000      品牌数，逗号分隔（默认 10000）
  --out <文件夹>      测量已有的构建（含 pagefind/ 索引），不重新构建
  --keep              保留临时文件夹
  --docs / --no-docs  是否写入 docs/benchmarks.md 的“## Search”一节（默认尺寸时写入）
需要 Chromium（CHROMIUM_PATH，默认 /usr/bin/chromium）。`;

const { values } = parseCommand({
  usage: USAGE,
  options: {
    brands: { type: 'string' },
    keep: { type: 'boolean', default: false },
    docs: { type: 'boolean' },
    out: { type: 'string' },
  },
  allowNegative: true,
});
const sizes = values.brands ? values.brands.split(',').map((size) => Number(size.trim())) : [DEFAULT_BRANDS];
if (sizes.some((size) => !Number.isInteger(size) || size < 1) || (values.out && sizes.length > 1)) {
  usageError(
    USAGE,
    `--brands 应为用逗号分隔的品牌数（正整数；与 --out 一起时只能写一个），例如 --brands 1000（现在是“${values.brands}”）`,
  );
}
if (values.out) {
  requireBuild(values.out);
  if (!existsSync(join(values.out, 'pagefind'))) {
    fail(`${values.out} 里没有搜索索引 pagefind/：它不是本站完整的构建结果，先运行 npm run build。`);
  }
}
const writeDocs = values.docs ?? (sizes.join() === String(DEFAULT_BRANDS) && !values.out);

const { dir: work, finish } = workFolder('haizhu-bench-search-', values.keep);

interface BuildFigures {
  pages: number;
  ms: number;
  peakRssBytes: number;
  /** The Pagefind step alone, from the integration's log line. */
  indexMs?: number;
  indexed?: number;
}

interface Transfer {
  path: string;
  bytes: number;
  /** Wall-clock time the response was sent (same clock as the browser's, on this machine). */
  at: number;
}

interface QueryFigures {
  query: string;
  results: number;
  /** What a fresh visit transferred until the first results showed, by kind. */
  bytes: Record<Kind, number>;
  /** What opening the filter panel then transferred (the filter index, for the chips' counts). */
  after: Record<Kind, number>;
  /** Enter to first results, on a loaded search page. */
  enterMs: number;
  /** Opening /search/?q=… (nothing cached) to first results. */
  coldMs: number;
  /** Enter to first results for the same query again, index chunks cached (median of 5). */
  warmMs: number;
}

type Kind = 'page' | 'library' | 'meta' | 'filters' | 'index' | 'fragments' | 'vocabulary';
const KINDS: Kind[] = ['page', 'library', 'meta', 'filters', 'index', 'fragments', 'vocabulary'];
/** The first query's own bytes: everything until its results show, but the page itself. */
const FIRST: Kind[] = ['library', 'meta', 'filters', 'index', 'fragments', 'vocabulary'];
const sum = (bytes: Record<Kind, number>, kinds: Kind[]) => kinds.reduce((total, kind) => total + bytes[kind], 0);

function kindOf(path: string): Kind {
  if (path.startsWith('/pagefind/fragment/')) return 'fragments';
  if (path.startsWith('/pagefind/index/')) return 'index';
  if (path.startsWith('/pagefind/filter/')) return 'filters';
  if (path.endsWith('.pf_meta')) return 'meta';
  if (path.startsWith('/pagefind/')) return 'library';
  if (path === '/search-vocabulary.json') return 'vocabulary';
  return 'page';
}

async function buildSynthetic(outDir: string, brands: number): Promise<BuildFigures> {
  const root = join(work, 'site');
  if (!existsSync(root)) copyProject(REPO, root);
  clearCaches(root);
  const contentDir = join(work, 'content');
  const content = writeSyntheticContent(contentDir, { brands, sourceDir: join(REPO, 'content') });
  console.log(`Wrote ${content.files} synthetic content files (${brands} brands, ${content.sites} sites); building…`);
  await waitForQuiet();
  const result = await runBuild({ root, env: { CONTENT_DIR: contentDir, OUT_DIR: outDir } });
  if (!result.ok) throw new Error(`The build failed (exit ${result.exitCode}):\n${tail(result)}`);
  const line = result.lines.find((entry) => /Indexed (\d+) of (\d+) pages for search in ([\d.]+) s/.test(entry.text));
  const match = line && /Indexed (\d+) of (\d+) pages for search in ([\d.]+) s/.exec(line.text);
  const figures: BuildFigures = {
    pages: match ? Number(match[2]) : 0,
    ms: result.ms,
    peakRssBytes: result.peakRssBytes,
    indexed: match ? Number(match[1]) : undefined,
    indexMs: match ? Number(match[3]) * 1000 : undefined,
  };
  rmSync(contentDir, { recursive: true, force: true });
  console.log(
    `Built ${figures.pages} pages in ${(result.ms / 1000).toFixed(1)} s (search index ${((figures.indexMs ?? 0) / 1000).toFixed(1)} s), peak ${gb(result.peakRssBytes)}.`,
  );
  return figures;
}

function indexOnDisk(dir: string) {
  let bytes = 0;
  let files = 0;
  let fragments = 0;
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        bytes += statSync(path).size;
        files++;
        if (entry.name.endsWith('.pf_fragment')) fragments++;
      }
    }
  };
  if (!existsSync(dir)) throw new Error(`No search index in ${dir}: did the build run Pagefind?`);
  walk(dir);
  return { bytes, files, fragments };
}

/** Gzip 6 for text, as a CDN does (and as every run of this benchmark has measured); Pagefind's chunks go out as they are. */
const GZIP: Gzip = { level: 6, extensions: ['.html', '.css', '.js', '.json', '.svg', '.xml'] };

/** Serves the build, counting every byte it sends per path: bodies, and roughly what a CDN's headers add. */
async function serveCounting(root: string) {
  const sent: Transfer[] = [];
  const server = await serveStatic(root, undefined, {
    gzip: GZIP,
    onResponse: ({ path, status, headers, bytes }) => {
      if (status !== 200) return;
      const headerBytes =
        200 + Object.entries(headers).reduce((total, [key, value]) => total + key.length + value.length + 4, 0);
      sent.push({ path, bytes: bytes + headerBytes, at: Date.now() });
    },
  });
  return { ...server, sent };
}

/** Waits for the search page to finish the search for `query`, after search number `after`. */
async function finished(page: Page, query: string, after: number) {
  await page.waitForFunction(
    ([q, previous]) => {
      const app = document.querySelector<HTMLElement>('#search-app');
      return app?.dataset.searchQuery === q && Number(app.dataset.searchDone) > Number(previous);
    },
    [query, after] as const,
    { timeout: 60_000 },
  );
}

const doneCount = async (page: Page) =>
  Number((await page.locator('#search-app').getAttribute('data-search-done')) ?? 0);

/** Times, in the page, from the Enter key to the first result in the list. */
async function enterToResults(page: Page, query: string): Promise<{ ms: number; resultsAt: number }> {
  await page.fill('#search-q', query);
  await page.evaluate(() => {
    const timing = { enter: 0, results: 0 };
    (window as unknown as { timing: typeof timing }).timing = timing;
    const input = document.querySelector('#search-q') as HTMLInputElement;
    const list = document.querySelector('#search-results') as HTMLElement;
    list.replaceChildren();
    input.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Enter') timing.enter = performance.now();
      },
      { capture: true, once: true },
    );
    new MutationObserver((_, observer) => {
      if (list.children.length && timing.enter) {
        timing.results = performance.now();
        observer.disconnect();
      }
    }).observe(list, { childList: true });
  });
  const before = await doneCount(page);
  await page.press('#search-q', 'Enter');
  await finished(page, query, before);
  const timing = await page.evaluate(
    () => (window as unknown as { timing: { enter: number; results: number } }).timing,
  );
  if (!timing.results) throw new Error(`No results for ${query}`);
  const origin = await page.evaluate(() => performance.timeOrigin);
  return { ms: timing.results - timing.enter, resultsAt: origin + timing.results };
}

/** Records, from the start of a page load, when the result list first gets an entry. */
function firstResultsScript() {
  const record = () => {
    const list = document.querySelector('#search-results');
    if (!list) return;
    new MutationObserver((_, observer) => {
      if (list.children.length) {
        (window as unknown as { firstResults: number }).firstResults = performance.now();
        observer.disconnect();
      }
    }).observe(list, { childList: true });
  };
  document.addEventListener('DOMContentLoaded', record);
}

async function measureQueries(outDir: string): Promise<QueryFigures[]> {
  const server = await serveCounting(outDir);
  const browser = await launchBrowser();
  const figures: QueryFigures[] = [];
  try {
    for (const query of QUERIES) {
      // A fresh visit: open the search page, then type the query and press Enter.
      server.sent.length = 0;
      const context = await browser.newContext(PHONE);
      const page = await context.newPage();
      await page.goto(`${server.url}/search/`);
      await page.locator('#search-app[data-search-done]').waitFor({ state: 'attached', timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      const first = await enterToResults(page, query);
      await page.waitForLoadState('networkidle');
      // Then the filter panel, whose counts need the filter index.
      await page.locator('#search-filters summary').click();
      await page.locator('#search-filters button[data-key]').first().waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      const total = Number(/找到 (\d+) 条/.exec((await page.locator('#search-status').textContent()) ?? '')?.[1] ?? 0);
      const bytes = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<Kind, number>;
      const after = { ...bytes };
      // Pictures of results are lazy and not part of the search.
      const transfers = server.sent.filter((entry) => !/\.(svg|png|jpe?g|webp|avif)$/.test(entry.path));
      for (const entry of transfers) (entry.at <= first.resultsAt ? bytes : after)[kindOf(entry.path)] += entry.bytes;
      const warm: number[] = [];
      for (let run = 0; run < 5; run++) warm.push((await enterToResults(page, query)).ms);
      await context.close();

      // A shared address opened cold: from the start of navigation to the first results.
      const cold = await browser.newContext(PHONE);
      await cold.addInitScript(firstResultsScript);
      const coldPage = await cold.newPage();
      await coldPage.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
      await coldPage.waitForFunction(() => (window as unknown as { firstResults?: number }).firstResults, null, {
        timeout: 60_000,
      });
      const coldMs = await coldPage.evaluate(() => (window as unknown as { firstResults: number }).firstResults);
      await cold.close();

      figures.push({ query, results: total, bytes, after, enterMs: first.ms, coldMs, warmMs: median(warm) });
      console.log(
        `${query}: ${total} results; first query ${kb(sum(bytes, FIRST))} (+ page ${kb(bytes.page)}, + ${kb(sum(after, KINDS))} on opening the filters), Enter → results ${ms(first.ms)}, cold ${ms(coldMs)}, again ${ms(median(warm))}`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}

function median(list: number[]) {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
function kb(bytes: number) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
function gb(bytes: number) {
  return `${(bytes / 2 ** 30).toFixed(2)} GB`;
}
function ms(value: number) {
  return `${Math.round(value)} ms`;
}
function met(ok: boolean) {
  return ok ? 'met' : '**not met**';
}

interface SizeFigures {
  brands: number;
  build: BuildFigures | undefined;
  disk: ReturnType<typeof indexOnDisk>;
  queries: QueryFigures[];
}

function renderReport(results: SizeFigures[]) {
  const date = new Date().toISOString().slice(0, 10);
  const command = `npm run bench:search${sizes.join() === String(DEFAULT_BRANDS) ? '' : ` -- --brands ${sizes.join(',')}`}`;
  const lines = [
    `Measured on ${date} with \`${command}\`: the synthetic site of the build benchmark (N brands, 2N sites, the 18 streets), served by a local server that gzips text like a CDN, in headless Chromium (phone viewport). Machine: ${availableParallelism()} CPU cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GB memory, shared with other work while measured (times are upper bounds).`,
    '',
    '- “First query” is a fresh visit: open /search/, type the query, press Enter; its bytes are everything sent until the first results are on screen, counted at the server on the wire (gzip where a CDN would, headers included): Pagefind’s library (script, worker, wasm, entry file), the index metadata (the page list), filter chunks a recognised street needs, the word-index chunks of the query, the fragments of the first 10 results, and the list of street and community names. The page itself (HTML, CSS, the search script) is listed apart, and so is what opening the filter panel afterwards fetches (the filter index, for the chips’ counts). Result pictures (lazy) are not counted.',
    '- “Enter → results”: from the Enter key to the first result in the list, timed in the page, on a search page that had loaded (library ready, index chunks not yet fetched). “Cold address”: opening a shared /search/?q=… with nothing cached, until its results are shown. “Again”: the same query once more, its chunks cached and the filter panel open (Pagefind then also counts every filter value over all results, which is what makes it slower on the large site), median of 5.',
  ];
  for (const result of results) lines.push('', ...renderSize(result));
  return lines.join('\n');
}

function renderSize({ brands, build, disk, queries }: SizeFigures): string[] {
  const lines = [`### ${brands.toLocaleString('en')} brands`, ''];
  if (build) {
    lines.push(
      `- Build: ${build.pages.toLocaleString('en')} pages, ${(build.indexed ?? 0).toLocaleString('en')} of them indexed (brand, site, street and call pages); whole build ${(build.ms / 1000).toFixed(1)} s, of which Pagefind ${((build.indexMs ?? 0) / 1000).toFixed(1)} s; peak memory ${gb(build.peakRssBytes)}.`,
    );
  }
  lines.push(
    `- Index on disk: ${kb(disk.bytes)} in ${disk.files.toLocaleString('en')} files (${disk.fragments.toLocaleString('en')} fragments, one per page; the rest is the library, word index and filters).`,
    '',
    '| Query | Results | Library | Index metadata | Filters | Word-index chunks | Fragments | Names | **First query** | Page | Opening the filters | Enter → results | Cold address | Again |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const query of queries) {
    const { bytes } = query;
    lines.push(
      `| ${query.query} | ${query.results.toLocaleString('en')} | ${kb(bytes.library)} | ${kb(bytes.meta)} | ${kb(bytes.filters)} | ${kb(bytes.index)} | ${kb(bytes.fragments)} | ${kb(bytes.vocabulary)} | **${kb(sum(bytes, FIRST))}** | ${kb(bytes.page)} | ${kb(sum(query.after, KINDS))} | ${ms(query.enterMs)} | ${ms(query.coldMs)} | ${ms(query.warmMs)} |`,
    );
  }
  const worstBytes = Math.max(...queries.map((query) => sum(query.bytes, FIRST)));
  const worstMs = Math.max(...queries.map((query) => query.enterMs));
  lines.push(
    '',
    `Against the goals: first query at most ${kb(worstBytes)} (goal < 200 KB: ${met(worstBytes < GOAL.bytes)}); Enter → first results at most ${ms(worstMs)} (goal < 300 ms: ${met(worstMs < GOAL.ms)}).`,
  );
  return lines;
}

/** Replaces the generated block of the Search section, adding the section at the end of the file if it is missing. */
function writeSection(report: string) {
  const block = `${MARK_START}\n\n${report}\n\n${MARK_END}`;
  const text = existsSync(DOCS) ? readFileSync(DOCS, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf(MARK_START);
  const end = text.indexOf(MARK_END);
  if (start !== -1 && end > start) {
    writeFileSync(DOCS, `${text.slice(0, start)}${block}${text.slice(end + MARK_END.length)}`);
    return;
  }
  const section = [
    '## Search',
    '',
    'How much a visitor downloads and waits for the first search on the synthetic site of 10,000 brands (30,000 pages),',
    'and how large the index is. Goals: under 200 KB on the wire for the first query, under 300 ms from',
    'typing to first results on this machine. Reproduce with `npm run bench:search` (builds the site: about ten',
    'minutes on this machine; `-- --brands 1000` for a quick run that prints only; `-- --out DIR` to measure an existing build).',
    '',
    block,
    '',
  ].join('\n');
  writeFileSync(DOCS, `${text.trimEnd()}\n\n${section}`);
}

// Last, so every constant above is initialised before the run starts.
await runMain('搜索基准', async () => {
  try {
    const results: SizeFigures[] = [];
    for (const brands of sizes) {
      const outDir = values.out ? resolve(values.out) : join(work, `out-${brands}`);
      const build = values.out ? undefined : await buildSynthetic(outDir, brands);
      const disk = indexOnDisk(join(outDir, 'pagefind'));
      console.log(`Index on disk: ${kb(disk.bytes)} in ${disk.files} files (${disk.fragments} fragments).`);
      const queries = await measureQueries(outDir);
      results.push({ brands, build, disk, queries });
      if (!values.out && !values.keep) rmSync(outDir, { recursive: true, force: true });
    }
    const report = renderReport(results);
    console.log(`\n${report}`);
    if (writeDocs) {
      writeSection(report);
      console.log(`\nWrote the Search section of ${relative(REPO, DOCS)}.`);
    } else console.log('\nNot writing docs/benchmarks.md for a non-default run (pass --docs to write it).');
    return 0;
  } finally {
    finish();
  }
});
