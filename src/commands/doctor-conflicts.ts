// What doctor says of a sync program's conflicted copies beside the database (store/trust-conflicts.ts):
// what they are, how to bring their records in, and where the live database belongs instead.
import { basename, dirname, extname, join } from 'node:path';
import type { Check } from '../store/trust-health';
import { conflictedCopies } from '../store/trust-conflicts';
import { shellWord } from './hints';

const ELSEWHERE = 'keep the live database out of synced folders, and share it by export and import or backup (README: "Sharing a database with a colleague")';

export function conflictChecks(path: string): Check[] {
  return conflictedCopies(path).map(({ copy, hasDatabase, sides }) => {
    const files = [...(hasDatabase ? [copy] : []), ...sides];
    if (!hasDatabase) {
      return { name: 'sync conflict', ok: false,
        detail: `${files.join(', ')}: a sync program's conflicted copy of the database's own -wal or -shm file, made when two computers changed the database at once; it cannot be read on its own`,
        fix: `delete it: rm -f ${files.map(shellWord).join(' ')}; ${ELSEWHERE}` };
    }
    const json = join(dirname(copy), `${basename(copy, extname(copy))}.json`);
    return { name: 'sync conflict', ok: false,
      detail: `${copy} is a sync program's conflicted copy of the database: it was changed on two computers at once, and what was added or changed on the other may be only in this copy`,
      fix: `bring its records in: caselog --db ${shellWord(copy)} export --format json --out ${shellWord(json)}, then: caselog import ${shellWord(json)} `
        + `(records that differ are listed; --replace takes the copy's version); then delete it: rm -f ${files.map(shellWord).join(' ')}; ${ELSEWHERE}` };
  });
}
