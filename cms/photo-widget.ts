/**
 * Phone photos, shrunk in the browser before they are committed. Decap's own
 * media processing (decap-cms-core 3.19, `media_processing` in config.yml,
 * generated from PHOTO by src/lib/cms/config.ts) decodes an uploaded JPEG,
 * PNG or WebP with `createImageBitmap` (which applies the EXIF orientation),
 * draws it on a canvas and re-encodes it as JPEG at PHOTO.quality, which
 * drops every piece of metadata (GPS, device, names). What it cannot do is
 * cap the longest side: its `width`/`height` are exact targets, one side
 * only, and enlarge small pictures. So this module gives Decap's decoder a
 * picture already fitted within PHOTO.longestSide (never enlarged) and drawn
 * on white, so a transparent PNG becomes a JPEG with a white background, not
 * a black one. It only touches `createImageBitmap` called on a File without
 * options (what Decap's upload does); the map and everything else pass through.
 */
import { PHOTO } from '../src/lib/content/images.ts';

/** The size a picture is drawn at: its own, or fitted so its longest side is `limit`; never enlarged. */
export function fitLongestSide(
  width: number,
  height: number,
  limit: number = PHOTO.longestSide,
): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= limit) return { width, height };
  const scale = limit / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

const INSTALLED = Symbol.for('haizhu.photo-limit');

type CreateImageBitmap = typeof globalThis.createImageBitmap;

/** Installs the longest-side limit in front of Decap's image decoding (once). */
export function limitPhotoSize(target: typeof globalThis = globalThis): void {
  const original = target.createImageBitmap as (CreateImageBitmap & { [INSTALLED]?: true }) | undefined;
  if (typeof original !== 'function' || original[INSTALLED]) return;
  const decode = original.bind(target) as (
    source: ImageBitmapSource,
    options?: ImageBitmapOptions,
  ) => Promise<ImageBitmap>;
  const limited = (async (source: ImageBitmapSource, ...rest: unknown[]) => {
    if (!(source instanceof File) || rest.length)
      return (decode as (...args: unknown[]) => Promise<ImageBitmap>)(source, ...rest);
    const picture = await decode(source, { imageOrientation: 'from-image' });
    const size = fitLongestSide(picture.width, picture.height);
    const canvas = target.document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) return picture;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, size.width, size.height);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(picture, 0, 0, size.width, size.height);
    picture.close();
    return decode(canvas);
  }) as CreateImageBitmap & { [INSTALLED]?: true };
  limited[INSTALLED] = true;
  target.createImageBitmap = limited;
}
