// A people sheet edited in a spreadsheet and imported again: a row without an id that says what a
// stored person says is that person, and edits to the columns caselog works out are said to be unread.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], today = '2020-11-23') => caselog(args, { db, today });

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 1/20', '--title', 'Fear of torture']);
  await c(['add', 'person', 'Ilyas Zordun', '--case', 'UA 1/20', '--risk', 'torture']);
  await c(['add', 'event', 'Ilyas Zordun', '--date', '2020-11-21', '--type', 'detention', '--summary', 'Held in a camp']);
});

/** The people sheet as exported, as rows of cells by column, to edit as a spreadsheet user would. */
async function peopleSheet(): Promise<Array<Record<string, string>>> {
  return parse((await c(['export', '--format', 'csv', '--table', 'people'])).stdout, { columns: true }) as Array<Record<string, string>>;
}
const sheetOf = (rows: Array<Record<string, string>>) => stringify(rows, { header: true });

describe('a people sheet imported again, with a row added without an id', () => {
  it('takes the row as the person it added the first time, on any day; a row that says otherwise is refused', async () => {
    const rows = await peopleSheet();
    const added = { ...Object.fromEntries(Object.keys(rows[0]!).map((k) => [k, ''])), name: 'Kasim Mahpir', other_names: 'Qasim Mahpir', status: 'detained', risks: 'torture', age: '28', cases: 'UA 1/20' };
    const sheet = fileOf('people.csv', sheetOf([...rows, added]));
    expect((await c(['import', sheet])).stderr).toContain('1 added, 0 updated, 1 unchanged');
    const before = (await c(['export'])).stdout;
    // A day later: the status and the age given without their day keep the day they were given on.
    expect(await c(['import', sheet], '2020-11-24')).toMatchObject({ code: 0, stderr: expect.stringContaining('0 added, 0 updated, 2 unchanged') });
    expect((await c(['export'])).stdout).toBe(before);

    const older = await c(['import', fileOf('older.csv', sheetOf([...rows, { ...added, age: '29' }]))]);
    expect(older.code).toBe(1);
    expect(older.stderr).toMatch(/row 3, column name: "Kasim Mahpir" is already tracked \(p-\w+\), and the row differs from what is stored: age, date of birth; if the row is them, put the id in the id column and import with --replace/);
    const twice = await c(['import', fileOf('twice.csv', sheetOf([...rows, added, added]))]);
    expect(twice.stderr).toContain('row 4, column name: "Kasim Mahpir" is also on row 3: give one row per person');
    expect((await c(['export'])).stdout).toBe(before);
  });

  it('refuses a row that names a tracked person and says less than they hold (a namesake, perhaps)', async () => {
    const r = await c(['import', fileOf('name.csv', 'name\nIlyas Zordun\n')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"Ilyas Zordun" is already tracked');
  });
});

describe('a people sheet imported again after a spelling was added here', () => {
  const g = 'name,other_names,citizenship\nMurager Alimuly,Мұрагер Әлімұлы,China\n';

  it('is the person still, unchanged, after person alias: their names here stay, and the note says so', async () => {
    const sheet = fileOf('g.csv', g);
    await c(['import', sheet]);
    await c(['person', 'alias', 'Murager Alimuly', 'Murager Alimuli']);
    const before = (await c(['export'])).stdout;
    for (const args of [[], ['--replace']]) {
      const r = await c(['import', sheet, ...args]);
      expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining('0 added, 0 updated, 1 unchanged') });
      expect(r.stderr).toMatch(/note: person Murager Alimuly \[p-\w+\] keeps "Murager Alimuli" though the file lacks it: an import takes no name away/);
    }
    expect((await c(['export'])).stdout).toBe(before);
  });

  it('is the person still after a merge, under the name they are known by or another of theirs', async () => {
    const sheet = fileOf('g.csv', g);
    await c(['import', sheet]);
    await c(['add', 'person', 'Murager Alimuli', '--new', '--citizenship', 'China']);
    expect((await c(['merge', 'Murager Alimuly', 'Murager Alimuli', '--force'])).code).toBe(0);
    const before = (await c(['export'])).stdout;
    expect(await c(['import', sheet])).toMatchObject({ code: 0, stderr: 'Imported people from ' + sheet + ': 0 added, 0 updated, 1 unchanged\n' });
    expect((await c(['export'])).stdout).toBe(before);
    expect((await c(['show', 'Murager Alimuly'])).stdout).toMatch(/^Murager Alimuli /);
  });

  it('that says otherwise is refused saying what differs and the commands to use; a new spelling on the row is a difference', async () => {
    await c(['import', fileOf('g.csv', g)]);
    await c(['person', 'alias', 'Murager Alimuly', 'Murager Alimuli']);
    const before = (await c(['export'])).stdout;
    const moved = fileOf('moved.csv', g.replace('China', 'Kazakhstan'));
    const r = await c(['import', moved]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp('row 2, column name: "Murager Alimuly" is already tracked \\(p-\\w+\\), and the row differs from what is stored: citizenship; ' +
      'names: keeps "Murager Alimuli" though the file lacks it, as an import takes no name away; edited here [^;]+; ' +
      'if the row is them, put the id in the id column and import with --replace to take the row\'s version; ' +
      'if it is another person of that name, add them with caselog add person "Murager Alimuly" --new\n$'));
    expect((await c(['import', moved, '--replace'])).code).toBe(1);
    const spelled = await c(['import', fileOf('spelled.csv', 'name,other_names,citizenship\nMurager Alimuly,Мұрагер Әлімұлы;Murager A.,China\n')]);
    expect(spelled.stderr).toContain('the row differs from what is stored: names: adds "Murager A."');
    expect((await c(['export'])).stdout).toBe(before);
  });
});

