/**
 * npm run bench [-- --sizes 1000,10000] [--runs 1] [--keep] [--docs | --no-docs]   (--help: usage)
 *
 * Builds the site from synthetic content of each size (N brands, 2N sites, the
 * 18 streets) and, in the same run, a bare Astro site with as many pages, then
 * prints build time, pages per second and peak memory of both, and the ratios
 * the issue sets goals for (site ≤ 2× bare, time growing about linearly,
 * memory under 3 GB). With the default sizes (or --docs) it writes the
 * figures into docs/benchmarks.md, keeping any text outside the generated block.
 *
 * Every measured build is cold: its own fresh .astro and node_modules/.astro,
 * as on a fresh CI checkout. One small unmeasured warm-up build of each
 * project first loads Node, Astro and their packages into the OS file cache, so
 * the first measured build does not pay for the disk alone. With --runs N each
 * build is repeated N times (site and bare alternating) and the fastest run is
 * reported, with the highest peak memory of all runs: on a shared machine the
 * fastest run is the one least disturbed by others.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as ContentFiles from '../src/lib/content-files.ts';
import {
  ASTRO_VERSION,
  type BuildResult,
  countPages,
  runBuild,
  tail,
  waitForQuiet,
  workFolder,
} from './bench/measure.ts';
import { clearCaches, copyProject, writeBareProject } from './bench/projects.ts';
import { type SyntheticSummary, writeSyntheticContent } from './bench/synthetic-content.ts';
import { parseCommand, runMain, usageError } from './lib/cli.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = join(REPO, 'docs', 'benchmarks.md');
const DEFAULT_SIZES = [1000, 10000];
/** The issue's goals. */
const GOAL = { ratio: 2, memoryBytes: 3 * 2 ** 30 };
const MARK_START = '<!-- bench:start (written by npm run bench; edit outside this block) -->';
const MARK_END = '<!-- bench:end -->';

/** One build, measured. */
interface Measured {
  kind: 'site' | 'bare';
  brands: number;
  pages: number;
  /** Mean size of a built page, in bytes. */
  pageBytes: number;
  ms: number;
  peakRssBytes: number;
  /** When the peak was seen, ms since the build started. */
  peakAtMs: number;
  /** The peak split by process name. */
  peakByProcess: Record<string, number>;
  /** The phase the build was in at its peak (of the run the peak came from). */
  peakPhase: string;
  /** CPU time of the build's processes. */
  cpuMs: number;
  /** CPU time other processes took meanwhile (a disturbance, not part of the build). */
  otherCpuMs: number;
  phases: Phase[];
}

/** A stretch of a build between two log lines, e.g. content sync or page generation; absent from the bare build. */
interface Phase {
  name: string;
  ms: number | undefined;
}

/** One size: both builds and the validator timed alone. */
interface SizeResult {
  brands: number;
  content: SyntheticSummary;
  site: Measured;
  bare: Measured;
  /** The content validator run in-process on the same folder (it also runs inside the site build). */
  validatorMs: number;
}

const USAGE = `用法：npm run bench [-- --sizes 1000,10000] [--runs 1] [--keep] [--docs | --no-docs]
构建基准：用合成内容（N 个品牌、2N 个阵地、18 个街道）构建本站，并在同一次运行中构建同样页数的空白 Astro 网站，比较时间和内存。
  --sizes 200,1000   品牌数，逗号分隔（默认 1000,10000）
  --runs 3           每次构建重复的次数，取最快的一次（默认 1）
  --keep             保留临时文件夹
  --docs / --no-docs 是否写入 docs/benchmarks.md（默认尺寸时写入，其他尺寸不写）
需要几分钟；结果见 docs/benchmarks.md。`;

const { values } = parseCommand({
  usage: USAGE,
  options: {
    sizes: { type: 'string' },
    runs: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    docs: { type: 'boolean' },
  },
  allowNegative: true,
});
const sizes = values.sizes ? values.sizes.split(',').map((size) => Number(size.trim())) : DEFAULT_SIZES;
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  usageError(USAGE, `--sizes 应为用逗号分隔的品牌数（正整数），例如 --sizes 200,1000（现在是“${values.sizes}”）`);
}
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  usageError(USAGE, `--runs 应为每次构建重复的次数（正整数），例如 --runs 3（现在是“${values.runs}”）`);
}
// Quick runs with other sizes must not overwrite the recorded figures unless asked to.
const writeDocs = values.docs ?? sizes.join() === DEFAULT_SIZES.join();

