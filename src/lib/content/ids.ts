/**
 * Ids from Chinese titles: 毓秀阁 → yuxiuge, 红色南石 → hongse-nanshi. The CMS
 * fills an entry's id with it as the title is typed, and the spreadsheet imports
 * give rows without an id one. Ids are lowercase pinyin without tones (pinyin-pro
 * picks each character's reading from its neighbours), so file names and links stay ASCII.
 */
import { pinyin } from 'pinyin-pro';
import { ID_PATTERN } from '../../schema/common.ts';

/** Han characters; everything else is either a Latin letter or digit (kept) or a separator. */
const HAN = /\p{Script=Han}/u;

/** Longer ids are cut at a hyphen: a file name, not a sentence. */
export const MAX_ID_LENGTH = 40;

/**
 * Chinese words are mostly two characters long, and word breaking is unreliable on
 * names (ICU splits 毓秀阁 into three): a run of Han characters is joined in pairs,
 * a run of three or an odd last character staying with its neighbour.
 */
function chunks(run: string): string[] {
  if (run.length <= 3) return [run];
  const pairs: string[] = [];
  for (let index = 0; index < run.length; index += 2) pairs.push(run.slice(index, index + 2));
  if (pairs.at(-1)?.length === 1) pairs[pairs.length - 2] += pairs.pop();
  return pairs;
}

/** The pinyin words of a title: Han runs in chunks, Latin letters and digits as they are, lowercased. */
function words(title: string): string[] {
  const result: string[] = [];
  for (const run of title.normalize('NFKC').match(/\p{Script=Han}+|[A-Za-z0-9]+/gu) ?? []) {
    if (!HAN.test(run)) {
      result.push(run.toLowerCase());
      continue;
    }
    const syllables = pinyin(run, { toneType: 'none', type: 'array', v: true });
    let offset = 0;
    for (const chunk of chunks(run)) {
      result.push(
        syllables
          .slice(offset, offset + chunk.length)
          .join('')
          .toLowerCase(),
      );
      offset += chunk.length;
    }
  }
  return result.filter((word) => /^[a-z0-9]+$/.test(word));
}

/**
 * An id for a title that no entry of the collection has yet (`taken`): its
 * pinyin, then -2, -3… Empty when the title has nothing to spell (only punctuation).
 */
export function idFromTitle(title: string, taken: ReadonlySet<string> = new Set()): string {
  let id = '';
  for (const word of words(title)) {
    const next = id ? `${id}-${word}` : word;
    if (next.length > MAX_ID_LENGTH && id) break;
    id = next.slice(0, MAX_ID_LENGTH);
  }
  if (!id || !ID_PATTERN.test(id)) return '';
  if (!taken.has(id)) return id;
  for (let number = 2; ; number++) if (!taken.has(`${id}-${number}`)) return `${id}-${number}`;
}
