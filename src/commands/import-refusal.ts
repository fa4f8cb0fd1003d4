// The words of an import refused for what it would take back here (ImportRefused), with the day each
// record was last edited here in the reader's local time, as log shows that change.
import { UserError } from '../errors';
import { changeDay } from '../render/change-time';
import type { ImportRefused, Overwrite } from '../store/import-refused';

/** "person Kasim Mahpir [p-54a262vz] (names, risks; edited here 24 November 2026)". */
function overwriteText(o: Overwrite): string {
  const notes = [...(o.fields.length ? [o.fields.join(', ')] : []), ...(o.editedAt ? [`edited here ${changeDay(o.editedAt)}`] : [])];
  return `${o.record}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

export function importRefusal(refused: ImportRefused): UserError {
  const { label, overwritten, cameBack } = refused;
  const more = (count: number, listed: string[]) => `${listed.join('; ')}${count > listed.length ? `; and ${count - listed.length} more` : ''}`;
  const parts = [
    ...(overwritten.count > 0 ? [`${overwritten.count === 1 ? '1 record here differs' : `${overwritten.count} records here differ`} from the file's and would be overwritten: ${more(overwritten.count, overwritten.listed.map(overwriteText))}`] : []),
    // Undone too: undoing an import (or an add) takes its records away as a delete does.
    ...(cameBack.count > 0 ? [`${cameBack.count === 1 ? '1 record deleted or undone here' : `${cameBack.count} records deleted or undone here`} would come back: ${more(cameBack.count, cameBack.listed)}`] : []),
  ];
  return new UserError(`${label}: ${parts.join('; ')}; nothing was imported. To take the file's version, give --replace (caselog undo takes an import back)`);
}
