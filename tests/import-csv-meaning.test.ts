// What a sheet's cells mean, said where a caseworker moving a group's spreadsheet would misread it:
// two spellings of one new person, names in other case or spacing, commas between names, and a
// status or an age dated the import day for want of its day.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });
const sheet = (name: string, ...lines: string[]) => fileOf(name, `${lines.join('\n')}\n`);

beforeEach(() => {
  db = tempDb();
});

describe('two new rows of one sheet with close names', () => {
  it('advises one row with both spellings, or --new, not an id neither has', async () => {
    const r = await c(['import', sheet('people.csv', 'name,other_names', 'Kaster Musakhanuly,', 'Qaster Musakhanuly,')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('row 3, column name: "Qaster Musakhanuly" is close to "Kaster Musakhanuly" on row 2 (spelling variant (K/Q)): ' +
      'if they are one person, keep one row and put the other spelling in its other_names, or import with --new if they are two people');
    expect(r.stderr).not.toContain('id column');
  });

  it('names both ways when the name is close to someone tracked and to an earlier row', async () => {
    await c(['add', 'person', 'Kaster Musakhanuly']);
    const r = await c(['import', sheet('people.csv', 'name', 'Qaster Musakhanuly', 'Kaster Musakhanuli')]);
    expect(r.stderr).toMatch(/row 3, column name: "Kaster Musakhanuli" is close to Kaster Musakhanuly \[p-\w+\] \(.*\); "Qaster Musakhanuly" on row 2 \(/);
    expect(r.stderr).toContain('if it is someone tracked, put their id in the id column to update them; if it is the person of that line, ' +
      'keep one row and put the other spelling in its other_names, or import with --new if every new row is a different person');
  });
});

describe("an events sheet's people cell", () => {
  beforeEach(async () => {
    for (const name of ['Serikzhan Bilash', 'Gulnar Orazbek']) await c(['add', 'person', name]);
  });
  const peopleOf = async (name: string) => (JSON.parse((await c(['--json', 'timeline', name])).stdout) as { events: Array<{ summary: string }> }).events.map((e) => e.summary);

  it('takes a stored name in other case or spacing as that name, as add event does', async () => {
    const r = await c(['import', sheet('events.csv', 'date,type,summary,people', '2019-03-14,arrest,Small letters,gulnar orazbek',
      '2019-03-15,arrest,Pasted,Serikzhan\u00a0Bilash', '2019-03-16,report,Two spaces,Serikzhan  Bilash')]);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining('3 added') });
    expect(await peopleOf('Gulnar Orazbek')).toEqual(['Small letters']);
    expect(await peopleOf('Serikzhan Bilash')).toEqual(['Pasted', 'Two spaces']);
  });

  it('refuses a name only close to a stored one, naming the person meant and the alias that would take it', async () => {
    const r = await c(['import', sheet('events.csv', 'date,type,summary,people', '2019-03-14,arrest,x,Serikjan Bilash')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/row 2, column people: "Serikjan Bilash" is not a stored name; it looks like Serikzhan Bilash \[p-\w+\] \(spelling variant \(Zh\/J\), score 0\.\d\d\): /);
    expect(r.stderr).toContain('or add this spelling with caselog person alias "Serikzhan Bilash" "Serikjan Bilash"');
  });

  it('refuses people parted by a comma, saying that ";" separates them', async () => {
    const before = (await c(['export'])).stdout;
    const r = await c(['import', sheet('events.csv', 'date,type,summary,people', '2019-03-14,arrest,x,"Serikzhan Bilash, gulnar orazbek"')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('row 2, column people: "Serikzhan Bilash, gulnar orazbek" names several people: separate people with ";" (Serikzhan Bilash; gulnar orazbek)');
    expect((await c(['export'])).stdout).toBe(before);
  });
});

describe('an other_names cell holding a comma', () => {
  it('refuses names parted by a comma, saying ";" separates them, and takes one name in quotes', async () => {
    const r = await c(['import', sheet('people.csv', 'name,other_names', 'Ayg\u00fcl Tursun,"Aygul Tursun, Ayguli"')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('row 2, column other_names: "Aygul Tursun, Ayguli" reads as 2 names: separate names with ";" (Aygul Tursun; Ayguli); ' +
      'if it is one name written with a comma, put it in double quotes in the cell');
    // A generation is no name of its own; a name in quotes is one name, comma and all.
    const taken = await c(['import', sheet('people.csv', 'name,other_names', 'Ayg\u00fcl Tursun,"Ayguli; ""Tursun, Ayg\u00fcl""; Aygul Tursun, Jr."')]);
    expect(taken).toMatchObject({ code: 0, stderr: expect.stringContaining('1 added') });
    expect(JSON.parse((await c(['--json', 'show', 'Ayguli'])).stdout).names).toEqual(['Ayg\u00fcl Tursun', 'Ayguli', 'Tursun, Ayg\u00fcl', 'Aygul Tursun, Jr.']);
  });

  it('writes a name holding a comma in quotes, so that an export imports again, into this database and a new one', async () => {
    await c(['add', 'person', 'Ayg\u00fcl Tursun', '--alias', 'Tursun, Ayg\u00fcl']);
    const exported = (await c(['export', '--format', 'csv', '--table', 'people'])).stdout;
    expect(exported).toContain(',Ayg\u00fcl Tursun,"""Tursun, Ayg\u00fcl""",');
    const file = fileOf('people.csv', exported);
    expect((await c(['import', file])).stderr).toContain('1 unchanged');
    // A sheet exported before such names were quoted: a name the person already holds was written so on purpose.
    const older = exported.replace('"""Tursun, Ayg\u00fcl"""', '"Tursun, Ayg\u00fcl"');
    expect(await c(['import', fileOf('older.csv', older)])).toMatchObject({ code: 0, stderr: expect.stringContaining('1 unchanged') });
    db = tempDb();
    expect(await c(['import', file])).toMatchObject({ code: 0, stderr: expect.stringContaining('1 added') });
    expect((await c(['export', '--format', 'csv', '--table', 'people'])).stdout).toBe(exported);
  });
});

describe('a status and an age given without their day', () => {
  const people = () => sheet('people.csv', 'name,status,risks,age', 'Nurlan Abenov,detained,torture,34');
  const events = () => sheet('events.csv', 'date,type,summary,people', '2019-03-14,arrest,Arrested in Almaty (aged 34),Nurlan Abenov',
    '2021-06-01,release,Released on bail,Nurlan Abenov');

  it('says how many rows were dated today, what that outranks, and how to give the days', async () => {
    const file = people();
    const r = await c(['import', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('note: 1 row gives a status and 1 row an age without the day it held (no status_on or age_on): dated today, 24 November 2026; ' +
      'a status so dated outranks every event of the timeline before it. If known earlier, caselog undo takes this import back: ' +
      'give each row its day in a status_on and an age_on column (YYYY-MM-DD) and import again');
    // Imported again, the row keeps the day it was given on: nothing is dated today this time.
    expect((await c(['import', file])).stderr).not.toContain('note:');
    const dated = await c(['import', sheet('dated.csv', 'name,status,status_on,age,age_on', 'Kasim Mahpir,detained,2019-03-14,28,2019-03-14')]);
    expect(dated.stderr).not.toContain('note:');
  });

  it('says, importing events, whose status recorded on a later day outranks a change in the sheet', async () => {
    await c(['import', people()]);
    const r = await c(['import', events()]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("note: Nurlan Abenov's status stays detained, as recorded on 24 November 2026, over the release of 1 June 2021 in this sheet. " +
      'A status recorded on a day outranks the events before it: if it was known earlier, give that day in status_on ' +
      '(caselog export --format csv --table people > people.csv, set it, caselog import people.csv --replace); if it still holds, nothing need change');
    expect((await c(['show', 'Nurlan Abenov'])).stdout).toContain('status: detained, as recorded on 24 November 2026');
    // Given its day, the status is outranked by the later release, and nothing is said.
    db = tempDb();
    await c(['import', sheet('people.csv', 'name,status,status_on,risks', 'Nurlan Abenov,detained,2019-03-14,torture')]);
    expect((await c(['import', events()])).stderr).not.toContain('note:');
    expect((await c(['show', 'Nurlan Abenov'])).stdout).toContain('status: released since 1 June 2021');
  });
});
