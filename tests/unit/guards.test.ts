/**
 * The two guards against publishing an empty or broken site: the content guard (a content folder
 * that is missing or far too small is refused before any entry is judged) and the publish guard
 * (a release that loses street pages or too many pages is refused). The same rules run inside
 * check:content and the build, and inside scripts/publish.ts (tests/git/publish.test.ts runs that).
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compare, guardSettings, refusalsOf } from '../../scripts/lib/publish-guard.ts';
import { DISTRICT } from '../../src/district.ts';
import type { PublishManifest } from '../../src/integrations/publish-manifest.ts';
import { contentReport, validateContentDir } from '../../src/lib/content-files.ts';
import { ContentRefused } from '../../src/lib/content-guard.ts';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of a content folder, changed by `change`. */
function copyOf(source: string, change: (dir: string) => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'haizhu-guard-'));
  temps.push(dir);
  cpSync(source, dir, { recursive: true });
  change(dir);
  return dir;
}

/** The guard's refusal lines for a folder, with its path shown as <dir>. */
function refusals(dir: string): string[] {
  try {
    validateContentDir(dir);
  } catch (error) {
    if (error instanceof ContentRefused) {
      const shown = (text: string) => (temps.includes(dir) ? text.replaceAll(dir, '<dir>') : text);
      return error.refusals.map(({ where, message }) => shown(`${where}: ${message}`));
    }
    throw error;
  }
  return [];
}

describe('the content guard', () => {
  it('accepts the district’s content and the fixtures that name their own streets', () => {
    expect(refusals('content')).toEqual([]);
    expect(refusals('tests/fixtures/valid')).toEqual([]);
  });

  it('refuses a folder that does not exist, saying where it looked and how to fix it', () => {
    const { ok, report } = contentReport('no-such-folder');
    expect(ok).toBe(false);
    expect(report).toMatch(/^no-such-folder: 找不到内容文件夹（查找的位置：\/.+\/no-such-folder）/);
    expect(report).toContain('检查 CONTENT_DIR 或命令参数的拼写');
    expect(report.split('\n').at(-1)).toBe('内容检查未通过：内容文件夹不完整，其中的条目没有检查，也不会构建或发布。');
  });

  it('refuses a file given as the folder', () => {
    expect(refusals('package.json')).toEqual([expect.stringMatching(/^package\.json: 这是文件，不是内容文件夹/)]);
  });

  it('refuses a folder that lacks a collection the site needs, each named', () => {
    const dir = copyOf('content', (copy) => {
      rmSync(join(copy, 'sites'), { recursive: true });
      rmSync(join(copy, 'brands'), { recursive: true });
    });
    expect(refusals(dir)).toEqual([
      expect.stringMatching(/^<dir>\/brands\/: 缺少党建品牌：brands\/ 不存在或没有任何条目/),
      expect.stringMatching(/^<dir>\/sites\/: 缺少示范阵地：sites\/ 不存在或没有任何条目/),
    ]);
  });

  it('refuses fewer streets than the district has, naming the missing ones and the list', () => {
    const dir = copyOf('content', (copy) => {
      rmSync(join(copy, 'streets/pazhou.yaml'));
      rmSync(join(copy, 'streets/chigang.yaml'));
    });
    expect(refusals(dir)).toEqual([
      `<dir>/streets/: 街道不全：应有 ${DISTRICT.streets.length} 个（名单见 src/district.ts），找到 16 个，缺少 chigang.yaml、pazhou.yaml`,
    ]);
  });

  it('reads a fixture’s own street list from its district.yaml, and refuses one it cannot read', () => {
    const fewer = copyOf('tests/fixtures/valid', (copy) => rmSync(join(copy, 'streets/pazhou.yaml')));
    expect(refusals(fewer)).toEqual([
      '<dir>/streets/: 街道不全：应有 2 个（名单见 <dir>/district.yaml），找到 1 个，缺少 pazhou.yaml',
    ]);
    const bad = copyOf('tests/fixtures/valid', (copy) => writeFileSync(join(copy, 'district.yaml'), 'streets: 龙凤\n'));
    expect(refusals(bad)).toEqual([
      expect.stringMatching(/^<dir>\/district\.yaml streets: streets（本文件夹的街道名单）/),
    ]);
  });

  it('never follows a district.yaml that is a link: the reader refuses it, and the district’s list applies', () => {
    const dir = copyOf('tests/fixtures/valid', (copy) => {
      unlinkSync(join(copy, 'district.yaml'));
      symlinkSync('/etc/passwd', join(copy, 'district.yaml'));
    });
    expect(refusals(dir)).toEqual([expect.stringMatching(/^<dir>\/streets\/: 街道不全：应有 18 个/)]);
  });
});

describe('the publish guard', () => {
  const manifest = (pages: string[]): PublishManifest => ({ version: 1, builtAt: '2026-12-01T00:00:00Z', pages });
  const streets = DISTRICT.streets.map((id) => `/streets/${id}/`);
  const brands = Array.from({ length: 80 }, (_, n) => `/brands/b${n}/`);
  const live = manifest(['/', '/streets/', ...streets, ...brands]);
  const settings = { maxRemovedPercent: 10, allowShrink: false };

  it('lets a release through that adds pages or removes a few', () => {
    const next = manifest(['/', '/streets/', ...streets, ...brands.slice(5), '/brands/new/']);
    expect(refusalsOf(compare(live, next), settings)).toEqual([]);
  });

  it('refuses a release that loses a street page, however few pages it loses', () => {
    const next = manifest(['/', '/streets/', ...streets.slice(1), ...brands]);
    expect(refusalsOf(compare(live, next), settings)).toEqual([`会删除 1 个街道页面：${streets[0]}`]);
  });

  it('refuses a release that loses more than the set share of pages', () => {
    const next = manifest(['/', '/streets/', ...streets, ...brands.slice(20)]);
    expect(refusalsOf(compare(live, next), settings)).toEqual([
      expect.stringMatching(/^会删除 20 个页面（现有 100 个的 20\.0%，上限 10%）：\/brands\/b0\/、/),
    ]);
    expect(refusalsOf(compare(live, next), { ...settings, maxRemovedPercent: 25 })).toEqual([]);
  });

  it('reads its settings from the environment, and says which variable is wrong', () => {
    expect(guardSettings({})).toEqual({ maxRemovedPercent: 10, allowShrink: false });
    expect(guardSettings({ PUBLISH_ALLOW_SHRINK: '1', PUBLISH_MAX_REMOVED_PERCENT: '25' })).toEqual({
      maxRemovedPercent: 25,
      allowShrink: true,
    });
    expect(guardSettings({ PUBLISH_MAX_REMOVED_PERCENT: '十' })).toMatch(/^PUBLISH_MAX_REMOVED_PERCENT 应为 0 到 100/);
    expect(guardSettings({ PUBLISH_ALLOW_SHRINK: 'yes' })).toMatch(/^PUBLISH_ALLOW_SHRINK 只能是 1/);
  });
});
