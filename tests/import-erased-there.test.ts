// A colleague's export from a database that erased someone this one still tracks: the file's records
// shared with them were rewritten there without them. The refusal, the dry run and the --replace say
// in plain words what taking them would do to the person here, before (or as) it is done.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let a: string;
let b: string;
const c = (db: string, args: string[]) => caselog(args, { db, today: '2026-11-24' });
const exported = async (db: string) => (await c(db, ['export'])).stdout;

/** A tracks Murat (released, then detained with Kaster); B took A's export, erased Murat, and exported. */
async function erasedThere(): Promise<string> {
  for (const args of [
    ['add', 'case', '--ref', 'EUR 57/1572/2019', '--title', 'Two detained'],
    ['add', 'person', 'Kaster Musakhanuly', '--case', 'EUR 57/1572/2019'],
    ['add', 'person', 'Murat Tuleuov', '--case', 'EUR 57/1572/2019'],
    ['add', 'event', 'Murat Tuleuov', '--type', 'release', '--date', '2026-11-01', '--summary', 'Murat Tuleuov released on bail'],
    ['add', 'event', 'Kaster Musakhanuly', 'Murat Tuleuov', '--type', 'detention', '--date', '2026-11-05', '--summary', 'Kaster Musakhanuly and Murat Tuleuov detained'],
  ]) expect((await c(a, args)).code).toBe(0);
  const shared = join(dirname(a), 'a.json');
  writeFileSync(shared, await exported(a));
  expect((await c(b, ['import', shared])).code).toBe(0);
  expect((await c(b, ['erase', 'Murat Tuleuov', '--force'])).code).toBe(0);
  const file = join(dirname(b), 'b.json');
  writeFileSync(file, await exported(b));
  return file;
}

const THERE = /Murat Tuleuov \[p-\w+\] was erased for their safety in the database the file comes from, and is still tracked here/;

beforeEach(() => {
  a = tempDb();
  b = tempDb();
});

describe('import of a file whose database erased someone tracked here', () => {
  it('says in the refusal and its dry run what --replace would do to them, and how to keep them', async () => {
    const file = await erasedThere();
    const before = await exported(a);
    for (const args of [['import', file], ['import', file, '--dry-run']]) {
      const r = await c(a, args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(THERE);
      expect(r.stderr).toMatch(/--replace would take them off 1 record here \(e-\w+\) and their status would go from detained to released; to keep them as they are here, leave out --replace/);
      expect(r.stderr).toContain('nothing was imported');
    }
    expect(await exported(a)).toBe(before);
  });

  it('says it in a dry run of --replace, and after the --replace with the way back', async () => {
    const file = await erasedThere();
    const dry = await c(a, ['import', file, '--replace', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toMatch(THERE);
    expect(dry.stderr).toMatch(/the import would take them off 1 record here \(e-\w+\) and their status would go from detained to released; to keep them as they are here, import without --replace/);
    const r = await c(a, ['import', file, '--replace']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/the import took them off 1 record here \(e-\w+\) and their status went from detained to released: caselog undo takes the import back/);
  });

  it('says nothing was taken off them by an import that changed nothing, nor offers undo for it', async () => {
    const file = await erasedThere();
    expect((await c(a, ['import', file, '--replace'])).code).toBe(0);
    const again = await c(a, ['import', file, '--replace']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('0 added, 0 updated');
    expect(again.stderr).toMatch(THERE);
    expect(again.stderr).not.toContain('took them off');
    expect(again.stderr).not.toContain('caselog undo');
    expect(again.stderr).toMatch(/still tracked here: caselog erase p-\w+ if they should go from here too$/m);
  });
});
