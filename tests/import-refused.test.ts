// An import that cannot be taken whole is refused: exit 1, one line naming the file and the place,
// and the database as it was — or, when the command would have created it, no database at all.
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bulkImport } from '../src/store/search-bulk';
import { caselog, DEMO, tempDb } from './helpers/cli';

const defaultThreshold = bulkImport.fromBytes;
afterEach(() => {
  bulkImport.fromBytes = defaultThreshold;
});

let dir: string;
/** The demo database's export, one record a line as caselog writes it. */
let lines: string[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caselog-refused-'));
  const db = tempDb();
  expect((await caselog(['import', DEMO], { db })).code).toBe(0);
  lines = (await caselog(['export', '--format', 'json'], { db })).stdout.split('\n');
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Everything a user could see of a database: its export and its change log. */
async function state(db: string) {
  const handle = new Database(db, { readonly: true });
  const changes = handle.prepare('SELECT count(*) AS n FROM changes').get();
  handle.close();
  return { exported: (await caselog(['export', '--format', 'json'], { db })).stdout, changes };
}

/** A database holding one case of its own, so that "unchanged" is not just "empty". */
async function existingDb(): Promise<string> {
  const db = tempDb();
  expect((await caselog(['add', 'case', '--ref', 'UA 1/20', '--title', 'Fear of torture'], { db })).code).toBe(0);
  return db;
}

/** Imports into an existing database and into a path with no database yet; checks both come out as they were. */
async function refused(path: string, message: string | RegExp, oneLine = true) {
  const db = await existingDb();
  const before = await state(db);
  for (const target of [db, tempDb()]) {
    const fresh = !existsSync(target);
    const r = await caselog(['import', path], { db: target });
    expect(r.code, r.stderr).toBe(1);
    if (oneLine) expect(r.stderr.trim().split('\n')).toHaveLength(1);
    if (typeof message === 'string') expect(r.stderr).toBe(`caselog: ${message}\n`);
    else expect(r.stderr).toMatch(message);
    if (fresh) expect(readdirSync(dirname(target))).toEqual([]);
    else expect(await state(db)).toEqual(before);
  }
}

describe('an export file that is not whole', () => {
  it('cut off at a line boundary imports nothing and says where the file ends', async () => {
    const cut = file('cut.json', `${lines.slice(0, 30).join('\n')}\n`);
    await refused(cut, `${cut} ends before the export does (line 30): the file is incomplete; nothing was imported`);
  });

  it('cut off just before its closing line imports nothing', async () => {
    const end = lines.lastIndexOf(']}');
    const cut = file('cut-end.json', `${lines.slice(0, end).join('\n')}\n`);
    await refused(cut, `${cut} ends before the export does (line ${end}): the file is incomplete; nothing was imported`);
  });

  it('with a record that lost its comma imports nothing and names the line', async () => {
    const at = lines.indexOf('"people":[') + 1;
    const edited = [...lines];
    edited[at] = edited[at]!.replace(/,$/, '');
    const path = file('no-comma.json', edited.join('\n'));
    await refused(path, `${path}, line ${at + 1}: no comma at the end of this record, and another record follows; nothing was imported`);
  });

  it('still imports pretty-printed, minified, CRLF and BOM files', async () => {
    const doc = JSON.parse(lines.join('\n'));
    const forms = {
      pretty: JSON.stringify(doc, null, 2), minified: JSON.stringify(doc), crlf: lines.join('\r\n'), bom: `\uFEFF${lines.join('\n')}`,
    };
    for (const [name, text] of Object.entries(forms)) {
      const r = await caselog(['import', file(`${name}.json`, text)], { db: tempDb() });
      expect(r.stderr, name).toMatch(/: 36 added, 0 updated, 0 unchanged/);
    }
  });
});

describe('an export file that gives a record twice', () => {
  const withSecondCopy = (name: string, at: (l: string[]) => number) => {
    const edited = [...lines];
    const first = edited.indexOf('"people":[') + 1;
    const copy = JSON.parse(edited[first]!.replace(/,$/, ''));
    const line = at(edited);
    edited.splice(line, 0, `${JSON.stringify({ ...copy, gender: 'changed in the copy' })},`);
    return { path: file(name, edited.join('\n')), line: line + 1, id: copy.id as string };
  };

  it.each([['row by row', Infinity], ['in bulk', 0]])('is refused %s, naming the id and the line of the second copy', async (_how, fromBytes) => {
    bulkImport.fromBytes = fromBytes;
    // The copy further down the section, where it is not next to the first.
    const { path, line, id } = withSecondCopy('twice.json', (l) => l.indexOf('"events":[') - 2);
    await refused(path, `${path}, line ${line} (${id}): the same id as an earlier record in the file: a record may appear only once; nothing was imported`);
  });

  it('is refused when the database already holds the record and the copy follows it', async () => {
    const db = tempDb();
    expect((await caselog(['import', DEMO], { db })).code).toBe(0);
    const before = await state(db);
    const { path, line, id } = withSecondCopy('twice-known.json', (l) => l.indexOf('"people":[') + 2);
    const r = await caselog(['import', path], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`caselog: ${path}, line ${line} (${id}): the same id as an earlier record in the file: a record may appear only once; nothing was imported\n`);
    expect(await state(db)).toEqual(before);
  });
});

/** The export with its first deadline changed, as a file. */
function withDeadline(name: string, change: Record<string, unknown>) {
  const edited = [...lines];
  const at = edited.findIndex((l) => l.startsWith('{"id":"d-'));
  const record = JSON.parse(edited[at]!.replace(/,$/, '')) as Record<string, unknown>;
  edited[at] = `${JSON.stringify({ ...record, ...change })}${edited[at]!.endsWith(',') ? ',' : ''}`;
  return { path: file(name, edited.join('\n')), line: at + 1, id: record.id as string };
}

describe('a record with a value caselog would never write', () => {

  it.each([
    ['a done day not in ISO form', { doneOn: '20 May 1999' }, '"doneOn": "20 May 1999" is not in the form YYYY-MM-DD: write it as 1999-05-20 (ISO: year-month-day)'],
    ['a warning of centuries', { warn: 99999999 }, '"warn" must be a whole number of days up to 3653'],
    ['a terminal escape code', { note: 'check \u001b[2J again' }, '"note" holds a control character (U+001B), which caselog never writes'],
    ['a terminal escape code in a list', { people: ['p-\u001b[2J'] }, '"people" holds a control character (U+001B), which caselog never writes'],
    ['a day said to be a month', { date: { date: '1999-03-15', precision: 'month', approximate: false, dateText: '15 March 1999' } },
      '"date": "1999-03-15" is a date to the day, not "precision": "month"'],
    ['approximate neither true nor false', { date: { date: '1999-03-15', precision: 'day', approximate: 'yes', dateText: '15 March 1999' } },
      '"date.approximate" must be true or false'],
  ])('is refused: %s', async (_what, change, message) => {
    const { path, line, id } = withDeadline('odd.json', change);
    await refused(path, `${path}, line ${line} (${id}): ${message}; nothing was imported`);
  });
});

describe('a deadline for nobody on no case (an older version let one in)', () => {
  it('is imported, so that an export of such a database can be read back, and due says whose it is not', async () => {
    const { path, id } = withDeadline('nobody.json', { case: null, people: [], date: { date: '1999-03-10', precision: 'day', approximate: false, dateText: '10 March 1999' } });
    const db = tempDb();
    expect((await caselog(['import', path], { db })).code).toBe(0);
    expect((await caselog(['due'], { db, today: '1999-03-01' })).stdout).toContain(`no case, nobody named  ${id.slice(0, 10)}`);
  });
});

describe('a whole document (pretty-printed, as a hand edit leaves it)', () => {
  const pretty = (change: (doc: Record<string, unknown>) => void) => {
    const doc = JSON.parse(lines.join('\n')) as Record<string, unknown>;
    change(doc);
    return file('pretty.json', JSON.stringify(doc, null, 2));
  };

  it('is imported as the export it is', async () => {
    const path = pretty(() => undefined);
    const db = tempDb();
    expect(await caselog(['import', path], { db })).toMatchObject({ code: 0, stderr: expect.stringMatching(/: [1-9]\d* added, 0 updated/) });
    expect((await caselog(['export', '--format', 'json'], { db })).stdout).toBe(lines.join('\n'));
  });

  it('refuses a misspelt section, rather than leave its records out', async () => {
    const path = pretty((doc) => { doc.peopel = doc.people; delete doc.people; });
    await refused(path, `${path}: unknown section "peopel" (sections: cases, sources, targets, people, events, deadlines, plans, appeals); nothing was imported`);
  });

  it('refuses one without its format version, or with the version as text', async () => {
    const path = pretty((doc) => { delete doc.version; });
    await refused(path, `${path} has no format version ("version": 1 after "format"); nothing was imported`);
    const text = file('text-version.json', JSON.stringify({ ...JSON.parse(lines.join('\n')), version: '1' }, null, 2));
    await refused(text, `${text}: its format version is text ("1"), not a number ("version": 1); nothing was imported`);
  });

  it('refuses a field caselog never writes (a misspelling), in a record, a name, a date or an action, rather than drop it', async () => {
    const person = lines.findIndex((l) => l.includes('"gender":"male"'));
    const misspelt = lines.map((l, i) => (i === person ? l.replace('"gender":"male"', '"gendr":"male"') : l));
    const path = file('gendr.json', misspelt.join('\n'));
    await refused(path, new RegExp(`^caselog: ${path}, line ${person + 1} \\(p-\\w+\\): unknown field "gendr" \\(people have id, name, names, age, ageOn, born, gender, citizenship, ethnicity, status, statusOn, risks, cases, recorded\\); nothing was imported\\n$`));
    const inName = file('name-field.json', lines.map((l, i) => (i === person ? l.replace(/"note":null\}/, '"note":null,"script":"Latin"}') : l)).join('\n'));
    await refused(inName, /unknown field "script" in a name \(a name has id, name, note\); nothing was imported/);
    const event = lines.findIndex((l) => l.includes('"type":"deportation"'));
    const inDate = file('date-field.json', lines.map((l, i) => (i === event ? l.replace('"approximate":false,', '"approximate":false,"calendar":"julian",') : l)).join('\n'));
    await refused(inDate, /unknown field "calendar" in "date" \(a date has date, precision, approximate, dateText\); nothing was imported/);
  });
});

