// Two colleagues' databases exchanging records by CSV and by JSON: a record moved by a sheet is the
// same record to a later export of its origin, and an event each read from one sheet is one event.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'caselog-exchange-'));
});

/** caselog on a database of its own, today 23 November 2020. */
function desk(db = tempDb()) {
  return (args: string[]) => caselog(args, { db, today: '2020-11-23' });
}
type Caselog = ReturnType<typeof desk>;

/** What one database writes (an export, a CSV table), as a file for another to read. */
async function handOver(from: Caselog, name: string, args: string[]): Promise<string> {
  const r = await from(args);
  expect(r.code).toBe(0);
  const path = join(dir, name);
  writeFileSync(path, r.stdout);
  return path;
}

/** Two databases sharing a case and a person by a JSON export, as two colleagues start. */
async function colleagues(ref: string, name: string): Promise<[Caselog, Caselog]> {
  const [a, b] = [desk(), desk()];
  await a(['add', 'case', '--ref', ref, '--title', 'Fear of torture']);
  await a(['add', 'person', name, '--case', ref, '--risk', 'torture']);
  expect((await b(['import', await handOver(a, 'a0.json', ['export'])])).code).toBe(0);
  return [a, b];
}

describe('a record moved by CSV, and later by a JSON export of its origin', () => {
  it('is unchanged both ways: the ids of its names and when it was recorded are no difference', async () => {
    const [a, b] = await colleagues('UA 1/20', 'Ilyas Zordun');
    await b(['add', 'event', 'Ilyas Zordun', '--date', '2020-11-21', '--type', 'ill-treatment', '--summary', 'Reported beaten in camp']);
    await b(['add', 'person', 'Kasim Mahpir', '--alias', 'Qasim Mahpir', '--case', 'UA 1/20', '--risk', 'torture']);
    expect((await a(['import', await handOver(b, 'ev.csv', ['export', '--format', 'csv', '--table', 'events'])])).code).toBe(0);
    expect((await a(['import', await handOver(b, 'pe.csv', ['export', '--format', 'csv', '--table', 'people'])])).code).toBe(0);

    const fromB = await a(['import', await handOver(b, 'b.json', ['export'])]);
    expect(fromB).toMatchObject({ code: 0, stderr: expect.stringContaining(': 0 added, 0 updated, 4 unchanged') });
    const fromA = await b(['import', await handOver(a, 'a.json', ['export'])]);
    expect(fromA).toMatchObject({ code: 0, stderr: expect.stringContaining(': 0 added, 0 updated, 4 unchanged') });

    // Each database keeps its own: an export read into a new database gives the same bytes back.
    const exported = (await a(['export'])).stdout;
    const copy = desk();
    expect((await copy(['import', await handOver(a, 'again.json', ['export'])])).code).toBe(0);
    expect((await copy(['export'])).stdout).toBe(exported);
  });

  it('still refuses what a user can see differ, naming the field, and never a record without one', async () => {
    const [a, b] = await colleagues('UA 1/20', 'Ilyas Zordun');
    await b(['add', 'event', 'Ilyas Zordun', '--date', '2020-11-21', '--type', 'ill-treatment', '--summary', 'Reported beaten in camp']);
    await b(['add', 'person', 'Kasim Mahpir', '--alias', 'Qasim Mahpir', '--case', 'UA 1/20']);
    await a(['import', await handOver(b, 'ev.csv', ['export', '--format', 'csv', '--table', 'events'])]);
    await a(['import', await handOver(b, 'pe.csv', ['export', '--format', 'csv', '--table', 'people'])]);
    // Edited here, after the sheets came: the colleague's export would take the edits back (not
    // the other name, which an import never takes away).
    await a(['person', 'alias', 'Kasim Mahpir', 'Kasym Mahpir']);
    await a(['risk', 'Kasim Mahpir', '--add', 'torture']);
    const [event] = JSON.parse((await a(['--json', 'timeline', 'Ilyas Zordun'])).stdout).events as Array<{ id: string }>;
    await a(['edit', event!.id, '--place', 'Urumqi']);
    const before = (await a(['export'])).stdout;
    const r = await a(['import', await handOver(b, 'b.json', ['export'])]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2 records here differ from the file's and would be overwritten: person Kasim Mahpir \[p-\w+\] \(names: keeps "Kasym Mahpir" though the file lacks it, as an import takes no name away; risks here not in the file: torture; edited here [^)]+\); event e-\w+ \(place; edited here [^)]+\); nothing was imported/);
    expect((await a(['export'])).stdout).toBe(before);
  });
});

describe('an event each database read from the same sheet (no ids: each gave it its own)', () => {
  const SHEET = 'date,type,summary,case,people\n2020-01-21,sentence,Sentenced to one year,EUR 57/1572/2019,Kaster Musakhanuly\n';

  async function bothReadTheSheet(): Promise<[Caselog, Caselog]> {
    const [deskDb, coll] = await colleagues('EUR 57/1572/2019', 'Kaster Musakhanuly');
    const sheet = join(dir, 'sheet.csv');
    writeFileSync(sheet, SHEET);
    for (const db of [deskDb, coll]) expect((await db(['import', sheet])).stderr).toContain('1 added');
    return [deskDb, coll];
  }
  const timeline = async (db: Caselog) => JSON.parse((await db(['--json', 'timeline', 'Kaster Musakhanuly'])).stdout).events as Array<{ id: string; summary: string }>;

  it('comes in a JSON export as the event here, named with both ids, not a second copy: either way, and again', async () => {
    const [mine, theirs] = await bothReadTheSheet();
    const [[here], [there]] = [await timeline(mine), await timeline(theirs)];
    const file = await handOver(theirs, 'coll.json', ['export']);
    const r = await mine(['import', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(': 0 added, 0 updated, 3 unchanged');
    expect(r.stderr).toContain(`note: event ${there!.id.slice(0, 10)} of the file (sentence, 21 January 2020) says all that event ${here!.id.slice(0, 10)} here says`);
    expect(await timeline(mine)).toEqual([here]);
    expect((await mine(['import', file])).stderr).toContain(': 0 added, 0 updated, 3 unchanged');
    const back = await theirs(['--json', 'import', await handOver(mine, 'desk.json', ['export'])]);
    expect(JSON.parse(back.stdout)).toMatchObject({ added: 0, unchanged: 3, notes: [expect.stringContaining(`event ${here!.id.slice(0, 10)} of the file`)] });
    expect(await timeline(theirs)).toEqual([there]);
  });

  it('edited since on one side, comes in beside it, both named, with the delete that keeps one', async () => {
    const [mine, theirs] = await bothReadTheSheet();
    const [[here], [there]] = [await timeline(mine), await timeline(theirs)];
    await theirs(['edit', there!.id, '--place', 'Almaty']);
    const r = await mine(['import', await handOver(theirs, 'coll.json', ['export'])]);
    expect(r.stderr).toContain(': 1 added, 0 updated, 2 unchanged');
    const short = here!.id.slice(0, 10);
    expect(r.stderr).toContain(`note: event ${there!.id.slice(0, 10)}, just imported (sentence, 21 January 2020), says what event ${short} here says but for its place: ` +
      `the timeline shows both; if they are one event, caselog delete ${short} keeps the file's`);
    expect((await mine(['delete', short, '--force'])).code).toBe(0);
    expect((await timeline(mine)).map((e) => e.id)).toEqual([there!.id]);
  });

  it("comes in a colleague's events sheet (their ids) as the event here too, and says so", async () => {
    const [mine, theirs] = await bothReadTheSheet();
    const [[here], [there]] = [await timeline(mine), await timeline(theirs)];
    const r = await mine(['import', await handOver(theirs, 'events.csv', ['export', '--format', 'csv', '--table', 'events'])]);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining(': 0 added, 0 updated, 1 unchanged') });
    expect(r.stderr).toContain(`note: event ${there!.id.slice(0, 10)} of the file (sentence, 21 January 2020) says all that event ${here!.id.slice(0, 10)} here says`);
    expect(await timeline(mine)).toEqual([here]);
  });
});
