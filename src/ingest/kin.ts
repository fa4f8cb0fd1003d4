// Someone named only as another's relative: "X, the father of Y, died" is about X; "Y, whose father X
// is serving a life sentence" is about Y. Y (resp. X) is still someone the document names, but what
// the sentence tells is not theirs: the arrest of a tracked father's son changed the father's status.

// One person each: a family or relatives ("the family of X said he was tortured") speak of X himself.
const KIN = '(?:(?:step|grand|great-grand)?(?:father|mother|son|daughter|child|parent)s?|grandchild(?:ren)?|children|brothers?|sisters?|wife|wives|husbands?|'
  + 'nephews?|nieces?|uncles?|aunts?|cousins?|widow(?:er)?|fianc[e\u00e9]e?|(?:brother|sister|son|daughter|father|mother)s?-in-law)';

// "the father of Y", "son of the imprisoned scholar Y": lowercase words only between "of" and the name
// (not "and", "or", "with": "the son of X and Y" names Y for himself; nor "a mother of three, Y").
const KIN_OF = new RegExp(`\\b${KIN}\\s+of\\s+(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|several|many)\\b)(?:(?!(?:and|or|with|by)\\s)[\\p{Ll}-]+\\s+){0,4}$`, 'iu');
// "X's son Y", "X's 17-year-old son".
const OWNER_OF = new RegExp(`^['\u2019]s\\s+(?:[\\p{Ll}\\d-]+\\s+){0,2}?${KIN}\\b`, 'iu');
// "Y, whose father X is ...", "whose brother, X,".
const WHOSE = new RegExp(`\\bwhose\\s+(?:[\\p{Ll}\\d-]+\\s+){0,2}?${KIN},?\\s+$`, 'iu');
// What a relative says ("the wife of X said he was beaten") is said of X: he stays the subject.
const SPEECH = /^(?:,[^,.;]{1,90},)?,?\s+(?:said|says|stated|states|told|claimed|claims|added|explained|warned|fears?|feared)\b/iu;

/** Whether the name at [start, end) stands in the sentence only as someone's relative. */
export function namedAsKin(sentence: string, start: number, end: number): boolean {
  const before = sentence.slice(0, start);
  const after = sentence.slice(end);
  if (WHOSE.test(before)) return true;
  if (KIN_OF.test(before)) return !SPEECH.test(after);
  const owner = OWNER_OF.exec(after);
  return owner !== null && !SPEECH.test(after.slice(owner[0].length));
}

/**
 * "whose father X is serving a life sentence": the clause, to the next comma or the end, tells of the
 * relative; what happened to the one it is said of is elsewhere in the sentence.
 */
export function kinClauses(sentence: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  for (const m of sentence.matchAll(new RegExp(`\\bwhose\\s+(?:[\\p{Ll}\\d-]+\\s+){0,2}?${KIN}\\b`, 'giu'))) {
    const start = m.index ?? 0;
    const comma = sentence.slice(start + m[0].length).search(/[,;]/u);
    found.push({ start, end: comma < 0 ? sentence.length : start + m[0].length + comma });
  }
  return found;
}

/**
 * The relatives a date's own "whose" clause names ("Y, whose father X was sentenced in 2019, was
 * arrested on ..."): the sentence of 2019 is X's, whom the rest of the sentence is not about.
 */
export function relativesDatedAt<P>(sentence: string, start: number, end: number, at: Array<{ person: P; start: number; end: number }>, kin: Set<P>): P[] {
  const clause = kinClauses(sentence).find((c) => c.start <= start && end <= c.end);
  if (!clause) return [];
  return [...new Set(at.filter((a) => kin.has(a.person) && a.start >= clause.start && a.end <= clause.end).map((a) => a.person))];
}
