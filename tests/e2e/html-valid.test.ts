import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { checkHtml } from '../../scripts/check-html.ts';

describe('valid HTML (html-validate, recommended rules: scripts/check-html.ts)', () => {
  it.each([
    ['the public build', resolve('dist-e2e')],
    ['the review build', inject('reviewOutDir')],
  ])('every page of %s', async (_name, dir) => {
    expect(await checkHtml([dir])).toEqual([]);
  });

  it('reports a tag after </html> as Nu HTML Checker does ("Stray start tag")', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const site = mkdtempSync(resolve(tmpdir(), 'html-'));
    try {
      writeFileSync(
        resolve(site, 'index.html'),
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><title>页</title></head><body><p>正文</p></body></html><script src="/a.js"></script>\n',
      );
      const problems = await checkHtml([site]);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/index\.html:2:\d+ haizhu\/no-content-outside-html: Stray <script>/);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
