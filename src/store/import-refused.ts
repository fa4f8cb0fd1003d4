// An import refused for what it would take back here: the records it would overwrite or bring back.
// Carried as data, with the moment each record was last edited here as the change log holds it (UTC):
// the command words it, that moment as the reader's local day, as log shows it.
import { UserError } from '../errors';

/** A stored record the file differs from: what it is, the fields that differ, when it was last edited here (ISO, UTC). */
export interface Overwrite { record: string; fields: string[]; editedAt?: string }

export class ImportRefused extends UserError {
  constructor(
    readonly label: string,
    readonly overwritten: { listed: Overwrite[]; count: number },
    readonly cameBack: { listed: string[]; count: number },
  ) {
    super(`${label}: records here differ from the file's; nothing was imported. To take the file's version, give --replace`);
  }
}
