/**
 * Rows of a spreadsheet to content files, for every collection a sheet can
 * fill (sign-ups, sites, brands; their columns are in columns.ts), checked by
 * the same validator as `npm run check:content`: every row is turned into the
 * file it would become, the whole content folder plus those files is
 * validated, and each problem found in a new file is reported against its row
 * and column. Nothing is returned to write unless every row is clean.
 *
 * On the way in: street names in any of their forms (龙凤街道, 龙凤街, 龙凤)
 * and choice labels become ids, names of brands or sites in a list become
 * their ids, coordinates copied from AMap/Tencent (GCJ-02) or Baidu (BD-09)
 * are converted to WGS-84, and a row without an id gets one from its title
 * (idFromTitle, with the collection's taken ids). Addresses and other text
 * are kept as written. Pure: the caller reads the sheet and writes the files.
 */
import { parseDocument, stringify } from 'yaml';
import { collections } from '../../schema/index.ts';
import { idFromTitle } from '../content/ids.ts';
import type { ContentFile } from '../content-files.ts';
import { type Datum, roundCoordinate, toWgs84 } from '../map/datum.ts';
import { formatProblem } from '../report.ts';
import { type Candidate, editDistance, nearest } from '../suggest.ts';
import { type Entry, type Problem, validateContent } from '../validate.ts';
import { type Column, DATUM_NAMES, SHEETS, type SheetCollection } from './columns.ts';
import type { SheetCell } from './xlsx.ts';

export interface RowProblem {
  /** 1-based row number as the spreadsheet shows it (the header is row 1 when it is the first row). */
  row: number;
  /** The column's header, or '' for the row as a whole. */
  column: string;
  message: string;
  fix: string;
}

export interface SheetImportOptions {
  /** Every file now in the content folder. */
  existing: readonly ContentFile[];
  /** Whether a path relative to the content folder exists (attachments, images). */
  exists: (path: string) => boolean;
  /** Values every row gets when its own cell is empty (e.g. a sign-up's campaign, given on the command line). */
  defaults?: Record<string, string | undefined>;
  /** Overwrite entries that already exist at the same path instead of refusing them. */
  replace?: boolean;
  /** How paths are shown in messages. */
  displayRoot?: string;
  /** Every file now in the district content folder, where a sign-up's contact goes (sign-ups only). */
  existingPrivate?: readonly ContentFile[];
  /** How the district folder's paths are shown in messages. */
  privateRoot?: string;
}

export interface ImportResult {
  /** Files to write (paths relative to the content folder); empty when there is any problem. */
  files: ContentFile[];
  /** Files to write to the district content folder (sign-ups' contacts); empty when there is any problem. */
  privateFiles: ContentFile[];
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

/** A number as typed: 2026, “2026”, “2026年”, “113.2613°”; anything else stays text for the validator. */
function normaliseNumber(cell: SheetCell | undefined): number | string | undefined {
  if (typeof cell === 'number') return cell;
  const text = cellText(cell).replace(/[,，\s]/g, '');
  if (!text) return undefined;
  const match = /^([-+]?\d+(?:\.\d+)?)(?:年|°|度)?$/.exec(text.normalize('NFKC'));
  return match ? Number(match[1]) : text;
}

const YES = new Set(['是', '√', '✓', 'y', 'yes', 'true', '1', '示例']);
const NO = new Set(['否', '×', 'n', 'no', 'false', '0']);

/** 是/否 (and their English or tick forms); anything else stays text for the validator. */
function normaliseBoolean(cell: SheetCell | undefined): boolean | string | undefined {
  if (typeof cell === 'boolean') return cell;
  const text = cellText(cell).toLowerCase();
  if (!text) return undefined;
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return text;
}

/** A list cell: items separated by 、，,;； or line breaks. */
const splitList = (text: string) =>
  text
    .split(/[、，,;；\n]+/)
    .map((item) => item.trim())
    .filter(Boolean);

/** The datum a 坐标系 cell names, or undefined. */
export function datumOf(text: string): Datum | undefined {
  const wanted = text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/坐标(系)?$/, '');
  for (const [datum, names] of Object.entries(DATUM_NAMES) as [Datum, readonly string[]][]) {
    if (datum === wanted || names.includes(wanted)) return datum;
  }
  return undefined;
}

