// The change log: every change on record, shown newest first, filtered by person or case; append-only
// except for an erase's scrub.
import Database from 'better-sqlite3-multiple-ciphers';
import { userInfo } from 'node:os';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/open';
import { SqliteStore } from '../src/store/sqlite-store';
import { changeLogEntries, withChangeLogUnlocked } from '../src/store/trust-audit';
import { caselog, DEMO, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '1999-03-01' });

async function story() {
  await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture']);
  await c(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98', '--risk', 'torture']);
  await c(['add', 'person', 'Kasim Mahpir', '--case', 'UA 77/98']);
  await c(['add', 'person', 'Someone Else']);
  await c(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'Forcibly returned']);
  const deadline = JSON.parse((await c(['--json', 'add', 'deadline', 'UA 77/98', '--date', '1999-03-15', '--note', 'check before appeals'])).stdout);
  await c(['done', deadline.id]);
  await c(['add', 'event', 'Someone Else', '--date', '1999', '--type', 'arrest', '--summary', 'unrelated']);
}

beforeEach(() => {
  db = tempDb();
});

describe('caselog log', () => {
  it('shows every change newest first with when, who, command, action, record and what changed', async () => {
    await story();
    const r = await c(['log']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l && !l.startsWith(' '));
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d [+-]\d\d:\d\d {2}/);
    expect(lines[0]).toContain(userInfo().username);
    expect(lines[0]).toContain('add event');
    expect(lines[0]).toContain('"unrelated"');
    expect(lines[1]).toMatch(/ {2}done {2}deadline d-\w+ "check before appeals"/);
    // The action only when the command does not say it: "done  done" said it twice.
    expect(lines.some((l) => / {2}(\w+) {2}\1 {2}/.test(l))).toBe(false);
    expect(r.stdout).toContain('done on: — → 1 March 1999');
    expect(lines[7]).toContain('add case');
  });

  it('filters to a person and the records linked to them, and to a case', async () => {
    await story();
    const hemit = (await c(['--json', 'log', 'Hemit Memet'])).stdout;
    const entries = JSON.parse(hemit) as Array<{ command: string; action: string; kind: string }>;
    expect(entries.map((e) => `${e.command}/${e.kind}`)).toEqual(['add event/events', 'add person/people']);
    const text = (await c(['log', 'Hemit Memet'])).stdout;
    expect(text).not.toContain('Kasim Mahpir');
    expect(text).not.toContain('unrelated');
    const kase = JSON.parse((await c(['--json', 'log', 'UA 77/98'])).stdout) as Array<{ kind: string; command: string }>;
    expect(kase.map((e) => e.command)).toEqual(['done', 'add deadline', 'add event', 'add person', 'add person', 'add case']);
  });

  it('gives JSON with the changed fields before and after, and honours --limit', async () => {
    await story();
    const [latest, done] = JSON.parse((await c(['--json', 'log', '--limit', '2'])).stdout);
    expect(JSON.parse((await c(['--json', 'log', '--limit', '2'])).stdout)).toHaveLength(2);
    expect(latest).toMatchObject({ action: 'add', kind: 'events', user: userInfo().username, id: expect.stringMatching(/^e-/), before: null });
    expect(done.changed).toEqual([{ field: 'doneOn', before: null, after: '1999-03-01' }]);
    expect(done.before.note).toBe('check before appeals');
    expect(new Date(done.at).getFullYear()).toBeGreaterThan(2020);
  });

  it('refuses a bad --limit (exit 2), an unknown name (exit 1) and a missing database (exit 1)', async () => {
    const missing = await c(['log']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no caselog database');
    await story();
    expect((await c(['log', '--limit', 'many'])).code).toBe(2);
    const r = await c(['log', 'Nobody Known']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no case or person');
  });

  it('records each record an import added, with the file it came from, besides the import itself', async () => {
    expect((await c(['import', DEMO])).code).toBe(0);
    const hemit = await c(['log', 'Hemit Memet']);
    expect(hemit.stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d [+-]\d\d:\d\d {2}\S+ {2}import {2}person p-\w+ "Hemit Memet"\n {4}added from .*demo\.json/m);
    // The import's own entry is on the file, said once.
    expect((await c(['log', '--limit', '1'])).stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d [+-]\d\d:\d\d {2}\S+ {2}import {2}file\n {4}.*demo\.json: 36 added, 0 updated, 0 unchanged$/m);
    const entries = JSON.parse((await c(['--json', 'log', '--limit', '0'])).stdout) as Array<{ action: string; id: string | null; before: unknown; after: { from?: string } | null }>;
    const added = entries.filter((e) => e.action === 'import' && e.id !== null);
    expect(added).toHaveLength(36);
    expect(added.every((e) => e.before === null && e.after?.from === DEMO)).toBe(true);
    expect(entries.filter((e) => e.action === 'import' && e.id === null)).toHaveLength(1);
  });

  it('says of an edited list what was added and removed, so that an addition past the first names shows', async () => {
    await c(['add', 'person', 'Kasymzhomart Kemel-uly Tokayev', '--alias', 'Kassym-Jomart Kemelevich Tokayev', '--alias', 'Qasym-Jomart Tokaev', '--risk', 'torture']);
    await c(['person', 'alias', 'Kasymzhomart Kemel-uly Tokayev', 'K. Tokayev']);
    expect((await c(['log', '--limit', '1'])).stdout).toMatch(/\n {4}names: added K\. Tokayev$/m);
    await c(['edit', 'Kasymzhomart Kemel-uly Tokayev', '--risk', 'health', '--risk', 'unfair-trial']);
    expect((await c(['log', '--limit', '1'])).stdout).toMatch(/\n {4}risks: added health, unfair-trial; removed torture$/m);
  });

  it("shows a person's own record when nothing else is linked to them", async () => {
    await c(['add', 'person', 'Quiet One']);
    expect((await c(['log', 'Quiet One'])).stdout).toContain('add person');
  });
});

describe('a log cut at its limit', () => {
  it('says on stderr that older changes exist and how to see them all; a log that fits says nothing', async () => {
    await story();
    const cut = await c(['log', '--limit', '3']);
    expect(cut.stdout.split('\n').filter((l) => l && !l.startsWith(' '))).toHaveLength(3);
    expect(cut.stderr).toBe('Only the latest 3 changes shown, of more: caselog log --limit 0 shows them all\n');
    expect((await c(['--json', 'log', 'Hemit Memet', '--limit', '1'])).stderr).toBe('Only the latest 1 change shown, of more: caselog log "Hemit Memet" --limit 0 shows them all\n');
    expect((await c(['log', '--limit', '8'])).stderr).toBe('');
    expect((await c(['log', '--limit', '0'])).stderr).toBe('');
  });
});

describe('the change log is append-only', () => {
  it('refuses UPDATE and DELETE on the changes table', async () => {
    await story();
    const raw = new Database(db);
    expect(() => raw.prepare("UPDATE changes SET os_user = 'mallory'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM changes').run()).toThrow(/append-only/);
    expect((raw.prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n).toBe(8);
    raw.close();
  });

  it("is append-only but inside an erase's transaction, and a failed erase leaves it as it was", async () => {
    await story();
    const store = new SqliteStore(openDatabase({ path: db, create: false }), { command: 'erase', user: 'tester' });
    try {
      const before = [...changeLogEntries(store, { limit: 0 })];
      const kasim = before.find((e) => e.after?.name === 'Kasim Mahpir')!;
      const removed = store.write(() => withChangeLogUnlocked(store, () => store.db.prepare('DELETE FROM changes WHERE seq = ?').run(kasim.seq).changes));
      expect(removed).toBe(1);
      expect([...changeLogEntries(store, { limit: 0 })]).toHaveLength(before.length - 1);
      expect(() => store.db.prepare('DELETE FROM changes').run()).toThrow(/append-only/);
      expect(() => store.db.prepare('UPDATE changes SET after = NULL').run()).toThrow(/append-only/);
      const other = before.find((e) => e.seq !== kasim.seq && e.after !== null)!;
      expect(() => store.write(() => {
        withChangeLogUnlocked(store, () => store.db.prepare('UPDATE changes SET after = NULL WHERE seq = ?').run(other.seq));
        throw new Error('erase failed');
      })).toThrow('erase failed');
      expect([...changeLogEntries(store, { limit: 0 })].find((e) => e.seq === other.seq)?.after).toEqual(other.after);
      expect(store.db.prepare('SELECT count(*) AS n FROM erase_in_progress').get()).toEqual({ n: 0 });
    } finally {
      store.close();
    }
  });
});
