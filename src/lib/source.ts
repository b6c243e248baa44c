import { CORE_SCHEMA, load, type YAMLException } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLError } from 'yaml';

/** A parse error with the line it occurred on and how to fix it. */
export interface ParseError {
  line: number;
  message: string;
  fix: string;
}

/** What the common YAML mistakes mean, for people who have never heard of YAML. */
const YAML_ERRORS: Partial<Record<YAMLError['code'], { message: string; fix: string }>> = {
  DUPLICATE_KEY: { message: '同一个字段写了两次', fix: '删除重复的一行，只保留一个' },
  TAB_AS_INDENT: { message: '用了 Tab 键缩进', fix: '缩进只能用空格（每级两个空格）' },
  BAD_INDENT: { message: '缩进不对齐', fix: '同一级的字段左侧对齐，下一级多缩进两个空格' },
  MISSING_CHAR: { message: '缺少配对的引号或括号', fix: '检查引号 " 和括号 [ ] { } 是否成对' },
  BLOCK_AS_IMPLICIT_KEY: {
    message: '一行里出现了多余的冒号',
    fix: '含冒号的文字要加引号，例如 title: "主题：党建引领"',
  },
  MULTILINE_IMPLICIT_KEY: { message: '字段名后缺少冒号，或文字跨行', fix: '每个字段写成“字段名: 值”，长文字加引号' },
  UNEXPECTED_TOKEN: { message: '出现了无法识别的符号', fix: '检查这一行的冒号、引号和括号' },
  BAD_SCALAR_START: { message: '文字以特殊符号开头', fix: '以 @ ` | > 等符号开头的文字要加引号' },
};

const GENERIC_YAML_FIX = '修正 YAML 语法（缩进用空格，冒号后加空格，含冒号的文字加引号）';

/** A parsed content file: its data, its Markdown body, and a way back from a field to its line. */
export interface ParsedSource {
  data: unknown;
  body: string;
  errors: ParseError[];
  /** 1-based line of the deepest part of `path` present in the file (the key's line for a field). */
  lineOf(path: readonly PropertyKey[]): number;
}

/** The closing --- must be on a line of its own: a value ending in --- does not end the frontmatter. */
const FRONTMATTER = /^---\r?\n(?:([\s\S]*?)\r?\n)??---[ \t]*(?:\r?\n|$)/;

/** Parses a YAML file, or a Markdown file with YAML frontmatter, keeping line positions. */
export function parseSource(text: string, format: 'yaml' | 'md'): ParsedSource {
  let yamlText = text;
  let body = '';
  let lineOffset = 0;
  if (format === 'md') {
    const match = FRONTMATTER.exec(text);
    if (!match) {
      return {
        data: undefined,
        body: text,
        errors: [
          {
            line: 1,
            message: 'Markdown 文件缺少以 --- 开头和结束的文件头（frontmatter）',
            fix: '在文件第一行写 ---，接着逐行写 id、title 等字段，再用单独一行 --- 结束，正文写在其后',
          },
        ],
        lineOf: () => 1,
      };
    }
    yamlText = match[1] ?? '';
    body = text.slice(match[0].length);
    lineOffset = 1;
  }
  // Most files are fine: read them with the fast parser, and build the slower
  // document with positions only when a line number or a good error is needed.
  try {
    const data = load(yamlText, { schema: CORE_SCHEMA }) ?? null;
    let located: ReturnType<typeof locate> | undefined;
    return {
      data,
      body,
      errors: [],
      lineOf: (path) => {
        located ??= locate(yamlText, lineOffset);
        return located.lineOf(path);
      },
    };
  } catch {
    // Fall through: the document parser says what is wrong, in terms an editor understands.
  }
  const { errors, lineOf } = locate(yamlText, lineOffset);
  if (!errors.length) {
    // Only the fast parser objected (e.g. an alias to no anchor): report its complaint.
    try {
      load(yamlText, { schema: CORE_SCHEMA });
    } catch (error) {
      const { reason, mark } = error as YAMLException;
      errors.push({
        line: (mark?.line ?? 0) + 1 + lineOffset,
        message: `YAML 格式错误：${reason}`,
        fix: GENERIC_YAML_FIX,
      });
    }
  }
  return { data: undefined, body, errors, lineOf };
}

/** Parses YAML into a document that keeps positions: its errors with lines, and the line of any field. */
function locate(yamlText: string, lineOffset: number) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  const errors: ParseError[] = doc.errors.map((error) => {
    const known = YAML_ERRORS[error.code];
    return {
      line: lineAt(error.pos[0]),
      message: `YAML 格式错误：${known?.message ?? error.message.split('\n')[0]}`,
      fix: known?.fix ?? GENERIC_YAML_FIX,
    };
  });
  const lineOf = (path: readonly PropertyKey[]) => {
    let node: unknown = doc.contents;
    let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        node = node.items[segment];
        offset = (node as Node).range?.[0] ?? offset;
      } else {
        break;
      }
    }
    return lineAt(offset);
  };
  return { errors, lineOf };
}
