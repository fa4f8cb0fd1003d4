// A backup, export or restore killed outright (kill -9, a power cut) leaves its unfinished copy,
// NAME.partial-PID, hundreds of MB; it went only when the same name was written again. The next
// backup, export or restore into that folder now removes those of any name, when surely abandoned:
// their process is not running, they are this user's and owner-only, and nothing has written to
// them for ten minutes. A copy of a running process, another's file, or a recent one stays.
import { chmodSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, deadPid, DEMO, tempDb } from './helpers/cli';

let db: string;
let folder: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-23' });

/** A file as a killed caselog leaves it: owner-only, last written `minutesAgo`. */
function leftover(name: string, minutesAgo: number, mode = 0o600): void {
  const path = join(folder, name);
  writeFileSync(path, 'SQLite format 3\0 and what a killed backup had copied');
  chmodSync(path, mode);
  const then = new Date(Date.now() - minutesAgo * 60_000);
  utimesSync(path, then, then);
}

let dead: number;
beforeEach(async () => {
  db = tempDb();
  folder = mkdtempSync(join(tmpdir(), 'caselog-partials-'));
  dead = deadPid();
  expect((await c(['import', DEMO])).code).toBe(0);
  leftover(`monday.db.partial-${dead}`, 60);
  leftover(`monday.db.partial-${dead}-journal`, 60);
  leftover(`cases.json.partial-${dead}`, 30);
  // Not surely abandoned: written a minute ago (a caselog on another computer sharing the folder),
  // a running process's, readable by others (not as caselog makes them), or not a copy's name.
  leftover(`recent.db.partial-${dead}`, 1);
  leftover(`running.db.partial-${process.ppid}`, 60);
  leftover(`shared.db.partial-${dead}`, 60, 0o644);
  leftover('notes.partial', 60);
});

/** What stays, each copy's process id left out. */
const KEPT = ['notes.partial', 'recent.db.partial-', 'running.db.partial-', 'shared.db.partial-'];
const left = () => readdirSync(folder).map((f) => f.replace(/-\d+$/, '-')).sort();

describe('what killed copies leave in a folder', () => {
  it('goes when a backup is next written there, whatever its name', async () => {
    expect((await c(['backup', join(folder, 'tuesday.db')])).code).toBe(0);
    expect(left()).toEqual([...KEPT, 'tuesday.db'].sort());
  });

  it('goes when an export is next written there', async () => {
    expect((await c(['export', '--format', 'json', '--out', join(folder, 'all.json')])).code).toBe(0);
    expect(left()).toEqual([...KEPT, 'all.json'].sort());
  });

  it('beside the database, goes when a restore is next made', async () => {
    const backup = join(folder, 'tuesday.db');
    expect((await c(['backup', backup])).code).toBe(0);
    leftover(`monday.db.partial-${dead}`, 60);
    db = join(folder, 'cases.db');
    expect((await c(['restore', backup, '--force'])).code).toBe(0);
    expect(left()).toEqual([...KEPT, 'cases.db', 'tuesday.db'].sort());
  });
});
