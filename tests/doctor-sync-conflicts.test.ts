// A database kept in a synced folder: doctor names the conflicted copies a sync program leaves beside
// it (the records one person added may be only there), says how to bring them in, and where the
// live database belongs. It said "healthy".
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caselog } from './helpers/cli';

const ELSEWHERE = 'keep the live database out of synced folders, and share it by export and import or backup (README: "Sharing a database with a colleague")';

describe('doctor beside conflicted copies of a synced database', () => {
  it('names each copy and the commands that bring its records in, and leaves a name of the user\'s own alone', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'caselog-sync-'));
    const db = join(folder, 'cases.db');
    expect((await caselog(['add', 'case', '--ref', 'UA 1/26', '--title', 'Fear of torture'], { db })).code).toBe(0);
    const dropbox = join(folder, "cases (Berik's conflicted copy 2026-11-24).db");
    copyFileSync(db, dropbox);
    expect((await caselog(['add', 'person', 'Kasim Mahpir', '--case', 'UA 1/26'], { db: dropbox })).code).toBe(0);
    const nextcloud = join(folder, 'cases (conflicted copy 2026-11-24 101010).db');
    copyFileSync(db, nextcloud);
    const syncthingLog = join(folder, 'cases.sync-conflict-20261124-101010-ABCDEFG.db-wal');
    writeFileSync(syncthingLog, '');
    // A name of the user's own, not a sync program's mark.
    copyFileSync(db, join(folder, 'cases-old.db'));
    const r = await caselog(['doctor'], { db });
    expect(r.code).toBe(1);
    const json = join(folder, "cases (Berik's conflicted copy 2026-11-24).json");
    expect(r.stdout).toContain(`PROBLEM sync conflict: ${dropbox} is a sync program's conflicted copy of the database: it was changed on two computers at once, and what was added or changed on the other may be only in this copy\n`
      + `    what to do: bring its records in: caselog --db "${dropbox}" export --format json --out "${json}", then: caselog import "${json}" (records that differ are listed; --replace takes the copy's version); then delete it: rm -f "${dropbox}"; ${ELSEWHERE}\n`);
    expect(r.stdout).toContain(`PROBLEM sync conflict: ${nextcloud} is a sync program's conflicted copy`);
    expect(r.stdout).toContain(`PROBLEM sync conflict: ${syncthingLog}: a sync program's conflicted copy of the database's own -wal or -shm file, made when two computers changed the database at once; it cannot be read on its own\n`
      + `    what to do: delete it: rm -f ${syncthingLog}; ${ELSEWHERE}\n`);
    expect(r.stdout).not.toContain('cases-old.db');
    expect(r.stdout).not.toContain('is healthy');
    // The advice works: the record added in the copy comes in.
    expect((await caselog(['export', '--format', 'json', '--out', json], { db: dropbox })).code).toBe(0);
    expect((await caselog(['import', json], { db })).code).toBe(0);
    expect((await caselog(['list', 'people'], { db })).stdout).toContain('Kasim Mahpir');
  });

  it('reads a computer\'s name after the database\'s as a conflict only in a OneDrive folder', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'caselog-sync-')), 'OneDrive - Amnesty');
    mkdirSync(folder);
    const db = join(folder, 'cases.db');
    expect((await caselog(['add', 'case', '--ref', 'UA 1/26', '--title', 'Fear of torture'], { db })).code).toBe(0);
    copyFileSync(db, join(folder, 'cases-BERIK-LAPTOP.db'));
    const r = await caselog(['doctor'], { db });
    expect(r.stdout).toContain(`PROBLEM sync conflict: ${join(folder, 'cases-BERIK-LAPTOP.db')} is a sync program's conflicted copy of the database`);
  });
});
