// An import refused for what it would take back here: the records it would overwrite or bring back.
// Carried as data, with the moment each record was last edited here as the change log holds it (UTC):
// the command words it, that moment as the reader's local day, as log shows it.
import { UserError } from '../errors';
import type { PersonChanges } from './import-person';

/**
 * A stored record the file differs from: what it is, the fields that differ, when it was last edited
 * here (ISO, UTC); of a person, their names and risks value by value (not among the fields).
 */
export interface Overwrite { record: string; id: string; fields: string[]; editedAt?: string; person?: PersonChanges }

export class ImportRefused extends UserError {
  constructor(
    readonly label: string,
    readonly overwritten: { listed: Overwrite[]; count: number },
    readonly cameBack: { listed: string[]; count: number },
  ) {
    super(`${label}: records here differ from the file's; nothing was imported. To take the file's version, give --replace`);
  }
}
