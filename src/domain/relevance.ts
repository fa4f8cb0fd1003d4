// Which search matches are as relevant as each other, and in what order they are listed.

/**
 * Scores this near the best of their group are as relevant as it. bm25 scores a word's every
 * occurrence and the length of the text: twenty "held in Evin Prison" reports of a few words more
 * or less differ by a tenth, and were listed by that tenth before their dates (the newest, an
 * execution, 1,006th of 1,010). A word said twice where others say it once scores a fifth higher or
 * more, and goes first.
 */
export const ALIKE = 0.85;

export interface Ranked {
  /** bm25 as FTS5 gives it: the lower (more negative), the better. */
  rank: number;
  /** Higher for the newer: the newest by date first among the alike. */
  newer: number;
}

/** Best first; among matches alike in relevance (ALIKE), the newest first. */
export function byRelevance<T extends Ranked>(matches: T[]): T[] {
  const best = [...matches].sort((a, b) => a.rank - b.rank || b.newer - a.newer);
  const groups: T[][] = [];
  for (const m of best) {
    const group = groups[groups.length - 1];
    // bm25 is negative: within ALIKE of the group's best is a score at least ALIKE times its score.
    if (group && -m.rank >= -group[0]!.rank * ALIKE) group.push(m);
    else groups.push([m]);
  }
  return groups.flatMap((group) => group.sort((a, b) => b.newer - a.newer));
}
