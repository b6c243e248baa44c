/**
 * npm run bench:map [-- --sites 50000] [--runs 3] [--dist <built site>] [--no-docs] [--keep]
 *
 * Measures the map page with a large synthetic data set in headless Chromium
 * (SwiftShader WebGL, as in the browser tests):
 * - bytes transferred for the map page's data (gzip, as a production host sends it),
 * - time from asking for the map (the button over the page's drawing) to its
 *   first `idle` (library, data, clustering, drawing),
 * - time to `idle` after zooming in two levels.
 * It builds the site (unless --dist names a build), generates N sites on the
 * 18 real streets, encodes them with the site's own map-data code, and serves
 * the built /map/ page with that data swapped in. In the same run it loads the
 * same page in its plain mode, with every public field as one clustered
 * GeoJSON file, so the two can be compared like for like. The figures go into
 * docs/benchmarks.md under "## Map" (only that section is touched).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import {
  buildMapData,
  decodeDetails,
  decodeMapData,
  type SiteDetail,
  toPlainGeoJSON,
} from '../src/lib/map/map-data.ts';
import { BRAND_CATEGORIES, type BrandCategory, SITE_TYPES, type SiteType } from '../src/schema/index.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { type Gzip, serveStatic } from '../tests/support/static-server.ts';
import { workFolder } from './bench/measure.ts';
import { readStreets, syntheticCatalog } from './bench-map/synthetic.ts';
import { fail, parseCommand, requireBuild, runMain, usageError } from './lib/cli.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = join(REPO, 'docs', 'benchmarks.md');
const HEADING = '## Map';
const MARK_START = '<!-- bench:map:start (written by npm run bench:map; edit outside this block) -->';
const MARK_END = '<!-- bench:map:end -->';
const GOAL = { bytes: 300 * 1024, firstIdleMs: 1500 };
const VIEWPORT = { width: 1280, height: 800 };
/** Compression as a production host does it, and as every run of this benchmark has measured: gzip 6 for text. */
const GZIP: Gzip = { level: 6, extensions: ['.html', '.css', '.js', '.mjs', '.json', '.geojson', '.svg', '.xml'] };

const USAGE = `用法：npm run bench:map [-- --sites 50000] [--runs 3] [--dist <构建文件夹>] [--no-docs] [--keep]
地图基准：在 18 个街道上生成大量合成阵地，用无头 Chromium 测量地图页的数据量、首次就绪和缩放的时间，并与普通 GeoJSON 对比。
  --sites 50000       合成阵地数（默认 50000）
  --runs 3            每种方式测量的次数，取中位数（默认 3）
  --dist <文件夹>     测量已有的构建（npm run build 的结果），不重新构建
  --no-docs           不写入 docs/benchmarks.md 的“## Map”一节
  --keep              保留临时文件夹
需要 Chromium（CHROMIUM_PATH，默认 /usr/bin/chromium）。`;

