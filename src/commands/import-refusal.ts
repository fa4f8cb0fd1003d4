// The words of an import refused for what it would take back here (ImportRefused), with the day each
// record was last edited here in the reader's local time, as log shows that change; and, after a
// --replace (or its dry run), the same list of what it took (would take) over what was here, and
// the names here a file lacks, which stay.
import { UserError } from '../errors';
import { changeDay } from '../render/change-time';
import { shortId } from '../domain/ids';
import type { ImportRefused, Overwrite } from '../store/import-refused';
import type { PersonChanges } from '../store/import-person';
import type { ImportCounts } from '../store/import-report';
import { count } from '../render/style';
import { shellWord } from './hints';

const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

/**
 * A person's names and risks, value by value: 'names: adds "Xemit Memet", keeps "..." though the
 * file lacks it; risks here not in the file: death-penalty'. `done`: said after a --replace took them.
 */
function personText(p: PersonChanges, done: boolean): string[] {
  // The name they were known by is said once, as the one that stays another name.
  const kept = p.kept.filter((n) => n !== p.renamed?.from);
  const names = [
    ...(p.renamed ? [`known by "${p.renamed.to}" instead of "${p.renamed.from}", which stays another name`] : []),
    ...(p.added.length ? [`adds ${quoted(p.added)}`] : []),
    ...(p.notes.length ? [`changes the note of ${quoted(p.notes)}`] : []),
    ...(kept.length ? [`keeps ${quoted(kept)} though the file lacks ${kept.length === 1 ? 'it' : 'them'}, as an import takes no name away`] : []),
  ];
  return [
    ...(names.length ? [`names: ${names.join(', ')}`] : []),
    ...(p.risksGone.length ? [`risks here not in the file${done ? ', taken away' : ''}: ${p.risksGone.join(', ')}`] : []),
    ...(p.risksAdded.length ? [`risks the file adds: ${p.risksAdded.join(', ')}`] : []),
  ];
}

/** The fields a refusal lists, in words: "done date", not doneOn (the others are words as they are). */
const FIELD_WORDS: Record<string, string> = {
  doneOn: 'done date', statusOn: 'status date', ageOn: 'age date', born: 'date of birth', closeReason: 'reason closed', copiesTo: 'copies to',
  ref: 'reference', url: 'URL', warn: 'advance warning', hash: 'document text', text: 'document text', actions: 'requests',
};
const fieldsInWords = (fields: string[]) => [...new Set(fields.map((f) => FIELD_WORDS[f] ?? f))].join(', ');

/** "age; risks here not in the file: torture; edited here 24 November 2026". */
function overwriteNotes(o: Overwrite, done = false): string[] {
  return [
    ...(o.fields.length ? [fieldsInWords(o.fields)] : []),
    ...(o.person ? personText(o.person, done) : []),
    ...(o.editedAt ? [`edited here ${changeDay(o.editedAt)}`] : []),
  ];
}

/** "person Kasim Mahpir [p-54a262vz] (age; risks here not in the file: torture; edited here 24 November 2026)". */
function overwriteText(o: Overwrite, done = false): string {
  const notes = overwriteNotes(o, done);
  return `${o.record}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

/**
 * A sheet's row without an id, under the name of one tracked person, that says otherwise than they
 * do: what differs, and both ways on (it may be them, edited since, or a namesake).
 */
export function unlikeTracked(name: string, o: Overwrite): string {
  return `${JSON.stringify(name)} is already tracked (${o.id}), and the row differs from what is stored: ${overwriteNotes(o).join('; ')}; ` +
    `if the row is them, put the id in the id column and import with --replace to take the row's version; ` +
    `if it is another person of that name, add them with caselog add person ${JSON.stringify(name)} --new`;
}

/** `also`: more the user must know before a --replace (someone the file's database erased, import-erased.ts). */
export function importRefusal(refused: ImportRefused, also: string[] = []): UserError {
  const { label, overwritten, cameBack } = refused;
  const more = (count: number, listed: string[]) => `${listed.join('; ')}${count > listed.length ? `; and ${count - listed.length} more` : ''}`;
  const parts = [
    ...(overwritten.count > 0 ? [`${overwritten.count === 1 ? '1 record here differs' : `${overwritten.count} records here differ`} from the file's and would be overwritten: ${more(overwritten.count, overwritten.listed.map((o) => overwriteText(o)))}`] : []),
    // Undone too: undoing an import (or an add) takes its records away as a delete does.
    ...(cameBack.count > 0 ? [`${cameBack.count === 1 ? '1 record deleted or undone here' : `${cameBack.count} records deleted or undone here`} would come back: ${more(cameBack.count, cameBack.listed)}`] : []),
    ...also,
  ];
  return new UserError(`${label}: ${parts.join('; ')}; nothing was imported. To take the file's version, give --replace (caselog undo takes an import back)`);
}

/**
 * After a --replace, what it took over what was here, record by record, as the refusal would have
 * listed it: the counts alone hid a risk taken away. A risk that went is given the command that
 * puts it back, should it still hold; a dry run says what would be taken.
 */
export function replacedNotes(counts: ImportCounts, dryRun: boolean): string[] {
  const notes = (counts.replaced ?? []).map((o) => {
    const gone = dryRun ? [] : o.person?.risksGone ?? [];
    const them = gone.length === 1 ? 'it' : 'them';
    const back = gone.length ? `: should ${them} still hold, caselog risk ${shellWord(shortId(o.id))} ${gone.map((r) => `--add ${r}`).join(' ')} puts ${them} back` : '';
    return `note: ${dryRun ? 'would take' : 'took'} the file's version of ${overwriteText(o, !dryRun)}${back}`;
  });
  const more = (counts.replacedCount ?? 0) - notes.length;
  return more > 0 ? [...notes, `note: and ${count(more, 'more record')} of the file ${dryRun ? 'would be' : 'were'} taken over the one here`] : notes;
}

/**
 * People the file leaves as they are, but for other names here it lacks: said, for a sheet edited to
 * take a name away would otherwise read "unchanged" without a word.
 */
export function keptNamesNotes(counts: ImportCounts): string[] {
  const notes = (counts.namesKept ?? []).map(({ record, kept }) =>
    `note: ${record} keeps ${quoted(kept)} though the file lacks ${kept.length === 1 ? 'it' : 'them'}: an import takes no name away (caselog person unalias does)`);
  const more = (counts.namesKeptCount ?? 0) - notes.length;
  return more > 0 ? [...notes, `note: and ${count(more, 'more person', 'more people')} keep other names the file lacks`] : notes;
}