const { dir: work, finish } = workFolder('haizhu-bench-', values.keep);

await runMain('构建基准', async () => {
  try {
    const results = await bench();
    const report = renderReport(results);
    console.log(`\n${report}`);
    if (writeDocs) {
      writeReport(report);
      console.log(`\nWrote ${DOCS.slice(REPO.length + 1)}.`);
    } else console.log('\nNot writing docs/benchmarks.md for non-default sizes (pass --docs to write it).');
    return 0;
  } finally {
    finish();
  }
});

async function bench(): Promise<SizeResult[]> {
  console.log(
    `Benchmark in ${work}: sizes ${sizes.join(', ')} brands; Astro ${ASTRO_VERSION}, Node ${process.version}.`,
  );
  const siteRoot = join(work, 'site');
  copyProject(REPO, siteRoot);

  console.log('Warm-up (not measured): 20 brands, and a bare site of 60 pages…');
  const warmContent = join(work, 'content-warmup');
  writeSyntheticContent(warmContent, { brands: 20, sourceDir: join(REPO, 'content') });
  await buildSite(siteRoot, warmContent, 20);
  await buildBare(60, 5000, 20);
  rmSync(warmContent, { recursive: true, force: true });

  const results: SizeResult[] = [];
  for (const brands of sizes) {
    const contentDir = join(work, `content-${brands}`);
    const content = writeSyntheticContent(contentDir, { brands, sourceDir: join(REPO, 'content') });
    console.log(`\n${brands} brands: wrote ${content.files} content files.`);
    let site: Measured | undefined;
    let bare: Measured | undefined;
    for (let run = 1; run <= runs; run++) {
      const label = runs > 1 ? ` (run ${run} of ${runs})` : '';
      console.log(`  building the site${label}…`);
      const siteRun = await buildSite(siteRoot, contentDir, brands);
      console.log(`  site: ${describe(siteRun)}`);
      site = fastest(site, siteRun);
      // The bare site gets as many pages as the site built (detail, list, filter and poster pages alike),
      // at the site's mean page size.
      const barePages = siteRun.pages;
      console.log(`  building a bare Astro site of ${barePages} pages${label}…`);
      const bareRun = await buildBare(barePages, site.pageBytes, brands);
      console.log(`  bare: ${describe(bareRun)}`);
      bare = fastest(bare, bareRun);
    }
    if (!site || !bare) throw new Error('no runs');

    const validatorMs = await timeValidator(siteRoot, contentDir);
    rmSync(contentDir, { recursive: true, force: true });
    results.push({ brands, content, site, bare, validatorMs });
  }
  return results;
}

/** The faster of two runs of one build, carrying the higher peak memory of the two. */
function fastest(best: Measured | undefined, run: Measured): Measured {
  if (!best) return run;
  const faster = run.ms < best.ms ? run : best;
  const hungrier = run.peakRssBytes > best.peakRssBytes ? run : best;
  return {
    ...faster,
    peakRssBytes: hungrier.peakRssBytes,
    peakAtMs: hungrier.peakAtMs,
    peakByProcess: hungrier.peakByProcess,
    peakPhase: hungrier.peakPhase,
  };
}

/** Builds the site snapshot from `contentDir`, cold, and measures it. */
async function buildSite(root: string, contentDir: string, brands: number): Promise<Measured> {
  clearCaches(root);
  const outDir = join(work, `out-site-${brands}`);
  await quiet();
  const result = await runBuild({ root, env: { CONTENT_DIR: contentDir, OUT_DIR: outDir } });
  return measured('site', brands, result, outDir, `site build with ${brands} brands`);
}

/** Writes and builds a fresh bare site, and measures it. */
async function buildBare(pages: number, bytesPerPage: number, brands: number): Promise<Measured> {
  const root = join(work, `bare-${brands}`);
  rmSync(root, { recursive: true, force: true });
  writeBareProject(REPO, root, { pages, bytesPerPage });
  const outDir = join(root, 'dist');
  await quiet();
  const result = await runBuild({ root, env: { OUT_DIR: outDir } });
  const bare = measured('bare', brands, result, outDir, `bare Astro build of ${pages} pages`);
  rmSync(root, { recursive: true, force: true });
  return bare;
}

/**
 * Waits for the machine to be quiet before a build: other people's builds and
 * tests share its two cores, and would otherwise be timed as ours.
 */
