// caselog restore: a backup put in the database's place, never mixed with a -wal left beside the
// database, the database as it was kept beside it (so a restore can itself be undone), asked on a
// terminal and refused without one unless --force, encrypted backups with their passphrase, and
// one clear line for what is not a backup.
import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { audit } from '../src/store/migrations/004-audit';
import { MIGRATIONS, runMigration } from '../src/store/schema';
import { caselog, scriptedPrompter, tempDb } from './helpers/cli';
import { expectOneClearLine } from './helpers/disk';

let db: string;
let dir: string;
let backup: string;
const c = (args: string[], env: Record<string, string> = {}, path = db) => caselog(args, { db: path, today: '1999-03-01', env });

beforeEach(() => {
  db = tempDb();
  dir = dirname(db);
  backup = join(dir, 'backup.db');
});

/** The records as the export writes them (the change log is not in it). */
const records = async (path = db, env: Record<string, string> = {}) => {
  const r = await c(['export'], env, path);
  expect(r, r.stderr).toMatchObject({ code: 0 });
  return r.stdout;
};
const summaries = async (path = db, env: Record<string, string> = {}) =>
  (JSON.parse(await records(path, env)) as { events: Array<{ summary: string }> }).events.map((e) => e.summary);
const names = async (path = db, env: Record<string, string> = {}) =>
  (JSON.parse(await records(path, env)) as { people: Array<{ name: string }> }).people.map((p) => p.name).sort();
const keptCopies = () => readdirSync(dir).filter((f) => f.startsWith('test.db.before-restore-') && !/-(wal|shm|journal)$/.test(f));

/** A backup of Ilyas Zordun with one event; then, after it, a second person and the event's summary changed. */
async function backupThenChange(env: Record<string, string> = {}) {
  expect((await c(['add', 'person', 'Ilyas Zordun'], env)).code).toBe(0);
  expect((await c(['add', 'event', 'Ilyas Zordun', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'In-the-backup-9931'], env)).code).toBe(0);
  expect((await c(['backup', backup], env)).code).toBe(0);
  await changeAfter(env);
}

async function changeAfter(env: Record<string, string> = {}) {
  expect((await c(['add', 'person', 'Added After Backup'], env)).code).toBe(0);
  const event = (JSON.parse(await records(db, env)) as { events: Array<{ id: string }> }).events[0]!.id;
  expect((await c(['edit', event, '--summary', 'Changed-after-backup'], env)).code).toBe(0);
}

