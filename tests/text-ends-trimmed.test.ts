// Spaces at the ends of free text (a summary, a place, a note) are not kept, typed or read from a
// sheet: no one sees them, and a sheet saved again without a summary's trailing space went in as a
// second event that looked the same. Inner lines and spacing stay; a record an older caselog stored
// with them is taken as the same by a sheet, not rewritten.
import { writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], prompter?: ReturnType<typeof scriptedPrompter>) =>
  caselog(args, { db, today: '2026-11-24', tty: Boolean(prompter), prompter });
const events = async () => JSON.parse((await c(['export'])).stdout).events as Array<Record<string, unknown>>;
const sheet = (summary: string) => fileOf('events.csv', `date,type,summary,people,place\n2019-10-14,arrest,${summary},Kaster Musakhanuly, Almaty \n`);

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'person', 'Kaster Musakhanuly']);
});

describe('free text typed', () => {
  it('add event stores the summary, place and actor without the spaces at their ends, keeping inner lines', async () => {
    await c(['add', 'event', 'Kaster Musakhanuly', '--date', '2019-10-15', '--type', 'hearing', '--summary', '  Hearing:\n  judge absent  ', '--place', ' Almaty ', '--actor', 'Court ']);
    expect(await events()).toEqual([expect.objectContaining({ summary: 'Hearing:\n  judge absent', place: 'Almaty', actor: 'Court' })]);
  });

  it('edit and a summary answered at the prompt store it so too', async () => {
    await c(['add', 'event', 'Kaster Musakhanuly', '--date', '2019-10-15', '--type', 'hearing'], scriptedPrompter(['  Judge absent ']));
    expect(await events()).toEqual([expect.objectContaining({ summary: 'Judge absent' })]);
    const [event] = await events();
    await c(['edit', event!.id as string, '--place', ' Almaty  ', '--summary', 'Judge absent  ']);
    expect(await events()).toEqual([expect.objectContaining({ summary: 'Judge absent', place: 'Almaty' })]);
    await c(['add', 'deadline', 'Kaster Musakhanuly', '--date', '2027-01-10', '--note', ' Appeal due ']);
    expect(JSON.parse((await c(['export'])).stdout).deadlines).toEqual([expect.objectContaining({ note: 'Appeal due' })]);
  });
});

describe('free text read from a sheet', () => {
  it('is read without its end spaces, so the sheet saved again without them is the same event', async () => {
    expect((await c(['import', sheet('Detained in Almaty ')])).stderr).toContain('1 added');
    const again = await c(['import', sheet('Detained in Almaty')]);
    expect(again.stderr).toContain('0 added, 0 updated, 1 unchanged');
    expect(await events()).toEqual([expect.objectContaining({ summary: 'Detained in Almaty', place: 'Almaty' })]);
  });

  it('takes a stored event holding them as the same, and leaves it as stored', async () => {
    // As an older caselog stored it: the padding comes in through its own JSON export, which keeps what it carries.
    const file = `${db}.json`;
    const padded = (await c(['export'])).stdout.replace('"events":[', '"events":[\n{"id":"e-0000aaaa","case":null,"type":"arrest","status":null,' +
      '"date":{"date":"2019-10-14","precision":"day","approximate":false,"dateText":"2019-10-14"},"summary":"Detained in Almaty ","place":" Almaty ",' +
      `"actor":null,"people":["${JSON.parse((await c(['export'])).stdout).people[0].id}"],"sources":[],"recorded":null}`);
    writeFileSync(file, padded);
    expect((await c(['import', file])).code).toBe(0);
    const before = (await c(['export'])).stdout;
    expect(before).toContain('"summary":"Detained in Almaty ","place":" Almaty "');
    const r = await c(['import', sheet('Detained in Almaty')]);
    expect(r.stderr).toContain('0 added, 0 updated, 1 unchanged');
    expect((await c(['export'])).stdout).toBe(before);
    const withId = fileOf('ids.csv', 'id,date,type,summary,people,place\ne-0000aaaa,2019-10-14,arrest,Detained in Almaty,Kaster Musakhanuly,Almaty\n');
    expect((await c(['import', withId])).stderr).toContain('0 added, 0 updated, 1 unchanged');
    expect((await c(['export'])).stdout).toBe(before);
    expect(before).toContain('"summary":"Detained in Almaty ","place":" Almaty "');
  });

  it("takes a stored person whose gender holds them as the person of the sheet's row, unchanged", async () => {
    const file = `${db}-people.json`;
    writeFileSync(file, (await c(['export'])).stdout.replace('"gender":null', '"gender":" female "'));
    expect((await c(['import', file, '--replace'])).code).toBe(0);
    const before = (await c(['export'])).stdout;
    expect(before).toContain('"gender":" female "');
    const r = await c(['import', fileOf('people.csv', 'name,gender\nKaster Musakhanuly,female\n')]);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining('0 added, 0 updated, 1 unchanged') });
    expect((await c(['export'])).stdout).toBe(before);
  });
});