async function quiet() {
  const { waitedMs, busyCores } = await waitForQuiet();
  if (busyCores >= 0.2) {
    console.log(
      `  (other processes still use ${busyCores.toFixed(1)} cores after ${seconds(waitedMs)} s; building anyway)`,
    );
  } else if (waitedMs > 3000) console.log(`  (waited ${seconds(waitedMs)} s for other processes to finish)`);
}

/** Counts the pages of a finished build and frees its output; a failed build stops the benchmark. */
function measured(kind: Measured['kind'], brands: number, result: BuildResult, outDir: string, label: string) {
  if (!result.ok) {
    throw new Error(`The ${label} failed (exit code ${result.exitCode}). Last lines of its output:\n\n${tail(result)}`);
  }
  const { pages, bytes } = countPages(outDir);
  rmSync(outDir, { recursive: true, force: true });
  if (pages === 0) throw new Error(`The ${label} built no pages. Last lines of its output:\n\n${tail(result)}`);
  const buildPhases = phases(result);
  return {
    kind,
    brands,
    pages,
    pageBytes: Math.round(bytes / pages),
    ms: result.ms,
    peakRssBytes: result.peakRssBytes,
    peakAtMs: result.peakAtMs,
    peakByProcess: result.peakByProcess,
    peakPhase: phaseAt(buildPhases, result.peakAtMs),
    cpuMs: result.cpuMs,
    otherCpuMs: result.otherCpuMs,
    phases: buildPhases,
  } satisfies Measured;
}

/**
 * Splits a build into phases at the log lines Astro prints between them. The
 * times are when each line reached us, good to a few milliseconds.
 */
function phases(result: BuildResult): Phase[] {
  // Searched by position, not time: lines that arrived in one chunk share a time.
  const indexOf = (pattern: RegExp, from = 0) => {
    const index = result.lines.findIndex((line, position) => position >= from && pattern.test(line.text));
    return index === -1 ? undefined : index;
  };
  const at = (pattern: RegExp, from = 0) => {
    const index = indexOf(pattern, from);
    return index === undefined ? undefined : result.lines[index]?.ms;
  };
  const syncStart = at(/\[content\] Syncing content/);
  const syncEnd = at(/\[content\] Synced content/);
  const bundleStart = at(/Building static entrypoints/);
  const pagesIndex = indexOf(/generating static routes/);
  const pagesStart = pagesIndex === undefined ? undefined : result.lines[pagesIndex]?.ms;
  const pagesEnd = pagesIndex === undefined ? undefined : at(/✓ Completed in/, pagesIndex);
  const marks: [string, number | undefined][] = [
    // A bare build syncs no content: its start-up ends where it writes types.
    ['start-up, config and validation', syncStart ?? at(/\[types\] Generated/) ?? bundleStart],
    ['content sync (parse, Markdown)', syncEnd],
    ['types and Vite bundling', pagesStart],
    ['page generation', pagesEnd],
    // What runs once the pages are written: integrations' build:done hooks (sitemap, search index).
    ['after the pages (sitemap, search index)', result.ms],
  ];
  const list: Phase[] = [];
  let previous = 0;
  for (const [name, end] of marks) {
    list.push({ name, ms: end === undefined ? undefined : end - previous });
    if (end !== undefined) previous = end;
  }
  return list;
}

/** Times the content validator alone, in this process, to tell its share of the site build. */
async function timeValidator(siteRoot: string, contentDir: string): Promise<number> {
  // From the snapshot, like the build: the working tree may be mid-edit by now.
  const from = (path: string) => pathToFileURL(join(siteRoot, path)).href;
  const { validateContentDir } = (await import(from('src/lib/content-files.ts'))) as typeof ContentFiles;
  const started = performance.now();
  const { problems } = validateContentDir(contentDir);
  const ms = performance.now() - started;
  if (problems.length) throw new Error(`The synthetic content is invalid: ${problems[0]?.message}`);
  return ms;
}

function describe(build: Measured): string {
  return (
    `${build.pages} pages in ${seconds(build.ms)} s, ${perSecond(build)} pages/s, peak ${gigabytes(build.peakRssBytes)} GB, ` +
    `CPU ${seconds(build.cpuMs)} s (others meanwhile ${seconds(build.otherCpuMs)} s)`
  );
}

// Function declarations, not arrow constants: the top-level await above calls them before this point.
function seconds(ms: number) {
  return (ms / 1000).toFixed(1);
}
function perSecond(build: Measured) {
  return Math.round(build.pages / (build.ms / 1000));
}
function gigabytes(bytes: number) {
  return (bytes / 2 ** 30).toFixed(2);
}
function times(ratio: number) {
  return `${ratio.toFixed(2)}×`;
}
function yes(ok: boolean) {
  return ok ? 'met' : '**not met**';
}

