// A backup (or an export) written into the database's own folder and killed mid-way leaves its
// unfinished copy there, NAME.partial-PID, as large as the database and holding its records, erased
// people too. doctor named those of the database's own name (a restore's) but not these. It cannot
// know every folder a backup went to; beside the database it now names them, with how to remove them.
import { chmodSync, copyFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caselog, deadPid, DEMO, tempDb } from './helpers/cli';

describe('doctor beside a killed backup\'s unfinished copy', () => {
  it('names it, with its journal, and the command that removes it; the next backup of that name removes it', async () => {
    const db = tempDb();
    expect((await caselog(['import', DEMO], { db })).code).toBe(0);
    const folder = dirname(db);
    const target = join(folder, 'cases-2026-11.db');
    const dead = deadPid();
    const partial = `${target}.partial-${dead}`;
    copyFileSync(db, partial);
    chmodSync(partial, 0o600);
    writeFileSync(`${partial}-journal`, 'x', { mode: 0o600 });
    // Not caselog's: another program's file of a like name (readable by others), and one of a process still running.
    writeFileSync(join(folder, `notes.txt.partial-${dead}`), 'mine');
    chmodSync(join(folder, `notes.txt.partial-${dead}`), 0o644);
    writeFileSync(join(folder, `other.db.partial-${process.pid}`), 'being written', { mode: 0o600 });

    const r = await caselog(['doctor'], { db });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`PROBLEM leftovers: ${partial} (${Math.ceil(statSync(partial).size / 1024)} KB) is the unfinished copy of a backup or an export that was cut off: `
      + 'it is not a whole backup and nothing reads it, yet it may hold records, erased people too; the database itself is as it was\n'
      + `    what to do: delete it: rm -f "${partial}" "${partial}-journal" (a backup or export to ${target} again removes it too)\n`);
    expect(r.stdout).not.toContain('notes.txt.partial');
    expect(r.stdout).not.toContain('other.db.partial');
    expect(r.stderr).toBe(`caselog: one problem found in ${db}: leftovers\n`);

    expect((await caselog(['backup', target], { db })).code).toBe(0);
    expect(readdirSync(folder).filter((f) => f.startsWith(basename(target)))).toEqual([basename(target)]);
    const after = await caselog(['doctor'], { db });
    expect(after.stdout).not.toContain('leftovers');
  });
});

