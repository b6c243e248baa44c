/**
 * Every command in scripts/ answers bad input clearly: `--help` prints Chinese usage and exits 0,
 * an unknown option exits 2 with a one-line Chinese message and the usage, and missing inputs
 * say what to do first; never a stack trace, and nothing in the repository is written. The table
 * is keyed by file name and checked against readdirSync(scripts/), so a new script without a row
 * fails here. Only these cheap paths run: the real work of some scripts takes minutes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = resolve('.');
const work = mkdtempSync(join(tmpdir(), 'haizhu-cli-'));
/** A folder that does not exist. */
const NOWHERE = join(work, 'no-such-folder');
/** An empty folder, as a working directory with no project in it, or a build folder with no build. */
const EMPTY = mkdtempSync(join(work, 'empty-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** How a script meets its inputs missing, and what it must answer. */
interface Missing {
  args: string[];
  env?: Record<string, string>;
  /** Run in the empty folder instead of the repository. */
  inEmptyFolder?: boolean;
  code: number;
  says: RegExp;
}

/** Paths (relative to the repository) each script could write when it does its work. */
const OUTPUTS = {
  benchmarks: 'docs/benchmarks.md',
  headers: ['public/_headers', 'deploy/nginx.conf', 'docs/deploy.md'],
};

const TABLE: Record<string, { missing: Missing; writes: string[] }> = {
  'audit.ts': {
    missing: { args: [], env: { CHROME_PATH: NOWHERE }, code: 1, says: /找不到 Chromium/ },
    writes: [OUTPUTS.benchmarks, 'dist-audit'],
  },
  'bench.ts': {
    // Its inputs are the repository's own content; a missing value is what a user can get wrong.
    missing: { args: ['--sizes'], code: 2, says: /--sizes 后面缺少值/ },
    writes: [OUTPUTS.benchmarks],
  },
  'bench-map.ts': {
    missing: { args: ['--dist', EMPTY], code: 1, says: /不是构建好的网站.*先运行 npm run build/ },
    writes: [OUTPUTS.benchmarks],
  },
  'bench-search.ts': {
    missing: { args: ['--out', NOWHERE], code: 1, says: /找不到构建结果.*先运行 npm run build/ },
    writes: [OUTPUTS.benchmarks],
  },
  'check-budgets.ts': {
    missing: { args: [NOWHERE], code: 1, says: /找不到构建结果.*先运行 npm run build/ },
    writes: [],
  },
  'check-content.ts': {
    missing: { args: [NOWHERE], code: 1, says: /找不到内容文件夹/ },
    writes: [],
  },
  'check-html.ts': {
    missing: { args: [NOWHERE], code: 1, says: /找不到构建结果.*先运行 npm run build/ },
    writes: [],
  },
  'check-links.ts': {
    missing: { args: [EMPTY], code: 1, says: /不是构建好的网站.*先运行 npm run build/ },
    writes: [],
  },
  'check-ownership.ts': {
    missing: { args: [], code: 2, says: /缺少提交范围/ },
    writes: ['CODEOWNERS'],
  },
  'cms.ts': {
    missing: { args: ['--no-build'], inEmptyFolder: true, code: 1, says: /不是 Git 仓库/ },
    writes: ['dist'],
  },
  'describe-change.ts': {
    missing: { args: [], code: 2, says: /缺少提交范围/ },
    writes: [],
  },
  'export-results.ts': {
    missing: { args: ['2022-first-round'], env: { CONTENT_DIR: NOWHERE }, code: 1, says: /找不到内容文件夹/ },
    writes: ['exports'],
  },
  'images-shrink.ts': {
    missing: { args: [NOWHERE], code: 2, says: /找不到/ },
    writes: ['content'],
  },
  'import-submissions.ts': {
    missing: { args: [join(NOWHERE, '申报表.csv')], code: 1, says: /找不到申报表/ },
    writes: ['content'],
  },
  'import-sites.ts': {
    missing: { args: [join(NOWHERE, '阵地表.csv')], code: 1, says: /找不到阵地表/ },
    writes: ['content'],
  },
  'import-brands.ts': {
    missing: { args: [join(NOWHERE, '品牌表.csv')], code: 1, says: /找不到品牌表/ },
    writes: ['content'],
  },
  'import-progress.ts': {
    missing: { args: [join(NOWHERE, '进展报告表.csv')], code: 1, says: /找不到进展报告表/ },
    writes: ['content'],
  },
  'import-tasks.ts': {
    missing: { args: [join(NOWHERE, '揭榜任务表.csv')], code: 1, says: /找不到揭榜任务表/ },
    writes: ['content'],
  },
  'install-hook.ts': {
    missing: { args: [NOWHERE], code: 2, says: /不存在/ },
    writes: [],
  },
  'publish.ts': {
    missing: { args: [EMPTY, join(work, 'target')], code: 1, says: /不是构建好的网站.*先运行 npm run build/ },
    writes: [],
  },
  'rollback.ts': {
    missing: { args: [NOWHERE], code: 1, says: /找不到目标.*还没有发布过/ },
    writes: [],
  },
  'setup-content.ts': {
    missing: { args: ['district', join(NOWHERE, 'district-content')], code: 1, says: /找不到.*no-such-folder/ },
    writes: ['review-content', 'district-content'],
  },
  'screenshots.ts': {
    missing: { args: [], env: { CHROMIUM_PATH: NOWHERE }, code: 1, says: /找不到 Chromium/ },
    writes: ['docs/screenshots', 'dist-screenshots'],
  },
  'security-headers.ts': {
    missing: { args: [], inEmptyFolder: true, code: 1, says: /不是本项目的根目录/ },
    writes: OUTPUTS.headers,
  },
  'tool.ts': {
    missing: { args: ['preview'], inEmptyFolder: true, code: 1, says: /不是本项目的根目录/ },
    writes: ['dist', 'dist-review'],
  },
  'test-all.ts': {
    missing: { args: [], inEmptyFolder: true, code: 1, says: /不是本项目的根目录/ },
    writes: ['test-results'],
  },
};

/** Commands of package.json that are other tools' (Astro, Vitest, Biome), with their own English --help. */

const SCRIPTS = readdirSync('scripts', { withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
  .map((entry) => entry.name)
  .sort();

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], options: { env?: Record<string, string>; cwd?: string } = {}) {
  return new Promise<Run>((done) => {
    // The Node that runs this test (the pinned Node 24), so a run from the empty folder needs no npx.
    const child = spawn(process.execPath, [join(REPO, 'scripts', script), ...args], {
      cwd: options.cwd ?? REPO,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** A fingerprint of a file or folder tree: every path with its size and modification time. */
function fingerprint(path: string): string {
  const full = join(REPO, path);
  if (!existsSync(full)) return `${path}: absent`;
  const stats = statSync(full);
  if (!stats.isDirectory()) return `${path}: ${stats.size} ${stats.mtimeMs}`;
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => fingerprint(join(path, name)))
    .join('\n');
}

const STACK = /\n\s+at .+:\d+:\d+\)?\n|node:internal|triggerUncaughtException|ERR_[A-Z_]+/;
const CHINESE = /[\u4e00-\u9fff]/;

describe('every script in scripts/', () => {
  it('has a row in the table (a new script must say how it answers bad input)', () => {
    expect(SCRIPTS.filter((name) => !(name in TABLE))).toEqual([]);
    expect(Object.keys(TABLE).filter((name) => !SCRIPTS.includes(name))).toEqual([]);
  });

  it('is what every npm script runs, except the other tools’ own commands', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const [name, command] of Object.entries(scripts)) {
      const file = /^node scripts\/([\w-]+\.ts)\b/.exec(command)?.[1];
      expect(file, `npm run ${name}: ${command}`).toBeDefined();
      expect(SCRIPTS, `npm run ${name}`).toContain(file);
    }
  });

  // The tools themselves (astro, vitest, biome) run behind scripts/tool.ts: the same front door.
  const tools = Object.entries(
    (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts,
  )
    .filter(([, command]) => command.startsWith('node scripts/tool.ts '))
    .map(([name]) => name);
  it.each(tools)('npm run %s answers --help and a wrong option in Chinese, running nothing', async (name) => {
    const [help, wrong] = await Promise.all([
      run('tool.ts', [name, '--help'], { cwd: EMPTY }),
      run('tool.ts', [name, '--no-such-option'], { cwd: EMPTY }),
    ]);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`^用法：npm run ${name}`));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^不认识的选项 --no-such-option/);
    expect(`${help.stderr}${wrong.stderr}`).not.toMatch(STACK);
    expect(readdirSync(EMPTY)).toEqual([]);
  });

  describe.each(SCRIPTS.filter((name) => name in TABLE))('%s', (script) => {
    const { missing, writes } = TABLE[script];

    it('answers --help, an unknown option and missing inputs clearly, writing nothing', {
      timeout: 60_000,
    }, async () => {
      const before = writes.map(fingerprint);
      // --help and the unknown option run in the empty folder: a script that took either for a path and
      // wrote there would show up below, not in the repository.
      const [help, unknown, absent] = await Promise.all([
        run(script, ['--help'], { cwd: EMPTY }),
        run(script, ['--no-such-option'], { cwd: EMPTY }),
        run(script, missing.args, { env: missing.env, cwd: missing.inEmptyFolder ? EMPTY : undefined }),
      ]);

      expect(help.code, help.stderr).toBe(0);
      expect(help.stdout).toMatch(/用法/);
      expect(help.stdout).toMatch(CHINESE);

      expect(unknown.code, unknown.stdout + unknown.stderr).toBe(2);
      const [first] = unknown.stderr.trim().split('\n');
      expect(first).toMatch(CHINESE);
      expect(first).toContain('--no-such-option');
      expect(unknown.stderr).toMatch(/用法/);

      expect(absent.code, absent.stdout + absent.stderr).toBe(missing.code);
      expect(absent.stdout + absent.stderr).toMatch(missing.says);

      for (const result of [help, unknown, absent]) expect(result.stdout + result.stderr).not.toMatch(STACK);
      expect(writes.map(fingerprint)).toEqual(before);
      expect(readdirSync(EMPTY)).toEqual([]);
      expect(existsSync(NOWHERE)).toBe(false);
      expect(existsSync(join(work, 'target'))).toBe(false);
    });
  });
});
