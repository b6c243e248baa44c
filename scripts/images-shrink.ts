/**
 * npm run images:shrink -- <picture or folder> [...]
 *
 * Shrinks phone photos that arrive by Git as the web editor does before it commits one
 * (src/lib/content/images.ts): upright, longest side at most 2400 px, JPEG/WebP at quality 82,
 * GPS and every other metadata dropped. Folders are searched for .jpg, .jpeg, .png and .webp;
 * SVG drawings are left alone. Each picture is replaced in place, never half-written.
 * Exit codes: 0 done, 1 some picture could not be read, 2 usage.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SHRINKABLE, shrinkPhoto } from '../src/lib/content/image-files.ts';
import { HEIC_FILE, PHOTO } from '../src/lib/content/images.ts';

const USAGE = `用法：npm run images:shrink -- <图片或文件夹> [...]
把手机照片缩小到最长边 ${PHOTO.longestSide} 像素、质量 ${Math.round(PHOTO.quality * 100)}，摆正方向，去掉位置等全部元数据；原地替换。`;

function picturesIn(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .map((name) => join(path, name))
    .filter((file) => SHRINKABLE.test(file) || HEIC_FILE.test(file))
    .sort();
}

const kilobytes = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = args.find((arg) => arg.startsWith('-'));
  if (unknown || !args.length) {
    console.error(`${unknown ? `不认识的参数“${unknown}”` : '缺少要缩小的图片或文件夹'}\n\n${USAGE}`);
    return 2;
  }
  const missing = args.find((path) => !existsSync(path));
  if (missing) {
    console.error(`找不到 ${missing}\n\n${USAGE}`);
    return 2;
  }
  let failed = 0;
  for (const file of args.flatMap(picturesIn)) {
    if (HEIC_FILE.test(file) || !SHRINKABLE.test(file)) {
      console.error(`✗ ${file}：不能缩小这种格式（HEIC 请先导出为 JPEG；只处理 JPEG、PNG、WebP）`);
      failed++;
      continue;
    }
    try {
      const { before, after } = await shrinkPhoto(file);
      console.log(
        `✓ ${file}：${before.width}×${before.height}，${kilobytes(before.bytes)} → ${after.width}×${after.height}，${kilobytes(after.bytes)}`,
      );
    } catch (error) {
      console.error(
        `✗ ${file}：无法读取图片（${error instanceof Error ? error.message : String(error)}），原文件未改动`,
      );
      failed++;
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
