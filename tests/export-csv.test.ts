// CSV export and import, in-process against real temporary SQLite files.
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DEMO, caselog, tempDb } from './helpers/cli';

let db: string;
let dir: string;
const c = (args: string[], on = db) => caselog(args, { db: on, today: '1999-03-01' });
const snapshot = async (on = db) => (await c(['export', '--format', 'json'], on)).stdout;
const file = (name: string) => join(dir, name);
const read = (path: string) => readFileSync(path, 'utf8');

async function exportCsv(on: string, out: string) {
  const r = await c(['export', '--format', 'csv', '--out', out], on);
  expect(r.code).toBe(0);
  return { people: read(join(out, 'people.csv')), events: read(join(out, 'events.csv')), deadlines: read(join(out, 'deadlines.csv')) };
}

/** A database holding only the cases and sources of another: what CSV people and events refer to. */
async function casesAndSourcesOf(from: string): Promise<string> {
  const whole = JSON.parse(await snapshot(from));
  const path = file('cases.json');
  writeFileSync(path, JSON.stringify({ ...whole, people: [], events: [], deadlines: [] }));
  const fresh = tempDb();
  expect((await c(['import', path], fresh)).code).toBe(0);
  return fresh;
}

async function ua7798() {
  await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture', '--opened', '15 October 1998']);
  await c(['add', 'source', '--ref', 'EUR 57/12/98', '--title', 'EXTRA 77/98', '--date', '15 October 1998']);
  await c(['add', 'person', 'Hemit Memet', '--alias', 'Khamit Memet', '--case', 'UA 77/98', '--risk', 'torture']);
  await c(['add', 'person', 'Kasim Mahpir', '--case', 'UA 77/98']);
}

beforeEach(() => {
  db = tempDb();
  dir = mkdtempSync(join(tmpdir(), 'caselog-csv-'));
});

