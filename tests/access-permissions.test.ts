// A database this user may not reach, read or write beside: said as what it is (a folder closed, a
// file not theirs, a folder read-only), with what to do, never as a missing database, a read-only
// file, a bare error code or an "unexpected error".
import { chmodSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';
import { expectOneClearLine } from './helpers/disk';
import { actor, sharedFolder } from './helpers/other-user';

const reopen: string[] = [];
afterEach(() => {
  for (const folder of reopen.splice(0)) chmodSync(folder, 0o700);
});

/** A folder holding a database of one case, as the user who runs the tests (not the actor, under root). */
async function boxWithDatabase(): Promise<{ box: string; db: string }> {
  const box = join(sharedFolder(), 'box');
  mkdirSync(box, { mode: 0o755 });
  chmodSync(box, 0o755);
  const db = join(box, 'cases.db');
  expect((await caselog(['add', 'case', '--ref', 'UA 1/26', '--title', 'Fear of torture'], { db })).code).toBe(0);
  return { box, db };
}

const esc = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('a database in a folder this user cannot enter', () => {
  it('is said to be out of reach, not missing, by every command and doctor, and nothing is made', async (ctx) => {
    const as = actor(ctx);
    if (!as) return;
    const { box, db } = await boxWithDatabase();
    chmodSync(box, 0o000);
    reopen.push(box);
    const fix = as.othersFiles ? 'the folder belongs to another user of this computer: ask them for a copy' : `run: chmod 700 "${box}"`;
    const said = new RegExp(`^caselog: cannot reach ${esc(db)}: permission denied on its folder ${esc(box)}; ${esc(fix)}`);
    expectOneClearLine(as.run(['--db', db, 'due']), said);
    expectOneClearLine(as.run(['--db', db, 'add', 'case', '--ref', 'UA 2/26', '--title', 'T']), said);
    const doctor = as.run(['--db', db, 'doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain(`PROBLEM database: cannot reach ${db}: permission denied on its folder ${box}\n    what to do: ${fix}`);
    expect(doctor.stdout).not.toContain('no database');
    chmodSync(box, 0o700);
    expect(readdirSync(box)).toEqual(['cases.db']);
    expect((await caselog(['list', 'cases'], { db })).stdout).not.toContain('UA 2/26');
  });
});

describe('a database file this user may not read', () => {
  it('is said to be unreadable, with whose it is, never "read-only" or "unable to open database file"', async (ctx) => {
    const as = actor(ctx);
    if (!as) return;
    const { db } = await boxWithDatabase();
    // Under root the file is root's, mode 600: another user's. Otherwise one's own file with no read permission.
    if (!as.othersFiles) chmodSync(db, 0o000);
    const fix = as.othersFiles ? 'the file belongs to another user of this computer: ask them for a copy (caselog backup or caselog export)' : `run: chmod 600 "${db}"`;
    // On stderr, after a command given --db, the commands it names carry it (src/db-hints.ts).
    const said = fix.replace(/caselog (backup|export)/g, `caselog --db ${db} $1`);
    expectOneClearLine(as.run(['--db', db, 'due']), new RegExp(`^caselog: cannot read ${esc(db)}: permission denied; ${esc(said)}`));
    const doctor = as.run(['--db', db, 'doctor']);
    expect(doctor.stdout).toContain(`PROBLEM database: cannot read ${db}: permission denied\n    what to do: ${said}`);
    expect(doctor.stdout).not.toContain('read-only');
    chmodSync(db, 0o600);
  });
});

describe('a database in a folder this user may not write to', () => {
  it('names the folder as read-only (not the file), and a new database there is refused in words', async (ctx) => {
    const as = actor(ctx);
    if (!as) return;
    const { box, db } = await boxWithDatabase();
    as.own(box);
    as.own(db);
    chmodSync(box, 0o555);
    reopen.push(box);
    expectOneClearLine(as.run(['--db', db, 'add', 'case', '--ref', 'UA 2/26', '--title', 'T']),
      new RegExp(`^caselog: the folder ${esc(box)} is read-only, and caselog keeps its -wal and -shm files beside ${esc(db)}: nothing was changed; run: chmod 700 "${esc(box)}"\n`));
    const fresh = join(box, 'new.db');
    const made = as.run(['--db', fresh, 'add', 'case', '--ref', 'UA 2/26', '--title', 'T']);
    expectOneClearLine(made, new RegExp(`^caselog: cannot create ${esc(fresh)}: the folder ${esc(box)} is not writable by you; run: chmod 700 "${esc(box)}"\n`));
    expect(made.stderr).not.toMatch(/EACCES/);
  });
});

describe('a backup into a folder this user may not write to', () => {
  it('says permission denied in words, not EACCES', async (ctx) => {
    const as = actor(ctx);
    if (!as) return;
    const { box, db } = await boxWithDatabase();
    as.own(box);
    as.own(db);
    const shut = join(sharedFolder(), 'shut');
    mkdirSync(shut, { mode: 0o555 });
    chmodSync(shut, 0o555);
    reopen.push(shut);
    expectOneClearLine(as.run(['--db', db, 'backup', join(shut, 'b.db')]), new RegExp(`^caselog: cannot write ${esc(join(shut, 'b.db'))}: permission denied\n$`));
  });
});

describe('a new database through a link to a folder that does not exist', () => {
  it('says where the link leads, not ENOENT', async () => {
    const link = join(tempDb(), '..', 'dangling.db');
    symlinkSync('/nonexistent-caselog/dir/x.db', link);
    expectOneClearLine(await caselog(['add', 'case', '--ref', 'UA 1/26', '--title', 'T'], { db: link }),
      new RegExp(`^caselog: cannot create ${esc(link)}: it is a link to /nonexistent-caselog/dir/x.db, whose folder does not exist; make that folder, or give another file with --db\n`));
  });
});
