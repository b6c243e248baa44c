/**
 * Turns what a visitor typed into a Pagefind search: street and community
 * names become filters (Pagefind's prefix matching on single Chinese
 * characters makes them noisy as text: 江海街 also finds 滨江街), quoted text
 * stays a phrase, and the rest is passed on as words.
 *
 * Pure: the vocabulary (streets and communities from the public content) is
 * passed in, so the parser is unit-tested without a build.
 */

export interface VocabularyStreet {
  id: string;
  /** Full name, e.g. 江海街道. */
  name: string;
  /** Short name, e.g. 江海. */
  shortName: string;
}

export interface VocabularyCommunity {
  /** e.g. 江湾社区. */
  name: string;
  /** Id of the street it lies in. */
  street: string;
}

/** What the search page needs to know about names: built from public content at build time. */
export interface Vocabulary {
  streets: VocabularyStreet[];
  communities: VocabularyCommunity[];
}

/** A street or community recognised in the query. */
export interface Recognised {
  kind: 'street' | 'community';
  /** The filter value: the street's or community's full name. */
  value: string;
  /** The text as typed, e.g. 江海街. */
  matched: string;
}

export interface ParsedQuery {
  /** The query as typed, trimmed. */
  input: string;
  /** Quoted text, searched as phrases. */
  phrases: string[];
  /** Remaining words, searched as text. */
  words: string[];
  /** Streets and communities that became filters, in the order typed, without repeats. */
  recognised: Recognised[];
}

/** Quotation marks a visitor may type: ASCII, Chinese curly quotes, corner brackets. */
const QUOTE_PAIRS: Record<string, string> = { '"': '"', '“': '”', '”': '”', '「': '」', '『': '』', '„': '“' };

