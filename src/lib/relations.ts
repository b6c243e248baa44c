import type { Campaign, CollectionName, Judge, Review, Site, Submission } from '../schema/index.ts';
import { dotted } from './issues.ts';
import { type Candidate, nearest } from './suggest.ts';
import type { EntriesByCollection, Entry, Problem } from './validate.ts';

/** Cross-reference and consistency checks that span several entries. */
export function checkRelations(
  entries: EntriesByCollection,
  /** Ids of entries that exist but failed their schema: references to them are not unknown. */
  unparsedIds: Record<CollectionName, string[]>,
  root: string,
  exists: (path: string) => boolean,
): Problem[] {
  const problems: Problem[] = [];
  const at = (entry: Entry, path: PropertyKey[], message: string, fix: string) =>
    problems.push({
      file: `${root}/${entry.path}`,
      line: entry.lineOf(path),
      field: dotted(path),
      message,
      fix,
    });

  const candidates = (name: CollectionName, ...nameFields: string[]): Candidate[] => [
    ...entries[name].map((entry) => ({
      key: entry.id,
      aliases: nameFields.map((field) => String(entry.data[field] ?? '')),
    })),
    ...unparsedIds[name].map((key) => ({ key })),
  ];
  const known = {
    streets: candidates('streets', 'name', 'shortName'),
    brands: candidates('brands', 'title'),
    sites: candidates('sites', 'name'),
    belts: candidates('belts', 'name'),
    campaigns: candidates('campaigns', 'title'),
    judges: candidates('judges', 'code', 'name'),
  };
  const labels = {
    streets: '街道',
    brands: '品牌',
    sites: '阵地',
    belts: '示范带',
    campaigns: '征集令',
    judges: '评委',
  };

  /** Reports a reference to an id that does not exist, suggesting the nearest one. */
  const reference = (entry: Entry, path: PropertyKey[], value: unknown, target: keyof typeof known) => {
    if (value === undefined) return;
    const id = String(value);
    if (known[target].some((candidate) => candidate.key === id)) return;
    const guess = nearest(id, known[target]);
    at(
      entry,
      path,
      `找不到${labels[target]}“${id}”`,
      guess ? `是不是 ${guess}？` : `填写 ${root}/${target}/ 中已有的${labels[target]}编号`,
    );
  };
  const references = (entry: Entry, field: string, values: unknown, target: keyof typeof known) => {
    (values as unknown[]).forEach((value, index) => {
      reference(entry, [field, index], value, target);
    });
  };

  for (const entry of entries.brands) {
    reference(entry, ['street'], entry.data.street, 'streets');
    references(entry, 'sites', entry.data.sites, 'sites');
    reference(entry, ['round'], entry.data.round, 'campaigns');
    checkImages(root, entry, ['cover'], entry.data.cover ? [entry.data.cover] : [], exists, at, true);
    checkImages(root, entry, ['gallery'], entry.data.gallery as unknown[], exists, at);
  }

  const beltStops = new Map<string, Entry[]>();
  for (const entry of entries.sites) {
    const site = entry.data as unknown as Site;
    reference(entry, ['street'], site.street, 'streets');
    references(entry, 'brands', site.brands, 'brands');
    if (site.belt) {
      reference(entry, ['belt', 'belt'], site.belt.belt, 'belts');
      const key = `${site.belt.belt}#${site.belt.order}`;
      beltStops.set(key, [...(beltStops.get(key) ?? []), entry]);
    }
    checkImages(root, entry, ['photos'], site.photos, exists, at);
  }
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
    if (Math.abs(totalWeight - 100) > 1e-9) {
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
    references(entry, 'judges', campaign.judges, 'judges');
  }

  const submissionStreet = new Map<string, string>();
  for (const entry of entries.submissions) {
    const submission = entry.data as unknown as Submission;
    reference(entry, ['campaign'], submission.campaign, 'campaigns');
    reference(entry, ['street'], submission.street, 'streets');
    reference(entry, ['brand'], submission.brand, 'brands');
    submissionStreet.set(`${submission.campaign}/${submission.id}`, submission.street);
    submission.attachments.forEach((attachment, index) => {
      if (!exists(sibling(entry.path, attachment.file))) {
        at(entry, ['attachments', index, 'file'], `找不到附件文件 ${attachment.file}`, '上传该文件，或删除这一项附件');
      }
    });
    if (submission.stage === 'selected' && !submission.brand) {
      at(entry, ['stage'], '入选的申报还没有对应的品牌', '在 content/brands 中建立品牌后，把它的编号填入 brand');
    }
  }

  const streetName = (id: string) =>
    String(entries.streets.find((street) => street.id === id)?.data.name ?? `${id} 街道`);
  const judgesById = new Map(entries.judges.map((entry) => [entry.id, entry.data as unknown as Judge]));
  for (const entry of entries.judges) references(entry, 'conflicts', entry.data.conflicts, 'streets');

  for (const entry of entries.reviews) {
    const review = entry.data as unknown as Review;
    const campaignId = entry.folders.campaign;
    const campaign = campaignsById.get(campaignId);
    // A campaign that failed its schema has its own problems reported; its reviews wait for the fix.
    if (!campaign && unparsedIds.campaigns.includes(campaignId)) continue;
    if (!campaign) {
      const guess = nearest(campaignId, known.campaigns);
      at(
        entry,
        [],
        `评审文件夹“${campaignId}”不是已有的征集令`,
        guess ? `文件夹名是不是 ${guess}？` : '把文件放到对应征集令的文件夹中',
      );
      continue;
    }
    reference(entry, ['judge'], review.judge, 'judges');
    const judge = judgesById.get(review.judge);
    if (judge && !campaign.judges.includes(review.judge)) {
      at(
        entry,
        ['judge'],
        `评委 ${review.judge} 不在征集令 ${campaignId} 的评审名单中`,
        `在 content/campaigns/${campaignId}.yaml 的 judges 中加入该评委，或删除本评分`,
      );
    }
    const street = submissionStreet.get(`${campaignId}/${review.submission}`);
    if (street === undefined) {
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

function checkImages(
  root: string,
  entry: Entry,
  field: PropertyKey[],
  images: unknown[],
  exists: (path: string) => boolean,
  at: (entry: Entry, path: PropertyKey[], message: string, fix: string) => void,
  single = false,
) {
  images.forEach((image, index) => {
    const { src } = image as { src: string };
    if (!exists(sibling(entry.path, src))) {
      at(
        entry,
        [...field, ...(single ? [] : [index]), 'src'],
        `找不到图片 ${src}`,
        `把图片放到 ${root}/${sibling(entry.path, src)}，或改正路径`,
      );
    }
  });
}