describe('a people sheet whose worked-out columns were edited', () => {
  it('says once which columns were not read, on how many rows, and the command to use instead', async () => {
    await c(['add', 'person', 'Kasim Mahpir', '--case', 'UA 1/20']);
    const rows = await peopleSheet();
    const edited = rows.map((r) => ({ ...r, current_status: 'released', latest_news: r.latest_news ? '2020-11-22' : '' }));
    const r = await c(['import', fileOf('edited.csv', sheetOf(edited))]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('0 added, 0 updated, 2 unchanged');
    expect(r.stderr.match(/note:/g)).toHaveLength(1);
    expect(r.stderr).toContain('note: current_status, latest_news differ on 2 rows from what caselog works out from the events, and were not read ' +
      '(they are worked out, never imported): to change a status, caselog status NAME STATUS; latest news is the date of the newest event: caselog add event');
    const json = JSON.parse((await c(['--json', 'import', fileOf('edited.csv', sheetOf(edited))])).stdout);
    expect(json).toMatchObject({ table: 'people', unchanged: 2, notes: [expect.stringMatching(/^current_status, latest_news differ on 2 rows/)] });
  });

  it('says nothing of cells a spreadsheet only rewrote (FALSE, Detained, a date in words) or left empty', async () => {
    const rows = await peopleSheet();
    const rewritten = rows.map((r) => ({ ...r, current_status: r.current_status!.toUpperCase(), latest_news: '21 November 2020',
      latest_news_approximate: 'FALSE', current_status_since: '' }));
    const r = await c(['import', fileOf('rewritten.csv', sheetOf(rewritten))]);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining('0 added, 0 updated, 1 unchanged') });
    expect(r.stderr).not.toContain('note:');
  });
});

describe('an events sheet with a row corrected and imported again', () => {
  it('names the stored event the corrected row may replace: its date changed, or its summary', async () => {
    await c(['add', 'person', 'Ekpar Tursun']);
    const header = 'date,type,summary,place,people\n';
    await c(['import', fileOf('fx1.csv', `${header}March 2018,detention,Taken to Dabancheng camp,Korla,Ekpar Tursun\n`)]);
    const byDate = await c(['import', fileOf('fx2.csv', `${header}April 2018,detention,Taken to Dabancheng camp,Korla,Ekpar Tursun\n`)]);
    expect(byDate.stderr).toMatch(/note: event e-\w+, just imported \(detention, April 2018\), says what event (e-\w+) here says but for its date: the timeline shows both; if they are one event, caselog delete \1 keeps the file's/);
    const bySummary = await c(['import', fileOf('fx3.csv', `${header}April 2018,detention,Taken to Dabancheng camp in Korla,Korla,Ekpar Tursun\n`)]);
    expect(bySummary.stderr).toMatch(/says what event e-\w+ here says but for its summary:/);
    // Another happening altogether (both changed) is not named.
    const other = await c(['import', fileOf('fx4.csv', `${header}2019,detention,Moved to Urumqi prison,Urumqi,Ekpar Tursun\n`)]);
    expect(other.stderr).not.toContain('note:');
  });
});

describe("a new row whose other names are a tracked person's", () => {
  it('is refused as add person --alias refuses it, naming the row, the name and whose it is; nothing is imported', async () => {
    const kasim = JSON.parse((await c(['--json', 'add', 'person', 'Kasim Mahpir'])).stdout).id as string;
    const before = (await c(['export'])).stdout;
    const sheet = fileOf('people.csv', 'name,other_names\n艾合买提·买买提,Kasim Mahpir\nBrand New Person,\n');
    const r = await c(['import', sheet]);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe(`caselog: ${sheet}: 1 row cannot be imported, so nothing was imported: row 2, column other_names: "Kasim Mahpir" is already a name of ` +
      `Kasim Mahpir [${kasim.slice(0, 10)}] (the same name): put their id in the id column to update them, or import with --new if every new row is a different person\n`);
    const close = await c(['import', fileOf('close.csv', 'name,other_names\n艾合买提·买买提,Qasim Mahpir\n')]);
    expect(close.stderr).toMatch(/row 2, column other_names: "Qasim Mahpir" is close to Kasim Mahpir \[p-\w+\] \(.*\): put their id/);
    expect((await c(['export'])).stdout).toBe(before);
    expect((await c(['show', 'Kasim Mahpir'])).code).toBe(0);
    // As add person --alias with --new: the caseworker says each new row is a different person.
    expect((await c(['import', sheet, '--new'])).stderr).toContain('2 added');
  });
});

describe('a refused row of a sheet', () => {
  it('is named by its row and column, with or without an id (an id made on reading changes every run)', async () => {
    const made = await c(['import', fileOf('new-people.csv', 'name\nOdd; Name\n')]);
    expect(made.code).toBe(1);
    expect(made.stderr).toMatch(/: row 2, column name: the name "Odd; Name" holds a semicolon/);
    const given = await c(['import', fileOf('own-ids.csv', 'id,name\np-abcd1234,Odd; Name\n')]);
    // Found as the row is read, with its other problems: the row is named as the spreadsheet shows it.
    expect(given.stderr).toMatch(/: row 2, column name: the name "Odd; Name" holds a semicolon/);
  });
});
