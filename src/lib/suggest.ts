/** Edit distance between two strings (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}

/** A known key and the names people may type for it instead (e.g. longfeng ← 龙凤街道, 龙凤). */
export interface Candidate {
  key: string;
  aliases?: readonly string[];
}

/**
 * The known key closest to what was written, or undefined when nothing is
 * close enough to be a plausible typo. An exact alias (a Chinese name written
 * where the id belongs) always wins.
 */
export function nearest(written: string, candidates: readonly Candidate[]): string | undefined {
  const aliasHit = candidates.find((candidate) => candidate.aliases?.includes(written));
  if (aliasHit) return aliasHit.key;
  const lowered = written.toLowerCase();
  const prefixHit = lowered.length >= 3 && candidates.find((candidate) => candidate.key.startsWith(lowered));
  if (prefixHit) return prefixHit.key;
  let best: { key: string; distance: number } | undefined;
  for (const { key } of candidates) {
    const distance = editDistance(lowered, key);
    if (!best || distance < best.distance) best = { key, distance };
  }
  if (!best) return undefined;
  const tolerance = Math.max(2, Math.floor(best.key.length / 3));
  return best.distance <= tolerance ? best.key : undefined;
}
