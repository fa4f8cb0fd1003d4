// After a command given --db PATH, the commands its messages name ("caselog undo" puts it back) carry
// the same --db: typed as printed, they acted on the default database (an undo took back the last
// change of another database).
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

/** The words of a printed command, as a shell splits it (double or single quotes). */
const words = (command: string) => [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);

describe('a hint after a command given --db', () => {
  it('names the same database, and typed as printed acts on it, not on the default one', async () => {
    const home = mkdtempSync(join(tmpdir(), 'caselog-home-'));
    const env = { HOME: home, XDG_DATA_HOME: join(home, 'data') };
    expect((await caselog(['add', 'person', 'Default Person'], { env })).code).toBe(0);
    const other = join(mkdtempSync(join(tmpdir(), 'caselog hints ')), 'other cases.db');
    expect((await caselog(['--db', other, 'add', 'person', 'Other Person'], { env })).code).toBe(0);
    const deleted = await caselog(['--db', other, 'delete', 'Other Person', '--force'], { env });
    expect(deleted.code).toBe(0);
    const hint = /"(caselog [^"]*undo)" puts it back/.exec(deleted.stderr)?.[1];
    expect(hint, deleted.stderr).toBeDefined();
    const typed = words(hint!);
    expect(typed.slice(0, 3)).toEqual(['caselog', '--db', other]);
    expect((await caselog(typed.slice(1), { env })).code).toBe(0);
    expect((await caselog(['--db', other, 'list', 'people'], { env })).stdout).toContain('Other Person');
    expect((await caselog(['list', 'people'], { env })).stdout).toContain('Default Person');
  });

  it("carries it in doctor's advice on stdout, and leaves caselog named as a noun alone", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'caselog-sync-'));
    const db = join(folder, 'cases.db');
    expect((await caselog(['--db', db, 'add', 'case', '--ref', 'UA 1/26', '--title', 'Fear of torture'])).code).toBe(0);
    copyFileSync(db, join(folder, 'cases (conflicted copy 2026-11-24 101010).db'));
    const doctor = await caselog(['--db', db, 'doctor']);
    expect(doctor.stdout).toMatch(new RegExp(`, then: caselog --db ${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} import "`));
    const notes = join(folder, 'notes.json');
    writeFileSync(notes, '{"my": "notes"}\n');
    const refused = await caselog(['--db', db, 'import', notes]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not a caselog export/);
  });

  it('quotes a command made earlier as it was made, without the --db; the hints beside it carry it', async () => {
    const db = tempDb();
    const run = (args: string[], columns?: number) => caselog(['--db', db, ...args], columns ? { tty: true, columns } : {});
    expect((await run(['add', 'person', 'Ana Lima'])).code).toBe(0);
    const event = ['add', 'event', 'Ana Lima', '--date', '2026-11-20', '--type', 'hearing', '--summary', 'adjourned'];
    expect((await run(event)).code).toBe(0);
    const undone = await run(['undo']);
    expect(undone.stderr).toMatch(/^Undid "caselog add event" of \d{4}-\d\d-\d\d \d\d:\d\d: removed /);
    // Wrapped on a narrow terminal, at any of its spaces.
    for (const columns of [12, 20, 30]) {
      expect((await run(event)).code).toBe(0);
      const wrapped = await run(['undo'], columns);
      expect(wrapped.stderr.replace(/\s+/g, ' '), String(columns)).toMatch(/^Undid "caselog add event" of \d{4}/);
    }
    const hint = await run(['delete', 'Ana Lima', '--force']);
    expect(hint.stderr).toContain(`"caselog --db ${db} undo" puts it back`);
  });

  it('leaves JSON on stdout as it is, and hints of a database named by CASELOG_DB as they were', async () => {
    const db = tempDb();
    expect((await caselog(['add', 'person', 'Ana Lima'], { db })).code).toBe(0);
    const json = await caselog(['--db', db, '--json', 'delete', 'Ana Lima', '--force']);
    expect(json.stdout).not.toContain('--db');
    expect((await caselog(['add', 'person', 'Ana Lima'], { db })).code).toBe(0);
    const byEnv = await caselog(['delete', 'Ana Lima', '--force'], { db });
    expect(byEnv.stderr).toContain('"caselog undo" puts it back');
  });
});