describe('an event about nobody', () => {
  it('on no case either is refused, as edit refuses it: it would show in no timeline', async () => {
    const edited = [...lines];
    const at = edited.findIndex((l) => l.startsWith('{"id":"e-'));
    const record = JSON.parse(edited[at]!.replace(/,$/, '')) as Record<string, unknown>;
    edited[at] = `${JSON.stringify({ ...record, case: null, people: [] })}${edited[at]!.endsWith(',') ? ',' : ''}`;
    const path = file('nobody.json', edited.join('\n'));
    await refused(path, `${path}, line ${at + 1} (${record.id as string}): an event must be about someone ("people") or a case ("case"); nothing was imported`);
  });
});

describe('invisible characters', () => {
  const withRecord = (name: string, prefix: string, change: (r: Record<string, unknown>) => Record<string, unknown>) => {
    const edited = [...lines];
    const at = edited.findIndex((l) => l.startsWith(`{"id":"${prefix}`));
    const record = JSON.parse(edited[at]!.replace(/,$/, '')) as Record<string, unknown>;
    edited[at] = `${JSON.stringify(change(record))}${edited[at]!.endsWith(',') ? ',' : ''}`;
    return { path: file(name, edited.join('\n')), line: at + 1, id: record.id as string };
  };

  it('in a name (a direction override) or a case reference (a line break) are refused, as add refuses them', async () => {
    const name = withRecord('rlo.json', 'p-', (r) => ({ ...r, name: 'Ahmad\u202eKarim', names: [{ ...(r.names as object[])[0], name: 'Ahmad\u202eKarim' }, ...(r.names as object[]).slice(1)] }));
    await refused(name.path, `${name.path}, line ${name.line} (${name.id}): a name holds an invisible direction or format character (U+202E), which caselog never writes; nothing was imported`);
    const ref = withRecord('ref.json', 'c-', (r) => ({ ...r, ref: 'UA 5/24\n2' }));
    await refused(ref.path, `${ref.path}, line ${ref.line} (${ref.id}): "ref" holds a line break, tab or invisible character (U+000A), which caselog never writes; nothing was imported`);
  });
});