/** The Markdown block written into docs/benchmarks.md and printed to the terminal. */
function renderReport(results: SizeResult[]): string {
  const lines: string[] = [];
  const date = new Date().toISOString().slice(0, 10);
  const memory = `${Math.round(totalmem() / 2 ** 30)} GB`;
  lines.push(
    `Measured on ${date} with \`npm run bench${command()}\`.`,
    '',
    `- Machine: ${availableParallelism()} CPU cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${memory} memory, ${process.platform}`,
    `- Node ${process.version}, Astro ${ASTRO_VERSION}`,
    `- Code: ${revision()}`,
    `- Builds: cold (fresh \`.astro\` and \`node_modules/.astro\` for each), one after another, after one unmeasured warm-up build of each project${runs > 1 ? `; the fastest of ${runs} runs of each, with the highest peak memory of the runs` : ''}.`,
    '- Memory: peak of the summed VmRSS of the build process and all its children, sampled every 100 ms.',
    '- CPU time: user + system time of the build’s processes (above the wall time means both cores were used). “Other processes’ CPU” is what the rest of the machine used during the build: each build waits for a quiet machine first, and a large figure there means the time is inflated by someone else’s work.',
    '',
    '| Brands | Build | Pages | Mean page | Time | Pages/s | Peak memory | CPU time | Other processes’ CPU |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const result of results) {
    for (const build of [result.site, result.bare]) {
      lines.push(
        `| ${result.brands.toLocaleString('en')} | ${build.kind === 'site' ? 'this site' : 'bare Astro'} | ${build.pages.toLocaleString('en')} | ${(build.pageBytes / 1024).toFixed(1)} KB | ${seconds(build.ms)} s | ${perSecond(build)} | ${gigabytes(build.peakRssBytes)} GB | ${seconds(build.cpuMs)} s | ${seconds(build.otherCpuMs)} s |`,
      );
    }
  }

  lines.push('', '### Against the goals', '');
  for (const result of results) {
    const ratio = result.site.ms / result.bare.ms;
    lines.push(
      `- ${result.brands.toLocaleString('en')} brands: site/bare time ${times(ratio)} (goal ≤ ${GOAL.ratio}×: ${yes(ratio <= GOAL.ratio)}), ` +
        `CPU time ${times(result.site.cpuMs / result.bare.cpuMs)}; ` +
        `per page ${times(result.site.ms / result.site.pages / (result.bare.ms / result.bare.pages))}; ` +
        `peak memory ${gigabytes(result.site.peakRssBytes)} GB (goal < 3 GB: ${yes(result.site.peakRssBytes < GOAL.memoryBytes)}).`,
    );
  }
  const smallest = results[0];
  const largest = results.at(-1);
  if (smallest && largest && largest !== smallest) {
    const growth = largest.brands / smallest.brands;
    const siteGrowth = largest.site.ms / smallest.site.ms;
    const bareGrowth = largest.bare.ms / smallest.bare.ms;
    lines.push(
      `- Growth from ${smallest.brands.toLocaleString('en')} to ${largest.brands.toLocaleString('en')} brands (${growth}× the content): ` +
        `site time ${times(siteGrowth)} (CPU time ${times(largest.site.cpuMs / smallest.site.cpuMs)}), bare time ${times(bareGrowth)} ` +
        `(goal: at most about ${growth}×: ${yes(siteGrowth <= growth * 1.1)}).`,
    );
  }

  const disturbed = results.some((result) =>
    [result.site, result.bare].some((build) => build.otherCpuMs > 0.25 * build.ms),
  );
  if (disturbed) {
    lines.push(
      '',
      '**Other work shared the machine during some builds** (last column of the table): their wall times are inflated ' +
        'and the time ratios are uncertain; the CPU-time ratios are the steadier comparison, memory is unaffected.',
    );
  }

  lines.push('', '### What holds the memory at the peak', '');
  for (const result of results) {
    for (const build of [result.site, result.bare]) {
      const parts = Object.entries(build.peakByProcess)
        .sort((a, b) => b[1] - a[1])
        .map(([name, bytes]) => `${name} ${gigabytes(bytes)} GB`)
        .join(', ');
      lines.push(
        `- ${result.brands.toLocaleString('en')} brands, ${build.kind === 'site' ? 'this site' : 'bare Astro'}: ` +
          `${gigabytes(build.peakRssBytes)} GB at ${seconds(build.peakAtMs)} s${runs > 1 ? ' of its hungriest run' : ''} (${build.peakPhase}): ${parts}.`,
      );
    }
  }

  lines.push('', '### Where the site build spends its time', '');
  lines.push(
    `| Brands | Build | ${results[0]?.site.phases.map((phase) => phase.name).join(' | ')} | validator alone |`,
    `| ---: | --- |${results[0]?.site.phases.map(() => ' ---: |').join('')} ---: |`,
  );
  const cell = (ms: number | undefined) => (ms === undefined ? '–' : `${seconds(ms)} s`);
  for (const result of results) {
    const brands = result.brands.toLocaleString('en');
    lines.push(
      `| ${brands} | this site | ${result.site.phases.map((phase) => cell(phase.ms)).join(' | ')} | ${seconds(result.validatorMs)} s |`,
      `| ${brands} | bare Astro | ${result.bare.phases.map((phase) => cell(phase.ms)).join(' | ')} | – |`,
    );
  }
  lines.push(
    '',
    'Phases are cut at the log lines Astro prints between them; “validator alone” is the same content check run by itself on the same folder (inside the build it is part of the first phase).',
  );
  return lines.join('\n');
}

