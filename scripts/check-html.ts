/**
 * npm run check:html [dir …]: every HTML file of a build (dist/ by default; the
 * review build is dist-review/) checked for conformance with html-validate's
 * recommended rules, plus one rule of our own (below). Exits 1 with one line per
 * problem, `file:line:column rule: message`.
 */
import { relative } from 'node:path';
import { type ConfigData, HtmlValidate, type Plugin, Rule, StaticConfigLoader } from 'html-validate';
import { htmlFiles } from '../src/lib/html-scan.ts';

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
  const dirs = process.argv.length > 2 ? process.argv.slice(2) : ['dist'];
  const problems = await checkHtml(dirs);
  for (const line of problems) console.error(line);
  console.log(
    problems.length ? `${problems.length} HTML problems in ${dirs.join(', ')}` : `valid HTML in ${dirs.join(', ')}`,
  );
  process.exitCode = problems.length ? 1 : 0;
}