describe('export --format csv', () => {
  it('writes people, events and deadlines with a BOM, CRLF rows, ids and names, into an owner-only folder', async () => {
    expect((await c(['import', DEMO])).code).toBe(0);
    const out = file('sheets');
    const { people, events, deadlines } = await exportCsv(db, out);
    expect(statSync(out).mode & 0o777).toBe(0o700);
    expect(statSync(join(out, 'people.csv')).mode & 0o777).toBe(0o600);
    for (const text of [people, events, deadlines]) {
      expect(text.startsWith('\uFEFFid,')).toBe(true);
      expect(text.split('\r\n').length).toBeGreaterThan(2);
    }
    expect(people).toMatch(/^p-\w+,Hemit Memet,Khamit Memet,/m);
    // The dates caselog works out (current status since, latest news) carry their precision too.
    expect(people).toMatch(/^p-\w+,Hemit Memet,Khamit Memet,,,returned,1999-02-11,day,false,11 February 1999,1999-02-11,day,false,11 February 1999,/m);
    expect(people).toContain('Қастер Мұсаханұлы');
    expect(events.split('\r\n')[0]).toBe(
      '\uFEFFid,date,date_precision,date_approximate,date_text,type,status,summary,place,actor,case_id,case,people_ids,people,source_ids,sources');
    expect(events).toMatch(/,1998,year,true,~1998,arrest,/);
    expect(events).toMatch(/p-\w+; p-\w+; p-\w+,Hemit Memet; Ilyas Zordun; Kasim Mahpir,/);
    expect(events).toContain('"Warrant issued for the arrest of all three men; wanted posters accuse them of ""separatist"" activities"');
    expect(deadlines).toMatch(/,1999-03-15,1999-03-15,day,false,15 March 1999,/);
  });

  it('writes one table on stdout with --table, and refuses to guess without --out or --table', async () => {
    await ua7798();
    const table = await c(['export', '--format', 'csv', '--table', 'people']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\r\n').filter(Boolean)).toHaveLength(3);
    // For another program: no byte-order mark stuck to the first column's name (the files have one).
    expect(table.stdout.startsWith('id,name,')).toBe(true);
    const neither = await c(['export', '--format', 'csv']);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('--out DIR');
    expect((await c(['export', '--format', 'csv', '--table', 'sources'])).code).toBe(2);
  });

  it('keeps spreadsheet programs from running text as a formula, and imports it back unchanged', async () => {
    await ua7798();
    await c(['add', 'event', 'Hemit Memet', '--date', '1999', '--type', 'report', '--summary', '=HYPERLINK("http://x.example","click")']);
    const { events } = await exportCsv(db, file('out'));
    expect(events).toContain(`"'=HYPERLINK(""http://x.example"",""click"")"`);
    const r = await c(['import', file('out/events.csv')]);
    expect(r.stderr).toContain('0 added, 0 updated, 1 unchanged');
  });
});

describe('export flags that would be ignored', () => {
  it.each([
    [['--format', 'json', '--table', 'people'], '--table goes with --format csv (one table on stdout)'],
    [['--format', 'ics', '--table', 'people'], '--table goes with --format csv (one table on stdout)'],
    [['--format', 'json', 'Hemit Memet'], '--format json exports everything; use --format md WHO for one person or case'],
    [['--format', 'ics', 'UA 77/98'], '--format ics exports every open deadline; use --format md WHO for one person or case'],
    [['--format', 'xml'], 'unknown --format "xml": use json, csv, ics, md'],
    [['--format', 'csv', '--table', 'bogus'], 'unknown --table "bogus": use people, events, deadlines'],
    [['--format', 'csv'], '--format csv needs --out DIR (people.csv, events.csv, deadlines.csv) or --table NAME (one table on stdout)'],
  ])('refuses %j as a usage error, before looking for the database', async (flags, message) => {
    expect((await c(['import', DEMO])).code).toBe(0);
    const missing = join(mkdtempSync(join(tmpdir(), 'caselog-none-')), 'none.db');
    for (const on of [db, missing]) {
      const r = await c(['export', ...flags], on);
      expect(r).toMatchObject({ code: 2, stdout: '', stderr: `caselog: ${message}\n` });
    }
  });
});

describe('a sheet cut down to a few columns', () => {
  it('updates only what it has columns for, with --replace too: names, ages, cases, people and sources stay', async () => {
    expect((await c(['import', DEMO])).code).toBe(0);
    const before = JSON.parse((await c(['export'])).stdout);
    await exportCsv(db, file('out'));
    const cut = (path: string, keep: string[]): string[][] => {
      const [head, ...rows] = parse(read(path), { bom: true }) as string[][];
      const at = keep.map((k) => head!.indexOf(k));
      return [keep, ...rows.map((r) => at.map((i) => r[i]!))];
    };
    const rows = cut(file('out/people.csv'), ['id', 'name', 'risks']);
    const id = rows[1]![0]!;
    rows[1]![2] = 'health';
    writeFileSync(file('people-cut.csv'), stringify(rows));
    const people = await c(['import', file('people-cut.csv'), '--replace']);
    expect(people.code, people.stderr).toBe(0);
    expect(people.stderr).toContain('0 added, 1 updated');
    const after = JSON.parse((await c(['export'])).stdout);
    const strip = (p: { id: string; risks: string[] }) => ({ ...p, risks: p.id === id ? [] : p.risks });
    expect(after.people.map(strip)).toEqual(before.people.map(strip));
    expect(after.people.find((p: { id: string }) => p.id === id).risks).toEqual(['health']);
    // Events cut to their dates and summaries keep their people, sources, place and case.
    writeFileSync(file('events-cut.csv'), stringify(cut(file('out/events.csv'), ['id', 'date', 'type', 'summary'])));
    const eventsBefore = JSON.parse((await c(['export'])).stdout).events;
    expect((await c(['import', file('events-cut.csv'), '--replace'])).stderr).toMatch(/0 added, 0 updated, \d+ unchanged/);
    expect(JSON.parse((await c(['export'])).stdout).events).toEqual(eventsBefore);
  });
});

describe('a sheet that repeats a status or an age, or renames someone', () => {
  it('keeps the day a repeated status or age was given on, and the old name beside the new', async () => {
    expect((await c(['add', 'person', 'Dana Sapar', '--status', 'detained'])).code).toBe(0);
    expect((await c(['import', DEMO])).code).toBe(0);
    const show = async (who: string) => JSON.parse((await c(['--json', 'show', who])).stdout);
    const hemit = await show('Hemit Memet');
    const sheet = (rows: string[][]) => { writeFileSync(file('s.csv'), stringify(rows)); return file('s.csv'); };
    // The same status again: the day it was recorded on stays (a sheet read later says today).
    const dana = await show('Dana Sapar');
    expect((await caselog(['import', sheet([['id', 'name', 'status'], [dana.id, 'Dana Sapar', 'detained']]), '--replace'], { db, today: '2026-01-01' })).code).toBe(0);
    expect((await show('Dana Sapar')).statusSince).toEqual(dana.statusSince);
    // The same age again: its day (February 1999) and the birth year stay.
    expect((await c(['import', sheet([['id', 'name', 'age'], [hemit.id, 'Hemit Memet', String(hemit.age)]]), '--replace'])).code).toBe(0);
    expect(await show('Hemit Memet')).toMatchObject({ age: hemit.age, ageOn: hemit.ageOn, born: hemit.born });
    // A changed age brings its birth year; a birth date given as such stays, as edit --age keeps it.
    expect((await c(['import', sheet([['id', 'name', 'age'], [hemit.id, 'Hemit Memet', '40']]), '--replace'])).code).toBe(0);
    expect((await show('Hemit Memet')).born).toMatchObject({ date: '1958', approximate: true });
    const aibek = (await c(['--json', 'add', 'person', 'Aibek Kadyr', '--born', '1970-05-04'])).stdout;
    const aibekId = JSON.parse(aibek).id as string;
    expect((await c(['import', sheet([['id', 'name', 'age'], [aibekId, 'Aibek Kadyr', '28']]), '--replace'])).code).toBe(0);
    expect(await show('Aibek Kadyr')).toMatchObject({ age: 28, born: { date: '1970-05-04', approximate: false } });
    // A rename keeps the old primary name and the other names.
    expect((await c(['import', sheet([['id', 'name'], [hemit.id, 'Hemit Memet Uly']]), '--replace'])).code).toBe(0);
    expect((await show('Hemit Memet Uly')).names).toEqual(['Hemit Memet Uly', 'Hemit Memet', 'Khamit Memet']);
  });
});

describe('CSV line breaks', () => {
  it('quotes a field holding a line break, so that a spreadsheet reads one row per record', async () => {
    await ua7798();
    await c(['add', 'event', 'Hemit Memet', '--date', '1999', '--type', 'report', '--summary', 'first line\nsecond line']);
    const { events } = await exportCsv(db, file('out'));
    expect(events).toContain('"first line\nsecond line"');
    // Outside quotes, only the CRLF row ends remain.
    const unquoted = events.replace(/"(?:[^"]|"")*"/g, '');
    expect(unquoted.split('\r\n').every((row) => !row.includes('\n'))).toBe(true);
    expect((await c(['import', file('out/events.csv')])).stderr).toContain('0 added, 0 updated, 1 unchanged');
  });
});

