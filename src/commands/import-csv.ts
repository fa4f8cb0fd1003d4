// caselog import FILE.csv: people or events (the header says which). Every bad row is reported
// with its row and column, and then nothing is imported; otherwise all rows go in in one
// transaction. Rows whose id exists update that record, so re-importing an export changes nothing.
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import type { Context } from '../context';
import { printJson, say } from '../context';
import { UsageError, UserError } from '../errors';
import { eventRecords, personRecords, type Lookup, type Resolved } from '../exchange/csv-links';
import { Cells, detectTable, type Problem } from '../exchange/csv-read';
import type { SheetPlaces } from '../exchange/csv-places';
import { readSheet } from '../exchange/csv-sheet';
import { readEventRow, readPersonRow, type EventDraft, type PersonDraft } from '../exchange/csv-rows';
import { importRecords } from '../store/import';
import { countsLine, derivedNote, twinNotes } from './import-notes';
import { keepWhatTheSheetLacks, saysWhatIsStored, sheetGaps } from './import-csv-gaps';
import type { SqliteStore } from '../store/sqlite-store';
import { count } from '../render/style';
import { shortId } from '../domain/ids';
import { nearPeople, otherNames } from './duplicates';
import { nameKeys, PLAUSIBLE_MATCH, scoreName } from '../domain/names';
import { asTyped } from '../domain/text';

const MAX_SHOWN = 20;

export async function importCsv(ctx: Context, store: SqliteStore, file: string, opts: { newPeople: boolean; replace: boolean; restoreErased: boolean; dryRun: boolean }): Promise<void> {
  const { header, body, places } = readSheet(file, readInput(file));
  const detected = detectTable(header);
  if ('error' in detected) throw new UserError(`${file}, ${places.ofRecord(0)}: ${detected.error}; nothing was imported`);
  const { table } = detected;
  if (opts.newPeople && table !== 'people') throw new UsageError(`--new goes with a CSV of people; ${file} holds ${table}`);
  const problems: Problem[] = [];
  const drafts: Array<PersonDraft | EventDraft> = [];
  const derived = new Map<string, Map<string, string>>();
  body.forEach((row, i) => {
    const cells = new Cells(header, row, places.starts[i + 1] ?? i + 2);
    if (cells.isBlank()) return;
    const draft = table === 'people' ? readPersonRow(cells, ctx.today) : readEventRow(cells);
    problems.push(...cells.problems);
    drafts.push(draft);
    if (cells.derived.size > 0) derived.set(places.of(cells.line), cells.derived);
  });

  // A new person's name close to someone tracked is refused, as add person refuses it without --new:
  // a spelling difference must not open a second record (issue 3). Looked up before the write.
  const near = new Map<string, string[]>();
  if (table === 'people' && !opts.newPeople) {
    // And a new row's name close to an earlier new row's ("Al\u00ed Baisal", "Ali Baysal" after "Ali Baisal"):
    // found through the same name keys as a stored name, and scored the same way.
    const earlier = new SheetNames();
    for (const d of drafts as PersonDraft[]) {
      const name = d.name?.trim();
      // A row with an id this database does not hold (a colleague's sheet) brings a new person too.
      if ((d.id && store.read.personById(d.id)) || !name || near.has(name)) continue;
      near.set(name, [
        ...(await nearPeople(store, [name])).filter((n) => n.through !== name).map((n) => `${n.person.name} [${shortId(n.person.id)}] (${n.detail})`),
        // Rows that carry ids are people their own database tells apart (Tursun, Turghun): not each other's twins.
        ...(d.id ? [] : earlier.near(name)).map((e) => `${JSON.stringify(e.name)} on ${places.of(e.line)} (${e.detail})`),
      ]);
      earlier.add(name, d.line);
      problems.push(...(await otherNamesTaken(store, d)));
    }
  }
  const { counts, notes } = store.write(() => {
    const lookup = storeLookup(store, near, places);
    const records: Resolved[] = table === 'people'
      ? personRecords(drafts as PersonDraft[], lookup, problems)
      : eventRecords(drafts as EventDraft[], lookup, problems);
    const gaps = sheetGaps(table === 'people' ? 'people' : 'events', header);
    for (const r of records) if (r.unlessSame && !saysWhatIsStored(store, r, gaps)) problems.push(r.unlessSame.problem);
    if (problems.length > 0) throw new UserError(describeProblems(file, problems, places));
    keepWhatTheSheetLacks(store, gaps, records);
    const counts = importRecords(store, records, file, undefined, opts.replace, opts.restoreErased, false, true);
    const worked = records.flatMap((r) => (derived.has(r.where) ? [{ id: r.record.id as string, cells: derived.get(r.where)! }] : []));
    return { counts, notes: [...twinNotes(counts), ...derivedNote(store, worked)] };
  });
  const { twins: _twins, twinCount: _twinCount, ...shown } = counts;
  if (ctx.json) printJson(ctx, { table, ...shown, ...(opts.dryRun ? { dryRun: true } : {}), notes: notes.map((n) => n.replace(/^note: /, '')) });
  say(ctx, countsLine(`${table} from ${file}`, counts, opts.dryRun));
  for (const note of notes) say(ctx, note);
}

/**
 * A new row's other names that are a tracked person's, or close to one: refused, as add person
 * refuses such an --alias without --new. Taken, "Kasim Mahpir" would then find two people.
 */
