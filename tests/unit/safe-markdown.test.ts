import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { isSafeUrl, nestHeadings, safeMarkdown } from '../../src/lib/safe-markdown.ts';

const render = (markdown: string) => markdownToHtml(markdown, { mdastPlugins: [safeMarkdown] }).html;

describe('isSafeUrl', () => {
  it.each([
    ['https://www.gov.cn/', true],
    ['http://example.com/a', true],
    ['mailto:office@example.com', true],
    ['tel:02012345678', true],
    ['/brands/yuxiuge/', true],
    ['images/cover.svg', true],
    ['#story', true],
    ['javascript:alert(1)', false],
    ['  JaVaScRiPt:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox(1)', false],
    ['//evil.example/x', false],
  ])('%s → %s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });
});

describe('safe Markdown rendering', () => {
  it.each([
    ['an inline script tag', 'a <script>alert(1)</script> b', '<script'],
    ['an event handler', '<b onclick="alert(1)">x</b>', '<b onclick'],
    ['a block of HTML with an image error handler', '<div><img src=x onerror=alert(1)></div>', '<img src=x'],
    ['an SVG with script', '<svg><script>alert(1)</script></svg>', '<svg'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', '<iframe'],
  ])('shows %s as text instead of passing it through', (_, markdown, forbidden) => {
    const html = render(markdown);
    expect(html).not.toContain(forbidden);
    expect(html).toContain('&lt;');
  });

  it.each([
    ['an inline link', '[点我](javascript:alert(1))'],
    ['an autolink', '<javascript:alert(2)>'],
    ['a reference link', '[点我][x]\n\n[x]: javascript:alert(3)'],
  ])('neutralises %s with a javascript: target and keeps its text', (_, markdown) => {
    const html = render(markdown);
    expect(html).not.toMatch(/javascript:alert\(\d\)"/);
    expect(html).toContain('href="#"');
  });

  it('drops images with unsafe sources but keeps their description', () => {
    expect(render('![说明](data:image/svg+xml;base64,PHN2Zz4=)')).toBe('<p>说明</p>\n');
  });

  it('keeps ordinary Markdown intact', () => {
    expect(render('## 小标题\n\n[官网](https://www.haizhu.gov.cn/) **加粗**')).toBe(
      '<h2>小标题</h2>\n<p><a href="https://www.haizhu.gov.cn/">官网</a> <strong>加粗</strong></p>\n',
    );
  });
});

describe('nested headings', () => {
  it('moves story headings one level down, never past h6', () => {
    const html = markdownToHtml('# 一\n\n## 二\n\n###### 六', { mdastPlugins: [nestHeadings] }).html;
    expect(html).toBe('<h2>一</h2>\n<h3>二</h3>\n<h6>六</h6>\n');
  });
});
