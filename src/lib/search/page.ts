/**
 * The search page in the browser: reads the query from the address, asks
 * Pagefind (loaded only here), and shows results, filter chips with counts and
 * an announced result count. Every search is an address (/search/?q=…&street=…),
 * so results can be shared and the back button returns to the previous search.
 */

import { BASE_PATH, sitePath } from '../site/url.ts';
import {
  FILTER_KEYS,
  FILTER_LABELS,
  type FilterKey,
  type ParsedQuery,
  parseQuery,
  type Recognised,
  searchFilters,
  searchTerm,
  type Vocabulary,
} from './query.ts';
import { chooseExcerpt, escapeHtml, type ResultFragment } from './results.ts';
import { hasFilters, PAGE_SIZE, readState, type SearchState, toggleFilter, writeState } from './state.ts';

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultFragment>;
}
type Counts = Record<string, Record<string, number>>;
interface PagefindSearch {
  results: PagefindResult[];
  filters: Counts;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Counts>;
  preload(term: string, options?: object): Promise<void>;
  search(term: string | null, options?: { filters?: object; sort?: object }): Promise<PagefindSearch | null>;
}

/** Wait this long after the last keystroke before searching as the visitor types. */
const TYPING_DELAY_MS = 250;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export function startSearchPage() {
  const form = byId<HTMLFormElement>('search-form');
  const input = byId<HTMLInputElement>('search-q');
  const app = byId<HTMLDivElement>('search-app');
  const status = byId<HTMLParagraphElement>('search-status');
  const recognisedBox = byId<HTMLDivElement>('search-recognised');
  const filtersBox = byId<HTMLDivElement>('search-filters');
  const list = byId<HTMLOListElement>('search-results');
  const more = byId<HTMLButtonElement>('search-more');
  const suggestions = byId<HTMLElement>('search-suggestions');
  app.hidden = false;

  const ready = Promise.all([loadPagefind(), loadVocabulary()]);
  let state = readState(new URLSearchParams(location.search));
  input.value = state.q;
  /** Whether the current history entry was made by typing (later keystrokes replace it rather than add more). */
  let typingEntry = false;
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the visitor opened the filter panel (it stays open for the next searches). */
  let panelOpen = false;
  /**
   * The filter index, for the chips' counts: fetched the first time the panel
   * opens (or a filter is in the address), never before the results, since on
   * a large site it weighs more than the search itself.
   */
  let filtersLoaded: Promise<unknown> | undefined;
  /** The last search, to show more of its results or its counts without searching again. */
  let last:
    | {
        mine: number;
        search: PagefindSearch;
        parsed: ParsedQuery;
        term: string | null;
        filters: object;
        recognised: Recognised[];
      }
    | undefined;

  const go = (next: SearchState, history: 'push' | 'replace' | 'none') => {
    state = next;
    const url = `${location.pathname}${writeState(state)}`;
    if (history === 'push' && url !== `${location.pathname}${location.search}`) window.history.pushState(null, '', url);
    else if (history !== 'none') window.history.replaceState(null, '', url);
    return run();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    const next = { ...state, q: input.value, pages: 1 };
    // Typing already made this search's history entry; pressing Enter confirms it.
    go(next, typingEntry ? 'replace' : 'push');
    typingEntry = false;
  });

  /** Fetches the index chunks for what is typed so far, so that pressing Enter finds them there. */
  const preload = () => {
    ready.then(([pagefind, vocabulary]) => {
      const term = searchTerm(parseQuery(input.value, vocabulary));
      if (pagefind && term) pagefind.preload(term);
    });
  };
  const typed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (input.value.trim() === state.q.trim()) return;
      go({ ...state, q: input.value, pages: 1 }, typingEntry ? 'replace' : 'push');
      typingEntry = true;
    }, TYPING_DELAY_MS);
  };
  input.addEventListener('input', (event) => {
    // Chinese is typed through an input method: wait until the characters are chosen.
    if ((event as InputEvent).isComposing) return;
    typed();
    preload();
  });
  input.addEventListener('compositionend', () => {
    typed();
    preload();
  });

  window.addEventListener('popstate', () => {
    typingEntry = false;
    state = readState(new URLSearchParams(location.search));
    input.value = state.q;
    run();
  });

  // Links to other searches (suggestions) search here without reloading the page.
  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest?.('a');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
    const url = new URL(link.href);
    if (url.origin !== location.origin || url.pathname !== location.pathname) return;
    event.preventDefault();
    const next = readState(url.searchParams);
    input.value = next.q;
    typingEntry = false;
    go(next, 'push').then(() => input.focus());
  });

  filtersBox.addEventListener('click', (event) => {
    const chip = (event.target as Element).closest<HTMLButtonElement>('button[data-key]');
    if (chip) {
      const key = chip.dataset.key as FilterKey;
      const value = chip.dataset.value as string;
      typingEntry = false;
      go(toggleFilter(state, key, value), 'push').then(() =>
        refocus(`button[data-key="${key}"][data-value="${cssEscape(value)}"]`),
      );
      return;
    }
    if ((event.target as Element).closest('button[data-clear]')) {
      typingEntry = false;
      go({ ...state, selected: {}, pages: 1 }, 'push').then(() => input.focus());
    }
  });
  filtersBox.addEventListener(
    'toggle',
    (event) => {
      if (!(event.target instanceof HTMLDetailsElement)) return;
      panelOpen = event.target.open;
      if (panelOpen && !event.target.dataset.counts && last) showCounts(last.mine);
    },
    true,
  );

  recognisedBox.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-matched]');
    if (!button) return;
    // Searching a recognised name as text: quote it, so it is a phrase rather than a filter.
    const matched = button.dataset.matched as string;
    const q = state.q.normalize('NFKC').replace(matched, `"${matched}"`);
    input.value = q;
    typingEntry = false;
    go({ ...state, q, pages: 1 }, 'push').then(() => input.focus());
  });

  more.addEventListener('click', () => {
    if (!last) return;
    const from = state.pages * PAGE_SIZE;
    state = { ...state, pages: state.pages + 1 };
    window.history.replaceState(null, '', `${location.pathname}${writeState(state)}`);
    showResults(last.search, last.parsed, last.term, from).then(() => {
      list.querySelectorAll<HTMLAnchorElement>('h3 a')[from]?.focus();
    });
  });

  const refocus = (selector: string) => {
    const target = filtersBox.querySelector<HTMLElement>(selector);
    (target ?? input).focus();
  };

  async function run() {
    const mine = ++sequence;
    const [pagefind, vocabulary] = await ready;
    if (mine !== sequence) return;
    if (!pagefind) {
      finish(mine, '搜索暂时无法使用，请稍后再试，或从下方的街道和品牌类别浏览。', true);
      return;
    }
    const parsed = parseQuery(state.q, vocabulary);
    let term = searchTerm(parsed);
    let filters = searchFilters(parsed, state.selected);
    if (!term && !Object.keys(filters).length) {
      recognisedBox.replaceChildren();
      filtersBox.replaceChildren();
      list.replaceChildren();
      more.hidden = true;
      last = undefined;
      finish(mine, '', true);
      return;
    }
    let search = await find(pagefind, term, filters);
    let widened = false;
    if (search && !search.results.length && parsed.recognised.length && term) {
      // The name may be part of a brand's name, not a place: search all of it as text instead.
      const words = [...parsed.recognised.map((name) => name.matched), ...parsed.words];
      term = searchTerm({ phrases: parsed.phrases, words });
      filters = searchFilters({ recognised: [] }, state.selected);
      search = await find(pagefind, term, filters);
      widened = true;
    }
    if (mine !== sequence || !search) return;

    const recognised = widened ? [] : parsed.recognised;
    last = { mine, search, parsed, term, filters, recognised };
    await showResults(search, parsed, term, 0);
    if (mine !== sequence) return;
    renderRecognised(recognised);
    const total = search.results.length;
    const quoted = state.q.trim() ? `与“${state.q.trim()}”相关的` : '';
    const scope = hasFilters(state.selected) ? '（已按所选条件筛选）' : '';
    const message = total
      ? `找到 ${total} 条${quoted}结果${scope}${widened ? '。地名作为文字搜索' : ''}`
      : `没有找到${quoted}内容${scope}。请检查错别字，或减少关键词、取消筛选条件后再试。`;
    status.textContent = message;
    suggestions.hidden = total > 0;
    if (filtersLoaded || panelOpen || hasFilters(state.selected)) await showCounts(mine);
    else renderFilters(undefined);
    if (mine !== sequence) return;
    finish(mine, message, total === 0);
  }

  /** Loads the filter index if needed and shows the chips with their counts for search `mine`. */
  async function showCounts(mine: number) {
    const [pagefind] = await ready;
    if (!pagefind || !last || last.mine !== mine) return;
    const current = last;
    if (!filtersLoaded) {
      filtersLoaded = pagefind.filters();
      await filtersLoaded;
      if (mine !== sequence) return;
      // Counts come with a search once the filter index is there: search again (from memory, no download).
      current.search = (await find(pagefind, current.term, current.filters)) ?? current.search;
    }
    await filtersLoaded;
    const counts = await groupCounts(
      pagefind,
      current.term,
      current.filters as Record<string, unknown>,
      current.search,
      current.recognised,
    );
    if (mine !== sequence) return;
    renderFilters(counts);
  }

  /** Counts for each filter group: for a group in use, counted as if it were not, so its other values show theirs. */
  async function groupCounts(
    pagefind: Pagefind,
    term: string | null,
    filters: Record<string, unknown>,
    search: PagefindSearch,
    recognised: Recognised[],
  ): Promise<Counts> {
    const counts: Counts = { ...search.filters };
    for (const key of FILTER_KEYS) {
      if (!(key in filters)) continue;
      if (recognised.some((name) => name.kind === key) && !state.selected[key]) continue;
      const { [key]: _, ...others } = filters;
      const without = await pagefind.search(term, { filters: others });
      if (without) counts[key] = without.filters[key] ?? {};
    }
    return counts;
  }

  async function showResults(search: PagefindSearch, parsed: ParsedQuery, term: string | null, from: number) {
    const upTo = Math.min(search.results.length, state.pages * PAGE_SIZE);
    const fragments = await Promise.all(search.results.slice(from, upTo).map((result) => result.data()));
    const words = [...parsed.phrases, ...parsed.words];
    const items = fragments.map((fragment) => resultItem(fragment, chooseExcerpt(fragment, words, term !== null)));
    if (from === 0) list.replaceChildren(...items);
    else list.append(...items);
    const left = search.results.length - upTo;
    more.hidden = left <= 0;
    more.textContent = `显示更多结果（还有 ${left} 条）`;
  }

  function finish(mine: number, message: string, showSuggestions: boolean) {
    // The same text again would be announced again.
    if (status.textContent !== message) status.textContent = message;
    suggestions.hidden = !showSuggestions;
    // For tests and the benchmark: which search has finished.
    app.dataset.searchQuery = state.q;
    app.dataset.searchDone = String(mine);
  }

  function renderRecognised(recognised: Recognised[]) {
    recognisedBox.replaceChildren(
      ...recognised.map((name) => {
        const row = document.createElement('p');
        row.className = 'recognised';
        const label = name.kind === 'street' ? '街道' : '社区';
        row.innerHTML = `<span>只看${label}：<strong>${escapeHtml(name.value)}</strong></span>`;
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'chip';
        button.dataset.matched = name.matched;
        button.textContent = `改为搜索文字“${name.matched}”`;
        row.append(button);
        return row;
      }),
    );
  }

  /** The filter panel: closed, without counts, until opened; then chips with counts per group. */
  function renderFilters(counts: Counts | undefined) {
    const details = document.createElement('details');
    details.className = 'filter-panel';
    details.open = panelOpen || hasFilters(state.selected);
    const summary = document.createElement('summary');
    summary.textContent = '筛选（类型、街道、年份等）';
    details.append(summary);
    if (counts) {
      details.dataset.counts = 'true';
      details.append(...FILTER_KEYS.flatMap((key) => filterGroup(key, counts[key] ?? {}) ?? []));
      if (hasFilters(state.selected)) {
        const clear = document.createElement('button');
        clear.type = 'button';
        clear.className = 'chip';
        clear.dataset.clear = '';
        clear.textContent = '清除全部筛选';
        details.append(clear);
      }
    } else {
      const loading = document.createElement('p');
      loading.textContent = '正在载入筛选条件…';
      details.append(loading);
    }
    filtersBox.replaceChildren(details);
  }

  function filterGroup(key: FilterKey, counts: Record<string, number>): HTMLElement | undefined {
    const selected = state.selected[key] ?? [];
    const values = Object.entries(counts)
      .filter(([value, count]) => count > 0 || selected.includes(value))
      .sort(([a, countA], [b, countB]) =>
        key === 'year' ? b.localeCompare(a) : countB - countA || a.localeCompare(b),
      );
    for (const value of selected) if (!(value in counts)) values.push([value, 0]);
    if (values.length < 2 && !selected.length) return undefined;
    const group = document.createElement('div');
    group.className = 'filter-group';
    const label = document.createElement('p');
    label.className = 'filter-label';
    label.id = `filter-${key}`;
    label.textContent = FILTER_LABELS[key];
    const chips = document.createElement('ul');
    chips.className = 'chips';
    chips.setAttribute('aria-labelledby', label.id);
    for (const [value, count] of values) {
      const item = document.createElement('li');
      const chip = document.createElement('button');
      chip.type = 'button';
      chip.className = 'chip';
      chip.dataset.key = key;
      chip.dataset.value = value;
      chip.setAttribute('aria-pressed', String(selected.includes(value)));
      chip.innerHTML = `${escapeHtml(value)}<span class="count">（${count}）</span>`;
      item.append(chip);
      chips.append(item);
    }
    group.append(label, chips);
    return group;
  }

  run();
}

