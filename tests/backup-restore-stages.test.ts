// backup and restore of a large database (8-18 s and 28-64 s at a million events) said nothing while
// they worked, and looked hung: on a terminal (stderr) each stage is said as it begins; into a pipe
// or a file nothing more, as before; nor on an everyday database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { largeFile } from '../src/commands/large-file';
import { caselog, tempDb } from './helpers/cli';

const usual = largeFile.fromBytes;
afterEach(() => {
  largeFile.fromBytes = usual;
});

/** Text to match as it is, in a regular expression. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function aDatabase(): Promise<{ db: string; copy: string }> {
  const db = tempDb();
  expect((await caselog(['add', 'person', 'Ana Lopez'], { db })).code).toBe(0);
  return { db, copy: join(mkdtempSync(join(tmpdir(), 'caselog-stages-')), 'copy.db') };
}

describe('backup and restore of a large database', () => {
  it('say each stage on a terminal as it begins', async () => {
    const { db, copy } = await aDatabase();
    largeFile.fromBytes = 1;
    const backup = await caselog(['backup', copy], { db, tty: true, columns: 200 });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toMatch(new RegExp(`^Copying ${literal(db)} \\(\\d+ MiB\\) to ${literal(copy)}; on a database this size it takes a while\\.\\n` +
      'Checking the copy, page by page\\.\\nBacked up '));
    const restore = await caselog(['restore', copy, '--force'], { db, tty: true, columns: 200 });
    expect(restore.code, restore.stderr).toBe(0);
    const lines = restore.stderr.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      `Copying the backup ${copy} (0 MiB); on a file this size it takes a while.`,
      'Checking the copy, page by page.',
      expect.stringMatching(new RegExp(`^Keeping the database as it was beside it \\(copying ${literal(db)}, \\d+ MiB\\)\\.$`)),
    ]);
    expect(lines[3]).toMatch(/^Restored /);
  });

  it('say nothing more into a pipe or a file, nor on a terminal for an everyday database', async () => {
    const { db, copy } = await aDatabase();
    const quiet = async () => {
      const backup = await caselog(['backup', copy, '--force'], { db, tty: true, columns: 200 });
      expect(backup.stderr).toMatch(/^Backed up /);
      expect((await caselog(['restore', copy, '--force'], { db, tty: true, columns: 200 })).stderr).toMatch(/^Restored /);
    };
    await quiet();
    largeFile.fromBytes = 1;
    expect((await caselog(['backup', copy, '--force'], { db })).stderr).toMatch(/^Backed up /);
    expect((await caselog(['restore', copy, '--force'], { db })).stderr).toMatch(/^Restored /);
  });
});
