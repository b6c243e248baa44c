/**
 * The CMS in a browser, against `npm run cms` on a throwaway copy of this
 * repository: a street office logs in to the local backend, creates a brand
 * and a site, publishes them through the editorial workflow, and the files
 * land on disk, in Git, with the right street and valid frontmatter; the
 * fields the district decides are read-only in the office's editor and keep
 * their values when the office saves.
 *
 * The copy is a `git clone` of this repository with the current work tree laid
 * over it and committed there (so uncommitted work is tested too, and the
 * clone's work tree is clean as `npm run cms` requires); node_modules is a
 * symlink. Nothing is written to this repository.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fileExistsIn, readContentFiles } from '../../src/lib/content-files.ts';
import { gcj02ToWgs84, roundCoordinate } from '../../src/lib/map/datum.ts';
import { validateContent } from '../../src/lib/validate.ts';
import { launchBrowser } from '../support/browser.ts';
import { freePort } from '../support/nginx.ts';

const root = resolve('.');
let clone = '';
let cms: ChildProcess | undefined;
let base = '';
let browser: Browser;
let output = '';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** A clone of this repository with the current work tree (tracked and untracked, not ignored) committed on top. */
function throwawayCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'haizhu-cms-'));
  git(root, 'clone', '--quiet', '--no-hardlinks', root, dir);
  const files = git(root, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter(Boolean);
  for (const file of files) {
    const from = join(root, file);
    const to = join(dir, file);
    if (existsSync(from)) {
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
    } else rmSync(to, { force: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  // A symlink is not the directory `node_modules/` in .gitignore: keep it out of Decap's `git add .`.
  execFileSync('sh', ['-c', 'echo node_modules >> .git/info/exclude'], { cwd: dir });
  git(dir, 'config', 'user.name', 'CMS 测试');
  git(dir, 'config', 'user.email', 'cms-test@example.invalid');
  git(dir, 'add', '-A');
  if (git(dir, 'status', '--porcelain')) git(dir, 'commit', '--quiet', '-m', '测试：当前工作区的快照');
  return dir;
}

function startCms(dir: string, sitePort: number, proxyPort: number): Promise<void> {
  return new Promise((done, fail) => {
    cms = spawn('npm', ['run', 'cms'], {
      cwd: dir,
      env: { ...process.env, CMS_SITE_PORT: String(sitePort), CMS_PROXY_PORT: String(proxyPort), LOG_LEVEL: 'warn' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => fail(new Error(`npm run cms did not start:\n${output.slice(-3000)}`)), 280_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('内容管理已启动')) {
        clearTimeout(timer);
        done();
      }
    };
    cms.stdout?.on('data', read);
    cms.stderr?.on('data', read);
    cms.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`npm run cms exited (${code}):\n${output.slice(-3000)}`));
    });
  });
}

beforeAll(async () => {
  clone = throwawayCopy();
  const [sitePort, proxyPort] = [await freePort(), await freePort()];
  base = `http://127.0.0.1:${sitePort}`;
  await startCms(clone, sitePort, proxyPort);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  // npm, the script, decap-server and astro preview share one process group.
  if (cms?.pid && cms.exitCode === null) {
    cms.removeAllListeners('exit');
    process.kill(-cms.pid, 'SIGTERM');
  }
  if (clone) rmSync(clone, { recursive: true, force: true });
});

/** Opens an entry point, logs in to the local backend, then goes to `hash` (e.g. /collections/brands/new). */
async function openEditor(entry: string, hash = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  // Publishing asks “你确定要发布此内容吗？”; Playwright would dismiss it.
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`${base}${entry}`);
  const login = page.getByRole('button', { name: '登录' });
  const collections = page.locator('a[href*="#/collections/"]').first();
  await login.or(collections).first().waitFor({ timeout: 60_000 });
  if (await login.isVisible()) await login.click();
  await collections.waitFor({ timeout: 60_000 });
  if (hash) await page.goto(`${base}${entry}#${hash}`);
  return page;
}

/** The required text fields of a new brand. */
async function fillBrandText(page: Page, id: string) {
  await page.getByLabel('编号', { exact: true }).fill(id);
  await page.getByLabel('品牌名称', { exact: true }).fill('龙凤测试品牌');
  await page.getByLabel('责任组织', { exact: true }).fill('龙凤街道党工委');
  await choose(page, '品牌类别', '党建引领基层治理');
  await page.getByLabel('一句话介绍', { exact: true }).fill('浏览器测试创建的品牌');
  await page
    .getByLabel('摘要', { exact: true })
    .fill('这是浏览器测试通过内容管理创建的示例品牌，用于验证保存、发布和文件格式。');
}

