/**
 * Turning Pagefind's results into what the search page shows: a safe,
 * highlighted excerpt per result. Pure, so it is unit-tested.
 */

/** Id of the hidden heading before each page's name parts (see SearchFields.astro). */
export const NAME_PARTS_ANCHOR = 'search-name-parts';

/** The parts of Pagefind's result data used here (see Pagefind's PagefindSearchFragment). */
export interface ResultFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
  sub_results?: {
    excerpt: string;
    anchor?: { id: string };
    weighted_locations?: { balanced_score: number }[];
    locations?: number[];
  }[];
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] as string);
}

/**
 * Pagefind's excerpts are escaped text with <mark> around matches; keep
 * exactly that and escape anything else, should a page's text ever carry markup.
 */
export function safeExcerpt(html: string): string {
  return html
    .split(/(<mark>|<\/mark>)/)
    .map((part) => (part === '<mark>' || part === '</mark>' ? part : escapeHtml(unescapeHtml(part))))
    .join('');
}

function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (entity, name: string) => {
    const map: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
    return map[name] ?? entity;
  });
}

/** A plain text with every occurrence of the query's words and phrases marked, escaped for HTML. */
export function highlight(text: string, words: string[]): string {
  const needles = [...new Set(words.map((word) => word.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!needles.length) return escapeHtml(text);
  const lower = text.toLowerCase();
  let html = '';
  let index = 0;
  while (index < text.length) {
    const needle = needles.find((candidate) => lower.startsWith(candidate.toLowerCase(), index));
    if (needle) {
      html += `<mark>${escapeHtml(text.slice(index, index + needle.length))}</mark>`;
      index += needle.length;
    } else {
      html += escapeHtml(text[index] as string);
      index++;
    }
  }
  return html;
}

/**
 * The excerpt to show: the best-matching section of the page other than its
 * hidden name parts (whose text is a list of fragments, not prose); when only
 * the name matched, or the search had no text, the page's own short summary,
 * with the query's words marked.
 */
export function chooseExcerpt(fragment: ResultFragment, words: string[], hasText: boolean): string {
  const fallback = highlight(fragment.meta.excerpt ?? '', words);
  if (!hasText) return fallback;
  const sections = (fragment.sub_results ?? []).filter((section) => section.anchor?.id !== NAME_PARTS_ANCHOR);
  // Phrase matches carry no scores: then the section with the most matches, the first of equals, wins.
  let best: { excerpt: string; score: number; matches: number } | undefined;
  for (const section of sections) {
    if (!section.excerpt.includes('<mark>')) continue;
    const score = (section.weighted_locations ?? []).reduce((sum, location) => sum + location.balanced_score, 0);
    const matches = section.locations?.length ?? 0;
    if (!best || score > best.score || (score === best.score && matches > best.matches)) {
      best = { excerpt: section.excerpt, score, matches };
    }
  }
  if (best) return safeExcerpt(best.excerpt.trim());
  // Pages without sections: Pagefind's own excerpt, unless it came from the name parts.
  if (!fragment.sub_results?.length && fragment.excerpt.includes('<mark>')) return safeExcerpt(fragment.excerpt.trim());
  return fallback;
}
