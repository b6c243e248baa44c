/**
 * The spreadsheet imports (npm run import:submissions, import:sites, import:brands, import:progress, import:tasks) as one
 * command: the same options, usage and checks, with only what differs per sheet in the table below.
 * The importing itself is src/lib/import/ (every row checked first, nothing written on any problem).
 */
import { type ImportCommand, runImport } from '../../src/lib/import/command.ts';
import { parseCommand, runMain } from './cli.ts';

interface Sheet {
  /** What a row is, e.g. 阵地. */
  noun: string;
  /** Where the template is, for the usage. */
  template: string;
  /** Where each row goes. */
  layout: string;
  /** The call rows without a 征集令 column go to (sign-ups, progress reports), or whose tasks they are. */
  campaignOption?: boolean;
  /** Sign-ups only: the district folder their contacts go to. */
  districtOption?: boolean;
}

const SHEETS: Record<ImportCommand['collection'], Sheet> = {
  submissions: {
    noun: '申报',
    template: '各征集令页面上的申报表模板',
    layout:
      'content/submissions/<征集令>/<街道>/<编号>.md，联系人和联系电话导入区级仓库的 contacts/<征集令>/<街道>/<编号>.yaml',
    campaignOption: true,
    districtOption: true,
  },
  sites: {
    noun: '阵地',
    template: '网站的 /admin/site-template.xlsx 或 .csv',
    layout: 'content/sites/<街道>/<编号>.yaml',
  },
  brands: {
    noun: '品牌',
    template: '网站的 /admin/brand-template.xlsx 或 .csv',
    layout: 'content/brands/<街道>/<编号>.md',
  },
  progress: {
    noun: '进展报告',
    template: '网站的 /admin/progress-template.xlsx 或 .csv',
    layout: 'content/progress/<征集令>/<街道>/<编号>.md',
    campaignOption: true,
  },
  tasks: {
    noun: '揭榜任务',
    template: '网站的 /admin/task-template.xlsx 或 .csv',
    layout: 'content/campaigns/<征集令>.yaml 的 tasks（整体替换，须加 --replace 才覆盖已有任务）',
    campaignOption: true,
  },
};

/** Runs `npm run import:<collection>` with the process's own arguments. */
export async function importCommand(collection: ImportCommand['collection']): Promise<void> {
  const { noun, template, layout, campaignOption, districtOption } = SHEETS[collection];
  const sheet = `${noun}表`;
  const usage = `用法：npm run import:${collection} -- <${sheet}.xlsx 或 .csv>${campaignOption ? ' [--campaign 征集令编号]' : ''} [--dry-run] [--replace] [--content 内容文件夹]${districtOption ? ' [--district 区级文件夹]' : ''}
把${sheet}（模板：${template}）导入为 ${layout}。
每一行先按内容检查的规则检查，任何一行有问题就列出全部问题（第 N 行 列名：问题（改法）），不写入任何文件。
编号一列可不填：按名称自动生成（例如 毓秀阁 → yuxiuge）。
${campaignOption ? '  --campaign <编号>   表格里没有“征集令”列时，全部导入到这个征集令\n' : ''}  --dry-run           只检查，列出将要新建的文件，不写入
  --replace           覆盖已有的同名${noun}（默认拒绝）
  --content <文件夹>  导入到另一个内容文件夹（默认 CONTENT_DIR 或 content/）${
    districtOption
      ? '\n  --district <文件夹> 联系人导入到的区级仓库 content 文件夹（默认 DISTRICT_CONTENT_DIR 或 district-content/content）'
      : ''
  }`;
  const { values, positionals } = parseCommand({
    usage,
    options: {
      content: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      replace: { type: 'boolean', default: false },
      ...(campaignOption ? { campaign: { type: 'string' } } : {}),
      ...(districtOption ? { district: { type: 'string' } } : {}),
    },
    positionals: { min: 1, max: 1, name: `参数 <${sheet}.xlsx 或 .csv>` },
  });
  const campaign = typeof values.campaign === 'string' ? values.campaign : undefined;
  await runMain(`导入${noun}`, () =>
    runImport({
      collection,
      sheetPath: positionals[0],
      contentDir: typeof values.content === 'string' ? values.content : (process.env.CONTENT_DIR ?? 'content'),
      ...(campaign ? { defaults: { campaign } } : {}),
      ...(typeof values.district === 'string' ? { districtDir: values.district } : {}),
      dryRun: values['dry-run'] === true,
      replace: values.replace === true,
    }),
  );
}
