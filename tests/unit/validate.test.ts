import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileExistsIn, fileTextIn, readContentFiles, validateContentDir } from '../../src/lib/content-files.ts';
import { formatProblem, formatReport } from '../../src/lib/report.ts';
import { type Problem, validateContent } from '../../src/lib/validate.ts';

/** Validates a fixture tree exactly as `npm run check:content -- tests/fixtures/<name>` does. */
function validateFixture(name: 'valid' | 'broken') {
  const dir = fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
  const files = readContentFiles(dir);
  return { files, ...validateContent(files, { displayRoot: `tests/fixtures/${name}`, exists: fileExistsIn(dir) }) };
}

const B = 'tests/fixtures/broken';
const POINT_FIX = '要求：WGS-84 坐标；高德、腾讯、百度坐标请用地图选点框转换';

/** Every problem in tests/fixtures/broken, in the order the validator reports them. */
const EXPECTED_BROKEN = [
  // A file in an unknown top-level folder, close to a real one.
  `${B}/brand/longfeng/misplaced.md:1: “brand”不是内容文件夹 (文件夹名可能拼错了，应为 brands)`,
  // Unknown street id, suggested from a typo.
  `${B}/brands/longfen/typo-street.md:4 street: 找不到街道“longfen” (是不是 longfeng？)`,
  // Misspelt field (suggested) and unknown field (not close to any).
  `${B}/brands/longfeng/misspelt.md:2 title: 缺少必填字段 title（品牌名称） (添加 title)`,
  `${B}/brands/longfeng/misspelt.md:3 titel: 未知字段“titel”，不会被保存或显示 (字段名可能拼错了，应为 title)`,
  `${B}/brands/longfeng/misspelt.md:11 colour: 未知字段“colour”，不会被保存或显示 (删除该字段；可用的字段有 id、title、street、organisation、category、tagline、summary、cover、gallery、tags、year、status、round、figures、sites、sample)`,
  // Markdown without frontmatter.
  `${B}/brands/longfeng/no-frontmatter.md:1: Markdown 文件缺少以 --- 开头和结束的文件头（frontmatter） (在文件第一行写 ---，接着逐行写 id、title 等字段，再用单独一行 --- 结束，正文写在其后)`,
  // File path disagreeing with the street field.
  `${B}/brands/longfeng/wrong-street.md:4 street: street（所属街道）是“pazhou”，但文件放在“longfeng”文件夹里 (把 street 改为 longfeng，或把文件移到 pazhou 文件夹)`,
  // Missing image.
  `${B}/brands/longfeng/yuxiuge.md:12 cover.src: 找不到图片 images/missing.svg (把图片放到 ${B}/brands/longfeng/images/missing.svg，或改正路径)`,
  // Same brand id in two street folders; unknown site ids (one close to a real one).
  `${B}/brands/pazhou/yuxiuge.md:2 id: 编号“yuxiuge”重复，已被 ${B}/brands/longfeng/yuxiuge.md 使用 (给其中一个条目换一个新的编号（并同时修改文件名）)`,
  `${B}/brands/pazhou/yuxiuge.md:11 sites[0]: 找不到阵地“pazhou-center” (是不是 pazhou-centre？)`,
  `${B}/brands/pazhou/yuxiuge.md:11 sites[1]: 找不到阵地“nowhere” (填写 ${B}/sites/ 中已有的阵地编号)`,
  // Closes before opens; a stage ending before it starts.
  `${B}/campaigns/bad-dates.yaml:6 closes: 截止日期 2022-06-01 早于开始日期 2022-07-01 (截止日期应在开始日期之后)`,
  `${B}/campaigns/bad-dates.yaml:16 stages[1].end: 结束日期 2022-08-01 早于开始日期 2022-08-10 (结束日期应在开始日期之后)`,
  // Rubric weights summing to 90.
  `${B}/campaigns/bad-rubric.yaml:8 rubric: 评分指标权重之和为 90，应为 100 (调整各指标的 weight，使总和为 100（现在少 10）)`,
  // A contact too short, with no phone number in it; one naming a sign-up that is not in its street.
  `${B}/contacts/2022-first-round/longfeng/nobody.yaml:4 name: name（联系人）：至少 2 个字 (按提示修改 name)`,
  `${B}/contacts/2022-first-round/longfeng/nobody.yaml:5 phone: phone（联系电话）：电话只能包含数字、括号、空格、加号和连字符 (按提示修改 phone)`,
  `${B}/contacts/2022-first-round/pazhou/yuxiuge.yaml:3 street: 申报“yuxiuge”是 longfeng 街道的，联系人文件却在 pazhou 文件夹里 (把文件移到 contacts/2022-first-round/longfeng/，并把 street 改为 longfeng)`,
  `${B}/contacts/2022-first-round/pazhou/yuxiuge.yaml:6 leaderName: 申报“yuxiuge”没有揭榜任务，不需要挂帅人姓名 (删除 leaderName，或在申报里填写揭榜任务（claim）)`,
  // A street's Chinese short name where its id belongs.
  `${B}/judges/judge-b.yaml:5 conflicts[0]: 找不到街道“龙凤” (是不是 longfeng？)`,
  // A file in an unknown top-level folder, close to nothing.
  `${B}/news/announcement.md:1: “news”不是内容文件夹 (内容文件夹只有：streets、brands、belts、sites、campaigns、submissions、progress、judges、reviews、contacts)`,
  // A review from a judge with a conflict on the submission's street.
  `${B}/reviews/2022-first-round/judge-a/yuxiuge.yaml:1 judge: 评委 judge-a 已声明与龙凤街道存在利益关联，不能评审该街道的申报 (删除这份评分，由其他评委评审)`,
  // Reviews of a sign-up that is not shortlisted (still at stage submitted).
  `${B}/reviews/2022-first-round/judge-a/yuxiuge.yaml:2 submission: 申报“yuxiuge”尚未入围（当前阶段：已提交），不能评分 (评审只针对入围的申报：先把申报的 stage 改为 shortlisted，或删除这份评分)`,
  `${B}/reviews/2022-first-round/judge-b/yuxiuge.yaml:2 submission: 申报“yuxiuge”尚未入围（当前阶段：已提交），不能评分 (评审只针对入围的申报：先把申报的 stage 改为 shortlisted，或删除这份评分)`,
  // Scores above and below the scale; a misspelt rubric criterion.
  `${B}/reviews/2022-first-round/judge-b/yuxiuge.yaml:4 scores.impact: 分数 11 超出范围 (“治理成效”的分数应在 0 至 10 之间)`,
  `${B}/reviews/2022-first-round/judge-b/yuxiuge.yaml:5 scores.innovation: 分数 -1 超出范围 (“创新做法”的分数应在 0 至 20 之间)`,
  `${B}/reviews/2022-first-round/judge-b/yuxiuge.yaml:6 scores.inovation: 评分指标“inovation”不在征集令 2022-first-round 的评分标准中 (是不是 innovation？)`,
  // A point in Shenzhen, and a point with longitude and latitude swapped.
  `${B}/sites/longfeng/shenzhen.yaml:6 point: point（位置）：坐标 (114.0579, 22.5431) 不在海珠区范围内（经度 113.216–113.435，纬度 23.026–23.137）；经度和纬度可能写反了，或坐标来自高德/百度而未转换为 WGS-84 (${POINT_FIX})`,
  `${B}/sites/longfeng/swapped.yaml:6 point: point（位置）：坐标 (23.1017, 113.2557) 不在海珠区内，经度和纬度可能写反了（请对调 lng 与 lat） (${POINT_FIX})`,
  // Id disagreeing with the file name.
  `${B}/sites/longfeng/wrong-name.yaml:1 id: id（编号）“right-name”与文件名“wrong-name”不一致 (把文件改名为 right-name.yaml，或把 id 改为 wrong-name)`,
  // Unknown brand ids: a brand's Chinese title (suggested) and an id close to nothing.
  `${B}/sites/pazhou/unknown-brands.yaml:9 brands[0]: 找不到党建品牌“毓秀阁” (是不是 yuxiuge？)`,
  `${B}/sites/pazhou/unknown-brands.yaml:9 brands[1]: 找不到党建品牌“no-such-brand” (填写 ${B}/brands/ 中已有的党建品牌编号)`,
  // Wrong extension.
  `${B}/streets/extra.yml:1: 街道文件应为 .yaml 格式 (把文件改名为 extra.yaml)`,
  // Malformed YAML: an unquoted colon inside a value.
  `${B}/streets/malformed.yaml:3: YAML 格式错误：一行里出现了多余的冒号 (含冒号的文字要加引号，例如 title: "主题：党建引领")`,
  // A sign-up still carrying its contact, which now goes to the district on the sign-up sheet.
  `${B}/submissions/2022-first-round/pazhou/old-contact.md:9 contact: 联系人和联系电话不再写在申报文件里：各街道办都能读取这个仓库 (删除 contact 一项；联系人和联系电话填在申报表（征集令页面的申报模板）里报送区委组织部，由区级导入只有区级能读取的区级仓库)`,
];

