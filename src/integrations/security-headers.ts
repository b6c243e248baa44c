import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFiles, runs, tags } from '../lib/html-scan.ts';
import { allowsInline, cspOf, type Inline, inlineHash, renderHeadersFile, sectionOf } from '../lib/security-headers.ts';
import { normaliseBasePath } from '../lib/site/url.ts';

/**
 * Inline code in every built page that the page's Content-Security-Policy would block (running scripts,
 * <style> elements, style attributes), as `page: kind hash "text"`.
 */
export function inlineBlockedByCsp(outDir: string): string[] {
  const problems: string[] = [];
  for (const file of htmlFiles(outDir)) {
    const page = relative(outDir, file).split(sep).join('/');
    const policy = cspOf(sectionOf(`/${page}`));
    const check = (kind: Inline, text: string) => {
      if (!allowsInline(policy, kind, text))
        problems.push(`${page}: ${kind} ${inlineHash(text)} ${JSON.stringify(text.slice(0, 80))}`);
    };
    for (const tag of tags(readFileSync(file, 'utf8'))) {
      if (tag.name === 'script' && !('src' in tag.attributes) && runs(tag)) check('script', tag.text ?? '');
      if (tag.name === 'style') check('style', tag.text ?? '');
      if ('style' in tag.attributes) check('style attribute', tag.attributes.style);
    }
  }
  return problems;
}

/**
 * Fails the build when a page carries inline code its Content-Security-Policy
 * (src/lib/security-headers.ts) does not allow: the browser would block it. A build under a sub-path
 * (Astro's `base`) replaces the _headers copied from public/ with one whose paths are under that base.
 */
export function securityHeadersIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'haizhu:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBasePath(config.base);
      },
      'astro:build:done': ({ dir }) => {
        if (base !== '/') writeFileSync(join(fileURLToPath(dir), '_headers'), renderHeadersFile(base));
        const problems = inlineBlockedByCsp(fileURLToPath(dir));
        if (problems.length) {
          throw new Error(
            [
              'Inline code the Content-Security-Policy blocks (src/lib/security-headers.ts):',
              ...[...new Set(problems)].slice(0, 20),
              "A script: add its hash to INLINE_SCRIPT_HASHES, then npm run headers. A <style>: keep build.inlineStylesheets 'never'",
              '(astro.config.mjs) and put styles in a component <style> or a .css file. A style attribute: use a class, a CSS',
              'custom property set in CSS, or an SVG presentation attribute (fill=…).',
            ].join('\n'),
          );
        }
      },
    },
  };
}
