// A database given to import (a colleague's backup, a sync program's conflicted copy) is said to be
// one, with the export that brings its records in: it was read as a sheet and refused as "not UTF-8
// text: save the sheet as CSV UTF-8".
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';
import { expectOneClearLine } from './helpers/disk';

describe('import of a caselog database file', () => {
  it('is refused with the export to make of it, creates nothing, and that route works', async () => {
    const theirs = tempDb();
    expect((await caselog(['add', 'person', 'Kasim Mahpir'], { db: theirs })).code).toBe(0);
    const copy = theirs.replace(/test\.db$/, "cases (Berik's conflicted copy 2026-11-24).db");
    expect((await caselog(['backup', copy], { db: theirs })).code).toBe(0);
    const db = tempDb();
    const json = copy.replace(/\.db$/, '.json');
    for (const args of [['import', copy], ['import', copy, '--format', 'csv']]) {
      const r = await caselog(args, { db });
      expectOneClearLine(r, /./);
      expect(r.stderr).toBe(`caselog: ${copy} is a caselog database, not an export: write its records out with: `
        + `caselog --db "${copy}" export --format json --out "${json}", then: caselog import "${json}"; nothing was imported\n`);
    }
    expect(existsSync(db)).toBe(false);
    expect((await caselog(['export', '--format', 'json', '--out', json], { db: copy })).code).toBe(0);
    expect((await caselog(['import', json], { db })).code).toBe(0);
    expect((await caselog(['list', 'people'], { db })).stdout).toContain('Kasim Mahpir');
  });
});
