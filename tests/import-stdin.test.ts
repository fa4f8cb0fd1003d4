// caselog import - : standard input is told apart as the help says, by its first character, so a
// sheet piped in is read as a sheet and an export as an export (the real binary: a pipe).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO, spawnCaselog, tempDb } from './helpers/cli';

describe('import from standard input without --format', () => {
  it('reads a people sheet as CSV, and an export still as JSON, whole', () => {
    const db = tempDb();
    const r = spawnCaselog(['--db', db, '--today', '2026-11-24', 'import', '-'], {}, '\uFEFFname,age,age_on\nMona Kamal,40,2026-10-01\n');
    expect(r.stderr).toBe('Imported people from -: 1 added, 0 updated, 0 unchanged\n');
    expect(r.code).toBe(0);
    expect(spawnCaselog(['--db', db, 'show', 'Mona Kamal']).stdout).toContain('Mona Kamal');

    // The first bytes, read to tell which, are given back to the export's reader.
    const other = tempDb();
    expect(spawnCaselog(['--db', other, 'import', '-'], {}, readFileSync(DEMO, 'utf8')).code).toBe(0);
    expect(spawnCaselog(['--db', other, 'export']).stdout).toBe(readFileSync(DEMO, 'utf8'));
  });
});
