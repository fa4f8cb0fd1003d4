// What reading a document proposes, and what it is told: the candidate facts, each with the sentence
// it came from, the source's own details, and the dates that had to lean on the document's date.
import type { Day, EventType, PartialDate, Risk } from '../domain/types';
import type { DateSource } from './passages';
import type { UnreadDate } from './numeric-dates';

export interface Candidate {
  kind: 'event' | 'deadline' | 'person' | 'reference';
  text: string;
  date?: PartialDate;
  type?: EventType;
  people?: string[];
  name?: string;
  knownAs?: string;
  /** kind 'person': other spellings the document gives ("previously written as ..."). */
  aliases?: string[];
  risks?: Risk[];
  /** kind 'person': named by an office or profession, and nothing harmful told of them: not proposed for tracking. */
  role?: string;
  /** kind 'event': who acted or spoke, named by their office ("Darhan Dilmanov, director of ..."). */
  actor?: string;
  /** kind 'person': their age as the document gives it, on the document's date. */
  age?: number;
  /**
   * kind 'person': named only in passing, apart from the people the document is about (another
   * asylum-seeker in a paragraph of background): tracked, by default, outside the case it is read into.
   */
  inPassing?: boolean;
  note?: string;
  reference?: string;
  /** kind 'deadline': the day it was done on (YYYY-MM-DD), when the document tells what came of it then. */
  done?: string;
}

export interface Extraction {
  source: {
    title?: string; publisher?: string; reference?: string; date?: PartialDate; dateFrom?: DateSource;
    /** dateFrom 'latest-date-mentioned': the sentence that date was read from. */
    dateFoundIn?: string;
  };
  candidates: Candidate[];
  /** "yesterday", "two days ago" as written, that date events or deadlines proposed: counted from the document's date. */
  countedFromDocumentDate: string[];
  /** "5 March" as written, that dates events or deadlines proposed: a date without a year, which took the document's. */
  yearFromDocumentDate: string[];
  /** The same, left out for the document has no date to count them from. */
  uncounted: string[];
  /** "9 May" as written, left out for the document has no date to take the year from. */
  yearless: string[];
  /** "12/03/2021": dates in figures, not read (day or month first?), with what they can be. */
  unread: UnreadDate[];
}

export interface ExtractOptions {
  lookupPerson?: (name: string) => string | null;
  documentDate?: PartialDate;
  /** Nothing after today has happened yet, whatever date the document gives itself (or when it gives none). */
  today?: Day;
  format?: 'text' | 'markdown' | 'html';
}
