// One matcher for people's names across spellings and scripts: exact, folded (case, accents,
// other scripts through any-ascii), or a transliteration variant, each with a score and a reason.
export { foldName } from './names-fold';
export { nameKeys } from './names-keys';
export { CLEAR_MATCH, PLAUSIBLE_MATCH, scoreName } from './names-score';
export type { NameMatch } from './names-score';
export { resolveName } from './names-resolve';
export type { PersonCandidate, Resolution } from './names-resolve';
