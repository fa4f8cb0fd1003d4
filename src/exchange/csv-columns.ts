// The CSV tables: their columns, and a record as one row of text cells. Every date is four
// columns (ISO at its precision, the precision, approximate, the text as given); every link
// is a column of ids and a column of names (or references) for people reading the sheet.
import { dateJson, dayIso, firstDay } from '../domain/dates';
import type { DeadlineRecord, EventRecord, PersonRecord } from '../domain/model';
import type { PartialDate } from '../domain/types';

export const CSV_TABLES = ['people', 'events', 'deadlines'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

const dateColumns = (prefix: string) => [prefix, `${prefix}_precision`, `${prefix}_approximate`, `${prefix}_text`];

export const COLUMNS: Record<CsvTable, readonly string[]> = {
  people: [
    'id', 'name', 'other_names', 'status', 'status_on', 'current_status', ...dateColumns('current_status_since'), ...dateColumns('latest_news'), 'risks',
    'age', ...dateColumns('age_on'), ...dateColumns('born'), 'gender', 'citizenship', 'ethnicity', 'case_ids', 'cases',
  ],
  events: [
    'id', ...dateColumns('date'), 'type', 'status', 'summary', 'place', 'actor', 'case_id', 'case',
    'people_ids', 'people', 'source_ids', 'sources',
  ],
  deadlines: [
    'id', 'due', ...dateColumns('date'), 'note', 'warn_days', 'done_on', 'case_id', 'case', 'people_ids', 'people',
  ],
};

/** Columns caselog works out itself (from events, or from the date); an import ignores them. */
export const DERIVED_COLUMNS: ReadonlySet<string> = new Set(['current_status', ...dateColumns('current_status_since'), ...dateColumns('latest_news')]);

/** Separates the items of a list cell; an import also accepts it without the space. */
export const LIST_SEPARATOR = '; ';

/**
 * An item holding the separator (a source's title "Uighur men returned; fear of torture", a case
 * reference "AB;12") is put in double quotes, as CSV quotes a cell, and so is one that starts with a
 * quote: splitting on every semicolon broke them in two, and a re-import found no such source.
 */
const list = (items: readonly string[], quoted = /;|^\s*"/) => items.map((item) => (quoted.test(item) ? `"${item.replaceAll('"', '""')}"` : item)).join(LIST_SEPARATOR);
/** Names, and a name holding a comma too: an import reads a comma between names as a ";" mistyped, unless the name is quoted. */
const names = (items: readonly string[]) => list(items, /[;,\u060C\uFF0C]|^\s*"/);

/** The items of a list cell, as list() writes them: separated by semicolons, quoted where they hold one. */
export function listItems(cell: string): string[] {
  const items: string[] = [];
  for (let i = 0; i <= cell.length;) {
    while (cell[i] === ' ') i++;
    let item = '';
    if (cell[i] === '"') {
      // Quoted as CSV quotes a cell: "" is one quote, a lone one ends it (or the cell, left unclosed).
      for (i++; i < cell.length && !(cell[i] === '"' && cell[i + 1] !== '"'); i++) item += cell[i] === '"' ? cell[++i] : cell[i];
      i++;
    }
    const next = cell.indexOf(';', i);
    const end = next === -1 ? cell.length : next;
    item += cell.slice(i, end);
    i = end + 1;
    if (item.trim()) items.push(item.trim());
  }
  return items;
}
const text = (value: string | number | undefined | null) => (value == null ? '' : String(value));

function dateCells(d: PartialDate | undefined): string[] {
  if (!d) return ['', '', '', ''];
  const j = dateJson(d);
  return [j.date, j.precision, String(j.approximate), j.dateText];
}

export function personRow(p: PersonRecord): string[] {
  const others = p.names.filter((n) => !n.primary).map((n) => n.name);
  return [
    p.id, p.name, names(others), text(p.recordedStatus), text(p.recordedStatusOn), p.status, ...dateCells(p.statusSince), ...dateCells(p.latestNews),
    list(p.risks), text(p.age), ...dateCells(p.ageOn), ...dateCells(p.born), text(p.gender), text(p.citizenship), text(p.ethnicity),
    list(p.cases.map((c) => c.id)), list(p.cases.map((c) => c.ref)),
  ];
}

export function eventRow(e: EventRecord): string[] {
  return [
    e.id, ...dateCells(e.date), e.type, text(e.status), e.summary, text(e.place), text(e.actor), text(e.case?.id), text(e.case?.ref),
    list(e.people.map((p) => p.id)), list(e.people.map((p) => p.name)),
    list(e.sources.map((s) => s.id)), list(e.sources.map((s) => s.ref ?? s.title)),
  ];
}

export function deadlineRow(d: DeadlineRecord): string[] {
  return [
    d.id, dayIso(firstDay(d.date)), ...dateCells(d.date), d.note, text(d.warnDays), text(d.doneOn), text(d.case?.id), text(d.case?.ref),
    list(d.people.map((p) => p.id)), list(d.people.map((p) => p.name)),
  ];
}

// A cell that starts with = + - @ (or a tab or carriage return) is run as a formula by spreadsheet
// programs: text from a hostile source could then leak the sheet. Such cells get a leading
// apostrophe, which spreadsheets hide and an import removes again (one apostrophe, so a value
// that itself starts with apostrophes survives the round trip).
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}