async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * Saves, marks ready and publishes the open entry (editorial workflow), then waits for the file on main
 * (or, for an existing file, until `published` says the change is there).
 */
async function saveAndPublish(page: Page, file: string, published = (path: string) => existsSync(path)) {
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByText('修改已保存').waitFor({ timeout: 30_000 });
  const slug =
    file
      .split('/')
      .pop()
      ?.replace(/\.(md|yaml)$/, '') ?? '';
  expect(git(clone, 'branch', '--list', 'cms/*')).toContain(slug);
  await page.getByRole('button', { name: /^状态: / }).click();
  await page.getByRole('menuitem', { name: '就绪' }).click();
  await page.getByRole('button', { name: '状态: 就绪', exact: true }).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByRole('menuitem', { name: '立即发布' }).click();
  // Decap says how publishing went in a toast; a failure names its cause, which the assertion below then shows.
  const outcome = page.getByText(/内容已发布|发布失败/).first();
  await outcome.waitFor({ timeout: 60_000 });
  const told = (await outcome.textContent()) ?? '';
  expect(told, `Decap after publishing ${file}; npm run cms printed:\n${output.slice(-2000)}`).toContain('内容已发布');
  const path = join(clone, file);
  // The proxy writes the file before it has finished merging: wait for both (without taking Git's index lock).
  const merged = () =>
    git(clone, '--no-optional-locks', 'status', '--porcelain') === '' &&
    git(clone, 'branch', '--show-current') === 'main';
  for (let attempt = 0; attempt < 120 && !(published(path) && merged()); attempt++) await page.waitForTimeout(500);
  expect(published(path), `${file} on main after publishing`).toBe(true);
  expect(git(clone, 'branch', '--show-current')).toBe('main');
  expect(git(clone, 'status', '--porcelain')).toBe('');
}

/** What the control a field's label points to is: its tag, text, offered options and value. */
async function control(page: Page, label: string | RegExp) {
  const element = page.getByLabel(label, typeof label === 'string' ? { exact: true } : undefined);
  await element.waitFor({ timeout: 30_000 });
  return element.evaluate((node) => ({
    tag: node.tagName.toLowerCase(),
    text: node.textContent?.trim() ?? '',
    options: [...node.querySelectorAll('option:not([disabled])')].map((option) => option.textContent),
    value: node instanceof HTMLSelectElement || node instanceof HTMLInputElement ? node.value : undefined,
  }));
}

/** Runs the build's validator over the clone's content; returns the problems of one file. */
function problemsOf(file: string) {
  const contentDir = join(clone, 'content');
  const { problems } = validateContent(readContentFiles(contentDir), { exists: fileExistsIn(contentDir) });
  return problems.filter((problem) => problem.file === file);
}

const frontmatter = (text: string) => parse(text.split(/^---$/m)[1] ?? '') as Record<string, unknown>;

