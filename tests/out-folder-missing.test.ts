// --out DIR (the CSV tables, the letters): the folder named is made when missing, but not the folders
// above it. A folder above that is not there is a stick not mounted or a mistyped path: making it would
// leave the files where no one finds them, as a --db there would (tests/db-new-file.test.ts).
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
let dir: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-22' });

beforeEach(async () => {
  db = tempDb();
  dir = mkdtempSync(join(tmpdir(), 'caselog-out-folder-'));
  expect((await c(['add', 'case', '--ref', 'KZ 2019/12', '--title', 'Two men at risk of return to China'])).code).toBe(0);
  expect((await c(['add', 'person', 'Murager Alimuly', '--case', 'KZ 2019/12', '--risk', 'refoulement'])).code).toBe(0);
  expect((await c(['add', 'target', 'Gizat Nurdauletov', '--title', 'Prosecutor General', '--address', 'Nur-Sultan'])).code).toBe(0);
  expect((await c(['appeal', 'plan', 'KZ 2019/12', '--target', 'Gizat Nurdauletov', '--action', 'urging the release of Murager Alimuly'])).code).toBe(0);
});

/** The one line said of a --out whose folder `above` is not there. */
const refusal = (above: string, out: string) =>
  `caselog: the folder ${above} does not exist, so ${out} cannot be made in it (a drive or stick not connected?): `
  + `connect it, or correct the path given by --out; to write there, make the folder first (mkdir -p ${above}); nothing was written\n`;

describe('export --format csv --out DIR', () => {
  it('makes the folder named when the folder it goes in is there', async () => {
    const out = join(dir, 'sheets');
    expect(await c(['export', '--format', 'csv', '--out', out])).toMatchObject({ code: 0, stdout: '' });
    expect(readdirSync(out).sort()).toEqual(['deadlines.csv', 'events.csv', 'people.csv']);
  });

  it('refuses in one line, naming the missing folder, and makes nothing', async () => {
    const out = join(dir, 'usb', 'sheets');
    expect(await c(['export', '--format', 'csv', '--out', out])).toEqual({ code: 1, stdout: '', stderr: refusal(join(dir, 'usb'), out) });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('appeal letters --out DIR', () => {
  it('makes the folder named when the folder it goes in is there', async () => {
    const out = join(dir, 'letters');
    const r = await c(['appeal', 'letters', 'KZ 2019/12', '--out', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toHaveLength(1);
  });

  it('refuses in one line, naming the missing folder, before anything else is said, and makes nothing', async () => {
    const out = join(dir, 'usb', 'letters');
    expect(await c(['appeal', 'letters', 'KZ 2019/12', '--out', out])).toEqual({ code: 1, stdout: '', stderr: refusal(join(dir, 'usb'), out) });
    expect(existsSync(join(dir, 'usb'))).toBe(false);
  });
});
