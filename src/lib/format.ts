const numberFormat = new Intl.NumberFormat('zh-CN');

/** 2022-06-30 → 2022年6月30日 */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** A date range, shortened when both ends fall in the same year. */
export function formatDateRange(start: string, end: string): string {
  if (start === end) return formatDate(start);
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  return `${formatDate(start)}至${sameYear ? formatDate(end).slice(5) : formatDate(end)}`;
}

/** 1800000 → 1,800,000 */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}
