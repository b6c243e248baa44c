import { describe, expect, it } from 'vitest';
import { absoluteUrl, normaliseBasePath, pathInSite, sitePath } from '../../src/lib/site/url.ts';

describe('normaliseBasePath', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['  ', '/'],
    ['zt/dangjian', '/zt/dangjian/'],
    ['/zt/dangjian/', '/zt/dangjian/'],
    ['//zt/dangjian//', '/zt/dangjian/'],
  ])('%j → %s', (raw, expected) => {
    expect(normaliseBasePath(raw)).toBe(expected);
  });
});

describe('sitePath', () => {
  it.each([
    ['/', '/', '/'],
    ['/brands/x/', '/', '/brands/x/'],
    ['/', '/zt/dangjian/', '/zt/dangjian/'],
    ['/brands/x/', '/zt/dangjian/', '/zt/dangjian/brands/x/'],
    ['_astro/a.css', '/zt/dangjian/', '/zt/dangjian/_astro/a.css'],
    ['/search/?q=%E9%BE%99', '/zt/dangjian/', '/zt/dangjian/search/?q=%E9%BE%99'],
  ])('%s under %s → %s', (path, base, expected) => {
    expect(sitePath(path, base)).toBe(expected);
  });
});

describe('pathInSite', () => {
  it.each([
    ['/zt/dangjian/brands/x/', '/zt/dangjian/', '/brands/x/'],
    ['/zt/dangjian/', '/zt/dangjian/', '/'],
    ['/brands/x/', '/', '/brands/x/'],
    // Outside the base: returned as it is, never mistaken for a page of the site.
    ['/other/', '/zt/dangjian/', '/other/'],
  ])('%s under %s → %s', (pathname, base, expected) => {
    expect(pathInSite(pathname, base)).toBe(expected);
  });
});

describe('absoluteUrl', () => {
  it.each([
    ['/brands/x/', 'https://www.haizhu.gov.cn', '/', 'https://www.haizhu.gov.cn/brands/x/'],
    ['/brands/x/', 'https://www.haizhu.gov.cn', '/zt/dangjian/', 'https://www.haizhu.gov.cn/zt/dangjian/brands/x/'],
    // The site's own path is not the base: the base alone says where the pages are.
    [
      '/og-default.png',
      'https://www.haizhu.gov.cn/other/',
      '/zt/dangjian/',
      'https://www.haizhu.gov.cn/zt/dangjian/og-default.png',
    ],
  ])('%s on %s under %s → %s', (path, site, base, expected) => {
    expect(absoluteUrl(path, site, base)).toBe(expected);
  });
});