/** The broken tree's reference targets: files that are fine on their own. */
const CLEAN_BROKEN_FILES = [
  'campaigns/2022-first-round.yaml',
  'judges/judge-a.yaml',
  'sites/pazhou/pazhou-centre.yaml',
  'streets/longfeng.yaml',
  'streets/pazhou.yaml',
  'submissions/2022-first-round/longfeng/yuxiuge.md',
];

describe('validateContent on tests/fixtures/broken', () => {
  const { files, entries, problems } = validateFixture('broken');

  it('reports exactly the expected problems, in order', () => {
    expect(problems.map(formatProblem)).toEqual(EXPECTED_BROKEN);
  });

  it('sorts problems by file, then line', () => {
    const outOfOrder = problems.slice(1).filter((problem, index) => {
      const previous = problems[index];
      return problem.file < previous.file || (problem.file === previous.file && problem.line < previous.line);
    });
    expect(outOfOrder).toEqual([]);
  });

  it('finds a problem in every file except the reference targets', () => {
    const withProblems = new Set(problems.map((problem) => problem.file));
    const clean = files.map((file) => file.path).filter((path) => !withProblems.has(`${B}/${path}`));
    expect(clean).toEqual(CLEAN_BROKEN_FILES);
  });

  it('gives every problem a line, a message and a fix', () => {
    for (const problem of problems) {
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.message).not.toBe('');
      expect(problem.fix).not.toBe('');
    }
  });

  it('summarises the report with file and problem counts', () => {
    const report = formatReport(problems, files.length).split('\n');
    expect(report.slice(0, -2)).toEqual(EXPECTED_BROKEN);
    expect(report.slice(-2)).toEqual(['', '内容检查未通过：22 个文件中有 34 个问题。']);
  });

  it('keeps only the entries that passed the schema', () => {
    expect(entries.streets.map((entry) => entry.path)).toEqual(['streets/longfeng.yaml', 'streets/pazhou.yaml']);
    expect(entries.sites.map((entry) => entry.path)).toEqual([
      'sites/longfeng/wrong-name.yaml',
      'sites/pazhou/pazhou-centre.yaml',
      'sites/pazhou/unknown-brands.yaml',
    ]);
  });
});

