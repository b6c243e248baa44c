import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRICT_SAMPLE, REVIEW_SAMPLE } from '../../src/lib/review/setup.ts';
import { buildSite } from '../support/build.ts';
import { editYaml, filesUnder } from '../support/content-edit.ts';

/**
 * Builds the review site once per audience (REVIEW_AUDIENCE) from a copy of the content and of the
 * review repository in which every judge, review and sign-up carries canary values of its own,
 * then scans every file each build wrote: a judge's build holds only that judge's canaries, a
 * street's build no judge's and no other street's, the district's all of them. The 2022 call is
 * reviewed blind, so a judge's build holds no applicant's organisation either.
 */
const CAMPAIGN = '2022-first-round';
const JUDGES = ['judge-a', 'judge-b', 'judge-c', 'judge-d', 'judge-e'];

let workDir: string;
let contentDir: string;
let reviewDir: string;
let districtDir: string;

const judgeCanaries = (id: string) => ({
  name: `CANARY姓名-${id}`,
  affiliation: `CANARY单位-${id}`,
  code: `CANARY代号-${id}`,
  comment: `CANARY评语-${id}`,
  // A raw score (only the judge's own table shows raw scores): one value per judge, on one criterion.
  score: `${JUDGES.indexOf(id) + 1}.13579`,
});
const streetCanaries = (street: string) => ({
  organisation: `CANARY申报单位-${street}`,
  contact: `CANARY联系人-${street}`,
  phone: `020-0000-${String(street.length).padStart(4, '0')}`,
});

interface Output {
  dir: string;
  /** Every file's text, joined (attachments, the editor's configuration and scripts included). */
  text: string;
  /** The pages' HTML, joined. */
  html: string;
  /** Pages, as paths under the build's base. */
  pages: string[];
}

const outputs = new Map<string, Output>();

function build(audience: string, env: Record<string, string> = {}): Output {
  const dir = join(workDir, `out-${audience.replace(':', '-')}${env.SUFFIX ?? ''}`);
  const { SUFFIX: _suffix, ...rest } = env;
  buildSite(
    {
      CONTENT_DIR: contentDir,
      REVIEW_CONTENT_DIR: reviewDir,
      DISTRICT_CONTENT_DIR: districtDir,
      REVIEW_OUT_DIR: dir,
      REVIEW_AUDIENCE: audience,
      ...rest,
    },
    'astro.review.config.mjs',
  );
  const files = filesUnder(dir);
  return {
    dir,
    text: files.map((file) => readFileSync(file, 'utf8')).join('\n'),
    html: files
      .filter((file) => file.endsWith('.html'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n'),
    pages: files
      .filter((file) => file.endsWith('/index.html'))
      .map((file) => file.slice(dir.length, -'index.html'.length))
      .sort(),
  };
}

/** Which of the given strings occur in the text. */
const found = (text: string, needles: string[]) => needles.filter((needle) => text.includes(needle));

const streets = new Map<string, string>();

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'haizhu-audiences-'));
  contentDir = join(workDir, 'content');
  const reviewRepo = join(workDir, 'review-content');
  reviewDir = join(reviewRepo, 'content');
  cpSync('content', contentDir, { recursive: true });
  cpSync(REVIEW_SAMPLE, reviewRepo, { recursive: true });
  districtDir = join(workDir, 'district-content', 'content');
  cpSync(join(DISTRICT_SAMPLE, 'content'), districtDir, { recursive: true });

  editYaml(join(contentDir, 'campaigns', `${CAMPAIGN}.yaml`), (doc) => doc.set('blind', true));
  for (const file of filesUnder(join(contentDir, 'submissions')).filter((name) => name.endsWith('.md'))) {
    editYaml(file, (doc) => {
      const street = String(doc.get('street'));
      const canary = streetCanaries(street);
      streets.set(String(doc.get('id')), street);
      doc.set('organisation', canary.organisation);
    });
  }
  // Each sign-up's contact, in the district repository's copy.
  for (const file of filesUnder(join(districtDir, 'contacts'))) {
    editYaml(file, (doc) => {
      const canary = streetCanaries(String(doc.get('street')));
      doc.set('name', canary.contact);
      doc.set('phone', canary.phone);
    });
  }
  for (const id of JUDGES) {
    editYaml(join(reviewDir, 'judges', `${id}.yaml`), (doc) => {
      const canary = judgeCanaries(id);
      doc.set('name', canary.name);
      doc.set('affiliation', canary.affiliation);
      doc.set('code', canary.code);
    });
    for (const file of filesUnder(join(reviewDir, 'reviews', CAMPAIGN, id))) {
      editYaml(file, (doc) => {
        const canary = judgeCanaries(id);
        doc.set('comment', `${canary.comment}-${String(doc.get('submission'))}`);
        if (doc.hasIn(['scores', 'leadership'])) doc.setIn(['scores', 'leadership'], Number(canary.score));
      });
    }
  }
  const git = (...args: string[]) =>
    spawnSync('git', ['-C', reviewRepo, '-c', 'user.name=测试', '-c', 'user.email=t@example.invalid', ...args], {
      stdio: 'ignore',
    });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', '测试');

  for (const audience of ['district', 'judge:judge-a', 'judge:judge-b', 'street:nanshitou'])
    outputs.set(audience, build(audience));
  console.log([...outputs].map(([audience, output]) => `${audience}: ${output.pages.length} pages`).join('; '));
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const output = (audience: string) => outputs.get(audience) as Output;
const everyJudgeCanary = (id: string) => Object.values(judgeCanaries(id));

