// An import and erases: --skip-erased (src/store/import-skip-erased.ts), and what the import says of
// the erases the file's database made, which this one now refuses too (src/store/erased-memory.ts),
// of anyone tracked here whom that database erased, and of what --skip-erased left out.
import { readOnce } from '../exchange/stdin';
import { shortId } from '../domain/ids';
import { UsageError } from '../errors';
import { readExport } from '../exchange/read';
import type { ImportCounts } from '../store/import-report';
import { erasedInFile, WithoutErased } from '../store/import-skip-erased';
import type { SqliteStore } from '../store/sqlite-store';
import { count } from '../render/style';

export function checkSkipErased(file: string, format: string, opts: { skipErased?: boolean; restoreErased?: boolean }): void {
  if (!opts.skipErased) return;
  if (opts.restoreErased) throw new UsageError('--skip-erased leaves out people erased here, --restore-erased brings them back: give one of the two');
  // An export's people come after the cases and sources, whose texts may name them: read first, then
  // imported. A sheet is read whole, once (import-csv-erased.ts).
  if (format === 'json' && readOnce(file)) throw new UsageError('--skip-erased reads the file twice: give its path, not - (standard input) or a pipe');
}


/** Who of the file was erased here, read from it before the import. */
export function withoutErased(store: SqliteStore, file: string): WithoutErased {
  return new WithoutErased(store.db, erasedInFile(store.db, readExport(file)));
}

/** What --skip-erased left out, and what it took without them. */
export function skippedNotes(counts: ImportCounts, dryRun: boolean): string[] {
  const s = counts.skippedErased;
  if (!s || s.people + s.alone + s.documents + s.shared === 0) return [];
  const parts = [
    ...(s.people > 0 ? [`${count(s.people, 'person', 'people')} erased here for their safety`] : []),
    ...(s.alone > 0 ? [`${count(s.alone, 'record')} about them alone`] : []),
    ...(s.documents > 0 ? [`${count(s.documents, 'source')} holding the original of a document an erase rewrote here (the rewritten copy here stands; the file's events cite no original)`] : []),
  ];
  const left = parts.length > 0 ? `${dryRun ? 'would leave' : 'left'} out ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}` : parts[0]!}` : '';
  const shared = s.shared > 0
    ? `${count(s.shared, 'record')} that named them with others ${dryRun ? 'would be' : s.shared === 1 ? 'was' : 'were'} taken without them (their names replaced by [erased])`
    : '';
  return [`note: --skip-erased ${[left, shared].filter(Boolean).join('; ')}`];
}

export function erasedNotes(store: SqliteStore, counts: ImportCounts, dryRun: boolean): string[] {
  const notes: string[] = [];
  const taken = counts.erasesTakenOver ?? 0;
  if (taken > 0) {
    notes.push(`note: the file carries ${count(taken, 'erase')} made for someone's safety where it comes from: this database ${dryRun ? 'would refuse' : 'now refuses'} ` +
      'the erased records too, whatever file still holds them (an older export, a colleague\'s)');
  }
  for (const id of counts.erasedThereTrackedHere ?? []) {
    const person = store.read.personById(id);
    if (!person) continue;
    notes.push(`note: ${person.name} [${shortId(id)}] was erased for their safety in the database the file comes from, and is still tracked here: ` +
      `caselog erase ${shortId(id)} if they should go from here too`);
  }
  return notes;
}