/**
 * Searches. Without text (a street or filters only) the results have no
 * relevance order: street pages come first (only they have the sort key
 * `first`, so sorting by it finds just them), then the rest in index order.
 */
async function find(pagefind: Pagefind, term: string | null, filters: object): Promise<PagefindSearch | null> {
  const search = await pagefind.search(term, { filters });
  if (term || !search) return search;
  const streets = await pagefind.search(null, { filters, sort: { first: 'asc' } });
  if (!streets?.results.length) return search;
  const ids = new Set(streets.results.map((result) => result.id));
  return { ...search, results: [...streets.results, ...search.results.filter((result) => !ids.has(result.id))] };
}

function resultItem(fragment: ResultFragment, excerpt: string): HTMLLIElement {
  const item = document.createElement('li');
  const meta = fragment.meta;
  const sample = meta.sample ? ` <span class="badge badge-sample">${escapeHtml(meta.sample)}</span>` : '';
  const street = meta.street && meta.type !== '街道' ? `<span>${escapeHtml(meta.street)}</span>` : '';
  item.innerHTML =
    `<div class="result-body"><h3><a href="${escapeHtml(fragment.url)}">${escapeHtml(meta.title ?? fragment.url)}</a>${sample}</h3>` +
    `<p class="result-meta"><span class="badge badge-status">${escapeHtml(meta.type ?? '')}</span>${street}</p>` +
    `<p class="result-excerpt">${excerpt}</p></div>` +
    (meta.image ? `<img src="${escapeHtml(meta.image)}" alt="" loading="lazy" width="88" height="64" />` : '');
  return item;
}

async function loadPagefind(): Promise<Pagefind | undefined> {
  try {
    // A variable path, so the bundler leaves Pagefind's own script to load at run time.
    const path = sitePath('/pagefind/pagefind.js');
    const pagefind = (await import(/* @vite-ignore */ path)) as Pagefind;
    // Result URLs under the base the site is served from (Pagefind indexes the build's files from its root).
    await pagefind.options({ excerptLength: 24, baseUrl: BASE_PATH });
    await pagefind.init();
    return pagefind;
  } catch (error) {
    console.error('Pagefind did not load', error);
    return undefined;
  }
}

async function loadVocabulary(): Promise<Vocabulary> {
  try {
    const response = await fetch(sitePath('/search-vocabulary.json'));
    if (response.ok) return (await response.json()) as Vocabulary;
  } catch {
    // Without it, names are searched as text.
  }
  return { streets: [], communities: [] };
}

function cssEscape(value: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, '\\$&');
}