describe('caselog restore', () => {
  it('puts the backup in place, keeps the database as it was (owner-only) and logs the restore; restoring the kept copy undoes it', async () => {
    await backupThenChange();
    const before = await records();
    const r = await c(['restore', backup, '--force']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(await names()).toEqual(['Ilyas Zordun']);
    expect(await summaries()).toEqual(['In-the-backup-9931']);
    const kept = keptCopies();
    expect(kept).toHaveLength(1);
    const keptPath = join(dir, kept[0]!);
    expect(r.stderr).toContain(`Restored ${backup} to ${db} (0 cases, 1 person, 1 event; last change `);
    expect(r.stderr).toContain(`The database as it was is kept in ${keptPath} (owner-only): "caselog restore ${keptPath}" puts it back.`);
    expect(statSync(keptPath).mode & 0o777).toBe(0o600);
    expect(statSync(db).mode & 0o777).toBe(0o600);
    expect(await records(keptPath)).toBe(before);
    // The backup's own log, and the restore on top of it.
    const log = (await c(['log'])).stdout.split('\n');
    expect(log[0]).toMatch(/restore {2}file$/);
    expect(log[1]).toBe(`    restored from ${backup}; the database before it is kept in ${keptPath}`);
    expect(log.join('\n')).toContain('add event');
    expect(log.join('\n')).not.toContain('Added After Backup');
    expect((await c(['undo'])).stderr).toMatch(/undo stops at the restore of .*: undo cannot reverse a restore/);
    expect((await c(['doctor'])).code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);

    expect((await c(['restore', keptPath, '--force'])).code).toBe(0);
    expect(await records()).toBe(before);
  });

  it('never mixes in a -wal a crash left beside the database: its changes go to the kept copy, not the restored one', async () => {
    await c(['add', 'person', 'Ilyas Zordun']);
    await c(['add', 'event', 'Ilyas Zordun', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'In-the-backup-9931']);
    await c(['backup', backup]);
    // Another connection keeps the log from being checkpointed: the changes after the backup stay in the -wal.
    const holder = new Database(db);
    holder.prepare('SELECT 1').get();
    try {
      await changeAfter();
      expect(statSync(`${db}-wal`).size).toBeGreaterThan(0);
      // A crash now: the files as they are on disk, the -wal with its frames.
      mkdirSync(join(dir, 'crashed'), { mode: 0o700 });
      for (const side of ['', '-wal']) copyFileSync(`${db}${side}`, join(dir, 'crashed', `test.db${side}`));
    } finally {
      holder.close();
    }
    db = join(dir, 'crashed', 'test.db');
    dir = dirname(db);
    const r = await c(['restore', backup, '--force']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(await summaries()).toEqual(['In-the-backup-9931']);
    expect(await names()).toEqual(['Ilyas Zordun']);
    const doctor = await c(['doctor']);
    expect(doctor.code, doctor.stdout).toBe(0);
    const kept = join(dir, keptCopies()[0]!);
    expect(await summaries(kept)).toEqual(['Changed-after-backup']);
    expect(await names(kept)).toEqual(['Added After Backup', 'Ilyas Zordun']);
  });

  it('asks on a terminal, saying what each holds; a no changes nothing', async () => {
    await backupThenChange();
    const before = readFileSync(db);
    const no = scriptedPrompter([false]);
    const r = await caselog(['restore', backup], { db, tty: true, prompter: no });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`The database now: ${db}: 0 cases, 2 people, 1 event; last change \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\n`));
    expect(r.stderr).toMatch(new RegExp(`The backup: +${backup}: 0 cases, 1 person, 1 event; last change \\d{4}-`));
    expect(r.stderr).toContain('caselog: nothing restored');
    expect(no.asked).toEqual(['Replace the database with the backup (the database as it is now is kept beside it)?']);
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(keptCopies()).toEqual([]);
    const yes = await caselog(['restore', backup], { db, tty: true, prompter: scriptedPrompter([true]) });
    expect(yes, yes.stderr).toMatchObject({ code: 0 });
    expect(await names()).toEqual(['Ilyas Zordun']);
  });

  it('restores nothing when another caselog wrote while the question waited: what it replaces is not what was shown', async () => {
    await backupThenChange();
    const script = scriptedPrompter([true]);
    const late = { ...script, confirm: async (message: string, initial?: boolean) => {
      expect((await c(['add', 'person', 'Added While Asked'])).code).toBe(0);
      return script.confirm(message, initial);
    } };
    const r = await caselog(['restore', backup], { db, tty: true, prompter: late });
    expect(r.stderr).toMatch(/The database now: .*: 0 cases, 2 people, 1 event;/);
    expect(r.stderr.endsWith('caselog: nothing restored: the records changed after it was shown (another caselog wrote meanwhile); run it again to see what it does now\n')).toBe(true);
    expect(r.code).toBe(1);
    expect(await names()).toEqual(['Added After Backup', 'Added While Asked', 'Ilyas Zordun']);
    expect(keptCopies()).toEqual([]);
  });

  it('refuses without a terminal unless --force, and changes nothing', async () => {
    await backupThenChange();
    const before = await records();
    expectOneClearLine(await c(['restore', backup]), /restoring replaces the database .*: run it on a terminal to confirm, or add --force/);
    expect(await records()).toBe(before);
    expect(keptCopies()).toEqual([]);
  });

  it('puts the backup in place when there is no database, leaving no stale -wal there', async () => {
    await backupThenChange();
    const fresh = join(dir, 'new', 'fresh.db');
    mkdirSync(dirname(fresh));
    writeFileSync(`${fresh}-wal`, readFileSync(`${db}`).subarray(0, 4096));
    const r = await c(['restore', backup], {}, fresh);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(r.stderr).not.toContain('kept in');
    expect(await names(fresh)).toEqual(['Ilyas Zordun']);
    expect(readdirSync(dirname(fresh)).filter((f) => f.includes('before-restore'))).toEqual([]);
  });

  it('is named by erase and encrypt: the kept copy holds what they remove or protect', async () => {
    await backupThenChange();
    expect((await c(['restore', backup, '--force'])).code).toBe(0);
    const kept = join(dir, keptCopies()[0]!);
    const erased = await c(['erase', 'Ilyas Zordun', '--force']);
    expect(erased, erased.stderr).toMatchObject({ code: 0 });
    expect(erased.stderr).toContain(`Warning: copies kept before a schema upgrade or a restore may still hold them: ${kept}\n`);
    const encrypted = await c(['encrypt'], { CASELOG_PASSPHRASE: 'a passphrase' });
    expect(encrypted, encrypted.stderr).toMatchObject({ code: 0 });
    expect(encrypted.stderr).toContain(`caselog: warning: ${kept} is an unencrypted copy kept before an upgrade or a restore: delete it once you no longer need it`);
  });

  it('encrypt names as unencrypted only a kept copy that is: one kept while the database was encrypted is not', async () => {
    await backupThenChange();
    const first = { CASELOG_PASSPHRASE: 'first passphrase' };
    expect((await c(['encrypt'], first)).code).toBe(0);
    expect((await c(['restore', backup, '--force'], first)).code).toBe(0);
    const kept = join(dir, keptCopies()[0]!);
    expect(readFileSync(kept).subarray(0, 15).toString()).not.toBe('SQLite format 3');
    const encrypted = await c(['encrypt'], { CASELOG_PASSPHRASE: 'second passphrase' });
    expect(encrypted, encrypted.stderr).toMatchObject({ code: 0 });
    expect(encrypted.stderr).not.toContain(kept);
  });

  it('refuses while another program has the database open, changing nothing', async () => {
    await backupThenChange();
    const before = await records();
    const holder = new Database(db);
    holder.prepare('SELECT 1').get();
    try {
      expectOneClearLine(await c(['restore', backup, '--force']), /test\.db is in use by another caselog: close it and try again; nothing was changed/);
    } finally {
      holder.close();
    }
    expect(await records()).toBe(before);
    expect(keptCopies()).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
  });

  it('restores a backup of an older schema, upgrading the restored copy (the backup file stays as it was)', async () => {
    const old = MIGRATIONS.indexOf(audit);
    const raw = new Database(backup);
    for (const migration of MIGRATIONS.slice(0, old)) runMigration(raw, migration);
    raw.pragma(`user_version = ${old}`);
    raw.prepare(`INSERT INTO cases (id, ref, ref_key, title, created_at, updated_at) VALUES ('c-0ld0ld0ld0ld0ld0', 'UA 1/99', 'ua1/99', 'kept', 'x', 'x')`).run();
    raw.close();
    await c(['add', 'person', 'Ilyas Zordun']);
    const before = readFileSync(backup);
    const r = await c(['restore', backup, '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`The backup was written by an older caselog (schema ${old}): the restored database is upgraded to this one's format; the backup file stays as it was.`);
    expect(readFileSync(backup).equals(before)).toBe(true);
    const next = await c(['list', 'cases']);
    expect(next.stdout).toContain('UA 1/99');
    expect(next.stderr).not.toContain('was upgraded');
    expect((await c(['log'])).stdout).toContain(`restored from ${backup}`);
  });

  it('refuses a backup this caselog cannot upgrade, before anything is replaced', async () => {
    // A development version's schema 3 whose migration 3 made no appeal tables: migration 6 needs them.
    const raw = new Database(backup);
    for (const migration of MIGRATIONS.slice(0, 2)) runMigration(raw, migration);
    raw.pragma('user_version = 3');
    raw.close();
    await c(['add', 'person', 'Ilyas Zordun']);
    const before = await records();
    const r = await c(['restore', backup, '--force']);
    expectOneClearLine(r, /is a backup of schema 3, which this caselog cannot upgrade \(.*\): nothing was changed; export it with the caselog version that made it/);
    expect(await records()).toBe(before);
    expect(keptCopies()).toEqual([]);
  });

  it('replaces a damaged database, keeping its files as they were', async () => {
    await backupThenChange();
    truncateSync(db, Math.floor(statSync(db).size / 2));
    const damaged = readFileSync(db);
    const r = await c(['restore', backup, '--force']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(await names()).toEqual(['Ilyas Zordun']);
    expect(readFileSync(join(dir, keptCopies()[0]!)).equals(damaged)).toBe(true);
  });
});

describe('caselog restore refuses, with one line, changing nothing', () => {
  beforeEach(async () => {
    await backupThenChange();
  });

  const refused = async (file: string, message: RegExp, env: Record<string, string> = {}) => {
    const before = await records();
    expectOneClearLine(await c(['restore', file, '--force'], env), message);
    expect(await records()).toBe(before);
    expect(keptCopies()).toEqual([]);
  };

  it('the database itself, also through a link', async () => {
    await refused(db, /is the database itself \(or one of its files\): give a backup file to restore; nothing was changed/);
    symlinkSync(db, join(dir, 'link.db'));
    await refused(join(dir, 'link.db'), /is the database itself/);
    linkSync(db, join(dir, 'hard.db'));
    await refused(join(dir, 'hard.db'), /is the database itself/);
    await refused(`${db}-wal`, /is the database itself/);
  });

  it('a missing file, a folder, an empty file, a text file, an export, random bytes', async () => {
    await refused(join(dir, 'nope.db'), /there is no file .*nope\.db: give the backup file to restore/);
    await refused(dir, /is a folder: give the backup file to restore/);
    writeFileSync(join(dir, 'empty.db'), '');
    await refused(join(dir, 'empty.db'), /empty\.db is empty \(0 bytes\): it is not a backup/);
    writeFileSync(join(dir, 'notes.txt'), 'just some notes\n');
    await refused(join(dir, 'notes.txt'), /notes\.txt is a text file, not a caselog backup/);
    writeFileSync(join(dir, 'export.json'), await records());
    await refused(join(dir, 'export.json'), /is a caselog export, not a backup: read it into a database with "caselog import /);
    writeFileSync(join(dir, 'random.db'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    await refused(join(dir, 'random.db'), /random\.db is encrypted \(or is not a caselog database\): set CASELOG_PASSPHRASE/);
  });

  it("another program's database, one from a newer caselog, a damaged backup", async () => {
    const other = new Database(join(dir, 'other.db'));
    other.exec('CREATE TABLE foo (x)');
    other.close();
    await refused(join(dir, 'other.db'), /other\.db is an SQLite database of another program, not a caselog backup/);
    copyFileSync(backup, join(dir, 'newer.db'));
    const newer = new Database(join(dir, 'newer.db'));
    newer.pragma('user_version = 99');
    newer.close();
    await refused(join(dir, 'newer.db'), /newer\.db was written by a newer caselog \(schema 99, this one knows \d+\): upgrade caselog to restore it/);
    const bytes = readFileSync(backup);
    bytes.fill(0x5a, 4096 * 3, 4096 * 5);
    writeFileSync(join(dir, 'damaged.db'), bytes);
    await refused(join(dir, 'damaged.db'), /damaged\.db is damaged.*: it cannot be restored; nothing was changed/);
  });
});

describe('caselog restore of an encrypted backup', () => {
  const PASS = { CASELOG_PASSPHRASE: 'restore passphrase' };

  it('needs the passphrase it was made with, and leaves the database encrypted', async () => {
    await backupThenChange(PASS);
    const before = await records(db, PASS);
    expectOneClearLine(await c(['restore', backup, '--force']), /backup\.db is encrypted \(or is not a caselog database\): set CASELOG_PASSPHRASE to the passphrase the backup was made with/);
    expectOneClearLine(await c(['restore', backup, '--force'], { CASELOG_PASSPHRASE: 'wrong' }), /cannot read .*backup\.db: wrong passphrase \(give the one the backup was made with, in CASELOG_BACKUP_PASSPHRASE when it is not the database's\)/);
    expect(await records(db, PASS)).toBe(before);
    const r = await c(['restore', backup, '--force'], PASS);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(readFileSync(db).subarray(0, 15).toString()).not.toBe('SQLite format 3');
    expect(readFileSync(db).includes(Buffer.from('In-the-backup-9931'))).toBe(false);
    expect(await summaries(db, PASS)).toEqual(['In-the-backup-9931']);
    const kept = join(dir, keptCopies()[0]!);
    expect(readFileSync(kept).includes(Buffer.from('Changed-after-backup'))).toBe(false);
    expect(await records(kept, PASS)).toBe(before);
  });

  it('asks for the passphrase on a terminal', async () => {
    await backupThenChange(PASS);
    const ask = scriptedPrompter([PASS.CASELOG_PASSPHRASE, true]);
    const r = await caselog(['restore', backup], { db, tty: true, prompter: ask });
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(ask.asked[0]).toBe(`Passphrase for ${backup}`);
    expect(r.stderr).toMatch(/The database now: .*: 0 cases, 2 people, 1 event/);
    expect(await summaries(db, PASS)).toEqual(['In-the-backup-9931']);
  });
});