const COVER = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450" viewBox="0 0 800 450">
<rect width="800" height="450" fill="#a50f15"/><text x="400" y="240" font-size="64" text-anchor="middle" fill="#fff">测试封面</text></svg>`;

describe('Decap CMS under npm run cms', () => {
  it("a street's entry point lists only that street's collections, with the street fixed", async () => {
    const config = parse(await (await fetch(`${base}/admin/longfeng/config.yml`)).text()) as {
      collections: { name: string; folder: string; fields: { name: string; widget: string; default?: string }[] }[];
    };
    expect(config.collections.length).toBeGreaterThanOrEqual(3);
    for (const collection of config.collections) {
      expect(collection.folder).toMatch(/\/longfeng$/);
      const street = collection.fields.find((field) => field.name === 'street');
      expect(street).toMatchObject({ widget: 'hidden', default: 'longfeng' });
    }
    const page = await openEditor('/admin/longfeng/');
    const links = (await page.locator('a[href*="#/collections/"]').allInnerTexts()).map((text) => text.trim());
    expect(links).toContain('党建品牌');
    expect(links).toContain('示范阵地');
    expect(links.some((text) => text.startsWith('申报：'))).toBe(true);
    for (const foreign of ['街道', '征集令', '示范带', '评审专家（不公开）']) expect(links).not.toContain(foreign);
    expect((await page.locator('nav, aside').first().textContent())?.includes('赤岗')).toBe(false);
    await page.close();
  });

  it('refuses a bad value with the message that says how to fix it, and writes nothing', async () => {
    const page = await openEditor('/admin/longfeng/', '/collections/brands/new');
    await page.getByLabel('编号', { exact: true }).fill('毓秀阁');
    await page.getByLabel('品牌名称', { exact: true }).fill('毓');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect
      .poll(() => page.locator('body').textContent())
      .toContain('“编号”不满足模式：只能使用小写英文字母、数字和连字符（例如 yu-xiu-ge）');
    expect(await page.locator('body').textContent()).toContain('品牌名称至少 2 个字');
    expect(git(clone, 'branch', '--list', 'cms/*')).toBe('');
    await page.close();
  });

  it('refuses on save, with the validator’s words, what only the whole schema knows', async () => {
    const page = await openEditor('/admin/longfeng/', '/collections/brands/new');
    await fillBrandText(page, 'longfeng-ceshi-wutu');
    // A picture's description without the picture: each field alone is optional, the pair is not.
    await page
      .getByLabel(/^图片说明/)
      .first()
      .fill('只有说明没有图片');
    await page.getByLabel('年份', { exact: true }).fill('2026');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.locator('body').textContent()).toContain('保存内容失败');
    expect(await page.locator('body').textContent()).toContain('cover.src：缺少必填字段 src（图片）');
    expect(git(clone, 'branch', '--list', 'cms/*')).toBe('');
    await page.close();
  });

  it('loads the district’s entry point with its collections; the judges’ editors are not on the public site', async () => {
    const district = await openEditor('/admin/');
    const links = (await district.locator('a[href*="#/collections/"]').allTextContents()).map((text) => text.trim());
    for (const label of ['街道', '党建品牌', '阵地', '示范带', '征集令', '申报']) {
      expect(links).toContain(label);
    }
    // Judges and their score sheets are in the review repository, edited from the review builds (review/cms.ts).
    expect(links).not.toContain('评审专家（不公开）');
    await district.close();
    expect((await fetch(`${base}/admin/judges/`)).status).toBe(404);
  });

  it('creates a brand with text, a category and an image; the Markdown file lands on main with the street', async () => {
    const page = await openEditor('/admin/longfeng/', '/collections/brands/new');
    await fillBrandText(page, 'longfeng-ceshi-pinpai');
    await page.getByRole('button', { name: '选择图片' }).first().click();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'longfeng-ceshi-cover.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from(COVER),
    });
    await page.getByRole('button', { name: '选用已选中项目' }).click();
    await page
      .getByLabel(/^图片说明/)
      .first()
      .fill('红色背景上写着“测试封面”四个字');
    await page.getByLabel('年份', { exact: true }).fill('2026');
    // A new brand is filed as 已申报; the selection status is the district's to change.
    await expect.poll(() => page.getByLabel('遴选状态', { exact: true }).textContent()).toBe('已申报');
    await page.getByLabel('示例内容', { exact: false }).check();
    // The preview uses the site's own markup and styles.
    const preview = page.locator('iframe').first().contentFrame();
    await expect.poll(() => preview.locator('h1').textContent()).toContain('龙凤测试品牌');
    expect(await preview.locator('.meta').first().textContent()).toContain('龙凤街道');

    const file = 'content/brands/longfeng/longfeng-ceshi-pinpai.md';
    await saveAndPublish(page, file);
    const data = frontmatter(readFileSync(join(clone, file), 'utf8'));
    expect(data).toMatchObject({
      id: 'longfeng-ceshi-pinpai',
      street: 'longfeng',
      category: 'governance',
      status: 'submitted',
      year: 2026,
      sample: true,
      cover: { src: 'images/longfeng-ceshi-cover.svg', alt: '红色背景上写着“测试封面”四个字' },
    });
    expect(existsSync(join(clone, 'content/brands/longfeng/images/longfeng-ceshi-cover.svg'))).toBe(true);
    expect(problemsOf(file)).toEqual([]);
    expect(git(clone, 'log', '-1', '--format=%s')).toMatch(/longfeng-ceshi-pinpai/);
    await page.close();
  }, 240_000);

  it('fills the id from the Chinese title (-2 when taken), shrinks a phone photo in the browser, and locks the id once saved', async () => {
    const page = await openEditor('/admin/longfeng/', '/collections/brands/new');
    const id = page.getByLabel('编号', { exact: true });
    const title = page.getByLabel('品牌名称', { exact: true });
    // 毓秀阁 is longfeng's own brand: the id it would get is taken.
    await title.pressSequentially('毓秀阁');
    await expect.poll(() => id.inputValue(), { timeout: 30_000 }).toBe('yuxiuge-2');
    await title.fill('龙凤书香驿站');
    await expect.poll(() => id.inputValue()).toBe('longfeng-shuxiang-yizhan');
    await page.getByText('按名称自动生成，可以修改').waitFor();
    await page.getByLabel('责任组织', { exact: true }).fill('龙凤街道党工委');
    await choose(page, '品牌类别', '党建引领基层治理');
    await page.getByLabel('一句话介绍', { exact: true }).fill('把书香送到家门口');
    await page
      .getByLabel('摘要', { exact: true })
      .fill('这是浏览器测试通过内容管理创建的示例品牌，用于验证编号生成和照片缩小。');
    await page.getByLabel('年份', { exact: true }).fill('2026');

    // A phone photo: 4032×3024, turned by its EXIF orientation (6: 90° clockwise), with the phone's make and GPS.
    const [width, height] = [4032, 3024];
    const pixels = Buffer.alloc(width * height * 3);
    for (let index = 0; index < width * height; index++)
      pixels[index * 3 + (index < (width * height) / 2 ? 0 : 2)] = 200;
    const photo = await sharp(pixels, { raw: { width, height, channels: 3 } })
      .withMetadata({ orientation: 6 })
      .withExif({
        IFD0: { Make: 'TestPhone', Model: 'Haizhu 1' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '23/1 5/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '113/1 15/1 0/1',
        },
      })
      .jpeg({ quality: 95 })
      .toBuffer();
    await page.getByRole('button', { name: '选择图片' }).first().click();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'IMG_0001.JPG', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('button', { name: '选用已选中项目' }).click();
    await page
      .getByLabel(/^图片说明/)
      .first()
      .fill('测试用的手机照片，上半红色下半蓝色');
    await page.getByLabel('示例内容', { exact: false }).check();

    const file = 'content/brands/longfeng/longfeng-shuxiang-yizhan.md';
    await saveAndPublish(page, file);
    const data = frontmatter(readFileSync(join(clone, file), 'utf8'));
    expect(data).toMatchObject({
      id: 'longfeng-shuxiang-yizhan',
      title: '龙凤书香驿站',
      cover: { src: 'images/img_0001.jpg' },
    });
    expect(problemsOf(file)).toEqual([]);
    const committed = readFileSync(join(clone, 'content/brands/longfeng/images/img_0001.jpg'));
    const meta = await sharp(committed).metadata();
    // Turned upright, longest side 2400, JPEG, nothing of the phone's metadata left.
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
      format: 'jpeg',
      width: 1800,
      height: 2400,
    });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(committed.includes(Buffer.from('TestPhone'))).toBe(false);
    // The stored photo's top half (red) is on the right once turned clockwise.
    const { data: left } = await sharp(committed)
      .extract({ left: 100, top: 1200, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(left[2]).toBeGreaterThan(left[0]);
    await page.close();

    // Saved once, the id is shown, not edited: the file is named after it.
    const again = await openEditor('/admin/longfeng/', '/collections/brands/entries/longfeng-shuxiang-yizhan');
    expect(await control(again, '编号')).toMatchObject({ tag: 'output', text: 'longfeng-shuxiang-yizhan' });
    await again.getByText('已保存，不能修改').waitFor();
    await again.close();
  }, 300_000);

  it('places a site with the coordinate picker (click, then a pasted GCJ-02 pair converted to WGS-84)', async () => {
    const page = await openEditor('/admin/longfeng/', '/collections/sites/new');
    await page.getByLabel('编号', { exact: true }).fill('longfeng-ceshi-zhendi');
    await page.getByLabel('阵地名称', { exact: true }).fill('龙凤测试阵地');
    await choose(page, '阵地类型', '红色驿站');
    await page.getByLabel('地址', { exact: true }).fill('海珠区龙凤街测试路 1 号');

    const map = page.getByTestId('point-map');
    await map.locator('canvas').waitFor({ timeout: 30_000 });
    await map.click({ position: { x: 200, y: 140 } });
    const lng = page.getByLabel('经度（东经）');
    await expect.poll(() => lng.inputValue()).not.toBe('');
    expect(Number(await lng.inputValue())).toBeGreaterThan(113.2);

    const pasted = { lng: 113.2613, lat: 23.099 };
    const expected = gcj02ToWgs84(pasted);
    await page.getByLabel('粘贴从地图软件复制的坐标').fill(`${pasted.lng},${pasted.lat}`);
    await page.getByLabel('坐标来源').selectOption('gcj02');
    await page.getByRole('button', { name: '转换并填入' }).click();
    await expect.poll(() => lng.inputValue()).toBe(String(roundCoordinate(expected.lng)));
    await page.getByText('已从 GCJ-02').waitFor();
    await page.getByLabel('示例内容', { exact: false }).check();

    const file = 'content/sites/longfeng/longfeng-ceshi-zhendi.yaml';
    await saveAndPublish(page, file);
    const data = parse(readFileSync(join(clone, file), 'utf8')) as Record<string, unknown>;
    expect(data).toMatchObject({
      street: 'longfeng',
      type: 'red-station',
      point: { lng: roundCoordinate(expected.lng), lat: roundCoordinate(expected.lat) },
    });
    expect(problemsOf(file)).toEqual([]);
    await page.close();
  }, 240_000);

  it('shows a street office the district’s decisions read-only, and keeps them when it saves', async () => {
    const file = 'content/submissions/2022-first-round/longfeng/yuxiuge-2022.md';
    const before = frontmatter(readFileSync(join(clone, file), 'utf8'));
    expect(before).toMatchObject({ stage: 'selected', brand: 'yuxiuge' });
    const page = await openEditor('/admin/longfeng/', '/collections/submissions-2022-first-round/entries/yuxiuge-2022');
    // The value as text, labelled, with who decides it; no control to change it.
    expect(await control(page, '申报阶段')).toMatchObject({ tag: 'output', text: '入选' });
    expect(await control(page, /^对应品牌/)).toMatchObject({ tag: 'output', text: 'yuxiuge' });
    await page.getByText('由区级修改，街道不能更改').first().waitFor();
    expect(await page.getByRole('combobox', { name: '申报阶段' }).count()).toBe(0);

    const summary = '龙凤街道党工委以「毓秀阁」品牌参加全区党建品牌征集，街道在内容管理中补充了这句摘要。';
    await page.getByLabel('摘要', { exact: true }).fill(summary);
    await saveAndPublish(page, file, (path) => readFileSync(path, 'utf8').includes(summary));
    const after = frontmatter(readFileSync(join(clone, file), 'utf8'));
    expect(after).toMatchObject({ summary, stage: 'selected', brand: 'yuxiuge' });
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    await page.close();
  }, 240_000);

  it("shows a street office its progress reports with the district's 验收 read-only, and its claim's tasks to pick", async () => {
    const page = await openEditor(
      '/admin/longfeng/',
      '/collections/progress-2026-jiebang/entries/longfeng-dianti-2026-06',
    );
    expect(await control(page, /^验收/)).toMatchObject({ tag: 'output', text: '通过' });
    expect(await page.getByRole('combobox', { name: '验收' }).count()).toBe(0);
    await page.close();
    const signup = await openEditor('/admin/longfeng/', '/collections/submissions-2026-jiebang/new');
    await signup.getByLabel(/^揭榜任务/).click();
    // The open list's options (the stage's own select has options too).
    const tasks = (await signup.getByRole('listbox').getByRole('option').allTextContents()).map((text) => text.trim());
    expect(tasks).toEqual(['老旧小区加装电梯', '物业矛盾化解', '网格党建', '企业党建覆盖', '数字化赋能']);
    await signup.close();
  });

  it('lets a street office only draft or submit a new sign-up, while the district chooses every stage', async () => {
    const page = await openEditor('/admin/longfeng/', '/collections/submissions-2026-call/new');
    expect(await control(page, '申报阶段')).toMatchObject({
      tag: 'select',
      options: ['草稿', '已提交'],
      value: 'draft',
    });
    await page.getByLabel('申报阶段', { exact: true }).selectOption({ label: '已提交' });
    expect(await control(page, '申报阶段')).toMatchObject({ value: 'submitted' });
    expect(await control(page, /^对应品牌/)).toMatchObject({ tag: 'output', text: '未填写（由区级填写）' });
    await page.close();

    const district = await openEditor(
      '/admin/',
      '/collections/submissions/entries/2022-first-round/longfeng/yuxiuge-2022',
    );
    // The district's editor keeps the ordinary choice list (all six stages).
    expect(await control(district, '申报阶段')).toMatchObject({ tag: 'input' });
    await district.getByLabel('申报阶段', { exact: true }).click();
    const stages = (await district.getByRole('option').allTextContents()).map((text) => text.trim());
    expect(stages).toEqual(['草稿', '已提交', '资格审核通过', '入围', '入选', '未入选']);
    await district.close();
  });
});
