import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { runs, tags } from '../lib/html-scan.ts';
import { INLINE_SCRIPT_HASHES, inlineScriptHash } from '../lib/security-headers.ts';

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/** Inline scripts of every built page whose hash the CSP does not list, as `page: hash`. */
export function unhashedInlineScripts(outDir: string): string[] {
  const allowed = new Set(INLINE_SCRIPT_HASHES);
  const problems: string[] = [];
  for (const file of htmlFiles(outDir)) {
    for (const tag of tags(readFileSync(file, 'utf8'))) {
      if (tag.name !== 'script' || 'src' in tag.attributes || !runs(tag)) continue;
      const body = tag.text ?? '';
      const hash = inlineScriptHash(body);
      if (!allowed.has(hash)) problems.push(`${relative(outDir, file)}: ${hash} ${JSON.stringify(body.slice(0, 80))}`);
    }
  }
  return problems;
}

/**
 * Fails the build when a page carries an inline script the Content-Security-Policy
 * (src/lib/security-headers.ts) does not hash: the browser would block it.
 */
export function securityHeadersIntegration(): AstroIntegration {
  return {
    name: 'haizhu:security-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const problems = unhashedInlineScripts(fileURLToPath(dir));
        if (problems.length) {
          throw new Error(
            `Inline scripts not allowed by the CSP (add their hash to INLINE_SCRIPT_HASHES in src/lib/security-headers.ts, then npm run headers):\n${[...new Set(problems)].slice(0, 20).join('\n')}`,
          );
        }
      },
    },
  };
}