/** Punctuation that separates words but is never searched for by itself. */
const SEPARATORS = /[\s,，、。;；:：!！?？()（）[\]【】《》<>〈〉…·'‘’]+/u;

/** Every form a visitor may type for a street, longest first: 江海街道, 江海街, 江海. */
export function streetForms(street: VocabularyStreet): string[] {
  const forms = new Set([street.name, `${street.shortName}街道`, `${street.shortName}街`, street.shortName]);
  return [...forms].filter((form) => form.length >= 2).sort((a, b) => b.length - a.length);
}

interface Form {
  text: string;
  recognised: Omit<Recognised, 'matched'>;
}

/** All recognisable forms, longest first, so 南洲社区 (a community) wins over 南洲 (a street). */
function formsOf(vocabulary: Vocabulary): Form[] {
  const forms: Form[] = [];
  for (const street of vocabulary.streets) {
    for (const text of streetForms(street)) forms.push({ text, recognised: { kind: 'street', value: street.name } });
  }
  for (const community of vocabulary.communities) {
    if (community.name.length >= 2) {
      forms.push({ text: community.name, recognised: { kind: 'community', value: community.name } });
    }
  }
  return forms.sort((a, b) => b.text.length - a.text.length);
}

const cache = new WeakMap<Vocabulary, Form[]>();

/**
 * Parses a query. Quoted text (ASCII or Chinese quotes) is kept as phrases;
 * outside quotes, the longest street or community name at each position is
 * taken out as a filter; what is left is split into words.
 */
export function parseQuery(raw: string, vocabulary: Vocabulary): ParsedQuery {
  // NFKC folds full-width letters, digits and spaces (ＡＩ, ５Ｇ, the ideographic space) to their plain forms.
  const input = raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
  let forms = cache.get(vocabulary);
  if (!forms) {
    forms = formsOf(vocabulary);
    cache.set(vocabulary, forms);
  }

  const phrases: string[] = [];
  const loose: string[] = [];
  let rest = '';
  for (let index = 0; index < input.length; index++) {
    const char = input[index] as string;
    const close = QUOTE_PAIRS[char];
    const end = close === undefined ? -1 : input.indexOf(close, index + 1);
    if (close !== undefined && end > index) {
      loose.push(rest);
      rest = '';
      const phrase = clean(input.slice(index + 1, end));
      if (phrase && !phrases.includes(phrase)) phrases.push(phrase);
      index = end;
    } else if (close !== undefined) {
      // An unmatched quote is punctuation.
      rest += ' ';
    } else rest += char;
  }
  loose.push(rest);

  const recognised: Recognised[] = [];
  const words: string[] = [];
  for (const part of loose) {
    const left = takeNames(part, forms, recognised);
    for (const word of left.split(SEPARATORS)) {
      const trimmed = clean(word);
      if (trimmed && !words.includes(trimmed)) words.push(trimmed);
    }
  }
  return { input, phrases, words, recognised };
}

/** Removes recognised names from `text`, recording them; returns the text left, names replaced by spaces. */
function takeNames(text: string, forms: Form[], recognised: Recognised[]): string {
  let left = '';
  let index = 0;
  while (index < text.length) {
    const form = forms.find((candidate) => text.startsWith(candidate.text, index));
    if (form) {
      if (!recognised.some((known) => known.kind === form.recognised.kind && known.value === form.recognised.value)) {
        recognised.push({ ...form.recognised, matched: form.text });
      }
      left += ' ';
      index += form.text.length;
    } else {
      left += text[index];
      index++;
    }
  }
  return left;
}

/** Trims separators off both ends. */
function clean(text: string): string {
  return text.split(SEPARATORS).filter(Boolean).join(' ').trim();
}

/** The text to hand to Pagefind: phrases in double quotes, then the words; null when only filters are left. */
export function searchTerm(parsed: Pick<ParsedQuery, 'phrases' | 'words'>): string | null {
  const parts = [...parsed.phrases.map((phrase) => `"${phrase}"`), ...parsed.words];
  return parts.length ? parts.join(' ') : null;
}

/** Filter keys, as written by the pages into the index (data-pagefind-filter). */
export const FILTER_KEYS = ['type', 'street', 'community', 'category', 'sitetype', 'year', 'status'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Chinese names of the filters, for chips and their groups. */
export const FILTER_LABELS: Record<FilterKey, string> = {
  type: '类型',
  street: '街道',
  community: '社区',
  category: '品牌类别',
  sitetype: '阵地类型',
  year: '年份',
  status: '遴选状态',
};

/** Filters chosen with the chips: each key holds one or more values. */
export type Selected = Partial<Record<FilterKey, string[]>>;

/** Pagefind's filter object: values of one key are alternatives, keys are all required. */
export type PagefindFilters = Record<string, { any: string[] }>;

/**
 * The filters for Pagefind: those the visitor chose with chips, and the
 * streets and communities recognised in the query. A street named in the query
 * and another chosen with a chip are alternatives.
 */
export function searchFilters(parsed: Pick<ParsedQuery, 'recognised'>, selected: Selected = {}): PagefindFilters {
  const filters: PagefindFilters = {};
  const add = (key: string, value: string) => {
    const entry = filters[key] ?? { any: [] };
    filters[key] = entry;
    if (!entry.any.includes(value)) entry.any.push(value);
  };
  for (const key of FILTER_KEYS) for (const value of selected[key] ?? []) add(key, value);
  for (const name of parsed.recognised) add(name.kind, name.value);
  return filters;
}

/** The vocabulary from public content: every street, and every community a site names (sorted, without repeats). */
export function buildVocabulary(
  streets: { id: string; name: string; shortName: string }[],
  sites: { street: string; community?: string }[],
): Vocabulary {
  const communities = new Map<string, VocabularyCommunity>();
  for (const site of sites) {
    const name = site.community?.trim();
    if (name && !communities.has(name)) communities.set(name, { name, street: site.street });
  }
  return {
    streets: streets.map(({ id, name, shortName }) => ({ id, name, shortName })),
    communities: [...communities.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  };
}
