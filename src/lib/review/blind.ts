/**
 * Blind review: the judges' pages already leave out a submission's street and
 * organisation fields, but the material itself often names them (江海街道党工委
 * 牵头…, 江湾社区…). This replaces, in what judges read, every way the text can
 * name its applicant: the organisation, the communities of its street, and
 * the street in the forms people write (江海街道, 江海街, 江海), with ×× for
 * the identifying part (江海街道 → ××街道, 江湾社区 → ××社区). Matching is
 * by text, so it also takes e.g. 江海大道 (→ ××大道): a road names the place
 * as surely as the street does. Attached files are not changed.
 */
import { streetForms } from '../search/query.ts';

/** Who applied, as the text may name them. */
export interface Applicant {
  street: { name: string; shortName: string };
  /** Communities (社区) of the applicant's street, from its sites. */
  communities: readonly string[];
  organisation: string;
}

export const MASK = '××';

/** Endings kept after the mask, so the text still reads: ××社区, ××街道. */
const KEPT_ENDINGS = ['社区居委会', '居委会', '社区', '街道', '街', '村'];

function masked(name: string): string {
  const ending = KEPT_ENDINGS.find((suffix) => name.endsWith(suffix) && name.length > suffix.length);
  return ending ? `${MASK}${ending}` : MASK;
}

/** Text to replace and its replacement, longest first, so the longest name at each position wins. */
export function redactions(applicant: Applicant): [string, string][] {
  const pairs = new Map<string, string>();
  if (applicant.organisation.length >= 2) pairs.set(applicant.organisation, '申报单位');
  for (const community of applicant.communities) if (community.length >= 2) pairs.set(community, masked(community));
  for (const form of streetForms({ id: '', ...applicant.street })) if (!pairs.has(form)) pairs.set(form, masked(form));
  return [...pairs].sort(([a], [b]) => b.length - a.length);
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with every name of the applicant masked. */
export function redact(text: string, applicant: Applicant): string {
  const pairs = redactions(applicant);
  if (pairs.length === 0) return text;
  const replacement = new Map(pairs);
  const pattern = new RegExp(pairs.map(([name]) => literal(name)).join('|'), 'gu');
  return text.replace(pattern, (name) => replacement.get(name) ?? MASK);
}
