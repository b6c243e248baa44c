import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kb, measure, overBudget } from '../../scripts/check-budgets.ts';
import { checkLinks } from '../../scripts/check-links.ts';
import { BUDGETS } from '../../src/lib/budgets.ts';

/** The e2e build, written by global-setup. */
const dir = resolve('dist-e2e');

describe('the built site (dist-e2e)', () => {
  it('has no broken internal link and refers to no other origin (but the allowed <a> links)', () => {
    expect(checkLinks(dir)).toEqual([]);
  });

  it('stays within the size budgets (src/lib/budgets.ts)', () => {
    const measures = measure(dir);
    console.log(measures.map((m) => `${m.name} ${kb(m.bytes)} / ${kb(m.budget)}`).join('\n'));
    expect(measures.every((m) => m.bytes > 0 || m.name.startsWith('js-initial-'))).toBe(true);
    expect(overBudget(measures)).toEqual([]);
  });

  it('reports a measure over budget with its size', () => {
    const tight = Object.fromEntries(Object.keys(BUDGETS).map((name) => [name, { gzipBytes: 1 }]));
    const over = overBudget(measure(dir, tight));
    expect(over.some((line) => /^map-bundle: [\d.]+ KB gzipped > budget 0\.0 KB/.test(line))).toBe(true);
  });
});

describe('the link checker', () => {
  it('finds broken, foreign and javascript: references', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const site = mkdtempSync(resolve(tmpdir(), 'links-'));
    try {
      mkdirSync(resolve(site, 'a'));
      writeFileSync(resolve(site, 'a/index.html'), '<p>a</p>');
      writeFileSync(
        resolve(site, 'index.html'),
        [
          '<link rel="canonical" href="https://example.org/">',
          '<a href="/a/">ok</a><a href="a/">ok</a><a href="/a">no slash</a><a href="/b/">missing</a>',
          '<img src="https://cdn.example.com/x.png"><a href="javascript:alert(1)">x</a>',
          '<a href="https://beian.miit.gov.cn/">icp</a><a href="https://evil.example/">away</a>',
        ].join(''),
      );
      const problems = checkLinks(site);
      expect(problems).toHaveLength(5);
      expect(problems.join('\n')).toMatch(/\/a".*folder without the trailing slash/);
      expect(problems.join('\n')).toMatch(/\/b\/".*no such page/);
      expect(problems.join('\n')).toMatch(/cdn\.example\.com.*another origin/);
      expect(problems.join('\n')).toMatch(/javascript: URL/);
      expect(problems.join('\n')).toMatch(/evil\.example/);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
