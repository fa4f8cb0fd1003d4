// The dates a file brings, against their texts: one whose text reads as another date is refused.
import { figuresReadAs, formatDate, fromIso, textNamesAnotherDate } from '../domain/dates';
import { RecordError, type DateField, type Section } from '../exchange/format';

type Obj = Record<string, unknown>;

const DATE_FIELDS: Record<Section, string[]> = {
  cases: ['opened', 'closed'], sources: ['date'], people: ['ageOn', 'born'], events: ['date'], deadlines: ['date'], targets: [], plans: [], appeals: [],
};

/**
 * Refuses a date the file brings (new, or changed here) whose text reads as another date, as a
 * spreadsheet user who corrects one of the two leaves it; one stored so by an earlier caselog, and
 * not changed by the file, stays.
 */
export function checkDateTexts(section: Section, stored: Obj | undefined, incoming: Obj): void {
  for (const field of DATE_FIELDS[section]) {
    const value = incoming[field] as DateField | null;
    if (!value || value.dateText === value.date || (stored && JSON.stringify(stored[field]) === JSON.stringify(value))) continue;
    // Checked already (validateRecord): read again without its checks, for a large file's sake.
    const date = fromIso(value.date, value.approximate, value.dateText);
    if (textNamesAnotherDate(date)) {
      throw new RecordError(`"${field}.dateText" ${JSON.stringify(date.text)}${figuresReadAs(date.text)} is not ${formatDate(date)}, the date in "${field}.date": correct both, or leave dateText out`);
    }
  }
}
