/**
 * Sign-ups from a spreadsheet (the form street offices already fill in) to
 * submission files, checked by the same validator as `npm run check:content`:
 * every row is turned into the file it would become, the whole content folder
 * plus those files is validated, and each problem found in a new file is
 * reported against its row and column. Nothing is returned to write unless
 * every row is clean. Pure: the caller reads the sheet and writes the files.
 */
import { stringify } from 'yaml';
import type { ContentFile } from '../content-files.ts';
import { type Candidate, editDistance, nearest } from '../suggest.ts';
import { validateContent } from '../validate.ts';
import { type Column, SUBMISSION_COLUMNS } from './columns.ts';
import type { SheetCell } from './xlsx.ts';

export interface RowProblem {
  /** 1-based row number as the spreadsheet shows it (the header is row 1 when it is the first row). */
  row: number;
  /** The column's header, or '' for the row as a whole. */
  column: string;
  message: string;
  fix: string;
}

export interface ImportOptions {
  /** The call the sign-ups answer; required unless the sheet has a 征集令 column. */
  campaign?: string;
  /** Every file now in the content folder. */
  existing: readonly ContentFile[];
  /** Whether a path relative to the content folder exists (attachments, images). */
  exists: (path: string) => boolean;
  /** Overwrite submissions that already exist at the same path instead of refusing them. */
  replace?: boolean;
  /** How paths are shown in messages. */
  displayRoot?: string;
}

export interface ImportResult {
  /** Files to write (paths relative to the content folder); empty when there is any problem. */
  files: ContentFile[];
  /** Every problem found, by row. */
  problems: RowProblem[];
  /** Data rows read (empty rows skipped). */
  rows: number;
  /** Of the files to write, those replacing an existing file. */
  replaced: string[];
}

/** Header text as people type it: trimmed, without a required mark (*) or a note in brackets. */
function normaliseHeader(text: string): string {
  return text
    .replace(/[*＊]/g, '')
    .replace(/[（(][^）)]*[）)]\s*$/, '')
    .trim()
    .toLowerCase();
}