describe('the district’s review build', () => {
  it('holds everything: every judge’s name, affiliation, code, scores and comments, and the ranking', () => {
    const { text } = output('district');
    for (const id of JUDGES) expect(found(text, everyJudgeCanary(id))).toEqual(everyJudgeCanary(id));
    expect(text).toContain('data-ranking');
    expect(text).toContain('data-coverage');
  });

  it('builds every page there is today', () => {
    const { pages } = output('district');
    expect(pages).toContain('/judges/');
    expect(pages).toContain('/streets/');
    expect(pages.filter((page) => page.startsWith('/streets/'))).toHaveLength(19);
    expect(pages.filter((page) => /^\/judges\/judge-/.test(page))).toHaveLength(5);
  });
});

describe.each(['judge-a', 'judge-b'])('a judge’s review build (%s)', (judge) => {
  const audience = `judge:${judge}`;
  const others = JUDGES.filter((id) => id !== judge);

  it('holds the judge’s own name, code, scores and comments', () => {
    expect(found(output(audience).text, everyJudgeCanary(judge))).toEqual(everyJudgeCanary(judge));
  });

  it('holds nothing of any other judge: no id, name, affiliation, code, score or comment', () => {
    const { text } = output(audience);
    for (const id of others) expect(found(text, [id, ...everyJudgeCanary(id)]), id).toEqual([]);
  });

  it('has no panel score, no rank and no list of judges or streets', () => {
    const { html, pages } = output(audience);
    expect(html).not.toContain('data-ranking');
    expect(html).not.toContain('评审得分');
    expect(html).not.toContain('暂列第');
    expect(html).not.toMatch(/最[高低]分，不计入/);
    expect(pages.filter((page) => page === '/judges/' || page.startsWith('/streets/'))).toEqual([]);
    expect(pages.filter((page) => page.startsWith('/judges/'))).toEqual([`/judges/${judge}/`]);
  });

  it('links only to the judge’s own score sheets, in the judge’s own editor', () => {
    const links = [...output(audience).text.matchAll(/href="([^"]*#\/collections\/[^"]*)"/g)].map((match) => match[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links)
      expect(link.startsWith(`/review/judge/${judge}/admin/#/collections/reviews-`), link).toBe(true);
  });

  it('keeps the blind call blind: no applicant’s organisation', () => {
    const organisations = [...new Set(streets.values())].map((street) => streetCanaries(street).organisation);
    expect(found(output(audience).text, organisations)).toEqual([]);
  });
});

describe('a judge with a declared conflict', () => {
  it('does not get the material of that street’s sign-ups (judge-b declared 南石头街道)', () => {
    expect(output('judge:judge-b').pages).not.toContain(`/campaigns/${CAMPAIGN}/hongse-nanshi-2022/`);
    expect(output('judge:judge-a').pages).toContain(`/campaigns/${CAMPAIGN}/hongse-nanshi-2022/`);
  });
});

describe('a street office’s review build (nanshitou)', () => {
  const audience = 'street:nanshitou';

  it('holds its own sign-ups and their stages, on its own dashboard only', () => {
    const { text, pages } = output(audience);
    expect(pages).toEqual(['/', '/streets/nanshitou/']);
    expect(text).toContain(streetCanaries('nanshitou').organisation);
    expect(text).toContain('data-stage="selected"');
  });

  it('holds no judge’s id, name, affiliation, code, score or comment', () => {
    const { text } = output(audience);
    for (const id of JUDGES) expect(found(text, [id, ...everyJudgeCanary(id)]), id).toEqual([]);
    expect(output(audience).html).not.toContain('评审得分');
    expect(text).not.toContain('data-coverage');
  });

  it('holds nothing of another street: no sign-up, organisation or street page', () => {
    const { text } = output(audience);
    const otherSignUps = [...streets].filter(([, street]) => street !== 'nanshitou').map(([id]) => id);
    expect(otherSignUps.length).toBeGreaterThan(5);
    expect(found(text, otherSignUps)).toEqual([]);
    const otherStreets = [...new Set(streets.values())].filter((street) => street !== 'nanshitou');
    expect(
      found(
        text,
        otherStreets.map((street) => streetCanaries(street).organisation),
      ),
    ).toEqual([]);
    expect(
      found(
        text,
        otherStreets.map((street) => `/streets/${street}/`),
      ),
    ).toEqual([]);
  });
});

describe('every audience', () => {
  it('never holds a sign-up’s contact details', () => {
    const contacts = [...new Set(streets.values())].flatMap((street) => {
      const { contact, phone } = streetCanaries(street);
      return [contact, phone];
    });
    for (const [audience, { text }] of outputs) expect(found(text, contacts), audience).toEqual([]);
  });

  it('writes each audience under a base path of its own', () => {
    expect(readFileSync(join(output('district').dir, 'index.html'), 'utf8')).toContain('href="/review/campaigns/');
    expect(readFileSync(join(output('judge:judge-a').dir, 'index.html'), 'utf8')).toContain(
      'href="/review/judge/judge-a/campaigns/',
    );
    expect(readFileSync(join(output('street:nanshitou').dir, 'index.html'), 'utf8')).toContain(
      'href="/review/street/nanshitou/streets/nanshitou/"',
    );
  });
});

describe('once the district releases the panel', () => {
  it('shows a judge the whole panel of that call, but still only the judge’s own score links', () => {
    editYaml(join(contentDir, 'campaigns', `${CAMPAIGN}.yaml`), (doc) => doc.set('panelReleased', true));
    const released = build('judge:judge-a', { SUFFIX: '-released', ASTRO_CACHE_DIR: join(workDir, '.cache-released') });
    expect(released.text).toContain('data-ranking');
    for (const id of JUDGES) expect(released.text).toContain(judgeCanaries(id).code);
    const links = [...released.text.matchAll(/href="([^"]*#\/collections\/[^"]*)"/g)].map((match) => match[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.startsWith('/review/judge/judge-a/admin/#'), link).toBe(true);
    // Never the other judges' names and affiliations: the panel is known by its codes.
    for (const id of JUDGES.filter((judge) => judge !== 'judge-a'))
      expect(found(released.text, [judgeCanaries(id).name, judgeCanaries(id).affiliation])).toEqual([]);
  });
});

describe('REVIEW_AUDIENCE', () => {
  it.each([
    ['judge:nobody', '找不到评委“nobody”'],
    ['street:atlantis', '找不到街道“atlantis”'],
    ['everyone', 'REVIEW_AUDIENCE 应为 district'],
  ])('refuses %s with a Chinese message and exit 1', (audience, message) => {
    expect(() => build(audience, { SUFFIX: '-bad' })).toThrow(message);
  });
});