/** Street names as offices write them (龙凤街道, 龙凤街, 龙凤) and ids, to ids. */
function streetLookup(streets: readonly Entry[]) {
  const ids = new Map<string, string>();
  const candidates: Candidate[] = [];
  for (const street of streets) {
    const name = String(street.data.name);
    const names = [name, name.replace(/道$/, ''), String(street.data.shortName)];
    ids.set(street.id, street.id);
    for (const alias of names) ids.set(alias, street.id);
    candidates.push({ key: street.id, aliases: names });
  }
  return { ids, candidates };
}

/** The streets meant by a mistyped id or name: a near id, or names missing, adding or changing a character. */
function guessStreets(written: string, candidates: readonly Candidate[]): Candidate[] {
  const byId = nearest(written, candidates);
  if (byId) return candidates.filter((candidate) => candidate.key === byId);
  return candidates
    .filter((candidate) =>
      candidate.aliases?.some(
        (alias) =>
          (alias.length >= 2 && (alias.startsWith(written) || written.startsWith(alias))) ||
          editDistance(alias, written) <= 1,
      ),
    )
    .slice(0, 3);
}

/** Sets a dotted path in a nested record. */
function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const [head, ...rest] = path.split('.');
  if (!rest.length) {
    target[head] = value;
    return;
  }
  target[head] ??= {};
  setPath(target[head] as Record<string, unknown>, rest.join('.'), value);
}

/** Drops undefined values (and groups left empty), so the file holds only what the row filled in. */
function prune(data: Record<string, unknown>): Record<string, unknown> {
  const entries = Object.entries(data).flatMap(([key, value]): [string, unknown][] => {
    if (value === undefined) return [];
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const inner = prune(value as Record<string, unknown>);
      return Object.keys(inner).length ? [[key, inner]] : [];
    }
    return [[key, value]];
  });
  return Object.fromEntries(entries);
}

/** Placeholders keep a file at the right depth; the validator reports the empty field itself. */
const safeSegment = (part: unknown, placeholder: string) =>
  typeof part === 'string' && /^[^/\\]+$/.test(part) && part !== '.' && part !== '..' ? part : placeholder;

