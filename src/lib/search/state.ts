/**
 * The search page's state lives in its address, so a search can be shared and
 * the back button returns to the previous one: /search/?q=加装电梯&street=江海街道.
 * `q` is the text as typed; each filter chosen with a chip is a parameter
 * named after its key, repeated for several values.
 */
import { FILTER_KEYS, type FilterKey, type Selected } from './query.ts';

export interface SearchState {
  q: string;
  selected: Selected;
  /** How many pages of results are shown (each of PAGE_SIZE results). */
  pages: number;
}

export const PAGE_SIZE = 10;
/** A query is cut here: longer text is not a search anyone types, and it keeps the address short. */
export const MAX_QUERY_LENGTH = 100;

export function readState(params: URLSearchParams): SearchState {
  const selected: Selected = {};
  for (const key of FILTER_KEYS) {
    const values = [...new Set(params.getAll(key).filter(Boolean))];
    if (values.length) selected[key] = values;
  }
  const pages = Number(params.get('pages'));
  return {
    q: (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH),
    selected,
    pages: Number.isInteger(pages) && pages > 1 ? Math.min(pages, 50) : 1,
  };
}

/** The address's query string for a state ('' for the empty search page). */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  const q = state.q.trim();
  if (q) params.set('q', q);
  for (const key of FILTER_KEYS) for (const value of state.selected[key] ?? []) params.append(key, value);
  if (state.pages > 1) params.set('pages', String(state.pages));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The state with one filter value switched on or off (and back to the first page of results). */
export function toggleFilter(state: SearchState, key: FilterKey, value: string): SearchState {
  const current = state.selected[key] ?? [];
  const next = current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
  const selected: Selected = { ...state.selected };
  if (next.length) selected[key] = next;
  else delete selected[key];
  return { ...state, selected, pages: 1 };
}

export function hasFilters(selected: Selected): boolean {
  return FILTER_KEYS.some((key) => (selected[key]?.length ?? 0) > 0);
}
