// Is a date in a sentence something the caseworker must act on or check by?
//
// Rule (shared with the fixtures): a deadline phrase gives a deadline, never an event on its date.
// An event is something that happened; a scheduled hearing ("postponed to January 21", "will be
// heard on May 27") had not happened when the document was written, so it is a deadline only.
// What a postponement sentence does report (the adjournment) happened on an earlier date, which
// extract.ts finds from the passage (see reportsPostponement).
import type { Day } from '../domain/types';
import { dayKey, type DateMention } from './date-mentions';

export interface DeadlineReading {
  /** What to do or check, in a few words. */
  note: string;
  /** A scheduled hearing: the date the case was put off to, never itself an event. */
  hearing: boolean;
}

// Whom to check with: a few words, up to the first comma or clause.
const CHECK_WITH = /\bcheck\s+with\s+((?:the\s+|your\s+)?[\p{L}'’ -]{3,60}?)\s*(?:,|\bor\b|\bif\b|\bbefore\b|\bwhen\b)/iu;
const APPEALS = /\b(appeals?|write|writing|letters?|faxes|e-?mails)\b/i;
// "until 16 June", and as an Urgent Action's closing line sets it out: "TAKE ACTION ... UNTIL: 16 June".
const CUTOFF_BEFORE = /\b(after|before|until|by|no later than|not later than)\s*:?\s*$/i;
const TAKE_ACTION = /\btake\s+action\b/i;
// "postponed to", "adjourned the hearing of Elnur Aliyev until", "will be heard on".
const SCHEDULED_BEFORE = /\b((postponed|adjourned|rescheduled|deferred|put off|moved|set|scheduled|fixed|listed|due)(\s+(the|his|her|their)\s+(hearing|trial|case|appeal)(\s+of(\s+\p{Lu}[\p{L}'’-]*){1,4})?)?\s+(until|till|to|for|on)|(will|shall|is to|are to|is due to|are due to)\s+(be\s+)?(heard|tried|resume|continue|reopen|open|start|begin)(\s+\w+){0,3})\s+(on\s+)?(the\s+)?$/iu;
const RELEASE = /\b(eligible for (early |conditional )?release|due (to be |for )?release[d]?|will be (released|freed)|(sentence|term) (ends|expires|will end))\b/i;
const FUTURE_WORDS = /\b(will|shall|must|should|could|would|can|might|is due|are due|due to|scheduled|expected to|deadline|please)\b/i;
// "may" as a verb, or shouted ("MAY face"); "May" is the month ("detained on 3 May" tells of the past).
const MAY = /\bmay\b|\bMAY\s+\p{Ll}/u;
const FUTURE = { test: (text: string): boolean => FUTURE_WORDS.test(text) || MAY.test(text) };
const WITHIN = /^(in|within)\s/i;
const PAST = /\b(was|were|had|did|has been|have been)\b/i;

/** Told as done ("On 21 January 2020 X was sentenced"), with nothing still to come in the sentence. */
export const toldAsDone = (sentence: string): boolean => PAST.test(sentence) && !FUTURE.test(sentence);
/** "will be deported", "is due", "scheduled": the sentence speaks of what has not happened yet. */
export const speaksOfFuture = (sentence: string): boolean => FUTURE.test(sentence);

/**
 * The sentence looks ahead to the date: it speaks of what will be, gives the date as a cut-off not told
 * as past ("the defence has until 5 September"), or reads as a deadline ("postponed to 21 January").
 */
export const looksAhead = (sentence: string, m: DateMention): boolean => speaksOfFuture(sentence)
  || cutOff(sentence, m) || readDeadline(sentence, m) !== null;

/** "the defence has until 5 September", "call again before 7 August": a cut-off not told as past. */
export const cutOff = (sentence: string, m: DateMention): boolean => CUTOFF_BEFORE.test(sentence.slice(0, m.start)) && !toldAsDone(sentence);

/** The clause a date stands in: from the comma, semicolon or colon before it to the one after it. */
function clauseOf(sentence: string, m: DateMention): string {
  const from = Math.max(sentence.lastIndexOf(',', m.start), sentence.lastIndexOf(';', m.start), sentence.lastIndexOf(':', m.start)) + 1;
  const stops = [',', ';', '.'].map((c) => sentence.indexOf(c, m.end)).filter((i) => i >= 0);
  return sentence.slice(from, stops.length ? Math.min(...stops) : sentence.length);
}

/** A few words saying what the date is for: the clause around it, without the date. */
export function clauseNote(sentence: string, m: DateMention): string {
  const from = Math.max(sentence.lastIndexOf(',', m.start), sentence.lastIndexOf(';', m.start), sentence.lastIndexOf(':', m.start)) + 1;
  const stops = [',', ';', '.'].map((c) => sentence.indexOf(c, m.end)).filter((i) => i >= 0);
  const to = stops.length ? Math.min(...stops) : sentence.length;
  // "on the night of 3 to 4 May": the words that lead to the date go with it.
  const lead = sentence.slice(from, m.start).replace(/\b(?:(?:on|by|before|until|till|in|within|after|for)\s+)?(?:the\s+(?:night|morning|afternoon|evening|day)\s+of\s*)?$/i, '')
    .replace(/\b(on|by|before|until|till|in|within|after|for)\s*$/i, '');
  // "Next hearing | 15 March 2024" (a table's row): the bar, colon or dash between label and date is no word of it.
  const clause = `${lead} ${sentence.slice(m.end, to)}`.replace(/\s+/g, ' ').replace(/^[\s|:\u2013\u2014-]+|[\s|:\u2013\u2014-]+$/g, '');
  if (!clause) return 'follow up';
  return clause.length > 70 ? `${clause.slice(0, 67).trimEnd()}...` : clause;
}

/**
 * Reads the mention as a deadline, or returns null. Without a document date only the
 * wording decides; with one, any later date in the document is also a deadline.
 */
export function readDeadline(sentence: string, m: DateMention, documentDate?: Day): DeadlineReading | null {
  if (m.selfDated) return null;
  const before = sentence.slice(0, m.start);
  // The action's own end: how long appeals are worth sending, whatever the line's capitals or colon.
  if (TAKE_ACTION.test(before) && CUTOFF_BEFORE.test(before)) return { note: 'take action until this date', hearing: false };
  if (APPEALS.test(sentence) && CUTOFF_BEFORE.test(before)) {
    // "Check with the International Secretariat, or your section office, if sending appeals after ...":
    // whom to ask is half of what to do.
    const whom = CHECK_WITH.exec(before)?.[1];
    return { note: whom ? `check with ${whom} before sending appeals` : 'check before sending appeals', hearing: false };
  }
  if (SCHEDULED_BEFORE.test(before)) {
    const trial = /\btrial\b/i.test(sentence) && !/\bhearing\b/i.test(sentence);
    return { note: trial ? 'trial' : 'hearing', hearing: true };
  }
  // A day given outright is a release day only when the release is told in its own clause: "on 5 March
  // the court sentenced her to a year; she will be eligible for release in six months" made the day
  // of the sentence an "eligible for release" deadline, and the sentence was lost.
  const release = RELEASE.exec(m.relative ? sentence : clauseOf(sentence, m));
  if (release && (m.relative || FUTURE.test(sentence))) {
    return { note: /eligible/i.test(release[0]) ? 'eligible for release' : 'due for release', hearing: false };
  }
  const future = FUTURE.test(sentence);
  if (future && m.relative && WITHIN.test(m.date.text)) return { note: clauseNote(sentence, m), hearing: false };
  if (future && CUTOFF_BEFORE.test(before)) return { note: clauseNote(sentence, m), hearing: false };
  // A later date told in the past tense is an update ("On January 21, 2020, X was sentenced"), not a deadline.
  const told = toldAsDone(sentence);
  if (documentDate && !m.relative && !told && dayKey(m.date) > dayKey(documentDate) && m.precision !== 'year') {
    return { note: clauseNote(sentence, m), hearing: false };
  }
  return null;
}

// "was adjourned", "the court postponed": a putting-off that has happened; not "will be postponed".
const PUT_OFF = /\b(adjourned|postponed|rescheduled|deferred|put off)\b/gi;
const NOT_YET = /\b(would|will|could|may|might|should|must|shall|can|cannot|not|never|to|if)\s+(\w+\s+)?$/i;

// "postponed to", "moved to": the date after it is the one the hearing now stands at.
const PUT_OFF_TO = /\b(postponed|adjourned|rescheduled|deferred|put off|moved|pushed back|brought forward)\b[^.;]*?\b(to|until|till)\s+(the\s+)?$/i;
// "first set for", "originally scheduled for": a date the hearing no longer stands at, if it was moved.
const FIRST_SET = /\b(originally|first|initially|previously|earlier)\s+(set|scheduled|due|fixed|listed|planned)\s+(for|on)\s+(the\s+)?$/i;

/**
 * "The trial, first set for 22 December, has been postponed to 5 January": the first date was put
 * off, so there is nothing to check on it. True of a date another in the sentence was put off to
 * from it, or of one set out as the first of two when the sentence tells the putting-off.
 */
export function putOff(sentence: string, m: DateMention, others: DateMention[]): boolean {
  const later = others.find((o) => o.start > m.end && PUT_OFF_TO.test(sentence.slice(m.end, o.start)));
  if (later) return true;
  return FIRST_SET.test(sentence.slice(0, m.start)) && reportsPostponement(sentence.slice(m.end));
}

/** The sentence reports that a hearing was put off (on some earlier day), not only where it now stands. */
export function reportsPostponement(sentence: string): boolean {
  for (const m of sentence.matchAll(PUT_OFF)) {
    if (!NOT_YET.test(sentence.slice(Math.max(0, (m.index ?? 0) - 30), m.index))) return true;
  }
  return false;
}
