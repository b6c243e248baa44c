/**
 * Pictures as they arrive from phones (3–8 MB, 3000–4000 px, GPS in their EXIF)
 * and the limits they are held to. One set of figures for the editor, which
 * shrinks a picture in the browser before it is committed, for
 * `npm run images:shrink`, which does the same with sharp, and for the validator,
 * which refuses what neither has shrunk. Pure: the CMS bundle imports it too.
 */

export const PHOTO = {
  /** The longest side a shrunk picture keeps, in pixels (the site shows at most 1200). */
  longestSide: 2400,
  /** JPEG/WebP quality of a shrunk picture, 0–1 (Decap's scale; sharp's is ×100). */
  quality: 0.82,
  /** A committed picture above either limit is refused. */
  maxBytes: 5 * 1024 * 1024,
  maxSide: 4000,
} as const;

/** What the validator needs to know of a committed picture. */
export interface ImageFacts {
  bytes: number;
  width?: number;
  height?: number;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Why a picture is too big to commit, or undefined; SVG drawings have no pixels to count. */
export function oversize(facts: ImageFacts): string | undefined {
  const side = Math.max(facts.width ?? 0, facts.height ?? 0);
  if (facts.bytes > PHOTO.maxBytes) return `有 ${megabytes(facts.bytes)}，超过 ${megabytes(PHOTO.maxBytes)} 的上限`;
  if (side > PHOTO.maxSide) return `有 ${facts.width}×${facts.height} 像素，超过 ${PHOTO.maxSide} 像素的上限`;
  return undefined;
}

/** iPhone photos: browsers other than Safari cannot show them, and this machine's sharp cannot decode them. */
export const HEIC_FILE = /\.(heic|heif)$/i;
