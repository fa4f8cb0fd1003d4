// One value as the log writes it: a date as a person reads it, a record by its name, a request by
// its words, a field by its name in words ("status recorded on", not statusOn).
import { dayInWords, formatDate, fromIso } from '../domain/dates';
import { kindOfId, looksLikeId, shortId } from '../domain/ids';
import { oneLine } from './lines';

type Obj = Record<string, unknown>;

/** The fields whose name is not a word a caseworker uses; the others are said as they are. */
const FIELD_WORDS: Record<string, string> = {
  ageOn: 'age given on', statusOn: 'status recorded on', doneOn: 'done on', closeReason: 'closed because', copiesTo: 'copies to',
};
/** The fields holding a day caselog itself recorded, as ISO text. */
const DAY_FIELDS = new Set(['statusOn', 'doneOn']);

export const fieldWords = (field: string): string => FIELD_WORDS[field] ?? field;

/** A date as stored (ISO at its precision): "2 March 2026", "December 2026", "c. 1985"; ISO if unreadable. */
function dateText(o: Obj): string {
  try {
    return formatDate(fromIso(String(o.date), o.approximate === true, String(o.dateText ?? o.date)));
  } catch {
    return `${o.approximate ? '~' : ''}${String(o.date)}`;
  }
}

/** A field's value: a day it holds as ISO text in words, anything else as `item` says it. */
export function fieldValue(field: string, v: unknown, item: (v: unknown) => string): string {
  if (DAY_FIELDS.has(field) && typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v)) {
    try {
      return dayInWords(v);
    } catch {
      return v;
    }
  }
  return item(v);
}

export function itemText(names: ReadonlyMap<string, string>) {
  const item = (v: unknown): string => {
    if (v == null) return '\u2014';
    if (typeof v === 'object') {
      const o = v as Obj;
      if (typeof o.date === 'string' && typeof o.precision === 'string') return dateText(o);
      if (typeof o.name === 'string') return o.name;
      if (typeof o.text === 'string') return `"${clip(o.text, 50)}"`;
      return JSON.stringify(o);
    }
    if (typeof v === 'string' && looksLikeId(v)) return recordText(v, names.get(v));
    return String(v);
  };
  return item;
}

/**
 * A record the log holds by its id: an appeal target by its name, as a plan's letters name it; a
 * case, a person or a source by reference or name with the id beside it (two people may share a
 * name, and the id finds the record); an id no longer in the database short.
 */
function recordText(id: string, label: string | undefined): string {
  if (label === undefined) return shortId(id);
  return kindOfId(id) === 'target' ? oneLine(label) : `${oneLine(label)} [${shortId(id)}]`;
}

/** Short, on one line, with control characters made visible rather than obeyed by the terminal. */
export function clip(text: string, max: number): string {
  const chars = [...visible(text)];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}\u2026` : chars.join('');
}

export function visible(text: string): string {
  return oneLine(text).replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => (ch === '\t' ? ' ' : '\ufffd'));
}
