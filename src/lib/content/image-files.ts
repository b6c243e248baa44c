/** Committed pictures on disk: what the validator reads of them, and the shrinking of phone photos (src/lib/content/images.ts says why). */
import { closeSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { imageSize } from 'image-size';
import sharp from 'sharp';
import { type ImageFacts, PHOTO } from './images.ts';

/** Header bytes enough for image-size to find a JPEG's dimensions behind its EXIF and thumbnails. */
const HEADER_BYTES = 512 * 1024;

/** Reads a picture's size on disk and its pixel dimensions (undefined when the format is unknown). */
export function imageFacts(file: string): ImageFacts {
  const bytes = statSync(file).size;
  const header = new Uint8Array(Math.min(bytes, HEADER_BYTES));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  try {
    const { width, height } = imageSize(header);
    return { bytes, width, height };
  } catch {
    return { bytes };
  }
}

/** Pictures sharp can shrink; SVG drawings and anything else are left alone. */
export const SHRINKABLE = /\.(jpe?g|png|webp)$/i;

export interface Shrunk {
  before: ImageFacts;
  after: ImageFacts;
}

/**
 * Shrinks a phone photo in place, as the editor does before committing: upright
 * (EXIF orientation applied), longest side at most PHOTO.longestSide, JPEG or WebP
 * at PHOTO.quality, and no metadata (sharp keeps none unless asked). Written to a
 * temporary file first, so an interrupted run never leaves half a picture.
 */
export async function shrinkPhoto(file: string): Promise<Shrunk> {
  const before = imageFacts(file);
  const image = sharp(file, { failOn: 'error' })
    .rotate()
    .resize({ width: PHOTO.longestSide, height: PHOTO.longestSide, fit: 'inside', withoutEnlargement: true });
  const quality = Math.round(PHOTO.quality * 100);
  const encoded = /\.png$/i.test(file)
    ? image.png({ compressionLevel: 9 })
    : /\.webp$/i.test(file)
      ? image.webp({ quality })
      : image.jpeg({ quality, mozjpeg: true });
  const temporary = `${file}.shrinking`;
  try {
    await encoded.toFile(temporary);
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
  return { before, after: imageFacts(file) };
}
