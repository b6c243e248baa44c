import type { Campaign, CollectionName, Contact, Judge, Review, Site, Submission } from '../schema/index.ts';
import { collectionNames, collections, isPrivateCollection, SUBMISSION_STAGES, schemaOf } from '../schema/index.ts';
import { checkTasks } from './calls/tasks.ts';
import { HEIC_FILE, oversize, PHOTO } from './content/images.ts';
import { dotted } from './issues.ts';
import { referencedIds, referenceFields } from './references.ts';
import { type Candidate, nearest } from './suggest.ts';
import type { EntriesByCollection, Entry, Problem, ValidateOptions } from './validate.ts';

/** How the checks reach the files beside the entries (pictures, attachments). */
type ContentAccess = Pick<ValidateOptions, 'exists' | 'readText' | 'imageFacts'>;

/** Cross-reference and consistency checks that span several entries. */
export function checkRelations(
  entries: EntriesByCollection,
  /** Ids of entries that exist but failed their schema: references to them are not unknown. */
  unparsedIds: Record<CollectionName, string[]>,
  root: string,
  files: ContentAccess,
): Problem[] {
  const { exists } = files;
  const problems: Problem[] = [];
  const at = (entry: Entry, path: PropertyKey[], message: string, fix: string) =>
    problems.push({
      file: `${root}/${entry.path}`,
      line: entry.lineOf(path),
      field: dotted(path),
      message,
      fix,
    });

  const candidates = new Map<CollectionName, Candidate[]>();
  const ids = new Map<CollectionName, Set<string>>();
  /** Whether an id exists in a collection (a set: references are checked once per entry and field). */
  const isKnown = (name: CollectionName, id: string) => {
    let set = ids.get(name);
    if (!set) {
      set = new Set(known(name).map((candidate) => candidate.key));
      ids.set(name, set);
    }
    return set.has(id);
  };
  /** Known ids of a collection, with the names people write instead of them (for suggestions). */
  const known = (name: CollectionName): Candidate[] => {
    let list = candidates.get(name);
    if (!list) {
      list = [
        ...entries[name].map((entry) => ({
          key: entry.id,
          aliases: (NAME_FIELDS[name] ?? []).map((field) => String(entry.data[field] ?? '')),
        })),
        ...unparsedIds[name].map((key) => ({ key })),
      ];
      candidates.set(name, list);
    }
    return list;
  };

  // The private collections live in the review and district repositories (src/lib/review/load.ts): a
  // content folder read without them (the public build, check:content) holds none of them, and references
  // to them (a call's panel) are checked where both are read (the review build, the results export).
  const notRead = (name: CollectionName) =>
    isPrivateCollection(name) && entries[name].length === 0 && unparsedIds[name].length === 0;

  // Every reference the schemas declare: the id must exist in its collection.
  for (const name of collectionNames) {
    const fields = referenceFields(schemaOf(name));
    for (const entry of entries[name]) {
      for (const field of fields) {
        for (const { path, id } of referencedIds(entry.data, field.path)) {
          const target = field.references;
          if (isKnown(target, id) || notRead(target)) continue;
          const guess = nearest(id, known(target));
          const label = collections[target].label;
          at(
            entry,
            path,
            `找不到${label}“${id}”`,
            guess ? `是不是 ${guess}？` : `填写 ${root}/${target}/ 中已有的${label}编号`,
          );
        }
      }
    }
  }

  for (const entry of entries.brands) {
    checkImages(root, entry, ['cover'], entry.data.cover ? [entry.data.cover] : [], files, at, true);
    checkImages(root, entry, ['gallery'], entry.data.gallery as unknown[], files, at);
  }

  const beltStops = new Map<string, Entry[]>();
  for (const entry of entries.sites) {
    const site = entry.data as unknown as Site;
    if (site.belt) {
      const key = `${site.belt.belt}#${site.belt.order}`;
      beltStops.set(key, [...(beltStops.get(key) ?? []), entry]);
    }
    checkImages(root, entry, ['photos'], site.photos, files, at);
  }
  for (const entry of entries.progress) checkImages(root, entry, ['photos'], entry.data.photos as unknown[], files, at);
  for (const [key, stops] of beltStops) {
    for (const entry of stops.slice(1)) {
      at(
        entry,
        ['belt', 'order'],
        `示范带站点顺序 ${key.split('#')[1]} 与 ${root}/${stops[0].path} 重复`,
        '每个站点在示范带上的顺序应各不相同',
      );
    }
  }

  const campaignsById = new Map(entries.campaigns.map((entry) => [entry.id, entry.data as unknown as Campaign]));
  for (const entry of entries.campaigns) {
    const campaign = entry.data as unknown as Campaign;
    if (campaign.opens > campaign.closes) {
      at(entry, ['closes'], `截止日期 ${campaign.closes} 早于开始日期 ${campaign.opens}`, '截止日期应在开始日期之后');
    }
    campaign.stages.forEach((stage, index) => {
      if (stage.start > stage.end) {
        at(
          entry,
          ['stages', index, 'end'],
          `结束日期 ${stage.end} 早于开始日期 ${stage.start}`,
          '结束日期应在开始日期之后',
        );
      }
      const previous = campaign.stages[index - 1];
      if (previous && stage.start < previous.start) {
        at(
          entry,
          ['stages', index, 'start'],
          `阶段 ${stage.stage} 的开始日期 ${stage.start} 早于上一阶段 ${previous.stage} 的开始日期 ${previous.start}`,
          '按时间先后排列各阶段，并检查日期',
        );
      }
    });
    const totalWeight = campaign.rubric.reduce((sum, criterion) => sum + criterion.weight, 0);
    // An empty rubric is a call of tasks only (src/lib/calls/tasks.ts checks it has one or the other).
    if (campaign.rubric.length && Math.abs(totalWeight - 100) > 1e-9) {
      at(
        entry,
        ['rubric'],
        `评分指标权重之和为 ${totalWeight}，应为 100`,
        `调整各指标的 weight，使总和为 100（现在${totalWeight > 100 ? '多' : '少'} ${Math.abs(totalWeight - 100)}）`,
      );
    }
    const criterionIds = new Set<string>();
    campaign.rubric.forEach((criterion, index) => {
      if (criterionIds.has(criterion.id)) {
        at(entry, ['rubric', index, 'id'], `评分指标编号“${criterion.id}”重复`, '每个指标用不同的编号');
      }
      criterionIds.add(criterion.id);
    });
  }

  /** Submissions by `campaign/id`, the key reviews name them by. */
  const submissions = new Map<string, Submission>();
  for (const entry of entries.submissions) {
    const submission = entry.data as unknown as Submission;
    submissions.set(`${submission.campaign}/${submission.id}`, submission);
    submission.attachments.forEach((attachment, index) => {
      if (leavesEntryFolder(attachment.file)) {
        at(
          entry,
          ['attachments', index, 'file'],
          `附件路径 ${attachment.file} 离开了本条目所在的文件夹`,
          '把附件上传到本条目旁边，只写文件名',
        );
      } else if (!exists(sibling(entry.path, attachment.file))) {
        at(entry, ['attachments', index, 'file'], `找不到附件文件 ${attachment.file}`, '上传该文件，或删除这一项附件');
      }
    });
    if (submission.stage === 'selected' && !submission.brand) {
      at(entry, ['stage'], '入选的申报还没有对应的品牌', '在 content/brands 中建立品牌后，把它的编号填入 brand');
    }
  }

  // A sign-up's private details name it by call and id; the call's folder of sign-ups must hold it, in the same
  // street (a street field disagreeing with its folder is reported as such, by the validator).
  for (const entry of entries.contacts) {
    const contact = entry.data as unknown as Contact;
    const submission = submissions.get(`${contact.campaign}/${contact.submission}`);
    // A sign-up that failed its schema has its own problems reported; its contact waits for the fix.
    if (!submission && unparsedIds.submissions.includes(contact.submission)) continue;
    if (!submission) {
      const guess = nearest(
        contact.submission,
        entries.submissions
          .filter((candidate) => candidate.data.campaign === contact.campaign)
          .map((candidate) => ({ key: candidate.id })),
      );
      at(
        entry,
        ['submission'],
        `征集令 ${contact.campaign} 中找不到申报“${contact.submission}”`,
        guess
          ? `是不是 ${guess}？（文件名也要一起改）`
          : `检查申报编号：联系人文件以申报的编号命名，与 ${root}/submissions/${contact.campaign}/<街道>/ 里的申报文件同名`,
      );
    } else if (submission.street !== contact.street && contact.street === entry.folders.street) {
      at(
        entry,
        ['street'],
        `申报“${contact.submission}”是 ${submission.street} 街道的，联系人文件却在 ${contact.street} 文件夹里`,
        `把文件移到 contacts/${contact.campaign}/${submission.street}/，并把 street 改为 ${submission.street}`,
      );
    }
  }

  const streetName = (id: string) =>
    String(entries.streets.find((street) => street.id === id)?.data.name ?? `${id} 街道`);
  const judgesById = new Map(entries.judges.map((entry) => [entry.id, entry.data as unknown as Judge]));

  for (const entry of entries.reviews) {
    const review = entry.data as unknown as Review;
    const campaignId = entry.folders.campaign;
    const campaign = campaignsById.get(campaignId);
    // A campaign that failed its schema has its own problems reported; its reviews wait for the fix.
    if (!campaign && unparsedIds.campaigns.includes(campaignId)) continue;
    if (!campaign) {
      const guess = nearest(campaignId, known('campaigns'));
      at(
        entry,
        [],
        `评审文件夹“${campaignId}”不是已有的征集令`,
        guess ? `文件夹名是不是 ${guess}？` : '把文件放到对应征集令的文件夹中',
      );
      continue;
    }
    const judge = judgesById.get(review.judge);
    if (judge && !campaign.judges.includes(review.judge)) {
      at(
        entry,
        ['judge'],
        `评委 ${review.judge} 不在征集令 ${campaignId} 的评审名单中`,
        `在 content/campaigns/${campaignId}.yaml 的 judges 中加入该评委，或删除本评分`,
      );
    }
    const submission = submissions.get(`${campaignId}/${review.submission}`);
    if (!submission) {
      const guess = nearest(
        review.submission,
        entries.submissions
          .filter((candidate) => candidate.data.campaign === campaignId)
          .map((candidate) => ({ key: candidate.id })),
      );
      at(
        entry,
        ['submission'],
        `征集令 ${campaignId} 中找不到申报“${review.submission}”`,
        guess ? `是不是 ${guess}？` : '检查申报编号',
      );
      continue;
    }
    // Judges score the shortlist: a review of a sign-up still in draft, submitted or eligible is a
    // misplaced file or a stage not yet moved on. Reviews stay valid once a submission is selected
    // or not selected, so the record of a finished round keeps its scores.
    const { stage, street } = submission;
    if (stage === 'draft' || stage === 'submitted' || stage === 'eligible') {
      at(
        entry,
        ['submission'],
        `申报“${review.submission}”尚未入围（当前阶段：${SUBMISSION_STAGES[stage]}），不能评分`,
        '评审只针对入围的申报：先把申报的 stage 改为 shortlisted，或删除这份评分',
      );
    }
    if (judge?.conflicts.includes(street)) {
      at(
        entry,
        ['judge'],
        `评委 ${review.judge} 已声明与${streetName(street)}存在利益关联，不能评审该街道的申报`,
        '删除这份评分，由其他评委评审',
      );
    }
    if (review.conflict && Object.keys(review.scores).length > 0) {
      at(entry, ['scores'], '已申报回避（conflict: true）却仍然打了分', '回避时删除所有分数，或取消回避');
    }
    const rubric = new Map(campaign.rubric.map((criterion) => [criterion.id, criterion]));
    if (!review.conflict) {
      for (const criterion of campaign.rubric.filter(({ id }) => !(id in review.scores))) {
        at(
          entry,
          ['scores'],
          `缺少评分指标“${criterion.name}”（${criterion.id}）的分数`,
          `在 scores 中加入 ${criterion.id}: 0 至 ${criterion.scale} 之间的分数`,
        );
      }
    }
    for (const [criterionId, score] of Object.entries(review.scores)) {
      const criterion = rubric.get(criterionId);
      if (!criterion) {
        const guess = nearest(
          criterionId,
          campaign.rubric.map(({ id }) => ({ key: id })),
        );
        at(
          entry,
          ['scores', criterionId],
          `评分指标“${criterionId}”不在征集令 ${campaignId} 的评分标准中`,
          guess ? `是不是 ${guess}？` : `可用指标：${[...rubric.keys()].join('、')}`,
        );
      } else if (score < 0 || score > criterion.scale) {
        at(
          entry,
          ['scores', criterionId],
          `分数 ${score} 超出范围`,
          `“${criterion.name}”的分数应在 0 至 ${criterion.scale} 之间`,
        );
      }
    }
  }
  checkTasks(entries, unparsedIds.submissions, at);
  return problems;
}

