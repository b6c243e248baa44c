/**
 * How every command in scripts/ answers its arguments, in one place:
 * - `--help` (`-h`) prints the usage in Chinese to stdout and exits 0, before any work;
 * - an unknown option, a missing value or a wrong number of arguments prints one Chinese line
 *   and the usage to stderr, and exits 2;
 * - a missing input (no build yet, no such folder) exits 1 with a message naming the command
 *   to run first (`fail`, `requireBuild`);
 * - an unexpected error ends the command with its message, never a stack trace (`runMain`;
 *   DEBUG=1 prints the stack for whoever debugs the script itself).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';

/** Exit code of a usage error (as check-ownership.ts and install-hook.ts use it). */
export const USAGE_EXIT = 2;

export interface CommandSpec<O extends ParseArgsOptionsConfig> {
  /** The usage text, in Chinese, starting with `用法：`. */
  usage: string;
  options?: O;
  /** How many positional arguments the command takes (default none), and what they are called. */
  positionals?: { min?: number; max?: number; name?: string };
  /** Accept `--no-<flag>` for boolean options. */
  allowNegative?: boolean;
}

/** The option values parseArgs gives for `O`. */
type Values<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>
>['values'];

/** Prints a one-line problem with the usage and exits 2. */
export function usageError(usage: string, message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(USAGE_EXIT);
}

/** Node's parseArgs errors, in the user's words. */
function explain(error: unknown): string {
  const code = (error as { code?: string }).code;
  const text = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]+)/.exec(text)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `不认识的选项 ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /does not take an argument/.test(text) ? `选项 ${option} 后面不能带值` : `选项 ${option} 后面缺少值`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `多余的参数 ${/'([^']+)'/.exec(text)?.[1] ?? ''}`;
  return `参数有误：${text}`;
}

/**
 * Parses `argv` (default: the command's own arguments) by `spec`; answers --help and every
 * mistake itself, so the caller only ever sees valid arguments.
 */
export function parseCommand<O extends ParseArgsOptionsConfig>(
  spec: CommandSpec<O>,
  argv = process.argv.slice(2),
): { values: Values<O>; positionals: string[] } {
  const options: ParseArgsOptionsConfig = { ...spec.options, help: { type: 'boolean', short: 'h' } };
  let parsed: { values: Values<O> & { help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options,
      allowPositionals: true,
      allowNegative: spec.allowNegative,
      strict: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    usageError(spec.usage, explain(error));
  }
  if (parsed.values.help) {
    console.log(spec.usage);
    process.exit(0);
  }
  const { min = 0, max = min, name = '参数' } = spec.positionals ?? {};
  const count = parsed.positionals.length;
  if (count < min) usageError(spec.usage, `缺少${name}`);
  if (count > max) usageError(spec.usage, `多余的参数 ${parsed.positionals.slice(max).join(' ')}`);
  return parsed;
}

/** Ends the command on a missing or unusable input: the message says what to do first. Exit 1. */
export function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

/** A build folder (dist/ by default) must exist and hold a site; otherwise says which command makes one. */
export function requireBuild(dir: string, make = 'npm run build'): void {
  if (!existsSync(dir)) fail(`找不到构建结果 ${dir}/：先运行 ${make}（或在命令后写上构建文件夹）。`);
  if (!statSync(dir).isDirectory() || !existsSync(join(dir, 'index.html'))) {
    fail(`${dir} 不是构建好的网站（没有 ${join(dir, 'index.html')}）：先运行 ${make}。`);
  }
}

/** The project root must be the working directory (npm scripts run there; a bare `node scripts/x.ts` may not). */
export function requireProjectRoot(command: string): void {
  if (!existsSync('astro.config.mjs') || !existsSync('package.json')) {
    fail(`当前目录 ${process.cwd()} 不是本项目的根目录：请在仓库根目录运行 ${command}。`);
  }
}

/**
 * Runs a command's body; its result is the exit code. An unexpected error ends it with one line,
 * never a stack trace: the person running a command needs the reason, not the script's internals.
 */
export async function runMain(label: string, main: () => Promise<number | undefined> | number | undefined) {
  try {
    process.exitCode = (await main()) ?? 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`${label}没有完成：${message}`);
    if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
    process.exitCode = 1;
  }
}
