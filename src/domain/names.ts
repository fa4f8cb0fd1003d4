// One matcher for people's names across spellings and scripts: exact, folded (case, accents,
// spacing), or a variant (another script through any-ascii, a transliteration), each with a score
// and a reason.
export { foldName, hasOtherScript } from './names-fold';
export { nameKeys } from './names-keys';
export { CLEAR_MATCH, PLAUSIBLE_MATCH, scoreName } from './names-score';
export type { NameMatch } from './names-score';
export { explainsBetter, nearestNames, resolveName } from './names-resolve';
export type { PersonCandidate, Resolution } from './names-resolve';
