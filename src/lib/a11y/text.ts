/**
 * What the toolbar reads aloud (语音) and shows in the caption bar (大字幕): the text of an element, as a
 * person would say it. Plain functions over a small element shape, unit-tested without a browser.
 */

/** The element kinds that make one thing to read or caption: the nearest of these around the pointer or focus. */
export const READABLE =
  'a,button,summary,select,input,textarea,label,h1,h2,h3,h4,h5,h6,p,li,dt,dd,th,td,figcaption,caption,img,blockquote,legend';

export interface ElementLike {
  tagName: string;
  getAttribute(name: string): string | null;
  /** innerText in a browser (rendered text, hidden parts left out); textContent will do elsewhere. */
  innerText?: string;
  textContent: string | null;
}

/** Whitespace collapsed, ends trimmed. */
export const normalize = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The text of one element: its label where it has one (aria-label, an image's alt, a field's value), else its text. */
export function readableText(element: ElementLike): string {
  const label = element.getAttribute('aria-label');
  if (label) return normalize(label);
  const tag = element.tagName.toLowerCase();
  if (tag === 'img') return normalize(element.getAttribute('alt') ?? '');
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text (hidden parts left out) is what is read
  const text = normalize(element.innerText ?? element.textContent ?? '');
  if ((tag === 'input' || tag === 'textarea') && !text) {
    return normalize(element.getAttribute('placeholder') ?? element.getAttribute('value') ?? '');
  }
  return text;
}

/** Caption text: at most `max` characters, cut with an ellipsis (the bar shows about two lines at 40 px). */
export function captionText(text: string, max = 60): string {
  const clean = normalize(text);
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/**
 * Text split into utterances of at most `max` characters, at sentence ends where possible: Chromium stops a
 * long utterance after about 15 seconds, and stopping (停止) then cancels the queue at once.
 */
export function speechChunks(text: string, max = 120): string[] {
  const sentences = normalize(text).match(/[^。！？!?；;\n]+[。！？!?；;]*/g) ?? [];
  const chunks: string[] = [];
  let current = '';
  for (const raw of sentences) {
    const sentence = raw.trim();
    if (!sentence) continue;
    for (let start = 0; start < sentence.length; start += max) {
      const piece = sentence.slice(start, start + max);
      if (current && current.length + piece.length > max) {
        chunks.push(current);
        current = '';
      }
      current += piece;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}
