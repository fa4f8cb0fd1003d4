// Is a date without a year told as past? Only then is it put on its latest day on or before the
// document's date. Read otherwise ("his hearing is on 10 January", "the verdict is expected on 20
// January") it keeps the day nearest the document's date, which may be ahead and so a deadline:
// taking every such date as past made coming hearings into events a year back, and nothing was due.
import type { DateMention } from './date-mentions';
import { looksAhead } from './deadlines';

const PAST_AUXILIARY = /\b(was|were|had|did|has been|have been)\b/i;
// Past forms that do not end in -ed ("began a hunger strike around 25 May").
const IRREGULAR_PAST = /\b(began|took|went|came|fled|held|sent|gave|told|said|brought|left|found|got|made|saw|beat|caught|spent|kept|lost|wrote|spoke|stood|fell|ran|broke|threw|sought|forbade|overtook)\b/i;
// "-ed" words that speak of what is still to come, or describe rather than tell.
const NOT_PAST_ED = /^(scheduled|expected|planned|intended|needed|concerned|interested|alleged|so-called|named|listed|fixed|proposed|hoped|feared)$/i;
// "is detained", "will be questioned": a form in -ed after these is not a past tense.
const BE_BEFORE = /\b(is|are|am|be|being)\s+(\w+\s+)?$/i;
// Present or future: "opens on", "is on", "remains".
const NOT_PAST = /\b(is|are|am|will|shall|remains?|opens|begins|starts|resumes|continues|ends|expires)\b/i;

/** A cue verb in -ed told as done: "detained on 28 December", "arrested on the night of 3 to 4 May". */
function pastInEd(text: string): boolean {
  for (const m of text.matchAll(/\b\p{L}{2,}ed\b/gu)) {
    if (!NOT_PAST_ED.test(m[0]) && !BE_BEFORE.test(text.slice(0, m.index))) return true;
  }
  return false;
}

const tellsPast = (text: string): boolean => PAST_AUXILIARY.test(text) || IRREGULAR_PAST.test(text) || pastInEd(text);

// Where a clause ends: ",", ";", ":" or a joining word ("was detained on 28 December and his trial opens on 12 January").
const JOINS = /[,;:]|\s(and|but|while|whereas)\s/gi;

/** The clause the date stands in. */
function clauseAround(sentence: string, m: DateMention): string {
  let from = 0;
  let to = sentence.length;
  for (const j of sentence.matchAll(JOINS)) {
    const at = j.index ?? 0;
    if (at + j[0].length <= m.start) from = at + j[0].length;
    else if (at >= m.end && to === sentence.length) to = at;
  }
  return sentence.slice(from, to);
}

/**
 * The date is told as past: its clause says so, or (a clause without its own verb, "On 28 December,
 * he was detained") the sentence does; and nothing in the sentence looks ahead to it.
 */
export function toldAsPast(sentence: string, m: DateMention): boolean {
  if (looksAhead(sentence, m)) return false;
  const clause = clauseAround(sentence, m);
  if (tellsPast(clause)) return true;
  if (NOT_PAST.test(clause)) return false;
  return tellsPast(sentence);
}