/** Resolves a path written in an entry relative to that entry's folder. */
export function sibling(entryPath: string, relativePath: string): string {
  const parts = entryPath.split('/').slice(0, -1);
  for (const part of relativePath.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/**
 * Pictures and attachments sit beside their entry (README: images/ next to the
 * entry). A path that climbs out could name any file of the repository, a
 * private one included, and the build would then read it.
 */
const leavesEntryFolder = (relativePath: string) =>
  relativePath.startsWith('/') || relativePath.split(/[\\/]/).includes('..');

/** The picture formats the build can optimise and browsers show. */
const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif', 'svg'];
const IMAGE_FILE = new RegExp(`\\.(${IMAGE_EXTENSIONS.join('|')})$`, 'i');

/** What in an SVG file could run script when the image is opened on its own. */
const SVG_SCRIPT = /<script\b|<foreignObject\b|\son[a-z]+\s*=|javascript:/i;

function checkImages(
  root: string,
  entry: Entry,
  field: PropertyKey[],
  images: unknown[],
  { exists, readText, imageFacts: imageFactsOf }: ContentAccess,
  at: (entry: Entry, path: PropertyKey[], message: string, fix: string) => void,
  single = false,
) {
  images.forEach((image, index) => {
    const { src } = image as { src: string };
    const path = [...field, ...(single ? [] : [index]), 'src'];
    const file = sibling(entry.path, src);
    if (leavesEntryFolder(src)) {
      at(
        entry,
        path,
        `图片路径 ${src} 离开了本条目所在的文件夹`,
        '把图片上传到本条目旁的 images 文件夹，写作 images/<文件名>',
      );
    } else if (HEIC_FILE.test(src)) {
      at(
        entry,
        path,
        `${src} 是 iPhone 的 HEIC 格式，网页无法显示`,
        '请上传 JPEG：在 iPhone“设置 → 相机 → 格式”中选“兼容性最佳”，或用微信把照片发到电脑（会存为 JPEG）',
      );
    } else if (!IMAGE_FILE.test(src)) {
      at(entry, path, `${src} 不是图片文件`, `图片应为 ${IMAGE_EXTENSIONS.join('、')} 文件`);
    } else if (!exists(file)) {
      at(entry, path, `找不到图片 ${src}`, `把图片放到 ${root}/${file}，或改正路径`);
    } else if (readText && /\.svg$/i.test(file) && SVG_SCRIPT.test(readText(file))) {
      at(
        entry,
        path,
        `SVG 图片 ${src} 含有脚本或事件属性，打开图片时可能执行代码`,
        '改用 PNG 或 JPG，或把 SVG 重新导出为不含脚本的纯图形',
      );
    } else {
      const tooBig = imageFactsOf && oversize(imageFactsOf(file));
      if (tooBig) {
        at(
          entry,
          path,
          `图片 ${src} ${tooBig}`,
          `运行 npm run images:shrink -- ${root}/${file} 缩小（最长边 ${PHOTO.longestSide} 像素，去掉位置等信息）后再提交，或在编辑器中重新上传`,
        );
      }
    }
  });
}

/** Fields whose values people write where an id belongs (龙凤 for longfeng), used for suggestions. */
const NAME_FIELDS: Partial<Record<CollectionName, string[]>> = {
  streets: ['name', 'shortName'],
  brands: ['title'],
  sites: ['name'],
  belts: ['name'],
  campaigns: ['title'],
  judges: ['code', 'name'],
};
