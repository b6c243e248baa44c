import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { buildSite } from '../support/build.ts';

/**
 * Builds the public site from a copy of the content in which every private
 * field holds a unique canary value, then scans every output file for them.
 */
const CANARIES = {
  contactName: 'CANARY联系人甲乙丙',
  contactPhone: '020-9876-5432-1',
  judgeName: 'CANARY评委姓名',
  judgeAffiliation: 'CANARY评委单位',
  judgeCode: 'CANARY评委代号',
  judgeId: 'canary-judge-zq',
  reviewComment: 'CANARY评语内容',
};

let workDir: string;
let outDir: string;

/** Edits the YAML of a data file or of a Markdown file's frontmatter in place. */
function editYaml(file: string, edit: (doc: ReturnType<typeof parseDocument>) => void) {
  const text = readFileSync(file, 'utf8');
  const markdown = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  const doc = parseDocument(markdown ? markdown[1] : text);
  edit(doc);
  writeFileSync(file, markdown ? `---\n${doc.toString()}---\n${markdown[2]}` : doc.toString());
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'haizhu-privacy-'));
  const contentDir = join(workDir, 'content');
  outDir = join(workDir, 'dist');
  cpSync('content', contentDir, { recursive: true });
  const files = filesUnder(contentDir);
  const under = (collection: string) => files.filter((file) => file.includes(`/content/${collection}/`));

  for (const file of under('submissions').filter((name) => name.endsWith('.md'))) {
    editYaml(file, (doc) => {
      doc.setIn(['contact', 'name'], CANARIES.contactName);
      doc.setIn(['contact', 'phone'], CANARIES.contactPhone);
    });
  }
  for (const file of under('judges')) {
    editYaml(file, (doc) => {
      doc.set('name', CANARIES.judgeName);
      doc.set('affiliation', CANARIES.judgeAffiliation);
      doc.set('code', CANARIES.judgeCode);
    });
  }
  writeFileSync(
    join(contentDir, 'judges', `${CANARIES.judgeId}.yaml`),
    `id: ${CANARIES.judgeId}\ncode: ${CANARIES.judgeCode}\nname: ${CANARIES.judgeName}\naffiliation: ${CANARIES.judgeAffiliation}\n`,
  );
  for (const file of under('campaigns')) {
    editYaml(file, (doc) => {
      const judges = (doc.get('judges') as { toJSON(): string[] } | undefined)?.toJSON() ?? [];
      doc.set('judges', [...judges, CANARIES.judgeId]);
    });
  }
  for (const file of under('reviews')) editYaml(file, (doc) => doc.set('comment', CANARIES.reviewComment));

  buildSite({ CONTENT_DIR: contentDir, OUT_DIR: outDir });
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('the public build', () => {
  it('was built from content with canaries in every kind of private field', () => {
    const content = filesUnder(join(workDir, 'content')).map((file) => readFileSync(file, 'latin1'));
    const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
    for (const canary of Object.values(CANARIES)) {
      expect(
        content.some((text) => text.includes(utf8(canary))),
        canary,
      ).toBe(true);
    }
  });

  it('contains pages (the scan below is not vacuous)', () => {
    const html = filesUnder(outDir).filter((file) => file.endsWith('.html'));
    expect(html.length).toBeGreaterThan(50);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain('海珠区');
  });

  it.each(Object.entries(CANARIES))('contains no %s canary in any output file', (_, canary) => {
    const needle = Buffer.from(canary, 'utf8');
    const leaks = filesUnder(outDir).filter((file) => readFileSync(file).includes(needle));
    expect(leaks.map((file) => file.slice(outDir.length))).toEqual([]);
  });
});
