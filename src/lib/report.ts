import type { Problem } from './validate.ts';

/** One problem per line, `path:line field: message (fix)`, then a count. */
export function formatProblem({ file, line, field, message, fix }: Problem): string {
  return `${file}:${line}${field ? ` ${field}` : ''}: ${message} (${fix})`;
}

export function formatReport(problems: readonly Problem[], fileCount: number): string {
  if (!problems.length) return `内容检查通过：${fileCount} 个文件，没有发现问题。`;
  const files = new Set(problems.map((problem) => problem.file)).size;
  return [...problems.map(formatProblem), '', `内容检查未通过：${files} 个文件中有 ${problems.length} 个问题。`].join(
    '\n',
  );
}
