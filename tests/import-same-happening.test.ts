// One arrest recorded by two colleagues, each in their own words: the import keeps both (two may
// have happened) and names them, with the delete that keeps one.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

const today = '2026-11-24';
const desk = () => {
  const db = tempDb();
  return Object.assign((args: string[]) => caselog(args, { db, today }), { db });
};

async function bothRecorded(theirType = 'arrest', date = '2026-03-12') {
  const [a, b] = [desk(), desk()];
  await a(['add', 'person', 'Serik Zhaksybekov']);
  await a(['add', 'source', '--title', 'Report from the border', '--publisher', 'Kazakhstan Bureau']);
  expect((await b(['import', fileOf('a.json', (await a(['export'])).stdout)])).code).toBe(0);
  const source = JSON.parse((await a(['export'])).stdout).sources[0].id as string;
  expect((await a(['add', 'event', 'Serik Zhaksybekov', '--type', 'arrest', '--date', '2026-03-12', '--summary', 'Arrested at the border', '--source', source])).code).toBe(0);
  expect((await b(['add', 'event', 'Serik Zhaksybekov', '--type', theirType, '--date', date, '--summary', 'Detained at Khorgos crossing', '--source', source])).code).toBe(0);
  return { a, file: fileOf('b.json', (await b(['export'])).stdout) };
}

describe('import of an event that may be one here told in other words', () => {
  it('keeps both and names them, with the delete that keeps one', async () => {
    const { a, file } = await bothRecorded();
    const r = await a(['import', file]);
    expect(r.code).toBe(0);
    const events = JSON.parse((await a(['export'])).stdout).events as Array<{ id: string; summary: string }>;
    expect(events).toHaveLength(2);
    const here = events.find((e) => e.summary === 'Arrested at the border')!.id.slice(0, 10);
    const theirs = events.find((e) => e.summary === 'Detained at Khorgos crossing')!.id.slice(0, 10);
    expect(r.stderr).toContain(`note: event ${theirs}, just imported (arrest, 12 March 2026: "Detained at Khorgos crossing"), and event ${here} here ("Arrested at the border") ` +
      `may be the same happening: both are kept; if so, delete one: caselog delete ${here} keeps the file's`);
    // Said, not logged: an erase of a word would otherwise have to find it in the import's entry too.
    const db = new Database(a.db, { readonly: true });
    const entry = db.prepare("SELECT after FROM changes WHERE action = 'import' AND kind = 'file'").pluck().get() as string;
    db.close();
    expect(entry).toContain('"added":1');
    expect(entry).not.toContain('Khorgos');
  });

  it('in a dry run, puts the delete after the import', async () => {
    const { a, file } = await bothRecorded();
    const r = await a(['import', file, '--dry-run']);
    expect(r.stderr).toMatch(/^note: an event of the file \(arrest, 12 March 2026: "Detained at Khorgos crossing"\) and event e-\w+ here \("Arrested at the border"\) may be the same happening: both would be kept; if so, delete one: after the import, caselog delete e-\w+ keeps the file's$/m);
  });

  it('says nothing of another type or another day', async () => {
    for (const [type, date] of [['release', '2026-03-12'], ['arrest', '2026-03-13']] as const) {
      const { a, file } = await bothRecorded(type, date);
      const r = await a(['import', file]);
      expect(r.code).toBe(0);
      expect(r.stderr).not.toContain('same happening');
    }
  });
});
