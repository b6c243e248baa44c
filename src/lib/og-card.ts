import { wrap, xml } from './share.ts';

export interface CardText {
  title: string;
  street: string;
  category: string;
  tagline?: string;
  sample?: boolean;
}

/** The share card of a brand as a 1200×630 SVG (rendered to PNG at build time). */
export function cardSvg({ title, street, category, tagline, sample }: CardText): string {
  const font = `font-family="Noto Sans CJK SC, Noto Serif CJK SC, sans-serif"`;
  const titleLines = wrap(title, 14, 2);
  const taglineLines = tagline ? wrap(tagline, 24, 2) : [];
  const lines = [
    ...titleLines.map(
      (line, i) =>
        `<text x="80" y="${230 + i * 90}" ${font} font-size="76" font-weight="700" fill="#1b1b1b">${xml(line)}</text>`,
    ),
    ...taglineLines.map(
      (line, i) =>
        `<text x="80" y="${230 + titleLines.length * 90 + 20 + i * 52}" ${font} font-size="40" fill="#7a0b10">${xml(line)}</text>`,
    ),
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
<rect width="1200" height="630" fill="#ffffff"/>
<rect width="1200" height="24" fill="#a50f15"/>
<rect y="590" width="1200" height="40" fill="#a50f15"/>
<text x="80" y="110" ${font} font-size="36" font-weight="700" fill="#a50f15">海珠区基层党建品牌${sample ? '（示例）' : ''}</text>
${lines.join('\n')}
<text x="80" y="550" ${font} font-size="36" fill="#4a4a4a">${xml(`${street} · ${category}`)}</text>
</svg>`;
}
