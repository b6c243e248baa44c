import { describe, expect, it } from 'vitest';
import { captionText, type ElementLike, normalize, readableText, speechChunks } from '../../src/lib/a11y/text.ts';

const el = (tagName: string, text: string, attributes: Record<string, string> = {}): ElementLike => ({
  tagName,
  getAttribute: (name) => attributes[name] ?? null,
  innerText: text,
  textContent: text,
});

describe('what the toolbar reads aloud and captions', () => {
  it('reads an element’s text, whitespace collapsed', () => {
    expect(readableText(el('P', '  毓秀阁\n  党群服务  '))).toBe('毓秀阁 党群服务');
    expect(normalize('\t a \n b ')).toBe('a b');
  });

  it('reads a label before the text, an image’s alt, a field’s placeholder', () => {
    expect(readableText(el('A', '→', { 'aria-label': '下一页' }))).toBe('下一页');
    expect(readableText(el('IMG', '', { alt: '党员志愿者在社区服务' }))).toBe('党员志愿者在社区服务');
    expect(readableText(el('IMG', ''))).toBe('');
    expect(readableText(el('INPUT', '', { placeholder: '搜索品牌、街道、社区' }))).toBe('搜索品牌、街道、社区');
  });

  it('falls back to textContent where there is no innerText', () => {
    expect(readableText({ tagName: 'li', getAttribute: () => null, textContent: ' 江海街 ' })).toBe('江海街');
  });

  it('cuts a caption to its length with an ellipsis', () => {
    expect(captionText('短句')).toBe('短句');
    const long = '一'.repeat(100);
    expect(captionText(long)).toHaveLength(60);
    expect(captionText(long).endsWith('…')).toBe(true);
    expect(captionText(long, 10)).toBe(`${'一'.repeat(9)}…`);
  });

  it('splits speech at sentence ends into utterances of at most 120 characters, losing nothing', () => {
    const text = `第一句。第二句！${'长'.repeat(300)}。最后一句`;
    const chunks = speechChunks(text);
    expect(chunks.every((chunk) => chunk.length <= 120)).toBe(true);
    expect(chunks.join('')).toBe(text);
    expect(chunks[0]).toBe('第一句。第二句！');
    expect(speechChunks('   ')).toEqual([]);
    expect(speechChunks('一句话')).toEqual(['一句话']);
  });
});