describe('values caselog never writes', () => {
  const withFirst = (name: string, prefix: string, change: (r: Record<string, unknown>) => Record<string, unknown>) => {
    const edited = [...lines];
    // The first of its kind naming someone (an event on a whole case names nobody).
    const at = edited.findIndex((l) => l.startsWith(`{"id":"${prefix}`) && !l.includes('"people":[]'));
    const record = JSON.parse(edited[at]!.replace(/,$/, '')) as Record<string, unknown>;
    edited[at] = `${JSON.stringify(change(record))}${edited[at]!.endsWith(',') ? ',' : ''}`;
    return { path: file(name, edited.join('\n')), line: at + 1, id: record.id as string };
  };

  it.each([
    ['a risk twice', 'p-', (r: Record<string, unknown>) => ({ ...r, risks: ['torture', 'torture'] }), '"risks" holds "torture" twice, which caselog never writes'],
    ['a person twice on an event', 'e-', (r: Record<string, unknown>) => ({ ...r, people: [...(r.people as string[]), ...(r.people as string[])] }), /"people" holds "p-\w+" twice/],
    ['a status on an event that is not a status change', 'e-', (r: Record<string, unknown>) => ({ ...r, type: 'arrest', status: 'deceased' }), '"status" goes only with "type": "status" (a arrest sets its own)'],
    ['a status change without its status', 'e-', (r: Record<string, unknown>) => ({ ...r, type: 'status', status: null }), 'a "status" event needs its "status"'],
    ['a recorded time that is no time', 'c-', (r: Record<string, unknown>) => ({ ...r, recorded: 'not a time' }), '"recorded" must be a time such as 2019-12-12T09:30:00.000Z, which caselog writes'],
    ['a recorded time on a day that does not exist', 'c-', (r: Record<string, unknown>) => ({ ...r, recorded: '2026-02-30T10:00:00.000Z' }), '"recorded" must be a time such as 2019-12-12T09:30:00.000Z, which caselog writes'],
    ['a blank other name', 'p-', (r: Record<string, unknown>) => ({ ...r, names: [...(r.names as object[]), { id: 'n-0000000000000000', name: '   ', note: null }] }),
      '"names" must be a list of {id, name, note}: an id n-..., a name that is not blank, a note that is text or null'],
    ['a name\'s note that is a number', 'p-', (r: Record<string, unknown>) => ({ ...r, names: (r.names as Array<Record<string, unknown>>).map((n) => ({ ...n, note: 5 })) }),
      '"names" must be a list of {id, name, note}: an id n-..., a name that is not blank, a note that is text or null'],
    ['an event id of another kind', 'e-', (r: Record<string, unknown>) => ({ ...r, id: `x${(r.id as string).slice(1)}` }), /"id" is missing or not the id of an event \(e-\.\.\.\)/],
    ['a name twice', 'p-', (r: Record<string, unknown>) => ({ ...r, names: [...(r.names as object[]), { id: 'n-0000000000000000', name: r.name, note: null }] }),
      /"names" holds "[^"]+" twice, which caselog never writes; nothing was imported/],
    ['a name with a semicolon, which CSV sheets split', 'p-', (r: Record<string, unknown>) => ({ ...r, names: [...(r.names as object[]), { id: 'n-0000000000000000', name: 'Qaster; Musakhanuly', note: null }] }),
      'the name "Qaster; Musakhanuly" holds a semicolon, which separates names in CSV sheets and which caselog refuses in a name'],
  ])('is refused: %s', async (_what, prefix, change, message) => {
    const { path, line, id } = withFirst(`odd-${prefix}.json`, prefix as string, change as (r: Record<string, unknown>) => Record<string, unknown>);
    await refused(path, typeof message === 'string' ? `${path}, line ${line} (${id}): ${message}; nothing was imported` : message as RegExp);
  });

  it('reads an empty section written on one line, with spacing around its colon', async () => {
    const edited: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      // "deadlines":[ ... ], as "deadlines": [], (the section emptied by hand).
      if (lines[i] === '"deadlines":[') {
        edited.push('"deadlines" : [ ] ,');
        while (lines[i] !== '],') i++;
      } else edited.push(lines[i]!);
    }
    const path = file('one-line-section.json', edited.join('\n'));
    const db = tempDb();
    const r = await caselog(['import', path], { db });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse((await caselog(['--json', 'due', '--within', '99999'], { db, today: '1999-01-01' })).stdout)).toEqual([]);
  });
});