describe('import of a CSV', () => {
  it('round-trips: export, import into a fresh database, export again gives the same people and events', async () => {
    expect((await c(['import', DEMO])).code).toBe(0);
    const first = await exportCsv(db, file('first'));
    const fresh = await casesAndSourcesOf(db);
    expect((await c(['import', file('first/people.csv')], fresh)).code).toBe(0);
    const events = await c(['import', file('first/events.csv')], fresh);
    expect(events.code).toBe(0);
    expect(events.stderr).toMatch(/Imported events from .*: \d+ added, 0 updated, 0 unchanged/);
    const second = await exportCsv(fresh, file('second'));
    expect(second.people).toBe(first.people);
    expect(second.events).toBe(first.events);
  });

  it('changes nothing when the exported files are imported back into their own database', async () => {
    expect((await c(['import', DEMO])).code).toBe(0);
    await exportCsv(db, file('out'));
    const before = await snapshot();
    const people = await c(['import', file('out/people.csv')]);
    expect(people.stderr).toMatch(/0 added, 0 updated, \d+ unchanged/);
    expect((await c(['import', file('out/events.csv')])).stderr).toMatch(/0 added, 0 updated, \d+ unchanged/);
    expect(await snapshot()).toBe(before);
  });

  it('adds rows without an id, finding people by a stored name, cases by reference and sources by code', async () => {
    await ua7798();
    writeFileSync(file('new.csv'), [
      'date,type,summary,people,case,sources',
      '11 February 1999,deportation,"Returned to China, with others",Khamit Memet; Kasim Mahpir,ua 77/98,EUR 57/12/98',
      '~1998,arrest,Arrested at the border,Hemit Memet,,',
    ].join('\n'));
    const r = await c(['import', file('new.csv')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2 added');
    const timeline = (await c(['timeline', 'Kasim Mahpir'])).stdout;
    expect(timeline).toContain('11 February 1999');
    expect(timeline).toContain('Returned to China, with others');
    expect(timeline).toContain('EUR 57/12/98');
    const hemit = JSON.parse((await c(['--json', 'timeline', 'Hemit Memet'])).stdout);
    expect(hemit.events[0]).toMatchObject({ type: 'arrest', date: '1998', approximate: true, dateText: '~1998' });
  });

  it('updates the record whose id a row carries', async () => {
    await ua7798();
    await c(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'returned']);
    await exportCsv(db, file('out'));
    const edited = read(file('out/events.csv')).replace(',returned,', ',"returned to China, per TV report",');
    writeFileSync(file('edited.csv'), edited);
    // A spreadsheet's edits overwrite what is here only when asked to.
    const refused = await c(['import', file('edited.csv')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/1 record here differs from the file's and would be overwritten: event e-\w+ \(summary\); nothing was imported\. To take the file's version, give --replace/);
    const r = await c(['import', file('edited.csv'), '--replace']);
    expect(r.stderr).toContain('0 added, 1 updated, 0 unchanged');
    expect((await c(['timeline', 'Hemit Memet'])).stdout).toContain('returned to China, per TV report');
  });

  it('falls back to names when ids come from another database, and refuses ids and names that disagree', async () => {
    await ua7798();
    const hemit = JSON.parse((await c(['--json', 'timeline', 'Hemit Memet'])).stdout).person.id as string;
    writeFileSync(file('foreign.csv'), 'date,type,summary,people_ids,people\n1999-01-05,hearing,from a colleague,p-0000000000000000,Hemit Memet\n');
    expect((await c(['import', file('foreign.csv')])).stderr).toContain('1 added');
    expect((await c(['timeline', 'Hemit Memet'])).stdout).toContain('from a colleague');
    writeFileSync(file('clash.csv'), `date,type,summary,people_ids,people\n1999-01-06,hearing,which one?,${hemit},Kasim Mahpir\n`);
    const clash = await c(['import', file('clash.csv')]);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('row 2, column people: does not match people_ids');
  });

  it('names every bad row with its row and column, and imports nothing', async () => {
    await ua7798();
    writeFileSync(file('people.csv'), [
      'name,other_names,status,risks,cases,born',
      'Ilyas Zordun,,detained,torture,UA 77/98,1970',
      '"Multi',
      'Line Name",,jailed,torture,,',
      'Ada Bad,,,,,03/04/1999',
      'Zed Good,,,refoulement,UA 77/98,',
    ].join('\r\n'));
    const before = await snapshot();
    const r = await c(['import', file('people.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2 rows cannot be imported, so nothing was imported');
    expect(r.stderr).toContain('row 3, column status: "jailed" is not one of');
    expect(r.stderr).toContain('row 4 (line 5), column born: "03/04/1999" is ambiguous: write it as 1999-04-03 or 1999-03-04');
    expect(r.stderr).not.toContain('row 2');
    expect(r.stdout).toBe('');
    expect(await snapshot()).toBe(before);
  });

  it('refuses unknown people, unknown columns and a second row for a tracked name', async () => {
    await ua7798();
    writeFileSync(file('events.csv'), 'date,type,summary,people\n1999,arrest,x,Nobody Known\n1999,party,y,Hemit Memet\n');
    const events = await c(['import', file('events.csv')]);
    expect(events.code).toBe(1);
    expect(events.stderr).toContain('row 2, column people: no person with the stored name "Nobody Known"');
    expect(events.stderr).toContain('row 3, column type: "party" is not one of');
    writeFileSync(file('typo.csv'), 'name,citizenshp\nAda,X\n');
    expect((await c(['import', file('typo.csv')])).stderr).toContain('unknown column "citizenshp"');
    writeFileSync(file('again.csv'), 'name\nHemit Memet\n');
    expect((await c(['import', file('again.csv')])).stderr).toContain('"Hemit Memet" is already tracked');
  });

  it('refuses a new row whose name is close to someone tracked, unless --new says the sheet\'s people are new', async () => {
    await ua7798();
    const before = (await c(['export'])).stdout;
    writeFileSync(file('close.csv'), 'name\nKasim Mehpir\nBrand New Person\n');
    const refused = await c(['import', file('close.csv')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/row 2, column name: "Kasim Mehpir" is close to Kasim Mahpir \[p-[0-9a-z]{8}\] \(.*\): put their id in the id column/);
    expect(refused.stderr).not.toContain('Brand New Person');
    expect((await c(['export'])).stdout).toBe(before);
    writeFileSync(file('events-new.csv'), 'date,type,summary,people\n1999,arrest,x,Hemit Memet\n');
    expect((await c(['import', file('events-new.csv'), '--new'])).code).toBe(2);
    const taken = await c(['import', file('close.csv'), '--new']);
    expect(taken).toMatchObject({ code: 0, stderr: expect.stringContaining('2 added') });
  });

  it('refuses a new status event on a case as a whole, as add event does', async () => {
    await ua7798();
    const before = (await c(['export'])).stdout;
    writeFileSync(file('status.csv'), 'date,type,status,summary,case\n1999-02-20,status,released,x,UA 77/98\n');
    expect(await c(['import', file('status.csv')])).toMatchObject({ code: 1, stderr: expect.stringContaining('row 2, column people: a status event is about people, not a case as a whole') });
    expect((await c(['export'])).stdout).toBe(before);
  });

  it('refuses two rows of one new name up to case and spacing unless --new says they are two people, and stores names in one Unicode form', async () => {
    writeFileSync(file('twice.csv'), 'name\n"Zoe Test"\n"ZOE  TEST"\n');
    expect(await c(['import', file('twice.csv')])).toMatchObject({ code: 1, stderr: expect.stringContaining('row 3, column name: "ZOE  TEST" is also added on row 2 (as "Zoe Test"): give one row per person, or import with --new') });
    expect(existsSync(db)).toBe(false);
    const namesakes = tempDb();
    expect((await c(['import', file('twice.csv'), '--new'], namesakes)).stderr).toContain('2 added');
    // Two new rows whose names differ by accents alone are one person, unless --new says not.
    writeFileSync(file('accents.csv'), 'name\nAli Baisal\nAl\u00ed Baisal\n');
    expect((await c(['import', file('accents.csv')])).stderr).toContain('row 3, column name: "Al\u00ed Baisal" is close to "Ali Baisal" on row 2 (same letters ignoring case and accents)');
    expect(existsSync(db)).toBe(false);
    expect((await c(['import', file('accents.csv'), '--new'])).stderr).toContain('2 added');
    // "Zoë" as e and a combining mark: stored as the one letter, found as typed either way.
    writeFileSync(file('marks.csv'), 'name\nZoe\u0308 Test\n');
    expect((await c(['import', file('marks.csv')])).code).toBe(0);
    expect(JSON.parse((await c(['--json', 'show', 'Zo\u00eb Test'])).stdout).name).toBe('Zo\u00eb Test');
    expect(JSON.parse((await c(['--json', 'show', 'Zoe\u0308 Test'])).stdout).name).toBe('Zo\u00eb Test');
    expect((await c(['add', 'person', 'Zo\u00eb Test'])).stderr).toContain('is already a name of someone tracked');
  });

  it('refuses a new row whose name is a spelling variant of an earlier new row, as it refuses one close to someone tracked', async () => {
    writeFileSync(file('variants.csv'), 'name\nHemit Memet\nZoe Test\nKhamit Memet\nAli Baisal\nAli Baysal\n');
    const refused = await c(['import', file('variants.csv')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('row 4, column name: "Khamit Memet" is close to "Hemit Memet" on row 2');
    expect(refused.stderr).toContain('row 6, column name: "Ali Baysal" is close to "Ali Baisal" on row 5');
    expect(refused.stderr).not.toContain('row 3');
    expect(existsSync(db)).toBe(false);
    // --new says each row is a different person.
    expect((await c(['import', file('variants.csv'), '--new'])).stderr).toContain('5 added');
    expect(JSON.parse((await c(['--json', 'list', 'people'])).stdout)).toHaveLength(5);
  });

  it('takes a sheet of events imported again, with rows added, as the events already recorded and the new ones', async () => {
    await ua7798();
    const sheet = ['date,type,summary,people,case', '1999-02-11,deportation,Returned to China,Hemit Memet; Kasim Mahpir,UA 77/98', '1999-02,report,Appeals sent,,UA 77/98'];
    writeFileSync(file('events.csv'), sheet.join('\n'));
    expect((await c(['import', file('events.csv')])).stderr).toContain('2 added, 0 updated, 0 unchanged');
    writeFileSync(file('events.csv'), [...sheet, '1999-02-20,detention,Held in Urumqi,Hemit Memet,UA 77/98'].join('\n'));
    expect((await c(['import', file('events.csv')])).stderr).toContain('1 added, 0 updated, 2 unchanged');
    const events = JSON.parse((await c(['--json', 'timeline', 'UA 77/98'])).stdout).events as Array<{ summary: string }>;
    expect(events.map((e) => e.summary).sort()).toEqual(['Appeals sent', 'Held in Urumqi', 'Returned to China']);
    // The same event twice in one sheet is refused; an event of that day with other people is another event.
    const before = await snapshot();
    writeFileSync(file('twice.csv'), ['date,type,summary,people', '1999-03-01,statement,Spoke out,Kasim Mahpir', '1999-03-01,statement,Spoke out,Kasim Mahpir'].join('\n'));
    expect(await c(['import', file('twice.csv')])).toMatchObject({ code: 1, stderr: expect.stringContaining('row 3: the same event as row 2: give it once') });
    expect(await snapshot()).toBe(before);
    writeFileSync(file('other.csv'), ['date,type,summary,people,case', '1999-02-11,deportation,Returned to China,Hemit Memet,UA 77/98'].join('\n'));
    expect((await c(['import', file('other.csv')])).stderr).toContain('1 added');
    // A row with the stored event's id and one without it that says the same: one event twice, said either way round.
    const [stored] = events.filter((e) => e.summary === 'Appeals sent') as Array<{ id: string; summary: string }>;
    const row = '1999-02,report,Appeals sent,,UA 77/98';
    const withId = `${stored!.id},${row}`;
    const both = await snapshot();
    for (const [name, rows, says] of [['id-first.csv', [withId, `,${row}`], `row 3: the same event (${stored!.id}) as row 2: give it once`], ['id-last.csv', [`,${row}`, withId], `row 3, column id: ${stored!.id} is also on row 2 (a row without the id that says what it says)`]] as const) {
      writeFileSync(file(name), ['id,date,type,summary,people,case', ...rows].join('\n'));
      expect(await c(['import', file(name)])).toMatchObject({ code: 1, stderr: expect.stringContaining(says) });
    }
    expect(await snapshot()).toBe(both);
  });

  it('takes rows added to an exported sheet by a tool that ends lines in LF, the export ending them in CRLF', async () => {
    await ua7798();
    await exportCsv(db, file('out'));
    const sheet = join(file('out'), 'events.csv');
    const exported = readFileSync(sheet, 'utf8');
    expect(exported).toContain('\r\n');
    const header = exported.split('\r\n')[0]!.replace(/^\uFEFF/, '').split(',');
    const row = (summary: string) => header.map((column) => ({ date: '1999-02-21', type: 'release', summary, people: 'Hemit Memet', case: 'UA 77/98' })[column] ?? '').join(',');
    writeFileSync(sheet, `${exported}${row('Released to his family')}\n${row('Seen at home')}\n`);
    const r = await c(['import', sheet]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/2 added, 0 updated/);
    const events = JSON.parse((await c(['--json', 'timeline', 'Hemit Memet'])).stdout).events as Array<{ summary: string }>;
    expect(events.map((e) => e.summary)).toEqual(expect.arrayContaining(['Released to his family', 'Seen at home']));
  });

  it('refuses a row whose age and birth date cannot both be right, as add person does', async () => {
    writeFileSync(file('ages.csv'), ['name,age,age_on,born', 'Ali Veli,30,2020,1960', 'Ayse Kaya,1,2020-01-01,2020-03-01', 'Bora Demir,30,2020-06-01,1990-01-15'].join('\n'));
    const r = await c(['import', file('ages.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('row 2, column born: aged 30 in 2020 is born in 1989 or 1990, not 1960');
    expect(r.stderr).toContain('row 3, column born: born 1 March 2020 is after the day the age was given (1 January 2020)');
    // Dates after today (1 March 1999 here) are no fault of a sheet: it may hold later records.
    expect(r.stderr).not.toContain('row 4');
    expect(existsSync(db)).toBe(false);
  });

  it('reads a sheet whose lines end in CR alone (Excel for Mac), and names the row of a bad one', async () => {
    writeFileSync(file('cr.csv'), 'name,status\rAli Veli,detained\rAyse Kaya,released\r');
    expect(await c(['import', file('cr.csv')])).toMatchObject({ code: 0, stderr: expect.stringContaining('2 added') });
    writeFileSync(file('cr-bad.csv'), 'name,status\rBora Demir,detained\rCan Yilmaz,jailed\r');
    const bad = await c(['import', file('cr-bad.csv')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('row 3');
  });

  it('keeps a case reference or source title that holds a semicolon whole in a list cell, so a colleague can import it by name', async () => {
    const setUp = async (on: string) => {
      await c(['add', 'case', '--ref', 'AB;12', '--title', 'Fear of torture'], on);
      await c(['add', 'source', '--title', 'China: Uighur men returned; fear of "torture"'], on);
      await c(['add', 'source', '--ref', 'EUR 57/12/98', '--title', 'EXTRA 77/98'], on);
    };
    await setUp(db);
    await c(['add', 'person', 'Hemit Memet', '--case', 'AB;12']);
    await c(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'Returned',
      '--source', 'China: Uighur men returned; fear of "torture"', '--source', 'EUR 57/12/98']);
    const sheets = await exportCsv(db, file('out'));
    expect(sheets.people).toContain('"""AB;12"""');
    // The colleague's database has the case and sources under ids of its own: the names link them.
    const theirs = tempDb();
    await setUp(theirs);
    expect((await c(['import', file('out/people.csv')], theirs)).code).toBe(0);
    expect((await c(['import', file('out/events.csv')], theirs)).code).toBe(0);
    const [event] = JSON.parse((await c(['--json', 'timeline', 'Hemit Memet'], theirs)).stdout).events as Array<{ sources: Array<{ title: string }> }>;
    expect(event!.sources.map((x) => x.title).sort()).toEqual(['China: Uighur men returned; fear of "torture"', 'EXTRA 77/98']);
    expect(JSON.parse((await c(['--json', 'show', 'Hemit Memet'], theirs)).stdout).cases.map((x: { ref: string }) => x.ref)).toEqual(['AB;12']);
  });

  it("checks a colleague's sheet (ids this database does not hold) for people tracked here under the same or a close name", async () => {
    await ua7798();
    const sheets = await exportCsv(db, file('theirs'));
    expect(sheets.people).toContain('Hemit Memet');
    const mine = tempDb();
    await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture'], mine);
    await c(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98'], mine);
    await c(['add', 'person', 'Kasim Mahpirov', '--case', 'UA 77/98'], mine);
    const before = await snapshot(mine);
    const refused = await c(['import', file('theirs/people.csv')], mine);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/column name: "Hemit Memet" is already tracked \(p-\w+\): put the id in the id column to update them \(p-\w+ is no one's here: a sheet from another database\)/);
    expect(refused.stderr).toMatch(/column name: "Kasim Mahpir" is close to Kasim Mahpirov \[p-\w+\]/);
    expect(await snapshot(mine)).toBe(before);
  });

  it('reads a cell of several lines written with CRLF (a spreadsheet on Windows) as lines, not as a control character', async () => {
    await ua7798();
    writeFileSync(file('crlf.csv'), 'date,type,summary,people\r\n1999-02-12,detention,"Held in Urumqi\r\nNo access to a lawyer",Hemit Memet\r\n');
    expect((await c(['import', file('crlf.csv')])).code).toBe(0);
    const events = JSON.parse((await c(['--json', 'timeline', 'Hemit Memet'])).stdout).events as Array<{ summary: string }>;
    expect(events.map((e) => e.summary)).toContain('Held in Urumqi\nNo access to a lawyer');
  });

  it('reads a sheet saved with another ending (.txt) as CSV, by its first line', async () => {
    writeFileSync(file('people.txt'), 'name,risks\nAida Bekova,torture\n');
    expect((await c(['import', file('people.txt')])).stderr).toContain('Imported people from');
    expect(JSON.parse((await c(['--json', 'show', 'Aida Bekova'])).stdout).risks).toEqual(['torture']);
  });
});

