// caselog restore and passphrases: an encrypted database is replaced only by someone who gives its
// passphrase; a plain backup put over it says that the database is no longer encrypted; a backup
// made before a rekey says that it brings back the old passphrase.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, scriptedPrompter, tempDb } from './helpers/cli';
import { expectOneClearLine } from './helpers/disk';

let db: string;
let backup: string;
const c = (args: string[], env: Record<string, string> = {}) => caselog(args, { db, today: '2026-11-24', env });
const OLD = { CASELOG_PASSPHRASE: 'old passphrase' };
const NEW = { CASELOG_PASSPHRASE: 'new passphrase' };
const isPlain = (path: string) => readFileSync(path).subarray(0, 15).toString() === 'SQLite format 3';
const keptCopies = () => readdirSync(dirname(db)).filter((f) => f.includes('before-restore'));
const people = async (env: Record<string, string>) => {
  const r = await c(['export'], env);
  expect(r, r.stderr).toMatchObject({ code: 0 });
  return (JSON.parse(r.stdout) as { people: Array<{ name: string }> }).people.map((p) => p.name).sort();
};

beforeEach(() => {
  db = tempDb();
  backup = join(dirname(db), 'backup.db');
});

describe('a plain backup over an encrypted database', () => {
  beforeEach(async () => {
    expect((await c(['add', 'person', 'Old Person'])).code).toBe(0);
    expect((await c(['backup', backup])).code).toBe(0);
    expect((await c(['encrypt'], OLD)).code).toBe(0);
    expect((await c(['add', 'person', 'Added Encrypted'], OLD)).code).toBe(0);
  });

  it('is refused without the database\'s passphrase, or with a wrong one, changing nothing', async () => {
    const before = readFileSync(db);
    expectOneClearLine(await c(['restore', backup, '--force']),
      /test\.db is encrypted and no passphrase was given for it: a restore replaces an encrypted database only with its passphrase; give it in CASELOG_PASSPHRASE .*; nothing was changed/);
    expectOneClearLine(await c(['restore', backup, '--force'], { CASELOG_PASSPHRASE: 'wrong' }), /test\.db is encrypted and the passphrase given does not open it: /);
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(keptCopies()).toEqual([]);
    expect(await people(OLD)).toEqual(['Added Encrypted', 'Old Person']);
  });

  it('with the passphrase, says plainly that the database is no longer encrypted', async () => {
    const r = await c(['restore', backup, '--force'], OLD);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(r.stderr).toContain('Warning: the database was encrypted and is not now, as the backup was not: "caselog encrypt" encrypts it again.');
    expect(isPlain(db)).toBe(true);
  });

  it('on a terminal, asks for the database\'s passphrase and says the same', async () => {
    const ask = scriptedPrompter([OLD.CASELOG_PASSPHRASE, true]);
    const r = await caselog(['restore', backup], { db, today: '2026-11-24', tty: true, prompter: ask });
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(ask.asked[0]).toBe(`Passphrase for ${db} (the database now, which the backup replaces)`);
    expect(r.stderr).toContain('Warning: the database was encrypted and is not now');
    expect(await people({})).toEqual(['Old Person']);
  });
});

describe('an encrypted backup made before a rekey', () => {
  beforeEach(async () => {
    expect((await c(['add', 'person', 'Old Person'], OLD)).code).toBe(0);
    expect((await c(['backup', backup], OLD)).code).toBe(0);
    expect((await c(['rekey'], { ...OLD, CASELOG_NEW_PASSPHRASE: NEW.CASELOG_PASSPHRASE })).code).toBe(0);
  });

  it('takes the backup\'s passphrase from CASELOG_BACKUP_PASSPHRASE and says the database now opens with it', async () => {
    const r = await c(['restore', backup, '--force'], { ...NEW, CASELOG_BACKUP_PASSPHRASE: OLD.CASELOG_PASSPHRASE });
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(r.stderr).toContain('Warning: the database now opens with the backup\'s passphrase, not the one it had (set by a rekey since the backup was made): run "caselog rekey"');
    expect(await people(OLD)).toEqual(['Old Person']);
    expect((await c(['list', 'people'], NEW)).stderr).toContain('wrong passphrase');
  });

  it('is refused with the backup\'s passphrase alone: it does not open the database', async () => {
    expectOneClearLine(await c(['restore', backup, '--force'], OLD), /test\.db is encrypted and the passphrase given does not open it/);
    expect(await people(NEW)).toEqual(['Old Person']);
    expect(keptCopies()).toEqual([]);
  });

  it('on a terminal, asks for each and says the same', async () => {
    const ask = scriptedPrompter([OLD.CASELOG_PASSPHRASE, NEW.CASELOG_PASSPHRASE, true]);
    const r = await caselog(['restore', backup], { db, today: '2026-11-24', tty: true, prompter: ask });
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(ask.asked.slice(0, 2)).toEqual([`Passphrase for ${backup}`, `Passphrase for ${db} (the database now, which the backup replaces)`]);
    expect(r.stderr).toContain('Warning: the database now opens with the backup\'s passphrase');
  });

  it('says nothing of passphrases when the backup\'s is the database\'s', async () => {
    expect((await c(['rekey'], { ...NEW, CASELOG_NEW_PASSPHRASE: OLD.CASELOG_PASSPHRASE })).code).toBe(0);
    const r = await c(['restore', backup, '--force'], OLD);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(r.stderr).not.toMatch(/Warning|Note/);
  });
});
