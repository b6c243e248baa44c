/**
 * The record numbers a Chinese (government) site shows in its footer: the site identification code
 * (网站标识码), the ICP record (ICP备案号) and the public-security record (公安机关备案号). Each is off
 * until its PUBLIC_* setting is given, and each is text with at most a link to its official register:
 * no emblem or script is fetched from another server to show them.
 */

/** One line of the footer's records: the text as the register has it, and where to check it. */
export interface SiteRecord {
  text: string;
  href?: string;
}

export const ICP_REGISTER = 'https://beian.miit.gov.cn/';
export const POLICE_REGISTER = 'https://beian.mps.gov.cn/#/query/webSearch';

/**
 * The number a public-security record is looked up by: its digits (粤公网安备 44010502000000号 → 44010502000000),
 * the longest run if the text has several; undefined when it has none.
 */
export function policeRecordCode(record: string): string | undefined {
  const runs = record.match(/\d+/g) ?? [];
  return runs.reduce<string | undefined>(
    (longest, run) => (run.length > (longest?.length ?? 0) ? run : longest),
    undefined,
  );
}

/** The link to a public-security record in its register: the search by its number, else the register itself. */
export function policeRecordHref(record: string): string {
  const code = policeRecordCode(record);
  return code ? `${POLICE_REGISTER}?code=${code}` : POLICE_REGISTER;
}

/** The footer's records, in the order government sites show them; empty settings are left out. */
export function siteRecords(settings: { siteCode?: string; icp?: string; policeRecord?: string }): SiteRecord[] {
  const siteCode = settings.siteCode?.trim();
  const icp = settings.icp?.trim();
  const policeRecord = settings.policeRecord?.trim();
  return [
    ...(siteCode ? [{ text: `网站标识码：${siteCode}` }] : []),
    ...(icp ? [{ text: icp, href: ICP_REGISTER }] : []),
    ...(policeRecord ? [{ text: policeRecord, href: policeRecordHref(policeRecord) }] : []),
  ];
}
