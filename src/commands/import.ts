// caselog import FILE: all or nothing, idempotent, matched by id.
import { basename, dirname, extname, join } from 'node:path';
import type { Context } from '../context';
import { printJson, say } from '../context';
import { UsageError, UserError } from '../errors';
import { checkReadable, readExport } from '../exchange/read';
import { changesMark, importExport, peopleAfter, peopleMark, peopleUpdatedSince } from '../store/import';
import type { ImportCounts } from '../store/import-report';
import { cancellable, type Point } from './cancel';
import { ImportRefused } from '../store/import-refused';
import { importRefusal, keptNamesNotes, replacedNotes } from './import-refusal';
import { joinedApartNotes } from './import-joined-notes';
import { countsLine, sameDocumentNotes, sameHappeningNotes, twinNotes } from './import-notes';
import { alsoHereNotes } from './import-also-here-notes';
import { mergedHereNotes } from './import-merged-notes';
import { checkSkipErased, erasedNotes, refusedErasedThere, skippedNotes, withoutErased } from './import-erased';
import { statusesNow } from '../store/erased-there';
import type { ErasedMark } from '../exchange/erased';
import { shortId } from '../domain/ids';
import { nearPeople, type Near } from './duplicates';
import { sameButCase } from '../domain/names-case';
import type { SqliteStore } from '../store/sqlite-store';
import { keepMemorySteady } from './steady-memory';
import { headerVersion, readHead } from '../store/trust-key';
import { inputName, onceInput, readOnce, refuseTerminalInput } from '../exchange/stdin';
import { SCHEMA_VERSION } from '../store/schema';
import { searchAll, shellWord } from './hints';

export async function importCommand(
  ctx: Context, file: string,
  opts: { format?: string; new?: boolean; replace?: boolean; restoreErased?: boolean; skipErased?: boolean; joinCases?: boolean; dryRun?: boolean },
) {
  refuseTerminalInput(file, ctx.stdinIsTerminal, 'give the file to import (caselog import FILE), or pipe it in (caselog import - < FILE)');
  // Before standard input or a pipe is looked into for its format: --skip-erased reads the file twice.
  if (opts.skipErased) checkSkipErased(file, opts.format ?? 'json', opts);
  const format = opts.format ?? formatOf(file);
  if (format !== 'json' && format !== 'csv') throw new UsageError(`unknown --format "${format}": use json or csv`);
  if (opts.new && format !== 'csv') throw new UsageError('--new goes with a CSV of people: an export\'s records are matched by id');
  if (opts.joinCases && format !== 'json') throw new UsageError('--join-cases goes with a JSON export: a CSV sheet names its cases by reference, which finds the case here already');
  checkSkipErased(file, format, opts);
  // Before the database is opened (and, on first use, created): a refused import leaves no file.
  checkReadable(file);
  refuseDatabaseFile(file);
  keepMemorySteady();
  const store = await ctx.openStore({ create: true });
  const how = {
    newPeople: Boolean(opts.new), replace: Boolean(opts.replace), restoreErased: Boolean(opts.restoreErased), skipErased: Boolean(opts.skipErased),
    joinCases: Boolean(opts.joinCases), dryRun: Boolean(opts.dryRun),
  };
  try {
    // A dry run imports and takes it all back, so that its checks, counts and notes are the import's own.
    const run = (point: Point) => (how.dryRun ? store.rehearse(() => importInto(ctx, store, file, format, how, point), point) : importInto(ctx, store, file, format, how, point));
    // Ctrl-C or kill during an export's import: heard every few thousand records, and the import
    // rolled back whole (cancel.ts). A sheet, read in one step, is stopped at once as before.
    await (format === 'json'
      ? cancellable(ctx, { undone: 'nothing was imported', late: how.dryRun ? 'the dry run had finished when the cancel came (it imports nothing)' : 'the import was already saved when the cancel came (caselog undo takes it back)' }, run)
      : run(async () => {}));
    if (how.dryRun) store.discardIfUnused();
  } catch (error) {
    // A database this command created for a file it then refused would be an empty one left behind.
    store.discardIfUnused();
    throw error instanceof ImportRefused ? importRefusal(error) : error;
  }
}

interface How { newPeople: boolean; replace: boolean; restoreErased: boolean; skipErased: boolean; joinCases: boolean; dryRun: boolean }

