import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLinks, siteHome } from '../../scripts/check-links.ts';

let dir = '';

/** A two-page build whose home page's canonical link says where it is served. */
function build(canonical: string, links: string[]): string {
  dir = mkdtempSync(join(tmpdir(), 'haizhu-links-'));
  mkdirSync(join(dir, 'brands'));
  const page = (body: string) =>
    `<!doctype html><html><head><link rel="canonical" href="${canonical}"></head><body>${body}</body></html>`;
  writeFileSync(join(dir, 'index.html'), page(links.map((href) => `<a href="${href}">x</a>`).join('')));
  writeFileSync(join(dir, 'brands/index.html'), page(''));
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('check:links under a sub-path of the portal', () => {
  it('reads where the build is served from the home page', () => {
    expect(siteHome(build('https://www.haizhu.gov.cn/zt/dangjian/', []))).toEqual({
      origin: 'https://www.haizhu.gov.cn',
      base: '/zt/dangjian/',
    });
    expect(siteHome(build('http://127.0.0.1:4321/', []))).toEqual({ origin: 'http://127.0.0.1:4321', base: '/' });
  });

  it.each([
    ['https://www.haizhu.gov.cn/zt/dangjian/', ['/zt/dangjian/brands/', '/zt/dangjian/favicon.svg', 'brands/'], []],
    // A root path, as a build that ignored the base would write: the server root is not the site's.
    [
      'https://www.haizhu.gov.cn/zt/dangjian/',
      ['/brands/', '/favicon.svg'],
      [
        'index.html: <a href="/brands/"> (outside /zt/dangjian/, where the site is served)',
        'index.html: <a href="/favicon.svg"> (outside /zt/dangjian/, where the site is served)',
      ],
    ],
    [
      'https://www.haizhu.gov.cn/zt/dangjian/',
      ['/zt/dangjian/sites/'],
      ['index.html: <a href="/zt/dangjian/sites/"> (no such page)'],
    ],
    ['http://127.0.0.1:4321/', ['/brands/', '/favicon.svg'], []],
  ])('served at %s, links %j → %j', (canonical, links, problems) => {
    expect(checkLinks(build(canonical, links))).toEqual(problems);
  });
});
