// A colleague who may read a database but not write it, in a folder where they may make files (a
// shared folder with the sticky bit, like /tmp), leaves a -wal and -shm of their own beside it: SQLite
// removes them only through a connection that may write the database. Every write of its owner then
// failed as "the database is read-only" (untrue of their own file), and doctor found nothing wrong.
// Real users, real files: the owner is user 1 (daemon), the colleague 65534 (nobody); root only.
import { chmodSync, chownSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers/cli';
import { expectOneClearLine } from './helpers/disk';
import { runAs, twoUsers, type User } from './helpers/other-user';

const esc = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A database of one case and one person, made by the owner in a shared folder with the sticky bit. */
function shared(owner: User): { db: string; as: (user: User, args: string[], env?: Record<string, string>) => ReturnType<typeof runAs> } {
  const folder = mkdtempSync(join(tmpdir(), 'caselog-shared-'));
  chmodSync(folder, 0o1777);
  const db = join(folder, 'cases.db');
  const as = (user: User, args: string[], env: Record<string, string> = {}) =>
    runAs(user, [process.execPath, BIN, '--no-color', ...args], { CASELOG_DB: db, CASELOG_TODAY: '2026-03-01', ...env });
  expect(as(owner, ['add', 'case', '--ref', 'UA 1/26', '--title', 'Fear of torture']).code).toBe(0);
  expect(as(owner, ['add', 'person', 'Ali Veli', '--case', 'UA 1/26', '--risk', 'torture']).code).toBe(0);
  return { db, as };
}

const addEvent = ['add', 'event', 'Ali Veli', '--date', '2026-02-01', '--type', 'arrest', '--summary', "The owner's write"];

describe("a colleague's -wal and -shm beside the owner's database", () => {
  it('refuse the owner\'s writes by name, with whose they are and what to do; nothing changes; doctor says it', (ctx) => {
    const users = twoUsers(ctx);
    if (!users) return;
    const [owner, colleague] = users;
    const { db, as } = shared(owner);
    const backup = `${db}.backup`;
    expect(as(owner, ['backup', backup]).code).toBe(0);
    // The owner lets everyone read it (caselog warns of it, and goes on).
    chmodSync(db, 0o644);
    const read = as(colleague, ['list', 'people']);
    expect(read.code).toBe(0);
    expect(read.stdout).toContain('Ali Veli');
    const [wal, shm] = [`${db}-wal`, `${db}-shm`];
    for (const side of [wal, shm]) expect(statSync(side).uid).toBe(colleague.uid);
    // The reader is told what their reading left, and that the file is not theirs to chmod.
    expect(read.stderr).toBe(`caselog: warning: ${db} can be read by every user of this computer; its owner can make it theirs alone (chmod 600), or their group's (chmod 640)\n`
      + `caselog: warning: reading ${db} leaves ${wal} and ${shm} of yours beside it, and they stop ${owner.name}, its owner, from writing to it: `
      + `when no caselog is using the database, remove them: rm "${wal}" "${shm}"\n`);

    const before = as(owner, ['export', '--format', 'json']).stdout;
    const bytes = readFileSync(db);
    const refusal = `caselog: ${wal} and ${shm} belong to ${colleague.name} (left when they read the database), and you cannot write them: nothing was changed; `
      + `when no caselog is using the database, they (or an administrator) can remove them: rm "${wal}" "${shm}"; or an administrator can give them to you: chown ${owner.name} "${wal}" "${shm}"\n`;
    const warning = `caselog: warning: ${db} can be read by every user of this computer; run: chmod 600 "${db}" (chmod 640 if a colleague in your group reads it)\n`;
    for (const [args, env] of [[addEvent, {}], [['undo', '--force'], {}], [['encrypt'], { CASELOG_PASSPHRASE: 'a long passphrase' }], [['restore', backup, '--force'], {}]] as const) {
      const r = as(owner, [...args], env);
      expect(r.code, args.join(' ')).toBe(1);
      // restore reads the file through a connection of its own, which does not warn.
      expect(args[0] === 'restore' ? r.stderr : r.stderr.replace(warning, ''), args.join(' ')).toBe(refusal);
    }
    expect(as(owner, ['export', '--format', 'json']).stdout).toBe(before);
    expect(readFileSync(db).equals(bytes)).toBe(true);
    expect(statSync(wal).size).toBe(0);

    const doctor = as(owner, ['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain(`PROBLEM writable: ${wal} and ${shm} belong to ${colleague.name} (left when they read the database), and you cannot write them: every change would fail as "read-only"\n`
      + `    what to do: when no caselog is using the database, they (or an administrator) can remove them: rm "${wal}" "${shm}"; or an administrator can give them to you: chown ${owner.name} "${wal}" "${shm}"`);
    // Not a chmod of files the owner cannot change.
    expect(doctor.stdout).not.toContain(`chmod 600 "${wal}"`);

    // The advice works: the colleague removes them (in the sticky folder, only they or root may).
    expect(runAs(colleague, ['rm', wal, shm]).code).toBe(0);
    expect(as(owner, addEvent).code).toBe(0);
    expect(as(owner, ['export', '--format', 'json']).stdout).toContain("The owner's write");
  });

  it('shared with the group only: no warning at every command, and the same clear refusal, of reads too', (ctx) => {
    const users = twoUsers(ctx);
    if (!users) return;
    const [owner, stranger] = users;
    // The colleague is in the owner's group, and the file is shared with the group alone.
    const colleague = { ...stranger, groups: [owner.gid] };
    const { db, as } = shared(owner);
    chmodSync(db, 0o640);
    const before = as(owner, ['export', '--format', 'json']);
    expect(before.stderr).toBe('');
    const read = as(colleague, ['list', 'people']);
    expect(read.code).toBe(0);
    expect(read.stderr).toBe(`caselog: warning: reading ${db} leaves ${db}-wal and ${db}-shm of yours beside it, and they stop ${owner.name}, its owner, from writing to it: `
      + `when no caselog is using the database, remove them: rm "${db}-wal" "${db}-shm"\n`);
    // Made with the database's mode (640) in the colleague's own group: the owner may not even read them.
    const bytes = readFileSync(db);
    const refused = new RegExp(`^caselog: ${esc(`${db}-wal and ${db}-shm belong to ${colleague.name} (left when they read the database), and you cannot write them: nothing was changed; when no caselog`)}`);
    expectOneClearLine(as(owner, addEvent), refused);
    expectOneClearLine(as(owner, ['list', 'people']), refused);
    expect(readFileSync(db).equals(bytes)).toBe(true);
    expect(runAs(colleague, ['rm', `${db}-wal`, `${db}-shm`]).code).toBe(0);
    expect(as(owner, ['export', '--format', 'json']).stdout).toBe(before.stdout);
  });

  it('with changes in the -wal: never said to be removed; given back, the changes are there', (ctx) => {
    const users = twoUsers(ctx);
    if (!users) return;
    const [owner, colleague] = users;
    const { db, as } = shared(owner);
    chmodSync(db, 0o644);
    // A caselog stopped (killed) after committing a change it had not yet moved into the database:
    // here the owner's own, then given to the colleague, as one who may write it (its group) leaves it.
    const driver = JSON.stringify(join(ROOT, 'node_modules', 'better-sqlite3-multiple-ciphers'));
    const script = `const db = new (require(${driver}))(${JSON.stringify(db)}); db.pragma('wal_autocheckpoint = 0');`
      + `db.prepare("UPDATE cases SET title = 'Kept in the log'").run(); process.kill(process.pid, 'SIGKILL');`;
    runAs(owner, [process.execPath, '-e', script]);
    const [wal, shm] = [`${db}-wal`, `${db}-shm`];
    expect(statSync(wal).size).toBeGreaterThan(0);
    for (const side of [wal, shm]) chownSync(side, colleague.uid, colleague.gid);
    const walBytes = readFileSync(wal);

    const held = `${wal} and ${shm} belong to ${colleague.name} (${wal} holds changes not yet in the database), and you cannot write them`;
    const write = as(owner, addEvent);
    expect(write.code).toBe(1);
    expect(write.stderr.split('\n').at(-2)).toBe(`caselog: ${held}: nothing was changed; do not remove them; an administrator can give them to you: chown ${owner.name} "${wal}" "${shm}"`);
    // Read through them, the change is there already.
    expect(as(owner, ['list', 'cases']).stdout).toContain('Kept in the log');
    const doctor = as(owner, ['doctor']);
    expect(doctor.stdout).toContain(`PROBLEM writable: ${held}: every change would fail as "read-only"\n    what to do: do not remove them;`);
    expect(doctor.stdout).not.toContain('rm ');
    expect(readFileSync(wal).equals(walBytes)).toBe(true);

    // Given back by an administrator, the owner's caselog writes, and the change the log held stays.
    for (const side of [wal, shm]) chownSync(side, owner.uid, owner.gid);
    expect(as(owner, addEvent).code).toBe(0);
    expect(as(owner, ['list', 'cases']).stdout).toContain('Kept in the log');
  });

  it('with a -wal that cannot be read at all: the database is not said to be damaged, nor a backup to be put back', (ctx) => {
    const users = twoUsers(ctx);
    if (!users) return;
    const [owner, colleague] = users;
    const { db, as } = shared(owner);
    chmodSync(db, 0o644);
    expect(as(colleague, ['list', 'people']).code).toBe(0);
    // Cut off while its header was being written (a power cut): SQLite says "locking protocol".
    writeFileSync(`${db}-wal`, Buffer.alloc(4096, 0x5a));
    const held = `${db}-wal and ${db}-shm belong to ${colleague.name} (${db}-wal holds changes not yet in the database), and you cannot write them`;
    const read = as(owner, ['list', 'cases']);
    expect(read.code).toBe(1);
    expect(read.stderr.split('\n').at(-2)).toMatch(new RegExp(`^caselog: ${esc(held)}: nothing was changed; do not remove them; `));
    const doctor = as(owner, ['doctor']);
    expect(doctor.stdout).toContain(`PROBLEM database: cannot be read: ${held}\n    what to do: do not remove them;`);
    expect(doctor.stdout.match(/do not remove them/g)).toHaveLength(1);
    expect(doctor.stdout).not.toMatch(/restore|damaged/);
  });
});