describe('a file that is not UTF-8', () => {
  it('is refused at the line with the bytes, not imported with U+FFFD in their place', async () => {
    const at = lines.findIndex((l) => l.startsWith('{"id":"e-'));
    const bytes = Buffer.from(lines.join('\n'), 'utf8');
    const offset = Buffer.from(lines.slice(0, at).join('\n'), 'utf8').length + 20;
    const path = join(dir, 'latin1.json');
    writeFileSync(path, Buffer.concat([bytes.subarray(0, offset), Buffer.from([0xff, 0xfe]), bytes.subarray(offset)]));
    await refused(path, `${path}, line ${at + 1}: not UTF-8 text (save the file as UTF-8); nothing was imported`);
  });

  it('is refused as a sheet too', async () => {
    const path = join(dir, 'people-latin1.csv');
    writeFileSync(path, Buffer.concat([Buffer.from('name,other_names\nJos'), Buffer.from([0xe9]), Buffer.from(' Nu\u00f1ez,\n')]));
    await refused(path, `${path} is not UTF-8 text: save the sheet as CSV UTF-8; nothing was imported`);
  });
});

describe('an import that cannot start', () => {
  it('from a folder says so in one line and creates no database', async () => {
    await refused(dir, `${dir} is a folder, not a file: give the export file to import`);
  });

  it('from a device that never ends (/dev/zero) is refused at once, creating no database', async () => {
    await refused('/dev/zero', '/dev/zero is a device, not a file: give the export file to import');
  });

  it('from a missing file creates no database', async () => {
    await refused(join(dir, 'nowhere.json'), `no file ${join(dir, 'nowhere.json')}`);
  });

  it('of a file with a bad record leaves no new database, nor its -wal and -shm', async () => {
    const edited = [...lines];
    const at = edited.indexOf('"events":[') + 1;
    edited[at] = edited[at]!.replace(/"type":"\w+"/, '"type":"party"');
    await refused(file('bad-record.json', edited.join('\n')), /, line \d+ \(e-\w+\): "type" must be one of .*; nothing was imported/);
  });

  it('of a CSV file with a bad row leaves no new database', async () => {
    // A CSV refusal lists each bad row on a line of its own.
    await refused(file('bad.csv', 'name,status\nAida Bekova,jailed\n'), /status: "jailed" is not one of/, false);
  });

  it('that succeeds into a new database keeps it', async () => {
    const db = tempDb();
    expect((await caselog(['import', DEMO], { db })).code).toBe(0);
    expect(readFileSync(db).length).toBeGreaterThan(0);
    expect((await caselog(['--json', 'list', 'people'], { db })).stdout).toContain('Hemit Memet');
  });
});

