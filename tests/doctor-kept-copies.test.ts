// What doctor says of the copies a cut-off restore leaves beside the database: a kept copy is called
// a copy of the database only when it is whole; an empty or cut one, and the unfinished copy of the
// backup (NAME.partial-PID, tens of MB), are named with the command that removes them.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

describe('doctor after a restore that was cut off', () => {
  it('calls only a whole kept copy good, and names empty, cut and unfinished copies with what to do', async () => {
    const db = tempDb();
    expect((await caselog(['add', 'case', '--ref', 'UA 1/26', '--title', 'Fear of torture'], { db })).code).toBe(0);
    const backup = `${db}.backup`;
    expect((await caselog(['backup', backup], { db })).code).toBe(0);
    const whole = `${db}.before-restore-20261124T070415Z`;
    const empty = `${db}.before-restore-20261124T070416Z`;
    const cut = `${db}.before-restore-20261124T070417Z`;
    copyFileSync(backup, whole);
    writeFileSync(empty, '');
    writeFileSync(cut, readFileSync(backup).subarray(0, 8192));
    // A process that has ended: its unfinished copy is no one's.
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const partial = `${db}.partial-${gone}`;
    writeFileSync(partial, readFileSync(backup).subarray(0, 40960));
    writeFileSync(`${partial}-journal`, 'x');
    const r = await caselog(['doctor'], { db });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`ok upgrade copy: ${whole} is a copy kept before a schema upgrade or a restore, holding the database as it was then`);
    expect(r.stdout).toContain(`PROBLEM leftovers: ${empty} is empty (0 bytes): a restore was cut off before it kept the database there, so it holds nothing; the database itself was not replaced\n`
      + `    what to do: delete it: rm -f "${empty}"\n`);
    expect(r.stdout).toContain(`PROBLEM leftovers: ${cut} (8 KB) is the copy of the database a restore was keeping when it was cut off: it is not a whole database and cannot be restored; the database itself was not replaced\n`
      + `    what to do: delete it: rm -f "${cut}"\n`);
    expect(r.stdout).toContain(`PROBLEM leftovers: ${partial} (40 KB) is the unfinished copy of a restore, or of a new database, that was cut off: it is not a whole database and nothing reads it, yet it may hold records, erased people too; the database itself is as it was\n`
      + `    what to do: delete it: rm -f "${partial}" "${partial}-journal"\n`);
    expect(r.stderr).toBe(`caselog: 3 problems found in ${db}: leftovers, leftovers, leftovers\n`);
  });
});
