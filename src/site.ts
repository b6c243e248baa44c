import { sitePath } from './lib/site/url.ts';

/**
 * Site-wide settings. Names and record numbers that differ per deployment come
 * from PUBLIC_* environment variables (see README), with honest defaults.
 */
export const site = {
  name: '海珠区基层党建品牌展示',
  shortName: '海珠党建品牌',
  description: '广州市海珠区“一街道一品牌”基层党建品牌项目、示范阵地和征集评选的展示平台。',
  /** Who runs the site; shown in the footer. */
  organiser: import.meta.env.PUBLIC_ORGANISER || '海珠区基层党建品牌展示项目组',
  /** ICP record number (ICP备案号), shown in the footer when set. */
  icp: import.meta.env.PUBLIC_ICP || '',
  /** Public-security record number (公安机关备案号, e.g. 粤公网安备 44010502000000号), shown in the footer when set. */
  policeRecord: import.meta.env.PUBLIC_POLICE_RECORD || '',
  /** A government site's identification code (网站标识码), shown in the footer when set. */
  siteCode: import.meta.env.PUBLIC_SITE_CODE || '',
};

/** Main navigation, in order, each link under the base the site is served from. */
export const navigation = [
  { href: sitePath('/'), label: '首页' },
  { href: sitePath('/brands/'), label: '党建品牌' },
  { href: sitePath('/streets/'), label: '街道' },
  { href: sitePath('/sites/'), label: '示范阵地' },
  { href: sitePath('/map/'), label: '地图' },
  { href: sitePath('/campaigns/'), label: '征集令' },
  { href: sitePath('/about/'), label: '关于' },
];

/** "Today" for campaign timelines: the build date, or BUILD_DATE (YYYY-MM-DD) to rebuild as of another day. */
export const buildDate = import.meta.env.BUILD_DATE || new Date().toISOString().slice(0, 10);
