/**
 * The npm scripts that are the tools themselves (npm run dev, build, start, preview, check, test:unit,
 * test:e2e, build:review, review), behind the same front door as every other command: `--help` in
 * Chinese, a wrong option answered with one line and exit 2, a missing build named with the command that
 * makes it. What each runs is in TOOLS below; a developer who needs a tool's own options runs it with npx.
 *
 *   node scripts/tool.ts <name> [-- arguments]      (package.json calls it; run it as npm run <name>)
 */
import { spawnSync } from 'node:child_process';
import { parseCommand, requireBuild, requireProjectRoot, usageError } from './lib/cli.ts';

type Step = readonly string[];

interface Tool {
  /** What it does, for the usage. */
  does: string;
  /** Commands run in order through npx, each only if the one before succeeded. */
  steps: readonly Step[];
  /** Test filters (file names) and -t <name>, passed to the last step; nothing else is accepted. */
  filters?: boolean;
  /** The build the tool serves, and the command that makes it. */
  needs?: { dir: string; make: string };
}

const PREVIEW: Step = ['astro', 'preview', '--host', '127.0.0.1', '--port', '4321'];
const REVIEW_CONFIG = ['--config', 'astro.review.config.mjs'];

const TOOLS: Record<string, Tool> = {
  dev: { does: '启动开发服务器（修改后自动刷新），地址 http://localhost:4321/', steps: [['astro', 'dev']] },
  build: { does: '构建公开网站，写入 dist/（OUT_DIR 可改）', steps: [['astro', 'build']] },
  start: { does: '构建公开网站，然后在 http://127.0.0.1:4321/ 提供 dist/', steps: [['astro', 'build'], PREVIEW] },
  preview: {
    does: '在 http://127.0.0.1:4321/ 提供已构建的 dist/',
    steps: [PREVIEW],
    needs: { dir: 'dist', make: 'npm run build' },
  },
  check: {
    does: '类型检查（astro check）和代码检查（biome）',
    steps: [
      ['astro', 'check'],
      ['biome', 'check', '.'],
    ],
  },
  'test:unit': {
    does: '运行单元测试（tests/unit）',
    steps: [['vitest', 'run', '--project', 'unit']],
    filters: true,
  },
  'test:e2e': {
    does: '运行浏览器测试（tests/e2e，先构建网站）',
    steps: [['vitest', 'run', '--project', 'e2e']],
    filters: true,
  },
  'build:review': {
    does: '构建评审网站，写入 dist-review/（REVIEW_AUDIENCE 选择受众）',
    steps: [['astro', 'build', ...REVIEW_CONFIG]],
  },
  review: {
    does: '构建评审网站，然后在 http://127.0.0.1:4322/review/ 提供',
    steps: [
      ['astro', 'build', ...REVIEW_CONFIG],
      ['astro', 'preview', ...REVIEW_CONFIG, '--host', '127.0.0.1', '--port', '4322'],
    ],
  },
};

const [name, ...rest] = process.argv.slice(2);
const tool = name ? TOOLS[name] : undefined;
const listing = Object.entries(TOOLS)
  .map(([key, { does }]) => `  npm run ${key.padEnd(13)}${does}`)
  .join('\n');
const toolsUsage = `用法：npm run <名称>（由 node scripts/tool.ts <名称> 运行）：\n${listing}`;
if (name === '--help' || name === '-h') {
  console.log(toolsUsage);
  process.exit(0);
}
if (!tool) usageError(toolsUsage, name ? `不认识的工具“${name}”` : '缺少工具名称');

const usage = `用法：npm run ${name}${tool.filters ? ' [-- <测试文件> … [-t <测试名称>]]' : ''}
${tool.does}。
运行：${tool.steps.map((step) => `npx ${step.join(' ')}`).join('，然后 ')}${tool.filters ? '（测试文件和 -t 传给 vitest）' : ''}。
需要工具自己的其他选项时，直接运行上面的 npx 命令（例如 npx ${tool.steps.at(-1)?.[0]} --help）。`;

const { values, positionals } = parseCommand(
  {
    usage,
    options: tool.filters ? { testNamePattern: { type: 'string', short: 't' } } : {},
    positionals: { max: tool.filters ? Number.POSITIVE_INFINITY : 0, name: '参数' },
  },
  rest,
);
requireProjectRoot(`npm run ${name}`);
if (tool.needs) requireBuild(tool.needs.dir, tool.needs.make);

const filters = [...positionals, ...(typeof values.testNamePattern === 'string' ? ['-t', values.testNamePattern] : [])];
for (const [index, step] of tool.steps.entries()) {
  const args = index === tool.steps.length - 1 ? [...step, ...filters] : [...step];
  const { status, error } = spawnSync('npx', args, { stdio: 'inherit' });
  if (error) {
    console.error(`无法运行 npx ${args.join(' ')}：${error.message}（先运行 npm ci）`);
    process.exit(1);
  }
  if (status !== 0) process.exit(status ?? 1);
}
