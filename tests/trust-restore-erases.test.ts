// caselog restore of a backup made before an erase: the erase is carried over (the entry kept in the
// log, the person erased again in the restored copy), so a restore never brings back someone erased.
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { audit } from '../src/store/migrations/004-audit';
import { MIGRATIONS, runMigration } from '../src/store/schema';
import { caselog, tempDb } from './helpers/cli';
import { restoreDatabase } from '../src/store/restore';
import { closeBackup, openBackup } from '../src/store/restore-check';

let db: string;
let backup: string;
const c = (args: string[], env: Record<string, string> = {}) => caselog(args, { db, today: '2026-11-24', env });
const json = async (args: string[], env: Record<string, string> = {}) => JSON.parse((await c(['--json', ...args], env)).stdout);
const people = async (env: Record<string, string> = {}) => (await json(['export'], env)).people.map((p: { name: string }) => p.name).sort();
const onDisk = (text: string) => ['', '-wal'].filter((s) => existsSync(db + s)).some((s) => readFileSync(db + s).includes(Buffer.from(text)));
const erases = async () => (await json(['log', '--limit', '0'])).filter((e: { action: string }) => e.action === 'erase').length;

beforeEach(async () => {
  db = tempDb();
  backup = join(dirname(db), 'monday.db');
  expect((await c(['add', 'case', '--ref', 'R 2', '--title', 't'])).code).toBe(0);
  expect((await c(['add', 'person', 'Hidden Witness', '--case', 'R 2'])).code).toBe(0);
  expect((await c(['add', 'person', 'Bolat Serikov', '--case', 'R 2'])).code).toBe(0);
  expect((await c(['add', 'event', 'Bolat Serikov', '--date', '2026-11-02', '--type', 'detention', '--summary', 'Bolat held with Hidden Witness'])).code).toBe(0);
});