const { values: args } = parseCommand({
  usage: USAGE,
  options: {
    sites: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '3' },
    dist: { type: 'string' },
    'no-docs': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const SITES = Number(args.sites);
const RUNS = Number(args.runs);
if (!Number.isInteger(SITES) || SITES < 1) usageError(USAGE, `--sites 应为正整数（合成阵地数），现在是“${args.sites}”`);
if (!Number.isInteger(RUNS) || RUNS < 1) usageError(USAGE, `--runs 应为正整数（测量次数），现在是“${args.runs}”`);
if (args.dist) requireBuild(args.dist);
if (!existsSync(join(args.dist ?? REPO, args.dist ? 'map/index.html' : 'content/streets'))) {
  fail(
    args.dist
      ? `${args.dist} 里没有地图页 map/index.html：它不是本站的构建结果，先运行 npm run build。`
      : '找不到 content/streets/：合成阵地要放在真实的街道上，请在完整的仓库里运行。',
  );
}

interface Run {
  /** How busy the machine was (0–1) just before the run. */
  busyBefore: number;
  dataBytes: number;
  allBytes: number;
  firstIdleMs: number;
  zoomIdleMs: number;
  /** The page's own marks (map:activate, map:library, map:created, map:load), ms since navigation. */
  marks: Record<string, number>;
}

interface ModeResult {
  mode: 'compact' | 'plain';
  runs: Run[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function build(): { dist: string; cleanup: () => void } {
  if (args.dist) return { dist: resolve(args.dist), cleanup: () => {} };
  const { dir: dist, finish } = workFolder('bench-map-dist-', args.keep);
  console.log(`Building the site into ${dist} …`);
  const result = spawnSync('npx', ['astro', 'build', '--silent'], {
    cwd: REPO,
    env: { ...process.env, OUT_DIR: dist },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    console.error(`${result.stdout}\n${result.stderr}`.slice(-4000));
    throw new Error(`astro build failed (exit ${result.status})`);
  }
  return { dist, cleanup: finish };
}

/** The /map/ page switched to the plain GeoJSON baseline. */
function plainPage(html: string): string {
  return html.replace(/data-map-config="([^"]*)"/, (_, escaped: string) => {
    const config = JSON.parse(
      escaped
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    );
    const plain = { ...config, format: 'geojson', data: '/bench/plain.geojson' };
    return `data-map-config="${JSON.stringify(plain).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
  });
}

/** Share of the machine's CPU time spent busy over `ms` milliseconds (from /proc/stat). */
async function busyShare(ms = 1000): Promise<number> {
  const sample = () => {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { idle, total: fields.reduce((sum, value) => sum + value, 0) };
  };
  const before = sample();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = sample();
  const total = after.total - before.total;
  return total > 0 ? 1 - (after.idle - before.idle) / total : 0;
}

/** Waits (up to two minutes) until other work on the machine has calmed down, and says how busy it was. */
async function waitForQuiet(): Promise<number> {
  const deadline = Date.now() + 120_000;
  let busy = await busyShare();
  while (busy > 0.25 && Date.now() < deadline) busy = await busyShare(2000);
  return busy;
}

async function measure(
  browser: Browser,
  url: string,
  isData: (path: string) => boolean,
  log: { path: string; bytes: number }[],
): Promise<Run> {
  const busyBefore = await waitForQuiet();
  log.length = 0;
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('  page error:', error.message));
  await page.goto(url, { waitUntil: 'load' });
  // The page shows its drawing first; the map starts when asked for, as a visitor would.
  await page.locator('[data-map-activate]').click();
  const handle = await page.waitForFunction(
    () => {
      const [activate, idle] = ['map:activate', 'map:first-idle'].map(
        (name) => performance.getEntriesByName(name)[0]?.startTime,
      );
      return activate !== undefined && idle !== undefined ? idle - activate : undefined;
    },
    null,
    { timeout: 180_000, polling: 50 },
  );
  const firstIdleMs = (await handle.jsonValue()) as number;
  const marks = await page.evaluate(() =>
    Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((mark) => mark.name.startsWith('map:'))
        .map((mark) => [mark.name.slice(4), Math.round(mark.startTime)]),
    ),
  );
  const zoomIdleMs = await page.evaluate(
    () =>
      new Promise<number>((done) => {
        const map = (document.querySelector('[data-map]') as HTMLElement & { map: import('maplibre-gl').Map }).map;
        const start = performance.now();
        map.once('idle', () => done(performance.now() - start));
        map.jumpTo({ zoom: map.getZoom() + 2 });
      }),
  );
  await context.close();
  const dataBytes = log.filter((entry) => isData(entry.path)).reduce((sum, entry) => sum + entry.bytes, 0);
  const allBytes = log.reduce((sum, entry) => sum + entry.bytes, 0);
  return { busyBefore, dataBytes, allBytes, firstIdleMs, zoomIdleMs, marks };
}

async function main(): Promise<number> {
  const streets = readStreets(join(REPO, 'content'));
  console.log(`Generating ${SITES.toLocaleString('en')} sites on ${streets.length} streets …`);
  let started = performance.now();
  const catalog = syntheticCatalog(SITES, streets);
  const generateMs = performance.now() - started;
  started = performance.now();
  const files = buildMapData(catalog, {
    types: Object.keys(SITE_TYPES) as SiteType[],
    categories: Object.keys(BRAND_CATEGORIES) as BrandCategory[],
  });
  const encodeMs = performance.now() - started;
  const compact = JSON.stringify(files.data);
  const details = files.details.map((file) => JSON.stringify(file));
  const model = decodeMapData(files.data);
  const allDetails = new Map<number, SiteDetail>();
  for (const file of files.details)
    for (const [index, detail] of decodeDetails(file, model.categories)) allDetails.set(index, detail);
  const plain = JSON.stringify(toPlainGeoJSON(model, allDetails));
  const gz = (text: string) => gzipSync(text, { level: GZIP.level }).length;
  const sizes = {
    compactRaw: Buffer.byteLength(compact),
    compactGz: gz(compact),
    detailsFiles: details.length,
    detailsGzMean: details.length ? details.reduce((sum, text) => sum + gz(text), 0) / details.length : 0,
    plainRaw: Buffer.byteLength(plain),
    plainGz: gz(plain),
  };
  console.log(
    `  encoded in ${encodeMs.toFixed(0)} ms: compact ${mb(sizes.compactRaw)} raw / ${kb(sizes.compactGz)} gzip; ` +
      `${sizes.detailsFiles} details files of ~${kb(sizes.detailsGzMean)} gzip; plain GeoJSON ${mb(sizes.plainRaw)} / ${kb(sizes.plainGz)} gzip`,
  );

  const { dist, cleanup } = build();
  const mapHtml = readFileSync(join(dist, 'map', 'index.html'), 'utf8');
  const overrides = new Map<string, string | Buffer>([
    ['/map-data.json', compact],
    ['/bench/plain.geojson', plain],
    ['/bench/plain/', plainPage(mapHtml)],
    ['/bench/plain/index.html', plainPage(mapHtml)],
  ]);
  for (const [index, text] of details.entries()) overrides.set(`/map-data/${index}.json`, text);
  // Every response since the last reset: path and bytes sent (after compression).
  const log: { path: string; bytes: number }[] = [];
  const server = await serveStatic(dist, () => ({ 'cache-control': 'no-store' }), {
    gzip: GZIP,
    overrides,
    onResponse: ({ path, status, bytes }) => {
      if (status === 200) log.push({ path, bytes });
    },
  });
  const browser = await launchBrowser();
  const results: ModeResult[] = [
    { mode: 'compact', runs: [] },
    { mode: 'plain', runs: [] },
  ];
  try {
    // One unmeasured load warms the OS file cache and Chromium's start-up.
    await measure(browser, `${server.url}/map/`, () => false, log);
    for (let run = 1; run <= RUNS; run++) {
      for (const result of results) {
        const url = result.mode === 'compact' ? `${server.url}/map/` : `${server.url}/bench/plain/`;
        const isData =
          result.mode === 'compact'
            ? (path: string) => path.startsWith('/map-data')
            : (path: string) => path === '/bench/plain.geojson';
        const measured = await measure(browser, url, isData, log);
        result.runs.push(measured);
        console.log(
          `  run ${run} ${result.mode.padEnd(7)} (machine ${(measured.busyBefore * 100).toFixed(0)}% busy before) data ${kb(measured.dataBytes).padStart(8)}  first idle ${seconds(measured.firstIdleMs)}  zoom idle ${seconds(measured.zoomIdleMs)}  (${Object.entries(
            measured.marks,
          )
            .map(([name, ms]) => `${name} ${ms}`)
            .join(', ')})`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.close();
    cleanup();
  }

  const summary = results.map((result) => ({
    mode: result.mode,
    dataBytes: median(result.runs.map((run) => run.dataBytes)),
    allBytes: median(result.runs.map((run) => run.allBytes)),
    firstIdleMs: median(result.runs.map((run) => run.firstIdleMs)),
    firstIdleRange: [
      Math.min(...result.runs.map((run) => run.firstIdleMs)),
      Math.max(...result.runs.map((run) => run.firstIdleMs)),
    ],
    zoomIdleMs: median(result.runs.map((run) => run.zoomIdleMs)),
  }));
  const compactResult = summary[0] as (typeof summary)[number];
  const meets = {
    bytes: compactResult.dataBytes < GOAL.bytes,
    time: compactResult.firstIdleMs < GOAL.firstIdleMs,
  };
  const version = (name: string) =>
    (JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  const chromiumVersion = spawnSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
    encoding: 'utf8',
  }).stdout.trim();

  const label = { compact: 'compact data (this site)', plain: 'plain GeoJSON, all public fields' };
  const lines = [
    MARK_START,
    '',
    `Measured on ${new Date().toISOString().slice(0, 10)}: ${SITES.toLocaleString('en')} synthetic sites on the 18 streets ` +
      `(${catalog.brands.length.toLocaleString('en')} brands, one belt), median of ${RUNS} runs each, ` +
      `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, ` +
      `${chromiumVersion} headless with SwiftShader WebGL, viewport ${VIEWPORT.width}×${VIEWPORT.height}, ` +
      `MapLibre GL JS ${version('maplibre-gl')}, files served from 127.0.0.1 with gzip level 6. ` +
      'The page first shows its drawing (made at build time); the clock starts when the benchmark presses the button that opens the zoomable map.',
    '',
    '| mode | map data transferred | asked for → first idle (median, range) | idle after zoom +2 | all bytes of the page load |',
    '|---|---:|---:|---:|---:|',
    ...summary.map(
      (row) =>
        `| ${label[row.mode]} | ${kb(row.dataBytes)} | ${seconds(row.firstIdleMs)} (${seconds(row.firstIdleRange[0] as number)}–${seconds(row.firstIdleRange[1] as number)}) | ${seconds(row.zoomIdleMs)} | ${kb(row.allBytes)} |`,
    ),
    '',
    `Goal: under ${kb(GOAL.bytes)} of data and under ${seconds(GOAL.firstIdleMs)} to first idle. ` +
      `Data: ${meets.bytes ? 'met' : 'not met'}; first idle: ${meets.time ? 'met' : 'not met'}.`,
    '',
    `- Compact file: ${mb(sizes.compactRaw)} raw, ${kb(sizes.compactGz)} gzip (positions, types, streets, categories, belt stops). ` +
      `Names, addresses and brands are in ${sizes.detailsFiles} details files of about ${kb(sizes.detailsGzMean)} gzip each; ` +
      'a popup loads one of them, the first view none.',
    `- Plain GeoJSON with the same public fields: ${mb(sizes.plainRaw)} raw, ${kb(sizes.plainGz)} gzip.`,
    `- "All bytes" includes MapLibre (about 300 KB gzip for the library, 150 KB for its worker) and the page itself.`,
    `- Before each run the benchmark waited for the machine to calm down (other processes share these ${cpus().length} cores); ` +
      `it was ${Math.round(Math.max(...results.flatMap((result) => result.runs.map((run) => run.busyBefore))) * 100)}% busy at most just before a run.`,
    `- Generating the data: ${generateMs.toFixed(0)} ms for the synthetic catalog, ${encodeMs.toFixed(0)} ms to encode it.`,
    '',
    MARK_END,
  ];
  const block = lines.join('\n');
  console.log(`\n${block}\n`);
  if (!args['no-docs']) writeDocs(block);
  if (!meets.bytes || !meets.time) console.log('Note: a goal was not met on this run (see above).');
  return 0;
}

/** Replaces the generated block under "## Map", or adds the section at the end; the rest of the file is left alone. */
function writeDocs(block: string) {
  const text = existsSync(DOCS) ? readFileSync(DOCS, 'utf8') : '# Benchmarks\n';
  let next: string;
  const start = text.indexOf(MARK_START);
  const end = text.indexOf(MARK_END);
  if (start >= 0 && end > start) {
    next = `${text.slice(0, start)}${block}${text.slice(end + MARK_END.length)}`;
  } else if (text.includes(`\n${HEADING}\n`)) {
    const at = text.indexOf(`\n${HEADING}\n`) + HEADING.length + 2;
    next = `${text.slice(0, at)}\n${block}\n${text.slice(at)}`;
  } else {
    next = `${text.trimEnd()}\n\n${HEADING}\n\n${block}\n`;
  }
  writeFileSync(DOCS, next);
  console.log(`Wrote the figures into ${DOCS} (section ${HEADING}).`);
}

await runMain('地图基准', main);
