// A sheet's ids as commands take them: the short form timeline and show print, copied into the id
// column or people_ids, is the stored record, never a second record under it that no command could
// reach. A new id that a stored one begins with is refused; a whole id is never read as a prefix.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2020-11-23' });
const idOf = async (args: string[]) => JSON.parse((await c(['--json', ...args])).stdout).id as string;
const export_ = async () => JSON.parse((await c(['export'])).stdout) as { people: Array<{ id: string; citizenship: string | null }>; events: Array<{ id: string; date: { date: string } }> };

beforeEach(() => {
  db = tempDb();
});

describe('a short id in a sheet', () => {
  it("in an events sheet's id column is the stored event: the correction updates it, and delete still finds it", async () => {
    await c(['add', 'person', 'Kaster Musakhanuly']);
    await c(['import', fileOf('ev.csv', 'date,type,summary,people\n2019-04-03,other,Family member taken to camp,Kaster Musakhanuly\n')]);
    const short = /e-[0-9a-z]+/.exec((await c(['timeline', 'Kaster Musakhanuly'])).stdout)![0];
    expect(short).toHaveLength(10);
    const fix = fileOf('fix.csv', `id,date,type,summary,people\n${short},2019-03-04,other,Family member taken to camp,Kaster Musakhanuly\n`);
    const refused = await c(['import', fix]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`1 record here differs from the file's and would be overwritten: event ${short} \\(date\\)`));
    expect((await c(['import', fix, '--replace'])).stderr).toContain('0 added, 1 updated, 0 unchanged');
    const events = (await export_()).events;
    expect(events.map((e) => [e.id.slice(0, 10), e.date.date])).toEqual([[short, '2019-03-04']]);
    expect(await c(['delete', short, '--force'])).toMatchObject({ code: 0 });
    expect((await export_()).events).toEqual([]);
  });

  it("in a people sheet's id column is the stored person, with --new too; in people_ids and case_ids, the person and the case", async () => {
    const kaster = await idOf(['add', 'person', 'Kaster Musakhanuly']);
    await c(['add', 'case', '--ref', 'UA 3/19', '--title', 'Camp']);
    const theCase = JSON.parse((await c(['--json', 'show', 'UA 3/19'])).stdout).id as string;
    const sheet = fileOf('p.csv', `id,name,citizenship,case_ids\n${kaster.slice(0, 10)},Kaster Musakhanuly,China,${theCase.slice(0, 8)}\n`);
    expect(await c(['import', sheet, '--replace'])).toMatchObject({ code: 0, stderr: expect.stringContaining('0 added, 1 updated, 0 unchanged') });
    expect(await c(['import', sheet, '--new'])).toMatchObject({ code: 0, stderr: expect.stringContaining('0 added, 0 updated, 1 unchanged') });
    const people = (await export_()).people;
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ id: kaster, citizenship: 'China', cases: [theCase] });
    const events = fileOf('ev.csv', `date,type,summary,people_ids\n2019-05-03,other,Interviewed,${kaster.slice(0, 8)}\n`);
    expect((await c(['import', events])).stderr).toContain('1 added');
    expect((await export_()).events[0]).toMatchObject({ people: [kaster] });
    // "p-" alone begins every person's id: it is no one's.
    const bare = await c(['import', fileOf('bare.csv', 'date,type,summary,people_ids\n2019-05-04,other,Seen,p-\n')]);
    expect(bare.stderr).toContain('row 2, column people_ids: no person with the id p-');
  });

  it('that fits several records is refused naming them; a new id that a stored one begins with is refused', async () => {
    const two = fileOf('two.csv', 'id,name\np-abcd1111aaaa2222,Ada Tursun\np-abcd3333bbbb4444,Bilal Omer\n');
    expect((await c(['import', two])).stderr).toContain('2 added');
    const several = await c(['import', fileOf('ev.csv', 'date,type,summary,people_ids\n2019-05-03,other,Interviewed,p-abcd\n')]);
    expect(several).toMatchObject({ code: 1, stderr: expect.stringContaining('row 2, column people_ids: p-abcd fits several person ids (p-abcd1111aaaa2222, p-abcd3333bbbb4444): give more of it') });
    const row = await c(['import', fileOf('p.csv', 'id,name\np-abcd,Ada Tursun\n')]);
    expect(row.stderr).toMatch(/nothing was imported: row 2, column id: p-abcd fits several person ids \(p-abcd1111aaaa2222, p-abcd3333bbbb4444\): give more of it\n$/);

    await c(['import', fileOf('short.csv', 'id,name\np-short123,Chen Wei\n')]);
    const before = (await c(['export'])).stdout;
    const longer = await c(['import', fileOf('longer.csv', 'id,name\np-short123xyz,Dilnur Ablet\n')]);
    expect(longer).toMatchObject({ code: 1, stderr: expect.stringContaining('column id: p-short123xyz is no person\'s here, but begins with p-short123, ' +
      'the id of a person here: a record added under it would make that id fit two; if the row is that person, put p-short123 in the id column, else leave the id empty to add a new person') });
    const rows = await c(['import', fileOf('rows.csv', 'id,name\np-newone12,Erkin Sidiq\np-newone1234,Ferhat Jilan\n')]);
    expect(rows.stderr).toContain('row 3, column id: p-newone1234 begins with p-newone12, the id on row 2: two records under them would make p-newone12 fit both');
    expect((await c(['export'])).stdout).toBe(before);
    // Of an event, in words that read right.
    await c(['import', fileOf('e1.csv', 'id,date,type,summary,people\ne-short123,2019-05-05,other,Seen,Chen Wei\n')]);
    const event = await c(['import', fileOf('e2.csv', 'id,date,type,summary,people\ne-short123xyz,2019-05-06,other,Seen again,Chen Wei\n')]);
    expect(event.stderr).toContain('begins with e-short123, the id of an event here');
  });
});

