import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

/** A parse error with the line it occurred on. */
export interface ParseError {
  line: number;
  message: string;
}

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
            message: 'Markdown 文件须以 --- 开头的 YAML 文件头（frontmatter）开始，并以 --- 结束',
          },
        ],
        lineOf: () => 1,
      };
    }
    yamlText = match[1] ?? '';
    body = text.slice(match[0].length);
    lineOffset = 1;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
  });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  const errors = doc.errors.map((error) => ({
    line: lineAt(error.pos[0]),
    message: `YAML 格式错误：${error.message.split('\n')[0]}`,
  }));

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

  return { data: errors.length ? undefined : doc.toJS(), body, errors, lineOf };
}