async function otherNamesTaken(store: SqliteStore, d: PersonDraft): Promise<Problem[]> {
  const taken: Problem[] = [];
  // Whoever holds the row's own name: the row is them (a sheet imported again), or is refused for it.
  const own = new Set(store.read.nameCandidates(d.name).filter((c) => c.name === d.name.trim()).map((c) => c.personId));
  for (const other of otherNames(d.otherNames, [d.name])) {
    const near = (await nearPeople(store, [other])).filter((n) => !own.has(n.person.id));
    if (near.length === 0) continue;
    const held = near.filter((n) => !n.loose);
    const listed = (held.length > 0 ? held : near).map((n) => `${n.person.name} [${shortId(n.person.id)}] (${n.detail})`).join('; ');
    taken.push({ line: d.line, column: 'other_names', message: `${JSON.stringify(other)} ${held.length > 0 ? 'is already a name of' : 'is close to'} ${listed}: ` +
      'put their id in the id column to update them, or import with --new if every new row is a different person' });
  }
  return taken;
}

function readInput(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `no file ${file}` : `cannot read ${file}: ${code}`);
  }
  // Decoding would quietly put U+FFFD where the bytes were: a sheet saved in another encoding is refused.
  if (!isUtf8(bytes)) throw new UserError(`${file} is not UTF-8 text: save the sheet as CSV UTF-8; nothing was imported`);
  return bytes.toString('utf8');
}

function storeLookup(store: SqliteStore, near: Map<string, string[]>, places: SheetPlaces): Lookup {
  const { read } = store;
  return {
    person: (id) => read.personById(id),
    peopleNamed: (name) => read.nameCandidates(name).filter((c) => c.name === name.trim()).map((c) => c.personId),
    peopleNear: (name) => near.get(name.trim()) ?? [],
    caseExists: (id) => read.caseById(id) !== undefined,
    caseByRef: (ref) => read.caseByRef(ref)?.id,
    sourceExists: (id) => read.sourceById(id) !== undefined,
    sourcesFor: (text) => read.findSources(text).map((s) => s.id),
    sameEvent: (e) => sameEvent(store, e),
    recorded: (section, id) => store.snapshot(section, id)?.recorded as string | undefined,
    newId: (kind) => store.newId(kind),
    placeOf: (line) => places.of(line),
  };
}

function sameEvent(store: SqliteStore, e: Parameters<Lookup['sameEvent']>[0]): string | undefined {
  const rows = (e.people.length > 0
    ? store.db.prepare(`SELECT e.id FROM event_people ep JOIN events e ON e.id = ep.event_id
        WHERE ep.person_id = ? AND e.case_id IS ? AND e.type = ? AND e.date = ? AND e.date_approx = ? AND e.summary = ?`)
      .pluck().all(e.people[0], e.case, e.type, e.date, e.approximate ? 1 : 0, e.summary)
    : store.db.prepare(`SELECT id FROM events WHERE case_id IS ? AND whole_case = 1 AND type = ? AND date = ? AND date_approx = ? AND summary = ?`)
      .pluck().all(e.case, e.type, e.date, e.approximate ? 1 : 0, e.summary)) as string[];
  const peopleOf = store.db.prepare('SELECT person_id FROM event_people WHERE event_id = ?').pluck();
  const wanted = [...e.people].sort().join(' ');
  return rows.find((id) => (peopleOf.all(id) as string[]).sort().join(' ') === wanted);
}

function describeProblems(file: string, problems: Problem[], places: SheetPlaces): string {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const rows = new Set(sorted.map((p) => p.line)).size;
  // One line, as every message is: the problems one after another, each with its row and column.
  const shown = sorted.slice(0, MAX_SHOWN).map((p) => `${places.of(p.line)}${p.column ? `, column ${p.column}` : ''}: ${p.message}`);
  const more = sorted.length > MAX_SHOWN ? [`and ${sorted.length - MAX_SHOWN} more`] : [];
  return `${file}: ${count(rows, 'row')} cannot be imported, so nothing was imported: ${[...shown, ...more].join('; ')}`;
}

/** Earlier names of a sheet scored against a new one, those sharing the most name keys with it. */
const SHEET_CANDIDATES = 20;

/** The new names met so far in a sheet, found again by their name keys. */
class SheetNames {
  private readonly byKey = new Map<string, Array<{ name: string; line: number }>>();
  private readonly names = new Set<string>();

  /**
   * Earlier names close to this one, not merely the same name in other case or spacing (refused on its
   * own). As a stored name's lookup does, only the names sharing the most keys with it are scored: a
   * sheet of three thousand people named Mohammed scored each against all the others (1 min 44 s).
   */
  near(name: string): Array<{ name: string; line: number; detail: string }> {
    const shared = new Map<{ name: string; line: number }, number>();
    for (const key of nameKeys(name)) for (const e of this.byKey.get(key) ?? []) shared.set(e, (shared.get(e) ?? 0) + 1);
    const found: Array<{ name: string; line: number; detail: string }> = [];
    const best = [...shared].sort((a, b) => b[1] - a[1] || a[0].line - b[0].line).slice(0, SHEET_CANDIDATES);
    for (const [e] of best) {
      if (asTyped(e.name).toLowerCase() === asTyped(name).toLowerCase()) continue;
      const match = scoreName(name, e.name);
      if (match && match.score >= PLAUSIBLE_MATCH) found.push({ ...e, detail: match.detail });
    }
    return found.sort((a, b) => a.line - b.line);
  }

  add(name: string, line: number): void {
    if (this.names.has(name)) return;
    this.names.add(name);
    const entry = { name, line };
    for (const key of nameKeys(name)) {
      const list = this.byKey.get(key) ?? [];
      list.push(entry);
      this.byKey.set(key, list);
    }
  }
}
