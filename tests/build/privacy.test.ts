import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { DISTRICT_SAMPLE, REVIEW_SAMPLE } from '../../src/lib/review/setup.ts';
import { buildSite } from '../support/build.ts';
import { editYaml, filesUnder } from '../support/content-edit.ts';

/**
 * Builds the public site from a copy of the content, of the review repository
 * (judges, reviews: REVIEW_CONTENT_DIR) and of the district repository (sign-ups'
 * contacts: DISTRICT_CONTENT_DIR) in which every private field holds a unique
 * canary value, then scans every output file for them.
 */
const CANARIES = {
  contactName: 'CANARY联系人甲乙丙',
  contactPhone: '020-9876-5432-1',
  judgeName: 'CANARY评委姓名',
  judgeAffiliation: 'CANARY评委单位',
  judgeCode: 'CANARY评委代号',
  judgeId: 'canary-judge-zq',
  reviewComment: 'CANARY评语内容',
  // A judge's own score: only panel aggregates (2 decimals) may be published, never a single review's score.
  reviewScore: '6.123456789',
  // A phone photo's EXIF: the device, beside its GPS position, must not survive into a published picture.
  photoDevice: 'CANARY-PHONE-MODEL',
  // The person in charge of a claim (挂帅): only the position is public.
  leaderName: 'CANARY挂帅人姓名',
  // A claim not yet shortlisted, and its progress: the public board waits for the district's shortlist.
  unpublishedLeader: 'CANARY未入围挂帅职务',
  unpublishedProgress: 'CANARY未入围进展内容',
};

/** The widest picture the pages offer (ContentImage's largest width). */
const WIDEST_OFFERED = 1200;