function cellText(cell: SheetCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** 2026/10/14, 2026.10.14, 2026年10月14日 → 2026-10-14; an Excel serial number → its date. */
export function normaliseDate(cell: SheetCell | undefined): string {
  if (typeof cell === 'number' && cell > 20000 && cell < 80000) {
    return new Date(Math.round((cell - 25569) * 86400000)).toISOString().slice(0, 10);
  }
  const text = cellText(cell);
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  return match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : text;
}

/** A choice by its key or its Chinese label; anything else is left for the validator to explain. */
function normaliseChoice(text: string, choices: Readonly<Record<string, string>>): string {
  if (text in choices) return text;
  const byLabel = Object.entries(choices).find(([, label]) => label === text);
  return byLabel ? byLabel[0] : text;
}

const ROW_FILE = /^submissions\/.+$/;

/** Turns the rows of a sheet (header first) into submission files, or row-level problems. */
export function importSubmissions(table: readonly (readonly SheetCell[])[], options: ImportOptions): ImportResult {
  const root = options.displayRoot ?? 'content';
  const problems: RowProblem[] = [];
  const result = (files: ContentFile[] = [], rows = 0, replaced: string[] = []): ImportResult => ({
    files: problems.length ? [] : files,
    problems,
    rows,
    replaced: problems.length ? [] : replaced,
  });

  // The header is the first row with anything in it.
  const headerIndex = table.findIndex((row) => row.some((cell) => cellText(cell) !== ''));
  if (headerIndex < 0) {
    problems.push({
      row: 1,
      column: '',
      message: '表格是空的',
      fix: '第一行写列名（可下载申报模板），下面每行一份申报',
    });
    return result();
  }
  const headerRow = headerIndex + 1;
  const header = table[headerIndex].map((cell) => cellText(cell));
  const candidates: Candidate[] = SUBMISSION_COLUMNS.map((column) => ({ key: column.label, aliases: [column.key] }));
  const columnAt = new Map<number, Column>();
  header.forEach((text, index) => {
    if (!text) return;
    const wanted = normaliseHeader(text);
    const column = SUBMISSION_COLUMNS.find(
      (candidate) => candidate.label.toLowerCase() === wanted || candidate.key.toLowerCase() === wanted,
    );
    if (!column) {
      const guess = nearest(wanted, candidates);
      problems.push({
        row: headerRow,
        column: text,
        message: `未知的列“${text}”`,
        fix: guess ? `列名可能写错了，应为 ${guess}` : `可用的列：${SUBMISSION_COLUMNS.map((c) => c.label).join('、')}`,
      });
    } else if ([...columnAt.values()].includes(column)) {
      problems.push({ row: headerRow, column: text, message: `“${column.label}”列出现了两次`, fix: '删除重复的一列' });
    } else columnAt.set(index, column);
  });
  const present = new Set(columnAt.values());
  for (const column of SUBMISSION_COLUMNS.filter((candidate) => candidate.required && !present.has(candidate))) {
    problems.push({
      row: headerRow,
      column: column.label,
      message: `缺少“${column.label}”列`,
      fix: '在第一行加上这一列（可下载申报模板对照）',
    });
  }
  const campaignColumn = SUBMISSION_COLUMNS.find((column) => column.key === 'campaign') as Column;
  if (!options.campaign && !present.has(campaignColumn)) {
    problems.push({
      row: headerRow,
      column: campaignColumn.label,
      message: '不知道这些申报属于哪个征集令',
      fix: '导入时用 --campaign 指定征集令编号，或在表格中加一列“征集令”',
    });
  }
  if (problems.length) return result();

  // Street names as offices write them (龙凤街道, 龙凤) map to ids.
  const { entries } = validateContent(
    options.existing.filter((file) => file.path.startsWith('streets/')),
    { exists: () => true },
  );
  const streetIds = new Map<string, string>();
  for (const street of entries.streets) {
    streetIds.set(street.id, street.id);
    streetIds.set(String(street.data.name), street.id);
    streetIds.set(String(street.data.shortName), street.id);
  }

  const streetCandidates: Candidate[] = entries.streets.map((street) => ({
    key: street.id,
    aliases: [String(street.data.name), String(street.data.shortName)],
  }));
  // Checked here too: the validator leaves references of a row that failed its schema until that is fixed.
  const unknownStreetRows = new Set<number>();

  const rowOf = new Map<string, number>();
  const files: ContentFile[] = [];
  let rows = 0;
  table.forEach((cells, index) => {
    if (index <= headerIndex || !cells.some((cell) => cellText(cell) !== '')) return;
    rows++;
    const row = index + 1;
    const value = (key: string) => {
      const entry = [...columnAt].find(([, column]) => column.key === key);
      return entry ? cells[entry[0]] : undefined;
    };
    const text = (key: string) => cellText(value(key)) || undefined;
    const choiceOf = (key: string) => {
      const column = SUBMISSION_COLUMNS.find((candidate) => candidate.key === key) as Column;
      const raw = text(key) ?? column.fallback;
      return raw === undefined ? undefined : normaliseChoice(raw, column.choices ?? {});
    };
    const streetText = text('street');
    if (streetText !== undefined && !streetIds.has(streetText) && entries.streets.length) {
      const guess = guessStreet(streetText, streetCandidates);
      unknownStreetRows.add(row);
      problems.push({
        row,
        column: labelOf('street'),
        message: `找不到街道“${streetText}”`,
        fix: guess
          ? `是不是 ${guess.aliases?.[0] ?? guess.key}（${guess.key}）？`
          : '填写街道编号（例如 longfeng）或街道全称（例如 龙凤街道）',
      });
    }
    const submitted = normaliseDate(value('submitted')) || undefined;
    const data = prune({
      id: text('id'),
      campaign: text('campaign') ?? options.campaign,
      street: streetText === undefined ? undefined : (streetIds.get(streetText) ?? streetText),
      organisation: text('organisation'),
      title: text('title'),
      category: choiceOf('category'),
      summary: text('summary'),
      contact: { name: text('contact.name'), phone: text('contact.phone') },
      submitted,
      stage: choiceOf('stage'),
    });
    const body = cellText(value('body')).replace(/\r\n?/g, '\n');
    // Placeholders keep the file at the right depth; the validator reports the empty field itself.
    const safe = (part: unknown, placeholder: string) =>
      typeof part === 'string' && /^[^/\\]+$/.test(part) && part !== '.' && part !== '..' ? part : placeholder;
    const path = `submissions/${safe(data.campaign, '_')}/${safe(data.street, '_')}/${safe(data.id, `row-${row}`)}.md`;
    rowOf.set(path, row);
    files.push({ path, text: `---\n${stringify(data, { lineWidth: 0 })}---\n${body ? `\n${body}\n` : ''}` });
  });
  if (rows === 0) {
    problems.push({ row: headerRow + 1, column: '', message: '表格里没有申报', fix: '在列名下面每行填写一份申报' });
    return result();
  }

  // A row that would overwrite a file already there is refused unless asked to replace it.
  const newPaths = new Set(files.map((file) => file.path));
  const clashing = options.existing.filter((file) => newPaths.has(file.path)).map((file) => file.path);
  const kept = options.existing.filter((file) => !newPaths.has(file.path));
  if (!options.replace) {
    for (const path of clashing) {
      problems.push({
        row: rowOf.get(path) ?? 0,
        column: labelOf('id'),
        message: `${root}/${path} 已经存在`,
        fix: '换一个编号；要用表格内容覆盖已有申报时，导入时加 --replace',
      });
    }
  }
  const { problems: found } = validateContent([...kept, ...files], { displayRoot: root, exists: options.exists });
  for (const problem of found) {
    const path = problem.file.slice(root.length + 1);
    const row = rowOf.get(path);
    if (row === undefined || !ROW_FILE.test(path)) continue;
    if (problem.field === 'street' && unknownStreetRows.has(row)) continue;
    problems.push({ row, column: columnFor(problem.field), message: problem.message, fix: problem.fix });
  }
  problems.sort((a, b) => a.row - b.row);
  return result(files, rows, options.replace ? clashing : []);
}

/** The street meant by a mistyped id or name: a near id, or a name missing or adding a character or two. */
function guessStreet(written: string, candidates: readonly Candidate[]): Candidate | undefined {
  const byId = nearest(written, candidates);
  if (byId) return candidates.find((candidate) => candidate.key === byId);
  const close = candidates.filter((candidate) =>
    candidate.aliases?.some(
      (alias) =>
        (alias.length >= 2 && (alias.startsWith(written) || written.startsWith(alias))) ||
        editDistance(alias, written) <= 1,
    ),
  );
  return close.length === 1 ? close[0] : undefined;
}

function labelOf(key: string): string {
  return SUBMISSION_COLUMNS.find((column) => column.key === key)?.label ?? key;
}

/** The column a validator field path belongs to ('' for the row as a whole). */
function columnFor(field: string): string {
  if (!field) return '';
  const column =
    SUBMISSION_COLUMNS.find((candidate) => candidate.key === field) ??
    SUBMISSION_COLUMNS.find((candidate) => field.startsWith(`${candidate.key}.`)) ??
    SUBMISSION_COLUMNS.find((candidate) => candidate.key.startsWith(`${field}.`));
  return column?.label ?? field;
}

/** Drops undefined values, so the file holds only what the row filled in. */
function prune<T extends Record<string, unknown>>(data: T): T {
  const entries = Object.entries(data).flatMap(([key, value]): [string, unknown][] => {
    if (value === undefined) return [];
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return [[key, prune(value as Record<string, unknown>)]];
    }
    return [[key, value]];
  });
  return Object.fromEntries(entries) as T;
}

/** One problem per line, as the command prints them. */
export function formatRowProblem({ row, column, message, fix }: RowProblem): string {
  return `第 ${row} 行${column ? ` ${column}` : ''}：${message}（${fix}）`;
}
