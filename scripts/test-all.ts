/**
 * npm test: everything CI checks, in order, then one closing line
 * `N passed, N failed`. Steps: type check and lint (zero warnings), content
 * validation, then Vitest (unit tests, the privacy build, browser tests).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { parseCommand, requireProjectRoot } from './lib/cli.ts';

parseCommand({
  usage: `用法：npm test
依次运行类型检查、代码检查、内容检查和全部测试（单元测试、隐私构建、浏览器测试），最后一行是“N passed, N failed”。
单独运行：npm run check、npm run check:content、npm run test:unit、npm run test:e2e。在仓库根目录运行。`,
});
requireProjectRoot('npm test');

const run = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'inherit' }).status === 0;

let passed = 0;
let failed = 0;
const step = (name: string, ok: boolean) => {
  console.log(`\n${ok ? '✓' : '✗'} ${name}`);
  if (ok) passed++;
  else failed++;
};

step('astro check (types)', run('npx', ['astro', 'check', '--minimumFailingSeverity', 'warning']));
step('biome ci (lint and format)', run('npx', ['biome', 'ci', '--error-on-warnings', '.']));
step('content validation', run('npx', ['node', 'scripts/check-content.ts']));

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
const vitestOk = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`]);
try {
  const results = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number };
  passed += results.numPassedTests;
  failed += results.numFailedTests + (vitestOk || results.numFailedTests ? 0 : 1);
} catch {
  // Vitest stopped before writing its report (a crash in setup): count it as a failure.
  failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