async function importInto(ctx: Context, store: SqliteStore, file: string, format: 'json' | 'csv', how: How, point: Point) {
  if (format === 'csv') return (await import('./import-csv')).importCsv(ctx, store, file, how);
  const { replace, restoreErased, joinCases } = how;
  // Standard input ("-") is "the input" in what is said and logged.
  const label = inputName(file);
  const progress = ctx.interactive ? (n: number) => ctx.stderr.write(`\r${n.toLocaleString('en')} records…`) : undefined;
  const before = peopleMark(store);
  const changesBefore = changesMark(store);
  const erased: ErasedMark[] = [];
  const skip = how.skipErased ? withoutErased(store, file) : undefined;
  let counts: ImportCounts;
  // Someone the file's database erased may lose what they share with others here: said before and after a --replace.
  const statusesBefore = replace ? statusesNow(store) : undefined;
  try {
    counts = await importExport(store, readExport(file, (mark) => erased.push(mark)), label, point, progress, replace, restoreErased, joinCases, erased, skip);
  } catch (error) {
    if (!(error instanceof ImportRefused)) throw error;
    const also = await refusedErasedThere(store, file, erased, () => importExport(store, readExport(file), label, point, undefined, true, restoreErased, joinCases, [],
      how.skipErased ? withoutErased(store, file) : undefined));
    throw also.length > 0 ? importRefusal(error, also) : error;
  } finally {
    // A message after the count of records starts at the line's start.
    if (progress) ctx.stderr.write('\r');
  }
  const notes = [
    ...twinNotes(counts, how.dryRun),
    ...sameHappeningNotes(counts, how.dryRun),
    ...sameDocumentNotes(counts, how.dryRun),
    ...alsoHereNotes(counts, how.dryRun),
    ...mergedHereNotes(store, counts, how.dryRun),
    ...replacedNotes(counts, how.dryRun),
    ...keptNamesNotes(counts),
    ...(before > 0 ? await likelySame(store, before, how.dryRun) : []),
    ...(counts.updated > 0 ? namesShared(store, changesBefore, how.dryRun) : []),
    ...joinedApartNotes(store, counts, ctx.today, how.dryRun),
    ...erasedNotes(store, counts, how.dryRun, statusesBefore),
    ...skippedNotes(counts, how.dryRun),
  ];
  // Under --json the notes are part of the answer (a script would not read them on stderr).
  const {
    twins: _twins, twinCount: _twinCount, sameDocuments: _same, sameDocumentCount: _sameCount, joinedApart: _apart, joinedApartCount: _apartCount,
    alsoHere: _also, alsoHereCount: _alsoCount, replaced: _replaced, replacedCount: _replacedCount, namesKept: _kept, namesKeptCount: _keptCount,
    mergedHere: _merged, mergedHereCount: _mergedCount, sameHappenings: _happenings, sameHappeningCount: _happeningCount, loggedBatch: _batch, ...shown
  } = counts;
  if (ctx.json) printJson(ctx, { ...shown, ...(how.dryRun ? { dryRun: true } : {}), notes: notes.map((n) => n.replace(/^note: /, '')) });
  const joined = (counts.joined ? `; ${counts.joined === 1 ? '1 case' : `${counts.joined} cases`} joined to the one here of the same reference` : '') +
    (counts.plansKept ? ` (${counts.plansKept === 1 ? 'its appeal plan' : `${counts.plansKept} appeal plans`} left out: the case here keeps its own)` : '');
  say(ctx, countsLine(label, counts, how.dryRun, joined));
  for (const note of notes) say(ctx, note);
}

/**
 * A person the file updated may now hold a name that someone else here holds too: most often the
 * file's database merged two records into one, and this one still has the record merged away (which
 * at-risk lists as a person with no news, and which makes the name match two people). Said, with
 * the merge that would do here what was done there: after the import, in a dry run (the file's
 * version of the person is not here before it).
 */
function namesShared(store: SqliteStore, changesBefore: number, dryRun: boolean): string[] {
  const updated = peopleUpdatedSince(store, changesBefore, COMPARED + 1);
  if (updated.length > COMPARED) return [];
  const notes: string[] = [];
  for (const id of updated) {
    const person = store.read.personById(id)!;
    const others = new Map<string, string>();
    for (const { name } of person.names) {
      for (const c of store.read.nameCandidates(name)) if (c.name === name && c.personId !== id && !others.has(c.personId)) others.set(c.personId, name);
    }
    // Several others of one name: a name many people hold, not a merge made there; naming one of
    // them (the first found) with a merge would join two people.
    const holders = new Map<string, number>();
    for (const name of others.values()) holders.set(name, (holders.get(name) ?? 0) + 1);
    for (const [name, count] of holders) {
      if (count === 1) continue;
      notes.push(`note: ${person.name} [${shortId(id)}], ${dryRun ? 'once updated from the file, would share' : 'updated from the file, now shares'} the name "${name}" with ${count} other tracked people ` +
        `(list them all: ${searchAll(count + 1, name)})`);
    }
    for (const [otherId, name] of others) {
      if (holders.get(name)! > 1) continue;
      const other = store.read.personById(otherId)!;
      notes.push(`note: ${person.name} [${shortId(id)}], ${dryRun ? 'once updated from the file, would share' : 'updated from the file, now shares'} the name "${name}" with ${other.name} [${shortId(otherId)}] ` +
        `(were they merged where the file comes from?): if they are one person, ${dryRun ? 'after the import, ' : ''}caselog merge ${shortId(otherId)} ${shortId(id)}`);
    }
  }
  return notes.length > SHOWN
    ? [...notes.slice(0, SHOWN), `note: and ${notes.length - SHOWN} more people updated from the file who ${dryRun ? 'would share' : 'share'} a name with someone else here`]
    : notes;
}

/** Beyond this many people added, they are not each compared with those already tracked (a whole database moving). */
const COMPARED = 2000;
const SHOWN = 10;