describe('several rows of a sheet refused', () => {
  it('are said in one line, each after a semicolon with its row and column', async () => {
    const db = tempDb();
    const file = `${db}-bad.csv`;
    writeFileSync(file, 'date,type,summary\n2019-01-01,arested,x\n2019-02-30,arrest,y\n');
    const r = await caselog(['import', file], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^caselog: [^\n]+: 2 rows cannot be imported, so nothing was imported: row 2, column type: [^\n]+; row 3, column date: [^\n]+\n$/);
  });
});

describe("caselog's own people sheet, with ids, into a new database", () => {
  it('takes rows whose names are close to each other, as their ids tell them apart', async () => {
    const from = tempDb();
    await caselog(['add', 'person', 'Ablimit Tursun'], { db: from });
    await caselog(['add', 'person', 'Ablimit Turghun', '--new'], { db: from });
    const sheet = `${from}-people.csv`;
    writeFileSync(sheet, (await caselog(['export', '--format', 'csv', '--table', 'people'], { db: from })).stdout);
    const r = await caselog(['import', sheet], { db: tempDb() });
    expect(r).toMatchObject({ code: 0 });
    expect(r.stderr).toContain('2 added');
  });
});

describe('a sheet whose names lost their letters to "?"', () => {
  it('is refused, even with --replace, and the names in other scripts stay', async () => {
    const db = tempDb();
    await caselog(['add', 'person', 'Ekpar Tursun', '--alias', 'ئەكپەر تۇرسۇن', '--alias', '艾克帕尔·吐尔逊'], { db });
    const sheet = `${db}-ascii.csv`;
    writeFileSync(sheet, (await caselog(['export', '--format', 'csv', '--table', 'people'], { db })).stdout.replace(/[^\x00-\x7f]/g, '?'));
    const r = await caselog(['import', sheet, '--replace'], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('has no letter, which caselog never writes (its letters were lost as "?" when the file was saved in an encoding that cannot write them: save it as CSV UTF-8)');
    expect(JSON.parse((await caselog(['--json', 'show', 'Ekpar Tursun'], { db })).stdout).names).toEqual(['Ekpar Tursun', 'ئەكپەر تۇرسۇن', '艾克帕尔·吐尔逊']);
  });
});