describe('restore of a backup made before an erase', () => {
  it('erases the person again in the restored copy, keeps the erase in the log, and says so without the name', async () => {
    expect((await c(['backup', backup])).code).toBe(0);
    const older = join(dirname(db), 'older.json');
    writeFileSync(older, (await c(['export'])).stdout);
    expect((await c(['erase', 'Hidden Witness', '--force'])).code).toBe(0);
    const r = await c(['restore', backup, '--force']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(r.stderr).toContain(`Carried over 1 erase made since the backup: 1 person in the backup erased again (the backup file ${backup} itself still holds them`);
    // Counted in the restored database: the backup held 2 people, 1 remains.
    expect(r.stderr).toContain(`Restored ${backup} to ${db} (1 case, 1 person, 1 event; last change `);
    expect(r.stderr).not.toContain('Hidden');
    expect(await people()).toEqual(['Bolat Serikov']);
    expect((await json(['timeline', 'Bolat Serikov'])).events[0].summary).toBe('Bolat held with [erased]');
    expect(onDisk('Hidden Witness')).toBe(false);
    expect(await erases()).toBe(1);
    expect((await c(['log'])).stdout).toContain('1 erase made since the backup carried over');
    // The erase's entry is the one the database had: an import of an older export still refuses them.
    expect((await c(['import', older])).stderr).toContain('this person was erased from this database for their safety');
    expect((await c(['doctor'])).code).toBe(0);
  });

  it('keeps the erase of someone the backup never held, so an import of a later export refuses them', async () => {
    expect((await c(['backup', backup])).code).toBe(0);
    expect((await c(['add', 'person', 'Later Witness'])).code).toBe(0);
    const later = join(dirname(db), 'later.json');
    writeFileSync(later, (await c(['export'])).stdout);
    expect((await c(['erase', 'Later Witness', '--force'])).code).toBe(0);
    const r = await c(['restore', backup, '--force']);
    expect(r.stderr).toContain('Carried over 1 erase made since the backup: no one in the backup needed erasing again');
    expect((await c(['import', later])).stderr).toContain('this person was erased from this database for their safety');
  });

  it('erases the words of their names again when the erase did (--words), in an encrypted database too', async () => {
    const key = { CASELOG_PASSPHRASE: 'a passphrase' };
    expect((await c(['encrypt'], key)).code).toBe(0);
    expect((await c(['add', 'event', 'Bolat Serikov', '--date', '2026-11-03', '--type', 'statement', '--summary', 'Witness was moved'], key)).code).toBe(0);
    expect((await c(['backup', backup], key)).code).toBe(0);
    expect((await c(['erase', 'Hidden Witness', '--words', '--force'], key)).code).toBe(0);
    expect((await c(['restore', backup, '--force'], key)).code).toBe(0);
    const summaries = (await json(['timeline', 'Bolat Serikov'], key)).events.map((e: { summary: string }) => e.summary).sort();
    expect(summaries).toEqual(['Bolat held with [erased]', '[erased] was moved']);
  });

  it('erases again the record merged into the person since the backup, which the backup holds apart', async () => {
    expect((await c(['add', 'person', 'H. Witness', '--new'])).code).toBe(0);
    expect((await c(['backup', backup])).code).toBe(0);
    expect((await c(['merge', 'H. Witness', 'Hidden Witness', '--force'])).code).toBe(0);
    expect((await c(['erase', 'Hidden Witness', '--force'])).code).toBe(0);
    const r = await c(['restore', backup, '--force']);
    expect(r.stderr).toContain('2 people in the backup erased again');
    expect(await people()).toEqual(['Bolat Serikov']);
  });

  it('erases again someone the backup no longer tracked but whose name its log kept', async () => {
    expect((await c(['add', 'person', 'Deleted Witness'])).code).toBe(0);
    expect((await c(['delete', 'Deleted Witness', '--force'])).code).toBe(0);
    expect((await c(['backup', backup])).code).toBe(0);
    expect((await c(['erase', 'Deleted Witness', '--force'])).code).toBe(0);
    const r = await c(['restore', backup, '--force']);
    expect(r.stderr).toContain('1 person in the backup erased again');
    expect(JSON.stringify(await json(['log', '--limit', '0']))).not.toContain('Deleted Witness');
  });

  it('leaves someone brought back on purpose since (import --restore-erased)', async () => {
    const older = join(dirname(db), 'older.json');
    writeFileSync(older, (await c(['export'])).stdout);
    expect((await c(['backup', backup])).code).toBe(0);
    expect((await c(['erase', 'Hidden Witness', '--force'])).code).toBe(0);
    expect((await c(['import', older, '--restore-erased', '--replace'])).code).toBe(0);
    const r = await c(['restore', backup, '--force']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(r.stderr).not.toContain('Carried over');
    expect(await people()).toEqual(['Bolat Serikov', 'Hidden Witness']);
  });

  it('carries nothing over that the backup has already', async () => {
    expect((await c(['erase', 'Hidden Witness', '--force'])).code).toBe(0);
    expect((await c(['backup', backup])).code).toBe(0);
    const r = await c(['restore', backup, '--force']);
    expect(r.stderr).not.toContain('Carried over');
    expect(await erases()).toBe(1);
  });

  it('carries an erase into a backup of an older schema, upgrading the restored copy (the backup stays as it was)', async () => {
    const old = MIGRATIONS.indexOf(audit);
    const raw = new Database(backup);
    for (const migration of MIGRATIONS.slice(0, old)) runMigration(raw, migration);
    raw.pragma(`user_version = ${old}`);
    raw.close();
    const before = readFileSync(backup);
    expect((await c(['erase', 'Hidden Witness', '--force'])).code).toBe(0);
    const r = await c(['restore', backup, '--force']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(r.stderr).toContain('Carried over 1 erase made since the backup: no one in the backup needed erasing again');
    expect(await erases()).toBe(1);
    expect(readFileSync(backup).equals(before)).toBe(true);
  });

  it('says that a word erased on its own since cannot be erased again', async () => {
    expect((await c(['backup', backup])).code).toBe(0);
    expect((await c(['erase', '--word', 'Witness', '--force'])).code).toBe(0);
    const r = await c(['restore', backup, '--force']);
    expect(r.stderr).toContain('Warning: 1 word erased on its own since the backup (caselog erase --word) may be back: the word is kept nowhere, so erase it again with caselog erase --word WORD.');
  });

  it('restores nothing when someone is erased while a forced restore writes its copy; run again, it carries that erase', async () => {
    expect((await c(['backup', backup])).code).toBe(0);
    const current = new Database(db);
    const copy = openBackup(backup, undefined);
    let erased = false;
    // The colleague's erase lands after the restore read the erases to carry, before it holds the database.
    const point = async () => {
      if (erased) return;
      erased = true;
      expect((await c(['erase', 'Hidden Witness', '--force'])).code).toBe(0);
    };
    await expect(restoreDatabase({ backup: copy, from: backup, target: db, current, user: 'tester', now: new Date(), warn: () => {}, point }))
      .rejects.toThrow('nothing restored: someone was erased from the database while the restore was being prepared; run it again, and it carries that erase over');
    closeBackup(copy);
    if (current.open) current.close();
    expect(erased).toBe(true);
    expect(await people()).toEqual(['Bolat Serikov']);
    const again = await c(['restore', backup, '--force']);
    expect(again, again.stderr).toMatchObject({ code: 0 });
    expect(await people()).toEqual(['Bolat Serikov']);
  });
});
