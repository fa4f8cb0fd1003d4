// Guessing what kind of happening a date belongs to, from the words nearest to it.
// A guess for the caseworker to confirm, not a classification: nearest cue wins.
import type { EventType } from '../domain/types';
import { kinClauses } from './kin';

type Cue = [EventType, RegExp];

// Longer phrases first where they overlap shorter ones ("arrest warrant" is not an arrest).
const TRANSFER = /\b(moved|transferred|taken|sent)\s+to\s+(an?\s+|the\s+|another\s+)?([\p{L}-]+\s+){0,3}?(colony|prison|penitentiary|jail|camp|facility|detention cent(re|er))\b/giu;

const CUES: Cue[] = [
  ['other', /\b(arrest )?warrants?( to arrest| for (the|his|her|their) arrest)?\b/gi],
  // "beaten in custody", "tortured in detention": custody is where the harm was done, not what happened.
  ['ill-treatment', /\b(beaten|tortured|ill-treated|mistreated|abused)\s+(while\s+)?in\s+(police\s+)?(custody|detention|prison)\b/gi],
  // "died in detention": where the death came, not a detention on the day it was learned of.
  ['other', /\b(died|death)\s+(while\s+)?in\s+(police\s+)?(custody|detention|prison)\b/gi],
  ['extradition-request', /\b(extradition requests?|request(ed|s)? (for )?(his|her|their|the) extradition|sought (his|her|their) extradition|requested (his|her|their )?extradition)\b/gi],
  ['asylum-decision', /\b((granted|denied|refused|rejected) (political )?asylum|granted refugee status|asylum (claims?|applications?|requests?) (was|were|has been|had been) (granted|rejected|refused|denied|turned down))\b/gi],
  ['asylum-application', /\b(appl(ied|y|ies) for (political )?asylum|sought (political )?asylum|claimed asylum|lodged an asylum|asylum (application|claim)s? (was |were )?(lodged|filed|submitted)|registered with (the )?UNHCR)\b/gi],
  ['deportation', /\b(deport(ed|ation)|forcibl[ey] return(ed)?|forced return|(was|were|been|being) returned|extradited|expelled|handed over|sent back|refouled|repatriated)\b/gi],
  ['disappearance', /\b(disappeared|disappearance|went missing|(has|have|had) been missing|missing since|whereabouts (are |remain |were )?unknown|abducted|taken away by (unknown |unidentified )?(men|people|officers))\b/gi],
  ['sentence', /\b(sentenced|sentencing|convicted|conviction|found guilty|jailed for|(suspended |prison )?sentence)\b/gi],
  ['release', /\b(released|freed|acquitted|released on bail|let go|(his|her|their) release)\b/gi],
  ['hearing', /\b(hearings?|court proceedings|trial (began|opened|started|resumed)|appeared (in|before) (a |the )?court|adjourned|postponed)\b/gi],
  ['charge', /\b(charged|indicted|accused of|prosecuted|charges? of)\b/gi],
  ['detention', /\b(detained|detention|in custody|remanded|held (in|at|incommunicado)|imprisoned)\b/gi],
  // Seized: a person ("was seized", "seized him"), not what police took ("seized laptops").
  ['arrest', /\b(arrested|arrest|apprehended|taken into custody|(?:was|were|been|being) seized|seized (?:him|her|them))\b/gi],
  ['ill-treatment', /\b(beaten|tortured|ill-treated|mistreated|ill-treatment|mistreatment)\b/gi],
  ['statement', /\b(said|stated|says|announced|declared|told|claimed|denied|acknowledg(ed|ing)|confirmed|warned)\b/gi],
  ['report', /\b(reported|published|urgent action)\b/gi],
  // Taken from one prison to another: where they serve, not a new sentence or detention.
  ['other', TRANSFER],
  ['other', /\b(fled|crossed the border|crossing the border|escaped|learned|learnt)\b/gi],
];

/**
 * What a sentence tells of someone without naming a happening: read only when no cue of a happening
 * is found, since they tell what followed it ("was deported in 2021 and has not been heard from
 * since" is the deportation; "reappeared before the prosecution, which charged her" is the charge).
 */
const ONLY_CUES: Cue[] = [
  ['disappearance', /\b(has|have|had) not been (seen|heard from)( or (seen|heard from))? since\b/i],
  // Found again, held by the state: "reappeared before the prosecution", "reappeared in custody".
  ['detention', /\breappeared\s+(in\s+(custody|detention|prison)|(before|at)\s+(an?\s+|the\s+)?([\p{L}-]+\s+){0,4}(prosecut\w*|court|judge|investigators?|police))\b/iu],
];

const HAPPENING = new Set<EventType>(['arrest', 'detention', 'charge', 'hearing', 'sentence', 'release', 'deportation',
  'extradition-request', 'asylum-application', 'asylum-decision', 'disappearance', 'ill-treatment']);