/**
 * A colleague's export may track someone this database already tracks, under another id: the
 * import keeps both (records are matched by id), and says which of the people it added look like
 * someone already here, with the merge that would make them one. Each is compared only with the
 * people stored before the import, the best few that share a key with their names. After a dry run
 * the person is not here: the merge is for after the import.
 */
async function likelySame(store: SqliteStore, mark: number, dryRun: boolean): Promise<string[]> {
  const added = peopleAfter(store, mark, COMPARED + 1);
  if (added.length === 0 || added.length > COMPARED) return [];
  const notes: string[] = [];
  for (const person of added) {
    const all = await nearPeople(store, person.names.map((n) => n.name), (name) => store.read.namesBefore(name, mark));
    const [near] = all;
    if (!near) continue;
    if (all.length > 1) {
      notes.push(severalNear(person, all, dryRun));
      continue;
    }
    // The name someone here is known by, as another name of the file's person: what a merge leaves
    // (the one merged away keeps its names). Merged the same way here, the next exchange agrees;
    // the other way, the file's next export would bring back the one merged away here.
    if (person.names.some((n) => !n.primary && n.name === near.person.name)) {
      notes.push(`note: ${person.name} [${shortId(person.id)}], ${dryRun ? 'of the file' : 'just imported'}, holds the name "${near.person.name}" of ${near.person.name} [${shortId(near.person.id)}] here ` +
        `(were they merged where the file comes from?): if they are one person, ${dryRun ? 'after the import, ' : ''}caselog merge ${shortId(near.person.id)} ${shortId(person.id)}`);
      continue;
    }
    notes.push(`note: ${person.name} [${shortId(person.id)}], ${dryRun ? 'of the file' : 'just imported'}, may be ${near.person.name} [${shortId(near.person.id)}] ` +
      `(via "${near.through}", ${near.detail}): if they are one person, ${dryRun ? 'after the import, ' : ''}caselog merge ${shortId(person.id)} ${shortId(near.person.id)}`);
  }
  return notes.length > SHOWN
    ? [...notes.slice(0, SHOWN), `note: and ${notes.length - SHOWN} more people ${dryRun ? 'of the file' : 'just imported'} who may be someone already tracked`]
    : notes;
}

/**
 * A person of the file who may be any of several tracked here (33 people named Perhat Zordun): how
 * many, and the search listing them. The merge is left to the caseworker who finds which: one of them,
 * named with a merge, would be joined to someone else.
 */
function severalNear(person: { id: string; name: string }, near: Near[], dryRun: boolean): string {
  const { given, through } = near[0]!;
  const oneName = near.every((n) => sameButCase(n.through, through));
  // After the import the search finds the file's person too.
  const listed = searchAll(near.length + (dryRun ? 0 : 1), oneName ? through : given);
  return `note: ${person.name} [${shortId(person.id)}], ${dryRun ? 'of the file' : 'just imported'}, may be one of ${near.length} tracked people ${oneName ? `named ${through}` : 'with a name like theirs'} ` +
    `(list them all: ${listed}): if one of them is, merge the two by their ids${dryRun ? ' after the import' : ''}`;
}

/**
 * A database given to import (a colleague's backup, a sync program's conflicted copy) was read as a
 * sheet and refused as "not UTF-8 text". Its records come in through its export, not straight from
 * the file: opening it would upgrade an older one in place (writing to someone else's file), and it
 * may be encrypted with another passphrase; caselog's export of it deals with both.
 */
function refuseDatabaseFile(file: string): void {
  // Not a pipe: opened again once its writer is done, it would wait for another, for ever.
  if (readOnce(file)) return;
  const version = headerVersion(file);
  if (version === undefined) return;
  const json = join(dirname(file), `${basename(file, extname(file))}.json`);
  const route = `write its records out with: caselog --db ${shellWord(file)} export --format json --out ${shellWord(json)}, then: caselog import ${shellWord(json)}; nothing was imported`;
  throw new UserError(version >= 1 && version <= SCHEMA_VERSION
    ? `${file} is a caselog database, not an export: ${route}`
    : `${file} is an SQLite database, not an export or a sheet: if it is a caselog database, ${route}`);
}

/**
 * By the file's ending (.csv, .json), else by its first character: an export starts with "{", a
 * sheet saved as .txt with its header ("name,other_names") was read as JSON and refused as such,
 * and so was a sheet piped in (import -, <(...), /dev/stdin).
 */
function formatOf(file: string): 'json' | 'csv' {
  const lower = file.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.json')) return 'json';
  // Unreadable: the JSON reader says what is wrong with the path. A pipe is read once: its first
  // bytes are kept for the reader (src/exchange/stdin.ts).
  const text = (headOf(file)?.toString('utf8') ?? '').replace(/^\uFEFF/, '').trimStart();
  return text === '' || text.startsWith('{') ? 'json' : 'csv';
}

function headOf(file: string): Buffer | undefined {
  try {
    return onceInput(file)?.head(256) ?? readHead(file, 256);
  } catch {
    return undefined;
  }
}
