import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SCRIPT = resolve('scripts/describe-change.ts');

const brand = (extra: string, body = '正文') =>
  `---\nid: yuxiuge\ntitle: 毓秀阁\nstreet: longfeng\nstatus: submitted\nsummary: 旧摘要\n${extra}\n---\n\n${body}\n`;
const signUp = (stage: string) =>
  `---\nid: ours\ncampaign: 2026-call\nstreet: longfeng\ntitle: 红色物业\nstage: ${stage}\n---\n\n正文\n`;
/** The sign-up's private details, as the district repository holds them. */
const contact = (phone: string) =>
  `submission: ours\ncampaign: 2026-call\nstreet: longfeng\nname: 张三\nphone: "${phone}"\n`;

describe('npm run describe:change on a throwaway repository', () => {
  let repo = '';
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  };
  const commit = (message: string) => {
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-m', message);
  };
  const describeRange = (...args: string[]) => {
    const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: repo, encoding: 'utf8' });
    return { code: result.status, out: `${result.stdout}${result.stderr}` };
  };

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'haizhu-describe-'));
    git('init', '-q', '-b', 'main');
    write('content/streets/longfeng.yaml', 'id: longfeng\nname: 龙凤街道\n');
    write('content/streets/chigang.yaml', 'id: chigang\nname: 赤岗街道\n');
    write('content/brands/longfeng/yuxiuge.md', brand('gallery: []'));
    write('content/brands/chigang/lujiang.md', '---\nid: lujiang\ntitle: 鹭江\nstreet: chigang\n---\n');
    write('content/submissions/2026-call/longfeng/ours.md', signUp('draft'));
    write('content/contacts/2026-call/longfeng/ours.yaml', contact('020-1234567'));
    commit('initial');
    git('switch', '-q', '-c', 'change');
    write(
      'content/brands/longfeng/yuxiuge.md',
      brand('gallery:\n  - src: images/a.jpg\n    alt: 一张照片'.replace('旧摘要', ''), '新的正文').replace(
        '旧摘要',
        '新摘要',
      ),
    );
    write('content/brands/longfeng/images/a.jpg', 'jpeg');
    write('content/submissions/2026-call/longfeng/ours.md', signUp('submitted'));
    write('content/contacts/2026-call/longfeng/ours.yaml', contact('020-7654321'));
    write('content/sites/longfeng/hall.yaml', 'id: hall\nname: 龙凤党群服务中心\nstreet: longfeng\n');
    rmSync(join(repo, 'content/brands/chigang/lujiang.md'));
    write('src/tool.ts', 'export {};\n');
    commit('change');
  });
  afterAll(() => {
    if (repo) rmSync(repo, { recursive: true, force: true });
  });

  it('tells each entry’s change in the schema’s Chinese labels, values of private fields never', () => {
    const { code, out } = describeRange('main..change');
    expect(code, out).toBe(0);
    expect(out.split('\n').filter(Boolean)).toEqual([
      '赤岗街道 删除了党建品牌「鹭江」',
      '龙凤街道 修改了党建品牌「毓秀阁」：摘要、图集（新增 1 张）、正文',
      '区级 修改了申报联系人「ours」：联系电话（不公开，内容不显示）',
      '龙凤街道 新增了阵地「龙凤党群服务中心」',
      '龙凤街道 修改了申报「红色物业」：申报阶段（草稿 → 已提交）',
      '龙凤街道 新增了图片或附件：1 个文件',
      '修改了网站代码或配置：1 个文件',
    ]);
    expect(out).not.toContain('7654321');
    expect(out).not.toContain('张三');
  });

  it('answers --help, a bad option and an unknown revision clearly', () => {
    expect(describeRange('--help').code).toBe(0);
    for (const args of [['--bogus'], ['main..no-such-branch'], []]) {
      const { code, out } = describeRange(...args);
      expect(code, out).toBe(2);
      expect(out).toContain('无法列出修改');
      expect(out).not.toMatch(/\n\s+at /);
    }
  });
});
