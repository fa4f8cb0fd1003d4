// What an import says of the people of the file merged here into another (src/store/import-merged-here.ts).
import { shortId } from '../domain/ids';
import type { ImportCounts, MergedHere } from '../store/import-report';
import type { SqliteStore } from '../store/sqlite-store';
import { count } from '../render/style';

/** "its 1 new event and 2 new deadlines go to them", or that nothing of theirs is brought back. */
function goes(m: MergedHere, dryRun: boolean): string {
  const what = [...(m.events ? [count(m.events, 'new event')] : []), ...(m.deadlines ? [count(m.deadlines, 'new deadline')] : [])];
  if (what.length === 0) return dryRun ? 'it would be taken as them, not brought back' : 'taken as them, not brought back';
  const one = m.events + m.deadlines === 1;
  return `its ${what.join(' and ')} ${dryRun ? 'would go' : one ? 'goes' : 'go'} to them`;
}

/**
 * "person Qaster Musakhan [p-8eef8s09] of the file was merged here into Kaster Musakhanuly
 * [p-2gr6qxb5]: its 1 new event goes to them". The file's name for them is its own; without their
 * record in the file, the id alone.
 */
export function mergedHereNotes(store: SqliteStore, counts: ImportCounts, dryRun: boolean): string[] {
  const notes = (counts.mergedHere ?? []).map((m) => {
    const into = store.read.personById(m.into);
    const who = `person ${m.name ? `${m.name} [${shortId(m.file)}]` : shortId(m.file)}`;
    const kept = into ? `${into.name} [${shortId(m.into)}]` : shortId(m.into);
    return [
      `note: ${who} of the file was merged here into ${kept}: ${goes(m, dryRun)}`,
      ...(m.taken ? [`note: ${kept} ${dryRun ? 'would take' : 'takes'} from the file's record of ${m.name ?? shortId(m.file)}: ${m.taken.join(', ')}`] : []),
      ...(m.left ? [`note: ${kept} keeps their own, not the file's record of ${m.name ?? shortId(m.file)}: ${m.left.join('; ')}`] : []),
    ];
  }).flat();
  const more = (counts.mergedHereCount ?? 0) - notes.length;
  return more > 0 ? [...notes, `note: and ${count(more, 'more person', 'more people')} of the file merged here into another, taken as them`] : notes;
}