/** Turns the rows of a sheet (header first) into files of `collection`, or row-level problems. */
export function importSheet(
  collection: SheetCollection,
  table: readonly (readonly SheetCell[])[],
  options: SheetImportOptions,
): ImportResult {
  const sheet = SHEETS[collection];
  const spec = collections[sheet.target];
  const { columns, noun } = sheet;
  const root = options.displayRoot ?? 'content';
  const defaults = options.defaults ?? {};
  const problems: RowProblem[] = [];
  const privateRoot = options.privateRoot ?? 'DISTRICT_CONTENT_DIR';
  const existingPrivate = options.existingPrivate ?? [];
  const result = (
    files: ContentFile[] = [],
    rows = 0,
    replaced: string[] = [],
    privateFiles: ContentFile[] = [],
  ): ImportResult => ({
    files: problems.length ? [] : files,
    privateFiles: problems.length ? [] : privateFiles,
    problems,
    rows,
    replaced: problems.length ? [] : replaced,
  });
  const labelOf = (key: string) => columns.find((column) => column.key === key)?.label ?? key;

  // The header is the first row with anything in it.
  const headerIndex = table.findIndex((row) => row.some((cell) => cellText(cell) !== ''));
  if (headerIndex < 0) {
    problems.push({
      row: 1,
      column: '',
      message: '表格是空的',
      fix: `第一行写列名（可下载${noun}模板），下面每行一份${noun}`,
    });
    return result();
  }
  const headerRow = headerIndex + 1;
  const header = table[headerIndex].map((cell) => cellText(cell));
  const candidates: Candidate[] = columns.map((column) => ({ key: column.label, aliases: [column.key] }));
  const columnAt = new Map<number, Column>();
  header.forEach((text, index) => {
    if (!text) return;
    const wanted = normaliseHeader(text);
    const column = columns.find(
      (candidate) => candidate.label.toLowerCase() === wanted || candidate.key.toLowerCase() === wanted,
    );
    if (!column) {
      // Two-character Chinese headers are all “near” each other: only a one-character slip is a plausible typo.
      const near = nearest(wanted, candidates);
      const guess =
        near && editDistance(wanted, near.toLowerCase()) <= Math.max(1, Math.floor(near.length / 4)) ? near : undefined;
      problems.push({
        row: headerRow,
        column: text,
        message: `未知的列“${text}”`,
        fix: guess ? `列名可能写错了，应为 ${guess}` : `可用的列：${columns.map((c) => c.label).join('、')}`,
      });
    } else if ([...columnAt.values()].includes(column)) {
      problems.push({ row: headerRow, column: text, message: `“${column.label}”列出现了两次`, fix: '删除重复的一列' });
    } else columnAt.set(index, column);
  });
  // A sheet meant for another import: say which command reads it, rather than listing every column.
  const known = (other: SheetCollection) =>
    header.filter((text) => text && SHEETS[other].columns.some((column) => column.label === normaliseHeader(text)))
      .length;
  const better = (Object.keys(SHEETS) as SheetCollection[]).find(
    (other) =>
      other !== collection && known(other) > columnAt.size && known(other) >= header.filter(Boolean).length / 2,
  );
  if (better) {
    problems.length = 0;
    problems.push({
      row: headerRow,
      column: '',
      message: `这张表的列是${SHEETS[better].noun}表的，不是${noun}表`,
      fix: `用 npm run import:${better} 导入它；导入${noun}请用${noun}模板（${sheet.templatePath}.xlsx）`,
    });
    return result();
  }
  const present = new Set(columnAt.values());
  for (const column of columns.filter((candidate) => candidate.required && !present.has(candidate))) {
    problems.push({
      row: headerRow,
      column: column.label,
      message: `缺少“${column.label}”列`,
      fix: `在第一行加上这一列（可下载${noun}模板对照）`,
    });
  }
  // Rows that go into one entry's list (a call's tasks) need to be told which entry.
  if (sheet.list && !defaults[sheet.list.entry]) {
    problems.push({
      row: headerRow,
      column: '',
      message: `不知道这些${noun}属于哪个${spec.label}`,
      fix: `导入时用 --${sheet.list.entry} 指定${spec.label}编号`,
    });
  }
  // A folder field (a sign-up's campaign) may come from the command line instead of a column.
  for (const folder of spec.folders) {
    const column = columns.find((candidate) => candidate.key === folder);
    if (column && !column.required && !present.has(column) && !defaults[folder]) {
      problems.push({
        row: headerRow,
        column: column.label,
        message: `不知道这些${noun}属于哪个${column.label}`,
        fix: `导入时用 --${folder} 指定${column.label}编号，或在表格中加一列“${column.label}”`,
      });
    }
  }
  if (problems.length) return result();

  const { entries } = validateContent(options.existing, { exists: () => true });
  const streets = streetLookup(entries.streets);
  // Names of brands and sites, for lists that may name them instead of giving their ids.
  const namesOf = (target: 'brands' | 'sites') => {
    const field = target === 'brands' ? 'title' : 'name';
    return new Map(entries[target].map((entry) => [String(entry.data[field]), entry.id]));
  };
  const names = { brands: namesOf('brands'), sites: namesOf('sites') };
  // Every id the collection already has, and those given to earlier rows: a new one gets -2, -3.
  // A list's items are replaced as a whole: only earlier rows take ids.
  const taken = new Set(
    sheet.list
      ? []
      : options.existing
          .filter((file) => file.path.startsWith(`${sheet.target}/`))
          .map((file) => file.path.replace(/^.*\//, '').replace(/\.[^.]+$/, '')),
  );
  // Checked here too: the validator leaves references of a row that failed its schema until that is fixed.
  const reported = new Set<string>();

  const rowOf = new Map<string, number>();
  /** Each row's data, by the file it becomes, for the columns of its problems. */
  const dataOf = new Map<string, Record<string, unknown>>();
  /** With `list`: the rows' data, in order, as the list's items. */
  const items: { row: number; data: Record<string, unknown> }[] = [];
  const files: ContentFile[] = [];
  const privateFiles: ContentFile[] = [];
  const generated: { row: number; id: string; title: string; path: string }[] = [];
  let rows = 0;
  table.forEach((cells, index) => {
    if (index <= headerIndex || !cells.some((cell) => cellText(cell) !== '')) return;
    rows++;
    const row = index + 1;
    const report = (key: string, message: string, fix: string) => {
      reported.add(`${row}:${key}`);
      problems.push({ row, column: labelOf(key), message, fix });
    };
    const cellOf = (key: string) => {
      const entry = [...columnAt].find(([, column]) => column.key === key);
      return entry ? cells[entry[0]] : undefined;
    };
    const data: Record<string, unknown> = {};
    /** The row's cells for the district repository (a sign-up's contact). */
    const privateData: Record<string, unknown> = {};
    let datum: Datum | undefined;
    for (const column of columns) {
      const cell = cellOf(column.key);
      const text = cellText(cell) || undefined;
      let value: unknown;
      switch (column.kind) {
        case 'body':
          continue;
        case 'date':
          value = normaliseDate(cell) || undefined;
          break;
        case 'number':
          value = normaliseNumber(cell);
          break;
        case 'boolean':
          value = normaliseBoolean(cell);
          break;
        case 'choice': {
          const raw = text ?? column.fallback;
          value = raw === undefined ? undefined : normaliseChoice(raw, column.choices ?? {});
          break;
        }
        case 'list': {
          const items = text === undefined ? undefined : splitList(text);
          const lookup =
            column.references === 'brands' || column.references === 'sites' ? names[column.references] : undefined;
          value = items?.map((item) => lookup?.get(item) ?? item);
          break;
        }
        case 'targets':
          value = text === undefined ? undefined : splitTargets(text);
          break;
        case 'street':
          if (text !== undefined && !streets.ids.has(text) && entries.streets.length) {
            const guesses = guessStreets(text, streets.candidates);
            report(
              column.key,
              `找不到街道“${text}”`,
              guesses.length
                ? `是不是 ${guesses.map((guess) => `${guess.aliases?.[0] ?? guess.key}（${guess.key}）`).join('或 ')}？`
                : '填写街道名称（例如 龙凤街道、龙凤街 或 龙凤）或街道编号（例如 longfeng）',
            );
          }
          value = text === undefined ? undefined : (streets.ids.get(text) ?? text);
          break;
        case 'datum':
          if (text === undefined) break;
          datum = datumOf(text);
          if (!datum) {
            report(
              column.key,
              `不认识的坐标系“${text}”`,
              '填写 WGS-84（天地图、GPS）、GCJ-02（高德、腾讯地图）或 BD-09（百度地图）',
            );
          }
          continue;
        default:
          value = text;
      }
      if (value !== undefined) setPath(column.collection ? privateData : data, column.key, value);
    }
    // A list item holds no folder field: the entry it goes into says it.
    if (!sheet.list) {
      for (const [key, value] of Object.entries(defaults))
        if (value !== undefined && data[key] === undefined) data[key] = value;
    }

    // Coordinates are stored as WGS-84: a point copied from AMap, Tencent or Baidu is converted once, here.
    const point = data.point as { lng?: unknown; lat?: unknown } | undefined;
    if (point && columns.some((column) => column.kind === 'datum')) {
      if (!datum && !reported.has(`${row}:datum`)) {
        report(
          'datum',
          '没有写明坐标系',
          '填写经纬度来自哪里：WGS-84（天地图、GPS）、GCJ-02（高德、腾讯地图）或 BD-09（百度地图）',
        );
      } else if (datum && typeof point.lng === 'number' && typeof point.lat === 'number') {
        const wgs = toWgs84({ lng: point.lng, lat: point.lat }, datum);
        data.point = { lng: roundCoordinate(wgs.lng), lat: roundCoordinate(wgs.lat) };
      }
    }

    const title = typeof data[sheet.titleKey] === 'string' ? (data[sheet.titleKey] as string) : '';
    const own = data.id === undefined ? sheet.idOf?.(data) : undefined;
    if (own !== undefined) data.id = own;
    else if (data.id === undefined && title) {
      const id = idFromTitle(title, taken);
      if (id) {
        data.id = id;
        generated.push({ row, id, title, path: '' });
      }
    }
    if (typeof data.id === 'string') taken.add(data.id);

    // Fields in the schema's order, so an imported file reads like one written in the editor.
    const order = Object.keys(sheet.shape().shape);
    const shaped = sheet.toData ? sheet.toData(prune(data)) : prune(data);
    const ordered = Object.fromEntries(Object.entries(shaped).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
    if (sheet.list) {
      items.push({ row, data: ordered });
      return;
    }
    const body = cellText(cellOf('body')).replace(/\r\n?/g, '\n');
    const folders = spec.folders.map((folder) => safeSegment(ordered[folder], '_'));
    const path = [collection, ...folders, `${safeSegment(ordered.id, `row-${row}`)}.${spec.format}`].join('/');
    const last = generated.at(-1);
    if (last?.row === row) last.path = path;
    rowOf.set(path, row);
    dataOf.set(path, ordered);
    const yaml = stringify(ordered, { lineWidth: 0 });
    files.push({ path, text: spec.format === 'md' ? `---\n${yaml}---\n${body ? `\n${body}\n` : ''}` : yaml });
    // The sign-up's contact: a file of its own beside the sign-up's place, named after it, in the district repository.
    if (columns.some((column) => column.collection === 'contacts')) {
      const [campaign, street] = folders;
      const id = safeSegment(ordered.id, `row-${row}`);
      const contactPath = ['contacts', campaign, street, `${id}.yaml`].join('/');
      rowOf.set(contactPath, row);
      const contact = { submission: ordered.id, campaign: ordered.campaign, street: ordered.street, ...privateData };
      privateFiles.push({ path: contactPath, text: stringify(prune(contact), { lineWidth: 0 }) });
    }
  });
  if (rows === 0) {
    problems.push({
      row: headerRow + 1,
      column: '',
      message: `表格里没有${noun}`,
      fix: `在列名下面每行填写一份${noun}`,
    });
    return result();
  }
  if (sheet.list) return intoList(sheet, items, { ...options, root, headerRow, defaults, problems, result, labelOf });

  // A row with no id whose title an entry of the same folder already has is most likely a second import.
  for (const { row, title, path } of generated) {
    const folder = path.slice(0, path.lastIndexOf('/') + 1);
    const twin = entries[sheet.target].find(
      (entry) => entry.path.startsWith(folder) && entry.data[sheet.titleKey] === title,
    );
    if (twin) {
      problems.push({
        row,
        column: labelOf(sheet.titleKey),
        message: `已有同名的${noun}“${title}”（${root}/${twin.path}）`,
        fix: `要更新它，在“${labelOf('id')}”列填写 ${twin.id} 并在导入时加 --replace；确是另一个${noun}的，请在“${labelOf('id')}”列填写新的编号`,
      });
    }
  }

  // A row that would overwrite a file already there is refused unless asked to replace it.
  const newPaths = new Set([...files, ...privateFiles].map((file) => file.path));
  const clashes = (existing: readonly ContentFile[], shownRoot: string) =>
    existing
      .filter((file) => newPaths.has(file.path))
      .map((file) => ({ path: file.path, shown: `${shownRoot}/${file.path}` }));
  const clashing = [...clashes(options.existing, root), ...clashes(existingPrivate, privateRoot)];
  const kept = [...options.existing, ...existingPrivate].filter((file) => !newPaths.has(file.path));
  if (!options.replace) {
    // One problem per row: a sign-up and its contact already there are one entry to the office.
    const rowsReported = new Set<number>();
    for (const { path, shown } of clashing) {
      const row = rowOf.get(path) ?? 0;
      if (rowsReported.has(row)) continue;
      rowsReported.add(row);
      problems.push({
        row,
        column: labelOf('id'),
        message: `${shown} 已经存在`,
        fix: `换一个编号；要用表格内容覆盖已有${noun}时，导入时加 --replace`,
      });
    }
  }
  const { problems: found } = validateContent([...kept, ...files, ...privateFiles], {
    displayRoot: root,
    exists: options.exists,
  });
  const privateColumns = columns.filter((column) => column.collection === 'contacts');
  const isContact = (path: string) => path.startsWith('contacts/');
  // The sign-up's problems first: its contact shares its id, street and call, so only the contact's own
  // columns (name, phone) are reported from the contact's file.
  const pathOf = (file: string) => file.slice(root.length + 1);
  const reportable = [
    ...found.filter((problem) => !isContact(pathOf(problem.file))),
    ...found.filter(
      (problem) => isContact(pathOf(problem.file)) && privateColumns.some((column) => column.key === problem.field),
    ),
  ];
  for (const problem of reportable) {
    const path = pathOf(problem.file);
    const row = rowOf.get(path);
    if (row === undefined || !(path.startsWith(`${sheet.target}/`) || isContact(path))) continue;
    const candidates = isContact(path) ? privateColumns : columns.filter((candidate) => !candidate.collection);
    const key = isContact(path) ? undefined : sheet.columnOf?.(problem.field, dataOf.get(path) ?? {});
    const column = candidates.find((candidate) => candidate.key === key) ?? columnFor(candidates, problem.field);
    if (reported.has(`${row}:${column.key}`)) continue;
    problems.push({ row, column: column.label, message: problem.message, fix: column.fix ?? problem.fix });
  }
  problems.sort((a, b) => a.row - b.row);
  return result(files, rows, options.replace ? clashing.map(({ path }) => path) : [], privateFiles);
}

/** 加装电梯 20 台；惠及住户 400 户 → targets; an item not written so stays text for the validator to refuse. */
function splitTargets(text: string): unknown[] {
  return text
    .split(/[；;\n]+/)
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const match = /^(.+?)\s*(\d+(?:\.\d+)?)\s*(\S+)$/.exec(item.normalize('NFKC'));
      return match ? { target: match[1].trim(), value: Number(match[2]), unit: match[3] } : item;
    });
}

interface ListContext extends SheetImportOptions {
  root: string;
  headerRow: number;
  defaults: Record<string, string | undefined>;
  problems: RowProblem[];
  result: (files?: ContentFile[], rows?: number, replaced?: string[]) => ImportResult;
  labelOf: (key: string) => string;
}

/**
 * Rows as the items of one entry's list (a call's tasks): the list is replaced as a whole, in the
 * entry's file as it is (comments kept), and only with --replace when it has items already. Problems
 * of an item go to its row; problems the new list causes elsewhere (a claim of a task no longer
 * listed) to the header row, naming the file.
 */
function intoList(
  sheet: (typeof SHEETS)[SheetCollection],
  items: { row: number; data: Record<string, unknown> }[],
  context: ListContext,
): ImportResult {
  const { root, headerRow, defaults, problems, result, labelOf, existing } = context;
  const list = sheet.list as NonNullable<typeof sheet.list>;
  const spec = collections[sheet.target];
  const id = defaults[list.entry] ?? '';
  const path = `${sheet.target}/${id}.${spec.format}`;
  const file = existing.find((candidate) => candidate.path === path);
  if (!file) {
    problems.push({
      row: headerRow,
      column: '',
      message: `找不到${spec.label} ${root}/${path}`,
      fix: `检查 --${list.entry} 后的${spec.label}编号`,
    });
    return result();
  }
  const doc = parseDocument(file.text);
  const before = doc.get(list.field) as { items?: unknown[] } | undefined;
  if (before?.items?.length && !context.replace) {
    problems.push({
      row: headerRow,
      column: '',
      message: `${root}/${path} 已有 ${before.items.length} 项${sheet.noun}`,
      fix: `要用表格中的${sheet.noun}整体替换它们，导入时加 --replace`,
    });
    return result();
  }
  doc.set(
    list.field,
    items.map((item) => item.data),
  );
  const written = { path, text: doc.toString({ lineWidth: 0 }) };
  const others = existing.filter((candidate) => candidate.path !== path);
  const key = (problem: Problem) => formatProblem(problem);
  const already = new Set(validateContent(existing, { displayRoot: root, exists: context.exists }).problems.map(key));
  const field = new RegExp(`^${list.field}\\[(\\d+)\\]\\.?(.*)$`);
  for (const problem of validateContent([...others, written], { displayRoot: root, exists: context.exists }).problems) {
    if (already.has(key(problem))) continue;
    const at = problem.file === `${root}/${path}` ? field.exec(problem.field) : null;
    const item = at ? items[Number(at[1])] : undefined;
    if (at && item) {
      const column = columnFor(sheet.columns, at[2]);
      // The row is the item: its path inside the entry (tasks[0].) means nothing in the sheet.
      const inRow = (text: string) => text.replaceAll(`${list.field}[${at[1]}].`, '');
      problems.push({
        row: item.row,
        column: column.label || labelOf(at[2]),
        message: inRow(problem.message),
        fix: column.fix ?? inRow(problem.fix),
      });
    } else {
      problems.push({
        row: headerRow,
        column: '',
        message: `导入后 ${problem.file}${problem.field ? ` ${problem.field}` : ''}：${problem.message}`,
        fix: problem.fix,
      });
    }
  }
  problems.sort((a, b) => a.row - b.row);
  return result([written], items.length, before?.items?.length ? [path] : []);
}

/** The column a validator field path belongs to ('' for the row as a whole). */
function columnFor(columns: readonly Column[], path: string): Pick<Column, 'key' | 'label' | 'fix'> {
  if (!path) return { key: '', label: '' };
  // A list item (sites[0]) belongs to the list's column.
  const field = path.replace(/\[\d+\]/g, '');
  const column =
    columns.find((candidate) => candidate.key === field) ??
    columns.find((candidate) => field.startsWith(`${candidate.key}.`)) ??
    columns.find((candidate) => candidate.key.startsWith(`${field}.`));
  return column ?? { key: field, label: field };
}

/** One problem per line, as the commands print them. */
export function formatRowProblem({ row, column, message, fix }: RowProblem): string {
  return `第 ${row} 行${column ? ` ${column}` : ''}：${message}（${fix}）`;
}
