// caselog import FILE.csv: people or events (the header says which). Every bad row is reported
// with its row and column, and then nothing is imported; otherwise all rows go in in one
// transaction. Rows whose id exists update that record, so re-importing an export changes nothing.
import { readFileSync } from 'node:fs';
import type { Context } from '../context';
import { printJson, say } from '../context';
import { UsageError, UserError } from '../errors';
import { eventRecords, personRecords, type Lookup, type NearNames, type Resolved } from '../exchange/csv-links';
import { Cells, detectTable, type Problem } from '../exchange/csv-read';
import type { SheetPlaces } from '../exchange/csv-places';
import { readSheet } from '../exchange/csv-sheet';
import { inputName, onceInput } from '../exchange/stdin';
import { sheetText } from '../exchange/sheet-text';
import { readEventRow, readPersonRow, type EventDraft, type PersonDraft } from '../exchange/csv-rows';
import { importRecords } from '../store/import';
import { sheetRowTwin } from '../store/import-same-event';
import { countsLine, datedToday, datedTodayNote, derivedNote, statusStaysNote, twinNotes } from './import-notes';
import { dayIso } from '../domain/dates';
import { keepWhatTheSheetLacks, sheetGaps, unlikeStored } from './import-csv-gaps';
import type { SqliteStore } from '../store/sqlite-store';
import { count } from '../render/style';
import { nearNames } from './import-csv-near';
import { keptNamesNotes, replacedNotes, unlikeTracked } from './import-refusal';
import { peopleCalled, peopleNamed, personMeant } from './import-csv-names';
import { wholeSheetIds } from './import-csv-ids';
import { sheetErased } from './import-csv-erased';
import { skippedNotes } from './import-erased';

const MAX_SHOWN = 20;

export async function importCsv(ctx: Context, store: SqliteStore, file: string, opts: { newPeople: boolean; replace: boolean; restoreErased: boolean; skipErased: boolean; dryRun: boolean }): Promise<void> {
  const { header, body, places } = readSheet(inputName(file), readInput(file));
  // Standard input ("-") is "the input" in every message, as an export's import says it.
  const named = inputName(file);
  const detected = detectTable(header);
  if ('error' in detected) throw new UserError(`${named}, ${places.ofRecord(0)}: ${detected.error}; nothing was imported`);
  const { table } = detected;
  if (opts.newPeople && table !== 'people') throw new UsageError(`--new goes with a CSV of people; ${named} holds ${table}`);
  const problems: Problem[] = [];
  let drafts: Array<PersonDraft | EventDraft> = [];
  const derived = new Map<string, Map<string, string>>();
  body.forEach((row, i) => {
    const cells = new Cells(header, row, places.starts[i + 1] ?? i + 2);
    if (cells.isBlank()) return;
    const draft = table === 'people' ? readPersonRow(cells, ctx.today) : readEventRow(cells);
    problems.push(...cells.problems);
    drafts.push(draft);
    if (cells.derived.size > 0) derived.set(places.of(cells.line), cells.derived);
  });

  // Ids as commands take them (a unique prefix, the short form show prints), before anything reads them.
  wholeSheetIds(store.read, table === 'people' ? 'people' : 'events', drafts, problems, (line) => places.of(line));
  // Rows about someone erased here: refused, or taken without them (--skip-erased), before names are read.
  const erased = sheetErased(store, table === 'people' ? 'people' : 'events', drafts, problems, opts, (line) => places.of(line));
  drafts = erased.drafts;
  // A new person's name close to someone tracked, or to an earlier new row's: refused without --new.
  const near = table === 'people' && !opts.newPeople ? await nearNames(store, drafts as PersonDraft[], problems, (line) => places.of(line)) : new Map<string, NearNames>();
  const { counts, notes } = store.write(() => {
    const lookup = storeLookup(store, near, places, opts.newPeople);
    const records: Resolved[] = table === 'people'
      ? personRecords(drafts as PersonDraft[], lookup, problems)
      : eventRecords(drafts as EventDraft[], lookup, problems);
    const gaps = sheetGaps(table === 'people' ? 'people' : 'events', header);
    for (const r of records) {
      const unlike = r.unlessSame && unlikeStored(store, r, gaps);
      if (unlike) problems.push({ ...r.unlessSame!.problem, message: unlikeTracked(r.unlessSame!.name, unlike) });
    }
    if (problems.length > 0) throw new UserError(describeProblems(named, problems, places));
    keepWhatTheSheetLacks(store, gaps, records);
    const today = dayIso(ctx.today);
    const dated = table === 'people' ? datedToday(store, records, new Map((drafts as PersonDraft[]).map((d) => [places.of(d.line), d.supplied])), today) : undefined;
    erased.putBack(records);
    const counts = importRecords(store, records, named, undefined, opts.replace, opts.restoreErased, false, true, [], erased.skip);
    const worked = records.flatMap((r) => (derived.has(r.where) ? [{ id: r.record.id as string, cells: derived.get(r.where)! }] : []));
    const stays = table === 'events' ? statusStaysNote(store, records, today) : [];
    return { counts, notes: [...twinNotes(counts, opts.dryRun), ...replacedNotes(counts, opts.dryRun), ...keptNamesNotes(counts), ...derivedNote(store, worked), ...(dated ? datedTodayNote(dated, today, opts.dryRun) : []), ...stays, ...skippedNotes(counts, opts.dryRun)] };
  });
  const { twins: _twins, twinCount: _twinCount, replaced: _replaced, replacedCount: _replacedCount, namesKept: _kept, namesKeptCount: _keptCount, loggedBatch: _batch, ...shown } = counts;
  if (ctx.json) printJson(ctx, { table, ...shown, ...(opts.dryRun ? { dryRun: true } : {}), notes: notes.map((n) => n.replace(/^note: /, '')) });
  say(ctx, countsLine(`${table} from ${named}`, counts, opts.dryRun));
  for (const note of notes) say(ctx, note);
}

