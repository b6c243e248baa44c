import { encode } from 'uqr';

/** A QR code as one SVG path in module units: `size` modules square, quiet zone included. */
export function qrPath(text: string): { size: number; path: string } {
  // ecc M survives a poster's creases and smudges; border 4 is the quiet zone scanners expect.
  const { size, data } = encode(text, { ecc: 'M', border: 4 });
  let path = '';
  data.forEach((row, y) => {
    let x = 0;
    while (x < size) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && row[x]) x++;
      path += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  return { size, path };
}

/** Text for share cards and link previews (WeChat shows about this much): at most `max` characters. */
export function clip(text: string, max = 100): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for SVG/XML. */
export const xml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]);

/** Splits text into lines of at most `width` characters (CJK text has no spaces to break at). */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length && lines.length < maxLines; i += width)
    lines.push(chars.slice(i, i + width).join(''));
  if (chars.length > width * maxLines)
    lines[maxLines - 1] = `${[...lines[maxLines - 1]].slice(0, width - 1).join('')}…`;
  return lines;
}