/** The phase a build was in at `ms` since it started. */
function phaseAt(list: Phase[], ms: number): string {
  let end = 0;
  for (const phase of list) {
    if (phase.ms === undefined) continue;
    end += phase.ms;
    if (ms <= end) return phase.name;
  }
  return list.at(-1)?.name ?? 'unknown phase';
}

/** The options of this run, as typed after `npm run bench`. */
function command(): string {
  const options = [
    ...(sizes.join() === DEFAULT_SIZES.join() ? [] : [`--sizes ${sizes.join(',')}`]),
    ...(runs > 1 ? [`--runs ${runs}`] : []),
  ];
  return options.length ? ` -- ${options.join(' ')}` : '';
}

/** The commit measured, and whether the working tree had changes on top of it. */
function revision(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: REPO, encoding: 'utf8' }).trim() !== '';
    return `commit ${commit}${dirty ? ' plus uncommitted changes' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/** Replaces the generated block of docs/benchmarks.md, or writes the file with its fixed text around it. */
function writeReport(report: string) {
  const block = `${MARK_START}\n\n${report}\n\n${MARK_END}`;
  if (existsSync(DOCS)) {
    const text = readFileSync(DOCS, 'utf8');
    // Other benchmarks keep their own blocks in this file; only ours is replaced.
    const start = text.indexOf(MARK_START);
    const end = text.indexOf(MARK_END, start);
    if (start !== -1 && end > start) {
      writeFileSync(DOCS, `${text.slice(0, start)}${block}${text.slice(end + MARK_END.length)}`);
      return;
    }
  }
  mkdirSync(dirname(DOCS), { recursive: true });
  writeFileSync(
    DOCS,
    [
      '# Build benchmark',
      '',
      'How long the site takes to build, and how much memory, with 1,000 and 10,000 brands (each with 2 sites),',
      'beside a bare Astro site with the same number of pages built in the same run.',
      'Goals: within 2× of the bare-Astro floor at both sizes, time growing about linearly, peak memory under 3 GB.',
      '',
      '## Results',
      '',
      block,
      '',
      '## How to reproduce',
      '',
      '```sh',
      'npm run bench                        # 1,000 and 10,000 brands; writes this file (takes several minutes)',
      'npm run bench -- --runs 2            # each build twice, fastest reported: steadier on a shared machine',
      'npm run bench -- --sizes 200,1000    # quick run; prints only (add --docs to write this file)',
      'npm run bench -- --keep              # keep the temporary folders (content, projects) to inspect',
      '```',
      '',
      'What it does: writes synthetic content (the 18 real streets, N brands with a Markdown story and',
      '2N sites linked both ways, one belt, the first real campaign; no images) into a temporary folder,',
      'builds a snapshot of this site from it (`CONTENT_DIR`, `OUT_DIR`), then writes and builds a bare',
      'Astro site with one dynamic route and as many pages as the site built, of the same mean size.',
      'Both use this repository’s `node_modules` through symlinks, each with its own empty cache;',
      'the repository’s own `.astro` and `node_modules/.astro` are left alone. Only the generated block',
      'above is rewritten by the benchmark; text outside it is kept.',
      '',
    ].join('\n'),
  );
}
