// What an import says of erases: those the file's database made, which this one now refuses too
// (src/store/erased-memory.ts), and anyone tracked here whom that database erased.
import { shortId } from '../domain/ids';
import type { ImportCounts } from '../store/import-report';
import type { SqliteStore } from '../store/sqlite-store';
import { count } from '../render/style';

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
