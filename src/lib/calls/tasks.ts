/**
 * The rules of 揭榜挂帅: a call's list of tasks, the sign-ups that claim them,
 * and the progress reports filed on the claims. Each rule is a small function
 * over the parsed entries; the validator runs them all (src/lib/relations.ts).
 */
import type { Campaign, Claim, Contact, Progress, Submission, Task } from '../../schema/index.ts';
import { nearest } from '../suggest.ts';
import type { EntriesByCollection, Entry } from '../validate.ts';

/** Reports one problem of an entry: the field's path, what is wrong and how to fix it. */
export type Report = (entry: Entry, path: PropertyKey[], message: string, fix: string) => void;

interface RuleContext {
  entries: EntriesByCollection;
  /** Ids of sign-ups that failed their schema: their problems are reported already. */
  unparsedSubmissions: ReadonlySet<string>;
  campaigns: Map<string, Campaign>;
  report: Report;
}

type Rule = (context: RuleContext) => void;

/** The days a call runs: from its opening to the end of its last stage. */
export function callSpan(campaign: Pick<Campaign, 'opens' | 'stages'>): { start: string; end: string } {
  // ISO dates sort as text: the last of them is the latest.
  const dates = [campaign.opens, ...campaign.stages.map((stage) => stage.end)].sort();
  return { start: campaign.opens, end: dates[dates.length - 1] };
}

/**
 * The order claims of one task take their places in: by submission date, a sign-up
 * without one (a draft) after every dated one, then by id. Deterministic, so every
 * run refuses the same claim, and it depends only on the claims themselves.
 */
