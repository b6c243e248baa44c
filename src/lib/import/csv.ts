/**
 * CSV as RFC 4180 describes it: fields separated by commas, records by CRLF
 * (LF alone accepted), fields containing a comma, quote or line break wrapped
 * in double quotes, quotes inside doubled. Pure: no I/O.
 */

export class CsvError extends Error {
  /** 1-based line where the problem starts. */
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'CsvError';
    this.line = line;
  }
}

/** Parses CSV text into rows of fields; a leading byte-order mark is dropped. */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 1;
  let index = 0;
  // Whether the current record has begun (so a final newline does not add an empty record).
  let started = false;
  while (index < input.length) {
    const char = input[index];
    if (quoted) {
      if (char === '"') {
        if (input[index + 1] === '"') {
          field += '"';
          index += 2;
          continue;
        }
        quoted = false;
        index++;
        continue;
      }
      if (char === '\n') line++;
      field += char;
      index++;
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
      quoteLine = line;
      started = true;
      index++;
      continue;
    }
    if (char === ',') {
      row.push(field);
      field = '';
      started = true;
      index++;
      continue;
    }
    if (char === '\r' || char === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      started = false;
      index += char === '\r' && input[index + 1] === '\n' ? 2 : 1;
      line++;
      continue;
    }
    // A quote inside an unquoted field is kept as it is (lenient, as spreadsheets are).
    field += char;
    started = true;
    index++;
  }
  if (quoted) throw new CsvError(`第 ${quoteLine} 行的引号没有配对结束`, quoteLine);
  if (started || field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Writes rows as RFC 4180 CSV with CRLF line ends; `bom` prefixes the UTF-8 byte-order mark Excel needs. */
export function stringifyCsv(rows: readonly (readonly unknown[])[], options: { bom?: boolean } = {}): string {
  const text = rows.map((row) => row.map(quoteField).join(',')).join('\r\n');
  return `${options.bom ? '\uFEFF' : ''}${text}\r\n`;
}

function quoteField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Decodes a CSV file's bytes: UTF-8 (with or without BOM), or GB18030 — what
 * Excel on a Chinese Windows saves as plain “CSV”.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
