/**
 * npm run check:html [dir …]: every HTML file of a build (dist/ by default; the
 * review build is dist-review/) checked for conformance with html-validate's
 * recommended rules, plus one rule of our own (below). Exits 1 with one line per
 * problem, `file:line:column rule: message`.
 */
import { relative } from 'node:path';
import { type ConfigData, HtmlValidate, type Plugin, Rule, StaticConfigLoader } from 'html-validate';
import { htmlFiles } from '../src/lib/html-scan.ts';
import { parseCommand, requireBuild, runMain } from './lib/cli.ts';

/**
 * html-validate builds its tree without HTML's parsing rules, so a tag after </html> (Astro writes a page's
 * <script> there when it stands after the layout) becomes a second root element, which no recommended rule
 * looks at. The Nu HTML Checker calls it "Stray start tag"; this rule reports it likewise.
 */
class NoContentOutsideHtml extends Rule {
  setup() {
    this.on('dom:ready', ({ document }) => {
      for (const element of document.root.childElements.slice(1)) {
        this.report(element, `Stray <${element.tagName}> outside the <html> element`);
      }
    });
  }
}

const plugin: Plugin = { name: 'haizhu', rules: { 'haizhu/no-content-outside-html': NoContentOutsideHtml } };

export const HTML_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  plugins: [plugin],
  rules: {
    'haizhu/no-content-outside-html': 'error',
    // Heading ids come from the Markdown headings street offices write, in Chinese and sometimes starting with a
    // digit ("6N是什么"): valid HTML ids, which the strict form of this rule refuses only because a CSS selector
    // would need escaping. No stylesheet or script selects them; links reach them as #fragments.
    'valid-id': ['error', { relaxed: true }],
  },
};

/** Problems in the HTML files under each folder, one line each: `file:line:column rule: message`. */
export async function checkHtml(dirs: string[]): Promise<string[]> {
  const validator = new HtmlValidate(new StaticConfigLoader(HTML_CONFIG));
  const problems: string[] = [];
  for (const dir of dirs) {
    for (const file of htmlFiles(dir)) {
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const message of result.messages) {
          problems.push(
            `${relative('.', file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
          );
        }
      }
    }
  }
  return problems;
}

if (import.meta.main) {
  const { positionals } = parseCommand({
    usage: `用法：npm run check:html [-- <构建文件夹> …]
检查构建好的每个 HTML 页面是否符合 HTML 规范（html-validate 推荐规则），默认检查 dist/；审阅网站是 dist-review/。
有问题时逐行列出“文件:行:列 规则: 说明”，退出码 1。`,
    positionals: { min: 0, max: Number.POSITIVE_INFINITY, name: '构建文件夹' },
  });
  const dirs = positionals.length ? positionals : ['dist'];
  for (const dir of dirs) requireBuild(dir, dir.includes('review') ? 'npm run build:review' : 'npm run build');
  await runMain('检查 HTML', async () => {
    const problems = await checkHtml(dirs);
    for (const line of problems) console.error(line);
    console.log(
      problems.length
        ? `HTML 检查未通过：${dirs.join('、')} 中有 ${problems.length} 个问题。`
        : `HTML 检查通过：${dirs.join('、')}。`,
    );
    return problems.length ? 1 : 0;
  });
}