function readInput(file: string): string {
  let bytes: Buffer;
  try {
    // Standard input or a pipe: the bytes its format was told by come first (src/exchange/stdin.ts).
    const once = onceInput(file);
    try {
      bytes = once ? once.all() : readFileSync(file);
    } finally {
      once?.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `no file ${file}` : `cannot read ${file}: ${code}`);
  }
  return sheetText(bytes, inputName(file));
}

function storeLookup(store: SqliteStore, near: Map<string, NearNames>, places: SheetPlaces, allNew: boolean): Lookup {
  const { read } = store;
  return {
    person: (id) => read.personById(id),
    peopleNamed: (name) => peopleNamed(store, name),
    peopleCalled: (name) => peopleCalled(store, name),
    personMeant: (name) => personMeant(store, name),
    peopleNear: (name) => near.get(name.trim()) ?? { tracked: [], rows: [] },
    allNew,
    caseExists: (id) => read.caseById(id) !== undefined,
    caseByRef: (ref) => read.caseByRef(ref)?.id,
    sourceExists: (id) => read.sourceById(id) !== undefined,
    sourcesFor: (text) => read.findSources(text).map((s) => s.id),
    sameEvent: (e) => sheetRowTwin(store.db, e),
    recorded: (section, id) => store.snapshot(section, id)?.recorded as string | undefined,
    newId: (kind) => store.newId(kind),
    placeOf: (line) => places.of(line),
  };
}

function describeProblems(file: string, problems: Problem[], places: SheetPlaces): string {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const rows = new Set(sorted.map((p) => p.line)).size;
  // One line, as every message is: the problems one after another, each with its row and column.
  const shown = sorted.slice(0, MAX_SHOWN).map((p) => `${places.of(p.line)}${p.column ? `, column ${p.column}` : ''}: ${p.message}`);
  const more = sorted.length > MAX_SHOWN ? [`and ${sorted.length - MAX_SHOWN} more`] : [];
  return `${file}: ${count(rows, 'row')} cannot be imported, so nothing was imported: ${[...shown, ...more].join('; ')}`;
}
