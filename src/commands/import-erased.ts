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
import type { ErasedMark } from '../exchange/erased';
import { lostThere, statusesNow, trackedThere, triedAndTakenBack, type LostThere } from '../store/erased-there';
import { inSentence } from '../domain/text';

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
  const left = parts.length > 0 ? `${dryRun ? 'would leave' : 'left'} out ${inSentence(parts)}` : '';
  const shared = s.shared > 0
    ? `${count(s.shared, 'record')} that named them with others ${dryRun ? 'would be' : s.shared === 1 ? 'was' : 'were'} taken without them (their names replaced by [erased])`
    : '';
  return [`note: --skip-erased ${[left, shared].filter(Boolean).join('; ')}`];
}

export function erasedNotes(store: SqliteStore, counts: ImportCounts, dryRun: boolean, statusesBefore?: Map<string, string>): string[] {
  const notes: string[] = [];
  const taken = counts.erasesTakenOver ?? 0;
  if (taken > 0) {
    notes.push(`note: the file carries ${count(taken, 'erase')} made for someone's safety where it comes from: this database ${dryRun ? 'would refuse' : 'now refuses'} ` +
      'the erased records too, whatever file still holds them (an older export, a colleague\'s)');
  }
  const ids = (counts.erasedThereTrackedHere ?? []).filter((id) => store.read.personById(id));
  const lost = statusesBefore ? lostThere(store, ids, statusesBefore, counts.loggedBatch) : ids.map((id) => ({ id, events: [], statusBefore: '', statusAfter: '' }));
  for (const l of lost) {
    const short = shortId(l.id);
    const what = lostText(l, dryRun ? 'would' : 'did');
    const after = !what ? '' : dryRun ? `${what}; to keep them as they are here, import without --replace (refused then, nothing taken); `
      : `${what}: caselog undo takes the import back; `;
    notes.push(`note: ${erasedThere(store, l.id)}: ${after}caselog erase ${short} if they should go from here too`);
  }
  return notes;
}

const erasedThere = (store: SqliteStore, id: string) =>
  `${store.read.personById(id)?.name ?? id} [${shortId(id)}] was erased for their safety in the database the file comes from, and is still tracked here`;

/** "the import took them off 1 event here (e-...) and their status went from detained to unknown"; empty when nothing of theirs changes. */
function lostText(l: LostThere, mood: 'would' | 'did'): string {
  const events = l.events.length > 0 ? `${mood === 'did' ? 'took' : 'would take'} them off ${count(l.events.length, 'record')} here (${l.events.map(shortId).join(', ')})` : '';
  const status = l.statusBefore !== l.statusAfter ? `their status ${mood === 'did' ? 'went' : 'would go'} from ${l.statusBefore} to ${l.statusAfter}` : '';
  if (!events && !status) return '';
  return `the import ${[events, status].filter(Boolean).join(' and ')}`;
}

/**
 * A refused import (records here differ) of a file whose database erased someone tracked here: the
 * --replace it offers would take the file's versions of what they shared, rewritten there without
 * them. Tried and taken back, to say what it would do to them; nothing when it cannot be tried again
 * (a pipe, read once) or fails for another reason (the refusal says that one).
 */
export async function refusedErasedThere(store: SqliteStore, file: string, marks: ErasedMark[], replaceRun: () => Promise<ImportCounts>): Promise<string[]> {
  const ids = trackedThere(store, marks);
  if (ids.length === 0) return [];
  const said = (lost: Array<{ id: string; text: string }>) => lost.map((l) => `${erasedThere(store, l.id)}: ${l.text || '--replace would leave what is theirs here as it is'}; ` +
    `to keep them as they are here, leave out --replace (nothing of the file is taken then); if they should go from here too, caselog erase ${shortId(l.id)} first`);
  if (readOnce(file)) return said(ids.map((id) => ({ id, text: '--replace would take the file\'s versions of the records they share with others, without them' })));
  const before = statusesNow(store, ids);
  try {
    const lost = await triedAndTakenBack(store, async () => {
      const counts = await replaceRun();
      return lostThere(store, ids, before, counts.loggedBatch);
    });
    return said(lost.map((l) => ({ id: l.id, text: lostText(l, 'would').replace(/^the import /, '--replace ') })));
  } catch {
    return said(ids.map((id) => ({ id, text: '--replace would take the file\'s versions of the records they share with others, without them' })));
  }
}