// "would be returned", "not to deport", "a warrant to arrest": said of what may happen, not what did.
const NOT_DONE = /\b(would|will|could|may|might|should|must|shall|can|cannot|not|never|to)\s+(\w+\s+)?$/i;

interface Span { start: number; end: number }
interface Hit extends Span { type: EventType }

function hits(sentence: string): Hit[] {
  const found: Hit[] = [];
  for (const [type, cue] of CUES) {
    for (const m of sentence.matchAll(cue)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (found.some((h) => start < h.end && end > h.start)) continue;
      if (NOT_DONE.test(sentence.slice(Math.max(0, start - 30), start))) continue;
      if (type === 'statement' && isNameSaid(sentence, m[0], start, end)) continue;
      found.push({ type, start, end });
    }
  }
  return found;
}

/**
 * "Said" is a name as well as the verb (Omar bin Said, Said Barre): written with a capital inside
 * a sentence, or first in it before another capitalised word, it is the name. Of the cue words it
 * is the one name common in the documents (Saeed and Sayed are not cues).
 */
function isNameSaid(sentence: string, word: string, start: number, end: number): boolean {
  if (word !== 'Said') return false;
  const first = /(^|[.!?]["'\u201d)]*\s+)["'\u201c(]*$/.test(sentence.slice(0, start));
  return !first || /^\s+\p{Lu}/u.test(sentence.slice(end));
}

const distance = (h: Hit, start: number, end: number): number =>
  h.end <= start ? start - h.end : h.start >= end ? h.start - end : 0;

/**
 * The type of the happening dated at [start, end) in the sentence. "X reported on DATE that
 * Y had been deported" is the deportation: a report or statement gives way to the happening
 * it reports when one follows it in a that-clause.
 */
export function guessEventType(sentence: string, start: number, end: number, otherDates: Span[] = []): EventType {
  const nearest = nearestType(sentence, start, end, otherDates);
  const type = HAPPENING.has(nearest) ? nearest : ONLY_CUES.find(([, cue]) => cue.test(sentence))?.[0] ?? nearest;
  // A sentence that sends nobody to prison ("given a suspended sentence", "fined") would make them
  // "imprisoned": the conviction is told, as a happening of no status.
  // A term served in prison anywhere in it keeps the sentence ("five years in prison, followed by two
  // years of probation"; one man to prison, another a suspended sentence: the prison is news).
  return type === 'sentence' && NOT_CUSTODIAL.test(sentence) && !PARTLY_SERVED.test(sentence) && !SERVED.test(sentence) ? 'other' : type;
}

/** A term to be served: "in prison" not said suspended right after, imprisonment not conditional. */
const SERVED = /\bin\s+prison\b(?!,?\s+suspended)|(?<!conditional\s)\bimprisonment\b|\bprison\s+term\b/i;

// "given a suspended sentence", "to three years, suspended.", "suspended for 2 years", "conditional
// imprisonment" (the same in many countries' words); not "of which two years suspended" (the rest is
// served), nor "the court suspended her lawyer's licence".
const NOT_CUSTODIAL = new RegExp([
  '\\bsuspended\\s+(prison\\s+)?sentences?\\b', '\\bsentences?\\s+(was\\s+|were\\s+)?suspended\\b',
  // The term itself suspended: "to three years, suspended", "to 3 years in prison, suspended for 2 years".
  '\\bto\\s+\\S+(\\s+\\S+){0,4}?\\s+(years?|months?)(\\s+in\\s+prison)?,?\\s+suspended\\b',
  '\\b(non-custodial|probation|conditional (imprisonment|sentence|term)|(was|were) fined)\\b',
].join('|'), 'i');
export const PARTLY_SERVED = /\bof which\b[^.;]{0,40}\bsuspended\b/i;

/** Where a court day ends in: "at a hearing on 2 April the court sentenced her" is the sentence. */
const VERDICTS = new Set<EventType>(['sentence', 'release']);

/**
 * The cues in the date's own clause, between the commas around it ("X, a man forcibly returned in 1999,
 * was reported dead": the return; "X, sentenced in Zaysan, were moved to a colony on 1 February": the
 * move); all of them when it has none ("On January 21, 2020, they were sentenced").
 */
function inClause(sentence: string, all: Hit[], start: number, end: number): Hit[] {
  const from = sentence.lastIndexOf(',', start) + 1;
  const comma = sentence.indexOf(',', end);
  const to = comma < 0 ? sentence.length : comma;
  const ours = all.filter((h) => h.start >= from && h.end <= to);
  return ours.length ? ours : all;
}

// "on 27 December, the day before their deportation", "two days after his arrest": a happening of another day.
const OTHER_DAY = /\b(?:day|days|weeks?|months?|hours?)\s+(?:before|after|since)\s+(?:(?:his|her|their|the|its)\s+)?$/i;

/** A happening said to be of another day than this one; of this day when the date is that phrase ("the day before" their deportation, read as its day). */
function ofAnotherDay(sentence: string, h: Hit, start: number, end: number): boolean {
  const phrase = OTHER_DAY.exec(sentence.slice(0, h.start));
  return phrase !== null && !(start < h.start && end > phrase.index);
}

// What joins a second verb to the first: "detained on 2 February and charged two days later".
const ANOTHER_VERB = /\b(?:and|but|then)\b/i;

/**
 * The cues of the date's own verb: one after it, past an "and", is another happening with a date of
 * its own ("detained on 1 December and released three days later": the detention, then the release),
 * when a cue stands before the date.
 */
function ownVerbs(sentence: string, hits: Hit[], start: number, end: number): Hit[] {
  if (!hits.some((h) => h.end <= start)) return hits;
  return hits.filter((h) => h.start < end || !ANOTHER_VERB.test(sentence.slice(end, h.start)));
}

function nearestType(sentence: string, start: number, end: number, otherDates: Span[]): EventType {
  // "arrested Y, whose father X is serving a life sentence, on 19 November": the father's sentence is not what happened that day.
  const kin = kinClauses(sentence).filter((c) => !(c.start <= start && end <= c.end));
  const found = hits(sentence).filter((h) => !kin.some((c) => c.start <= h.start && h.end <= c.end) && !ofAnotherDay(sentence, h, start, end));
  if (!found.length) return 'other';
  const all = ownVerbs(sentence, inClause(sentence, found, start, end), start, end);
  const nearest = all.reduce((best, h) => (distance(h, start, end) < distance(best, start, end) ? h : best));
  // A hearing is where a verdict is given: a verdict told of the same date (nearer to it than to any
  // other date) is what happened that day, and what changes the person's status.
  if (nearest.type === 'hearing') {
    const ours = (h: Hit) => otherDates.every((d) => distance(h, start, end) < distance(h, d.start, d.end));
    const verdict = all.find((h) => VERDICTS.has(h.type) && ours(h));
    if (verdict) return verdict.type;
  }
  if (nearest.type === 'statement' || nearest.type === 'report') {
    const clause = /\bthat\b/i.exec(sentence.slice(nearest.end));
    if (clause) {
      const from = nearest.end + (clause.index ?? 0);
      const reported = all.find((h) => h.start > from && HAPPENING.has(h.type));
      if (reported) return reported.type;
    }
  }
  // "Arrested and taken to a detention centre", "detained and taken to prison": the arrest or detention
  // the move ends, not a move between prisons (which says "from" one, or "another").
  if (nearest.type === 'other' && isTransfer(sentence, nearest) && !/\b(from|another)\b/i.test(sentence)) {
    const taken = all.filter((h) => h.type === 'arrest' || h.type === 'detention');
    if (taken.length) return taken.reduce((best, h) => (distance(h, start, end) < distance(best, start, end) ? h : best)).type;
  }
  return nearest.type;
}

function isTransfer(sentence: string, h: Hit): boolean {
  TRANSFER.lastIndex = 0;
  const m = TRANSFER.exec(sentence.slice(h.start));
  return m !== null && m.index === 0;
}

// "was reported dead in custody", "died in prison": a death the document tells, often without its day.
const DEATH = /\b(died|(reported|found|declared)\s+dead|death\s+in\s+(custody|detention|prison))\b/i;
/**
 * Where the sentence tells of a death as having happened ("died in custody", "was found dead"), or -1
 * ("may have died", "could die").
 */
export function deathToldAt(sentence: string): number {
  const death = DEATH.exec(sentence);
  return death && !NOT_DONE.test(sentence.slice(Math.max(0, death.index - 30), death.index)) ? death.index : -1;
}

/** Happenings worth proposing when the document gives them no date: known by the document's own date. */
const TOLD_UNDATED = new Set<EventType>(['extradition-request']);

/**
 * What a sentence tells as done without dating it ("China has requested the extradition of X", "X,
 * returned in 1999, was reported dead in custody"): a cue outside every dated clause. A death has no
 * type of its own: 'other', its words kept in the summary.
 */
export function undatedHappening(sentence: string, dates: Span[]): EventType | undefined {
  const clauses = dates.map((d) => {
    const comma = sentence.indexOf(',', d.end);
    return { start: sentence.lastIndexOf(',', d.start) + 1, end: comma < 0 ? sentence.length : comma };
  });
  const undated = (start: number) => clauses.every((c) => start < c.start || start >= c.end);
  const death = deathToldAt(sentence);
  if (death >= 0 && undated(death)) return 'other';
  return hits(sentence).find((h) => TOLD_UNDATED.has(h.type) && undated(h.start))?.type;
}