export function claimOrder(a: Pick<Submission, 'submitted' | 'id'>, b: Pick<Submission, 'submitted' | 'id'>): number {
  const dateA = a.submitted ?? '\uffff';
  const dateB = b.submitted ?? '\uffff';
  return dateA < dateB ? -1 : dateA > dateB ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The claims over each task's quota, by the order of claimOrder. */
export function overQuota<
  T extends Pick<Submission, 'submitted' | 'id' | 'campaign'> & { claim?: Pick<Claim, 'task'> },
>(submissions: readonly T[], quotaOf: (campaign: string, task: string) => number | undefined): T[] {
  const byTask = new Map<string, T[]>();
  for (const submission of submissions) {
    if (!submission.claim) continue;
    const key = `${submission.campaign}\u0000${submission.claim.task}`;
    byTask.set(key, [...(byTask.get(key) ?? []), submission]);
  }
  return [...byTask.values()].flatMap((claims) => {
    const [first] = claims;
    const quota = quotaOf(first.campaign, first.claim?.task ?? '');
    return quota === undefined ? [] : [...claims].sort(claimOrder).slice(quota);
  });
}

/** A task's title by its id, for a ranking grouped by task; a sign-up with no claim is ranked apart. */
export const taskTitle = (campaign: Pick<Campaign, 'tasks'>, id: string | undefined): string =>
  campaign.tasks.find((task) => task.id === id)?.title ?? '（未揭榜）';

const submissionsOf = (entries: EntriesByCollection) =>
  entries.submissions.map((entry) => ({ entry, submission: entry.data as unknown as Submission }));

const taskOf = (campaign: Campaign | undefined, id: string): Task | undefined =>
  campaign?.tasks.find((task) => task.id === id);

/** A call needs something to choose by: a rubric, a list of tasks, or both. */
const rubricOrTasks: Rule = ({ entries, report }) => {
  for (const entry of entries.campaigns) {
    const campaign = entry.data as unknown as Campaign;
    if (campaign.rubric.length === 0 && campaign.tasks.length === 0) {
      report(
        entry,
        ['rubric'],
        '征集令既没有评分标准，也没有揭榜任务',
        '在 rubric 中写评分指标，或在 tasks 中列出揭榜任务（也可以两者都有）',
      );
    }
  }
};

/** Task ids are what claims name: one per task; each task runs within the call. */
const taskList: Rule = ({ entries, report }) => {
  for (const entry of entries.campaigns) {
    const campaign = entry.data as unknown as Campaign;
    const span = callSpan(campaign);
    const seen = new Set<string>();
    campaign.tasks.forEach((task, index) => {
      if (seen.has(task.id)) {
        report(entry, ['tasks', index, 'id'], `揭榜任务编号“${task.id}”重复`, '每个任务用不同的编号');
      }
      seen.add(task.id);
      if (task.start > task.end) {
        report(
          entry,
          ['tasks', index, 'end'],
          `任务“${task.title}”的完成日期 ${task.end} 早于开始日期 ${task.start}`,
          '完成日期应在开始日期之后',
        );
      }
      for (const key of ['start', 'end'] as const) {
        if (task[key] < span.start || task[key] > span.end) {
          report(
            entry,
            ['tasks', index, key],
            `任务“${task.title}”的日期 ${task[key]} 不在征集令的时间范围（${span.start} 至 ${span.end}）内`,
            `把日期改到 ${span.start} 至 ${span.end} 之间，或调整征集令的时间安排`,
          );
        }
      }
    });
    if (campaign.rankWithinTask && campaign.tasks.length === 0) {
      report(
        entry,
        ['rankWithinTask'],
        '征集令没有揭榜任务，不能按任务分别排名',
        '在 tasks 中列出揭榜任务，或把 rankWithinTask 改为 false',
      );
    }
  }
};

/** A claim names a task of its own call. */
const knownTask: Rule = ({ entries, campaigns, report }) => {
  for (const { entry, submission } of submissionsOf(entries)) {
    const { claim } = submission;
    const campaign = campaigns.get(submission.campaign);
    if (!claim || !campaign) continue;
    if (campaign.tasks.length === 0) {
      report(
        entry,
        ['claim'],
        `征集令 ${submission.campaign} 没有揭榜任务，不能揭榜`,
        '删除 claim，或请区级在征集令的 tasks 中列出任务',
      );
    } else if (!taskOf(campaign, claim.task)) {
      const guess = nearest(
        claim.task,
        campaign.tasks.map((task) => ({ key: task.id, aliases: [task.title] })),
      );
      report(
        entry,
        ['claim', 'task'],
        `征集令 ${submission.campaign} 中找不到揭榜任务“${claim.task}”`,
        guess
          ? `是不是 ${guess}？`
          : `可揭榜的任务：${campaign.tasks.map((task) => `${task.id}（${task.title}）`).join('、')}`,
      );
    }
  }
};

/** Commitments and milestones fall within the claimed task's period. */
const claimDates: Rule = ({ entries, campaigns, report }) => {
  for (const { entry, submission } of submissionsOf(entries)) {
    const { claim } = submission;
    const task = claim && taskOf(campaigns.get(submission.campaign), claim.task);
    if (!claim || !task) continue;
    const check = (path: PropertyKey[], date: string, what: string) => {
      if (date < task.start || date > task.end) {
        report(
          entry,
          path,
          `${what}的日期 ${date} 不在任务“${task.title}”的期限（${task.start} 至 ${task.end}）内`,
          `把日期改到 ${task.start} 至 ${task.end} 之间`,
        );
      }
    };
    for (const [index, commitment] of claim.commitments.entries()) {
      check(['claim', 'commitments', index, 'date'], commitment.date, `承诺“${commitment.target}”`);
    }
    for (const [index, milestone] of claim.milestones.entries()) {
      check(['claim', 'milestones', index, 'date'], milestone.date, `工作节点“${milestone.title}”`);
    }
  }
};

/**
 * A task takes as many claims as its quota. The message says the quota is full
 * and how many places it has, never which streets hold them: another street's
 * sign-up may not be published yet.
 */
const quota: Rule = ({ entries, campaigns, report }) => {
  const byData = new Map(submissionsOf(entries).map(({ entry, submission }) => [submission, entry]));
  const refused = overQuota([...byData.keys()], (campaign, task) => taskOf(campaigns.get(campaign), task)?.quota);
  for (const submission of refused) {
    const entry = byData.get(submission);
    const task = taskOf(campaigns.get(submission.campaign), submission.claim?.task ?? '');
    if (!entry || !task) continue;
    report(
      entry,
      ['claim', 'task'],
      `揭榜任务“${task.title}”的名额已满（共 ${task.quota} 个名额，按提交日期先后确定）`,
      '改揭其他任务，或请区级调整该任务的名额（quota）',
    );
  }
};

/**
 * A progress report is filed on its own street's claim. An id that is another
 * street's sign-up reads as unknown: it may not be published.
 */
const progressClaim: Rule = ({ entries, campaigns, unparsedSubmissions, report }) => {
  const submissions = new Map(
    submissionsOf(entries).map(({ submission }) => [
      `${submission.campaign}/${submission.street}/${submission.id}`,
      submission,
    ]),
  );
  for (const entry of entries.progress) {
    const progress = entry.data as unknown as Progress;
    const campaign = campaigns.get(progress.campaign);
    if (!campaign || unparsedSubmissions.has(progress.submission)) continue;
    const submission = submissions.get(`${progress.campaign}/${progress.street}/${progress.submission}`);
    if (!submission) {
      const own = [...submissions.values()].filter(
        (candidate) =>
          candidate.campaign === progress.campaign && candidate.street === progress.street && candidate.claim,
      );
      const guess = nearest(
        progress.submission,
        own.map((candidate) => ({ key: candidate.id, aliases: [candidate.title] })),
      );
      report(
        entry,
        ['submission'],
        `本街道在征集令 ${progress.campaign} 中没有编号为“${progress.submission}”的申报`,
        guess ? `是不是 ${guess}？` : '填写本街道揭榜申报的编号',
      );
      continue;
    }
    const task = submission.claim && taskOf(campaign, submission.claim.task);
    if (!submission.claim) {
      report(
        entry,
        ['submission'],
        `申报“${submission.id}”没有揭榜任务，不能报告揭榜进展`,
        '先在申报中填写 claim（揭榜任务和承诺目标）',
      );
      continue;
    }
    if (task && (progress.date < task.start || progress.date > callSpan(campaign).end)) {
      report(
        entry,
        ['date'],
        `报告日期 ${progress.date} 不在任务“${task.title}”的期限（${task.start} 起，征集令 ${callSpan(campaign).end} 结束）内`,
        `把日期改到 ${task.start} 至 ${callSpan(campaign).end} 之间`,
      );
    }
    const { commitments } = submission.claim;
    const reported = new Set<number>();
    progress.figures.forEach((figure, index) => {
      if (figure.commitment > commitments.length) {
        report(
          entry,
          ['figures', index, 'commitment'],
          `申报只有 ${commitments.length} 项承诺目标，没有第 ${figure.commitment} 项`,
          `填写 1 至 ${commitments.length}：${commitments.map((item, at) => `${at + 1} ${item.target}`).join('、')}`,
        );
      } else if (reported.has(figure.commitment)) {
        report(
          entry,
          ['figures', index, 'commitment'],
          `第 ${figure.commitment} 项承诺目标填了两次`,
          '每项承诺只填一个累计完成数',
        );
      }
      reported.add(figure.commitment);
    });
  }
};

/** Every rule of tasks, claims and progress, in the order their problems are best read. */
/**
 * A claim's leader in charge (挂帅) is named in the sign-up's private details (the district repository, read
 * when given): a claim needs one, a sign-up without a claim has none.
 */
const claimLeaders: Rule = ({ entries, report }) => {
  const submissions = new Map(
    submissionsOf(entries).map(({ submission }) => [`${submission.campaign}/${submission.id}`, submission]),
  );
  for (const entry of entries.contacts) {
    const contact = entry.data as unknown as Contact;
    const submission = submissions.get(`${contact.campaign}/${contact.submission}`);
    if (submission?.claim && !contact.leaderName) {
      report(
        entry,
        ['leaderName'],
        `申报“${contact.submission}”揭榜了任务 ${submission.claim.task}，还没有挂帅人姓名`,
        '填写 leaderName：挂帅人的姓名（不公开；职务写在申报的 claim.leaderPosition 里）',
      );
    } else if (submission && !submission.claim && contact.leaderName) {
      report(
        entry,
        ['leaderName'],
        `申报“${contact.submission}”没有揭榜任务，不需要挂帅人姓名`,
        '删除 leaderName，或在申报里填写揭榜任务（claim）',
      );
    }
  }
};

export const TASK_RULES: readonly Rule[] = [
  rubricOrTasks,
  taskList,
  knownTask,
  claimDates,
  quota,
  progressClaim,
  claimLeaders,
];

/** Runs every rule over the parsed entries. */
export function checkTasks(entries: EntriesByCollection, unparsedSubmissions: readonly string[], report: Report): void {
  const campaigns = new Map(entries.campaigns.map((entry) => [entry.id, entry.data as unknown as Campaign]));
  const unparsed = new Set(unparsedSubmissions);
  for (const rule of TASK_RULES) rule({ entries, campaigns, unparsedSubmissions: unparsed, report });
}