let workDir: string;
let outDir: string;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'haizhu-privacy-'));
  const contentDir = join(workDir, 'content');
  outDir = join(workDir, 'dist');
  cpSync('content', contentDir, { recursive: true });
  // The judges and reviews, in a copy of the review repository: its content folder is read beside content/.
  const reviewDir = join(workDir, 'review-content', 'content');
  cpSync(join(REVIEW_SAMPLE, 'content'), reviewDir, { recursive: true });
  // The sign-ups' contacts, in a copy of the district repository, named to the build as the district's would be.
  const districtDir = join(workDir, 'district-content', 'content');
  cpSync(join(DISTRICT_SAMPLE, 'content'), districtDir, { recursive: true });
  const files = [...filesUnder(contentDir), ...filesUnder(reviewDir), ...filesUnder(districtDir)];
  const under = (collection: string) => files.filter((file) => file.includes(`/content/${collection}/`));

  const contacts = under('contacts');
  expect(contacts.length).toBe(under('submissions').filter((name) => name.endsWith('.md')).length);
  for (const file of contacts) {
    editYaml(file, (doc) => {
      doc.set('name', CANARIES.contactName);
      doc.set('phone', CANARIES.contactPhone);
      if (doc.get('leaderName')) doc.set('leaderName', CANARIES.leaderName);
    });
  }
  /** Sign-ups whose claim the board may not show yet (src/lib/calls/board.ts). */
  const unpublished = new Set<string>();
  for (const file of under('submissions').filter((name) => name.endsWith('.md'))) {
    editYaml(file, (doc) => {
      if (!doc.get('claim')) return;
      if (!['shortlisted', 'selected'].includes(String(doc.get('stage')))) {
        doc.setIn(['claim', 'leaderPosition'], CANARIES.unpublishedLeader);
        unpublished.add(String(doc.get('id')));
      }
    });
  }
  for (const file of under('progress').filter((name) => name.endsWith('.md'))) {
    const text = readFileSync(file, 'utf8');
    if (unpublished.has(/^submission: (\S+)$/m.exec(text)?.[1] ?? '')) {
      writeFileSync(file, `${text}\n${CANARIES.unpublishedProgress}\n`);
    }
  }
  for (const file of under('judges')) {
    editYaml(file, (doc) => {
      doc.set('name', CANARIES.judgeName);
      doc.set('affiliation', CANARIES.judgeAffiliation);
      doc.set('code', CANARIES.judgeCode);
    });
  }
  writeFileSync(
    join(reviewDir, 'judges', `${CANARIES.judgeId}.yaml`),
    `id: ${CANARIES.judgeId}\ncode: ${CANARIES.judgeCode}\nname: ${CANARIES.judgeName}\naffiliation: ${CANARIES.judgeAffiliation}\n`,
  );
  for (const file of under('campaigns')) {
    editYaml(file, (doc) => {
      const judges = (doc.get('judges') as { toJSON(): string[] } | undefined)?.toJSON() ?? [];
      doc.set('judges', [...judges, CANARIES.judgeId]);
    });
  }
  for (const file of under('reviews')) editYaml(file, (doc) => doc.set('comment', CANARIES.reviewComment));

  // The 2022 call publishes its panel scores, so the public build reads the reviews to compute them: the
  // canary judge scores every submission the others reviewed, with the canary score on every criterion.
  const campaign2022 = join(contentDir, 'campaigns', '2022-first-round.yaml');
  editYaml(campaign2022, (doc) => doc.set('publishPanelScores', true));
  const criteria = (parseDocument(readFileSync(campaign2022, 'utf8')).toJS().rubric as { id: string }[]).map(
    (criterion) => criterion.id,
  );
  const reviewed = new Set(under('reviews').map((file) => file.split('/').at(-1) as string));
  const canaryReviews = join(reviewDir, 'reviews', '2022-first-round', CANARIES.judgeId);
  mkdirSync(canaryReviews, { recursive: true });
  for (const name of reviewed) {
    const scores = criteria.map((id) => `  ${id}: ${CANARIES.reviewScore}`).join('\n');
    writeFileSync(
      join(canaryReviews, name),
      `judge: ${CANARIES.judgeId}\nsubmission: ${name.replace(/\.yaml$/, '')}\nscores:\n${scores}\ncomment: ${CANARIES.reviewComment}\n`,
    );
  }

  // A photo as a phone takes it, 3000×2250 with GPS and the device in its EXIF, in a brand's gallery.
  await sharp({ create: { width: 3000, height: 2250, channels: 3, background: '#a83232' } })
    .withExifMerge({
      IFD0: { Make: 'Phone', Model: CANARIES.photoDevice },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '23/1 6/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '113/1 19/1 0/1' },
    })
    .jpeg({ quality: 80 })
    .toFile(join(contentDir, 'brands/longfeng/images/yuxiuge-phone.jpg'));
  editYaml(join(contentDir, 'brands/longfeng/yuxiuge.md'), (doc) =>
    doc.set('gallery', [{ src: 'images/yuxiuge-phone.jpg', alt: '一张手机拍摄的照片（测试用）' }]),
  );

  buildSite({
    CONTENT_DIR: contentDir,
    REVIEW_CONTENT_DIR: reviewDir,
    DISTRICT_CONTENT_DIR: districtDir,
    OUT_DIR: outDir,
  });
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('the public build', () => {
  it('was built from content with canaries in every kind of private field', () => {
    const content = ['content', 'review-content', 'district-content']
      .flatMap((folder) => filesUnder(join(workDir, folder)))
      .map((file) => readFileSync(file, 'latin1'));
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

  it('shows the published panel scores (the scan covers the path that reads reviews)', () => {
    expect(readFileSync(join(outDir, 'campaigns', '2022-first-round', 'index.html'), 'utf8')).toContain('评审得分');
  });

  it('publishes a phone photo no wider than the pages offer, and without its metadata', async () => {
    const pictures = filesUnder(join(outDir, '_astro')).filter((file) => /\.(jpe?g|png|webp|avif)$/i.test(file));
    const photos = pictures.filter((file) => file.includes('yuxiuge-phone'));
    expect(photos.length).toBeGreaterThan(0);
    for (const file of pictures) {
      const { width, exif } = await sharp(file).metadata();
      expect(width, file).toBeLessThanOrEqual(WIDEST_OFFERED);
      expect(exif, file).toBeUndefined();
    }
  });

  it('contains no page of the review site', () => {
    const files = filesUnder(outDir).map((file) => file.slice(outDir.length));
    expect(files.filter((file) => file.startsWith('/review/') || file.startsWith('/judges/'))).toEqual([]);
    const needle = Buffer.from('评审工作台', 'utf8');
    expect(filesUnder(outDir).filter((file) => readFileSync(file).includes(needle))).toEqual([]);
  });

  it.each(Object.entries(CANARIES))('contains no %s canary in any output file', (_, canary) => {
    const needle = Buffer.from(canary, 'utf8');
    const leaks = filesUnder(outDir).filter((file) => readFileSync(file).includes(needle));
    expect(leaks.map((file) => file.slice(outDir.length))).toEqual([]);
  });

  /** The search index's chunks are gzip-compressed: the scan above cannot see inside them, this one does. */
  const searchIndex = () =>
    filesUnder(join(outDir, 'pagefind'))
      .filter((file) => /\.pf_(fragment|index|filter|meta)$/.test(file))
      .map((file) => ({ file, text: gunzipSync(readFileSync(file)).toString('utf8') }));

  it('has a search index, and its decompressed chunks hold the public text', () => {
    expect(existsSync(join(outDir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(existsSync(join(outDir, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    const chunks = searchIndex();
    expect(chunks.filter((chunk) => chunk.file.endsWith('.pf_fragment')).length).toBeGreaterThan(50);
    expect(chunks.every((chunk) => chunk.text.startsWith('pagefind_dcd'))).toBe(true);
    // Fragments keep the indexed text (with zero-width spaces between words): a public name must be found.
    expect(chunks.some((chunk) => chunk.text.replace(/\u200b/g, '').includes('毓秀阁'))).toBe(true);
  });

  it.each(Object.entries(CANARIES))('has no %s canary in the decompressed search index', (_, canary) => {
    const leaks = searchIndex().filter((chunk) => chunk.text.replace(/\u200b/g, '').includes(canary));
    expect(leaks.map((chunk) => chunk.file.slice(outDir.length))).toEqual([]);
  });
});