describe('validateContent on tests/fixtures/valid', () => {
  const { files, entries, problems } = validateFixture('valid');

  it('has no problems', () => {
    expect(problems.map(formatProblem)).toEqual([]);
    expect(formatReport(problems, files.length)).toBe('内容检查通过：17 个文件，没有发现问题。');
  });

  it.each([
    ['streets', ['longfeng', 'pazhou']],
    ['brands', ['yuxiuge', 'digital-pioneer']],
    ['belts', ['pazhou-digital']],
    ['sites', ['yuxiuge-centre', 'pazhou-centre', 'pazhou-exhibition']],
    ['campaigns', ['2022-first-round']],
    ['submissions', ['yuxiuge', 'digital-pioneer']],
    ['judges', ['judge-a', 'judge-b']],
    ['reviews', ['yuxiuge', 'digital-pioneer']],
    ['contacts', ['yuxiuge', 'digital-pioneer']],
  ] as const)('reads every %s entry', (name, ids) => {
    expect(entries[name].map((entry) => entry.id)).toEqual(ids);
  });

  it('records folders, defaults and Markdown bodies', () => {
    const [brand] = entries.brands;
    expect(brand.folders).toEqual({ street: 'longfeng' });
    expect(brand.body).toBe('\n测试用的品牌故事。\n');
    expect(brand.data.gallery).toEqual([]);
    const [review] = entries.reviews;
    expect(review.folders).toEqual({ campaign: '2022-first-round', judge: 'judge-a' });
    expect(review.data.conflict).toBe(false);
    const [campaign] = entries.campaigns;
    expect((campaign.data.rubric as { scale: number }[]).map((criterion) => criterion.scale)).toEqual([10, 20, 10]);
  });
});

describe('validateContent on files given directly', () => {
  const run = (files: { path: string; text: string }[], exists = () => true): Problem[] =>
    validateContent(files, { exists }).problems;

  it('prefixes paths with content/ by default', () => {
    expect(run([{ path: 'streets/extra.yml', text: '' }]).map(formatProblem)).toEqual([
      'content/streets/extra.yml:1: 街道文件应为 .yaml 格式 (把文件改名为 extra.yaml)',
    ]);
  });

  it('reports a file placed at the wrong depth', () => {
    expect(run([{ path: 'brands/yuxiuge.md', text: '' }]).map(formatProblem)).toEqual([
      'content/brands/yuxiuge.md:1: 党建品牌文件放错了层级 (应放在 brands/<street>/<id>.md)',
    ]);
  });
});

