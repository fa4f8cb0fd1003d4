// Reading a word of caselog's vocabulary (a status, risk, event type...) as a caseworker types it:
// capitals and spaces are only spelling ("Death penalty" is death-penalty); a word of their own
// ("deported", "tortured") is never taken for one of ours, but named as the one they likely mean.
import { distance } from 'fastest-levenshtein';

/** Words people use for ours, by the kind of word. Only suggested, never read as the word. */
const SAID_FOR: Record<string, Record<string, string>> = {
  status: {
    deported: 'returned', 'forcibly-returned': 'returned', extradited: 'returned', expelled: 'returned', refouled: 'returned',
    arrested: 'detained', held: 'detained', 'in-detention': 'detained', 'in-custody': 'detained', custody: 'detained',
    jailed: 'imprisoned', 'in-prison': 'imprisoned', sentenced: 'imprisoned', prison: 'imprisoned',
    freed: 'released', free: 'released', dead: 'deceased', died: 'deceased', killed: 'deceased', executed: 'deceased',
    liberty: 'at-liberty', 'at-large': 'at-liberty',
    missing: 'disappeared', hiding: 'in-hiding', resettled: 'protected', asylum: 'protected', refugee: 'protected',
  },
  risk: {
    tortured: 'torture', execution: 'death-penalty', 'death-sentence': 'death-penalty', death: 'death-penalty',
    'ill-treated': 'ill-treatment', mistreatment: 'ill-treatment', beating: 'ill-treatment', beatings: 'ill-treatment',
    deportation: 'refoulement', 'forcible-return': 'refoulement', return: 'refoulement', disappearance: 'enforced-disappearance',
    'arbitrary-arrest': 'arbitrary-detention', detention: 'arbitrary-detention', 'unfair-trial-risk': 'unfair-trial',
    medical: 'health', illness: 'health', 'medical-care': 'health',
  },
  type: {
    arrested: 'arrest', detained: 'detention', charged: 'charge', trial: 'hearing', court: 'hearing', sentenced: 'sentence',
    released: 'release', deported: 'deportation', returned: 'deportation', extradited: 'deportation', extradition: 'extradition-request',
    disappeared: 'disappearance', tortured: 'ill-treatment', torture: 'ill-treatment', beaten: 'ill-treatment',
    asylum: 'asylum-application', 'asylum-claim': 'asylum-application', news: 'report',
  },
};

/** The word of `known` that `typed` is; else what it most likely means, if anything. */
export function readWord<T extends string>(typed: string, known: readonly T[], kind?: string): { word: T } | { unknown: string; meant?: T } {
  const spelt = typed.trim().toLowerCase().replace(/[\s_]+/g, '-');
  const found = known.find((k) => k === spelt);
  if (found !== undefined) return { word: found };
  const said = kind ? SAID_FOR[kind]?.[spelt] : undefined;
  if (said && (known as readonly string[]).includes(said)) return { unknown: typed, meant: said as T };
  // A slip of a letter or two, or the start of a word, of ours or of theirs ("arested").
  const slip = (k: string) => k !== '' && ((k.startsWith(spelt) && spelt.length >= 3) || distance(k, spelt) <= Math.min(2, Math.floor(k.length / 3)));
  const theirs = Object.entries(kind ? SAID_FOR[kind] ?? {} : {}).filter(([k, ours]) => slip(k) && (known as readonly string[]).includes(ours)).map(([, ours]) => ours);
  const near = [...new Set([...known.filter(slip), ...theirs])];
  return { unknown: typed, meant: near.length === 1 ? (near[0] as T) : undefined };
}
