import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shrinkPhoto } from '../../src/lib/content/image-files.ts';
import { oversize, PHOTO } from '../../src/lib/content/images.ts';
import { validateContentDir } from '../../src/lib/content-files.ts';
import { formatProblem } from '../../src/lib/report.ts';

/** A photo as a phone takes it: 3000×2250 stored sideways (EXIF orientation 6), with a GPS position and a device. */
async function phonePhoto(file: string) {
  const { data, info } = await sharp({ create: { width: 300, height: 225, channels: 3, background: '#b03030' } })
    .composite([
      {
        input: Buffer.from('<svg width="150" height="225"><rect width="150" height="225" fill="#3050b0"/></svg>'),
        left: 0,
        top: 0,
      },
    ])
    .raw()
    .toBuffer({ resolveWithObject: true });
  await sharp(data, { raw: info })
    .resize(3000, 2250, { kernel: 'nearest' })
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'Phone', Model: 'Test Phone 15' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '23/1 6/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '113/1 19/1 0/1' },
    })
    .jpeg({ quality: 95 })
    .toFile(file);
}

describe('phone photos', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'haizhu-photos-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('are shrunk upright, to the longest side, without GPS or any other metadata', async () => {
    const file = join(dir, 'photo.jpg');
    await phonePhoto(file);
    const original = await sharp(file).metadata();
    expect([original.width, original.height, original.orientation]).toEqual([3000, 2250, 6]);
    expect(original.exif?.toString('latin1')).toContain('Test Phone 15');

    const { before, after } = await shrinkPhoto(file);
    const shrunk = await sharp(file).metadata();
    // Orientation 6 is a quarter turn: the upright picture is portrait.
    expect([shrunk.width, shrunk.height]).toEqual([1800, PHOTO.longestSide]);
    expect(shrunk.orientation).toBeUndefined();
    expect(shrunk.exif).toBeUndefined();
    expect(shrunk.icc).toBeUndefined();
    expect(readFileSync(file).toString('latin1')).not.toContain('Test Phone');
    expect(after.bytes).toBeLessThan(before.bytes);
    // The left of the stored picture (blue) is the top once it stands upright.
    const { data } = await sharp(file)
      .extract({ left: 900, top: 10, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(data[2]).toBeGreaterThan(data[0]);
  });

  it('npm run images:shrink shrinks a folder and answers bad input clearly', async () => {
    const folder = join(dir, 'folder');
    cpSync(join(dir, 'photo.jpg'), join(folder, 'a.jpg'));
    await phonePhoto(join(folder, 'b.jpg'));
    writeFileSync(join(folder, 'drawing.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [resolve('scripts/images-shrink.ts'), ...args], { encoding: 'utf8' });
    const done = run(folder);
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toContain('b.jpg：3000×2250');
    expect((await sharp(join(folder, 'b.jpg')).metadata()).height).toBe(PHOTO.longestSide);
    expect(readFileSync(join(folder, 'drawing.svg'), 'utf8')).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
    for (const args of [[], ['--bogus'], [join(dir, 'no-such.jpg')]]) {
      const result = run(...args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('用法');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(run('--help').status).toBe(0);
  });

  it('are refused by the validator when too big to publish, or in iPhone HEIC format', async () => {
    expect(oversize({ bytes: 6 * 1024 * 1024, width: 2000, height: 1500 })).toContain('超过 5.0 MB 的上限');
    expect(oversize({ bytes: 1000, width: 4200, height: 3000 })).toContain('超过 4000 像素的上限');
    expect(oversize({ bytes: 1000 })).toBeUndefined();

    const content = join(dir, 'content');
    cpSync('tests/fixtures/valid', content, { recursive: true });
    const entry = join(content, 'brands/longfeng/yuxiuge.md');
    await sharp({ create: { width: 4200, height: 10, channels: 3, background: '#fff' } })
      .png()
      .toFile(join(content, 'brands/longfeng/images/wide.png'));
    writeFileSync(join(content, 'brands/longfeng/images/iphone.heic'), 'heic');
    const text = readFileSync(entry, 'utf8');
    writeFileSync(
      entry,
      text
        .replace('gallery: []', '')
        .replace(
          /\n---\n/,
          '\ngallery:\n  - src: images/wide.png\n    alt: 一张很宽的图\n  - src: images/iphone.heic\n    alt: 一张 iPhone 照片\n---\n',
        ),
    );
    const problems = validateContentDir(content).problems.map(formatProblem);
    expect(problems).toEqual([
      expect.stringMatching(
        /gallery\[0\]\.src: 图片 images\/wide\.png 有 4200×10 像素，超过 4000 像素的上限 \(运行 npm run images:shrink -- .*wide\.png/,
      ),
      expect.stringMatching(/gallery\[1\]\.src: images\/iphone\.heic 是 iPhone 的 HEIC 格式，网页无法显示/),
    ]);
  });
});