describe('a whole id that begins another stored id', () => {
  it('is that record, not a prefix fitting both, in show, delete and log', async () => {
    // A person and an event to export, whose ids are then made to begin one another.
    await c(['add', 'person', 'Ada Tursun']);
    await c(['add', 'event', 'Ada Tursun', '--date', '2019', '--type', 'other', '--summary', 'Seen']);
    const exported = JSON.parse((await c(['export'])).stdout) as { people: Array<Record<string, unknown>>; events: Array<Record<string, unknown>> };
    // Ids an older caselog let a sheet make (p-abcdefgh beside p-abcdefghjk), as an import of them keeps them.
    const person = exported.people[0]!;
    const event = exported.events[0]!;
    const named = (id: string, name: string) => ({ ...person, id, name, names: [{ id: `n-${id.slice(2)}`, name, note: null }] });
    exported.people = [named('p-abcdefgh', 'Ada Tursun'), named('p-abcdefghjk', 'Bilal Omer')];
    exported.events = [{ ...event, id: 'e-abcdefgh', people: ['p-abcdefgh'] }, { ...event, id: 'e-abcdefghjk', people: ['p-abcdefghjk'] }];
    db = tempDb();
    expect(await c(['import', fileOf('both.json', JSON.stringify(exported))])).toMatchObject({ code: 0, stderr: expect.stringContaining('4 added') });
    expect((await c(['show', 'p-abcdefgh'])).stdout).toMatch(/^Ada Tursun/);
    expect((await c(['show', 'p-abcdefghj'])).stdout).toMatch(/^Bilal Omer/);
    expect((await c(['show', 'e-abcdefgh'])).code).toBe(0);
    expect((await c(['delete', 'e-abcdefgh', '--force'])).code).toBe(0);
    expect((await c(['log', 'e-abcdefgh'])).code).toBe(0);
    expect((await export_()).events.map((x) => x.id)).toEqual(['e-abcdefghjk']);
  });
});