describe('SVG images', () => {
  const valid = readContentFiles('tests/fixtures/valid');
  const dir = 'tests/fixtures/valid';
  const cover = valid.find((file) => file.path.startsWith('brands/') && file.path.endsWith('.md'));
  const coverSrc = cover ? /src: (\S+\.svg)/.exec(cover.text)?.[1] : undefined;

  it.each([
    ['a script element', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ['an event handler', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'],
    ['a javascript: link', '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)">x</a></svg>'],
    ['embedded HTML', '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>'],
  ])('are refused when they carry %s', (_, svg) => {
    expect(cover && coverSrc).toBeTruthy();
    if (!cover || !coverSrc) return;
    const imagePath = `${cover.path.split('/').slice(0, -1).join('/')}/${coverSrc}`;
    const { problems } = validateContent(valid, {
      displayRoot: dir,
      exists: fileExistsIn(dir),
      readText: (path) => (path === imagePath ? svg : '<svg xmlns="http://www.w3.org/2000/svg"/>'),
    });
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${dir}/${cover.path}:\\d+ cover\\.src: SVG 图片 ${coverSrc} 含有脚本或事件属性，打开图片时可能执行代码 `,
        ),
      ),
    ]);
  });

  it('pass when they are plain drawings', () => {
    const { problems } = validateContent(valid, {
      displayRoot: dir,
      exists: fileExistsIn(dir),
      readText: fileTextIn(dir),
    });
    expect(problems).toEqual([]);
  });
});

describe('links and paths that leave the entry', () => {
  /** A copy of the valid fixture, changed by `change`, validated as check:content and the build do. */
  function validateChanged(change: (dir: string) => void) {
    const dir = mkdtempSync(join(tmpdir(), 'haizhu-links-'));
    try {
      cpSync('tests/fixtures/valid', dir, { recursive: true });
      change(dir);
      return validateContentDir(dir).problems.map((problem) => formatProblem(problem).replace(dir, '<dir>'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const cover = 'brands/longfeng/images/yuxiuge-cover.svg';
  const entry = 'brands/longfeng/yuxiuge.md';
  const replaceCover = (dir: string, src: string) =>
    writeFileSync(join(dir, entry), readFileSync(join(dir, entry), 'utf8').replace('images/yuxiuge-cover.svg', src));

  it.each([
    ['a judge’s file', '../../../../judges/judge-a.yaml'],
    ['a file outside the folder', '/etc/passwd'],
    ['another street’s picture', '../../../pazhou/images/digital-pioneer-cover.svg'],
  ])('refuses a picture that is a link to %s, without reading it', (_, target) => {
    const problems = validateChanged((dir) => {
      rmSync(join(dir, cover));
      symlinkSync(target, join(dir, cover));
    });
    expect(problems).toContainEqual(
      `<dir>/${cover}:1: 这是符号链接，内容文件夹里只能放普通文件（条目、图片和附件本身），不会读取它 (删除它，把要用的图片或附件本身复制到这个位置)`,
    );
    expect(problems.join('\n')).not.toMatch(/root:|张|affiliation/);
  });

  it('refuses a linked entry and a linked folder, and reads neither', () => {
    const problems = validateChanged((dir) => {
      symlinkSync('../../judges/judge-a.yaml', join(dir, 'brands/longfeng/copy.md'));
      symlinkSync('../../judges', join(dir, 'sites/longfeng/more'));
    });
    expect(problems).toEqual([
      expect.stringMatching(/^<dir>\/brands\/longfeng\/copy\.md:1: 这是符号链接/),
      expect.stringMatching(/^<dir>\/sites\/longfeng\/more:1: 这是符号链接/),
    ]);
  });

  it.each([
    [
      'climbs out of the entry’s folder',
      '../../../judges/judge-a.yaml',
      '图片路径 ../../../judges/judge-a.yaml 离开了本条目所在的文件夹',
    ],
    ['is absolute', '/etc/passwd', '图片路径 /etc/passwd 离开了本条目所在的文件夹'],
    ['is not a picture', 'images/notes.txt', 'images/notes.txt 不是图片文件'],
  ])('refuses a picture path that %s', (_, src, message) => {
    const problems = validateChanged((dir) => {
      writeFileSync(join(dir, 'brands/longfeng/images/notes.txt'), 'a: 1\n');
      replaceCover(dir, src);
    });
    expect(problems).toEqual([expect.stringContaining(`<dir>/${entry}:10 cover.src: ${message}`)]);
  });
});
